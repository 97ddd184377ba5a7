//! Word tokens with byte spans into the original text.
//!
//! The tokeniser follows the conventions of news-wire corpora (Penn Treebank, CoNLL-2003) so
//! that a model trained on them sees the same units at run time: punctuation is split off,
//! the possessive `'s` (straight or curly) and `n't` are their own tokens, while abbreviations
//! (`U.S.`, `Mr.`, `Jr.`), initials (`W.`), hyphenated names (`Tehreek-e-Taliban`, `al-Qaeda`)
//! and numbers (`1,000`, `3.5`, `10:30`) stay whole. Any non-ASCII letter or mark (Zoë,
//! Urdu and Arabic script with its diacritics) is a word character.

use crate::gazetteer::lexicon::{hash_bytes, hash_within, HASH_SEED};

/// One token: a half-open byte range of the original text, on char boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    /// Byte offset of the first byte.
    pub(crate) start: usize,
    /// Byte offset just past the last byte.
    pub(crate) end: usize,
    /// True when white space separates this token from the previous one.
    pub(crate) space_before: bool,
    /// True when a line break lies between this token and the previous one (or it is first).
    pub(crate) line_start: bool,
    /// Facts about the token's characters.
    pub(crate) flags: WordFlags,
}

impl Token {
    /// The token's text.
    pub(crate) fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Abbreviations that keep their final period (lowercase, without the period).
const ABBREVIATIONS: &[&str] = &[
    "adm", "apr", "aug", "brig", "capt", "cmdr", "co", "col", "corp", "cpl", "dec", "dept", "dr",
    "etc", "feb", "fig", "gen", "gov", "inc", "jan", "jr", "jul", "jun", "lt", "ltd", "maj", "mar",
    "messrs", "mr", "mrs", "ms", "mt", "no", "nov", "oct", "prof", "pvt", "rep", "rev", "sen",
    "sep", "sept", "sgt", "sr", "st", "supt", "vs",
];

/// True when `word` is one of [`ABBREVIATIONS`], in any case.
fn is_abbreviation(word: &str) -> bool {
    // Every abbreviation has 2 to 6 ASCII letters; most words before a full stop do not, and
    // the rest are looked up lowercased in the sorted list.
    let mut lower = [0u8; 6];
    let Some(slot) = lower.get_mut(..word.len()) else {
        return false;
    };
    slot.copy_from_slice(word.as_bytes());
    slot.make_ascii_lowercase();
    std::str::from_utf8(slot).is_ok_and(|lower| ABBREVIATIONS.binary_search(&lower).is_ok())
}

/// Punctuation and symbols outside ASCII that are never part of a word.
fn is_non_ascii_punctuation(c: char) -> bool {
    matches!(c,
        '\u{00A1}'..='\u{00BF}' // ¡ ¢ £ ... « » ¿ (includes © ® ° ± · ¶)
        | '\u{00D7}' | '\u{00F7}'
        | '\u{2000}'..='\u{200B}' | '\u{200E}'..='\u{206F}' // dashes, curly quotes, …, ‰ (not ZWNJ/ZWJ, which join Persian and Urdu words)
        | '\u{20A0}'..='\u{20CF}' // currency symbols
        | '\u{2100}'..='\u{2BFF}' // letterlike symbols, arrows, maths, boxes, dingbats
        | '\u{3000}'..='\u{303F}' // CJK punctuation
        | '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{06D4}' // Arabic comma, semicolon, ?, full stop
        | '\u{066A}'..='\u{066D}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{1F000}'..='\u{1FAFF}' // emoji and pictographs
    )
}

/// True for characters that make up words: letters, digits and marks in any script.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !c.is_whitespace() && !is_non_ascii_punctuation(c) && !c.is_control()
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// A cursor over the text that never slices off a char boundary.
struct Cursor<'t> {
    text: &'t str,
}

