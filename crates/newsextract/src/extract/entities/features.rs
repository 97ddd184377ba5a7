//! The tagger's features, computed by ONE function ([`features`]) that training and
//! extraction share, so a model always sees at run time what it was trained on.
//!
//! Every feature is a string hashed with [`hash_bytes`] (written out, so the same on every
//! platform and in every process) into one of `2^bits` buckets of the weight table. Nothing
//! is allocated per token: the per-document facts are computed once into [`Context`], and
//! feature ids go into a buffer the caller reuses.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::gazetteer::lexicon::PrehashedKey;
use crate::gazetteer::{Category, CATEGORY_COUNT, NAMES, TITLES};
use crate::text::tokens::{WordFlags, Words};

/// Changes whenever a feature is added, removed or hashed differently; a model trained with
/// another version is refused.
pub(crate) const FEATURE_VERSION: u32 = 7;

/// Entity types the tagger knows, in tag order: CoNLL-2003's four.
pub(crate) const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// Number of tags: O plus Begin, Inside, Last and Unit for each type (BILOU).
pub(crate) const TAG_COUNT: usize = 1 + 4 * TYPES.len();

/// Where a token sits in an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    /// Outside any entity.
    Outside,
    /// First token of a multi-token entity.
    Begin,
    /// Inside a multi-token entity.
    Inside,
    /// Last token of a multi-token entity.
    Last,
    /// A one-token entity.
    Unit,
}

/// A BILOU tag: 0 is O, then B, I, L, U of PER, ORG, LOC, MISC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Tag(pub(crate) u8);

impl Tag {
    /// Outside.
    pub(crate) const O: Tag = Tag(0);

    /// The tag for `part` of an entity of type `ty` (an index into [`TYPES`]).
    #[cfg_attr(not(any(test, feature = "train")), allow(dead_code))]
    pub(crate) fn new(part: Part, ty: usize) -> Tag {
        let offset = match part {
            Part::Outside => return Tag::O,
            Part::Begin => 1,
            Part::Inside => 2,
            Part::Last => 3,
            Part::Unit => 4,
        };
        Tag((1 + 4 * (ty % TYPES.len()) + offset - 1) as u8)
    }

    /// The part.
    pub(crate) fn part(self) -> Part {
        if self.0 == 0 {
            return Part::Outside;
        }
        match (self.0 - 1) % 4 {
            0 => Part::Begin,
            1 => Part::Inside,
            2 => Part::Last,
            _ => Part::Unit,
        }
    }

    /// The type index, for tags other than O.
    pub(crate) fn ty(self) -> Option<usize> {
        (self.0 != 0).then(|| usize::from(self.0 - 1) / 4)
    }

    /// True for B and I: the entity goes on at the next token.
    pub(crate) fn is_open(self) -> bool {
        matches!(self.part(), Part::Begin | Part::Inside)
    }

    /// True when `next` may follow `self`.
    pub(crate) fn allows(self, next: Tag) -> bool {
        if self.is_open() {
            next.ty() == self.ty() && matches!(next.part(), Part::Inside | Part::Last)
        } else {
            matches!(next.part(), Part::Outside | Part::Begin | Part::Unit)
        }
    }

    fn name(self) -> &'static str {
        const NAMES: [&str; TAG_COUNT] = [
            "O", "B-PER", "I-PER", "L-PER", "U-PER", "B-ORG", "I-ORG", "L-ORG", "U-ORG", "B-LOC",
            "I-LOC", "L-LOC", "U-LOC", "B-MISC", "I-MISC", "L-MISC", "U-MISC",
        ];
        NAMES.get(usize::from(self.0)).copied().unwrap_or("O")
    }
}

/// True when token `i` may open an entity (B or U). A token without a capital letter cannot:
/// names in news start with a capital (or are written in capitals); CoNLL-2003's training
/// set has 48 of 23,499 entities that do not, most of them numbers like "1860 Munich". Nor
/// can a capitalised function word ("The", "But", "In") unless a capitalised word follows it
/// ("The Hague", "In Amenas"). This is what lets the tagger skip most tokens.
#[inline]
pub(crate) fn may_open(words: &Words<'_>, i: usize) -> bool {
    // Asked of every token: the common answer, no capital, without a call.
    let flags = words.flags(i);
    flags.has_upper() && may_open_with_capital(words, i, flags)
}

/// [`may_open`] of a token with a capital letter.
#[inline(never)]
fn may_open_with_capital(words: &Words<'_>, i: usize, flags: WordFlags) -> bool {
    if !flags.has_lower() || !is_function_word(words.lower_bytes(i), words.hash(i)) {
        return true;
    }
    i + 1 < words.len() && !words.tokens[i + 1].line_start && words.flags(i + 1).first_upper()
}

/// Pronouns, determiners, conjunctions, prepositions, auxiliaries and sentence adverbs, which
/// open no name on their own. Not "May", "Will", "Bill", "Mark": those are names too.
const FUNCTION_WORDS: [&str; 126] = [
    "a",
    "about",
    "according",
    "across",
    "after",
    "against",
    "all",
    "also",
    "although",
    "amid",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "as",
    "at",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "during",
    "each",
    "earlier",
    "either",
    "even",
    "every",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "instead",
    "into",
    "is",
    "it",
    "its",
    "just",
    "last",
    "later",
    "many",
    "meanwhile",
    "more",
    "most",
    "much",
    "my",
    "neither",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "over",
    "several",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "to",
    "today",
    "under",
    "unless",
    "until",
    "us",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whose",
    "why",
    "with",
    "within",
    "without",
    "would",
    "yesterday",
    "yet",
    "you",
    "your",
];

/// Slots of [`FUNCTION_WORD_TABLE`]: a power of two, twice the words or more, so that every
/// probe ends at an empty slot soon.
const FUNCTION_WORD_SLOTS: usize = 256;

/// [`FUNCTION_WORDS`] by word hash ([`Words::hash`]), built at compile time: per slot, 1 + the
/// index of a word or 0 for none; a word sits at the top byte of its hash or the first free
/// slot after it.
const FUNCTION_WORD_TABLE: [u8; FUNCTION_WORD_SLOTS] = {
    let mut table = [0u8; FUNCTION_WORD_SLOTS];
    let mut k = 0;
    while k < FUNCTION_WORDS.len() {
        let mut slot = function_word_slot(const_hash(FUNCTION_WORDS[k].as_bytes()));
        while table[slot] != 0 {
            slot = (slot + 1) % FUNCTION_WORD_SLOTS;
        }
        table[slot] = k as u8 + 1;
        k += 1;
    }
    table
};
const _: () =
    assert!(2 * FUNCTION_WORDS.len() <= FUNCTION_WORD_SLOTS && FUNCTION_WORDS.len() < 255);

const fn function_word_slot(hash: u64) -> usize {
    (hash >> 56) as usize % FUNCTION_WORD_SLOTS
}

/// [`hash_bytes`]`(HASH_SEED, bytes)` at compile time.
const fn const_hash(bytes: &[u8]) -> u64 {
    let mut hash = HASH_SEED;
    let mut rest = bytes;
    while let Some((chunk, after)) = rest.split_first_chunk::<8>() {
        hash = mix(hash, u64::from_le_bytes(*chunk));
        rest = after;
    }
    let mut tail = (bytes.len() as u64) << 56;
    let mut k = 0;
    while k < rest.len() {
        tail |= (rest[k] as u64) << (8 * k);
        k += 1;
    }
    mix(hash, tail)
}

