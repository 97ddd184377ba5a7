//! Pairing of quote marks inside one paragraph, in one left-to-right pass.
//!
//! Each mark is read from its neighbours: a mark after a space and before a letter opens, one
//! after a letter and before a space or punctuation closes. Curly marks carry their own role
//! but sloppy text uses them both ways, so the context can overrule it. Apostrophes (`don’t`,
//! `Pakistan’s`, `’90s`, `rock 'n' roll`) are never marks. Open quotes wait on a small stack
//! of bounded depth, so nested quotes of the other style pair correctly and a run of a million
//! marks costs a million steps.

/// Double marks (“ ” " „ « » '') or single marks (‘ ’ ' ‹ ›).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Family {
    /// “ ” " „ « » and the two-apostrophe mark ''.
    Double,
    /// ‘ ’ ' ‹ ›.
    Single,
}

/// How a mark is drawn; a straight mark only pairs with a straight mark of its own kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Curly,
    Low,
    Straight,
    TwoApostrophes,
    Guillemet,
    CurlySingle,
    StraightSingle,
    SingleGuillemet,
}

/// What the neighbours of a mark say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Unclear,
}

/// A quoted stretch of one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Piece {
    /// Byte offset of the opening mark.
    pub(super) mark_start: usize,
    /// Start of the quoted words (after the mark and any space).
    pub(super) start: usize,
    /// End of the quoted words (before the closing mark and any space).
    pub(super) end: usize,
    /// Byte offset just past the closing mark, or the paragraph end when there is none.
    pub(super) mark_end: usize,
    /// False when the paragraph (or a new opening mark of the same style) ended the quote.
    pub(super) closed: bool,
    /// The kind of marks around it.
    pub(super) family: Family,
    /// True when the opening mark is the paragraph's first character.
    pub(super) at_paragraph_start: bool,
}

/// Deeper nesting than this is not writing but noise; further opening marks are ignored.
const MAX_DEPTH: usize = 6;

#[derive(Debug, Clone, Copy)]
struct Open {
    family: Family,
    style: Style,
    mark_start: usize,
    inner_start: usize,
}

/// Words that follow an eliding apostrophe: `'em`, `rock 'n' roll`, `'til`.
const ELISIONS: &[&str] = &[
    "em", "n", "til", "cause", "tis", "twas", "bout", "nuff", "cept", "round", "ol", "ya", "s",
];

fn is_space(c: Option<char>) -> bool {
    c.map_or(true, char::is_whitespace)
}

fn is_mark_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{201F}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{2039}'
            | '\u{203A}'
    )
}

fn opens_after(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '-' | '/' | '\u{2026}'
    ) || is_mark_char(c)
}

fn closes_before(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
            | ']'
            | '}'
            | '\u{2014}'
            | '\u{2013}'
            | '-'
            | '\u{2026}'
            | '/'
    ) || is_mark_char(c)
}

fn role(prev: Option<char>, next: Option<char>) -> Role {
    let left = is_space(prev) || prev.is_some_and(opens_after);
    let right = is_space(next) || next.is_some_and(closes_before);
    let opens = left && !is_space(next);
    let closes = !is_space(prev) && right;
    match (opens, closes) {
        (true, false) => Role::Open,
        (false, true) => Role::Close,
        _ => Role::Unclear,
    }
}

/// True when a single mark at `at` (of length `len`) is an apostrophe, judged by its neighbours.
fn is_apostrophe(
    text: &str,
    at: usize,
    len: usize,
    prev: Option<char>,
    next: Option<char>,
) -> bool {
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    if alnum(prev) && alnum(next) {
        return true;
    }
    if !is_space(prev) && !prev.is_some_and(opens_after) {
        return false;
    }
    let after = text.get(at + len..).unwrap_or("");
    // '90s, ’16: two digits and no more.
    let mut digits = after.chars();
    if digits.next().is_some_and(|c| c.is_ascii_digit())
        && digits.next().is_some_and(|c| c.is_ascii_digit())
        && !digits.next().is_some_and(|c| c.is_ascii_digit())
    {
        return true;
    }
    let word_end = after
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(after.len());
    let word = &after[..word_end];
    word.len() <= 5
        && ELISIONS
            .iter()
            .any(|elision| word.eq_ignore_ascii_case(elision))
}