impl Cursor<'_> {
    #[inline]
    fn char_at(&self, i: usize) -> Option<char> {
        let byte = *self.text.as_bytes().get(i)?;
        if byte < 0x80 {
            return Some(char::from(byte));
        }
        self.text.get(i..)?.chars().next()
    }

    /// The end of the run of word characters starting at `i`.
    fn word_run(&self, mut i: usize) -> usize {
        let bytes = self.text.as_bytes();
        while let Some(&byte) = bytes.get(i) {
            let class = BYTE_FLAGS[usize::from(byte)];
            if class & WORD_BYTE != 0 {
                i += 1; // an ASCII letter or digit
            } else if class & NON_ASCII == 0 {
                return i;
            } else {
                match self.char_at(i) {
                    Some(c) if is_word_char(c) => i += c.len_utf8(),
                    _ => return i,
                }
            }
        }
        i
    }

    fn is_digits(&self, start: usize, end: usize) -> bool {
        self.text
            .get(start..end)
            .is_some_and(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
    }

    /// True when `i` is the end of the text or not followed by a word character.
    fn boundary(&self, i: usize) -> bool {
        self.char_at(i).map_or(true, |c| !is_word_char(c))
    }
}

/// Splits `text` into tokens.
#[cfg(test)]
fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, &mut out);
    out
}

/// Splits `text` into tokens, appending to `out` (reused between documents).
pub(crate) fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    let cursor = Cursor { text };
    let mut i = 0;
    let mut space_before = false;
    let mut line_start = true;
    let bytes = text.as_bytes();
    while let Some(&byte) = bytes.get(i) {
        let class = BYTE_FLAGS[usize::from(byte)];
        if class & WORD_BYTE != 0 {
            // A run of ASCII letters and digits is the whole token unless a byte that may
            // join more to it (or one outside ASCII) follows: then the rules below decide.
            let mut rest = 0;
            let mut end = i + 1;
            let next = loop {
                match bytes.get(end) {
                    Some(&b) => {
                        let next = BYTE_FLAGS[usize::from(b)];
                        if next & WORD_BYTE == 0 {
                            break next;
                        }
                        rest |= next;
                        end += 1;
                    }
                    None => break 0,
                }
            };
            // "n't" and "n’t" start with a one-letter run: the general rules take them.
            if next & NON_ASCII == 0 && !(byte == b'n' && end == i + 1) {
                let run_end = end;
                if next & JOINER != 0 {
                    end = word_end(&cursor, i, end);
                }
                // The flags of a token that is one run come from the same look at its bytes.
                let flags = if end == run_end {
                    WordFlags::of_ascii_run(class, rest)
                } else {
                    token_flags(text, i, end)
                };
                out.push(Token {
                    start: i,
                    end,
                    space_before,
                    line_start,
                    flags,
                });
                // Most words are followed by one space: passed over here, not by the loop.
                space_before = bytes.get(end) == Some(&b' ');
                line_start = false;
                i = end + usize::from(space_before);
                continue;
            }
        } else if class & OTHER_ASCII != 0
            && byte > b' '
            && byte != 0x7F
            && !matches!(byte, b'\'' | b'.' | b'-')
        {
            // Punctuation of one ASCII byte: a token of its own, with no letters.
            out.push(Token {
                start: i,
                end: i + 1,
                space_before,
                line_start,
                flags: WordFlags::default(),
            });
            space_before = bytes.get(i + 1) == Some(&b' ');
            line_start = false;
            i += 1 + usize::from(space_before);
            continue;
        }
        // ASCII white space and control characters: what the general test below says of
        // them, without decoding a char.
        if byte <= b' ' || byte == 0x7F {
            if byte == b'\n' || byte == b'\r' {
                line_start = true;
            }
            space_before = true;
            i += 1;
            continue;
        }
        let Some(c) = cursor.char_at(i) else {
            break;
        };
        if byte >= 0x80
            && (c.is_whitespace()
                || c.is_control()
                || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}'))
        {
            if c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' {
                line_start = true;
            }
            space_before = true;
            i += c.len_utf8();
            continue;
        }
        let end = token_end(&cursor, i, c);
        out.push(Token {
            start: i,
            end,
            space_before,
            line_start,
            flags: token_flags(text, i, end),
        });
        space_before = false;
        line_start = false;
        i = end;
    }
}

