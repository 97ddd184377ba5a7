//! Matching names against a gazetteer over tokens.
//!
//! Names are matched as sequences of tokens rather than as raw strings: word boundaries,
//! curly apostrophes (`Pakistan’s`) and case-folding then come for free, and one hash lookup
//! per token finds every name starting there. Keys are 64-bit hashes ([`hash_bytes`]) of the
//! tokens' matching forms; a hit is confirmed against the name as listed (the case rule below), so a
//! hash collision can cost a lookup but never yields a wrong match.
//!
//! Case rule: a listed name matches text written exactly like it (after folding quotes and
//! dashes, ignoring white space) or the same words in capitals (wire text: `ISLAMABAD`).
//! "US" therefore matches only "US", and "Turkey" matches "Turkey" and "TURKEY" but never the
//! bird. A case-insensitive lexicon (titles) skips the rule.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::text::normalize::fold_char;
use crate::text::tokens::{push_key_form, tokenize_into, Token, Words};

/// The longest name, in tokens, a lexicon holds.
pub(crate) const MAX_NAME_TOKENS: usize = 8;

/// The starting value of [`hash_bytes`].
pub(crate) const HASH_SEED: u64 = 0x243f_6a88_85a3_08d3;
/// The multiplier of every step of the hash ([`mix`]).
const HASH_MULTIPLIER: u64 = 0x517c_c1b7_2722_0a95;

/// A fixed, portable 64-bit hash of `bytes` continuing `hash`, eight bytes at a time
/// (little-endian words, FxHash's rotate-xor-multiply) with the length folded in, so that
/// pieces hashed one after the other never run together. The same on every platform and in
/// every process (no random state); the entity tagger's feature ids and the gazetteer keys
/// depend on it, so changing it means retraining the tagger.
#[inline]
pub(crate) fn hash_bytes(mut hash: u64, bytes: &[u8]) -> u64 {
    let length = (bytes.len() as u64) << 56;
    let mut rest = bytes;
    while let Some((chunk, after)) = rest.split_first_chunk::<8>() {
        hash = mix(hash, u64::from_le_bytes(*chunk));
        rest = after;
    }
    mix(hash, length | little_endian(rest))
}

/// [`hash_bytes`] of `bytes[start..end]` (of nothing when out of range), reading whole
/// eight-byte words: where `bytes` runs on at least eight bytes past the last word begun,
/// the tail is one load with the bytes past `end` masked off.
#[inline]
pub(crate) fn hash_within(mut hash: u64, bytes: &[u8], start: usize, end: usize) -> u64 {
    let Some(mut rest) = bytes.get(start..) else {
        return hash_bytes(hash, &[]);
    };
    let Some(len) = end.checked_sub(start).filter(|&len| len <= rest.len()) else {
        return hash_bytes(hash, &[]);
    };
    let mut left = len;
    while left >= 8 {
        let Some((chunk, after)) = rest.split_first_chunk::<8>() else {
            break;
        };
        hash = mix(hash, u64::from_le_bytes(*chunk));
        rest = after;
        left -= 8;
    }
    let tail = match rest.first_chunk::<8>() {
        // `left` is below 8: the mask keeps its bytes.
        Some(word) => u64::from_le_bytes(*word) & ((1u64 << (8 * left)) - 1),
        None => little_endian(rest.get(..left).unwrap_or(&[])),
    };
    let length = (len as u64) << 56;
    mix(hash, length | tail)
}

/// The bytes of `tail` (at most 7) as a little-endian number. Two overlapping loads (or three
/// single bytes) instead of one shift per byte: most words hashed are shorter than eight bytes,
/// so this tail is most of the hashing.
#[inline]
pub(crate) fn little_endian(tail: &[u8]) -> u64 {
    let n = tail.len();
    if n >= 4 {
        let load = |at: usize| {
            tail.get(at..at + 4)
                .and_then(|four| four.try_into().ok())
                .map_or(0, |four: [u8; 4]| u64::from(u32::from_le_bytes(four)))
        };
        load(0) | (load(n - 4) << (8 * (n - 4)))
    } else if n > 0 {
        let byte = |at: usize| tail.get(at).map_or(0, |&b| u64::from(b)) << (8 * at);
        byte(0) | byte(n / 2) | byte(n - 1)
    } else {
        0
    }
}