/// True when `word`, whose [`Words::hash`] is `hash`, is one of the [`FUNCTION_WORDS`]: a
/// probe of a table made at compile time instead of a comparison with each word of the same
/// length.
fn is_function_word(word: &[u8], hash: u64) -> bool {
    let mut slot = function_word_slot(hash);
    for _ in 0..FUNCTION_WORD_SLOTS {
        let Some(k) = FUNCTION_WORD_TABLE[slot].checked_sub(1) else {
            return false;
        };
        if FUNCTION_WORDS.get(usize::from(k)).map(|w| w.as_bytes()) == Some(word) {
            return true;
        }
        slot = (slot + 1) % FUNCTION_WORD_SLOTS;
    }
    false
}

/// Small words that may sit inside a name: "Bank of England", "Boatmen 's Bancshares",
/// "Vasco da Gama", "Tehreek-e-Taliban" (one token), "Windows 95".
fn is_continuer(word: &str) -> bool {
    matches!(
        word,
        "of" | "and"
            | "'s"
            | "de"
            | "&"
            | "the"
            | "van"
            | "for"
            | "der"
            | "den"
            | "da"
            | "del"
            | "della"
            | "di"
            | "du"
            | "von"
            | "la"
            | "le"
            | "al"
            | "el"
            | "bin"
            | "ibn"
            | "y"
            | "et"
            | "e"
            | "ul"
    )
}

/// True when token `i` may continue or close an entity (I or L): a capitalised token, a
/// number, or one of the small words names contain. Any other token closes what is open, so
/// the tagger scores only capitalised tokens and the few words between them.
pub(crate) fn may_continue(words: &Words<'_>, i: usize) -> bool {
    let flags = words.flags(i);
    flags.has_upper() || (flags.has_digit() && !flags.has_letter()) || is_continuer(words.lower(i))
}

pub(crate) type HashMap64<V> = HashMap<u64, V, BuildHasherDefault<PrehashedKey>>;

use crate::gazetteer::lexicon::{
    hash_byte, hash_bytes, hash_u64, little_endian, mix, Entry, HASH_SEED,
};

/// Per-document facts the features read, computed once.
#[derive(Debug)]
pub(crate) struct Context<'w, 't> {
    /// The tokens.
    pub(crate) words: &'w Words<'t>,
    /// (token, bits) for the tokens some gazetteer name covers, in token order: bit
    /// `4 * category + position` per name (position 0 = first of several, 1 = inside, 2 =
    /// last, 3 = whole name). Most tokens have none, so the list is short.
    gazetteer: Vec<(u32, u64)>,
    /// Per token, [`AFTER_TITLE_MARK`], [`SENTENCE_START_MARK`], [`CAPS_LINE_MARK`],
    /// [`GAZETTEER_MARK`] and [`RUN_MARK`].
    marks: Vec<u8>,
    /// The runs of capitalised words (with connectors like "of", "de", "&"), as (start, end
    /// exclusive), in token order.
    runs: Vec<(u32, u32)>,
    /// Every token with a capital, in text order.
    occurrences: Vec<u32>,
    /// Per entry of `occurrences`, the index there of the next occurrence of the same word
    /// ([`NO_OCCURRENCE`] after the last): each word's occurrences as a list through one
    /// vector, without sorting and without a vector per word.
    next_occurrence: Vec<u32>,
    /// The words written with a capital somewhere, by word hash.
    capitalised: HashMap64<WordFacts>,
}

/// What the document shows of a word written with a capital somewhere.
#[derive(Debug, Clone, Copy)]
struct WordFacts {
    /// Its first and last entries in `Context::occurrences`.
    first: u32,
    last: u32,
    /// [`SEEN_LOWERCASE_FACT`] and [`SEEN_CAPITALISED_FACT`].
    seen: u8,
}

/// Ends a list of occurrences.
const NO_OCCURRENCE: u32 = u32::MAX;
/// The word is written in lowercase somewhere in the document.
const SEEN_LOWERCASE_FACT: u8 = 1;
/// The word is written capitalised inside a sentence somewhere in the document.
const SEEN_CAPITALISED_FACT: u8 = 2;

impl<'w, 't> Context<'w, 't> {
    /// Computes the facts for `words` in one pass over the tokens, one over the tokens with
    /// a capital and one more for the lowercase words. Shapes are not computed here: the
    /// features need them for a minority of tokens, and build them there ([`Shape`]).
    pub(crate) fn new(words: &'w Words<'t>) -> Context<'w, 't> {
        let n = words.len();
        let names = &*NAMES;
        let titles = &*TITLES;
        // (token, bits) pairs, sorted and merged below: most tokens have none.
        let mut gazetteer: Vec<(u32, u64)> = Vec::with_capacity(64);
        let mut marks = vec![0u8; n];
        // About one token in six has a capital: room for that many saves regrowing.
        let mut occurrences: Vec<u32> = Vec::with_capacity(n / 4 + 16);
        // The word hashes of the lowercase words, looked up once the capitalised ones are
        // known.
        let mut lowercase: Vec<u64> = Vec::with_capacity(n);
        let mut line_start = 0;
        let mut line_flags = WordFlags::default();
        let mut previous_mark = 0;
        let mut previous_flags = WordFlags::default();
        for (i, token) in words.tokens.iter().enumerate() {
            let flags = token.flags;
            if token.line_start && i > 0 {
                mark_caps_line(&mut marks, line_start..i, line_flags);
                line_start = i;
                line_flags = WordFlags::default();
            }
            line_flags = line_flags.union(flags);
            let Some(mark) = marks.get_mut(i) else {
                break;
            };
            if i == line_start || opens_sentence_after(words, i, previous_flags, previous_mark) {
                *mark |= SENTENCE_START_MARK;
            }
            previous_mark = *mark;
            previous_flags = flags;
            let hash = words.hash(i);
            if flags.has_upper() {
                occurrences.push(i as u32);
                if names.may_start(hash) {
                    names.find_at_hashed(words, i, hash, |end, entry| {
                        gazetteer_bits_of(&mut gazetteer, i, end, entry);
                    });
                }
            }
            if flags.has_letter() && !flags.has_upper() {
                lowercase.push(hash);
            }
            if flags.has_letter() && titles.may_start(hash) {
                titles.find_at_hashed(words, i, hash, |end, _| {
                    if let Some(slot) = marks.get_mut(end) {
                        *slot |= AFTER_TITLE_MARK;
                    }
                });
            }
        }
        mark_caps_line(&mut marks, line_start..n, line_flags);

        gazetteer.sort_unstable_by_key(|&(token, _)| token);
        gazetteer.dedup_by(|later, earlier| {
            let same = later.0 == earlier.0;
            if same {
                earlier.1 |= later.1;
            }
            same
        });

        // Each capitalised word's occurrences, linked in text order, and whether it is
        // written capitalised inside a sentence.
        let mut capitalised = HashMap64::<WordFacts>::default();
        capitalised.reserve(occurrences.len());
        let mut next_occurrence = vec![NO_OCCURRENCE; occurrences.len()];
        // Lowercase words matter only when the same word is capitalised somewhere; a bit
        // filter of the capitalised ones keeps the look-ups few and the pass cheap.
        let mut capitalised_filter = [0u64; 64];
        let filter_bit = |hash: u64| (hash.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 52) as usize;
        for (k, &i) in occurrences.iter().enumerate() {
            let i = i as usize;
            let hash = words.hash(i);
            let bit = filter_bit(hash);
            capitalised_filter[bit / 64] |= 1 << (bit % 64);
            let seen = if words.flags(i).first_upper()
                && marks
                    .get(i)
                    .is_some_and(|m| m & (SENTENCE_START_MARK | CAPS_LINE_MARK) == 0)
            {
                SEEN_CAPITALISED_FACT
            } else {
                0
            };
            let k = k as u32;
            capitalised
                .entry(hash)
                .and_modify(|facts| {
                    if let Some(next) = next_occurrence.get_mut(facts.last as usize) {
                        *next = k;
                    }
                    facts.last = k;
                    facts.seen |= seen;
                })
                .or_insert(WordFacts {
                    first: k,
                    last: k,
                    seen,
                });
        }
        if !occurrences.is_empty() {
            for &hash in &lowercase {
                let bit = filter_bit(hash);
                if capitalised_filter[bit / 64] & (1 << (bit % 64)) != 0 {
                    if let Some(facts) = capitalised.get_mut(&hash) {
                        facts.seen |= SEEN_LOWERCASE_FACT;
                    }
                }
            }
        }

        let runs = name_runs(words, &marks, &occurrences);
        for &(start, end) in &runs {
            for mark in marks
                .get_mut(start as usize..end as usize)
                .unwrap_or(&mut [])
            {
                *mark |= RUN_MARK;
            }
        }
        for &(token, _) in &gazetteer {
            if let Some(mark) = marks.get_mut(token as usize) {
                *mark |= GAZETTEER_MARK;
            }
        }

        Context {
            words,
            runs,
            occurrences,
            next_occurrence,
            capitalised,
            gazetteer,
            marks,
        }
    }

