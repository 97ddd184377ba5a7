//! Word lists of the quote pass: speech cues (matched with one Aho-Corasick automaton), and the
//! small closed classes the speaker rules need (pronouns, determiners, titles, role nouns).
//!
//! Lists are lowercase ASCII; [`is_in`] folds a word to lowercase before looking it up.

use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind,
};
use once_cell::sync::Lazy;

use crate::text::ascii::{alphanumeric_end, alphanumeric_mask};

use crate::extract::times::wordmap::{WordMap, MAX_LEN};

/// What a cue can attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CueClass {
    /// A speech verb ("said", "warned"): attributes direct, partial and reported speech.
    Speech,
    /// A naming verb ("called", "described"): ties a partial quote in its sentence to a speaker,
    /// but reports nothing by itself.
    Naming,
    /// "according to": the speaker follows the cue.
    AccordingTo,
    /// A noun of speech after its owner ("Trump's claim that ...", "his words"): ties a quote
    /// in its sentence to the owner.
    Noun,
}

/// One cue form.
#[derive(Debug, Clone, Copy)]
pub(super) struct CueForm {
    pub(super) class: CueClass,
    /// True when the verb, written without "that", is still followed by the reported clause
    /// ("said the talks failed"); verbs such as "noted" or "asked" need "that" for it.
    pub(super) bare_clause: bool,
    /// True when the verb takes the addressee as an object before the clause ("told reporters").
    pub(super) takes_object: bool,
    /// True when the verb reports what was said, so `X <verb> (that) <clause>` is reported
    /// speech; speech acts such as "criticized" or "chanted" only tie quotes next to them.
    pub(super) reports: bool,
    /// True for a participle ("saying", "telling"), whose subject is the clause's subject.
    pub(super) participle: bool,
    /// True when the same word is also a noun of speech ("claims", "tweet").
    pub(super) noun_too: bool,
    /// True for verbs that also mean carrying on ("continued to", "began working").
    pub(super) aspectual: bool,
}

/// Speech verbs in every form news uses. `(forms, bare_clause, takes_object)`.
const SPEECH_VERBS: &[(&[&str], bool, bool)] = &[
    (&["say", "says", "said", "saying"], true, false),
    (&["tell", "tells", "told", "telling"], true, true),
    (&["add", "adds", "added", "adding"], true, false),
    (&["states", "stated"], false, false),
    (&["reply", "replies", "replied"], false, false),
    (&["warn", "warns", "warned", "warning"], true, true),
    (&["note", "notes", "noted", "noting"], false, false),
    (&["ask", "asks", "asked", "asking"], false, true),
    (&["claim", "claims", "claimed", "claiming"], true, false),
    (&["insist", "insists", "insisted", "insisting"], true, false),
    (&["argue", "argues", "argued", "arguing"], true, false),
    (
        &["explain", "explains", "explained", "explaining"],
        false,
        false,
    ),
    (&["write", "writes", "wrote", "writing"], true, false),
    (&["tweet", "tweets", "tweeted", "tweeting"], false, false),
    (&["posted"], false, false),
    (
        &["declare", "declares", "declared", "declaring"],
        false,
        false,
    ),
    (&["announce", "announces", "announced"], false, false),
    (
        &["acknowledge", "acknowledges", "acknowledged"],
        false,
        false,
    ),
    (&["admit", "admits", "admitted"], false, false),
    (&["recall", "recalls", "recalled"], false, false),
    (&["continue", "continues", "continued"], false, false),
    (&["conclude", "concludes", "concluded"], false, false),
    (
        &["suggest", "suggests", "suggested", "suggesting"],
        false,
        false,
    ),
    (&["observe", "observes", "observed"], false, false),
    (&["remarked"], false, false),
    (&["commented"], false, false),
    (&["respond", "responds", "responded"], false, false),
    (&["answered"], false, false),
    (&["counters", "countered"], false, false),
    (&["concede", "concedes", "conceded"], false, false),
    (&["testify", "testifies", "testified"], false, false),
    (&["shout", "shouts", "shouted", "shouting"], false, false),
    (&["yell", "yells", "yelled", "yelling"], false, false),
    (&["exclaim", "exclaims", "exclaimed"], false, false),
    (&["jokes", "joked"], false, false),
    (&["quips", "quipped"], false, false),
    (&["mused"], false, false),
    (&["point out", "points out", "pointed out"], false, false),
    (&["go on", "goes on", "went on"], false, false),
    (&["emphasize", "emphasizes", "emphasized"], false, false),
    (&["emphasise", "emphasises", "emphasised"], false, false),
    (&["stresses", "stressed"], false, false),
    (&["assert", "asserts", "asserted"], false, false),
    (&["contend", "contends", "contended"], false, false),
    (&["maintain", "maintains", "maintained"], false, false),
    (&["predict", "predicts", "predicted"], false, false),
    (&["promise", "promises", "promised"], false, false),
    (&["vow", "vows", "vowed"], false, false),
    (&["pledge", "pledges", "pledged"], false, false),
    (&["boast", "boasts", "boasted"], false, false),
    (&["complain", "complains", "complained"], false, false),
    (&["lament", "laments", "lamented"], false, false),
    (&["allege", "alleges", "alleged"], false, false),
    (&["confirm", "confirms", "confirmed"], false, false),
    (&["deny", "denies", "denied"], false, false),
    (&["urge", "urges", "urged"], false, true),
    (&["reported"], false, false),
    (&["recount", "recounts", "recounted"], false, false),
    (&["agree", "agrees", "agreed"], false, false),
    (&["caution", "cautions", "cautioned"], false, false),
    (&["retort", "retorts", "retorted"], false, false),
    (&["whisper", "whispers", "whispered"], false, false),
    (&["reiterate", "reiterates", "reiterated"], false, false),
    (&["assure", "assures", "assured"], false, true),
    (&["remind", "reminds", "reminded"], false, true),
    (&["inform", "informs", "informed"], false, true),
    (&["begin", "begins", "began"], false, false),
    (&["wonder", "wonders", "wondered"], false, false),
    (&["chime in", "chimes in", "chimed in"], false, false),
    (&["put it", "puts it"], false, false),
];

/// Speech acts that frame a quote without reporting a clause: `“...,” Vitter demanded`,
/// `Obama condemned the test as “provocative”`.
#[rustfmt::skip]
const SPEECH_ACTS: &[&str] = &[
    "demand", "demands", "demanded", "plead", "pleads", "pleaded", "implore", "implored", "sing",
    "sings", "sang", "chant", "chants", "chanted", "scream", "screams", "screamed", "cried",
    "laughed", "sighed", "grumbled", "interjected", "interrupted", "offered", "proclaim",
    "proclaims", "proclaimed", "brag", "brags", "bragged", "teased", "fumed", "gushed", "blame",
    "blames", "blamed", "thanked", "apologized", "apologised", "scoffed", "muttered", "murmured",
    "chuckled", "marveled", "marvelled", "reflected", "criticize", "criticizes", "criticized",
    "criticise", "criticises", "criticised", "cite", "cites", "cited", "dismiss", "dismisses",
    "dismissed", "mock", "mocks", "mocked", "praise", "praises", "praised", "accuse", "accuses",
    "accused", "blast", "blasts", "blasted", "slam", "slams", "slammed", "attack", "attacks",
    "attacked", "defend", "defends", "defended", "question", "questions", "questioned", "condemn",
    "condemns", "condemned", "denounce", "denounces", "denounced", "reject", "rejects", "rejected",
    "hail", "hails", "hailed", "decry", "decries", "decried", "lambaste", "lambastes", "lambasted",
    "ridicule", "ridicules", "ridiculed", "welcome", "welcomes", "welcomed", "laud", "lauds",
    "lauded", "compare", "compares", "compared", "liken", "likens", "likened", "bemoan", "bemoans",
    "bemoaned", "scold", "scolds", "scolded", "rate", "rates", "rated", "tout", "touts", "touted",
    "quote", "quotes", "quoted", "characterize", "characterizes", "characterized", "characterise",
    "characterised", "portray", "portrays", "portrayed", "refer", "refers", "referred", "fear",
    "fears", "feared", "rule", "rules", "ruled", "shot back", "fired back", "hit back",
    "snapped back", "wrote back", "chimed", "vowing", "promising", "pledging", "demanding",
    "urging", "accusing", "blaming", "criticizing", "criticising", "mocking", "praising",
    "defending", "attacking", "questioning", "dismissing", "citing", "comparing", "likening",
];

