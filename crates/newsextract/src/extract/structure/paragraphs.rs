//! Paragraphs from body lines in the three layouts news text comes in: blank-line-separated,
//! one paragraph per line, and hard-wrapped wire copy (about 65 columns, paragraphs marked by
//! an indent, or by nothing but a short last line).

/// Lines wider than this are never hard-wrapped continuations: wire copy wraps at 60-80.
const MAX_WRAP_WIDTH: usize = 100;

/// A body line as paragraph segmentation sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct BodyLine {
    /// Index of the line in the document.
    pub(crate) index: usize,
    /// First byte of body text on the line (after the indent, or after a dateline).
    pub(crate) start: usize,
    /// Just past the last non-space character.
    pub(crate) end: usize,
    /// Leading spaces and tabs of the physical line, in bytes.
    pub(crate) indent: usize,
    /// Characters of the physical line, without trailing white space.
    pub(crate) width: usize,
    /// Characters of the line's first word.
    pub(crate) first_word: usize,
    /// The line ends with sentence-final or closing punctuation.
    pub(crate) ends_clause: bool,
}

impl BodyLine {
    /// Describes line `index` whose text is `text[line_start..line_end]`, with body text
    /// from `body_start` (past the indent, or past a dateline on that line).
    pub(crate) fn new(
        text: &str,
        index: usize,
        line_start: usize,
        line_end: usize,
        body_start: usize,
    ) -> BodyLine {
        let physical = text.get(line_start..line_end).unwrap_or("");
        let trimmed_end = physical.trim_end();
        let indent = physical
            .bytes()
            .take_while(|b| *b == b' ' || *b == b'\t')
            .count();
        let body = text.get(body_start..line_end).unwrap_or("");
        let body_trimmed = body.trim_start();
        let start = body_start + (body.len() - body_trimmed.len());
        let end = line_start + trimmed_end.len();
        let first_word = body_trimmed
            .split_whitespace()
            .next()
            .map_or(0, |w| w.chars().count());
        let last = trimmed_end.chars().next_back();
        BodyLine {
            index,
            start,
            end: end.max(start),
            indent,
            width: char_count(trimmed_end),
            first_word,
            ends_clause: last.is_some_and(|c| {
                matches!(
                    c,
                    '.' | '?'
                        | '!'
                        | ':'
                        | '"'
                        | '\''
                        | ')'
                        | '\u{201D}'
                        | '\u{2019}'
                        | '\u{2026}'
                        | '\u{06D4}'
                )
            }),
        }
    }
}

/// Counts chars without decoding: every byte that does not continue a UTF-8 sequence.
pub(crate) fn char_count(s: &str) -> usize {
    // A sum rather than `filter().count()`: the compiler turns it into a vector loop.
    s.bytes().map(|b| usize::from((b & 0xC0) != 0x80)).sum()
}

/// True when `next` holds the word that a greedy wrapper at `width` columns could not fit on
/// `line`: the line break is a wrap, not a paragraph break.
pub(crate) fn continues(line: &BodyLine, next: &BodyLine, width: usize) -> bool {
    width <= MAX_WRAP_WIDTH && line.width <= width && line.width + 1 + next.first_word > width
}

/// The widest line of a run of consecutive lines: the wrap width when the run is wrapped.
pub(crate) fn run_width(run: &[BodyLine]) -> usize {
    run.iter().map(|l| l.width).max().unwrap_or(0)
}

/// Splits one run of consecutive body lines (no blank or special line between them) into
/// paragraphs, each given as the range of indices into `run` it covers.
pub(crate) fn split_run(run: &[BodyLine]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    if run.is_empty() {
        return out;
    }
    let base_indent = run.iter().map(|l| l.indent).min().unwrap_or(0);
    // Wire copy marks a paragraph by indenting its first line; its other lines sit at the
    // base indent. Both must be seen, or the indent says nothing.
    let indent_marked = run
        .windows(2)
        .any(|pair| pair[0].indent > base_indent && pair[1].indent == base_indent);
    let width = run_width(run);
    let wrapped = !indent_marked
        && run
            .windows(2)
            .any(|pair| !pair[0].ends_clause && continues(&pair[0], &pair[1], width));
    let mut start = 0;
    for i in 1..run.len() {
        let new_paragraph = if indent_marked {
            run[i].indent > base_indent
        } else if wrapped {
            !continues(&run[i - 1], &run[i], width)
        } else {
            true
        };
        if new_paragraph {
            out.push(start..i);
            start = i;
        }
    }
    out.push(start..run.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Paragraph texts of `text` taken as one run of body lines.
    fn paragraphs(text: &str) -> Vec<String> {
        let mut run = Vec::new();
        let mut offset = 0;
        for (index, line) in text.split('\n').enumerate() {
            let indent = line.len() - line.trim_start().len();
            run.push(BodyLine::new(
                text,
                index,
                offset,
                offset + line.len(),
                offset + indent,
            ));
            offset += line.len() + 1;
        }
        split_run(&run)
            .into_iter()
            .map(|r| text[run[r.start].start..run[r.end - 1].end].to_string())
            .collect()
    }

    #[test]
    fn indent_marked_wire_copy() {
        let text = "    SALVADOR, Feb 26 - Showers continued throughout the week in\n\
                    the Bahia cocoa zone, alleviating the drought since early\n\
                    January and improving prospects for the coming temporao.\n\
                    \tComissaria Smith said arrivals are now 1.2 mln bags.\n\
                    \x20   Final paragraph of one line.";
        let got = paragraphs(text);
        assert_eq!(got.len(), 3, "{got:#?}");
        assert!(got[0].starts_with("SALVADOR") && got[0].ends_with("temporao."));
        assert_eq!(
            got[1],
            "Comissaria Smith said arrivals are now 1.2 mln bags."
        );
        assert_eq!(got[2], "Final paragraph of one line.");
    }

    #[test]
    fn wrapped_without_indent() {
        let text = "The State Bank of Pakistan raised its key policy rate by 100\n\
                    basis points to a record 21 percent on Tuesday.\n\
                    Analysts had expected the move after inflation hit 36.4 pct in\n\
                    April, the highest on record, and said more rises could follow\n\
                    in June.\n\
                    “It was expected,” said Zoë Khan.";
        let got = paragraphs(text);
        assert_eq!(got.len(), 3, "{got:#?}");
        assert!(got[0].ends_with("on Tuesday."));
        assert!(got[1].starts_with("Analysts") && got[1].ends_with("in June."));
        assert_eq!(got[2], "“It was expected,” said Zoë Khan.");
    }

    #[test]
    fn one_paragraph_per_line() {
        let text = "The meeting was held in Islamabad on Monday and lasted for more than three hours, officials said.\n\
                    Miller said the two countries shared an interest in regional security.\n\
                    وزیر اعظم نے کہا کہ مذاکرات کامیاب رہے۔\n\
                    Short line.";
        assert_eq!(paragraphs(text).len(), 4);
    }

    #[test]
    fn same_indent_everywhere_is_not_a_marker() {
        let text = "    First paragraph of the story.\n    Second paragraph of the story.";
        assert_eq!(
            paragraphs(text),
            [
                "First paragraph of the story.",
                "Second paragraph of the story."
            ]
        );
    }
}