    /// True when the word of token `i` (a word hash, [`Context::word_hash`]) is written
    /// with a capital somewhere and the document shows `fact` of it.
    fn seen(&self, hash: u64, fact: u8) -> bool {
        self.capitalised
            .get(&hash)
            .is_some_and(|facts| facts.seen & fact != 0)
    }

    /// The shape of token `i` ("" when out of range).
    #[inline]
    fn shape(&self, i: usize) -> Value {
        match self.words.flags(i).simple_shape() {
            Some(shape) => Value::of(shape.as_bytes()),
            None => self.complex_shape(i),
        }
    }

    /// [`shape`](Self::shape) of a token whose shape the flags do not give.
    #[inline(never)]
    fn complex_shape(&self, i: usize) -> Value {
        Value::shape_of(self.words.word(i))
    }

    fn marked(&self, i: usize, mark: u8) -> bool {
        self.marks.get(i).is_some_and(|m| m & mark != 0)
    }

    /// True when token `i` opens a sentence.
    pub(crate) fn opens_sentence(&self, i: usize) -> bool {
        self.marked(i, SENTENCE_START_MARK)
    }

    /// True when some listed title starting with a letter ends just before token `i`.
    pub(crate) fn after_title(&self, i: usize) -> bool {
        self.marked(i, AFTER_TITLE_MARK)
    }

    /// True when some built-in gazetteer name starts at token `i` (of two tokens or more
    /// when `several`). Only tokens with a capital are scanned; the others answer false.
    pub(crate) fn starts_listed_name(&self, i: usize, several: bool) -> bool {
        self.gazetteer_bits(i) & listed_start_mask(several) != 0
    }

    /// The tokens where [`starts_listed_name`](Self::starts_listed_name) is true, in text
    /// order, found without asking it of every token.
    pub(crate) fn listed_name_starts(&self, several: bool) -> impl Iterator<Item = usize> + '_ {
        let mask = listed_start_mask(several);
        self.gazetteer
            .iter()
            .filter(move |&&(_, bits)| bits & mask != 0)
            .map(|&(token, _)| token as usize)
    }

    /// The gazetteer bits of token `i`.
    fn gazetteer_bits(&self, i: usize) -> u64 {
        if !self.marked(i, GAZETTEER_MARK) {
            return 0;
        }
        let i = i as u32;
        let k = self.gazetteer.partition_point(|&(t, _)| t < i);
        match self.gazetteer.get(k) {
            Some(&(t, bits)) if t == i => bits,
            _ => 0,
        }
    }

    /// The run of capitalised words token `i` belongs to.
    fn run_of(&self, i: usize) -> Option<(usize, usize)> {
        if !self.marked(i, RUN_MARK) {
            return None;
        }
        let i = i as u32;
        let k = self.runs.partition_point(|&(_, end)| end <= i);
        match self.runs.get(k) {
            Some(&(start, end)) if start <= i => Some((start as usize, end as usize)),
            _ => None,
        }
    }

    /// The hash of token `i`'s matching form, the gazetteer's first-token key.
    pub(crate) fn word_hash(&self, i: usize) -> u64 {
        self.words.hash(i)
    }

    /// The first [`OCCURRENCES`] tokens, in text order, written with the word of token `i`
    /// (in any case) and a capital: the occurrences the context-aggregation features read.
    pub(crate) fn occurrences_of(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let mut k = self
            .capitalised
            .get(&self.word_hash(i))
            .map_or(NO_OCCURRENCE, |facts| facts.first);
        std::iter::from_fn(move || {
            let token = *self.occurrences.get(k as usize)?;
            k = self
                .next_occurrence
                .get(k as usize)
                .copied()
                .unwrap_or(NO_OCCURRENCE);
            Some(token as usize)
        })
        .take(OCCURRENCES)
    }

    /// The form word features use: the lowercase word, or its shape when it has digits, so
    /// that "1996" and "1997" share weights.
    #[inline]
    fn form(&self, i: usize) -> Value {
        if self.words.flags(i).has_digit() {
            self.shape(i)
        } else {
            Value::of(self.words.lower_bytes(i))
        }
    }

    /// [`hash_bytes`] of the [`form`](Self::form) of token `i` onto `hash`, for a form read
    /// once.
    #[inline]
    fn form_hash(&self, hash: u64, i: usize) -> u64 {
        if self.words.flags(i).has_digit() {
            self.shape(i).hash(hash)
        } else {
            hash_bytes(hash, self.words.lower_bytes(i))
        }
    }

    /// Token `i - 1` when it is on the same line as token `i`.
    #[inline]
    fn before(&self, i: usize) -> Option<usize> {
        let token = self.words.tokens.get(i)?;
        (i > 0 && !token.line_start).then(|| i - 1)
    }

    /// Token `i + 1` when it is on the same line as token `i`.
    #[inline]
    fn after(&self, i: usize) -> Option<usize> {
        let token = self.words.tokens.get(i + 1)?;
        (!token.line_start).then_some(i + 1)
    }
}

const AFTER_TITLE_MARK: u8 = 1;
const SENTENCE_START_MARK: u8 = 2;
const CAPS_LINE_MARK: u8 = 4;
/// The token has gazetteer bits: most do not, and need not look for them.
const GAZETTEER_MARK: u8 = 8;
/// The token is in a run of capitalised words.
const RUN_MARK: u8 = 16;