/// Nouns of speech that take their speaker as owner: "Trump's claim that ...", "his words".
#[rustfmt::skip]
const SPEECH_NOUNS: &[&str] = &[
    "claim", "claims", "statement", "statements", "assertion", "assertions", "remark", "remarks",
    "comment", "comments", "words", "warning", "warnings", "promise", "promises", "vow", "pledge",
    "prediction", "predictions", "suggestion", "insistence", "description", "characterization",
    "accusation", "accusations", "allegation", "allegations", "argument", "tweet", "tweets",
    "message", "speech", "response", "reply", "answer", "quote", "slogan", "mantra", "catchphrase",
    "phrase", "plea", "demand", "demands", "admission", "announcement", "declaration",
    "explanation", "letter", "post", "posts", "report", "testimony", "complaint", "criticism",
    "view", "views", "question", "questions",
];

/// `-ing` forms of the speech verbs listed without their base form (a noun as well).
#[rustfmt::skip]
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "stating", "posting", "remarking", "commenting", "countering", "musing", "joking", "quipping",
    "reporting", "stressing", "answering",
];

/// `-ing` forms that do not just add "ing" or drop a final "e".
const DOUBLED: &[(&str, &str)] = &[
    ("admit", "admitting"),
    ("quip", "quipping"),
    ("put", "putting"),
];

/// The `-ing` form of a verb phrase ("point out" -> "pointing out").
fn participle_of(base: &str) -> String {
    let (verb, rest) = base.split_once(' ').map_or((base, ""), |(v, r)| (v, r));
    let verb_ing = match DOUBLED.iter().find(|(v, _)| *v == verb) {
        Some((_, ing)) => ing.to_string(),
        None if verb.ends_with("ie") => format!("{}ying", &verb[..verb.len() - 2]),
        None if verb.ends_with('e') && !verb.ends_with("ee") => {
            format!("{}ing", &verb[..verb.len() - 1])
        }
        None => format!("{verb}ing"),
    };
    if rest.is_empty() {
        verb_ing
    } else {
        format!("{verb_ing} {rest}")
    }
}

/// Verbs that put a name or a label on something, tying a partial quote to a speaker.
#[rustfmt::skip]
const NAMING_VERBS: &[&str] = &[
    "call", "calls", "called", "calling", "describe", "describes", "described", "describing",
    "dub", "dubs", "dubbed", "label", "labels", "labeled", "labelled", "brand", "brands",
    "branded", "term", "terms", "termed",
];

/// Every cue form with what it means, in automaton pattern order.
pub(super) static CUE_FORMS: Lazy<Vec<(String, CueForm)>> = Lazy::new(|| {
    let form = |class, bare_clause, takes_object, reports, word: &str| CueForm {
        class,
        bare_clause,
        takes_object,
        reports,
        participle: word.split(' ').next().is_some_and(|w| w.ends_with("ing")),
        noun_too: false,
        aspectual: [
            "continu", "begin", "began", "go on", "goes on", "went on", "going on",
        ]
        .iter()
        .any(|stem| word.starts_with(stem)),
    };
    let mut forms: Vec<(String, CueForm)> = Vec::new();
    let mut push = |word: String, cue: CueForm| {
        if !forms.iter().any(|(w, _)| *w == word) {
            forms.push((word, cue));
        }
    };
    for (words, bare_clause, takes_object) in SPEECH_VERBS {
        for word in *words {
            let cue = form(CueClass::Speech, *bare_clause, *takes_object, true, word);
            push(word.to_string(), cue);
        }
        // "is saying", "is stressing", "pointing out".
        if let Some(base) = words
            .first()
            .filter(|w| !w.ends_with('s') && !w.ends_with('d'))
        {
            let ing = participle_of(base);
            push(
                ing.clone(),
                form(CueClass::Speech, *bare_clause, *takes_object, true, &ing),
            );
        }
    }
    for word in IRREGULAR_PARTICIPLES {
        push(
            word.to_string(),
            form(CueClass::Speech, false, false, true, word),
        );
    }
    for word in SPEECH_ACTS {
        push(
            word.to_string(),
            form(CueClass::Speech, false, false, false, word),
        );
    }
    for word in NAMING_VERBS {
        push(
            word.to_string(),
            form(CueClass::Naming, false, false, false, word),
        );
    }
    let mut according = form(CueClass::AccordingTo, false, false, false, "according to");
    according.participle = false;
    push("according to".to_string(), according);
    for noun in SPEECH_NOUNS {
        match forms.iter_mut().find(|(w, _)| w == noun) {
            Some((_, verb)) => verb.noun_too = true,
            None => forms.push((
                noun.to_string(),
                form(CueClass::Noun, false, false, false, noun),
            )),
        }
    }
    forms
});

/// Where a cue form matched: bytes `start..end` of the text, and the form's index in
/// [`CUE_FORMS`].
#[derive(Debug, Clone, Copy)]
pub(super) struct CueMatch {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) form: usize,
}

/// An automaton over some of the cue forms, with a quick filter on word shapes that rules out
/// most words before an anchored search runs.
#[derive(Debug)]
pub(super) struct CueAutomaton {
    /// Leftmost-longest, so "pointed out" wins over a shorter form; anchored searches only.
    automaton: AhoCorasick,
    /// Pattern number -> index in [`CUE_FORMS`].
    forms: Vec<usize>,
    /// One bit per word shape (first two letters, length) that starts one of the forms.
    shapes: Vec<u64>,
    /// The first words of the forms with a space ("according"), lowercase.
    spaced_heads: Vec<Vec<u8>>,
    /// The first word of every form: a form can only end on a word boundary where the run of
    /// letters and digits it starts at is one of them.
    heads: WordSet,
}

/// Number of word shapes: 27 x 27 letter pairs (the 27th for "other") x 16 lengths.
const SHAPES: usize = 27 * 27 * 16;

/// Per byte, its letter in a shape: 0 to 25 for an ASCII letter, case folded, 26 for any
/// other byte.
static LETTERS: [u8; 256] = {
    let mut letters = [26u8; 256];
    let mut letter = 0;
    while letter < 26 {
        letters[b'a' as usize + letter] = letter as u8;
        letters[b'A' as usize + letter] = letter as u8;
        letter += 1;
    }
    letters
};