/// Finds the quotes of the paragraph `text[start..end]`, outermost only, in text order.
pub(super) fn scan(text: &str, start: usize, end: usize) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let Some(paragraph) = text.get(start..end) else {
        return pieces;
    };
    // Most paragraphs have no marks: the stack allocates only at the first one.
    let mut stack: Vec<Open> = Vec::new();
    let bytes = paragraph.as_bytes();
    let mut candidates = Candidates::new(bytes);
    let mut offset = 0;
    while offset < bytes.len() {
        offset = candidates.next(offset);
        if offset >= bytes.len() {
            break;
        }
        let Some(c) = paragraph[offset..].chars().next() else {
            break;
        };
        if !is_mark_char(c) {
            offset += c.len_utf8();
            continue;
        }
        // The commonest mark by far is the apostrophe inside a word ("don't", "Trump’s").
        let inside_word = |i: Option<usize>| {
            i.and_then(|i| bytes.get(i))
                .is_some_and(u8::is_ascii_alphanumeric)
        };
        if matches!(c, '\'' | '\u{2019}')
            && inside_word(offset.checked_sub(1))
            && inside_word(Some(offset + c.len_utf8()))
        {
            offset += c.len_utf8();
            continue;
        }
        let at = start + offset;
        let before = paragraph[..offset].chars().next_back();
        // Two apostrophes in a row stand for one double mark in some archives ('' like this '').
        let mut len = c.len_utf8();
        let mut style = match c {
            '\u{201C}' | '\u{201D}' | '\u{201F}' => Style::Curly,
            '\u{201E}' => Style::Low,
            '"' => Style::Straight,
            '\u{00AB}' | '\u{00BB}' => Style::Guillemet,
            '\u{2018}' | '\u{2019}' => Style::CurlySingle,
            '\'' => Style::StraightSingle,
            _ => Style::SingleGuillemet,
        };
        // Three in a row after an inner single quote ("it's 'get them out,''' said McCain"):
        // the first closes the inner quote, the other two the outer one.
        let closes_inner = bytes.get(offset + 2) == Some(&b'\'')
            && stack
                .last()
                .is_some_and(|o| o.style == Style::StraightSingle);
        if c == '\'' && bytes.get(offset + 1) == Some(&b'\'') && !closes_inner {
            len = 2;
            style = Style::TwoApostrophes;
        }
        offset += len;
        let next = text.get(at + len..).and_then(|rest| rest.chars().next());
        let context = role(before, next);
        let family = match style {
            Style::CurlySingle | Style::StraightSingle | Style::SingleGuillemet => Family::Single,
            _ => Family::Double,
        };
        // `a="x">`: markup attributes, not speech.
        let markup = style == Style::Straight && (before == Some('=') || next == Some('>'));
        if markup
            || (family == Family::Single
                && style != Style::SingleGuillemet
                && is_apostrophe(text, at, len, before, next))
        {
            continue;
        }
        let nearest = |wanted: &dyn Fn(&Open) -> bool| stack.iter().rposition(wanted);
        let same_family = nearest(&|o: &Open| o.family == family);
        let same_style = nearest(&|o: &Open| o.style == style);
        let action = match (c, style) {
            ('\u{00AB}', _) | ('\u{201E}', _) | ('\u{2039}', _) => Action::Open,
            ('\u{00BB}', _) | ('\u{203A}', _) => close_or_skip(same_family),
            ('\u{201C}', _) | ('\u{2018}', _) => {
                let low_open = stack.last().is_some_and(|o| o.style == Style::Low);
                // „...“ closes with “; sloppy text closes with “ too.
                let closes_low = c == '\u{201C}' && low_open && context != Role::Open;
                if closes_low || (context == Role::Close && same_family.is_some()) {
                    close_or_skip(same_family)
                } else if context == Role::Close
                    || (family == Family::Single && context == Role::Unclear)
                {
                    Action::Skip
                } else if let Some(k) = same_style {
                    // English nests the other style; the same style again means the first
                    // quote was never closed.
                    Action::Restart(k)
                } else {
                    Action::Open
                }
            }
            ('\u{201D}', _) | ('\u{2019}', _) => {
                if context == Role::Open && same_family.is_none() {
                    Action::Open
                } else {
                    close_or_skip(same_family)
                }
            }
            (_, Style::StraightSingle) => match context {
                Role::Open => Action::Open,
                _ => close_or_skip(same_family),
            },
            _ => match (same_style, context) {
                // A new opening mark while one of the same style is open: the writer forgot
                // to close the first quote (common where paragraph breaks were lost).
                (Some(k), Role::Open) => Action::Restart(k),
                (Some(k), _) => Action::Close(k),
                (None, Role::Close) => close_or_skip(same_family),
                (None, _) => Action::Open,
            },
        };
        match action {
            Action::Skip => {}
            Action::Open => {
                if stack.len() < MAX_DEPTH {
                    stack.push(Open {
                        family,
                        style,
                        mark_start: at,
                        inner_start: at + len,
                    });
                }
            }
            Action::Close(k) => {
                let open = stack[k];
                stack.truncate(k);
                push_piece(&mut pieces, text, start, open, at, at + len, true);
            }
            Action::Restart(k) => {
                let open = stack[k];
                stack.truncate(k);
                push_piece(&mut pieces, text, start, open, at, at, false);
                stack.push(Open {
                    family,
                    style,
                    mark_start: at,
                    inner_start: at + len,
                });
            }
        }
    }
    // Quotes still open run to the paragraph end; a single mark left open mid-paragraph is
    // more likely a stray apostrophe than a quote, unless it opened the paragraph.
    for open in stack {
        if open.family == Family::Double || open.mark_start == start {
            push_piece(&mut pieces, text, start, open, end, end, false);
        }
    }
    let mut pieces = outermost(pieces);
    pieces.retain(|piece| !is_nickname(text, start, end, piece));
    pieces
}

