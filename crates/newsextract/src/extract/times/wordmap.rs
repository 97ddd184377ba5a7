//! [`WordMap`]: short ASCII words to values, looked up whatever their case.
//!
//! The time, quantity and quote passes test almost every word of the text against a word
//! list. A `HashMap<&str, _>` needs the word lowercased into a new `String` and hashed with
//! SipHash; a `&[&str]` is scanned from end to end. This map packs the word into one `u128`
//! (its bytes, lowercased with one `or`, and its length), so a lookup is a load, a
//! multiplication and, almost always, one probe.

/// A map from short lowercase words (at most [`MAX_LEN`] bytes of lowercase ASCII letters,
/// digits and punctuation such as `.`, `-`, `'`) to values, looked up case-insensitively.
#[derive(Debug, Clone)]
pub(crate) struct WordMap<V> {
    /// Open addressing with linear probing; key 0 marks an empty slot (no word has key 0:
    /// its length byte is not 0).
    slots: Box<[(u128, Option<V>)]>,
    mask: usize,
    /// Some entry has a byte other than a letter: a found word must then be checked for
    /// control bytes, which the fold could turn into that byte (see [`fold`]).
    check_controls: bool,
    /// For each length and first byte (its low five bits, case folded), one bit per last
    /// byte (likewise) that some entry has: most words of running text fail this test, and
    /// it costs less than building the key and probing.
    ends: Box<[[u32; 32]; MAX_LEN + 1]>,
}

/// The low five bits of a byte with bit 5 set: a letter's place in the alphabet, in either
/// case.
#[inline]
fn end_slot(b: u8) -> u32 {
    u32::from(b | 0x20) & 31
}

/// The longest word a [`WordMap`] holds; longer words are never found.
pub(crate) const MAX_LEN: usize = 14;

/// Every byte 0x20: or-ed into a letter, it makes it lowercase.
const LOWERCASE_BITS: u128 = u128::from_le_bytes([0x20; 16]);

/// The key of the `len`-byte word (1 to [`MAX_LEN`]) in the low bytes of `raw`, which may hold
/// more text after it: the bytes with bit 5 set, then the length in the top byte. Setting bit
/// 5 lowercases ASCII letters. Entry bytes all have bit 5 set already, and a byte `b` folds
/// to an entry byte `e` only when `b` is `e` or `e - 0x20`: for a letter, that is the letter
/// in either case; for the other entry bytes (digits, punctuation), `e - 0x20` is a control
/// byte, which [`WordMap`] rules out after a match when it has such entries. So a word finds
/// an entry exactly when its ASCII lowercase form is that entry.
fn fold(raw: u128, len: usize) -> u128 {
    // A table instead of `(1 << 8 * len) - 1`: a variable shift of a u128 is a branchy
    // sequence, and this runs for every word of the text.
    const MASKS: [u128; MAX_LEN + 1] = {
        let mut masks = [0u128; MAX_LEN + 1];
        let mut len = 1;
        while len <= MAX_LEN {
            masks[len] = (1u128 << (8 * len)) - 1;
            len += 1;
        }
        masks
    };
    let mask = MASKS[len];
    ((raw | LOWERCASE_BITS) & mask) | ((len as u128) << 120)
}

/// The key of `word`; 0 when no entry can have it (empty or too long).
fn key(word: &[u8]) -> u128 {
    if word.is_empty() || word.len() > MAX_LEN {
        return 0;
    }
    let mut bytes = [0u8; 16];
    bytes[..word.len()].copy_from_slice(word);
    fold(u128::from_le_bytes(bytes), word.len())
}

/// The key of `bytes[start..end]`, read with one 16-byte load when the text has 16 bytes from
/// `start` (most words), instead of copying the word out; 0 when no entry can have it.
fn key_at(bytes: &[u8], start: usize, end: usize) -> u128 {
    let len = end.saturating_sub(start);
    if len == 0 || len > MAX_LEN {
        return 0;
    }
    match bytes.get(start..start + 16).map(<[u8; 16]>::try_from) {
        Some(Ok(chunk)) => fold(u128::from_le_bytes(chunk), len),
        _ => bytes.get(start..end).map_or(0, key),
    }
}