/// The shape of a word: its first two letters, case folded, and its length (capped at 15).
#[inline]
fn shape(word: &[u8]) -> usize {
    let byte = |i: usize| word.get(i).copied().unwrap_or(b' ');
    shape_of(byte(0), byte(1), word.len())
}

/// The shape of a word of `len` bytes that starts with the bytes `first` and `second` (any
/// byte that is not a letter when the word is shorter).
#[inline]
fn shape_of(first: u8, second: u8, len: usize) -> usize {
    let letter = |b: u8| usize::from(LETTERS[usize::from(b)]);
    (letter(first) * 27 + letter(second)) * 16 + len.min(15)
}

impl CueAutomaton {
    fn new(keep: impl Fn(&str) -> bool, start: StartKind) -> CueAutomaton {
        let forms: Vec<usize> = (0..CUE_FORMS.len())
            .filter(|&i| keep(&CUE_FORMS[i].0))
            .collect();
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            // Cues start with nearly every letter: a prefilter would stop at every word.
            .prefilter(false)
            .start_kind(start)
            .build(forms.iter().map(|&i| CUE_FORMS[i].0.as_str()))
            .expect("the cue lists are small sets of literal patterns");
        let mut shapes = vec![0u64; SHAPES / 64];
        for &i in &forms {
            let first = CUE_FORMS[i].0.split(' ').next().unwrap_or_default();
            let shape = shape(first.as_bytes());
            shapes[shape / 64] |= 1 << (shape % 64);
        }
        let mut spaced_heads: Vec<Vec<u8>> = forms
            .iter()
            .filter_map(|&i| CUE_FORMS[i].0.split_once(' '))
            .map(|(head, _)| head.as_bytes().to_ascii_lowercase())
            .collect();
        spaced_heads.sort();
        spaced_heads.dedup();
        // Longer first words ("characterization") than the set holds are left out:
        // [`Self::may_start_run`] lets every run that long through.
        let heads = WordSet::set(
            forms
                .iter()
                .map(|&i| CUE_FORMS[i].0.split(' ').next().unwrap_or_default())
                .filter(|head| head.len() <= MAX_LEN),
        );
        CueAutomaton {
            automaton,
            forms,
            shapes,
            spaced_heads,
            heads,
        }
    }

    /// True when a cue may start with `word` (false positives are fine: [`Self::at`] decides).
    #[cfg(test)]
    fn may_start(&self, word: &[u8]) -> bool {
        self.has_shape(shape(word))
    }

    /// True when a form's first word starts with the bytes `first` and `second` (any byte
    /// that is not a letter when the word is shorter), whatever its length.
    #[inline]
    fn may_start_with(&self, first: u8, second: u8) -> bool {
        let pair = shape_of(first, second, 0) / 16;
        // A pair's 16 length bits are one aligned 16-bit lane of a word.
        self.shapes
            .get(pair / 4)
            .is_some_and(|bits| (bits >> (pair % 4 * 16)) & 0xFFFF != 0)
    }

    /// [`Self::may_start_run`], finding the run's end itself.
    #[cfg(test)]
    pub(super) fn may_start_at(&self, text: &str, start: usize) -> bool {
        let bytes = text.as_bytes();
        self.may_start_run(bytes, start, alphanumeric_end(bytes, start, bytes.len()))
    }

    /// False when no form can match at byte `start` and end on a word boundary ([`Self::at`]
    /// would find nothing): the run of ASCII letters and digits there, which ends at `end`, is
    /// no form's first word (every first word is such a run). A run that goes on with a
    /// non-ASCII byte, or is longer than the word set holds, is left to [`Self::at`].
    #[inline]
    fn may_start_run(&self, bytes: &[u8], start: usize, end: usize) -> bool {
        bytes.get(end).is_some_and(|&b| b >= 0x80)
            || end - start > MAX_LEN
            || self.heads.get_at(bytes, start, end).is_some()
    }

    #[inline]
    fn has_shape(&self, shape: usize) -> bool {
        self.shapes
            .get(shape / 64)
            .is_some_and(|bits| bits & (1 << (shape % 64)) != 0)
    }

    /// The whole-word cues of the whole text, for the tests.
    #[cfg(test)]
    pub(super) fn find_all(&self, text: &str) -> Vec<CueMatch> {
        self.find_in(text, 0, text.len())
    }

    /// The whole-word cues in `text[from..to]` (a paragraph), as an unanchored leftmost-longest
    /// search of the whole text would find them once matches inside words are dropped (a
    /// dropped match still hides any match that overlaps it). A run cut at `from` is no word,
    /// and a match that crosses `from` and hides one after it is one with a space, which the
    /// search looks for before each match it keeps.
    ///
    /// A kept match starts a run of letters and digits, and its first word is that whole run.
    /// Runs are found eight ASCII bytes at a time, and most are ruled out by their shape (first
    /// two letters and length) before an anchored search runs; the automaton would instead
    /// take a step per byte.
    pub(super) fn find_in(&self, text: &str, from: usize, to: usize) -> Vec<CueMatch> {
        let Some(paragraph) = text.get(..to) else {
            return Vec::new();
        };
        let bytes = paragraph.as_bytes();
        let mut search = WholeText {
            cues: self,
            text,
            resume: 0,
            found: Vec::new(),
        };
        // The start of the run the scan is in, if it is in one.
        let mut open: Option<usize> = None;
        // A paragraph cut out of a line may start inside a run, which is no word.
        let mut i = match text.get(..from).is_some_and(ends_alphanumeric) {
            true => alphanumeric_run_end(text, from),
            false => from,
        };
        while i < bytes.len() {
            if let Some(Ok(chunk)) = bytes.get(i..i + 8).map(<[u8; 8]>::try_from) {
                let x = u64::from_le_bytes(chunk);
                if x & HIGH_BITS == 0 {
                    let alphanumeric = alphanumeric_mask(x);
                    // Little-endian: shifting up by a byte gives each byte the bit of the byte
                    // before it.
                    let after = (alphanumeric << 8) | (u64::from(open.is_some()) << 7);
                    let mut starts = alphanumeric & !after;
                    // The first byte past each run.
                    let mut ends = !alphanumeric & HIGH_BITS & after;
                    let byte_at = |bits: u64| i + (bits.trailing_zeros() / 8) as usize;
                    if let Some(start) = open {
                        // A run that goes on through the whole chunk has no start in it either.
                        if ends != 0 {
                            search.run(start, byte_at(ends));
                            ends &= ends - 1;
                            open = None;
                        }
                    }
                    while starts != 0 {
                        let start = byte_at(starts);
                        starts &= starts - 1;
                        if ends == 0 {
                            open = Some(start);
                            break;
                        }
                        search.run(start, byte_at(ends));
                        ends &= ends - 1;
                    }
                    i += 8;
                    continue;
                }
            }
            // A non-ASCII character near, or the last bytes: one character at a time.
            let Some(c) = paragraph.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            match (open, c.is_alphanumeric()) {
                (Some(start), false) => {
                    search.run(start, i);
                    open = None;
                }
                (None, true) => open = Some(i),
                _ => {}
            }
            i += c.len_utf8();
        }
        if let Some(start) = open {
            search.run(start, alphanumeric_run_end(text, start));
        }
        let mut found = search.found;
        found.retain(|m| m.end <= to);
        found
    }