/// The flags of the token `start..end` of `text`.
fn token_flags(text: &str, start: usize, end: usize) -> WordFlags {
    let written = text.as_bytes().get(start..end).unwrap_or(&[]);
    WordFlags::of_ascii_bytes(written)
        .unwrap_or_else(|| WordFlags::of(text.get(start..end).unwrap_or("")))
}

/// The end of the token starting at `start` with character `first`.
fn token_end(cursor: &Cursor<'_>, start: usize, first: char) -> usize {
    let text = cursor.text;
    // Most tokens start with an ASCII letter or digit: neither apostrophe nor punctuation.
    let ascii_word = first.is_ascii_alphanumeric();
    if !ascii_word && is_apostrophe(first) {
        // The possessive clitic: "'s" after a word or alone ("Pakistan 's" in CoNLL text).
        let after = start + first.len_utf8();
        if matches!(cursor.char_at(after), Some('s' | 'S')) && cursor.boundary(after + 1) {
            return after + 1;
        }
        return after;
    }
    if !ascii_word && !is_word_char(first) {
        // Runs of dots or hyphens ("...", "--") are one token; other punctuation is single.
        if first == '.' || first == '-' {
            let mut end = start;
            while cursor.char_at(end) == Some(first) {
                end += 1;
            }
            return end;
        }
        return start + first.len_utf8();
    }
    // "n't" as its own token, as the wire corpora write it ("does n't").
    if first == 'n'
        && text
            .get(start..)
            .is_some_and(|s| s.len() >= 3 && (s.starts_with("n't") || s.starts_with("n\u{2019}t")))
    {
        let len = if text[start..].starts_with("n't") {
            3
        } else {
            5
        };
        if cursor.boundary(start + len) {
            return start + len;
        }
    }
    word_end(cursor, start, cursor.word_run(start))
}

/// The end of the word token starting at `start` whose first run of word characters ends at
/// `end`: what the characters after it join to it.
fn word_end(cursor: &Cursor<'_>, start: usize, mut end: usize) -> usize {
    let text = cursor.text;
    while let Some(c) = cursor.char_at(end) {
        // Only these characters can join what follows to the word (the branches below); most
        // words end at a space or other punctuation, and stop here.
        if !matches!(
            c,
            '-' | '\u{2010}'
                | '\u{2011}'
                | '.'
                | ','
                | ':'
                | '/'
                | '&'
                | '\''
                | '\u{2019}'
                | '\u{2018}'
                | '\u{02BC}'
        ) {
            break;
        }
        let next = end + c.len_utf8();
        let next_is_word = cursor.char_at(next).is_some_and(is_word_char);
        if is_hyphen(c) && next_is_word {
            // Tehreek-e-Taliban, al-Qaeda, 1996-08-22
            end = cursor.word_run(next);
        } else if c == '.' {
            if cursor.is_digits(start, end)
                && cursor.char_at(next).is_some_and(|d| d.is_ascii_digit())
            {
                end = cursor.word_run(next); // 3.5
            } else if let Some(abbr_end) = letter_dot_run(cursor, start, end) {
                return abbr_end; // U.S., a.m., W.
            } else {
                if is_abbreviation(&text[start..end]) {
                    return next; // Mr., Jr., Gen.
                }
                break;
            }
        } else if (c == ',' || c == ':' || c == '/')
            && ends_with_digit(text, start, end)
            && cursor.char_at(next).is_some_and(|d| d.is_ascii_digit())
        {
            end = cursor.word_run(next); // 1,000 10:30 9/11
        } else if is_apostrophe(c) && next_is_word {
            // Split the possessive and n't; keep O'Neill and Shi'ite whole.
            let after = cursor.word_run(next);
            let clitic = &text[next..after];
            if clitic == "s" || clitic == "S" {
                break;
            }
            if (clitic == "t" || clitic == "T")
                && end - 1 > start
                && text[start..end].ends_with(['n', 'N'])
            {
                return end - 1; // "does" of "doesn't"; "n't" comes next
            }
            end = after;
        } else if c == '&' && next_is_word && is_upper_word(&text[start..end]) {
            end = cursor.word_run(next); // AT&T, S&P
        } else {
            break;
        }
    }
    end
}