/// [`hash_bytes`] of the one byte `byte`, at compile time: the feature templates' seeds.
pub(crate) const fn hash_byte(hash: u64, byte: u8) -> u64 {
    mix(hash, (1u64 << 56) | byte as u64)
}

/// [`hash_bytes`] of the little-endian bytes of `value`, at compile time.
pub(crate) const fn hash_u64(hash: u64, value: u64) -> u64 {
    mix(mix(hash, value), 8u64 << 56)
}

/// One step of the hash: folds the eight-byte word `word` into `hash`. [`hash_bytes`] takes
/// one per eight bytes and one for the tail with the length; the tagger's features fold
/// values cut into such words with it directly.
#[inline]
pub(crate) const fn mix(hash: u64, word: u64) -> u64 {
    (hash.rotate_left(5) ^ word).wrapping_mul(HASH_MULTIPLIER)
}

/// Hashes the key of the next token onto `hash` (the key of the tokens before it).
fn extend_key(hash: u64, _first: bool, form: &[u8]) -> u64 {
    hash_bytes(hash, form)
}

/// A hasher for keys that are already hashes.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct PrehashedKey(u64);

impl Hasher for PrehashedKey {
    fn finish(&self) -> u64 {
        // The low bits of a multiplicative hash are weak; spread them before the table takes them.
        self.0.wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(29)
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = hash_bytes(self.0, bytes);
    }
    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<PrehashedKey>>;

/// What a gazetteer name stands for: an index into one of the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Target {
    /// A row of the countries table.
    Country(u32),
    /// A row of the cities table.
    City(u32),
    /// A row of the regions table (first-level divisions, regions, continents).
    Region(u32),
    /// A row of the organisations table.
    Organization(u32),
    /// A row of the nationalities table.
    Nationality(u32),
    /// A row of the titles table.
    Title(u32),
    /// An entry of a user gazetteer.
    User(u32),
}

/// One listed name and what it stands for.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    surface_start: u32,
    surface_end: u32,
    /// What the name stands for.
    pub(crate) target: Target,
}

#[derive(Debug, Clone, Copy, Default)]
struct Node {
    first: u32,
    count: u32,
    /// Some longer name starts with these tokens.
    prefix: bool,
}

/// Collects names before building a [`Lexicon`].
#[derive(Debug, Default)]
pub(crate) struct LexiconBuilder {
    surfaces: String,
    entries: Vec<(u64, Entry)>,
    prefixes: Vec<u64>,
    case_insensitive: bool,
    scratch_tokens: Vec<Token>,
    scratch_form: String,
    first_token_hashes: Vec<u64>,
}

impl LexiconBuilder {
    /// A builder whose names match only as written or in capitals.
    pub(crate) fn new() -> LexiconBuilder {
        LexiconBuilder::default()
    }

    /// A builder whose names match in any case.
    pub(crate) fn case_insensitive() -> LexiconBuilder {
        LexiconBuilder {
            case_insensitive: true,
            ..LexiconBuilder::default()
        }
    }

    /// Adds `name` for `target`. Returns false (and adds nothing) when the name has no tokens
    /// or more than [`MAX_NAME_TOKENS`].
    pub(crate) fn insert(&mut self, name: &str, target: Target) -> bool {
        self.scratch_tokens.clear();
        tokenize_into(name, &mut self.scratch_tokens);
        let n = self.scratch_tokens.len();
        if n == 0 || n > MAX_NAME_TOKENS {
            return false;
        }
        let mut hash = HASH_SEED;
        for (i, token) in self.scratch_tokens.iter().enumerate() {
            if i > 0 {
                self.prefixes.push(hash);
            }
            self.scratch_form.clear();
            push_key_form(token.text(name), &mut self.scratch_form);
            hash = extend_key(hash, i == 0, self.scratch_form.as_bytes());
            if i == 0 {
                self.first_token_hashes.push(hash);
            }
        }
        let (Ok(surface_start), Ok(surface_end)) = (
            u32::try_from(self.surfaces.len()),
            u32::try_from(self.surfaces.len() + name.len()),
        ) else {
            return false;
        };
        self.surfaces.push_str(name);
        self.entries.push((
            hash,
            Entry {
                surface_start,
                surface_end,
                target,
            },
        ));
        true
    }

