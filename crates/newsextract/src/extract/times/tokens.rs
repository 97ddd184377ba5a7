//! A small word/number/punctuation tokenizer for the time and quantity passes.
//!
//! Both passes match short patterns ("Sept. 30, 1989", "at least 1,750 dlrs") that need to see
//! digits, letters and punctuation apart, with exact byte spans. The tokenizer makes one pass
//! over the bytes; every token keeps its span in the original text, so spans built from tokens
//! always sit on char boundaries.

use super::lexicon::{self, starts, Lex};

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Letters only (ASCII or not): "May", "Zoë", "کراچی".
    Word,
    /// ASCII digits only: "1989", "05".
    Digits,
    /// One punctuation or symbol character, folded to ASCII when it has a matching form
    /// (curly apostrophes to `'`, dashes to `-`).
    Punct(char),
}

/// One token with its span in the original text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token<'t> {
    /// Byte offset of the first byte.
    pub(crate) start: usize,
    /// Byte offset one past the last byte.
    pub(crate) end: usize,
    /// The token as written.
    pub(crate) text: &'t str,
    /// What it is made of.
    pub(crate) kind: TokenKind,
    /// What the word means to the time and quantity rules (for `Word` tokens).
    pub(crate) lex: Lex,
    /// A line break separates this token from the previous one.
    pub(crate) newline_before: bool,
}

impl<'t> Token<'t> {
    /// The first character is an uppercase letter.
    pub(crate) fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Every letter is uppercase (and there are at least two).
    pub(crate) fn is_all_caps(&self) -> bool {
        self.text.len() > 1 && self.text.chars().all(|c| !c.is_lowercase())
    }

    /// The first letter is lowercase.
    pub(crate) fn is_lowercase(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_lowercase)
    }

    /// The token is the punctuation character `c`.
    pub(crate) fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct(c)
    }

    /// The value of a `Digits` token when it fits in a `u64`.
    pub(crate) fn digits_value(&self) -> Option<u64> {
        if self.kind != TokenKind::Digits || self.text.len() > 18 {
            return None;
        }
        self.text.parse().ok()
    }

    /// The token is a word equal to `word`, ignoring ASCII case.
    pub(crate) fn is_word(&self, word: &str) -> bool {
        self.kind == TokenKind::Word && self.text.eq_ignore_ascii_case(word)
    }
}

/// Digits, and a decimal point, gathered from several tokens ("1,750.5" is "1750.5") for
/// `str::parse`, in a buffer on the stack: the passes read a number at every digit token and
/// a `String` each would be an allocation each. Text longer than the buffer is kept as
/// "too long", which every caller rejects.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DigitText {
    bytes: [u8; 32],
    /// The length of the whole text, even when it did not fit.
    len: usize,
}

impl DigitText {
    /// The text `first`.
    pub(crate) fn new(first: &str) -> DigitText {
        let mut text = DigitText {
            bytes: [0; 32],
            len: 0,
        };
        text.push_str(first);
        text
    }

    /// Appends `more`.
    pub(crate) fn push_str(&mut self, more: &str) {
        let end = self.len + more.len();
        if let Some(slot) = self.bytes.get_mut(self.len..end) {
            slot.copy_from_slice(more.as_bytes());
        }
        self.len = end;
    }

    /// Appends `c` (ASCII).
    pub(crate) fn push(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.push_str(c.encode_utf8(&mut buf));
    }

    /// The length in bytes of everything pushed.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The text, or `None` when it was too long for the buffer.
    pub(crate) fn as_str(&self) -> Option<&str> {
        std::str::from_utf8(self.bytes.get(..self.len)?).ok()
    }
}

/// The value of `digits` (ASCII digits only, at most 15 of them), computed directly: below
/// 2^53 every integer is an `f64`, so this is what `str::parse::<f64>` returns, without its
/// general float parser. `None` for any other text.
pub(crate) fn small_integer(digits: &str) -> Option<f64> {
    if digits.is_empty() || digits.len() > 15 {
        return None;
    }
    let mut n = 0u64;
    for b in digits.bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u64::from(b - b'0');
    }
    Some(n as f64)
}