    /// The matches of [`Self::find_in`] that start at one of `words` (byte ranges in order,
    /// each starting a run) and end by `to`. Only a match at a word start can hide a later
    /// one, except a form with a space matched at a word's end, which the search looks for.
    /// ([`cues_at_words`] runs this search for the common cues, next to the others.)
    #[cfg(test)]
    pub(super) fn find_at_words(
        &self,
        text: &str,
        to: usize,
        words: impl Iterator<Item = (usize, usize)>,
    ) -> Vec<CueMatch> {
        let bytes = text.as_bytes();
        let mut search = WholeText {
            cues: self,
            text,
            resume: 0,
            found: Vec::new(),
        };
        for (start, end) in words {
            // Most words are ruled out by their first two letters alone.
            let second = bytes.get(start + 1).copied().unwrap_or(b' ');
            if self.may_start_with(bytes.get(start).copied().unwrap_or(b' '), second) {
                search.word(start, end);
            }
        }
        let mut found = search.found;
        found.retain(|m| m.end <= to);
        found
    }

    /// The longest cue that starts at byte `start`, boundaries unchecked.
    fn anchored_at(&self, text: &str, start: usize) -> Option<CueMatch> {
        let input = Input::new(text)
            .span(start..text.len())
            .anchored(Anchored::Yes);
        let found = self.automaton.try_find(input).ok()??;
        Some(CueMatch {
            start,
            end: found.end(),
            form: *self.forms.get(found.pattern().as_usize())?,
        })
    }

    /// The cue that starts at byte `start` of `text`, no further than `limit` and ending on a
    /// word boundary, for an automaton built for anchored searches: its end and its index in
    /// [`CUE_FORMS`].
    pub(super) fn at(&self, text: &str, start: usize, limit: usize) -> Option<(usize, usize)> {
        let input = Input::new(text).span(start..limit).anchored(Anchored::Yes);
        // Built for anchored searches, the automaton cannot fail on one; if it did, there would
        // simply be no cue here.
        let found = self.automaton.try_find(input).ok()??;
        let boundary = !text[found.end()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        let form = *self.forms.get(found.pattern().as_usize())?;
        boundary.then_some((found.end(), form))
    }
}

/// The cues of a paragraph read word by word (`words`: byte ranges in order, each starting a
/// run), ending by `to`, in order of their starts: the common ones as
/// [`CueAutomaton::find_at_words`] finds them, then the others at the words where one starts.
/// One loop over the words for both: a word's first two bytes rule it out of both searches.
pub(super) fn cues_at_words(
    text: &str,
    to: usize,
    words: impl Iterator<Item = (usize, usize)>,
) -> Vec<CueMatch> {
    let (reporting, framing) = (&*REPORTING_CUES, &*FRAMING_CUES);
    let bytes = text.as_bytes();
    let mut search = WholeText {
        cues: reporting,
        text,
        resume: 0,
        found: Vec::new(),
    };
    let mut framed = Vec::new();
    for (start, end) in words {
        let first = bytes.get(start).copied().unwrap_or(b' ');
        // A word of one byte ends before a byte that is no letter, as the shape wants.
        let second = bytes.get(start + 1).copied().unwrap_or(b' ');
        let reported = reporting.may_start_with(first, second);
        let framed_shape = framing.has_shape(shape_of(first, second, end - start));
        if !reported && !framed_shape {
            continue;
        }
        // The run at the word, found once for both searches.
        let run = alphanumeric_end(bytes, start, bytes.len());
        if reported {
            search.word_in_run(start, end, run);
        }
        if framed_shape && framing.may_start_run(bytes, start, run) {
            if let Some((cue_end, form)) = framing.at(text, start, to) {
                framed.push(CueMatch {
                    start,
                    end: cue_end,
                    form,
                });
            }
        }
    }
    let mut found = search.found;
    found.retain(|m| m.end <= to);
    found.extend(framed);
    found.sort_by_key(|m| m.start);
    found
}

/// The common reporting verbs: they make reported speech and turns in any paragraph ("Kerry
/// said that ...").
#[rustfmt::skip]
const COMMON_REPORTING: &[&str] = &[
    "say", "says", "said", "saying", "tell", "tells", "told", "telling", "add", "adds", "added",
    "adding", "states", "stated", "warn", "warns", "warned", "warning", "note", "notes", "noted",
    "claim", "claims", "claimed", "insist", "insists", "insisted", "argue", "argues", "argued",
    "explain", "explains", "explained", "write", "writes", "wrote", "tweeted", "announced",
    "acknowledged", "admitted", "suggested", "predicted", "confirmed", "denied", "reported",
    "according to",
];

fn is_common(form: &str) -> bool {
    COMMON_REPORTING.contains(&form)
}

/// The common reporting cues, searched for over the whole text at every word that may start
/// one.
pub(super) static REPORTING_CUES: Lazy<CueAutomaton> =
    Lazy::new(|| CueAutomaton::new(is_common, StartKind::Anchored));

/// The high bit of each byte of a `u64`.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The state of a search for the common cues ([`CueAutomaton::find_in`]).
struct WholeText<'a, 't> {
    cues: &'a CueAutomaton,
    text: &'t str,
    /// No match may start before this: the end of the last match, kept or dropped.
    resume: usize,
    found: Vec<CueMatch>,
}

impl WholeText<'_, '_> {
    /// Tries the run of letters and digits at bytes `start..end`.
    #[inline(always)]
    fn run(&mut self, start: usize, end: usize) {
        let bytes = self.text.as_bytes();
        // Past a run of one byte comes a byte that is no letter, as the shape wants.
        let (first, second) = match bytes.get(start..start + 2) {
            Some(&[first, second]) => (first, second),
            _ => (bytes.get(start).copied().unwrap_or(b' '), b' '),
        };
        if start >= self.resume && self.cues.has_shape(shape_of(first, second, end - start)) {
            self.cue_at(start);
        }
    }

    /// [`Self::word_in_run`], finding the run's end itself.
    #[cfg(test)]
    fn word(&mut self, start: usize, end: usize) {
        let bytes = self.text.as_bytes();
        self.word_in_run(start, end, alphanumeric_end(bytes, start, bytes.len()));
    }

    /// Tries the run that starts the word at bytes `start..end`; the run of ASCII letters and
    /// digits at `start` ends at `run`.
    #[inline]
    fn word_in_run(&mut self, start: usize, end: usize, run: usize) {
        let bytes = self.text.as_bytes();
        // The run ends inside the word, mostly at an ASCII byte; past a non-ASCII one, or at
        // the word's end, it may go on.
        let ascii_end = run.min(end);
        let run_end = match bytes.get(ascii_end) {
            Some(&b) if b < 0x80 && (ascii_end < end || !b.is_ascii_alphanumeric()) => ascii_end,
            None => ascii_end,
            Some(_) => alphanumeric_run_end(self.text, start),
        };
        self.run(start, run_end);
    }