/// How many occurrences of a word the context-aggregation features look at.
const OCCURRENCES: usize = 8;

/// Lowercase words that join the parts of a name: "Bank of England", "Vasco da Gama".
const NAME_CONNECTORS: &[&str] = &[
    "of", "de", "da", "do", "di", "du", "del", "della", "der", "den", "van", "von", "la", "le",
    "al", "el", "bin", "ibn", "y", "and", "&", "for", "the", "-e-", "e", "ul", "i",
];

/// For each token, the run of capitalised words around it: tokens starting with a capital,
/// joined by connectors when a capitalised word follows. Lines in capitals have no runs,
/// since every word there is capitalised. `capitals` lists (in text order) the tokens with a
/// capital letter, where runs can start.
fn name_runs(words: &Words<'_>, marks: &[u8], capitals: &[u32]) -> Vec<(u32, u32)> {
    let n = words.len();
    let mut runs: Vec<(u32, u32)> = Vec::with_capacity(capitals.len() / 2 + 1);
    let capitalised = |i: usize| {
        words.flags(i).first_upper() && marks.get(i).is_some_and(|m| m & CAPS_LINE_MARK == 0)
    };
    // Runs start at capitalised tokens, which are among those with a capital, in text order.
    let mut covered = 0;
    for &start in capitals {
        let start = start as usize;
        if start < covered || !capitalised(start) {
            continue;
        }
        let mut end = start + 1;
        loop {
            if end < n && !words.tokens[end].line_start && capitalised(end) {
                end += 1;
            } else if end + 1 < n
                && !words.tokens[end].line_start
                && !words.tokens[end + 1].line_start
                && capitalised(end + 1)
                && NAME_CONNECTORS.contains(&words.lower(end))
            {
                end += 2;
            } else {
                break;
            }
        }
        runs.push((start as u32, end as u32));
        covered = end;
    }
    runs
}

/// Marks the tokens `line` as on a line in capitals when the union of their flags,
/// `line_flags`, has capitals and no small letters.
fn mark_caps_line(marks: &mut [u8], line: std::ops::Range<usize>, line_flags: WordFlags) {
    if line_flags.has_upper() && !line_flags.has_lower() {
        for mark in marks.get_mut(line).unwrap_or(&mut []) {
            *mark |= CAPS_LINE_MARK;
        }
    }
}

/// True when token `i`, not first on its line, opens a sentence: after a full stop, question
/// or exclamation mark or colon, or after an opening quote or bracket that itself opens one
/// (`previous_flags` and `previous_mark`, the flags and marks of token `i - 1`, say what it
/// is and whether it does).
#[inline]
fn opens_sentence_after(
    words: &Words<'_>,
    i: usize,
    previous_flags: WordFlags,
    previous_mark: u8,
) -> bool {
    // Every mark below is punctuation: a word before opens nothing, without comparing it.
    if previous_flags.has_letter() || previous_flags.has_digit() {
        return false;
    }
    match words.lower(i - 1) {
        "." | "!" | "?" | ":" | "..." | "\u{06d4}" | "\u{061f}" => true,
        "\"" | "'" | "(" | "[" | "-" | "--" => previous_mark & SENTENCE_START_MARK != 0,
        _ => false,
    }
}

/// The gazetteer bits that say a name starts at a token (a name of two tokens or more when
/// `several`): bit 4 * category of a name's first of several tokens, bit 4 * category + 3 of
/// a one-token name.
fn listed_start_mask(several: bool) -> u64 {
    const FIRST_OF_SEVERAL: u64 = 0x1111_1111_1111_1111;
    if several {
        FIRST_OF_SEVERAL
    } else {
        FIRST_OF_SEVERAL | (FIRST_OF_SEVERAL << 3)
    }
}

/// Adds the gazetteer bits of a name found at tokens `start..end` to `out`.
fn gazetteer_bits_of(out: &mut Vec<(u32, u64)>, start: usize, end: usize, entry: &Entry) {
    let Some(category) = Category::of(entry.target) else {
        return;
    };
    let base = 4 * category as u32;
    if end - start == 1 {
        out.push((start as u32, 1 << (base + 3)));
        return;
    }
    for j in start..end {
        let position = if j == start {
            0
        } else if j + 1 == end {
            2
        } else {
            1
        };
        out.push((j as u32, 1 << (base + position)));
    }
}

/// Room for a shape inline; the few longer ones go to the heap.
const SHAPE_INLINE: usize = 30;

/// The word shape of a token: X for capitals, x for small letters, a for letters without
/// case, d for digits, punctuation as itself; runs of one class collapsed ("Xx-Xx"). Built
/// where a feature reads it, without allocating for all but very long shapes; or the edge
/// marker of a line.
#[derive(Debug, Clone)]
enum Shape {
    Inline { bytes: [u8; SHAPE_INLINE], len: u8 },
    Heap(String),
    Word(&'static str),
}

impl Shape {
    fn of(word: &str) -> Shape {
        if word.is_ascii() {
            // Straight into the buffer: most shapes are short, ASCII and built per feature.
            let mut bytes = [0u8; SHAPE_INLINE];
            let mut len = 0;
            let mut last = 0u8;
            for &b in word.as_bytes() {
                let class = ascii_class(b);
                if class != last {
                    if len == SHAPE_INLINE {
                        return Shape::of_chars(word);
                    }
                    bytes[len] = class;
                    len += 1;
                    last = class;
                }
            }
            return Shape::Inline {
                bytes,
                len: len as u8,
            };
        }
        Shape::of_chars(word)
    }

    /// [`Shape::of`] a char at a time, for words outside ASCII or of long shapes.
    fn of_chars(word: &str) -> Shape {
        let mut shape = Shape::Inline {
            bytes: [0; SHAPE_INLINE],
            len: 0,
        };
        let mut last = '\0';
        for c in word.chars() {
            let class = if c.is_uppercase() {
                'X'
            } else if c.is_lowercase() {
                'x'
            } else if c.is_alphabetic() {
                'a'
            } else if c.is_numeric() {
                'd'
            } else {
                crate::text::normalize::fold_char(c).unwrap_or(c)
            };
            if class != last {
                shape.push(class);
                last = class;
            }
        }
        shape
    }

    #[inline]
    fn push(&mut self, c: char) {
        if let Shape::Inline { bytes, len } = self {
            let at = usize::from(*len);
            if let Some(room) = bytes.get_mut(at..at + c.len_utf8()) {
                c.encode_utf8(room);
                *len += c.len_utf8() as u8;
                return;
            }
        }
        let mut heap = match std::mem::replace(self, Shape::Word("")) {
            Shape::Heap(heap) => heap,
            other => String::from_utf8_lossy(other.bytes()).into_owned(),
        };
        heap.push(c);
        *self = Shape::Heap(heap);
    }