    /// Builds the lexicon.
    pub(crate) fn build(mut self) -> Lexicon {
        // Stable sort: entries of one key keep their insertion order, which keeps matching
        // deterministic.
        self.entries.sort_by_key(|&(hash, _)| hash);
        let mut map: KeyMap<Node> = KeyMap::default();
        map.reserve(self.entries.len() + self.prefixes.len());
        let mut entries = Vec::with_capacity(self.entries.len());
        for (i, &(hash, entry)) in self.entries.iter().enumerate() {
            let index = u32::try_from(i).unwrap_or(u32::MAX);
            let node = map.entry(hash).or_insert(Node {
                first: index,
                count: 0,
                prefix: false,
            });
            node.count += 1;
            entries.push(entry);
        }
        for hash in self.prefixes {
            map.entry(hash).or_default().prefix = true;
        }
        let mut first_tokens = vec![0u64; FIRST_TOKEN_FILTER_BITS / 64];
        for &hash in &self.first_token_hashes {
            let bit = filter_bit(hash);
            first_tokens[bit / 64] |= 1 << (bit % 64);
        }
        Lexicon {
            map,
            entries,
            surfaces: self.surfaces,
            case_insensitive: self.case_insensitive,
            first_tokens,
        }
    }
}

/// Names to find in tokenised text. Built once; matching allocates nothing.
#[derive(Debug)]
pub(crate) struct Lexicon {
    map: KeyMap<Node>,
    entries: Vec<Entry>,
    surfaces: String,
    case_insensitive: bool,
    /// A one-hash filter of the names' first tokens: most tokens start no name, and this
    /// says so from one bit in a table small enough to stay in cache.
    first_tokens: Vec<u64>,
}

/// Size of the first-token filter in bits.
const FIRST_TOKEN_FILTER_BITS: usize = 1 << 18;

fn filter_bit(hash: u64) -> usize {
    (hash.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - 18)) as usize
}

impl Lexicon {
    /// The name as listed for `entry`.
    pub(crate) fn surface(&self, entry: &Entry) -> &str {
        self.surfaces
            .get(entry.surface_start as usize..entry.surface_end as usize)
            .unwrap_or("")
    }

    fn node_entries(&self, node: &Node) -> &[Entry] {
        let start = node.first as usize;
        self.entries
            .get(start..start + node.count as usize)
            .unwrap_or(&[])
    }

    /// Calls `found(end, entry)` for every name that starts at token `start` and ends before
    /// token `end`, shortest first. Names never cross a line break.
    pub(crate) fn find_at(
        &self,
        words: &Words<'_>,
        start: usize,
        found: impl FnMut(usize, &Entry),
    ) {
        self.find_at_hashed(words, start, words.hash(start), found);
    }

    /// False when no name starts with a token whose [`Words::hash`] is `first_hash`; true
    /// when one may. One bit of a small table: callers that try every token check this
    /// before [`find_at_hashed`](Self::find_at_hashed), which most tokens then never enter.
    #[inline]
    pub(crate) fn may_start(&self, first_hash: u64) -> bool {
        let bit = filter_bit(first_hash);
        self.first_tokens
            .get(bit / 64)
            .is_some_and(|w| w & (1 << (bit % 64)) != 0)
    }

