//! Paragraph blocks for the quote pass, from the lines of the document.
//!
//! Quotes need paragraph ends (an unclosed quote stops there, a multi-paragraph quote reopens at
//! each start) in every part of the text, the headline included, so the pass finds them itself
//! and only adds the structure pass's paragraph starts as extra breaks.

use crate::extract::structure::Structure;
use crate::text::Document;

/// A text whose lines all fit this many characters is hard-wrapped: its paragraphs are blocks
/// of lines. Otherwise each line is a paragraph.
const WRAP_WIDTH: usize = 100;

/// `(start, end)` byte ranges of the paragraphs, trimmed, in text order. Related-article and
/// boilerplate lines are left out, and a dateline is cut off the paragraph it opens: its
/// place is nobody's speaker.
pub(super) fn split(doc: &Document<'_>, structure: &Structure) -> Vec<(usize, usize)> {
    let text = doc.text;
    let mut skipped: Vec<(usize, usize)> = structure
        .related
        .iter()
        .map(|r| (r.start, r.end))
        .chain(structure.boilerplate.iter().map(|b| (b.start, b.end)))
        .collect();
    skipped.sort_unstable();
    let dateline_end = structure.dateline.as_ref().map(|d| d.end);
    blocks(doc, structure)
        .into_iter()
        .filter(|&(start, end)| {
            let at = skipped.partition_point(|&(_, e)| e <= start);
            !skipped.get(at).is_some_and(|&(s, _)| s < end)
        })
        .filter_map(|(start, end)| match dateline_end {
            Some(cut) if start <= cut && cut < end => {
                let rest = text.get(cut..end)?;
                // "ISLAMABAD: (Web Desk)", "LONDON, May 3 (Reuters) -", "SEOUL (Yonhap) --".
                let body = rest.trim_start_matches(|c: char| {
                    c.is_whitespace() || matches!(c, ':' | '-' | '\u{2013}' | '\u{2014}' | ',')
                });
                let body = strip_desk(body);
                let body_start = end - body.len();
                (body_start < end).then_some((body_start, end))
            }
            _ => Some((start, end)),
        })
        .collect()
}

/// "(Web Desk) The ..." -> "The ...": a desk or agency in brackets right after the dateline.
fn strip_desk(body: &str) -> &str {
    if let Some(rest) = body.strip_prefix('(') {
        if let Some(close) = rest.find(')').filter(|&c| c < 40) {
            return rest[close + 1..].trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, ':' | '-' | '\u{2013}' | '\u{2014}')
            });
        }
    }
    body
}

/// Blocks of lines: one line per paragraph, or hard-wrapped paragraphs.
fn blocks(doc: &Document<'_>, structure: &Structure) -> Vec<(usize, usize)> {
    let text = doc.text;
    let has_blank = doc.lines.iter().any(|line| line.is_blank(text));
    let indented = doc.lines.iter().any(|l| l.indent > 0 && !l.is_blank(text));
    let flush = doc.lines.iter().any(|l| l.indent == 0 && !l.is_blank(text));
    // Short lines with blank lines or indented first lines between them are wrapped text.
    let wrapped = (has_blank || (indented && flush))
        && doc.lines.len() > 2
        && doc
            .lines
            .iter()
            .all(|line| text[line.start..line.end].chars().count() <= WRAP_WIDTH);
    let mut starts = structure
        .paragraphs
        .iter()
        .map(|p| p.start)
        .collect::<Vec<_>>()
        .into_iter()
        .peekable();
    let mut out = Vec::new();
    let mut block: Option<(usize, usize)> = None;
    for line in &doc.lines {
        let content = &text[line.start..line.end];
        let trimmed = content.trim();
        if trimmed.is_empty() {
            if let Some(b) = block.take() {
                out.push(b);
            }
            continue;
        }
        let start = line.start + (content.len() - content.trim_start().len());
        let end = start + trimmed.len();
        while starts.peek().is_some_and(|&s| s < line.start) {
            starts.next();
        }
        let structure_break = starts.peek().is_some_and(|&s| s < line.end + 1);
        block = match block {
            Some((block_start, _)) if wrapped && line.indent == 0 && !structure_break => {
                Some((block_start, end))
            }
            Some(b) => {
                out.push(b);
                Some((start, end))
            }
            None => Some((start, end)),
        };
    }
    if let Some(b) = block {
        out.push(b);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(text: &str) -> Vec<&str> {
        let doc = Document::new(text);
        split(&doc, &Structure::default())
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn datelines_and_related_lines_are_not_speech() {
        let text = "Title\n\nISLAMABAD: (Web Desk) Miller said so.\n\nAlso read: Zoë says hi";
        let doc = Document::new(text);
        let (dateline, related) = (text.find("ISLAMABAD").unwrap(), text.find("Also").unwrap());
        let structure = Structure {
            dateline: Some(crate::Dateline {
                text: "ISLAMABAD".into(),
                start: dateline,
                end: dateline + "ISLAMABAD".len(),
                location: None,
                region: None,
                country: None,
                source: None,
                date: None,
            }),
            related: vec![crate::Related {
                text: "Also read: Zoë says hi".into(),
                start: related,
                end: text.len(),
                title: "Zoë says hi".into(),
                kind: crate::RelatedKind::AlsoRead,
            }],
            ..Structure::default()
        };
        let got: Vec<&str> = split(&doc, &structure)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect();
        assert_eq!(got, ["Title", "Miller said so."]);
    }

    #[test]
    fn one_line_per_paragraph_or_wrapped_blocks() {
        let long = "x".repeat(120);
        let text = format!("Title\n\nFirst line {long}\nSecond line\n\n  Third");
        assert_eq!(
            paragraphs(&text),
            [
                "Title",
                &format!("First line {long}") as &str,
                "Second line",
                "Third"
            ]
        );
        let wrapped = "Title\n\nA wrapped line\nthat goes on.\n  An indented start\nhere.\n\nLast";
        assert_eq!(
            paragraphs(wrapped),
            [
                "Title",
                "A wrapped line\nthat goes on.",
                "An indented start\nhere.",
                "Last"
            ]
        );
        let indented =
            "TITLE\n\tFirst paragraph\nruns on.\n\tSecond \"quote\nover lines,\" he said.";
        assert_eq!(
            paragraphs(indented),
            [
                "TITLE",
                "First paragraph\nruns on.",
                "Second \"quote\nover lines,\" he said."
            ]
        );
        assert!(paragraphs("").is_empty());
        assert_eq!(paragraphs("\n\n  “Zoë”  \n"), ["“Zoë”"]);
    }
}