fn slot(key: u128, mask: usize) -> usize {
    let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & mask
}

/// An entry's bytes are printable ASCII with bit 5 set (lowercase letters, digits, space and
/// most punctuation), which the fold in [`fold`] relies on.
fn is_entry_word(word: &str) -> bool {
    !word.is_empty()
        && word.len() <= MAX_LEN
        && word
            .bytes()
            .all(|b| (0x20..0x7f).contains(&b) && b & 0x20 != 0)
}

impl<V: Copy> WordMap<V> {
    /// A map of `entries`; a word given twice keeps its last value, as `HashMap::insert`
    /// would. Every word must be lowercase ASCII (letters, digits, punctuation other than
    /// `@[\\]^_`), at most [`MAX_LEN`] bytes (the tests of each map check its lists); other
    /// words are left out.
    pub(crate) fn new<'w>(entries: impl IntoIterator<Item = (&'w str, V)>) -> WordMap<V> {
        let entries: Vec<(&str, V)> = entries.into_iter().collect();
        debug_assert!(
            entries.iter().all(|(w, _)| is_entry_word(w)),
            "word lists hold lowercase ASCII only"
        );
        let check_controls = entries
            .iter()
            .any(|(w, _)| !w.bytes().all(|b| b.is_ascii_lowercase()));
        let size = (entries.len() * 4).next_power_of_two().max(16);
        let mask = size - 1;
        let mut slots = vec![(0u128, None); size].into_boxed_slice();
        let mut ends = Box::new([[0u32; 32]; MAX_LEN + 1]);
        for (word, value) in entries {
            if !is_entry_word(word) {
                continue;
            }
            let bytes = word.as_bytes();
            if let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) {
                ends[bytes.len()][end_slot(first) as usize] |= 1 << end_slot(last);
            }
            let k = key(word.as_bytes());
            let mut i = slot(k, mask);
            while slots[i].0 != 0 && slots[i].0 != k {
                i = (i + 1) & mask;
            }
            slots[i] = (k, Some(value));
        }
        WordMap {
            slots,
            mask,
            check_controls,
            ends,
        }
    }

    /// The value of `word`, whatever its ASCII case.
    pub(crate) fn get(&self, word: &str) -> Option<V> {
        if !self.may_hold(word.as_bytes()) {
            return None;
        }
        self.checked(self.find(key(word.as_bytes())), word.as_bytes())
    }

    /// The value of the word `bytes[start..end]`, whatever its ASCII case; for a tokenizer
    /// that looks up every word of a text.
    #[inline]
    pub(crate) fn get_at(&self, bytes: &[u8], start: usize, end: usize) -> Option<V> {
        let word = bytes.get(start..end).unwrap_or_default();
        if !self.may_hold(word) {
            return None;
        }
        let found = self.find(key_at(bytes, start, end));
        self.checked(found, word)
    }

    /// False when no entry has the word's length, first byte and last byte (case folded);
    /// true says nothing. A matching word folds to the entry byte for byte, so its end bytes
    /// fall in the entry's slots.
    #[inline]
    fn may_hold(&self, word: &[u8]) -> bool {
        match (word.first(), word.last(), self.ends.get(word.len())) {
            (Some(&first), Some(&last), Some(by_first)) => {
                by_first[end_slot(first) as usize] & (1 << end_slot(last)) != 0
            }
            _ => false,
        }
    }

    /// `found`, unless the word has a control byte that only the fold made match.
    #[inline]
    fn checked(&self, found: Option<V>, word: &[u8]) -> Option<V> {
        if self.check_controls && found.is_some() && word.iter().any(|&b| b < 0x20) {
            return None;
        }
        found
    }

    /// `word` is in the map, whatever its ASCII case.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    fn find(&self, k: u128) -> Option<V> {
        if k == 0 {
            return None;
        }
        let mut i = slot(k, self.mask);
        loop {
            let (slot_key, value) = self.slots[i];
            if slot_key == k {
                return value;
            }
            if slot_key == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }
}