    /// Like [`find_at`](Self::find_at), given [`Words::hash`] of token `start` (a name's
    /// first-token key is the hash of its form alone).
    pub(crate) fn find_at_hashed(
        &self,
        words: &Words<'_>,
        start: usize,
        first_hash: u64,
        mut found: impl FnMut(usize, &Entry),
    ) {
        if !self.may_start(first_hash) {
            return;
        }
        let mut hash = HASH_SEED;
        let last = words.len().min(start.saturating_add(MAX_NAME_TOKENS));
        for j in start..last {
            if j > start && words.tokens[j].line_start {
                break;
            }
            hash = if j == start {
                first_hash
            } else {
                extend_key(hash, false, words.lower_bytes(j))
            };
            let Some(node) = self.map.get(&hash) else {
                break;
            };
            for entry in self.node_entries(node) {
                if self.accepts(entry, words, start, j + 1) {
                    found(j + 1, entry);
                }
            }
            if !node.prefix {
                break;
            }
        }
    }

    /// Calls `found(entry)` for every name that covers exactly tokens `start..end`.
    pub(crate) fn find_exact(
        &self,
        words: &Words<'_>,
        start: usize,
        end: usize,
        mut found: impl FnMut(&Entry),
    ) {
        if start >= end || end > words.len() || end - start > MAX_NAME_TOKENS {
            return;
        }
        // The first token's key is its form's hash, which `words` holds.
        let mut hash = words.hash(start);
        for j in start + 1..end {
            hash = extend_key(hash, false, words.lower_bytes(j));
        }
        if let Some(node) = self.map.get(&hash) {
            for entry in self.node_entries(node) {
                if self.accepts(entry, words, start, end) {
                    found(entry);
                }
            }
        }
    }

    /// Every entry for the whole of `name` (tokenised first), e.g. a dateline's place.
    pub(crate) fn lookup(&self, name: &str) -> Vec<Entry> {
        let words = Words::new(name);
        let mut out = Vec::new();
        self.find_exact(&words, 0, words.len(), |entry| out.push(*entry));
        out
    }

    /// The case rule of the module documentation.
    fn accepts(&self, entry: &Entry, words: &Words<'_>, start: usize, end: usize) -> bool {
        if self.case_insensitive {
            return true;
        }
        let (Some(first), Some(last)) = (words.tokens.get(start), words.tokens.get(end - 1)) else {
            return false;
        };
        let written = words.text.get(first.start..last.end).unwrap_or("");
        let listed = self.surface(entry);
        if written == listed {
            return true;
        }
        if written.is_ascii() && listed.is_ascii() {
            // Folding leaves ASCII alone: compare the bytes that are not white space (as
            // `char::is_whitespace` has it, vertical tab included).
            let space = |b: &u8| matches!(b, b'\t'..=b'\r' | b' ');
            let written_bytes = written.bytes().filter(|b| !space(b));
            if written_bytes.eq(listed.bytes().filter(|b| !space(b))) {
                return true;
            }
        } else {
            let fold = |c: char| fold_char(c).unwrap_or(c);
            let mut written_chars = written.chars().filter(|c| !c.is_whitespace()).map(fold);
            let mut listed_chars = listed.chars().filter(|c| !c.is_whitespace()).map(fold);
            if written_chars.by_ref().eq(listed_chars.by_ref()) {
                return true;
            }
        }
        (start..end).all(|i| !words.flags(i).has_lower())
            && (start..end).any(|i| words.flags(i).has_upper())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_within_is_hash_bytes_of_the_range() {
        let bytes: Vec<u8> = (0..40u8).map(|b| b.wrapping_mul(37)).collect();
        for start in 0..=bytes.len() {
            for end in start..=bytes.len() {
                assert_eq!(
                    hash_within(HASH_SEED, &bytes, start, end),
                    hash_bytes(HASH_SEED, &bytes[start..end]),
                    "{start}..{end}"
                );
            }
        }
        assert_eq!(
            hash_within(HASH_SEED, &bytes, 5, 99),
            hash_bytes(HASH_SEED, &[])
        );
    }

    fn lexicon(names: &[&str], case_insensitive: bool) -> Lexicon {
        let mut builder = if case_insensitive {
            LexiconBuilder::case_insensitive()
        } else {
            LexiconBuilder::new()
        };
        for (i, name) in names.iter().enumerate() {
            assert!(builder.insert(name, Target::User(i as u32)));
        }
        builder.build()
    }

    /// Every match as (written text, listed name).
    fn matches(lex: &Lexicon, text: &str) -> Vec<(String, String)> {
        let words = Words::new(text);
        let mut out = Vec::new();
        for start in 0..words.len() {
            lex.find_at(&words, start, |end, entry| {
                let span = words.tokens[start].start..words.tokens[end - 1].end;
                out.push((text[span].to_string(), lex.surface(entry).to_string()));
            });
        }
        out
    }

    #[test]
    fn case_rule_and_boundaries() {
        let lex = lexicon(
            &[
                "US",
                "Turkey",
                "New York",
                "New York Times",
                "Pakistan",
                "Tehreek-e-Taliban Pakistan",
                "Zoë",
            ],
            false,
        );
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("us and US", &[("US", "US")]),
            (
                "turkey in Turkey and TURKEY",
                &[("Turkey", "Turkey"), ("TURKEY", "Turkey")],
            ),
            (
                "the New York Times",
                &[
                    ("New York", "New York"),
                    ("New York Times", "New York Times"),
                ],
            ),
            ("New\nYork", &[]),
            ("Pakistan’s army, Pakistanis", &[("Pakistan", "Pakistan")]),
            (
                "TEHREEK-E-TALIBAN PAKISTAN",
                &[
                    ("TEHREEK-E-TALIBAN PAKISTAN", "Tehreek-e-Taliban Pakistan"),
                    ("PAKISTAN", "Pakistan"),
                ],
            ),
            ("ZOË and Zoe", &[("ZOË", "Zoë")]),
            ("new york", &[]),
        ];
        for (text, expected) in cases {
            let expected: Vec<(String, String)> = expected
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            assert_eq!(matches(&lex, text), expected, "{text:?}");
        }
    }

