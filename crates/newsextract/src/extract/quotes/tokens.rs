//! The words around quotes: a paragraph as words, punctuation and whole quotes, with the
//! sentence each token belongs to.
//!
//! A quote is one token from its opening to its closing mark, so the speaker rules look at the
//! writer's words only and a full stop inside a quote never ends the writer's sentence.

use super::lexicon::{is_in, ABBREVIATIONS};
use super::marks::Piece;
use crate::text::ascii::alphanumeric_end;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A word: letters and digits, with inner apostrophes, hyphens and dots ("don't",
    /// "al-Assad", "U.S.") and the full stop of an abbreviation ("Mr.").
    Word,
    /// One punctuation character.
    Punct(char),
    /// A whole quote, marks included; the number is its index in the paragraph's pieces.
    Quote(usize),
}

/// One token of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Token {
    /// Byte offset of the first byte.
    pub(super) start: usize,
    /// Byte offset past the last byte.
    pub(super) end: usize,
    /// What it is.
    pub(super) kind: Kind,
    /// Index of the sentence it belongs to, counted from 0 in the paragraph.
    pub(super) sentence: u32,
}

impl Token {
    /// The token's text.
    pub(super) fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True for a word.
    pub(super) fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    /// True for the punctuation character `c`.
    pub(super) fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    /// True for a dash that introduces an attribution (`— Miller`).
    pub(super) fn is_dash(&self, text: &str) -> bool {
        matches!(
            self.kind,
            Kind::Punct('\u{2014}' | '\u{2013}' | '-' | '\u{2015}')
        ) || (self.kind == Kind::Word && self.text(text) == "--")
    }

    /// True for a word whose first letter is upper case.
    pub(super) fn is_capitalised(&self, text: &str) -> bool {
        self.kind == Kind::Word
            && self
                .text(text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }
}

fn is_joiner(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '-' | '\u{2010}' | '\u{2011}' | '.' | '&'
    )
}

/// Splits `text[start..end]` into tokens, each of `pieces` (sorted, inside the range) as one.
#[cfg(test)]
pub(super) fn tokenize(text: &str, start: usize, end: usize, pieces: &[Piece]) -> Vec<Token> {
    let mut tokens = Vec::new();
    tokenize_into(
        text,
        start,
        end,
        pieces,
        &mut tokens,
        &mut Vec::new(),
        &mut Vec::new(),
    );
    tokens
}