/// `Rep. Robert C. "Bobby" Scott`: one capitalised word in marks between two names is a
/// nickname, part of the name, not a quote.
fn is_nickname(text: &str, start: usize, end: usize, piece: &Piece) -> bool {
    let words = text.get(piece.start..piece.end).unwrap_or("");
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    // Headlines put single marks around a capitalised word between names: "Trump ‘Mocking’
    // Clinton". Nicknames take double marks.
    if !piece.closed
        || piece.family != Family::Double
        || words.contains(char::is_whitespace)
        || !capitalised(words)
    {
        return false;
    }
    let before = text.get(start..piece.mark_start).unwrap_or("");
    let after = text.get(piece.mark_end..end).unwrap_or("");
    let previous_word = before
        .strip_suffix(' ')
        .and_then(|b| b.split_whitespace().next_back());
    let next_word = after
        .strip_prefix(' ')
        .and_then(|a| a.split_whitespace().next());
    previous_word.is_some_and(capitalised) && next_word.is_some_and(capitalised)
}

/// The bytes that can start a mark: `"`, `'`, and the first bytes of the UTF-8 forms of
/// “ ” ‘ ’ „ ‹ › (0xE2) and « » (0xC2), found by `memchr3` many bytes at a time, since most of
/// the text holds none. 0xC2 (also the first byte of a no-break space) is looked for apart, and
/// only again once passed.
struct Candidates<'b> {
    bytes: &'b [u8],
    /// The first 0xC2 byte at or after the last search, or the length.
    guillemet: usize,
}

impl<'b> Candidates<'b> {
    fn new(bytes: &'b [u8]) -> Self {
        Candidates {
            bytes,
            guillemet: memchr::memchr(0xC2, bytes).unwrap_or(bytes.len()),
        }
    }