    /// The hash as first written, a shift per byte of the tail: [`hash_bytes`] must not
    /// change, or every feature id and gazetteer key would.
    fn hash_bytes_reference(mut hash: u64, bytes: &[u8]) -> u64 {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let word = u64::from_le_bytes(chunk.try_into().unwrap());
            hash = (hash.rotate_left(5) ^ word).wrapping_mul(HASH_MULTIPLIER);
        }
        let mut word = (bytes.len() as u64) << 56;
        for (k, &b) in chunks.remainder().iter().enumerate() {
            word ^= u64::from(b) << (8 * k);
        }
        (hash.rotate_left(5) ^ word).wrapping_mul(HASH_MULTIPLIER)
    }

    #[test]
    fn hash_is_unchanged() {
        let bytes: Vec<u8> = (0..40u8)
            .map(|b| b.wrapping_mul(97).wrapping_add(200))
            .collect();
        for seed in [HASH_SEED, 0, u64::MAX, 0x1234_5678_9abc_def0] {
            for len in 0..=bytes.len() {
                assert_eq!(
                    hash_bytes(seed, &bytes[..len]),
                    hash_bytes_reference(seed, &bytes[..len]),
                    "{len}"
                );
            }
            for byte in [0, 1, 36, 255] {
                assert_eq!(hash_byte(seed, byte), hash_bytes_reference(seed, &[byte]));
                let value = u64::from(byte) * 0x0101_0101;
                assert_eq!(
                    hash_u64(seed, value),
                    hash_bytes_reference(seed, &value.to_le_bytes())
                );
            }
        }
    }

    #[test]
    fn case_insensitive_and_lookup() {
        let lex = lexicon(&["Defense Minister", "Chief Justice"], true);
        assert_eq!(matches(&lex, "defense minister Asif").len(), 1);
        assert_eq!(lex.lookup("CHIEF JUSTICE").len(), 1);
        assert!(lex.lookup("Chief").is_empty());
        assert!(lex.lookup("").is_empty());
    }
}