fn ends_with_digit(text: &str, start: usize, end: usize) -> bool {
    text.get(start..end)
        .and_then(|s| s.chars().last())
        .is_some_and(|c| c.is_ascii_digit())
}

fn is_upper_word(word: &str) -> bool {
    word.chars().all(|c| c.is_uppercase())
}

/// For a single letter at `start..end` followed by '.', the end of an abbreviation like
/// `U.S.`, `U.N.`, `a.m.` or an initial `W.`, past its last period.
fn letter_dot_run(cursor: &Cursor<'_>, start: usize, end: usize) -> Option<usize> {
    let text = cursor.text;
    let mut chars = text.get(start..end)?.chars();
    let first = chars.next()?;
    if chars.next().is_some() || !first.is_alphabetic() {
        return None;
    }
    // `end` is at the first '.'; take further "X." pairs.
    let mut pos = end + 1;
    let mut pairs = 1;
    while let Some(letter) = cursor.char_at(pos) {
        if !letter.is_alphabetic() {
            break;
        }
        let dot = pos + letter.len_utf8();
        if cursor.char_at(dot) != Some('.') {
            break;
        }
        pos = dot + 1;
        pairs += 1;
    }
    if pairs > 1 || first.is_uppercase() {
        Some(pos)
    } else {
        None
    }
}

/// Marks a byte outside ASCII in [`BYTE_FLAGS`]; not a flag of its own.
const NON_ASCII: u8 = 128;
/// Marks an ASCII byte that is neither letter nor digit in [`BYTE_FLAGS`].
const OTHER_ASCII: u8 = 64;
/// Marks, beside [`OTHER_ASCII`], the ASCII bytes that may join what follows them to a word
/// (`-`, `.`, `,`, `:`, `/`, `&`, `'`) in [`BYTE_FLAGS`].
const JOINER: u8 = 32;
/// The bits of an ASCII letter or digit in [`BYTE_FLAGS`].
const WORD_BYTE: u8 = WordFlags::HAS_LETTER | WordFlags::HAS_DIGIT;

/// Per byte, the [`WordFlags`] bits an ASCII byte gives a word, or [`NON_ASCII`] or
/// [`OTHER_ASCII`].
static BYTE_FLAGS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b'A'..=b'Z' => WordFlags::HAS_UPPER | WordFlags::HAS_LETTER,
            b'a'..=b'z' => WordFlags::HAS_LOWER | WordFlags::HAS_LETTER,
            b'0'..=b'9' => WordFlags::HAS_DIGIT,
            0x80..=0xFF => NON_ASCII,
            b'-' | b'.' | b',' | b':' | b'/' | b'&' | b'\'' => OTHER_ASCII | JOINER,
            _ => OTHER_ASCII,
        };
        b += 1;
    }
    table
};

/// [`WordFlags::of_ascii_parts`] of every pair of first-byte and rest-of-run bits of a run of
/// ASCII letters and digits, five bits each: a load instead of the match.
static ASCII_RUN_FLAGS: [WordFlags; 1024] = {
    let mut table = [WordFlags(0); 1024];
    let mut i = 0;
    while i < 1024 {
        table[i] = WordFlags::of_ascii_parts((i >> 5) as u8, (i & 31) as u8);
        i += 1;
    }
    table
};

