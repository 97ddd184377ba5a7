//! Paragraph blocks for the quote pass, from the lines of the document.
//!
//! Quotes need paragraph ends (an unclosed quote stops there, a multi-paragraph quote reopens at
//! each start) in every part of the text, the headline included, so the pass finds them itself
//! and only adds the structure pass's paragraph starts as extra breaks.

use super::lexicon::{is_in, ABBREVIATIONS};
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

/// The sentences of the paragraph `text[start..end]` that hold the offsets `at` (sorted), as
/// merged, trimmed ranges. Sentences end at a full stop, "!" or "?" followed by a space and a
/// capital, a digit or a non-ASCII letter; not after an initial ("C.") or an abbreviation
/// ("Mr.", "U.S."). It errs on the side of longer sentences: the tokenizer splits them again.
pub(super) fn sentences_around(
    text: &str,
    start: usize,
    end: usize,
    at: &[usize],
) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut starts = vec![start];
    // Sentences past the one that holds the last offset are not wanted: the scan stops at
    // the first start beyond it.
    let last = at.iter().copied().max().unwrap_or(start);
    let mut i = start;
    while starts.last().is_some_and(|&s| s <= last) {
        i = next_stop(bytes, i, end);
        if i >= end {
            break;
        }
        let mut next = i + 1;
        while next < end && bytes[next] == b' ' {
            next += 1;
        }
        let opens = next > i + 1
            && next < end
            && (bytes[next].is_ascii_uppercase()
                || bytes[next].is_ascii_digit()
                || bytes[next] == b'"'
                || bytes[next] >= 0x80);
        if opens && (bytes[i] != b'.' || !keeps_its_stop(text, start, i)) {
            starts.push(next);
        }
        i = next.max(i + 1);
    }
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for &offset in at {
        let k = starts.partition_point(|&s| s <= offset).saturating_sub(1);
        let sentence_start = starts[k];
        let sentence_end = starts.get(k + 1).map_or(end, |&next| {
            text[sentence_start..next].trim_end().len() + sentence_start
        });
        match ranges.last_mut() {
            Some(last) if last.1 >= sentence_start => last.1 = last.1.max(sentence_end),
            _ => ranges.push((sentence_start, sentence_end)),
        }
    }
    ranges
}

/// The index of the first full stop, "!" or "?" in `bytes[from..end]`, or `end`. By `memchr3`,
/// many bytes at a time, as the sentence splitter does: sentence ends are far apart, and a byte
/// loop spends a compare and a branch on each byte between them.
fn next_stop(bytes: &[u8], from: usize, end: usize) -> usize {
    let end = end.min(bytes.len());
    bytes
        .get(from..end)
        .and_then(|rest| memchr::memchr3(b'.', b'!', b'?', rest))
        .map_or(end, |k| from + k)
}

/// True when the full stop at `stop` belongs to the word before it: an initial or an
/// abbreviation.
fn keeps_its_stop(text: &str, start: usize, stop: usize) -> bool {
    let bytes = text.as_bytes();
    let mut w = stop;
    while w > start
        && (bytes[w - 1].is_ascii_alphanumeric() || bytes[w - 1] == b'.' || bytes[w - 1] == b'-')
    {
        w -= 1;
    }
    let word = &text[w..stop];
    let initial = word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase();
    let initials = word.contains('.') && word.split('.').all(|part| part.len() <= 2);
    let last_part = word.rsplit('-').next().unwrap_or(word);
    initial || initials || (last_part.len() <= 6 && is_in(&ABBREVIATIONS, last_part))
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
    fn sentences_around_cues() {
        let text = "Rain fell. Mr. Smith said the U.S. plan failed. Zoë left! \"Why?\" 3 more.";
        let at = |word: &str| text.find(word).unwrap();
        let around = |offsets: &[usize]| -> Vec<&str> {
            sentences_around(text, 0, text.len(), offsets)
                .into_iter()
                .map(|(s, e)| &text[s..e])
                .collect()
        };
        assert_eq!(
            around(&[at("said")]),
            ["Mr. Smith said the U.S. plan failed."]
        );
        assert_eq!(
            around(&[at("Rain"), at("Smith"), at("said")]),
            ["Rain fell.", "Mr. Smith said the U.S. plan failed."]
        );
        assert_eq!(around(&[at("left")]), ["Zoë left!"]);
        // A quote mark after "?" hides the sentence end: the range errs on the long side.
        assert_eq!(around(&[at("more")]), ["\"Why?\" 3 more."]);
    }

    #[test]
    fn finds_the_next_stop_like_a_byte_loop() {
        let slow = |bytes: &[u8], mut i: usize, end: usize| {
            while i < end && !matches!(bytes[i], b'.' | b'!' | b'?') {
                i += 1;
            }
            i
        };
        let text = "Zoë said so. Really?! \u{2026} Yes... ok ab.cd!x?\u{FF0E}.";
        let bytes = text.as_bytes();
        for from in 0..bytes.len() {
            for end in from..=bytes.len() {
                assert_eq!(
                    next_stop(bytes, from, end),
                    slow(bytes, from, end),
                    "{from}..{end}"
                );
            }
        }
        for b in 0..=255u8 {
            let mut bytes = vec![b'a'; 20];
            bytes[11] = b;
            assert_eq!(next_stop(&bytes, 0, 20), slow(&bytes, 0, 20), "{b}");
            bytes[3] = b.wrapping_add(0x80);
            assert_eq!(next_stop(&bytes, 0, 20), slow(&bytes, 0, 20), "{b}");
        }
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