/// Splits `text[start..end]` into `tokens`, each of `pieces` (sorted, inside the range) as
/// one, and fills in what the speaker rules index by: `piece_token`, the token of each piece,
/// and `sentences`, each sentence's first and last token. The vectors are cleared first: the
/// pass reuses them for every paragraph. Sentences are numbered as the tokens are made, so
/// the tokens are read once.
pub(super) fn tokenize_into(
    text: &str,
    start: usize,
    end: usize,
    pieces: &[Piece],
    tokens: &mut Vec<Token>,
    piece_token: &mut Vec<usize>,
    sentences: &mut Vec<(usize, usize)>,
) {
    let bytes = text.as_bytes();
    tokens.clear();
    tokens.reserve((end - start) / 5 + 4);
    piece_token.clear();
    piece_token.resize(pieces.len(), 0);
    sentences.clear();
    let mut sink = Sink {
        text,
        pieces,
        tokens,
        sentences,
        sentence: 0,
        stop: false,
    };
    let mut next_piece = 0;
    let mut at = start;
    'text: while at < end {
        let piece = pieces.get(next_piece);
        if let Some(piece) = piece {
            if piece.mark_start <= at {
                if let Some(slot) = piece_token.get_mut(next_piece) {
                    *slot = sink.tokens.len();
                }
                sink.push(
                    piece.mark_start,
                    piece.mark_end.max(at),
                    Kind::Quote(next_piece),
                );
                at = piece.mark_end.max(at + 1);
                next_piece += 1;
                continue;
            }
        }
        // The writer's words up to the next quote: no quote starts before `limit`.
        let limit = piece.map_or(end, |p| p.mark_start.min(end));
        while at < limit {
            // ASCII, the common case, needs no decoding: spaces and plain words are read byte
            // by byte; a word that may go on with a joiner or a non-ASCII letter takes the
            // long way.
            let byte = bytes.get(at).copied().unwrap_or(0);
            if byte == b' ' || byte == b'\n' || byte == b'\t' || byte == b'\r' {
                at += 1;
                continue;
            }
            if byte.is_ascii_alphanumeric() {
                let run = alphanumeric_end(bytes, at + 1, limit);
                let next = bytes.get(run).copied().filter(|_| run < limit);
                let after = || bytes.get(run + 1).copied().filter(|_| run + 1 < limit);
                let word_end = match next {
                    None => run,
                    // Most words end at a space: it is passed over here, not by the loop.
                    Some(b' ') => {
                        sink.push(at, run, Kind::Word);
                        at = run + 1;
                        continue;
                    }
                    // A full stop that ends the sentence, not "U.S": the word may still be an
                    // abbreviation or an initial that keeps it.
                    Some(b'.')
                        if !after().is_some_and(|b| b.is_ascii_alphanumeric() || b >= 0x80) =>
                    {
                        let word = &text[at..run];
                        let initial = run - at == 1 && bytes[at].is_ascii_uppercase();
                        let abbreviation = run - at <= 6 && is_in(&ABBREVIATIONS, word);
                        if initial || abbreviation {
                            run + 1
                        } else {
                            run
                        }
                    }
                    Some(b) if b.is_ascii() && !matches!(b, b'\'' | b'-' | b'.' | b'&') => run,
                    Some(_) => word_end(text, at, limit),
                };
                sink.push(at, word_end, Kind::Word);
                at = word_end;
                continue;
            }
            let c = match bytes.get(at) {
                Some(&b) if b.is_ascii() => char::from(b),
                _ => match text.get(at..end).and_then(|rest| rest.chars().next()) {
                    Some(c) => c,
                    None => break 'text,
                },
            };
            if c.is_whitespace() {
                at += c.len_utf8();
                continue;
            }
            if !c.is_alphanumeric() {
                sink.push(at, at + c.len_utf8(), Kind::Punct(c));
                at += c.len_utf8();
                continue;
            }
            let word_end = word_end(text, at, limit);
            sink.push(at, word_end, Kind::Word);
            at = word_end;
        }
    }
    sink.finish();
}

/// Where [`tokenize_into`] puts its tokens, numbering their sentences as they come.
struct Sink<'a, 't> {
    text: &'t str,
    pieces: &'a [Piece],
    tokens: &'a mut Vec<Token>,
    sentences: &'a mut Vec<(usize, usize)>,
    /// The sentence of the last token.
    sentence: u32,
    /// True when the last token may end its sentence ([`final_stop`]): only then is the next
    /// one looked at.
    stop: bool,
}

impl Sink<'_, '_> {
    #[inline(always)]
    fn push(&mut self, start: usize, end: usize, kind: Kind) {
        let index = self.tokens.len();
        if index == 0 {
            self.sentences.push((0, 0));
        } else if self.stop && opens_sentence(self.text, start, end, kind) {
            // A sentence's last token is written when the next sentence opens (or in
            // `finish`), not at every token.
            if let Some(last) = self.sentences.last_mut() {
                last.1 = index - 1;
            }
            self.sentence += 1;
            self.sentences.push((index, index));
        }
        self.stop = final_stop(self.text, kind, self.pieces);
        self.tokens.push(Token {
            start,
            end,
            kind,
            sentence: self.sentence,
        });
    }

    /// Closes the last sentence.
    fn finish(self) {
        if let (Some(last), Some(end)) =
            (self.sentences.last_mut(), self.tokens.len().checked_sub(1))
        {
            last.1 = end;
        }
    }
}