/// Letters-case and content facts about a token, computed once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct WordFlags(u8);

impl WordFlags {
    const HAS_UPPER: u8 = 1;
    const HAS_LOWER: u8 = 2;
    const FIRST_UPPER: u8 = 4;
    const HAS_DIGIT: u8 = 8;
    const HAS_LETTER: u8 = 16;
    /// The facts above; the bits above them hold the shape class.
    const FACTS: u8 = 31;
    const SHAPE_CLASS: u8 = 7 << 5;
    const SHAPE_LOWER: u8 = 1 << 5;
    const SHAPE_CAPITALISED: u8 = 2 << 5;
    const SHAPE_CAPITALS: u8 = 3 << 5;
    const SHAPE_DIGITS: u8 = 4 << 5;
    /// Not a shape: marks a word with characters outside ASCII, whose matching form is folded.
    const NOT_ASCII: u8 = 5 << 5;

    fn of(word: &str) -> WordFlags {
        if word.is_ascii() {
            return Self::of_ascii(word.as_bytes());
        }
        let mut bits = Self::NOT_ASCII;
        for (i, c) in word.chars().enumerate() {
            if c.is_uppercase() {
                bits |= Self::HAS_UPPER;
                if i == 0 {
                    bits |= Self::FIRST_UPPER;
                }
            } else if c.is_lowercase() {
                bits |= Self::HAS_LOWER;
            }
            if c.is_alphabetic() {
                bits |= Self::HAS_LETTER;
            } else if c.is_numeric() {
                bits |= Self::HAS_DIGIT;
            }
        }
        WordFlags(bits)
    }

    fn of_ascii(word: &[u8]) -> WordFlags {
        let mut bits = 0;
        for &b in word {
            bits |= BYTE_FLAGS[usize::from(b)];
        }
        bits &= Self::FACTS;
        if word.first().is_some_and(u8::is_ascii_uppercase) {
            bits |= Self::FIRST_UPPER;
        }
        WordFlags(bits)
    }

    /// The flags of `word` when it is ASCII, with its shape class, else None: one pass over
    /// the bytes for all of it.
    #[inline]
    fn of_ascii_bytes(word: &[u8]) -> Option<WordFlags> {
        let Some((&first, rest)) = word.split_first() else {
            return Some(WordFlags(0));
        };
        let mut rest_bits = 0;
        for &b in rest {
            rest_bits |= BYTE_FLAGS[usize::from(b)];
        }
        let first_bits = BYTE_FLAGS[usize::from(first)];
        if (first_bits | rest_bits) & NON_ASCII != 0 {
            return None;
        }
        Some(Self::of_ascii_parts(first_bits, rest_bits))
    }

    /// [`of_ascii_parts`](Self::of_ascii_parts) of a run of ASCII letters and digits, looked
    /// up.
    #[inline]
    fn of_ascii_run(first_bits: u8, rest_bits: u8) -> WordFlags {
        let index =
            (usize::from(first_bits & Self::FACTS) << 5) | usize::from(rest_bits & Self::FACTS);
        ASCII_RUN_FLAGS.get(index).copied().unwrap_or_default()
    }

    /// The flags of an ASCII word from the [`BYTE_FLAGS`] of its first byte and the union of
    /// those of the rest.
    #[inline]
    const fn of_ascii_parts(first_bits: u8, rest_bits: u8) -> WordFlags {
        const LOWER: u8 = WordFlags::HAS_LOWER | WordFlags::HAS_LETTER;
        const UPPER: u8 = WordFlags::HAS_UPPER | WordFlags::HAS_LETTER;
        const DIGIT: u8 = WordFlags::HAS_DIGIT;
        let shape = match (first_bits, rest_bits) {
            (LOWER, 0 | LOWER) => Self::SHAPE_LOWER,
            (UPPER, LOWER) => Self::SHAPE_CAPITALISED,
            (UPPER, 0 | UPPER) => Self::SHAPE_CAPITALS,
            (DIGIT, 0 | DIGIT) => Self::SHAPE_DIGITS,
            _ => 0,
        };
        let mut bits = ((first_bits | rest_bits) & Self::FACTS) | shape;
        if first_bits & Self::HAS_UPPER != 0 {
            bits |= Self::FIRST_UPPER;
        }
        WordFlags(bits)
    }