/// Folds the punctuation characters the rules care about to their ASCII form.
fn fold_punct(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        _ => c,
    }
}

/// What a byte starts, for the tokenizer's dispatch.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ByteClass {
    Letter,
    Digit,
    /// `\n` or `\r`: separates tokens and marks the next one as starting a line.
    LineBreak,
    /// Other ASCII white space.
    Space,
    /// Any other ASCII character: a punctuation token of its own.
    Punct,
    /// The first byte of a non-ASCII character (or a stray continuation byte).
    NonAscii,
}

/// The class of every byte, so the tokenizer makes one lookup per byte instead of a chain of
/// tests.
static BYTE_CLASS: [ByteClass; 256] = {
    let mut table = [ByteClass::NonAscii; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_alphabetic() {
            ByteClass::Letter
        } else if c.is_ascii_digit() {
            ByteClass::Digit
        } else if c == b'\n' || c == b'\r' {
            ByteClass::LineBreak
        } else if c == b' ' || c == b'\t' || c == 0x0c || c == 0x0b {
            ByteClass::Space
        } else {
            ByteClass::Punct
        };
        b += 1;
    }
    table
};

/// The tokens of a text, and where each pass's scan may start: the tokens its own cheap test
/// accepts ([`super::rules::can_start`], [`crate::extract::quantities::may_start`]), listed
/// while tokenizing so that neither scan visits the others, which are most of the text.
#[derive(Debug, Default)]
pub(crate) struct Tokens<'t> {
    list: Vec<Token<'t>>,
    /// The indices of the tokens `rules::can_start` accepts, in order.
    pub(crate) time_starts: Vec<usize>,
    /// The indices of the tokens `quantities::may_start` accepts, in order.
    pub(crate) quantity_starts: Vec<usize>,
}