    /// Tries a run whose shape may start a cue (one word in twenty).
    #[inline(never)]
    fn cue_at(&mut self, start: usize) {
        let bytes = self.text.as_bytes();
        let Some(found) = self.cues.anchored_at(self.text, start) else {
            return;
        };
        // "xaccording to": a form with a space, matched inside the word before (and dropped),
        // hides the word after the space. Only there can a dropped match reach a run. (Were
        // the head a word of its own, the search has tried it already and moved past it.)
        for head in &self.cues.spaced_heads {
            let Some(head_start) = start.checked_sub(head.len() + 1) else {
                continue;
            };
            if head_start >= self.resume
                && bytes[start - 1] == b' '
                && bytes[head_start..start - 1].eq_ignore_ascii_case(head)
            {
                if let Some(hidden) = self.cues.anchored_at(self.text, head_start) {
                    self.resume = hidden.end;
                }
            }
        }
        if start < self.resume {
            return;
        }
        self.resume = found.end;
        if !starts_alphanumeric(&self.text[found.end..]) {
            self.found.push(found);
        }
    }
}

/// The end of the run of letters and digits (of any script) that starts at byte `start`, or
/// `start` when none does.
fn alphanumeric_run_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = start;
    loop {
        end = alphanumeric_end(bytes, end, bytes.len());
        match text.get(end..).and_then(|rest| rest.chars().next()) {
            Some(c) if !c.is_ascii() && c.is_alphanumeric() => end += c.len_utf8(),
            _ => return end,
        }
    }
}

/// True when `text` ends with a letter or a digit of any script.
fn ends_alphanumeric(text: &str) -> bool {
    text.chars().next_back().is_some_and(char::is_alphanumeric)
}

/// True when `text` starts with a letter or a digit of any script.
fn starts_alphanumeric(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_alphanumeric)
}

/// Every other cue ("replied", "criticized", "called", "his words"), looked for only at the
/// words of paragraphs that have a quote or end with a colon.
pub(super) static FRAMING_CUES: Lazy<CueAutomaton> =
    Lazy::new(|| CueAutomaton::new(|form| !is_common(form), StartKind::Anchored));

/// A set of lowercase words, looked up whatever their ASCII case: [`WordMap`] packs the word
/// into one integer, so a lookup neither copies nor hashes it byte by byte.
pub(super) type WordSet = WordMap<()>;

fn set(words: &[&'static str]) -> WordSet {
    WordMap::set(words.iter().copied())
}

/// Personal pronouns that can be the subject of a speech verb, with the entity kind they refer to.
pub(super) static PRONOUNS: Lazy<WordMap<Referent>> = Lazy::new(|| {
    WordMap::new([
        ("he", Referent::Person),
        ("she", Referent::Person),
        ("i", Referent::Unresolved),
        ("we", Referent::Unresolved),
        ("you", Referent::Unresolved),
        ("they", Referent::Group),
        ("it", Referent::Organization),
    ])
});

/// Possessive pronouns, with what they point back to.
static POSSESSIVE_PRONOUNS: Lazy<WordMap<Referent>> = Lazy::new(|| {
    WordMap::new([
        ("his", Referent::Person),
        ("her", Referent::Person),
        ("their", Referent::Group),
        ("its", Referent::Organization),
        ("my", Referent::Unresolved),
        ("our", Referent::Unresolved),
        ("your", Referent::Unresolved),
    ])
});

/// What a pronoun or a definite description points back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Referent {
    /// A person ("he", "the spokesman").
    Person,
    /// An organisation ("it", "the ministry", "the company").
    Organization,
    /// An organisation, or failing that a person ("they").
    Group,
    /// A country ("the country").
    Country,
    /// Nothing earlier: a new, unnamed speaker ("a spokesman") or a first person.
    Unresolved,
}

/// Words that open a noun phrase and end a backward walk over one.
#[rustfmt::skip]
pub(super) static DETERMINERS: Lazy<WordSet> = Lazy::new(|| {
    set(&[
        "the", "a", "an", "this", "these", "those", "his", "her", "their", "its", "our", "my",
        "your", "some", "many", "several", "most", "both", "all", "other", "another", "two",
        "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds",
        "every", "each", "one", "no", "few", "more",
    ])
});

/// Determiners that make a description point back to someone already named.
#[rustfmt::skip]
pub(super) static DEFINITE: Lazy<WordSet> = Lazy::new(|| {
    set(&[
        "the", "this", "these", "those", "his", "her", "their", "its", "our", "my", "your",
    ])
});

/// Words that cannot be part of a speaker phrase: a backward walk stops before them.
#[rustfmt::skip]
pub(super) static PHRASE_BREAKS: Lazy<WordSet> = Lazy::new(|| {
    set(&[
        "that", "which", "who", "whom", "whose", "and", "or", "but", "because", "when", "while",
        "if", "as", "than", "to", "so", "what", "where", "why", "how", "not", "also", "is", "was",
        "are", "were", "be", "been", "has", "have", "had", "would", "will", "could", "should",
        "can", "may", "might", "must", "did", "does", "do", "said", "says", "say", "then", "there",
        "here", "him", "them", "me", "us", "after", "before", "since", "until", "about", "into",
        "over", "again", "just", "only", "even", "still", "yet", "already", "both", "neither",
        "either", "nor", "whether", "once", "by", "from", "with", "without", "against", "during",
        "through", "under", "on", "in", "at", "for", "it", "he", "she", "they", "we", "i", "you",
    ])
});

/// Prepositions a description may contain ("the secretary of state", "a spokesman for the
/// ministry") when walking forward from a cue.
pub(super) static INNER_PREPOSITIONS: Lazy<WordSet> =
    Lazy::new(|| set(&["of", "for", "at", "in", "on", "with", "from"]));

/// Adverbs and auxiliaries between a subject and its verb ("Miller also said", "she has
/// repeatedly argued").
#[rustfmt::skip]
pub(super) static VERB_MODIFIERS: Lazy<WordSet> = Lazy::new(|| {
    set(&[
        "also", "later", "then", "has", "have", "had", "would", "will", "was", "is", "previously",
        "recently", "repeatedly", "often", "frequently", "once", "reportedly", "again", "further",
        "finally", "simply", "flatly", "earlier", "quickly", "publicly", "privately", "initially",
        "subsequently", "never", "always", "still", "just", "even", "did", "does", "do", "could",
        "might", "may", "should", "must", "can", "already", "first", "last", "separately",
        "angrily", "bluntly", "candidly", "openly", "quietly", "loudly", "softly", "tearfully",
        "proudly", "sarcastically", "calmly", "firmly", "emphatically", "curtly", "pointedly",
        "famously", "memorably", "succinctly", "correctly", "falsely", "wrongly", "rightly",
        "alone", "herself", "himself", "themselves", "itself", "personally", "directly", "not",
        "however", "yesterday", "today", "tonight", "morning", "afternoon", "evening", "night",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "on",
        "early", "late", "week", "month", "year", "overnight", "now", "meanwhile", "instead",
        "eventually", "ultimately", "currently", "once", "long", "ago",
    ])
});

/// Words that may close an attribution after its verb ("said on Monday", "told reporters in
/// a statement").
#[rustfmt::skip]
pub(super) static ATTRIBUTION_TAIL: Lazy<WordSet> = Lazy::new(|| {
    set(&[
        "on", "in", "at", "a", "an", "the", "his", "her", "their", "its", "statement", "interview",
        "speech", "email", "e-mail", "tweet", "post", "briefing", "conference", "call",
        "reporters", "journalists", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "yesterday", "today", "tonight", "later", "earlier", "morning",
        "afternoon", "evening", "night", "week", "month", "year", "last", "this", "recently",
        "then", "too", "also", "again", "him", "her", "them", "us", "me", "previously",
        "separately", "back", "he", "she", "they", "we", "it", "i",
    ])
});