    /// The word shape when it is one of the four that most words have, known from the
    /// flags: "x" ("army"), "Xx" ("Pakistan"), "X" ("US") or "d" ("1996"). None for any other
    /// word, whose shape must be worked out from its characters.
    #[inline]
    pub(crate) fn simple_shape(self) -> Option<&'static str> {
        match self.0 & Self::SHAPE_CLASS {
            Self::SHAPE_LOWER => Some("x"),
            Self::SHAPE_CAPITALISED => Some("Xx"),
            Self::SHAPE_CAPITALS => Some("X"),
            Self::SHAPE_DIGITS => Some("d"),
            _ => None,
        }
    }

    /// The flags of a run of words: each fact that holds of one of them (no shape class).
    pub(crate) fn union(self, other: WordFlags) -> WordFlags {
        WordFlags((self.0 | other.0) & Self::FACTS)
    }

    /// Some character outside ASCII.
    fn not_ascii(self) -> bool {
        self.0 & Self::SHAPE_CLASS == Self::NOT_ASCII
    }

    /// At least one uppercase letter.
    pub(crate) fn has_upper(self) -> bool {
        self.0 & Self::HAS_UPPER != 0
    }
    /// At least one lowercase letter.
    pub(crate) fn has_lower(self) -> bool {
        self.0 & Self::HAS_LOWER != 0
    }
    /// Starts with an uppercase letter.
    pub(crate) fn first_upper(self) -> bool {
        self.0 & Self::FIRST_UPPER != 0
    }
    /// At least one digit.
    pub(crate) fn has_digit(self) -> bool {
        self.0 & Self::HAS_DIGIT != 0
    }
    /// At least one letter of any script.
    pub(crate) fn has_letter(self) -> bool {
        self.0 & Self::HAS_LETTER != 0
    }
}

/// Appends the matching form of `word` to `out`: lowercase, curly quotes and dashes folded.
pub(crate) fn push_key_form(word: &str, out: &mut String) {
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        if let Some(pushed) = out.get_mut(start..) {
            pushed.make_ascii_lowercase();
        }
        return;
    }
    for c in word.chars() {
        match crate::text::normalize::fold_char(c) {
            Some(folded) => out.push(folded),
            None => out.extend(c.to_lowercase()),
        }
    }
}

/// The tokens of a text with their matching forms and flags, computed once per document.
#[derive(Debug)]
pub(crate) struct Words<'t> {
    /// The original text.
    pub(crate) text: &'t str,
    /// The tokens in text order.
    pub(crate) tokens: Vec<Token>,
    /// The matching forms: the text with ASCII letters in lowercase (the form of every ASCII
    /// token, at the token's own offsets), [`HASH_PADDING`], then the forms of the tokens
    /// outside ASCII (curly quotes and dashes folded).
    forms: String,
    /// Per token, where its matching form is in `forms`.
    form_spans: Vec<(u32, u32)>,
    /// Per token, [`hash_bytes`] of its matching form from [`HASH_SEED`]: the key of the
    /// gazetteers' first tokens and of the tagger's per-word facts, computed while the form
    /// is at hand.
    hashes: Vec<u64>,
}

/// What follows the text in `Words::forms`, so that [`hash_within`] reads whole eight-byte
/// words at every token.
const HASH_PADDING: &str = "\0\0\0\0\0\0\0\0";