impl WordMap<()> {
    /// A set of words: each maps to `()`.
    pub(crate) fn set<'w>(words: impl IntoIterator<Item = &'w str>) -> WordMap<()> {
        WordMap::new(words.into_iter().map(|w| (w, ())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_words_in_any_case_and_nothing_else() {
        let map = WordMap::new([("may", 5), ("sept", 9), ("millennium", 1000), ("a", 1)]);
        for (word, want) in [
            ("may", Some(5)),
            ("MAY", Some(5)),
            ("mAy", Some(5)),
            ("Sept", Some(9)),
            ("MILLENNIUM", Some(1000)),
            ("A", Some(1)),
            ("", None),
            ("ma", None),
            ("mays", None),
            ("sep", None),
            // Bit 5 folds more than letters: none of these may reach an entry.
            ("M@Y", None),
            ("m[y", None),
            ("MA\u{7f}", None),
            ("ma\u{19}", None),
            ("\u{1}", None),
            ("A ", None),
            ("a\0", None),
            ("mäy", None),
            ("millenniumsmillennium", None),
            ("m\u{1}y", None),
        ] {
            assert_eq!(map.get(word), want, "{word:?}");
            assert_eq!(map.contains(word), want.is_some(), "{word:?}");
        }
    }

    #[test]
    fn finds_words_with_punctuation_exactly() {
        let map = WordMap::set(["mr.", "e-mail", "group's", "b2b"]);
        for (word, want) in [
            ("Mr.", true),
            ("MR.", true),
            ("mr", false),
            ("mr\u{e}", false),
            ("E-Mail", true),
            ("e\rmail", false),
            ("Group's", true),
            ("group\u{7}s", false),
            ("group’s", false),
            ("B2B", true),
            ("b\u{12}b", false),
        ] {
            assert_eq!(map.contains(word), want, "{word:?}");
            let text = format!("{word} and more text after it");
            assert_eq!(
                map.get_at(text.as_bytes(), 0, word.len()).is_some(),
                want,
                "{word:?}"
            );
        }
    }

    #[test]
    fn keeps_the_last_value_of_a_repeated_word() {
        let map = WordMap::new([("fed", 1), ("bed", 2), ("fed", 3)]);
        assert_eq!((map.get("fed"), map.get("bed")), (Some(3), Some(2)));
    }

    #[test]
    fn finds_words_inside_text_as_alone() {
        let map = WordMap::set([
            "in",
            "september",
            "last",
            "sunday",
            "fortnight",
            "may",
            "jan",
        ]);
        // The last words take the copying path (fewer than 16 bytes left), the others the load.
        let text = "In September, last Sunday, fortnight; yesterday MAY may May jan";
        let mut start = 0;
        for word in text.split([' ', ',', ';']) {
            let end = start + word.len();
            let at = map.get_at(text.as_bytes(), start, end);
            assert_eq!(at, map.get(word), "{word}");
            assert_eq!(
                at.is_some(),
                !word.is_empty() && word != "yesterday",
                "{word}"
            );
            start = end + 1;
        }
        assert_eq!(map.get_at(text.as_bytes(), 10, 5), None);
        assert_eq!(map.get_at(text.as_bytes(), 60, 70), None);
        assert_eq!(map.get_at(text.as_bytes(), 3, 12), Some(()));
    }

    #[test]
    fn many_entries_each_found() {
        let words: Vec<String> = (0..2000u32)
            .map(|n| {
                let mut w = String::new();
                let mut n = n + 1;
                while n > 0 {
                    w.push(char::from(b'a' + (n % 26) as u8));
                    n /= 26;
                }
                w
            })
            .collect();
        let map = WordMap::new(words.iter().enumerate().map(|(i, w)| (w.as_str(), i)));
        for (i, w) in words.iter().enumerate() {
            assert_eq!(map.get(w), Some(i), "{w}");
            assert_eq!(map.get(&w.to_uppercase()), Some(i), "{w}");
        }
        assert_eq!(map.get("zzzzzzz"), None);
    }
}