/// Prepositions that open a phrase closing an attribution ("said to the crowd").
#[rustfmt::skip]
pub(super) static TAIL_PREPOSITIONS: Lazy<WordSet> = Lazy::new(|| {
    set(&[
        "to", "on", "in", "at", "during", "after", "before", "via", "with", "from", "outside",
        "inside", "while", "of",
    ])
});

/// Capitalised words that start sentences but never names.
#[rustfmt::skip]
pub(super) static CAPITALISED_NON_NAMES: Lazy<WordSet> = Lazy::new(|| {
    set(&[
        "the", "a", "an", "but", "and", "or", "so", "yet", "in", "on", "at", "for", "from", "with",
        "by", "to", "of", "as", "after", "before", "when", "while", "if", "although", "though",
        "because", "since", "then", "now", "still", "also", "however", "meanwhile", "earlier",
        "later", "last", "this", "that", "these", "those", "it", "he", "she", "they", "we", "i",
        "you", "his", "her", "their", "our", "my", "its", "speaking", "asked", "according",
        "separately", "instead", "indeed", "moreover", "furthermore", "finally", "ultimately",
        "recently", "today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december", "there", "here", "what",
        "who", "why", "how", "where", "which", "not", "no", "yes", "even", "only", "just", "all",
        "some", "many", "most", "both", "each", "every", "one", "two", "three", "said", "says",
        "say", "told", "added", "asked", "wrote", "according", "like", "unlike", "despite",
        "during", "under", "over", "about", "among", "through", "without", "within", "against",
        "toward", "towards", "into", "until", "having", "being", "following", "including", "amid",
        "once", "whether", "do", "does", "did", "is", "was", "are", "were", "will", "would", "can",
        "could", "should", "must", "let", "please", "thank", "thanks", "ever", "unless",
        "whenever", "wherever", "perhaps", "maybe", "whatever", "whoever", "nor", "for", "hours",
        "days", "weeks", "months", "years", "minutes", "later", "soon", "yet", "besides",
        "otherwise",
    ])
});

/// Person titles written before a name; stripped from the canonical name.
#[rustfmt::skip]
pub(super) static TITLES: Lazy<WordSet> = Lazy::new(|| {
    set(&[
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "sen",
        "sen.", "rep", "rep.", "gov", "gov.", "gen", "gen.", "lt", "lt.", "col", "col.", "capt",
        "capt.", "sgt", "sgt.", "maj", "maj.", "adm", "adm.", "rev", "rev.", "hon", "hon.",
        "president", "senator", "governor", "secretary", "minister", "premier", "chancellor",
        "judge", "justice", "speaker", "chairman", "chairwoman", "ambassador", "mayor", "general",
        "sheikh", "sir", "dame", "lord", "lady", "king", "queen", "prince", "princess", "pope",
        "cardinal", "bishop", "father", "imam", "maulana", "mufti", "professor", "commissioner",
        "director", "chief", "vice", "deputy", "former", "prime", "foreign", "federal", "state",
        "senior", "acting", "interim", "spokesman", "spokeswoman", "spokesperson", "congressman",
        "congresswoman", "attorney", "sheriff", "del", "del.", "commander", "captain", "officer",
        "inspector", "superintendent",
    ])
});

/// Titles that stand before a single surname ("President Obama", "Mr. Miller").
#[rustfmt::skip]
pub(super) static PERSONAL_TITLES: Lazy<WordSet> = Lazy::new(|| {
    set(&[
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "sen",
        "sen.", "rep", "rep.", "gov", "gov.", "gen", "gen.", "lt", "lt.", "col", "col.", "capt",
        "capt.", "sgt", "sgt.", "rev", "rev.", "president", "senator", "governor", "judge",
        "sheriff", "mayor", "sir", "dame", "lord", "lady", "king", "queen", "prince", "princess",
        "pope", "sheikh", "imam", "maulana", "mufti", "del", "del.", "justice", "chancellor",
        "premier", "professor", "ambassador", "minister", "secretary",
    ])
});

/// Abbreviations whose full stop does not end a sentence.
#[rustfmt::skip]
pub(super) static ABBREVIATIONS: Lazy<WordSet> = Lazy::new(|| {
    set(&[
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt",
        "maj", "adm", "rev", "hon", "st", "jr", "sr", "mt", "ft", "inc", "co", "corp", "ltd", "no",
        "nos", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "ave", "blvd", "dept", "univ", "approx", "pres", "supt", "insp", "cmdr",
        "cpl", "pvt", "messrs", "mme", "mlle", "esq", "fig", "vol", "pp", "ph", "op", "ed", "est",
        "govt", "assn", "bros", "calif", "fla", "mass", "penn", "conn", "wash", "wis", "ariz",
        "colo", "tenn", "okla", "ore", "nev", "ky", "ga", "ala", "ark", "del", "ill", "ind", "kan",
        "md", "mich", "minn", "miss", "mo", "mont", "neb", "va", "vt",
    ])
});

/// Lowercase particles inside names ("Osama bin Laden", "Ursula von der Leyen").
#[rustfmt::skip]
pub(super) static NAME_PARTICLES: Lazy<WordSet> = Lazy::new(|| {
    set(&[
        "de", "da", "di", "del", "della", "der", "den", "van", "von", "bin", "ibn", "bint", "al",
        "el", "ul", "ud", "la", "le", "du", "dos", "das", "ben", "abu", "zu",
    ])
});

/// Head nouns of descriptions that refer to people ("the spokesman").
#[rustfmt::skip]
pub(super) static PERSON_HEADS: Lazy<WordSet> = Lazy::new(|| {
    set(&[
        "spokesman", "spokeswoman", "spokesperson", "minister", "president", "senator", "governor",
        "candidate", "nominee", "official", "secretary", "chairman", "chairwoman", "chair",
        "leader", "ambassador", "mayor", "director", "chief", "adviser", "advisor", "lawyer",
        "attorney", "general", "commander", "premier", "congressman", "congresswoman", "lawmaker",
        "representative", "businessman", "businesswoman", "billionaire", "man", "woman",
        "politician", "diplomat", "envoy", "judge", "justice", "prosecutor", "officer", "founder",
        "executive", "ceo", "head", "manager", "analyst", "economist", "expert", "professor",
        "researcher", "author", "writer", "reporter", "journalist", "host", "anchor", "moderator",
        "strategist", "pollster", "aide", "surrogate", "activist", "witness", "resident", "father",
        "mother", "son", "daughter", "wife", "husband", "actor", "actress", "singer", "star",
        "coach", "player", "captain", "cleric", "mufti", "imam", "king", "queen", "prince",
        "princess", "star", "republican", "democrat", "speaker", "veteran", "commissioner",
        "negotiator", "minister's", "mogul", "billionaire",
    ])
});