    /// The first candidate at or after `from`, or the length (`from` when past it).
    fn next(&mut self, from: usize) -> usize {
        let Some(rest) = self.bytes.get(from..) else {
            return from;
        };
        if self.guillemet < from {
            self.guillemet = memchr::memchr(0xC2, rest).map_or(self.bytes.len(), |k| from + k);
        }
        let before = rest.get(..self.guillemet - from).unwrap_or_default();
        memchr::memchr3(b'"', b'\'', 0xE2, before).map_or(self.guillemet, |k| from + k)
    }
}

enum Action {
    Skip,
    Open,
    Close(usize),
    Restart(usize),
}

fn close_or_skip(index: Option<usize>) -> Action {
    match index {
        Some(k) => Action::Close(k),
        None => Action::Skip,
    }
}

fn push_piece(
    pieces: &mut Vec<Piece>,
    text: &str,
    paragraph_start: usize,
    open: Open,
    inner_end: usize,
    mark_end: usize,
    closed: bool,
) {
    let Some(inner) = text.get(open.inner_start..inner_end) else {
        return;
    };
    let leading = inner.len() - inner.trim_start().len();
    let mut words = inner.trim();
    // The comma before a closing mark belongs to the sentence around the quote.
    if closed {
        words = words.strip_suffix(',').unwrap_or(words).trim_end();
    }
    // "—", "...", and stage directions such as "(CROSSTALK.)" are not anyone's words.
    let bracketed =
        words.starts_with(['(', '[']) && words.trim_end_matches(['.', ',']).ends_with([')', ']']);
    if !words.chars().any(char::is_alphanumeric) || bracketed {
        return;
    }
    let start = open.inner_start + leading;
    pieces.push(Piece {
        mark_start: open.mark_start,
        start,
        end: start + words.len(),
        mark_end,
        closed,
        family: open.family,
        at_paragraph_start: open.mark_start == paragraph_start,
    });
}