    fn bytes(&self) -> &[u8] {
        match self {
            Shape::Inline { bytes, len } => bytes.get(..usize::from(*len)).unwrap_or(&[]),
            Shape::Heap(heap) => heap.as_bytes(),
            Shape::Word(word) => word.as_bytes(),
        }
    }
}

/// Values of up to this many 8-byte words (31 bytes) are kept inline in a [`Value`].
const INLINE_WORDS: usize = 4;

/// A feature value cut into the words [`hash_bytes`] folds in, one after the other: its
/// 8-byte chunks, then the rest with the length in the top byte. Hashing it onto a template's
/// seed is then one rotate, xor and multiply per word, and a value that several features read
/// (a token's form or shape, its neighbours') is cut once, not once per feature.
#[derive(Debug, Clone)]
enum Value {
    Inline {
        words: [u64; INLINE_WORDS],
        count: u8,
    },
    /// The few values of 32 bytes or more.
    Heap(Vec<u64>),
}

impl Value {
    /// The value of `bytes`, at compile time, for the short constants (line edges, tag and
    /// position names): their only word, the tail.
    const fn short(bytes: &[u8]) -> Value {
        Value::Inline {
            words: [Value::word(bytes), 0, 0, 0],
            count: 1,
        }
    }

    /// The single word of a value of at most 7 bytes, at compile time.
    const fn word(bytes: &[u8]) -> u64 {
        assert!(bytes.len() < 8);
        let mut word = (bytes.len() as u64) << 56;
        let mut k = 0;
        while k < bytes.len() {
            word |= (bytes[k] as u64) << (8 * k);
            k += 1;
        }
        word
    }

    #[inline]
    fn of(bytes: &[u8]) -> Value {
        if bytes.len() < 8 {
            return Value::Inline {
                words: [((bytes.len() as u64) << 56) | little_endian(bytes), 0, 0, 0],
                count: 1,
            };
        }
        Value::of_chunks(bytes)
    }

    /// [`Value::of`] of 8 bytes or more.
    #[inline(never)]
    fn of_chunks(bytes: &[u8]) -> Value {
        let length = (bytes.len() as u64) << 56;
        let mut words = [0u64; INLINE_WORDS];
        let mut count = 0;
        let mut rest = bytes;
        while let Some((chunk, after)) = rest.split_first_chunk::<8>() {
            let Some(slot) = words.get_mut(count) else {
                return Value::of_long(bytes);
            };
            *slot = u64::from_le_bytes(*chunk);
            count += 1;
            rest = after;
        }
        let Some(slot) = words.get_mut(count) else {
            return Value::of_long(bytes);
        };
        *slot = length | little_endian(rest);
        Value::Inline {
            words,
            count: count as u8 + 1,
        }
    }

    #[cold]
    fn of_long(bytes: &[u8]) -> Value {
        let mut words: Vec<u64> = bytes
            .chunks_exact(8)
            .map(|chunk| chunk.try_into().map_or(0, u64::from_le_bytes))
            .collect();
        let rest = bytes.chunks_exact(8).remainder();
        words.push(((bytes.len() as u64) << 56) | little_endian(rest));
        Value::Heap(words)
    }

    fn of_shape(shape: &Shape) -> Value {
        Value::of(shape.bytes())
    }

    /// [`hash_bytes`]`(hash, bytes)` of the value's bytes.
    #[inline]
    fn hash(&self, hash: u64) -> u64 {
        match self {
            // Most values, words and shapes, are shorter than eight bytes.
            Value::Inline { words, count: 1 } => mix(hash, words[0]),
            _ => self.hash_words(hash),
        }
    }

    /// [`Value::hash`] of a value of several words.
    #[inline(never)]
    fn hash_words(&self, hash: u64) -> u64 {
        let words = match self {
            Value::Inline { words, count } => words.get(..usize::from(*count)).unwrap_or(words),
            Value::Heap(words) => words,
        };
        words.iter().fold(hash, |hash, &word| mix(hash, word))
    }

    /// The value of [`Shape::of`]`(word)`, packed straight from the word when it is ASCII
    /// and its shape shorter than eight bytes, as most are ("'x", "d.d", "X.X.").
    fn shape_of(word: &str) -> Value {
        if word.is_ascii() {
            let mut packed = 0u64;
            let mut len = 0;
            let mut last = 0u8;
            for &b in word.as_bytes() {
                let class = ascii_class(b);
                if class != last {
                    if len == 7 {
                        return Value::of_shape(&Shape::of(word));
                    }
                    packed |= u64::from(class) << (8 * len);
                    len += 1;
                    last = class;
                }
            }
            return Value::Inline {
                words: [packed | (len << 56), 0, 0, 0],
                count: 1,
            };
        }
        Value::of_shape(&Shape::of(word))
    }
}

/// The shape class of an ASCII byte: X for capitals, x for small letters, d for digits,
/// punctuation as itself.
#[inline]
fn ascii_class(b: u8) -> u8 {
    match b {
        b'A'..=b'Z' => b'X',
        b'a'..=b'z' => b'x',
        b'0'..=b'9' => b'd',
        other => other,
    }
}

/// What the tagger has said about each word earlier in the document: counts per type.
#[derive(Debug, Default)]
pub(crate) struct History {
    counts: HashMap64<[u16; TYPES.len()]>,
}

impl History {
    /// Records that token `i` was tagged `tag`.
    pub(crate) fn record(&mut self, context: &Context<'_, '_>, i: usize, tag: Tag) {
        if let Some(ty) = tag.ty() {
            let counts = self.counts.entry(context.word_hash(i)).or_default();
            counts[ty] = counts[ty].saturating_add(1);
        }
    }

    /// The type most often given to the word of token `i` so far.
    fn majority(&self, context: &Context<'_, '_>, i: usize) -> Option<usize> {
        let counts = self.counts.get(&context.word_hash(i))?;
        let (ty, &count) = counts
            .iter()
            .enumerate()
            .max_by_key(|&(ty, &count)| (count, std::cmp::Reverse(ty)))?;
        (count > 0).then_some(ty)
    }
}

// Feature templates. The numbers are part of the hash: never reuse one for another meaning.
const BIAS: u8 = 1;
const WORD: u8 = 2;
const WORD_BEFORE: u8 = 3;
const WORD_AFTER: u8 = 4;
const WORD_BEFORE_2: u8 = 5;
const WORD_AFTER_2: u8 = 6;
const SHAPE: u8 = 7;
const SHAPE_BEFORE: u8 = 8;
const SHAPE_AFTER: u8 = 9;
const SHAPE_WINDOW: u8 = 10;
const PREFIX: u8 = 11;
const SUFFIX: u8 = 12;
const WRITTEN: u8 = 13;
const BIGRAM_BEFORE: u8 = 14;
const BIGRAM_AFTER: u8 = 15;
const SENTENCE_START_SHAPE: u8 = 16;
const CAPS_LINE_WORD: u8 = 17;
const GAZETTEER: u8 = 18;
const GAZETTEER_BEFORE: u8 = 19;
const GAZETTEER_AFTER: u8 = 20;
const AFTER_TITLE: u8 = 21;
const SEEN_LOWERCASE: u8 = 22;
const SEEN_CAPITALISED: u8 = 23;
const PREVIOUS_TAG: u8 = 24;
const PREVIOUS_TAG_CASE: u8 = 36;
const HISTORY: u8 = 28;
const HISTORY_SHAPE: u8 = 29;
const GAZETTEER_SHAPE: u8 = 30;
const RUN_LAST: u8 = 31;
const RUN_FIRST: u8 = 32;
const RUN_POSITION: u8 = 33;
const ELSEWHERE_BEFORE: u8 = 34;
const ELSEWHERE_AFTER: u8 = 35;

/// The seeds of `number_text(PREFIX, k, ..)` and `number_text(SUFFIX, k, ..)` for the four
/// prefix and suffix lengths, worked out at compile time.
const PREFIX_SEEDS: [u64; 4] = affix_seeds(PREFIX);
const SUFFIX_SEEDS: [u64; 4] = affix_seeds(SUFFIX);

const fn affix_seeds(template: u8) -> [u64; 4] {
    let seed = Sink::template(template);
    [
        hash_u64(seed, 0),
        hash_u64(seed, 1),
        hash_u64(seed, 2),
        hash_u64(seed, 3),
    ]
}

/// The line edges, the neighbours of the first and last token of a line.
const LINE_START: Value = Value::short(b"<s>");
const LINE_END: Value = Value::short(b"</s>");

/// Puts feature ids into `out`.
struct Sink<'o> {
    mask: u64,
    out: &'o mut Vec<u32>,
}