/// Head nouns of descriptions that refer to organisations ("the ministry", "the company").
#[rustfmt::skip]
pub(super) static ORGANIZATION_HEADS: Lazy<WordSet> = Lazy::new(|| {
    set(&[
        "company", "firm", "ministry", "department", "government", "party", "agency", "campaign",
        "group", "organisation", "organization", "committee", "council", "office", "embassy",
        "army", "military", "police", "court", "bank", "union", "commission", "administration",
        "board", "network", "newspaper", "paper", "website", "team", "club", "corporation",
        "foundation", "institute", "university", "school", "hospital", "bureau", "authority",
        "regulator", "spokesmen", "officials", "statement", "report", "study", "survey", "poll",
        "cabinet", "senate", "house", "parliament", "assembly", "movement", "alliance",
        "coalition", "association", "federation", "league", "channel", "outlet", "station",
        "magazine", "publication", "service", "services", "forces", "navy", "airline", "carrier",
        "manufacturer", "retailer", "lender", "insurer", "group's", "white", "regime", "junta",
        "militants", "insurgents", "rebels",
    ])
});

/// Head nouns that refer to a country ("the country said").
pub(super) static COUNTRY_HEADS: Lazy<WordSet> =
    Lazy::new(|| set(&["country", "nation", "kingdom", "republic", "state"]));

/// Words that make a capitalised name an organisation rather than a person, for the fallback
/// used when the entity pass found nothing.
#[rustfmt::skip]
pub(super) static ORGANIZATION_WORDS: Lazy<WordSet> = Lazy::new(|| {
    set(&[
        "department", "ministry", "office", "party", "committee", "company", "inc", "inc.", "corp",
        "corp.", "group", "bank", "council", "commission", "house", "agency", "post", "times",
        "news", "university", "court", "campaign", "foundation", "institute", "association",
        "union", "league", "network", "journal", "tribune", "press", "reuters", "service",
        "services", "board", "senate", "congress", "parliament", "assembly", "government",
        "administration", "army", "police", "force", "forces", "navy", "fund", "organization",
        "organisation", "corporation", "center", "centre", "school", "college", "club", "team",
        "network", "channel", "magazine", "television", "radio", "media", "airlines", "airways",
        "motors", "holdings", "partners", "capital", "tehreek", "movement", "front", "alliance",
        "coalition", "federation", "cnn", "bbc", "fbi", "cia", "nato", "un", "eu", "pac", "gop",
        "msnbc", "abc", "cbs", "nbc", "fox", "politifact", "republican", "democratic", "democrats",
        "republicans", "national", "international", "federal", "twitter", "facebook", "instagram",
        "youtube", "google", "white", "supreme", "statistics", "bureau", "prediction", "center",
        "weather", "tribunal",
    ])
});

/// Words that make a capitalised name a place, for the fallback used when the entity pass
/// found nothing: places answer to "the country", never to "he" or "the company".
#[rustfmt::skip]
pub(super) static PLACE_WORDS: Lazy<WordSet> = Lazy::new(|| {
    set(&[
        "state", "states", "city", "county", "province", "street", "road", "avenue", "river",
        "islamabad", "washington", "london", "america", "pakistan", "afghanistan", "india",
        "china", "russia", "iran", "iraq", "syria", "israel", "gaza", "ukraine", "france",
        "germany", "britain", "japan", "korea", "mexico", "canada", "cuba", "ohio", "york",
        "florida", "virginia", "texas", "california", "pennsylvania", "iowa", "carolina",
        "michigan", "georgia", "arizona", "nevada", "wisconsin", "north", "south", "east", "west",
        "united", "kingdom", "republic", "island", "islands", "valley", "mountains", "lahore",
        "karachi", "peshawar", "quetta", "kabul", "delhi", "beijing", "moscow", "tehran", "paris",
        "tokyo", "seoul", "europe", "asia", "africa", "punjab", "sindh", "balochistan", "khyber",
        "pakhtunkhwa", "kashmir", "day", "week", "month", "year", "january", "february", "march",
        "april", "june", "july", "august", "september", "october", "november", "december",
    ])
});

/// Words that, capitalised at the start of a sentence, are still a description rather than a
/// name ("Officials said", "Police said").
#[rustfmt::skip]
pub(super) static CAPITALISED_DESCRIPTIONS: Lazy<WordSet> = Lazy::new(|| {
    set(&[
        "officials", "official", "police", "critics", "experts", "analysts", "observers",
        "sources", "authorities", "residents", "witnesses", "prosecutors", "investigators",
        "lawmakers", "officers", "aides", "advisers", "advisors", "supporters", "protesters",
        "diplomats", "spokesman", "spokeswoman", "spokesperson", "organisers", "organizers",
        "doctors", "scientists", "researchers", "economists", "democrats", "republicans", "voters",
        "people", "others", "activists", "leaders", "members", "villagers", "locals", "reports",
        "documents", "records", "polls", "surveys", "studies", "data", "figures", "statistics",
        "rescuers", "survivors", "families", "relatives", "students", "teachers", "workers",
        "employees", "users", "fans", "players", "citizens", "parents", "soldiers", "militants",
        "rebels", "officers", "agents", "staff", "campaigners", "executives", "traders", "dealers",
        "bankers", "investors", "brokers", "sources",
    ])
});

/// True when `word`, folded to lowercase, is in `words`.
pub(super) fn is_in(words: &WordSet, word: &str) -> bool {
    words.contains(word)
}

/// The referent of a possessive pronoun ("his", "their"), when `word` is one.
pub(super) fn possessive_pronoun(word: &str) -> Option<Referent> {
    POSSESSIVE_PRONOUNS.get(word)
}