/// Keeps the quotes no other quote contains, in text order.
fn outermost(mut pieces: Vec<Piece>) -> Vec<Piece> {
    pieces.sort_by(|a, b| {
        a.mark_start
            .cmp(&b.mark_start)
            .then(b.mark_end.cmp(&a.mark_end))
    });
    let mut kept: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        match kept.last() {
            Some(last) if piece.mark_start < last.mark_end => {}
            _ => kept.push(piece),
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<&str> {
        scan(text, 0, text.len())
            .iter()
            .map(|p| &text[p.start..p.end])
            .collect()
    }

    #[test]
    fn pairs_marks_of_every_style() {
        let cases: &[(&str, &[&str])] = &[
            ("He said “we will win,” and left.", &["we will win"]),
            ("He said \"we will win\" and left.", &["we will win"]),
            ("Er sagte „wir gewinnen“ heute.", &["wir gewinnen"]),
            ("Il a dit « nous gagnerons » hier.", &["nous gagnerons"]),
            ("Headline: Trump ‘Mocking’ Clinton", &["Mocking"]),
            ("She said 'no way' today.", &["no way"]),
            ("the ''Buffett rule'' after him", &["Buffett rule"]),
            ("“Zoë Müller ist hier,” sagte er.", &["Zoë Müller ist hier"]),
            ("“عمران خان نے کہا,” he said.", &["عمران خان نے کہا"]),
        ];
        for (text, want) in cases {
            assert_eq!(quotes(text), *want, "{text}");
        }
    }

    #[test]
    fn nests_the_other_style_and_keeps_the_outer_quote() {
        let text = "“He told me ‘go home’ and I did,” she said.";
        assert_eq!(quotes(text), ["He told me ‘go home’ and I did"]);
        let text = "\"Read the question: “Do you think so?” Yes.\" he said";
        assert_eq!(quotes(text), ["Read the question: “Do you think so?” Yes."]);
        // Archives that write a double mark as two apostrophes close both at once with three.
        let text = "''I would use the word 'old-school,''' said Gregory Slayton.";
        assert_eq!(quotes(text), ["I would use the word 'old-school,'"]);
        let text = "''It was good,''' he said, ''and 'fine.'''";
        assert_eq!(quotes(text), ["It was good", "and 'fine.'"]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        let cases: &[(&str, &[&str])] = &[
            ("Pakistan’s view, don’t you know, in the ’90s", &[]),
            ("rock 'n' roll and the '90s and Davis' book", &[]),
            (
                "“Pakistan’s ‘shared interest’ isn’t new,” he said.",
                &["Pakistan’s ‘shared interest’ isn’t new"],
            ),
            ("The analysts’ view and the ‘core’ issue", &["core"]),
            ("He's 6'2\" tall and 'em all", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(quotes(text), *want, "{text}");
        }
    }

    #[test]
    fn an_unclosed_quote_ends_at_the_paragraph_end() {
        let text = "He said: “We will not stop until it is done.";
        let pieces = scan(text, 0, text.len());
        assert_eq!(pieces.len(), 1);
        assert!(!pieces[0].closed);
        assert_eq!(
            &text[pieces[0].start..pieces[0].end],
            "We will not stop until it is done."
        );
    }

    #[test]
    fn a_forgotten_closing_mark_ends_at_the_next_opening_mark() {
        let text = "Ms Hewitt said: \"We have doubled it. \"We are going to extend it.\"";
        assert_eq!(
            quotes(text),
            ["We have doubled it.", "We are going to extend it."]
        );
    }

    #[test]
    fn nicknames_inside_names_are_not_quotes() {
        let text = "Rep. Robert C. \"Bobby\" Scott said it was \"Bobby\" who won.";
        assert_eq!(quotes(text), ["Bobby"]);
    }

    #[test]
    fn markup_attributes_are_not_quotes() {
        let text = "<tweet tweet-id=\"783499116076687360\"><tweet/> and \"real words\"";
        assert_eq!(quotes(text), ["real words"]);
    }

    #[test]
    fn a_million_marks_are_quick_and_safe() {
        for mark in ["\"", "“", "”", "'", "‘", "’", "«", "„", "“”", "\"a", "'a"] {
            let text = mark.repeat(200_000);
            let pieces = scan(&text, 0, text.len());
            for p in &pieces {
                assert!(text.is_char_boundary(p.start) && text.is_char_boundary(p.end));
            }
        }
    }

    #[test]
    fn candidate_bytes_are_found_from_any_offset() {
        for text in [
            "plain text with no marks at all, long enough",
            "0123456789abcdef“x",
            "ab'c",
            "«a» \u{a0}b “c” 'd' \"e\" «f»",
            "",
        ] {
            let bytes = text.as_bytes();
            let slow = |from: usize| {
                (from..bytes.len())
                    .find(|&i| matches!(bytes[i], b'"' | b'\'' | 0xE2 | 0xC2))
                    .unwrap_or(bytes.len())
            };
            // Searched afresh, and onward from each candidate as the scan does.
            for from in 0..=bytes.len() {
                assert_eq!(
                    Candidates::new(bytes).next(from),
                    slow(from),
                    "{text:?} {from}"
                );
            }
            let mut candidates = Candidates::new(bytes);
            let mut from = 0;
            while from < bytes.len() {
                let found = candidates.next(from);
                assert_eq!(found, slow(from), "{text:?} onward from {from}");
                from = found + 1;
            }
        }
    }

    #[test]
    fn offsets_inside_a_larger_text() {
        let text = "intro\n“Inside,” he said.\nafter";
        let start = text.find('“').unwrap();
        let end = text[start..].find('\n').unwrap() + start;
        let pieces = scan(text, start, end);
        assert_eq!(pieces.len(), 1);
        assert!(pieces[0].at_paragraph_start);
        assert_eq!(&text[pieces[0].start..pieces[0].end], "Inside");
        assert_eq!(&text[pieces[0].mark_start..pieces[0].mark_end], "“Inside,”");
    }
}