impl<'t> std::ops::Deref for Tokens<'t> {
    type Target = [Token<'t>];

    fn deref(&self) -> &[Token<'t>] {
        &self.list
    }
}

/// Where the scans may start at `token`, as [`starts`] bits: their own tests asked.
#[inline]
pub(crate) fn start_bits(token: &Token<'_>) -> u8 {
    let mut bits = 0;
    if super::rules::can_start(token) {
        bits |= starts::TIME;
    }
    if crate::extract::quantities::may_start(token) {
        bits |= starts::QUANTITY;
    }
    bits
}

/// Splits `text` into tokens; white space separates tokens and is dropped.
pub(crate) fn tokenize(text: &str) -> Tokens<'_> {
    let bytes = text.as_bytes();
    // News text runs at about 0.29 tokens per byte (BBC corpus); reserving a third of the
    // length means the vector almost never grows and copies itself.
    let mut tokens = Vec::with_capacity(text.len() / 3 + 1);
    // About one token in twenty starts a time rule, fewer a quantity (BBC corpus).
    let mut time_starts = Vec::with_capacity(text.len() / 64 + 1);
    let mut quantity_starts = Vec::with_capacity(text.len() / 64 + 1);
    // Fetched once: behind the `Lazy` each fetch is a load and a test.
    let table = lexicon::table();
    let mut i = 0;
    let mut newline = false;
    while i < bytes.len() {
        let b = bytes[i];
        // The two commonest cases first, tested on the byte: a `match` on the class compiles
        // to a jump table, and its one indirect jump per token is mostly mispredicted (about
        // two million mispredictions on the BBC corpus, by cachegrind's branch simulation).
        if b == b' ' {
            i += 1;
            continue;
        }
        // `in_lexicon`: a word of ASCII letters, which the lexicon may hold.
        let (end, kind, in_lexicon) = if b.is_ascii_alphabetic() {
            word(text, i + 1, true)
        } else {
            match BYTE_CLASS[b as usize] {
                ByteClass::Letter => word(text, i + 1, true),
                ByteClass::Digit => {
                    let mut end = i + 1;
                    while end < bytes.len() && bytes[end].is_ascii_digit() {
                        end += 1;
                    }
                    (end, TokenKind::Digits, false)
                }
                ByteClass::LineBreak => {
                    newline = true;
                    i += 1;
                    continue;
                }
                ByteClass::Space => {
                    i += 1;
                    continue;
                }
                ByteClass::Punct => (i + 1, TokenKind::Punct(fold_punct(char::from(b))), false),
                ByteClass::NonAscii => {
                    let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                        i += 1;
                        continue;
                    };
                    let end = i + c.len_utf8();
                    if c.is_alphabetic() || is_mark(c) {
                        word(text, end, false)
                    } else if c.is_whitespace() {
                        i = end;
                        continue;
                    } else {
                        (end, TokenKind::Punct(fold_punct(c)), false)
                    }
                }
            }
        };
        let Some(token_text) = text.get(i..end) else {
            // Unreachable: every end above is a char boundary past `i`.
            i += 1;
            continue;
        };
        // Only a word the table holds can start a rule (the table lists the few words the
        // scans start at that mean nothing to it, as `Lex::None`), and of the other tokens
        // only digits and a few punctuation marks.
        let (lex, may_start) = if in_lexicon {
            match table.get_at(bytes, i, end) {
                Some(entry) => (entry.lex, entry.starts),
                None => (Lex::None, 0),
            }
        } else {
            let ask = match kind {
                TokenKind::Word => false,
                TokenKind::Digits => true,
                TokenKind::Punct(c) => c == '\'' || c == '$' || !c.is_ascii(),
            };
            (Lex::None, if ask { starts::ASK } else { 0 })
        };
        tokens.push(Token {
            start: i,
            end,
            text: token_text,
            kind,
            lex,
            newline_before: newline,
        });
        if may_start != 0 {
            let at = tokens.len() - 1;
            let mut bits = may_start;
            // Read back rather than built apart and moved: the push then writes it in place.
            if let (true, Some(token)) = (bits & starts::ASK != 0, tokens.last()) {
                bits = start_bits(token);
            }
            if bits & starts::TIME != 0 {
                time_starts.push(at);
            }
            if bits & starts::QUANTITY != 0 {
                quantity_starts.push(at);
            }
        }
        newline = false;
        i = end;
    }
    Tokens {
        list: tokens,
        time_starts,
        quantity_starts,
    }
}

/// A word whose letters run on from `i` (ASCII letters, non-ASCII letters and combining
/// marks): its end, [`TokenKind::Word`], and whether it is all ASCII (given `ascii`, what
/// came before `i`).
fn word(text: &str, mut i: usize, mut ascii: bool) -> (usize, TokenKind, bool) {
    let bytes = text.as_bytes();
    loop {
        i = crate::text::ascii::letters_end(bytes, i);
        match bytes.get(i) {
            Some(&c) if c >= 0x80 && starts_letter(text, i) => {
                ascii = false;
                i += utf8_len(c);
            }
            _ => break,
        }
    }
    (i, TokenKind::Word, ascii)
}