/// The bucket of a feature hash: its bits mixed (a multiplicative hash's low bits are weak),
/// then masked to the table size.
fn bucket(hash: u64, mask: u64) -> u32 {
    let mixed = (hash ^ (hash >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    let mixed = mixed ^ (mixed >> 32);
    (mixed & mask) as u32
}

impl Sink<'_> {
    fn new(bits: u32, out: &mut Vec<u32>) -> Sink<'_> {
        Sink {
            mask: (1u64 << bits.min(31)) - 1,
            out,
        }
    }

    fn push(&mut self, hash: u64) {
        self.out.push(bucket(hash, self.mask));
    }

    /// Several features at once: one check for room instead of one per feature.
    fn extend<const N: usize>(&mut self, hashes: [u64; N]) {
        let mask = self.mask;
        self.out.extend(hashes.map(|hash| bucket(hash, mask)));
    }

    /// The hash a template's features start from: `hash_bytes(HASH_SEED, &[template])`, a
    /// constant the compiler folds.
    const fn template(template: u8) -> u64 {
        hash_byte(HASH_SEED, template)
    }

    fn one(&mut self, template: u8, value: &[u8]) {
        self.push(hash_bytes(Self::template(template), value));
    }
}

/// The seeds of the features that start with a fixed short text, one of `texts`, at compile
/// time: `hash_bytes(template, text)`.
const fn text_seeds<const N: usize>(template: u8, texts: [&str; N]) -> [u64; N] {
    let mut seeds = [0; N];
    let mut k = 0;
    while k < N {
        seeds[k] = mix(Sink::template(template), Value::word(texts[k].as_bytes()));
        k += 1;
    }
    seeds
}

const HISTORY_SEEDS: [u64; TYPES.len()] = text_seeds(HISTORY, TYPES);
const HISTORY_SHAPE_SEEDS: [u64; TYPES.len()] = text_seeds(HISTORY_SHAPE, TYPES);
/// The positions in a run: unit, begin, inside, last.
const RUN_POSITIONS: [&str; 4] = ["U", "B", "I", "L"];
const RUN_LAST_SEEDS: [u64; 4] = text_seeds(RUN_LAST, RUN_POSITIONS);
const RUN_FIRST_SEEDS: [u64; 4] = text_seeds(RUN_FIRST, RUN_POSITIONS);
/// [`SEEN_LOWERCASE`] at a sentence's start and inside one.
const SEEN_LOWERCASE_FEATURES: [u64; 2] = text_seeds(SEEN_LOWERCASE, ["start", "inside"]);
/// [`SEEN_CAPITALISED`] on a line in capitals and at a sentence's start.
const SEEN_CAPITALISED_FEATURES: [u64; 2] = text_seeds(SEEN_CAPITALISED, ["caps", "start"]);

/// The features of token `i` that do not depend on the tag before it, given what the tagger
/// said on earlier lines, as bucket ids below `2^bits`, appended to `out`. Training and
/// extraction both call this (and [`transition_features`]); nothing else computes features.
pub(crate) fn token_features(
    context: &Context<'_, '_>,
    i: usize,
    history: &History,
    bits: u32,
    out: &mut Vec<u32>,
) {
    own_features(context, i, history, bits, out);
    if context.words.flags(i).has_upper() {
        for j in context.occurrences_of(i) {
            if j != i {
                elsewhere_features(context, j, bits, out);
            }
        }
    }
}

/// The features of [`token_features`] but the context-aggregation ones, which
/// [`elsewhere_features`] gives for each of [`Context::occurrences_of`] but token `i` itself.
/// The decoder sums those once per word, not once per token. They are the
/// [`word_features`] and the [`context_features`] of the token.
pub(crate) fn own_features(
    context: &Context<'_, '_>,
    i: usize,
    history: &History,
    bits: u32,
    out: &mut Vec<u32>,
) {
    word_features(context, i, bits, out);
    context_features(context, i, history, bits, out);
}

/// The features of token `i` that depend on nothing but the token as written (its form,
/// shape, affixes and written form): every occurrence of the same written word has the same
/// ones, so the decoder sums them once per written word ([`written_hash`]).
pub(crate) fn word_features(context: &Context<'_, '_>, i: usize, bits: u32, out: &mut Vec<u32>) {
    let mut sink = Sink::new(bits, out);
    let words = context.words;
    let flags = words.flags(i);
    sink.extend([
        Sink::template(BIAS),
        context.form(i).hash(Sink::template(WORD)),
        context.shape(i).hash(Sink::template(SHAPE)),
    ]);
    if flags.has_letter() {
        affix_features(&mut sink, words.lower(i));
    }
    if flags.has_upper() {
        sink.one(WRITTEN, words.word(i).as_bytes());
    }
}

/// The prefixes and suffixes of one to four characters of `lower`, a lowercase word, shorter
/// than the word.
fn affix_features(sink: &mut Sink<'_>, lower: &str) {
    if !lower.is_ascii() {
        for (seed, (cut, _)) in PREFIX_SEEDS.iter().zip(lower.char_indices().skip(1)) {
            sink.push(hash_bytes(*seed, &lower.as_bytes()[..cut]));
        }
        for (seed, (cut, _)) in SUFFIX_SEEDS.iter().zip(lower.char_indices().rev()) {
            if cut > 0 {
                sink.push(hash_bytes(*seed, &lower.as_bytes()[cut..]));
            }
        }
        return;
    }
    // A byte a character: each affix is a few bytes of the word's first or last eight,
    // masked or shifted into the one word its hash folds in.
    let bytes = lower.as_bytes();
    let n = bytes.len();
    let (first, last, loaded) = match (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
        (Some(first), Some(last)) => (u64::from_le_bytes(*first), u64::from_le_bytes(*last), 8),
        _ => {
            let all = little_endian(bytes);
            (all, all, n)
        }
    };
    let affixes = n.saturating_sub(1).min(4);
    for (k, seed) in (1..=affixes).zip(PREFIX_SEEDS) {
        let prefix = first & ((1u64 << (8 * k)) - 1);
        sink.push(mix(seed, ((k as u64) << 56) | prefix));
    }
    for (k, seed) in (1..=affixes).zip(SUFFIX_SEEDS) {
        let suffix = last >> (8 * (loaded - k));
        sink.push(mix(seed, ((k as u64) << 56) | suffix));
    }
}