impl<'t> Words<'t> {
    /// Tokenises `text`.
    pub(crate) fn new(text: &'t str) -> Words<'t> {
        // News text runs at about 5.2 bytes a token; a little more room avoids a reallocation.
        let mut tokens = Vec::with_capacity(text.len() / 4 + 1);
        tokenize_into(text, &mut tokens);
        // One copy lowercased at once costs less than a copy per capitalised word.
        let mut forms = String::with_capacity(text.len() + HASH_PADDING.len());
        forms.push_str(text);
        forms.make_ascii_lowercase();
        forms.push_str(HASH_PADDING);
        // Texts beyond 4 GiB are not indexed for matching: their forms read as empty.
        let indexed = u32::try_from(text.len()).is_ok();
        // Each vector in its own pass over the tokens, every form first taken as ASCII: tight
        // loops of known length. Tokens outside ASCII (none in most texts) are mended after.
        let mut form_spans: Vec<(u32, u32)> = tokens
            .iter()
            // Within the text, whose length fits: the casts are exact.
            .map(|t| {
                if indexed {
                    (t.start as u32, t.end as u32)
                } else {
                    (0, 0)
                }
            })
            .collect();
        let mut folds = false;
        let mut hashes: Vec<u64> = tokens
            .iter()
            .map(|t| {
                folds |= t.flags.not_ascii();
                hash_within(HASH_SEED, forms.as_bytes(), t.start, t.end)
            })
            .collect();
        if folds {
            let span = |start: usize, end: usize| match (u32::try_from(start), u32::try_from(end)) {
                (Ok(start), Ok(end)) => (start, end),
                _ => (0, 0),
            };
            for ((t, form_span), hash) in tokens.iter().zip(&mut form_spans).zip(&mut hashes) {
                if t.flags.not_ascii() {
                    let start = forms.len();
                    push_key_form(t.text(text), &mut forms);
                    *form_span = span(start, forms.len());
                    *hash = hash_bytes(HASH_SEED, forms.as_bytes().get(start..).unwrap_or(&[]));
                }
            }
        }
        Words {
            text,
            tokens,
            forms,
            form_spans,
            hashes,
        }
    }

    /// Number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The text of token `i` as written ("" when out of range).
    pub(crate) fn word(&self, i: usize) -> &'t str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// The matching form of token `i` (lowercase, folded; "" when out of range).
    #[inline]
    pub(crate) fn lower(&self, i: usize) -> &str {
        let Some(&(start, end)) = self.form_spans.get(i) else {
            return "";
        };
        self.forms.get(start as usize..end as usize).unwrap_or("")
    }

    /// [`hash_bytes`] from [`HASH_SEED`] of the matching form of token `i` (of "" when out of
    /// range).
    #[inline]
    pub(crate) fn hash(&self, i: usize) -> u64 {
        match self.hashes.get(i) {
            Some(&hash) => hash,
            None => hash_bytes(HASH_SEED, &[]),
        }
    }

    /// The bytes of [`lower`](Self::lower), without the char-boundary checks of slicing a
    /// `str`: for hashing.
    #[inline]
    pub(crate) fn lower_bytes(&self, i: usize) -> &[u8] {
        let Some(&(start, end)) = self.form_spans.get(i) else {
            return &[];
        };
        self.forms
            .as_bytes()
            .get(start as usize..end as usize)
            .unwrap_or(&[])
    }

    /// Flags of token `i` (empty when out of range).
    #[inline]
    pub(crate) fn flags(&self, i: usize) -> WordFlags {
        self.tokens.get(i).map_or(WordFlags::default(), |t| t.flags)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn splits_like_the_wire_corpora() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Pakistan’s Defense Minister",
                &["Pakistan", "’s", "Defense", "Minister"],
            ),
            ("Pakistan's army", &["Pakistan", "'s", "army"]),
            ("Pakistan 's army", &["Pakistan", "'s", "army"]),
            (
                "the U.S. and U.N. said.",
                &["the", "U.S.", "and", "U.N.", "said", "."],
            ),
            ("George W. Bush", &["George", "W.", "Bush"]),
            (
                "Mr. Miller, Jr. met Gen. Asim",
                &["Mr.", "Miller", ",", "Jr.", "met", "Gen.", "Asim"],
            ),
            (
                "Tehreek-e-Taliban Pakistan (TTP)",
                &["Tehreek-e-Taliban", "Pakistan", "(", "TTP", ")"],
            ),
            ("al-Qaeda’s", &["al-Qaeda", "’s"]),
            (
                "1,000 people at 10:30 on 1996-08-22, 3.5%",
                &[
                    "1,000",
                    "people",
                    "at",
                    "10:30",
                    "on",
                    "1996-08-22",
                    ",",
                    "3.5",
                    "%",
                ],
            ),
            ("doesn't", &["does", "n't"]),
            ("does n't", &["does", "n't"]),
            ("O'Neill and Shi’ite", &["O'Neill", "and", "Shi’ite"]),
            ("“Zoë”—said…", &["“", "Zoë", "”", "—", "said", "…"]),
            ("AT&T and S&P", &["AT&T", "and", "S&P"]),
            ("wait... --", &["wait", "...", "--"]),
            ("Afghans' rights", &["Afghans", "'", "rights"]),
            ("عمران خان، لاہور۔", &["عمران", "خان", "،", "لاہور", "۔"]),
            ("end.", &["end", "."]),
            ("a.m. today", &["a.m.", "today"]),
            ("I.", &["I."]),
            ("x-", &["x", "-"]),
            ("", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(&words(text), expected, "{text:?}");
        }
    }