/// Length of the UTF-8 sequence that starts with byte `b`.
fn utf8_len(b: u8) -> usize {
    match b {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

/// The character starting at byte `i` (a char boundary) is a non-ASCII letter or mark.
fn starts_letter(text: &str, i: usize) -> bool {
    text.get(i..)
        .and_then(|s| s.chars().next())
        .is_some_and(|c| c.is_alphabetic() || is_mark(c))
}

/// Combining marks stay inside words (Urdu diacritics, decomposed accents).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{200C}' | '\u{200D}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_integers_are_what_parse_gives() {
        for text in [
            "0",
            "7",
            "007",
            "1989",
            "123456789012345",
            "999999999999999",
            "9007199254740",
        ] {
            assert_eq!(small_integer(text), text.parse::<f64>().ok(), "{text}");
        }
        for text in ["", "1234567890123456", "12a", "1.5", "-1", "\u{663}"] {
            assert_eq!(small_integer(text), None, "{text:?}");
        }
    }

    #[test]
    fn digit_text_is_the_string_it_replaces() {
        let mut text = DigitText::new("1");
        text.push_str("750");
        text.push('.');
        text.push_str("25");
        assert_eq!((text.as_str(), text.len()), (Some("1750.25"), 7));
        let mut long = DigitText::new("1234567890123456789012345678901");
        assert_eq!(long.as_str().map(str::len), Some(31));
        long.push_str("23");
        assert_eq!((long.as_str(), long.len()), (None, 33));
        long.push_str("4");
        assert_eq!((long.as_str(), long.len()), (None, 34));
    }

    /// The start lists hold exactly the tokens the two scans' own tests accept.
    fn assert_starts_listed(text: &str) {
        let tokens = tokenize(text);
        let listed = |list: &[usize], i: usize| list.binary_search(&i).is_ok();
        for (i, token) in tokens.iter().enumerate() {
            assert_eq!(
                listed(&tokens.time_starts, i),
                crate::extract::times::rules::can_start(token),
                "time start {:?}",
                token.text
            );
            assert_eq!(
                listed(&tokens.quantity_starts, i),
                crate::extract::quantities::may_start(token),
                "quantity start {:?}",
                token.text
            );
        }
    }

    /// Every casing of `word` (ASCII letters).
    fn casings(word: &str) -> Vec<String> {
        (0..1u32 << word.len())
            .map(|mask| {
                word.chars()
                    .enumerate()
                    .map(|(k, c)| {
                        if mask & (1 << k) != 0 {
                            c.to_ascii_uppercase()
                        } else {
                            c
                        }
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn start_lists_miss_no_start() {
        // The tests read the text of words the lexicon does not know only for short words and
        // a few listed ones: every word of one to three letters in every casing, and every
        // casing of every word the table holds.
        let letters: Vec<char> = ('a'..='z').collect();
        let mut words: Vec<String> = Vec::new();
        for &a in &letters {
            words.push(a.to_string());
            for &b in &letters {
                words.push(format!("{a}{b}"));
                for &c in &letters {
                    words.push(format!("{a}{b}{c}"));
                }
            }
        }
        words.extend(lexicon::words().map(str::to_string));
        let mut text = String::new();
        for word in &words {
            for cased in casings(word).into_iter().take(64) {
                text.push_str(&cased);
                text.push(' ');
            }
        }
        text.push_str("'90s `90s \u{2019}90s $5 US$5 \u{a3}5 \u{20ac}5 \u{a5}5 \u{20b9}5 \u{20a8}5 Zo\u{eb} 1,750");
        assert_starts_listed(&text);
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/articles");
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            if entry.path().extension().is_some_and(|e| e == "txt") {
                assert_starts_listed(&std::fs::read_to_string(entry.path()).unwrap_or_default());
            }
        }
    }

    #[test]
    fn splits_words_digits_and_punctuation() {
        let text = "Zoë’s 1,750 dlrs—Sept. 30\n“3pm” کراچی";
        let tokens = tokenize(text);
        let parts: Vec<&str> = tokens.iter().map(|t| t.text).collect();
        assert_eq!(
            parts,
            [
                "Zoë",
                "’",
                "s",
                "1",
                ",",
                "750",
                "dlrs",
                "—",
                "Sept",
                ".",
                "30",
                "“",
                "3",
                "pm",
                "”",
                "کراچی"
            ]
        );
        for t in tokens.iter() {
            assert_eq!(&text[t.start..t.end], t.text);
        }
        assert!(tokens[1].is_punct('\''));
        assert!(tokens[7].is_punct('-'));
        assert!(tokens[11].newline_before);
        assert!(!tokens[10].newline_before);
    }
}