/// A hash of token `i` as written, which keys the [`word_features`] the decoder keeps: the
/// written word determines them all (the form hash of [`Context::word_hash`] does not: it
/// folds case, and the shape and written-form features see it).
pub(crate) fn written_hash(context: &Context<'_, '_>, i: usize) -> u64 {
    const WRITTEN_KEY_SEED: u64 = hash_byte(HASH_SEED, b'W');
    hash_bytes(WRITTEN_KEY_SEED, context.words.word(i).as_bytes())
}

/// The features of token `i` that read its neighbours, its place in the line and the
/// document, and the tagger's history: [`own_features`] without the [`word_features`].
pub(crate) fn context_features(
    context: &Context<'_, '_>,
    i: usize,
    history: &History,
    bits: u32,
    out: &mut Vec<u32>,
) {
    let mut sink = Sink::new(bits, out);
    let words = context.words;
    let form = context.form(i);
    let shape = context.shape(i);
    let flags = words.flags(i);
    let before = context.before(i);
    let after = context.after(i);
    let word_before = before.map_or(LINE_START, |j| context.form(j));
    let word_after = after.map_or(LINE_END, |j| context.form(j));
    let shape_before = before.map_or(LINE_START, |j| context.shape(j));
    let shape_after = after.map_or(LINE_END, |j| context.shape(j));
    let edge_or_form = |j: Option<usize>, edge: Value, template: u8| match j {
        Some(j) => context.form_hash(Sink::template(template), j),
        None => edge.hash(Sink::template(template)),
    };
    sink.extend([
        word_before.hash(Sink::template(WORD_BEFORE)),
        word_after.hash(Sink::template(WORD_AFTER)),
        edge_or_form(
            before.and_then(|j| context.before(j)),
            LINE_START,
            WORD_BEFORE_2,
        ),
        edge_or_form(after.and_then(|j| context.after(j)), LINE_END, WORD_AFTER_2),
        shape_before.hash(Sink::template(SHAPE_BEFORE)),
        shape_after.hash(Sink::template(SHAPE_AFTER)),
        shape_after.hash(shape.hash(shape_before.hash(Sink::template(SHAPE_WINDOW)))),
        form.hash(word_before.hash(Sink::template(BIGRAM_BEFORE))),
        word_after.hash(form.hash(Sink::template(BIGRAM_AFTER))),
    ]);
    let sentence_start = context.marked(i, SENTENCE_START_MARK);
    if sentence_start {
        sink.push(shape.hash(Sink::template(SENTENCE_START_SHAPE)));
    }
    let caps_line = context.marked(i, CAPS_LINE_MARK);
    if caps_line {
        sink.push(form.hash(Sink::template(CAPS_LINE_WORD)));
    }
    let gazetteer_bits = |j: Option<usize>| j.map_or(0, |j| context.gazetteer_bits(j));
    for (template, bits_here) in [
        (GAZETTEER, gazetteer_bits(Some(i))),
        (GAZETTEER_BEFORE, gazetteer_bits(before)),
        (GAZETTEER_AFTER, gazetteer_bits(after)),
    ] {
        let mut remaining = bits_here;
        while remaining != 0 {
            let bit = u64::from(remaining.trailing_zeros());
            remaining &= remaining - 1;
            sink.push(hash_u64(Sink::template(template), bit));
            if template == GAZETTEER {
                sink.push(shape.hash(hash_u64(Sink::template(GAZETTEER_SHAPE), bit)));
            }
        }
    }
    if context.marked(i, AFTER_TITLE_MARK) {
        sink.push(shape.hash(Sink::template(AFTER_TITLE)));
    }
    let hash = context.word_hash(i);
    if flags.first_upper() && context.seen(hash, SEEN_LOWERCASE_FACT) {
        sink.push(SEEN_LOWERCASE_FEATURES[usize::from(!sentence_start)]);
    }
    if (sentence_start || caps_line) && context.seen(hash, SEEN_CAPITALISED_FACT) {
        sink.push(SEEN_CAPITALISED_FEATURES[usize::from(!caps_line)]);
    }
    if let Some((start, end)) = context.run_of(i) {
        let length = (end - start).min(5) as u64;
        let position = if end - start == 1 {
            0
        } else if i == start {
            1
        } else if i + 1 == end {
            3
        } else {
            2
        };
        let position_word = Value::word(RUN_POSITIONS[position].as_bytes());
        sink.push(mix(
            hash_u64(Sink::template(RUN_POSITION), length),
            position_word,
        ));
        sink.push(hash_bytes(
            RUN_LAST_SEEDS[position],
            words.lower_bytes(end - 1),
        ));
        sink.push(hash_bytes(
            RUN_FIRST_SEEDS[position],
            words.lower_bytes(start),
        ));
    }
    if let Some(ty) = history.majority(context, i) {
        sink.push(HISTORY_SEEDS[ty]);
        sink.push(shape.hash(HISTORY_SHAPE_SEEDS[ty]));
    }
}

/// Context aggregation: the words around token `j`, one of the other occurrences of a
/// capitalised token's word (see [`token_features`]).
pub(crate) fn elsewhere_features(
    context: &Context<'_, '_>,
    j: usize,
    bits: u32,
    out: &mut Vec<u32>,
) {
    let mut sink = Sink::new(bits, out);
    let before = match context.before(j) {
        Some(k) => context.form_hash(Sink::template(ELSEWHERE_BEFORE), k),
        None => LINE_START.hash(Sink::template(ELSEWHERE_BEFORE)),
    };
    let after = match context.after(j) {
        Some(k) => context.form_hash(Sink::template(ELSEWHERE_AFTER), k),
        None => LINE_END.hash(Sink::template(ELSEWHERE_AFTER)),
    };
    sink.extend([before, after]);
}

/// Number of [`case_class`] values.
pub(crate) const CASE_CLASSES: usize = 5;

/// The coarse case of token `i` that transition features see: 0 capitalised ("Miller"),
/// 1 capitals ("US"), 2 lowercase ("of"), 3 no letters but digits ("95"), 4 anything else.
pub(crate) fn case_class(words: &Words<'_>, i: usize) -> usize {
    let flags = words.flags(i);
    if flags.has_upper() {
        if flags.has_lower() {
            0
        } else {
            1
        }
    } else if flags.has_letter() {
        2
    } else if flags.has_digit() {
        3
    } else {
        4
    }
}

/// The features that pair the tag before a token, `previous`, with the token: the tag alone
/// and the tag with the token's [`case_class`]. They depend on the token only through its
/// class, so the decoder computes their scores once per class instead of once per token.
pub(crate) fn transition_features(case: usize, previous: Tag, bits: u32) -> [u32; 2] {
    let mask = (1u64 << bits.min(31)) - 1;
    let tag_hash = hash_bytes(Sink::template(PREVIOUS_TAG), previous.name().as_bytes());
    let case_hash = hash_bytes(
        hash_bytes(
            Sink::template(PREVIOUS_TAG_CASE),
            previous.name().as_bytes(),
        ),
        &[case as u8],
    );
    [bucket(tag_hash, mask), bucket(case_hash, mask)]
}