    #[test]
    fn words_have_matching_forms_and_flags() {
        let words = Words::new("ZOË’s US-based Ünal 42");
        let forms: Vec<&str> = (0..words.len()).map(|i| words.lower(i)).collect();
        assert_eq!(forms, ["zoë", "'s", "us-based", "ünal", "42"]);
        assert!(words.flags(0).has_upper() && !words.flags(0).has_lower());
        assert!(words.flags(0).first_upper());
        assert!(!words.flags(1).has_upper() && words.flags(1).has_letter());
        assert!(words.flags(2).has_upper() && words.flags(2).has_lower());
        assert!(words.flags(3).first_upper() && words.flags(3).has_lower());
        assert!(words.flags(4).has_digit() && !words.flags(4).has_letter());
        assert_eq!(words.lower(99), "");
        assert_eq!(words.word(99), "");
    }

    #[test]
    fn abbreviations_are_sorted_and_found_in_any_case() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
        for a in ABBREVIATIONS {
            assert!(is_abbreviation(a) && is_abbreviation(&a.to_uppercase()));
        }
        assert!(!is_abbreviation("mister") && !is_abbreviation("m") && !is_abbreviation(""));
        assert!(!is_abbreviation("ßt"));
    }

    #[test]
    fn records_spaces_and_line_starts() {
        let text = "A b.\n  C";
        let tokens = tokenize(text);
        let flags: Vec<(bool, bool)> = tokens
            .iter()
            .map(|t| (t.space_before, t.line_start))
            .collect();
        assert_eq!(
            flags,
            [(false, true), (true, false), (false, false), (true, true)]
        );
    }

    #[test]
    fn spans_are_on_char_boundaries_whatever_the_input() {
        let inputs = [
            "’’’s\u{2019}s n\u{2019}t",
            "\u{0}\u{1}ab\u{feff}c",
            "U.S.A.B.C.D.E.F",
            "1,2,3,4 1:2:3 a-b-c- -x",
            "ﷺ ۔۔ 😀x😀",
            "e\u{301}te\u{301}",
        ];
        for text in inputs {
            let mut last = 0;
            for t in tokenize(text) {
                assert!(t.start >= last && t.start < t.end, "{text:?}");
                assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
                last = t.end;
            }
        }
    }
}