/// The referent of a pronoun, when `word` is one.
pub(super) fn pronoun(word: &str) -> Option<Referent> {
    // "He's claiming", "she’d said".
    let word = ["'s", "\u{2019}s", "'d", "\u{2019}d", "'ll", "\u{2019}ll"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix))
        .unwrap_or(word);
    if word.len() > 4 || !word.is_ascii() {
        return None;
    }
    PRONOUNS.get(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_sets_find_their_words_in_any_case() {
        let sets: [(&[&str], &WordSet); 3] = [
            (
                &["mr.", "e-mail", "minister's", "inc.", "spokesperson"],
                &*TITLES,
            ),
            (&["e-mail", "spokesperson"], &*ATTRIBUTION_TAIL),
            (&["minister's", "spokesman"], &*PERSON_HEADS),
        ];
        // Building every set also checks its words (a debug assertion in WordMap::new).
        for set in [
            &*DETERMINERS,
            &*DEFINITE,
            &*PHRASE_BREAKS,
            &*INNER_PREPOSITIONS,
            &*VERB_MODIFIERS,
            &*ATTRIBUTION_TAIL,
            &*TAIL_PREPOSITIONS,
            &*CAPITALISED_NON_NAMES,
            &*TITLES,
            &*PERSONAL_TITLES,
            &*ABBREVIATIONS,
            &*NAME_PARTICLES,
            &*PERSON_HEADS,
            &*ORGANIZATION_HEADS,
            &*COUNTRY_HEADS,
            &*ORGANIZATION_WORDS,
            &*PLACE_WORDS,
            &*CAPITALISED_DESCRIPTIONS,
        ] {
            assert!(!is_in(set, ""));
        }
        for (words, set) in sets {
            for word in words {
                if is_in(set, word) {
                    assert!(is_in(set, &word.to_uppercase()), "{word}");
                    assert!(!is_in(set, &format!("{word}x")), "{word}");
                }
            }
        }
        assert!(is_in(&TITLES, "Mr.") && is_in(&TITLES, "MR.") && !is_in(&TITLES, "Mr,"));
        assert!(is_in(&ATTRIBUTION_TAIL, "E-mail") && !is_in(&ATTRIBUTION_TAIL, "E\rmail"));
        assert!(is_in(&PERSON_HEADS, "Minister's") && !is_in(&PERSON_HEADS, "Minister’s"));
        assert_eq!(pronoun("He's"), Some(Referent::Person));
        assert_eq!(pronoun("THEY"), Some(Referent::Group));
        assert_eq!(pronoun("them"), None);
        assert_eq!(possessive_pronoun("Their"), Some(Referent::Group));
        assert_eq!(possessive_pronoun("HIS"), Some(Referent::Person));
        assert_eq!(possessive_pronoun("hiss"), None);
    }

    #[test]
    fn every_cue_form_is_found_by_one_automaton() {
        for (index, (form, _)) in CUE_FORMS.iter().enumerate() {
            let text = format!("{form} ");
            let first_word = form.split(' ').next().unwrap_or_default().len();
            let found: Vec<usize> = [&*REPORTING_CUES, &*FRAMING_CUES]
                .iter()
                .filter(|cues| cues.may_start(&text.as_bytes()[..first_word]))
                .flat_map(|cues| {
                    let whole_text = std::ptr::eq(*cues, &*REPORTING_CUES);
                    match !whole_text {
                        true => cues.at(&text, 0, text.len()).into_iter().collect(),
                        false => cues
                            .find_all(&text)
                            .into_iter()
                            .filter(|m| m.start == 0)
                            .map(|m| (m.end, m.form))
                            .collect::<Vec<_>>(),
                    }
                })
                .filter(|&(end, _)| end == form.len())
                .map(|(_, form)| form)
                .collect();
            assert_eq!(found, [index], "{form}");
        }
    }

    #[test]
    fn a_form_starts_only_at_a_run_that_is_its_first_word() {
        for (form, _) in CUE_FORMS.iter() {
            let head = form.split(' ').next().unwrap_or_default();
            // The filter reads runs of ASCII letters and digits.
            assert!(head.bytes().all(|b| b.is_ascii_alphanumeric()), "{form}");
            let cues = match is_common(form) {
                true => &*REPORTING_CUES,
                false => &*FRAMING_CUES,
            };
            for text in [format!("{form}."), format!("{} ", form.to_uppercase())] {
                assert!(cues.may_start_at(&text, 0), "{text}");
            }
            // Longer runs than the word set holds are left to the automaton.
            if head.len() < MAX_LEN {
                assert!(!cues.may_start_at(&format!("{head}x "), 0), "{form}");
                assert!(!cues.may_start_at(&format!("x{head} "), 0), "{form}");
            }
        }
    }

    /// The whole-text search as an unanchored automaton runs it, dropping matches inside words.
    fn find_all_unanchored(automaton: &AhoCorasick, text: &str) -> Vec<(usize, usize, usize)> {
        let alphanumeric = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        automaton
            .find_iter(text)
            .filter(|m| {
                !alphanumeric(text[..m.start()].chars().next_back())
                    && !alphanumeric(text[m.end()..].chars().next())
            })
            .map(|m| {
                (
                    m.start(),
                    m.end(),
                    REPORTING_CUES.forms[m.pattern().as_usize()],
                )
            })
            .collect()
    }

    #[test]
    fn the_word_by_word_search_finds_what_an_unanchored_search_finds() {
        // Fragments that make cues, cues inside words, cues across words ("according told")
        // and non-ASCII letters and marks next to them.
        const FRAGMENTS: &[&str] = &[
            "said",
            "Said",
            "SAYS",
            "according",
            "ACCORDING",
            "accord",
            " ",
            "  ",
            "to",
            "To",
            "told",
            "ld",
            "x",
            ",",
            "-",
            "\n",
            "re",
            "un",
            "according to",
            "\"",
            "tweeted",
            "notes",
            "s",
            "1",
            "ing",
            "acknowledged",
            "é",
            "Zoë",
            "’",
            "—",
            "“",
        ];
        let unanchored = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(
                REPORTING_CUES
                    .forms
                    .iter()
                    .map(|&i| CUE_FORMS[i].0.as_str()),
            )
            .unwrap();
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for round in 0..40_000 {
            // Half the texts are ASCII, read eight bytes at a time all along.
            let fragments = match round % 2 {
                0 => FRAGMENTS,
                _ => &FRAGMENTS[..FRAGMENTS.len() - 5],
            };
            let len = next() % 40;
            let text: String = (0..len)
                .map(|_| fragments[(next() % fragments.len() as u64) as usize])
                .collect();
            let found: Vec<(usize, usize, usize)> = REPORTING_CUES
                .find_all(&text)
                .iter()
                .map(|m| (m.start, m.end, m.form))
                .collect();
            let expected = find_all_unanchored(&unanchored, &text);
            assert_eq!(found, expected, "{text:?}");
            // A paragraph of the text, and the matches at some of its word starts.
            let boundaries: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            let mut pick = || boundaries[(next() % boundaries.len() as u64) as usize];
            let (from, to) = {
                let (a, b) = (pick(), pick());
                (a.min(b), a.max(b))
            };
            let inside = |m: &&(usize, usize, usize)| from <= m.0 && m.1 <= to;
            let shown = |found: Vec<CueMatch>| -> Vec<(usize, usize, usize)> {
                found.iter().map(|m| (m.start, m.end, m.form)).collect()
            };
            let paragraph: Vec<_> = expected.iter().filter(inside).copied().collect();
            assert_eq!(
                shown(REPORTING_CUES.find_in(&text, from, to)),
                paragraph,
                "{text:?} {from}..{to}"
            );
            let alphanumeric = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            let word_starts: Vec<usize> = text
                .char_indices()
                .filter(|&(i, c)| {
                    c.is_alphanumeric() && !alphanumeric(text[..i].chars().next_back())
                })
                .map(|(i, _)| i)
                .filter(|_| next() % 3 != 0)
                .collect();
            let at_words: Vec<_> = expected
                .iter()
                .filter(|m| word_starts.contains(&m.0) && m.1 <= to)
                .copied()
                .collect();
            // Words as the tokenizer cuts them: a run, or more when a joiner follows.
            let words = word_starts.iter().map(|&start| {
                let end = text[start..]
                    .find(|c: char| c.is_whitespace())
                    .map_or(text.len(), |e| start + e);
                (
                    start,
                    end.min(start + (next() % 12) as usize + 1).max(start),
                )
            });
            let words: Vec<(usize, usize)> = words
                .map(|(start, end)| {
                    let end = (end..=text.len())
                        .find(|&e| text.is_char_boundary(e))
                        .unwrap_or(text.len());
                    (start, end)
                })
                .collect();
            assert_eq!(
                shown(REPORTING_CUES.find_at_words(&text, to, words.iter().copied())),
                at_words,
                "{text:?} {word_starts:?} ..{to}"
            );
        }
    }

    #[test]
    fn lookups_fold_case_and_reject_long_or_non_ascii_words() {
        assert!(is_in(&DETERMINERS, "The"));
        assert!(!is_in(&DETERMINERS, "Thé"));
        assert!(!is_in(&DETERMINERS, &"a".repeat(100)));
        assert_eq!(pronoun("She"), Some(Referent::Person));
        assert_eq!(pronoun("Zoë"), None);
    }
}