/// Bits of the gazetteer membership word: 4 per category.
const _: () = assert!(CATEGORY_COUNT * 4 <= 64);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip() {
        for raw in 0..TAG_COUNT as u8 {
            let tag = Tag(raw);
            match tag.ty() {
                None => assert_eq!(tag, Tag::O),
                Some(ty) => assert_eq!(Tag::new(tag.part(), ty), tag),
            }
        }
        let b_per = Tag::new(Part::Begin, 0);
        assert!(b_per.allows(Tag::new(Part::Last, 0)));
        assert!(!b_per.allows(Tag::O));
        assert!(!b_per.allows(Tag::new(Part::Inside, 1)));
        assert!(Tag::O.allows(Tag::new(Part::Unit, 2)));
        assert!(!Tag::O.allows(Tag::new(Part::Inside, 2)));
        assert_eq!(b_per.name(), "B-PER");
    }

    #[test]
    fn shapes() {
        let cases = [
            ("Pakistan", "Xx"),
            ("U.S.", "X.X."),
            ("1996-08-22", "d-d-d"),
            ("Zoë", "Xx"),
            ("لاہور", "a"),
            ("Tehreek-e-Taliban", "Xx-x-Xx"),
            ("McDonald’s", "XxXx'x"),
        ];
        for (word, shape) in cases {
            assert_eq!(Shape::of(word).bytes(), shape.as_bytes(), "{word}");
        }
    }

    #[test]
    fn values_hash_like_their_bytes() {
        let text = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for length in 0..text.len() {
            let bytes = &text.as_bytes()[..length];
            for seed in [HASH_SEED, Sink::template(WORD), 7] {
                assert_eq!(
                    Value::of(bytes).hash(seed),
                    hash_bytes(seed, bytes),
                    "{length}"
                );
            }
        }
        let words = [
            "",
            "U.S.",
            "1996-08-22",
            "Zoë",
            "x",
            "'s",
            "McDonald’s",
            "a.b.c.d.e.f.g.h.i",
            "3.5",
            "A-b-C-d",
            "A-b-C-",
            "...",
            "Tehreek-e-Taliban-e-Pakistan-x-Y-z-1-2-3-4-5-6",
        ];
        for word in words {
            let seed = Sink::template(SHAPE);
            let expected = hash_bytes(seed, Shape::of(word).bytes());
            assert_eq!(Value::shape_of(word).hash(seed), expected, "{word}");
            assert_eq!(
                Value::of_shape(&Shape::of(word)).hash(seed),
                expected,
                "{word}"
            );
        }
    }

    #[test]
    fn affixes_are_those_of_the_characters() {
        // The affixes a character at a time, as for words outside ASCII.
        fn by_chars(lower: &str) -> Vec<u64> {
            let mut out = Vec::new();
            for (seed, (cut, _)) in PREFIX_SEEDS.iter().zip(lower.char_indices().skip(1)) {
                out.push(hash_bytes(*seed, &lower.as_bytes()[..cut]));
            }
            for (seed, (cut, _)) in SUFFIX_SEEDS.iter().zip(lower.char_indices().rev()) {
                if cut > 0 {
                    out.push(hash_bytes(*seed, &lower.as_bytes()[cut..]));
                }
            }
            out
        }
        let words = [
            "a",
            "ab",
            "abc",
            "abcd",
            "abcde",
            "abcdef",
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
            "minister",
            "pakistan's",
            "zoë",
            "لاہور",
            "tehreek-e-taliban",
            "al-qaeda",
        ];
        for word in words {
            let mut out = Vec::new();
            affix_features(&mut Sink::new(31, &mut out), word);
            let expected: Vec<u32> = by_chars(word)
                .into_iter()
                .map(|hash| bucket(hash, (1 << 31) - 1))
                .collect();
            assert_eq!(out, expected, "{word}");
        }
    }

    #[test]
    fn function_words_are_found_by_hash() {
        for word in FUNCTION_WORDS {
            assert_eq!(
                const_hash(word.as_bytes()),
                hash_bytes(HASH_SEED, word.as_bytes())
            );
            let hash = hash_bytes(HASH_SEED, word.as_bytes());
            assert!(is_function_word(word.as_bytes(), hash), "{word}");
        }
        for word in [
            "may", "will", "bill", "pakistan", "", "thee", "th", "minister",
        ] {
            let hash = hash_bytes(HASH_SEED, word.as_bytes());
            assert!(!is_function_word(word.as_bytes(), hash), "{word}");
        }
    }

    #[test]
    fn shapes_known_from_flags_are_the_shapes() {
        let text = "army Pakistan US A a 1996 7 McDonald U.S. x1 Zoë ÉTAT al-Qaeda 3.5 aB";
        let words = Words::new(text);
        let mut simple = 0;
        for i in 0..words.len() {
            if let Some(shape) = words.flags(i).simple_shape() {
                simple += 1;
                assert_eq!(Shape::of(words.word(i)).bytes(), shape.as_bytes());
            }
        }
        assert_eq!(simple, 7);
    }

    #[test]
    fn context_facts() {
        let text = "SOCCER - PAKISTAN WIN\nThe minister met Defense Minister Khawaja Asif in Islamabad.\nthe end";
        let words = Words::new(text);
        let context = Context::new(&words);
        let index = |w: &str| (0..words.len()).find(|&i| words.word(i) == w).unwrap();
        assert!(context.marked(index("PAKISTAN"), CAPS_LINE_MARK));
        assert!(!context.marked(index("Khawaja"), CAPS_LINE_MARK));
        assert!(context.opens_sentence(index("The")));
        assert!(!context.opens_sentence(index("Khawaja")));
        assert!(context.marked(index("Khawaja"), AFTER_TITLE_MARK));
        assert_eq!(
            context.run_of(index("Khawaja")),
            Some((index("Defense"), index("in")))
        );
        assert_eq!(context.run_of(index("met")), None);
        assert!(
            context.marked(index("met"), AFTER_TITLE_MARK),
            "\"minister\" is a title in any case"
        );
        let country_whole = 1u64 << (4 * Category::Country as u32 + 3);
        assert_ne!(context.gazetteer_bits(index("PAKISTAN")) & country_whole, 0);
        assert_ne!(context.gazetteer_bits(index("Islamabad")), 0);
        assert_eq!(context.gazetteer_bits(index("met")), 0);
        assert!(context.seen(context.word_hash(index("The")), SEEN_LOWERCASE_FACT));
        assert_eq!(context.after(index("WIN")), None);
    }

    #[test]
    fn features_are_deterministic_and_in_range() {
        let text = "Pakistan’s Defense Minister Khawaja Asif said.";
        let words = Words::new(text);
        let context = Context::new(&words);
        let history = History::default();
        let mut a = Vec::new();
        let mut b = Vec::new();
        for i in 0..words.len() {
            a.clear();
            b.clear();
            token_features(&context, i, &history, 18, &mut a);
            a.extend(transition_features(case_class(&words, i), Tag::O, 18));
            token_features(&context, i, &history, 18, &mut b);
            b.extend(transition_features(case_class(&words, i), Tag::O, 18));
            assert_eq!(a, b);
            assert!(a.iter().all(|&f| f < 1 << 18));
            assert!(a.len() > 5, "{}", words.word(i));
        }
    }
}
