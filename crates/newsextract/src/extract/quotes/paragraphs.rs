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

/// `(start, end)` byte ranges of the paragraphs, trimmed, in text order.
pub(super) fn split(doc: &Document<'_>, structure: &Structure) -> Vec<(usize, usize)> {
    let text = doc.text;
    let has_blank = doc.lines.iter().any(|line| line.is_blank(text));
    let wrapped = has_blank
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
    fn one_line_per_paragraph_or_wrapped_blocks() {
        let long = "x".repeat(120);
        let text = format!("Title\n\nFirst line {long}\nSecond line\n\n  Third");
        assert_eq!(
            paragraphs(&text),
            ["Title", &format!("First line {long}") as &str, "Second line", "Third"]
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
        assert!(paragraphs("").is_empty());
        assert_eq!(paragraphs("\n\n  “Zoë”  \n"), ["“Zoë”"]);
    }
}