/// End of the word starting at `start`, no further than `limit`.
fn word_end(text: &str, start: usize, limit: usize) -> usize {
    let rest = text.get(start..limit).unwrap_or("");
    let bytes = rest.as_bytes();
    let char_at = |i: usize| -> Option<char> {
        match bytes.get(i) {
            Some(&b) if b.is_ascii() => Some(char::from(b)),
            Some(_) => rest.get(i..).and_then(|r| r.chars().next()),
            None => None,
        }
    };
    let mut end = 0;
    let mut dotted = false;
    let mut i = 0;
    while let Some(c) = char_at(i) {
        if c.is_alphanumeric() {
            i += c.len_utf8();
            end = i;
            continue;
        }
        let after = i + c.len_utf8();
        if !is_joiner(c) || !char_at(after).is_some_and(char::is_alphanumeric) {
            break;
        }
        dotted |= c == '.';
        i = after;
    }
    let word = &rest[..end];
    // The full stop of "Mr.", "U.S." or an initial belongs to the word, not to the sentence.
    if rest[end..].starts_with('.') {
        let single_letter = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        // "(D-Mass.)", "R-Ky.": a party and a state abbreviation.
        let last_part = word.rsplit('-').next().unwrap_or(word);
        // "U.S.", "D.C.", "a.m."; not the end of "Tchadinfos.com.".
        let initials = dotted && word.split('.').all(|part| part.chars().count() <= 2);
        let abbreviation = last_part.len() <= 6 && is_in(&ABBREVIATIONS, last_part);
        if initials || single_letter || abbreviation {
            end += 1;
        }
    }
    start + end
}

/// True when a token of `kind` may end a sentence: a full stop, "!", "?", "…", or a closed
/// quote that ends with one. Whether it does depends on the next token ([`opens_sentence`]).
#[inline]
fn final_stop(text: &str, kind: Kind, pieces: &[Piece]) -> bool {
    match kind {
        Kind::Punct('.' | '!' | '?' | '\u{2026}') => true,
        Kind::Quote(q) => pieces.get(q).is_some_and(|p| {
            p.closed
                && text
                    .get(p.start..p.end)
                    .and_then(|words| words.chars().next_back())
                    .is_some_and(|c| matches!(c, '.' | '!' | '?' | '\u{2026}'))
        }),
        _ => false,
    }
}

/// True when the token `start..end` of `kind` opens a sentence after a [`final_stop`].
#[inline]
fn opens_sentence(text: &str, start: usize, end: usize, kind: Kind) -> bool {
    match kind {
        Kind::Quote(_) => true,
        Kind::Punct(c) => matches!(c, '(' | '[' | '\u{2014}' | '\u{2013}'),
        Kind::Word => {
            // Upper case, a digit, or a script without case (Urdu, Arabic, Chinese).
            let first = text.get(start..end).and_then(|word| word.chars().next());
            first.is_some_and(|c| {
                c.is_uppercase() || c.is_numeric() || (c.is_alphabetic() && !c.is_lowercase())
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::marks::scan;
    use super::*;

    fn words(text: &str) -> Vec<(String, u32)> {
        let pieces = scan(text, 0, text.len());
        tokenize(text, 0, text.len(), &pieces)
            .iter()
            .map(|t| (t.text(text).to_string(), t.sentence))
            .collect()
    }

    #[test]
    fn words_keep_inner_marks_and_abbreviation_stops() {
        let got = words("Mr. O’Neil of the U.S. said al-Assad's men left. Zoë stayed.");
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Mr.",
                "O’Neil",
                "of",
                "the",
                "U.S.",
                "said",
                "al-Assad's",
                "men",
                "left",
                ".",
                "Zoë",
                "stayed",
                "."
            ]
        );
        assert_eq!(got[10].1, 1);
    }

    #[test]
    fn a_quote_is_one_token_and_its_full_stop_can_end_a_sentence() {
        let got = words("“We are done. Really,” he said. “Next.” Müller left.");
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "“We are done. Really,”",
                "he",
                "said",
                ".",
                "“Next.”",
                "Müller",
                "left",
                "."
            ]
        );
        let sentences: Vec<u32> = got.iter().map(|(_, s)| *s).collect();
        assert_eq!(sentences, [0, 0, 0, 0, 1, 2, 2, 2]);
    }
}
