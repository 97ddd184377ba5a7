//! The time expression rules: a left-to-right matcher over tokens.
//!
//! At each token the matcher tries the rules that can start there (chosen by what the token
//! is: digits, a month, a weekday, "last", "the", ...) and keeps the first that matches; the
//! scan then resumes after the match. Each rule looks at a bounded number of tokens, so the
//! whole pass is linear in the input.
//!
//! Conventions follow the TimeML annotation of TimeBank and AQUAINT: "the third quarter" is
//! "1989-Q3", "the past two months" a duration "P2M", "now" "PRESENT_REF", "last week" the
//! ISO week before the reference date's.

use super::lexicon::{DayPart, Kw, Lex, Unit};
use super::resolve::{self, Holiday, Shift, Tense, Value};
use super::tokens::{small_integer, DigitText, Token, TokenKind, Tokens};
use super::wordmap::WordMap;
use crate::{Date, TimeKind};
use once_cell::sync::Lazy;

/// A match: token range `start..end` and its value.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    /// First token.
    pub(crate) start: usize,
    /// One past the last token.
    pub(crate) end: usize,
    /// The TIMEX3 value.
    pub(crate) value: Value,
    /// The TIMEX3 type.
    pub(crate) kind: TimeKind,
    /// A leading "the" belongs to the expression ("the third quarter", "the 1990s").
    takes_the: bool,
    /// The rule resolved the value from the text alone or from the reference date, as opposed
    /// to from an earlier expression; only such values update the document context.
    explicit: bool,
}

/// What earlier expressions in the document established, for "that year", "the quarter",
/// "a year earlier".
#[derive(Debug, Default, Clone, Copy)]
struct Context {
    last_date: Option<Date>,
    last_year: Option<i32>,
    last_quarter: Option<(i32, u32)>,
}

/// The matcher over one document's tokens.
pub(crate) struct Matcher<'a, 't> {
    tokens: &'a [Token<'t>],
    anchor: Option<Date>,
    ctx: Context,
}

/// Finds every time expression in `tokens`, skipping tokens inside `skip` (a byte range
/// already covered, such as the dateline's date).
pub(crate) fn find_all(
    tokens: &Tokens<'_>,
    anchor: Option<Date>,
    skip: Option<(usize, usize)>,
) -> Vec<Found> {
    let mut matcher = Matcher {
        tokens,
        anchor,
        ctx: Context::default(),
    };
    let inside_skip = |t: &Token<'_>| skip.is_some_and(|(s, e)| t.start < e && t.end > s);
    let mut out = Vec::new();
    // The first token not inside an earlier match.
    let mut next = 0;
    // Most tokens (plain words, punctuation) cannot start anything: the tokenizer listed the
    // others.
    for &i in &tokens.time_starts {
        if i < next || inside_skip(&tokens[i]) || matcher.dead_article(i) {
            continue;
        }
        match matcher.match_at(i) {
            Some(found)
                if found.end > found.start
                    && found.start == i
                    && tokens
                        .get(found.start..found.end)
                        .is_some_and(|span| !span.iter().any(inside_skip)) =>
            {
                matcher.remember(&found);
                next = found.end;
                out.push(found);
            }
            _ => {}
        }
    }
    out
}

/// What a word says to [`Matcher::cue`], as bits: the lists below in one map, so each word of
/// a clause costs one lookup instead of a scan of every list.
mod cue_word {
    pub(super) const NOT_PAST_ED: u8 = 1;
    pub(super) const IRREGULAR_PAST: u8 = 2;
    pub(super) const BE: u8 = 4;
    pub(super) const FUTURE: u8 = 8;
    pub(super) const WEAK_FUTURE: u8 = 16;
}

static CUE_WORDS: Lazy<WordMap<u8>> = Lazy::new(|| {
    let mut entries: Vec<(&str, u8)> = Vec::new();
    for (list, bit) in [
        (NOT_PAST_ED, cue_word::NOT_PAST_ED),
        (IRREGULAR_PAST, cue_word::IRREGULAR_PAST),
        (BE, cue_word::BE),
        (FUTURE_CUES, cue_word::FUTURE),
        (WEAK_FUTURE_CUES, cue_word::WEAK_FUTURE),
    ] {
        for &word in list {
            // A word on several lists gets every bit.
            let bits = entries
                .iter()
                .filter(|(w, _)| *w == word)
                .fold(bit, |acc, (_, b)| acc | b);
            entries.push((word, bits));
        }
    }
    WordMap::new(entries)
});

/// Words before a four-digit number that make it a count, not a year: [`NOT_BEFORE_YEAR`].
static NOT_BEFORE_YEAR_SET: Lazy<WordMap<()>> =
    Lazy::new(|| WordMap::set(NOT_BEFORE_YEAR.iter().copied()));

/// Words that end in "-ed" without being past-tense verbs.
const NOT_PAST_ED: &[&str] = &[
    "hundred", "naked", "wicked", "sacred", "kindred", "rugged", "ragged", "beloved", "shred",
    "embed", "bed", "red", "wed", "shed", "fed", "sled",
];

/// Past-tense forms that do not end in "-ed".
const IRREGULAR_PAST: &[&str] = &[
    "said",
    "was",
    "were",
    "had",
    "did",
    "has",
    "have",
    "told",
    "went",
    "came",
    "took",
    "made",
    "met",
    "held",
    "left",
    "began",
    "became",
    "gave",
    "saw",
    "lost",
    "fell",
    "rose",
    "spent",
    "sold",
    "bought",
    "found",
    "thought",
    "brought",
    "ran",
    "led",
    "struck",
    "fought",
    "spoke",
    "wrote",
    "sent",
    "built",
    "paid",
    "kept",
    "felt",
    "heard",
    "knew",
    "got",
    "stood",
    "shot",
    "fled",
    "sought",
    "caught",
    "drew",
    "grew",
    "threw",
    "flew",
    "broke",
    "chose",
    "drove",
    "stole",
    "tore",
    "withdrew",
    "arose",
    "dealt",
    "meant",
    "slept",
    "swept",
    "bent",
    "lent",
    "sank",
    "rang",
    "sang",
    "won",
    "ago",
    "overthrew",
    "undertook",
    "forgot",
    "bore",
    "swore",
    "froze",
    "woke",
    "wore",
    "ate",
    "slid",
    "spun",
    "stuck",
    "hung",
    "laid",
    "fed",
];

/// Forms of "be" that make a participle passive ("will be named", "is heard").
const BE: &[&str] = &["be", "been", "being", "is", "are", "am"];

/// Words that put a clause in the future.
const FUTURE_CUES: &[&str] = &[
    "will",
    "shall",
    "gonna",
    "plan",
    "plans",
    "planned",
    "planning",
    "schedule",
    "scheduled",
    "expected",
    "expects",
    "expect",
    "expecting",
    "upcoming",
    "next",
    "coming",
    "tomorrow",
    "slated",
];

/// Words that lean to the future but often report the past ("would", "could", "planned");
/// they decide a month or a date, not a weekday, which news mostly uses for past days.
const WEAK_FUTURE_CUES: &[&str] = &[
    "would",
    "could",
    "might",
    "may",
    "must",
    "should",
    "intend",
    "intends",
    "intended",
    "hope",
    "hopes",
    "aim",
    "aims",
    "aiming",
    "soon",
    "forecast",
    "forecasts",
    "proposed",
    "prepare",
    "prepares",
    "preparing",
    "awaiting",
    "await",
    "supposed",
];

/// Words before a four-digit number that make it a count, an amount or a code, not a year.
const NOT_BEFORE_YEAR: &[&str] = &[
    "no",
    "nos",
    "number",
    "flight",
    "route",
    "room",
    "page",
    "pages",
    "article",
    "section",
    "chapter",
    "model",
    "windows",
    "boeing",
    "airbus",
    "highway",
    "interstate",
    "resolution",
    "rule",
    "code",
    "form",
    "rs",
    "usd",
    "pkr",
    "inr",
    "dollars",
    "than",
    "nearly",
    "almost",
    "about",
    "around",
    "approximately",
    "some",
    "over",
    "least",
    "only",
    "just",
    "total",
    "to",
    "and",
    "or",
    "by",
    "all",
    "with",
    "killed",
    "injured",
    "arrested",
    "dead",
    "dlrs",
    "up",
    "down",
    "rose",
    "fell",
    "at",
    "ext",
];

/// Words that make a weekday part of a name ("Black Friday", "Bloody Sunday").
const WEEKDAY_NAMES: &[&str] = &[
    "black",
    "good",
    "bloody",
    "super",
    "ash",
    "holy",
    "palm",
    "easter",
    "cyber",
    "man",
    "girl",
    "maundy",
    "low",
    "shrove",
    "whit",
    "trinity",
    "mothering",
    "joe",
    "gal",
];

/// Words a month name needs before it to be read as a month when it can also be a name or
/// a verb ("in May", not "May said").
fn introduces_month(kw: Kw) -> bool {
    matches!(
        kw,
        Kw::In
            | Kw::Since
            | Kw::Until
            | Kw::By
            | Kw::During
            | Kw::Through
            | Kw::From
            | Kw::Of
            | Kw::Early
            | Kw::Late
            | Kw::Mid
            | Kw::Last
            | Kw::Next
            | Kw::This
            | Kw::Before
            | Kw::After
            | Kw::End
            | Kw::Beginning
            | Kw::Start
            | Kw::Over
            | Kw::Around
            | Kw::And
            | Kw::Or
    )
}

/// Function words that may stand capitalized before a weekday or month without making it part
/// of a name ("On Friday", "Since March").
fn is_function_word(lex: Lex) -> bool {
    match lex {
        Lex::Word(kw) => !matches!(
            kw,
            Kw::Christmas | Kw::Easter | Kw::Thanksgiving | Kw::Halloween | Kw::New
        ),
        Lex::Month { .. } | Lex::Weekday { .. } | Lex::Number(_) | Lex::Ordinal(_) => true,
        _ => false,
    }
}

/// An amount of units: a number, or an unspecified one ("several").
#[derive(Debug, Clone, Copy)]
struct Amount {
    end: usize,
    value: Option<f64>,
    /// "a"/"an" standing for one.
    article: bool,
}

impl<'a, 't> Matcher<'a, 't> {
    // ---- token helpers -------------------------------------------------------------------

    fn tok(&self, i: usize) -> Option<&Token<'t>> {
        self.tokens.get(i)
    }

    fn lex(&self, i: usize) -> Lex {
        self.tokens.get(i).map_or(Lex::None, |t| t.lex)
    }

    fn kw(&self, i: usize) -> Option<Kw> {
        match self.lex(i) {
            Lex::Word(kw) => Some(kw),
            _ => None,
        }
    }

    fn is(&self, i: usize, kw: Kw) -> bool {
        self.kw(i) == Some(kw)
    }

    fn punct(&self, i: usize, c: char) -> bool {
        self.tok(i).is_some_and(|t| t.is_punct(c))
    }

    /// Token `i` starts right where token `i - 1` ends.
    fn touches(&self, i: usize) -> bool {
        i > 0 && i < self.tokens.len() && self.tokens[i - 1].end == self.tokens[i].start
    }

    fn word_is(&self, i: usize, word: &str) -> bool {
        self.tok(i).is_some_and(|t| t.is_word(word))
    }

    /// The value of a digits token of at most `max_len` digits.
    fn digits(&self, i: usize, max_len: usize) -> Option<u64> {
        let t = self.tok(i)?;
        if t.kind != TokenKind::Digits || t.text.len() > max_len {
            return None;
        }
        t.digits_value()
    }

    fn is_digits(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.kind == TokenKind::Digits)
    }

    fn unit(&self, i: usize) -> Option<(Unit, bool)> {
        match self.lex(i) {
            Lex::Unit { unit, plural } => Some((unit, plural)),
            _ => None,
        }
    }

    /// Token `i` starts a sentence: first token, after a line break or sentence punctuation.
    fn sentence_start(&self, i: usize) -> bool {
        let mut i = i;
        // Opening quotes and brackets do not start anything: look before them.
        for _ in 0..3 {
            if i == 0 {
                return true;
            }
            let Some(t) = self.tok(i) else { return false };
            if t.newline_before || self.is_boundary(i - 1) {
                return true;
            }
            let p = &self.tokens[i - 1];
            if matches!(p.kind, TokenKind::Punct('"' | '\'' | '(' | '[')) {
                i -= 1;
            } else {
                return false;
            }
        }
        false
    }

    /// Token `k` ends a sentence.
    fn is_boundary(&self, k: usize) -> bool {
        let Some(t) = self.tok(k) else { return true };
        match t.kind {
            TokenKind::Punct('!' | '?' | ';') => true,
            TokenKind::Punct('.') => {
                // "Mr." "U.S." "Jan.": a short word or a single letter before the period.
                let abbreviation = k > 0
                    && self.touches(k)
                    && self.tokens[k - 1].kind == TokenKind::Word
                    && (self.tokens[k - 1].text.len() == 1
                        || (self.tokens[k - 1].text.len() <= 4
                            && self.tokens[k - 1].is_capitalized()
                            && !self.tokens[k - 1].is_all_caps()));
                !abbreviation
            }
            _ => false,
        }
    }

    /// A four-digit year at `i`, when the number reads as one (1000 to 2100).
    fn year4(&self, i: usize) -> Option<i32> {
        let t = self.tok(i)?;
        if t.kind != TokenKind::Digits || t.text.len() != 4 {
            return None;
        }
        let y = t.digits_value()?;
        // "2023,000" or "2023.5" are numbers, not years.
        if self.touches(i + 1)
            && (self.punct(i + 1, ',') || self.punct(i + 1, '.'))
            && self.touches(i + 2)
            && self.is_digits(i + 2)
        {
            return None;
        }
        (1000..=2100).contains(&y).then_some(y as i32)
    }

    /// A year at `i`, in digits ("1997") or spoken ("nineteen ninety-seven"): `(year, end)`.
    fn year_at(&self, i: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year4(i) {
            return Some((y, i + 1));
        }
        let f = self.spoken_year(i)?;
        let y = f.value.text.parse().ok()?;
        Some((y, f.end))
    }

    // ---- tense ---------------------------------------------------------------------------

    /// The tense of the clause around tokens `start..end`: the nearest cue before the
    /// expression within its sentence, else the nearest after it.
    fn tense(&self, start: usize, end: usize) -> Tense {
        self.tense_with(start, end, false)
    }

    /// The tense for a weekday: only strong future cues count ("will", "next").
    fn weekday_tense(&self, start: usize, end: usize) -> Tense {
        self.tense_with(start, end, true)
    }

    fn tense_with(&self, start: usize, end: usize, strong_only: bool) -> Tense {
        let cue = |k: usize| match self.cue(k) {
            Some((Tense::Future, false)) if strong_only => None,
            Some((t, _)) => Some(t),
            None => None,
        };
        let mut k = start;
        let mut steps = 0;
        while k > 0 && steps < 14 {
            k -= 1;
            steps += 1;
            if self.is_boundary(k) || self.tokens[k + 1].newline_before {
                break;
            }
            if let Some(t) = cue(k) {
                return t;
            }
        }
        let mut k = end;
        let mut steps = 0;
        while k < self.tokens.len() && steps < 10 {
            if self.tokens[k].newline_before || self.is_boundary(k) {
                break;
            }
            if let Some(t) = cue(k) {
                return t;
            }
            k += 1;
            steps += 1;
        }
        Tense::Unknown
    }

    /// Token `k` in lowercase, when it is an ASCII word of at most 12 letters.
    fn lower<'b>(&self, k: usize, buf: &'b mut [u8; 12]) -> Option<&'b str> {
        let t = self.tok(k)?;
        if t.kind != TokenKind::Word || !t.text.is_ascii() || t.text.len() > 12 {
            return None;
        }
        let bytes = t.text.as_bytes();
        for (b, c) in buf.iter_mut().zip(bytes) {
            *b = c.to_ascii_lowercase();
        }
        std::str::from_utf8(&buf[..bytes.len()]).ok()
    }

    /// The CUE_WORDS bits of token `k`, when it is an ASCII word of at most 12 letters.
    fn cue_bits(&self, k: usize) -> Option<u8> {
        let t = self.tok(k)?;
        if t.kind != TokenKind::Word || t.text.len() > 12 || !t.text.is_ascii() {
            return None;
        }
        // The map ignores ASCII case: no lowercase copy is needed to look the word up.
        Some(CUE_WORDS.get(t.text).unwrap_or(0))
    }

    /// The tense token `k` signals, and whether the signal is strong.
    fn cue(&self, k: usize) -> Option<(Tense, bool)> {
        let t = self.tok(k)?;
        let bits = self.cue_bits(k)?;
        let word = t.text;
        let is = |w: &str| word.eq_ignore_ascii_case(w);
        // Only asked for by the past-tense cues below, which few words reach.
        let passive = || k > 0 && self.cue_bits(k - 1).is_some_and(|b| b & cue_word::BE != 0);
        if (is("set") || is("due")) && (self.is(k + 1, Kw::To) || self.is(k + 1, Kw::For)) {
            return Some((Tense::Future, true));
        }
        // "as soon as Tuesday", "as early as next week"; "is to resume", "are to meet".
        if (is("soon") || is("early")) && self.word_is(k + 1, "as") {
            return Some((Tense::Future, true));
        }
        if is("to") && k > 0 && (self.word_is(k - 1, "is") || self.word_is(k - 1, "are")) {
            return Some((Tense::Future, true));
        }
        // "next to the embassy" is a place.
        if is("next") && self.is(k + 1, Kw::To) {
            return None;
        }
        if is("won") && self.punct(k + 1, '\'') {
            return Some((Tense::Future, true));
        }
        if is("going") && self.is(k + 1, Kw::To) {
            return Some((Tense::Future, true));
        }
        if is("ll") && k > 0 && self.punct(k - 1, '\'') {
            return Some((Tense::Future, true));
        }
        if bits & cue_word::FUTURE != 0 {
            return Some((Tense::Future, true));
        }
        if bits & cue_word::WEAK_FUTURE != 0 {
            // "May" capitalized mid-sentence is a month or a name, not the modal.
            if is("may") && !t.is_lowercase() {
                return None;
            }
            return Some((Tense::Future, false));
        }
        if bits & cue_word::IRREGULAR_PAST != 0 {
            // "is held", "will be sold": a passive participle says nothing of the time.
            if passive() {
                return None;
            }
            return Some((Tense::Past, true));
        }
        let ends_with = |suffix: &[u8]| {
            word.len() >= suffix.len()
                && word.as_bytes()[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
        };
        if word.len() >= 4 && ends_with(b"ed") && t.is_lowercase() {
            if passive() {
                return None;
            }
            if bits & cue_word::NOT_PAST_ED != 0 {
                return None;
            }
            if ends_with(b"eed")
                && !(is("agreed") || is("freed") || is("decreed") || is("guaranteed"))
            {
                return None;
            }
            return Some((Tense::Past, true));
        }
        None
    }

    // ---- document context ----------------------------------------------------------------

    fn remember(&mut self, found: &Found) {
        if !found.explicit || !found.value.anchored {
            return;
        }
        let v = found.value.text.as_str();
        let year = v
            .get(..4)
            .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|y| y.parse::<i32>().ok());
        let Some(year) = year else { return };
        if found.kind == TimeKind::Duration || found.kind == TimeKind::Set {
            return;
        }
        self.ctx.last_year = Some(year);
        if let Some(q) = v.strip_prefix(&v[..4]).and_then(|r| r.strip_prefix("-Q")) {
            if let Ok(q) = q.parse::<u32>() {
                self.ctx.last_quarter = Some((year, q));
            }
        }
        if let Some(d) = v.get(..10).and_then(|d| d.parse::<Date>().ok()) {
            self.ctx.last_date = Some(d);
        }
    }

    /// The date an expression like "two days later" counts from: the last date the text
    /// mentioned, else the reference date.
    fn context_date(&self) -> Option<Date> {
        self.ctx.last_date.or(self.anchor)
    }

    fn context_year(&self) -> Option<i32> {
        self.ctx
            .last_year
            .or_else(|| self.ctx.last_date.map(|d| d.year()))
            .or_else(|| self.anchor.map(|a| a.year()))
    }

    // ---- results -------------------------------------------------------------------------

    fn found(&self, start: usize, end: usize, kind: TimeKind, value: Value) -> Option<Found> {
        Some(Found {
            start,
            end,
            value,
            kind,
            takes_the: false,
            explicit: true,
        })
    }

    fn date(&self, start: usize, end: usize, value: Value) -> Option<Found> {
        self.found(start, end, TimeKind::Date, value)
    }

    // ---- entry points --------------------------------------------------------------------

    fn match_at(&self, i: usize) -> Option<Found> {
        if let Some(j) = self.qualifier_end(i) {
            // The cheap test first: "about the", "over a" are seldom amounts.
            if !self.starts_with_amount(j) {
                return None;
            }
            let f = self.core(j)?;
            return Some(Found { start: i, ..f });
        }
        if let Some(f) = self.with_position(i) {
            return Some(f);
        }
        self.core(i)
    }

    /// Whether a match can start at token `i`: see [`can_start`].
    fn can_start(&self, i: usize) -> bool {
        self.tok(i).is_some_and(can_start)
    }

    /// Token `i` is "the", "a" or "an" before a word the lexicon does not know and that
    /// starts nothing, which is most of their occurrences: [`Matcher::match_at`] finds nothing
    /// there ([`Matcher::the_rules`] and [`Matcher::amount_rules`] read that word first), and
    /// this costs less than the calls that find it out.
    fn dead_article(&self, i: usize) -> bool {
        let next = match self.tok(i + 1) {
            Some(t) if t.lex != Lex::None => return false,
            next => next,
        };
        match self.lex(i) {
            // "the foreseeable future", "the comparable period" (`the_rules`).
            Lex::Word(Kw::The) => next.map_or(true, |t| {
                !can_start(t) && !t.is_word("foreseeable") && !t.is_word("comparable")
            }),
            // "a 6-year-old", "a trading day" (`unit_after`).
            Lex::Word(Kw::A | Kw::An) => next.map_or(true, |t| {
                !t.is_punct('-') && !UNIT_MODIFIERS.iter().any(|w| t.is_word(w))
            }),
            _ => false,
        }
    }

    /// "at least", "more than", "nearly" ... before a number of units.
    fn qualifier_end(&self, i: usize) -> Option<usize> {
        match self.kw(i)? {
            Kw::At if self.is(i + 1, Kw::Least) || self.is(i + 1, Kw::Most) => Some(i + 2),
            Kw::More | Kw::Less if self.is(i + 1, Kw::Than) => Some(i + 2),
            Kw::Up if self.is(i + 1, Kw::To) => Some(i + 2),
            Kw::Nearly
            | Kw::Almost
            | Kw::About
            | Kw::Around
            | Kw::Approximately
            | Kw::Roughly
            | Kw::Some
            | Kw::Over
            | Kw::Under => Some(i + 1),
            _ => None,
        }
    }

    fn starts_with_amount(&self, j: usize) -> bool {
        match self.lex(j) {
            Lex::Number(_) => true,
            Lex::Word(Kw::A | Kw::An | Kw::Half | Kw::Several | Kw::Few) => true,
            _ => self.is_digits(j),
        }
    }

    /// "early", "late", "mid-", "earlier", "later", "the end of" before a date.
    fn with_position(&self, i: usize) -> Option<Found> {
        let j = match self.kw(i)? {
            Kw::Early | Kw::Late | Kw::Earlier | Kw::Later | Kw::Mid => {
                let mut j = i + 1;
                if self.punct(j, '-') && self.touches(j) {
                    j += 1;
                }
                if self.is(i, Kw::Mid) || self.is(i, Kw::Early) || self.is(i, Kw::Late) {
                    // "mid-afternoon", "late evening": a part of the reference day.
                    if let Lex::DayPart(part) = self.lex(j) {
                        let (day, end) = self.attached_day(j + 1);
                        let value = day.with_time(part.code());
                        return self.found(i, end.max(j + 1), TimeKind::Time, value);
                    }
                }
                j
            }
            Kw::The
                if matches!(self.kw(i + 1), Some(Kw::End | Kw::Beginning | Kw::Start))
                    && self.is(i + 2, Kw::Of) =>
            {
                i + 3
            }
            Kw::End | Kw::Beginning | Kw::Start if self.is(i + 1, Kw::Of) => i + 2,
            _ => return None,
        };
        let f = self.core(j)?;
        if matches!(f.kind, TimeKind::Date | TimeKind::Time) && !f.value.text.starts_with('P') {
            Some(Found { start: i, ..f })
        } else {
            None
        }
    }

    /// The rules that start at token `i`.
    fn core(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        match t.kind {
            TokenKind::Digits => self.digit_rules(i),
            TokenKind::Punct('\'') => self.apostrophe_decade(i),
            TokenKind::Punct(_) => None,
            TokenKind::Word => match t.lex {
                Lex::Month { .. } => self.month_rules(i),
                Lex::Weekday { .. } => self.weekday_rules(i),
                Lex::Number(_) => self.spoken_year(i).or_else(|| self.amount_rules(i)),
                Lex::Scale { .. } => None,
                Lex::Ordinal(_) => self.ordinal_rules(i),
                Lex::Season(_) => self.season_rule(i),
                Lex::Unit { .. } => self.bare_unit_rules(i),
                Lex::DayPart(_) => None,
                Lex::Word(kw) => self.keyword_rules(i, kw),
                Lex::None => self.code_rules(i).or_else(|| self.final_quarter(i)),
            },
        }
    }

    // ---- digits --------------------------------------------------------------------------

    fn digit_rules(&self, i: usize) -> Option<Found> {
        self.numeric_date(i)
            .or_else(|| self.clock_time(i))
            .or_else(|| self.day_month(i))
            .or_else(|| self.decade_digits(i))
            .or_else(|| self.year_quarter(i))
            .or_else(|| self.amount_rules(i))
            .or_else(|| self.ordinal_digits(i))
            .or_else(|| self.year_alone(i))
    }

    /// "2023-05-09", "2023/05/09", "05/09/2023", "9.5.2023", "2021-08".
    fn numeric_date(&self, i: usize) -> Option<Found> {
        let first = self.tok(i)?;
        let sep = match self.tok(i + 1)?.kind {
            TokenKind::Punct(c @ ('-' | '/' | '.')) if self.touches(i + 1) => c,
            _ => return None,
        };
        if !self.touches(i + 2) || !self.is_digits(i + 2) {
            return None;
        }
        let second_len = self.tok(i + 2)?.text.len();
        let has_third = self.punct(i + 3, sep) && self.touches(i + 3) && self.touches(i + 4);
        let third = if has_third {
            self.digits(i + 4, 4)
        } else {
            None
        };
        let n1 = first.digits_value()?;
        let n2 = self.digits(i + 2, 2)?;
        if first.text.len() == 4 {
            if let Some(n3) = third {
                if self.tok(i + 4)?.text.len() > 2 {
                    return None;
                }
                let v = resolve::full_date(n1 as i32, n2 as u32, n3 as u32)?;
                return self.date(i, i + 5, v);
            }
            // "2021-08": ISO year-month; "1990-91" is a range of years, left to the year rule.
            if sep == '-' && second_len == 2 && (1..=12).contains(&n2) && self.year4(i).is_some() {
                if self.punct(i + 3, '-') && self.touches(i + 3) {
                    return None;
                }
                return self.date(i, i + 3, resolve::year_month(n1 as i32, n2 as u32));
            }
            return None;
        }
        let n3 = third?;
        let year_len = self.tok(i + 4)?.text.len();
        if first.text.len() > 2 || (year_len != 4 && year_len != 2) {
            return None;
        }
        let year = if year_len == 2 {
            // Two-digit years: the century that puts the year nearest the reference date.
            let base = self
                .anchor
                .map_or(2000, |a| a.year() - a.year().rem_euclid(100));
            let mut y = base + n3 as i32;
            if let Some(a) = self.anchor {
                if y > a.year() + 20 {
                    y -= 100;
                }
            }
            y
        } else {
            n3 as i32
        };
        // Month first (US) unless the first number cannot be a month; dotted dates are
        // day-first (European).
        let (month, day) = if sep == '.' || n1 > 12 {
            (n2, n1)
        } else {
            (n1, n2)
        };
        let v = resolve::full_date(year, month as u32, day as u32)?;
        self.date(i, i + 5, v)
    }

    /// "3 p.m.", "10:35 a.m.", "15:00 GMT", "1500 GMT", "10 p.m. Wednesday".
    fn clock_time(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        let len = t.text.len();
        let n = t.digits_value()?;
        let mut j = i + 1;
        let (mut hour, minute, colon) = if len <= 2 {
            if (self.punct(j, ':') || self.punct(j, '.'))
                && self.touches(j)
                && self.touches(j + 1)
                && self.tok(j + 1).is_some_and(|m| m.text.len() == 2)
            {
                let m = self.digits(j + 1, 2)?;
                let colon = self.punct(j, ':');
                j += 2;
                // Seconds.
                if colon && self.punct(j, ':') && self.touches(j) && self.digits(j + 1, 2).is_some()
                {
                    j += 2;
                }
                (n, m, colon)
            } else {
                (n, 0, false)
            }
        } else if len == 4 {
            // "1500 GMT": military time needs a zone after it.
            if !self.is(i + 1, Kw::Zone) {
                return None;
            }
            (n / 100, n % 100, true)
        } else {
            return None;
        };
        if hour > 24 || minute > 59 {
            return None;
        }
        let meridiem = self.meridiem(j);
        let mut matched = colon;
        if let Some((pm, end)) = meridiem {
            if hour == 0 || hour > 12 {
                return None;
            }
            hour = match (pm, hour) {
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, 12) => 0,
                (false, h) => h,
            };
            j = end;
            matched = true;
        } else if !colon && self.word_is(j, "o") && self.punct(j + 1, '\'') {
            // "five o'clock" is rare with digits; "5 o'clock".
            if self.word_is(j + 2, "clock") {
                j += 3;
                matched = true;
            }
        }
        if !matched {
            // "4 in the morning".
            if self.is(j, Kw::In) && self.is(j + 1, Kw::The) {
                if let Lex::DayPart(part) = self.lex(j + 2) {
                    if hour <= 12 {
                        if matches!(part, DayPart::Afternoon | DayPart::Evening)
                            || (part == DayPart::Night && hour >= 6)
                        {
                            hour = (hour + 12) % 24;
                        }
                        j += 3;
                        matched = true;
                    }
                }
            }
        }
        if !matched {
            return None;
        }
        if colon && meridiem.is_none() && len <= 2 && t.text.len() == 1 && !self.is(j, Kw::Zone) {
            // "3:30" alone is as likely a score or a ratio as a time; "3:30 p.m." is a time.
            let after_at = i > 0 && (self.is(i - 1, Kw::At) || self.is(i - 1, Kw::By));
            if !after_at {
                return None;
            }
        }
        if self.is(j, Kw::Zone) {
            j += 1;
        }
        let clock = format!("{hour:02}:{minute:02}");
        let (day, end) = self.attached_day(j);
        self.found(i, end, TimeKind::Time, day.with_time(&clock))
    }

    /// "a.m.", "pm", "p.m" at token `j`: `(is_pm, end)`.
    fn meridiem(&self, j: usize) -> Option<(bool, usize)> {
        match self.kw(j) {
            Some(Kw::Am) => return Some((false, j + 1)),
            Some(Kw::Pm) => return Some((true, j + 1)),
            _ => {}
        }
        let t = self.tok(j)?;
        let pm = if t.is_word("a") {
            false
        } else if t.is_word("p") {
            true
        } else {
            return None;
        };
        if !(self.punct(j + 1, '.') && self.touches(j + 1) && self.word_is(j + 2, "m")) {
            return None;
        }
        let mut end = j + 3;
        if self.punct(end, '.') && self.touches(end) {
            end += 1;
        }
        Some((pm, end))
    }

    /// The day a time of day is attached to ("10 p.m. Wednesday", "noon today"), else the
    /// reference date; returns the day value and the end of the expression.
    fn attached_day(&self, j: usize) -> (Value, usize) {
        let mut k = j;
        if self.punct(k, ',') {
            k += 1;
        }
        if self.is(k, Kw::On) {
            k += 1;
        }
        match self.lex(k) {
            Lex::Weekday {
                weekday,
                plural: false,
            } if self.tok(k).is_some_and(Token::is_capitalized) => {
                if let Some(f) = self.weekday_with_date(k) {
                    return (f.value, f.end);
                }
                let tense = self.weekday_tense(j, k + 1);
                return (
                    resolve::weekday(self.anchor, tense, u32::from(weekday), Shift::Bare),
                    k + 1,
                );
            }
            Lex::Word(Kw::Today) => return (resolve::day_offset(self.anchor, 0), k + 1),
            Lex::Word(Kw::Yesterday) => return (resolve::day_offset(self.anchor, -1), k + 1),
            Lex::Word(Kw::Tomorrow) => return (resolve::day_offset(self.anchor, 1), k + 1),
            Lex::Month { .. } => {
                if let Some(f) = self.month_day(k) {
                    return (f.value, f.end);
                }
            }
            _ => {}
        }
        (resolve::day_offset(self.anchor, 0), j)
    }

    /// "9 May 2023", "9th of May", "25 December".
    fn day_month(&self, i: usize) -> Option<Found> {
        let day = self.digits(i, 2)?;
        if !(1..=31).contains(&day) {
            return None;
        }
        let mut j = i + 1;
        if self.touches(j) && self.is_ordinal_suffix(j) {
            j += 1;
        }
        if self.is(j, Kw::Of) {
            j += 1;
        }
        let Lex::Month { month, abbreviated } = self.lex(j) else {
            return None;
        };
        if !self.tok(j)?.is_capitalized() {
            return None;
        }
        let mut end = j + 1;
        if abbreviated && self.punct(end, '.') && self.touches(end) {
            end += 1;
        }
        let mut k = end;
        if self.punct(k, ',') {
            k += 1;
        }
        if let Some(y) = self.year4(k) {
            let v = resolve::full_date(y, u32::from(month), day as u32)?;
            return self.date(i, k + 1, v);
        }
        let tense = self.tense(i, end);
        let v = resolve::month_day(self.anchor, tense, u32::from(month), day as u32)?;
        self.date(i, end, v)
    }

    fn is_ordinal_suffix(&self, j: usize) -> bool {
        ["st", "nd", "rd", "th"].iter().any(|s| self.word_is(j, s))
    }

    /// "1990s", "1990's", "1900s".
    fn decade_digits(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        if t.text.len() != 4 || !t.text.ends_with('0') {
            return None;
        }
        let y = t.digits_value()?;
        if !(1000..=2100).contains(&y) {
            return None;
        }
        let end = if self.word_is(i + 1, "s") && self.touches(i + 1) {
            i + 2
        } else if self.punct(i + 1, '\'')
            && self.touches(i + 1)
            && self.word_is(i + 2, "s")
            && self.touches(i + 2)
        {
            i + 3
        } else {
            return None;
        };
        let mut f = self.date(i, end, Value::fixed(&t.text[..3]))?;
        f.takes_the = true;
        Some(f)
    }

    /// "'80s", "'90s".
    fn apostrophe_decade(&self, i: usize) -> Option<Found> {
        let t = self.tok(i + 1)?;
        if !self.touches(i + 1) || t.text.len() != 2 || !t.text.ends_with('0') {
            return None;
        }
        if !(self.word_is(i + 2, "s") && self.touches(i + 2)) {
            return None;
        }
        let n = t.digits_value()? as i32;
        let f = self.decade_from_two_digits(n, i, i + 3)?;
        Some(f)
    }

    fn decade_from_two_digits(&self, n: i32, start: usize, end: usize) -> Option<Found> {
        // '20s written in 2023 are the 2020s; '80s the 1980s.
        let century = match self.anchor {
            Some(a) if 2000 + n <= a.year() + 5 => 20,
            Some(_) => 19,
            None if n <= 20 => 20,
            None => 19,
        };
        let mut f = self.date(start, end, Value::fixed(format!("{century}{}", n / 10)))?;
        f.takes_the = true;
        Some(f)
    }

    /// "1988 third quarter", "1990 first-half".
    fn year_quarter(&self, i: usize) -> Option<Found> {
        let y = self.year4(i)?;
        // "the 1988 quarter", "the 1989 period": the quarter under discussion, in that year.
        if i > 0 && self.is(i - 1, Kw::The) {
            let quarter_word = matches!(
                self.lex(i + 1),
                Lex::Unit {
                    unit: Unit::Quarter,
                    plural: false
                }
            );
            if quarter_word || self.word_is(i + 1, "period") {
                let v = match self.ctx.last_quarter {
                    Some((_, q)) => Value::fixed(format!("{y:04}-Q{q}")),
                    None if quarter_word => return None,
                    None => resolve::year(y),
                };
                let mut f = self.date(i, i + 2, v)?;
                f.takes_the = true;
                f.explicit = false;
                return Some(f);
            }
        }
        let (which, unit, end) = self.ordinal_period(i + 1)?;
        let v = match unit {
            Unit::Quarter => Value::fixed(format!("{y:04}-Q{which}")),
            _ => Value::fixed(format!("{y:04}-H{which}")),
        };
        let mut f = self.date(i, end, v)?;
        f.takes_the = true;
        Some(f)
    }

    /// "third quarter", "third-quarter", "first half" at `i`: `(n, Quarter|Year(half), end)`.
    fn ordinal_period(&self, i: usize) -> Option<(u32, Unit, usize)> {
        let n = match self.lex(i) {
            Lex::Ordinal(n) => n,
            // "the final quarter" is the fourth.
            _ if self.word_is(i, "final")
                && matches!(
                    self.lex(i + 1),
                    Lex::Unit {
                        unit: Unit::Quarter,
                        plural: false
                    }
                ) =>
            {
                4
            }
            _ => return None,
        };
        let mut j = i + 1;
        if self.punct(j, '-') && self.touches(j) {
            j += 1;
        }
        match self.lex(j) {
            Lex::Unit {
                unit: Unit::Quarter,
                plural: false,
            } if (1..=4).contains(&n) => Some((n, Unit::Quarter, j + 1)),
            Lex::Word(Kw::Half) if (1..=2).contains(&n) => Some((n, Unit::Year, j + 1)),
            _ => None,
        }
    }

    /// "the final quarter (of 2009)".
    fn final_quarter(&self, i: usize) -> Option<Found> {
        let (n, which, end) = self.ordinal_period(i)?;
        let (v, end) = self.period_year_spec(n, which, end, i)?;
        let mut f = self.date(i, end, v)?;
        f.takes_the = true;
        Some(f)
    }

    /// "20th century", "21st century".
    fn ordinal_digits(&self, i: usize) -> Option<Found> {
        let n = self.digits(i, 2)?;
        if !(self.touches(i + 1) && self.is_ordinal_suffix(i + 1)) {
            return None;
        }
        self.century(n as u32, i, i + 2)
    }

    fn century(&self, n: u32, start: usize, j: usize) -> Option<Found> {
        if !matches!(
            self.lex(j),
            Lex::Unit {
                unit: Unit::Century,
                plural: false
            }
        ) || !(1..=30).contains(&n)
        {
            return None;
        }
        let mut f = self.date(start, j + 1, Value::fixed(format!("{:02}", n - 1)))?;
        f.takes_the = true;
        Some(f)
    }

    /// A bare four-digit year, unless the number is a count, money, or part of a name.
    fn year_alone(&self, i: usize) -> Option<Found> {
        let y = self.year4(i)?;
        let prev = i.checked_sub(1).and_then(|p| self.tok(p));
        let prev_kw = i.checked_sub(1).and_then(|p| self.kw(p));
        let introduced = matches!(
            prev_kw,
            Some(
                Kw::In
                    | Kw::Since
                    | Kw::Until
                    | Kw::By
                    | Kw::During
                    | Kw::Through
                    | Kw::From
                    | Kw::Of
                    | Kw::Before
                    | Kw::After
                    | Kw::Early
                    | Kw::Late
                    | Kw::Mid
                    | Kw::Fiscal
                    | Kw::The
            )
        );
        if !introduced && !(1900..=2100).contains(&y) {
            return None;
        }
        if let Some(p) = prev {
            // Money, numbers and codes: "$2000", "No. 1990", "Flight 2020", "#1999".
            if matches!(
                p.kind,
                TokenKind::Punct('$' | '£' | '€' | '¥' | '#' | '+' | '/')
            ) || (matches!(p.kind, TokenKind::Punct('-' | '.' | ',' | ':'))
                && self.touches(i)
                && !self.after_hyphen_prefix(i))
            {
                return None;
            }
            if p.kind == TokenKind::Word && NOT_BEFORE_YEAR_SET.contains(p.text) {
                // "by 2020" is a year unless it follows a number ("rose by 2000 to ...");
                // "1990 to 1995" keeps both years.
                let keeps = match prev_kw {
                    Some(Kw::By) => i < 2 || !self.is_digits(i - 2),
                    Some(Kw::To | Kw::And | Kw::Or) => i >= 2 && self.year4(i - 2).is_some(),
                    _ => false,
                };
                if !keeps {
                    return None;
                }
            }
        }
        if let Some(n) = self.tok(i + 1) {
            if n.is_punct('%')
                || (n.is_punct('-')
                    && self.touches(i + 1)
                    && self.touches(i + 2)
                    && self.tok(i + 2).is_some_and(|t| t.kind == TokenKind::Word))
            {
                // "2000%", "2000-strong"
                return None;
            }
            if n.kind == TokenKind::Word && n.is_lowercase() && is_count_noun(n.text) {
                return None;
            }
            if let Lex::Scale { .. } = n.lex {
                return None;
            }
        }
        self.date(i, i + 1, resolve::year(y))
    }

    // ---- months and weekdays -------------------------------------------------------------

    fn month_rules(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        let Lex::Month { month, abbreviated } = t.lex else {
            return None;
        };
        if !t.is_capitalized() {
            return None;
        }
        if let Some(f) = self.month_day(i) {
            return Some(f);
        }
        let mut j = i + 1;
        if abbreviated && self.punct(j, '.') && self.touches(j) {
            j += 1;
        }
        // "August 2021", "March of 1999".
        let k = if self.is(j, Kw::Of) { j + 1 } else { j };
        if let Some((y, end)) = self.year_at(k) {
            return self.date(i, end, resolve::year_month(y, u32::from(month)));
        }
        // "January this year", "July last year".
        if let Some(offset) = self.relative_year_at(j) {
            let v = resolve::month_of_relative_year(self.anchor, u32::from(month), offset);
            return self.date(i, j + 2, v);
        }
        if abbreviated {
            return None;
        }
        if !self.month_alone_ok(i) {
            return None;
        }
        let tense = self.tense(i, j);
        self.date(i, j, resolve::month(self.anchor, tense, u32::from(month)))
    }

    /// A month name standing alone is a month, not a name or a verb.
    fn month_alone_ok(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        let prev_kw = i.checked_sub(1).and_then(|p| self.kw(p));
        let introduced = prev_kw.is_some_and(introduces_month) || self.after_hyphen_prefix(i);
        // "the ``March of the Mothers'': a title in quotes.
        if i > 0
            && self
                .tok(i - 1)
                .is_some_and(|p| p.is_punct('"') || p.is_punct('\''))
        {
            return false;
        }
        if let Lex::Month { month: 5, .. } = t.lex {
            // "May" is also the modal and a surname: only "in May", "last May" ...
            return t.text == "May" && introduced;
        }
        if t.is_all_caps() && !introduced {
            return false;
        }
        // "June Carter", "August Wilson": a capitalized word after the month makes a name.
        if let Some(n) = self.tok(i + 1) {
            if n.kind == TokenKind::Word && n.is_capitalized() && !is_function_word(n.lex) {
                return false;
            }
        }
        // "Lady April", "Theresa March": a name before it.
        if i > 0 && !introduced && !self.sentence_start(i) {
            if let Some(p) = self.tok(i - 1) {
                if p.kind == TokenKind::Word && p.is_capitalized() && !is_function_word(p.lex) {
                    return false;
                }
                if p.is_punct('-') && !introduced {
                    return false;
                }
            }
        }
        // "March on Washington" style verbs: "March" directly followed by a preposition that
        // only a verb takes.
        if let Lex::Month { month: 3, .. } = t.lex {
            if !introduced
                && ["on", "to", "for", "against", "of"]
                    .iter()
                    .any(|w| self.word_is(i + 1, w))
            {
                return false;
            }
        }
        true
    }

    /// Token `i` follows "mid-", "early-", "late-", "pre-", "post-" written with a hyphen.
    fn after_hyphen_prefix(&self, i: usize) -> bool {
        i >= 2
            && self.punct(i - 1, '-')
            && self.touches(i)
            && self.touches(i - 1)
            && (matches!(self.kw(i - 2), Some(Kw::Mid | Kw::Early | Kw::Late))
                || self.word_is(i - 2, "pre")
                || self.word_is(i - 2, "post"))
    }

    /// "this year", "last year", "next year" at `j`: the year offset.
    fn relative_year_at(&self, j: usize) -> Option<i64> {
        let offset = match self.kw(j)? {
            Kw::This => 0,
            Kw::Last => -1,
            Kw::Next => 1,
            _ => return None,
        };
        matches!(
            self.lex(j + 1),
            Lex::Unit {
                unit: Unit::Year,
                plural: false
            }
        )
        .then_some(offset)
    }

    /// "May 9", "Sept. 30, 1989", "March eighth", "Jan. 5th".
    fn month_day(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        let Lex::Month { month, abbreviated } = t.lex else {
            return None;
        };
        if !t.is_capitalized() {
            return None;
        }
        let mut j = i + 1;
        if abbreviated && self.punct(j, '.') && self.touches(j) {
            j += 1;
        }
        let (day, mut end) = if let Some(d) = self.digits(j, 2) {
            // "May 5,000", "May 5.5", "March 3:30" are not dates.
            if let Some(n) = self.tok(j + 1) {
                if self.touches(j + 1)
                    && matches!(n.kind, TokenKind::Punct(',' | '.' | ':' | '%'))
                    && self.is_digits(j + 2)
                    && self.touches(j + 2)
                {
                    return None;
                }
            }
            let mut e = j + 1;
            if self.touches(e) && self.is_ordinal_suffix(e) {
                e += 1;
            }
            (d as u32, e)
        } else if let Lex::Ordinal(n) = self.lex(j) {
            // "March eighth", "March twenty-first".
            (n, j + 1)
        } else if let (Lex::Number(20 | 30), true, Lex::Ordinal(n)) =
            (self.lex(j), self.punct(j + 1, '-'), self.lex(j + 2))
        {
            let Lex::Number(tens) = self.lex(j) else {
                return None;
            };
            (tens + n, j + 3)
        } else {
            return None;
        };
        if !(1..=31).contains(&day) {
            return None;
        }
        // "May 9" needs the capital; "may 9" stays a verb.
        let mut k = end;
        if self.punct(k, ',') {
            k += 1;
        }
        if let Some(y) = self.year4(k) {
            let v = resolve::full_date(y, u32::from(month), day)?;
            end = k + 1;
            return self.date(i, end, v);
        }
        let tense = self.tense(i, end);
        let v = resolve::month_day(self.anchor, tense, u32::from(month), day)?;
        self.date(i, end, v)
    }

    fn weekday_rules(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        let Lex::Weekday { weekday, plural } = t.lex else {
            return None;
        };
        if !t.is_capitalized() {
            return None;
        }
        // "Black Friday", "Man Friday", "Bloody Sunday": a name, not a date we can resolve.
        if i > 0
            && self.tok(i - 1).is_some_and(|p| {
                p.is_capitalized() && WEEKDAY_NAMES.iter().any(|w| p.text.eq_ignore_ascii_case(w))
            })
        {
            return None;
        }
        if plural {
            let mut v = Value::fixed(format!("XXXX-WXX-{weekday}"));
            let mut end = i + 1;
            if let Lex::DayPart(part) = self.lex(i + 1) {
                v = v.with_time(part.code());
                end += 1;
            }
            return self.found(i, end, TimeKind::Set, v);
        }
        if let Some(f) = self.weekday_with_date(i) {
            return Some(f);
        }
        let tense = self.weekday_tense(i, i + 1);
        let v = resolve::weekday(self.anchor, tense, u32::from(weekday), Shift::Bare);
        self.with_day_part(i, i + 1, v)
    }

    /// "Friday, Oct. 23", "Saturday, April 25, 1998": the explicit date decides.
    fn weekday_with_date(&self, i: usize) -> Option<Found> {
        let mut j = i + 1;
        if self.punct(j, ',') {
            j += 1;
        }
        let f = self.month_day(j)?;
        Some(Found { start: i, ..f })
    }

    /// A day value followed by "morning", "night" ...: a time of day on that day.
    fn with_day_part(&self, start: usize, end: usize, day: Value) -> Option<Found> {
        if let Lex::DayPart(part) = self.lex(end) {
            return self.found(start, end + 1, TimeKind::Time, day.with_time(part.code()));
        }
        self.date(start, end, day)
    }

    // ---- words ---------------------------------------------------------------------------

    fn keyword_rules(&self, i: usize, kw: Kw) -> Option<Found> {
        let anchor = self.anchor;
        match kw {
            Kw::Today => {
                // "VOA Today", "USA Today": a name.
                if self.tok(i)?.is_capitalized() && !self.sentence_start(i) {
                    return None;
                }
                self.date(i, i + 1, resolve::day_offset(anchor, 0))
            }
            Kw::Tonight => self.found(
                i,
                i + 1,
                TimeKind::Time,
                resolve::day_offset(anchor, 0).with_time("NI"),
            ),
            Kw::Yesterday => self.with_day_part(i, i + 1, resolve::day_offset(anchor, -1)),
            Kw::Tomorrow => self.with_day_part(i, i + 1, resolve::day_offset(anchor, 1)),
            Kw::Now => {
                // "now-defunct" is an adjective; "Now, ..." opens a sentence as a discourse
                // marker more often than it dates anything.
                if (self.punct(i + 1, '-') && self.touches(i + 1))
                    || (self.punct(i + 1, ',') && self.tok(i)?.is_capitalized())
                {
                    return None;
                }
                self.date(i, i + 1, Value::fixed("PRESENT_REF"))
            }
            Kw::Currently | Kw::Presently | Kw::Nowadays => {
                self.date(i, i + 1, Value::fixed("PRESENT_REF"))
            }
            Kw::Current => self.current(i),
            Kw::Recently | Kw::Lately => self.date(i, i + 1, Value::fixed("PAST_REF")),
            Kw::Recent => self.recent(i),
            Kw::Future => {
                let after_in = i > 0 && self.is(i - 1, Kw::In);
                if after_in {
                    return self.date(i, i + 1, Value::fixed("FUTURE_REF"));
                }
                if matches!(self.unit(i + 1), Some((_, true))) {
                    return self.date(i, i + 2, Value::fixed("FUTURE_REF"));
                }
                None
            }
            Kw::Last
            | Kw::Next
            | Kw::This
            | Kw::Past
            | Kw::Coming
            | Kw::Upcoming
            | Kw::Previous
            | Kw::Prior
            | Kw::Following
            | Kw::That
            | Kw::These
            | Kw::Latest => self.relative(i, kw),
            Kw::Every | Kw::Each => self.every(i),
            Kw::Per => {
                let (unit, plural) = self.unit(i + 1)?;
                if plural {
                    return None;
                }
                self.found(
                    i,
                    i + 2,
                    TimeKind::Set,
                    Value::fixed(resolve::duration(Some(1.0), unit)),
                )
            }
            Kw::Daily | Kw::Weekly | Kw::Monthly | Kw::Yearly | Kw::Annually | Kw::Hourly => {
                let t = self.tok(i)?;
                // "Daily Mail", "The Daily Star": a name.
                if t.is_capitalized() && !self.sentence_start(i) {
                    return None;
                }
                let value = match kw {
                    Kw::Daily => "P1D",
                    Kw::Weekly => "P1W",
                    Kw::Monthly => "P1M",
                    Kw::Hourly => "PT1H",
                    _ => "P1Y",
                };
                self.found(i, i + 1, TimeKind::Set, Value::fixed(value))
            }
            Kw::Fiscal => self.fiscal(i),
            Kw::Noon | Kw::Midday | Kw::Midnight => {
                // "High Noon": a title.
                if self.tok(i)?.is_capitalized() && !self.sentence_start(i) {
                    return None;
                }
                let clock = if kw == Kw::Midnight { "24:00" } else { "12:00" };
                let (day, end) = self.attached_day(i + 1);
                self.found(i, end, TimeKind::Time, day.with_time(clock))
            }
            Kw::Christmas | Kw::Easter | Kw::Thanksgiving | Kw::Halloween | Kw::New => {
                let (holiday, end) = self.holiday_at(i)?;
                let mut k = end;
                if self.punct(k, ',') {
                    k += 1;
                }
                if let Some(y) = self.year4(k) {
                    return self.date(i, k + 1, resolve::holiday_in(holiday, y));
                }
                let tense = self.tense(i, end);
                self.date(i, end, resolve::holiday(anchor, tense, holiday, 0))
            }
            Kw::The => self.the_rules(i),
            Kw::A | Kw::An | Kw::Several | Kw::Few | Kw::Many | Kw::Some | Kw::Half => {
                self.amount_rules(i)
            }
            _ => None,
        }
    }

    /// "current" as a time word ("current conditions") or period ("the current quarter").
    fn current(&self, i: usize) -> Option<Found> {
        if self.is(i + 1, Kw::Fiscal) && matches!(self.unit(i + 2), Some((Unit::Year, false))) {
            let mut f = self.date(i, i + 3, resolve::period(self.anchor, Unit::Year, 0))?;
            f.takes_the = true;
            return Some(f);
        }
        if let Some((unit, false)) = self.unit(i + 1) {
            if matches!(
                unit,
                Unit::Year
                    | Unit::Quarter
                    | Unit::Month
                    | Unit::Week
                    | Unit::Decade
                    | Unit::Century
            ) {
                let mut f = self.date(i, i + 2, resolve::period(self.anchor, unit, 0))?;
                f.takes_the = true;
                return Some(f);
            }
        }
        // "current account", "current-account deficit": economics, not time.
        if self.word_is(i + 1, "account") || self.word_is(i + 1, "accounts") {
            return None;
        }
        if (self.punct(i + 1, '-') && self.touches(i + 1)) || self.tok(i)?.is_capitalized() {
            return None;
        }
        self.date(i, i + 1, Value::fixed("PRESENT_REF"))
    }

    /// "recent" ("recent weeks", "a recent survey").
    fn recent(&self, i: usize) -> Option<Found> {
        if let Some((unit, true)) = self.unit(i + 1) {
            if unit == Unit::Year || unit == Unit::Decade {
                return self.date(i, i + 2, Value::fixed("PAST_REF"));
            }
            let mut f = self.found(
                i,
                i + 2,
                TimeKind::Duration,
                Value::fixed(resolve::duration(None, unit)),
            )?;
            f.takes_the = true;
            return Some(f);
        }
        self.date(i, i + 1, Value::fixed("PAST_REF"))
    }

    /// "Christmas", "Christmas Eve", "New Year's Day", "Easter Sunday", "Thanksgiving Day".
    fn holiday_at(&self, i: usize) -> Option<(Holiday, usize)> {
        let t = self.tok(i)?;
        if !t.is_capitalized() {
            return None;
        }
        let (holiday, mut end) = match t.lex {
            Lex::Word(Kw::Christmas) => {
                if self.is(i + 1, Kw::Eve) {
                    (Holiday::ChristmasEve, i + 2)
                } else {
                    (Holiday::Christmas, i + 1)
                }
            }
            Lex::Word(Kw::Easter) => (Holiday::Easter, i + 1),
            Lex::Word(Kw::Thanksgiving) => (Holiday::Thanksgiving, i + 1),
            Lex::Word(Kw::Halloween) => (Holiday::Halloween, i + 1),
            Lex::Word(Kw::New) => {
                if !matches!(
                    self.lex(i + 1),
                    Lex::Unit {
                        unit: Unit::Year,
                        plural: false
                    }
                ) || !self.tok(i + 1)?.is_capitalized()
                {
                    return None;
                }
                let mut j = i + 2;
                if self.punct(j, '\'') && self.word_is(j + 1, "s") {
                    j += 2;
                }
                if self.is(j, Kw::Eve) {
                    return Some((Holiday::NewYearsEve, j + 1));
                }
                (Holiday::NewYearsDay, j)
            }
            _ => return None,
        };
        // "Christmas Day", "Easter Sunday", "Thanksgiving Day"
        if self.word_is(end, "day")
            || (holiday == Holiday::Easter
                && matches!(self.lex(end), Lex::Weekday { weekday: 7, .. }))
        {
            end += 1;
        } else if let Some(n) = self.tok(end) {
            // "Christmas Island", "Easter Island": a name.
            if n.kind == TokenKind::Word && n.is_capitalized() && !is_function_word(n.lex) {
                return None;
            }
        }
        Some((holiday, end))
    }

    /// "last", "next", "this", "past", "coming", "previous", "following", "that" + a unit,
    /// a weekday, a month, a season or a number of units.
    fn relative(&self, i: usize, kw: Kw) -> Option<Found> {
        let mut j = i + 1;
        let mut direction: i64 = match kw {
            Kw::Last | Kw::Past | Kw::Previous | Kw::Prior | Kw::Latest => -1,
            Kw::Next | Kw::Coming | Kw::Upcoming | Kw::Following => 1,
            _ => 0,
        };
        // "that same day".
        let mut same = false;
        if kw == Kw::That && self.is(j, Kw::Same) {
            same = true;
            j += 1;
        }
        // "this past weekend", "this coming Sunday".
        if kw == Kw::This {
            if self.is(j, Kw::Past) {
                direction = -1;
                j += 1;
            } else if self.is(j, Kw::Coming) {
                direction = 1;
                j += 1;
            }
        }
        let anchor = self.anchor;
        let the_before = i > 0 && self.is(i - 1, Kw::The);
        let mark = |f: Option<Found>| {
            f.map(|mut f| {
                f.takes_the = true;
                f
            })
        };
        match self.lex(j) {
            Lex::Weekday {
                weekday,
                plural: false,
            } if self.tok(j)?.is_capitalized() && kw != Kw::These => {
                let shift = match (kw, direction) {
                    (Kw::That, _) => Shift::Bare,
                    (_, d) if d < 0 => Shift::Last,
                    (_, d) if d > 0 => Shift::Next,
                    _ => Shift::This,
                };
                let tense = self.tense(i, j + 1);
                let v = if kw == Kw::Following || kw == Kw::Previous {
                    // "the following Monday": after the date last mentioned.
                    resolve::weekday(self.context_date(), tense, u32::from(weekday), shift)
                } else {
                    resolve::weekday(anchor, tense, u32::from(weekday), shift)
                };
                mark(self.with_day_part(i, j + 1, v))
            }
            Lex::Month {
                month,
                abbreviated: false,
            } if self.tok(j)?.is_capitalized()
                && matches!(kw, Kw::Last | Kw::Next | Kw::This | Kw::Past) =>
            {
                let v = if direction == 0 {
                    resolve::month_of_relative_year(anchor, u32::from(month), 0)
                } else {
                    resolve::month_shifted(anchor, u32::from(month), direction)
                };
                mark(self.date(i, j + 1, v))
            }
            Lex::Season(season) if kw != Kw::These && kw != Kw::That => {
                let tense = self.tense(i, j + 1);
                mark(self.date(i, j + 1, resolve::season(anchor, tense, season, direction)))
            }
            Lex::Word(Kw::Christmas | Kw::Easter | Kw::Thanksgiving | Kw::Halloween | Kw::New)
                if matches!(kw, Kw::Last | Kw::Next | Kw::This) =>
            {
                let (holiday, end) = self.holiday_at(j)?;
                let tense = self.tense(i, end);
                mark(self.date(i, end, resolve::holiday(anchor, tense, holiday, direction)))
            }
            Lex::DayPart(part) => {
                let (base, day) = match (kw, part) {
                    (Kw::This, _) => (anchor, 0),
                    (Kw::Last, DayPart::Night | DayPart::Evening) => (anchor, -1),
                    // "the next morning": after the day last mentioned.
                    (Kw::Next | Kw::Following, _) if the_before => (self.context_date(), 1),
                    _ => return None,
                };
                let v = resolve::day_offset(base, day).with_time(part.code());
                let mut f = self.found(i, j + 1, TimeKind::Time, v)?;
                f.takes_the = true;
                f.explicit = kw == Kw::This || kw == Kw::Last;
                Some(f)
            }
            Lex::Word(Kw::Half) if direction < 0 && kw == Kw::Last => {
                // "the last half of 1989".
                let (v, end) = self.half_year_spec(2, j + 1, i)?;
                mark(self.date(i, end, v))
            }
            Lex::Unit {
                unit,
                plural: false,
            } => {
                // "This Week", "Next Year": a title, not a date.
                if self.tok(j)?.is_capitalized() && !self.tok(j)?.is_all_caps() {
                    return None;
                }
                if kw == Kw::That && unit == Unit::Day && !same {
                    return None;
                }
                mark(self.relative_unit(i, j, kw, direction, unit, the_before))
            }
            Lex::Unit { unit, plural: true } => {
                // "the coming weeks", "past years", "these days".
                match (kw, unit) {
                    (Kw::These, Unit::Day) => self.date(i, j + 1, Value::fixed("PRESENT_REF")),
                    (Kw::Past | Kw::Previous | Kw::Prior, Unit::Year | Unit::Decade)
                        if !the_before =>
                    {
                        self.date(i, j + 1, Value::fixed("PAST_REF"))
                    }
                    (Kw::Coming | Kw::Upcoming | Kw::Next | Kw::Past | Kw::Last, _)
                        if unit != Unit::Quarter || kw == Kw::Coming =>
                    {
                        if unit == Unit::Quarter {
                            return mark(self.date(i, j + 1, Value::fixed("FUTURE_REF")));
                        }
                        mark(self.found(
                            i,
                            j + 1,
                            TimeKind::Duration,
                            Value::fixed(resolve::duration(None, unit)),
                        ))
                    }
                    _ => None,
                }
            }
            _ => {
                // "the past two years", "the next few days", "last 24 hours".
                if !matches!(
                    kw,
                    Kw::Past | Kw::Last | Kw::Next | Kw::Coming | Kw::Previous | Kw::Following
                ) {
                    return None;
                }
                let amount = self.amount(j)?;
                if amount.article {
                    return None;
                }
                let (unit, end) = self.unit_after(amount)?;
                if unit == Unit::Quarter && amount.value.is_none() {
                    return mark(self.date(i, end, Value::fixed("PAST_REF")));
                }
                let v = Value::fixed(resolve::duration(amount.value, unit));
                mark(self.found(i, end, TimeKind::Duration, v))
            }
        }
    }

    /// "last year", "this week", "the following day", "that year", "this year's third quarter".
    fn relative_unit(
        &self,
        i: usize,
        j: usize,
        kw: Kw,
        direction: i64,
        unit: Unit,
        the_before: bool,
    ) -> Option<Found> {
        let anchor = self.anchor;
        // Possessive: "this year's third quarter", "last year's first half".
        if unit == Unit::Year
            && self.punct(j + 1, '\'')
            && self.word_is(j + 2, "s")
            && matches!(kw, Kw::This | Kw::Last | Kw::Next)
        {
            if let Some((n, which, end)) = self.ordinal_period(j + 3) {
                let year = resolve::period(anchor, Unit::Year, direction);
                let v = if year.anchored {
                    let code = if which == Unit::Quarter { "Q" } else { "H" };
                    Value::fixed(format!("{}-{code}{n}", year.text))
                } else {
                    let code = if which == Unit::Quarter { "Q" } else { "H" };
                    Value::unanchored(format!("XXXX-{code}{n}"))
                };
                return self.date(i, end, v);
            }
        }
        match kw {
            Kw::That => {
                // Refers back to the text, not to the reference date.
                return match unit {
                    Unit::Year => {
                        let y = self.context_year()?;
                        let mut f = self.date(i, j + 1, resolve::year(y))?;
                        f.explicit = false;
                        Some(f)
                    }
                    Unit::Day => {
                        let d = self.context_date()?;
                        let mut f = self.date(i, j + 1, Value::fixed(d.to_string()))?;
                        f.explicit = false;
                        Some(f)
                    }
                    Unit::Quarter => {
                        let (y, q) = self.ctx.last_quarter?;
                        let mut f = self.date(i, j + 1, Value::fixed(format!("{y:04}-Q{q}")))?;
                        f.explicit = false;
                        Some(f)
                    }
                    _ => None,
                };
            }
            Kw::These => return None,
            _ => {}
        }
        if unit == Unit::Day {
            // "the next day", "the following day", "the previous day": from the last date.
            return match kw {
                Kw::Next | Kw::Following | Kw::Previous | Kw::Prior if the_before => {
                    let base = self.context_date();
                    let v = resolve::day_offset(base, direction);
                    let mut f = self.with_day_part(i, j + 1, v)?;
                    f.explicit = false;
                    Some(f)
                }
                _ => None,
            };
        }
        if let Lex::DayPart(part) = self.lex(j) {
            let _ = part;
        }
        if unit == Unit::Weekend {
            if kw == Kw::This {
                // "this weekend": the one of the reference date's week.
                return self.date(i, j + 1, resolve::period(anchor, Unit::Weekend, 0));
            }
            let tense = self.tense(i, j + 1);
            return self.date(i, j + 1, resolve::weekend(anchor, tense, direction));
        }
        if matches!(unit, Unit::Decade | Unit::Century) && the_before && direction < 0 {
            // "the past decade": the last ten years.
            let v = Value::fixed(resolve::duration(Some(1.0), unit));
            return self.found(i, j + 1, TimeKind::Duration, v);
        }
        if matches!(
            unit,
            Unit::Second | Unit::Minute | Unit::Hour | Unit::Fortnight
        ) {
            return None;
        }
        if kw == Kw::Following || (the_before && kw == Kw::Previous && unit == Unit::Year) {
            // "the following year": one after the year last mentioned.
            let base = match unit {
                Unit::Year => self.context_year().and_then(|y| Date::new(y, 7, 1)),
                _ => self.context_date(),
            };
            let mut f = self.date(i, j + 1, resolve::period(base, unit, direction))?;
            f.explicit = false;
            return Some(f);
        }
        if kw == Kw::Latest {
            if unit != Unit::Quarter {
                return None;
            }
            return self.date(i, j + 1, self.the_quarter());
        }
        self.date(i, j + 1, resolve::period(anchor, unit, direction))
    }

    /// The quarter "the quarter" refers to: the last one the text named, else the one before
    /// the reference date's (financial reports talk about the quarter just ended).
    fn the_quarter(&self) -> Value {
        match self.ctx.last_quarter {
            Some((y, q)) => Value::fixed(format!("{y:04}-Q{q}")),
            None => resolve::period(self.anchor, Unit::Quarter, -1),
        }
    }

    /// "a year earlier" in a text about quarters is the same quarter a year before.
    fn year_ago(&self, n: i64) -> Value {
        match self.ctx.last_quarter {
            Some((y, q)) => Value::fixed(format!("{:04}-Q{q}", i64::from(y) - n)),
            None => resolve::shifted(self.anchor, Unit::Year, n, -1),
        }
    }

    /// "every week", "each Thursday", "every other month", "every two years".
    fn every(&self, i: usize) -> Option<Found> {
        let mut j = i + 1;
        let mut n = 1.0;
        if self.is(j, Kw::Other) {
            n = 2.0;
            j += 1;
        } else if let Some(amount) = self.amount(j) {
            if !amount.article {
                if let (Some(v), Some((unit, end))) = (amount.value, self.unit_after(amount)) {
                    let value = Value::fixed(resolve::duration(Some(v), unit));
                    return self.found(i, end, TimeKind::Set, value);
                }
            }
        }
        let value = match self.lex(j) {
            Lex::Unit {
                unit,
                plural: false,
            } => resolve::duration(Some(n), unit),
            Lex::Weekday {
                weekday,
                plural: false,
            } => {
                let mut v = format!("XXXX-WXX-{weekday}");
                if let Lex::DayPart(part) = self.lex(j + 1) {
                    v.push('T');
                    v.push_str(part.code());
                    return self.found(i, j + 2, TimeKind::Set, Value::fixed(v));
                }
                v
            }
            Lex::Month {
                month,
                abbreviated: false,
            } => format!("XXXX-{month:02}"),
            Lex::Season(s) => format!("XXXX-{}", s.code()),
            Lex::DayPart(part) => format!("XXXX-XX-XXT{}", part.code()),
            _ => return None,
        };
        self.found(i, j + 1, TimeKind::Set, Value::fixed(value))
    }

    /// "fiscal 1989", "fiscal year 1990", "fiscal second-quarter".
    fn fiscal(&self, i: usize) -> Option<Found> {
        let mut j = i + 1;
        if self.punct(j, '-') && self.touches(j) {
            j += 1;
        }
        if matches!(
            self.lex(j),
            Lex::Unit {
                unit: Unit::Year,
                plural: false
            }
        ) && self.year4(j + 1).is_some()
        {
            j += 1;
        }
        if let Some(y) = self.year4(j) {
            return self.date(i, j + 1, resolve::year(y));
        }
        let (n, which, end) = self.ordinal_period(j)?;
        let (v, end) = self.period_year_spec(n, which, end, i)?;
        let mut f = self.date(i, end, v)?;
        f.takes_the = true;
        Some(f)
    }

    /// "Q3", "Q3 2022", "H1 2024", "FY2023", "FY23", "nineties", "Valentine's Day".
    fn code_rules(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        match t.text {
            "Q" | "H" if self.touches(i + 1) => {
                let n = self.digits(i + 1, 1)? as u32;
                let (which, max) = if t.text == "Q" {
                    (Unit::Quarter, 4)
                } else {
                    (Unit::Year, 2)
                };
                if !(1..=max).contains(&n) {
                    return None;
                }
                let (v, end) = self.period_year_spec(n, which, i + 2, i)?;
                let mut f = self.date(i, end, v)?;
                f.takes_the = true;
                Some(f)
            }
            "FY" => {
                let j = i + 1;
                let d = self.tok(j)?;
                let y = match d.text.len() {
                    4 => self.year4(j)?,
                    2 => {
                        let n = d.digits_value()? as i32;
                        let century = self.anchor.map_or(2000, |a| a.year() - a.year() % 100);
                        century + n
                    }
                    _ => return None,
                };
                self.date(i, j + 1, resolve::year(y))
            }
            _ => {
                // Only "nineties"-style decades and "Valentine" remain; most words stop here.
                if !(t.text.len() == 7 || t.text.len() == 8 || t.text.len() == 9) {
                    return None;
                }
                let mut buf = [0u8; 12];
                // Words that are not ASCII are none of these.
                let lower = self.lower(i, &mut buf)?;
                if let Some(n) = decade_word(lower) {
                    let the = i > 0 && self.is(i - 1, Kw::The);
                    if !the {
                        return None;
                    }
                    let f = self.decade_from_two_digits(n, i, i + 1)?;
                    return Some(f);
                }
                if lower == "valentine" && t.is_capitalized() {
                    let mut j = i + 1;
                    if self.punct(j, '\'') && self.word_is(j + 1, "s") {
                        j += 2;
                    }
                    if !self.word_is(j, "day") {
                        return None;
                    }
                    let tense = self.tense(i, j + 1);
                    return self.date(
                        i,
                        j + 1,
                        resolve::holiday(self.anchor, tense, Holiday::Valentines, 0),
                    );
                }
                None
            }
        }
    }

    /// The year a quarter or half belongs to, from the words after it: "of 2023", "2023",
    /// "of fiscal 1990", "of this year", "of the year"; else the tense decides. Returns the
    /// value and the end of the expression.
    fn period_year_spec(
        &self,
        n: u32,
        which: Unit,
        j: usize,
        start: usize,
    ) -> Option<(Value, usize)> {
        if which != Unit::Quarter {
            return self.half_year_spec(n, j, start);
        }
        let code = format!("Q{n}");
        if let Some((year, end)) = self.explicit_year_after(j) {
            return Some((Value::fixed(format!("{year:04}-{code}")), end));
        }
        if let Some((offset, end)) = self.relative_year_after(j) {
            let y = resolve::period(self.anchor, Unit::Year, offset);
            let v = if y.anchored {
                Value::fixed(format!("{}-{code}", y.text))
            } else {
                Value::unanchored(format!("XXXX-{code}"))
            };
            return Some((v, end));
        }
        let tense = self.tense(start, j);
        Some((resolve::quarter(self.anchor, tense, n), j))
    }

    fn half_year_spec(&self, n: u32, j: usize, start: usize) -> Option<(Value, usize)> {
        let code = format!("H{n}");
        if let Some((year, end)) = self.explicit_year_after(j) {
            return Some((Value::fixed(format!("{year:04}-{code}")), end));
        }
        if let Some((offset, end)) = self.relative_year_after(j) {
            let y = resolve::period(self.anchor, Unit::Year, offset);
            let v = if y.anchored {
                Value::fixed(format!("{}-{code}", y.text))
            } else {
                Value::unanchored(format!("XXXX-{code}"))
            };
            return Some((v, end));
        }
        let tense = self.tense(start, j);
        Some((resolve::half(self.anchor, tense, n), j))
    }

    /// "of 2023", "2023", "of fiscal 1990", "'s" after: `(year, end)`.
    fn explicit_year_after(&self, j: usize) -> Option<(i32, usize)> {
        let mut k = j;
        if self.is(k, Kw::Of) {
            k += 1;
        }
        if self.is(k, Kw::Fiscal) {
            k += 1;
        }
        self.year_at(k)
    }

    /// "of this year", "of next year", "of last year", "of the year": `(offset, end)`.
    fn relative_year_after(&self, j: usize) -> Option<(i64, usize)> {
        if !self.is(j, Kw::Of) {
            return None;
        }
        if self.is(j + 1, Kw::The)
            && matches!(
                self.lex(j + 2),
                Lex::Unit {
                    unit: Unit::Year,
                    plural: false
                }
            )
        {
            return Some((0, j + 3));
        }
        let offset = self.relative_year_at(j + 1)?;
        Some((offset, j + 3))
    }

    /// "third quarter", "first half of 2024", "the first nine months", "twentieth century",
    /// "the eighth of March".
    fn ordinal_rules(&self, i: usize) -> Option<Found> {
        let Lex::Ordinal(n) = self.lex(i) else {
            return None;
        };
        if let Some((n, which, end)) = self.ordinal_period(i) {
            let (v, end) = self.period_year_spec(n, which, end, i)?;
            let mut f = self.date(i, end, v)?;
            f.takes_the = true;
            return Some(f);
        }
        if let Some(f) = self.century(n, i, i + 1) {
            return Some(f);
        }
        // "the first nine months", "the first two years".
        if n == 1 {
            if let Some(amount) = self.amount(i + 1) {
                if !amount.article && amount.value.is_some() {
                    if let Some((unit, end)) = self.unit_after(amount) {
                        let v = Value::fixed(resolve::duration(amount.value, unit));
                        let mut f = self.found(i, end, TimeKind::Duration, v)?;
                        f.takes_the = true;
                        return Some(f);
                    }
                }
            }
        }
        // "the eighth of March".
        if self.is(i + 1, Kw::Of) && (1..=31).contains(&n) {
            if let Lex::Month { month, .. } = self.lex(i + 2) {
                if self.tok(i + 2)?.is_capitalized() {
                    let mut end = i + 3;
                    if self.punct(end, '.') && self.touches(end) {
                        end += 1;
                    }
                    let tense = self.tense(i, end);
                    let v = resolve::month_day(self.anchor, tense, u32::from(month), n)?;
                    let mut f = self.date(i, end, v)?;
                    f.takes_the = true;
                    return Some(f);
                }
            }
        }
        None
    }

    /// "summer", "the fall", "spring 1990"; "fall" and "spring" are verbs and nouns too, so a
    /// season needs a year after it or a preposition or determiner before it.
    fn season_rule(&self, i: usize) -> Option<Found> {
        let Lex::Season(season) = self.lex(i) else {
            return None;
        };
        let t = self.tok(i)?;
        let mut k = i + 1;
        if self.is(k, Kw::Of) {
            k += 1;
        }
        if let Some((y, end)) = self.year_at(k) {
            let mut f = self.date(i, end, Value::fixed(format!("{y:04}-{}", season.code())))?;
            f.takes_the = true;
            return Some(f);
        }
        let prev = i.checked_sub(1).and_then(|p| self.kw(p));
        let introduced = matches!(
            prev,
            Some(
                Kw::The
                    | Kw::In
                    | Kw::During
                    | Kw::By
                    | Kw::Since
                    | Kw::Until
                    | Kw::Through
                    | Kw::Over
                    | Kw::Early
                    | Kw::Late
                    | Kw::Mid
                    | Kw::Before
                    | Kw::After
            )
        );
        if !introduced {
            return None;
        }
        // "the fall of Rome", "the fall in prices", "the spring of discontent".
        if let Some(n) = self.tok(i + 1) {
            if matches!(
                n.lex,
                Lex::Word(
                    Kw::Of | Kw::In | Kw::To | Kw::From | Kw::On | Kw::At | Kw::By | Kw::Under
                )
            ) || n.is_word("out")
                || n.is_word("off")
                || n.is_word("back")
                || n.kind == TokenKind::Digits
                || matches!(n.lex, Lex::Number(_))
            {
                return None;
            }
            if n.kind == TokenKind::Word && n.is_capitalized() && !is_function_word(n.lex) {
                return None;
            }
        }
        if t.is_all_caps() {
            return None;
        }
        let tense = self.tense(i, i + 1);
        let mut f = self.date(i, i + 1, resolve::season(self.anchor, tense, season, 0))?;
        f.takes_the = true;
        Some(f)
    }

    /// "nineteen ninety-six", "nineteen eighty".
    fn spoken_year(&self, i: usize) -> Option<Found> {
        if !self.word_is(i, "nineteen") {
            return None;
        }
        let Lex::Number(tens) = self.lex(i + 1) else {
            return None;
        };
        if !(10..=90).contains(&tens) {
            return None;
        }
        let mut n = tens;
        let mut end = i + 2;
        if tens >= 20 && tens % 10 == 0 {
            let mut k = i + 2;
            if self.punct(k, '-') {
                k += 1;
            }
            if let Lex::Number(units) = self.lex(k) {
                if (1..=9).contains(&units) {
                    n += units;
                    end = k + 1;
                }
            }
        }
        self.date(i, end, resolve::year(1900 + n as i32))
    }

    /// Plural units on their own: "for years", "years ago", "year-earlier", "year-end".
    fn bare_unit_rules(&self, i: usize) -> Option<Found> {
        let (unit, plural) = self.unit(i)?;
        if !plural {
            if unit == Unit::Year && self.punct(i + 1, '-') && self.touches(i + 1) {
                // "year-earlier", "year-ago": the same period a year before.
                if (self.is(i + 2, Kw::Earlier) || self.is(i + 2, Kw::Ago)) && self.touches(i + 2) {
                    let mut end = i + 3;
                    let mut value = self.year_ago(1);
                    if matches!(
                        self.lex(end),
                        Lex::Unit {
                            unit: Unit::Quarter,
                            plural: false
                        }
                    ) || self.word_is(end, "period")
                    {
                        end += 1;
                    } else if let Some((n, which, e)) = self.ordinal_period(end) {
                        // "the year-earlier third quarter".
                        if let Some(a) = self.anchor {
                            let code = if which == Unit::Quarter { "Q" } else { "H" };
                            value = Value::fixed(format!("{:04}-{code}{n}", a.year() - 1));
                        }
                        end = e;
                    }
                    let mut f = self.date(i, end, value)?;
                    f.takes_the = true;
                    f.explicit = false;
                    return Some(f);
                }
                if self.is(i + 2, Kw::End) && self.touches(i + 2) && self.touches(i + 1) {
                    let v = match self.anchor {
                        Some(a) => Value::fixed(format!("{:04}-12-31", a.year())),
                        None => Value::unanchored("XXXX-12-31"),
                    };
                    return self.date(i, i + 3, v);
                }
            }
            // "year end", "year's end".
            if unit == Unit::Year {
                let end = if self.is(i + 1, Kw::End) {
                    Some(i + 2)
                } else if self.punct(i + 1, '\'')
                    && self.word_is(i + 2, "s")
                    && self.is(i + 3, Kw::End)
                {
                    Some(i + 4)
                } else {
                    None
                };
                if let Some(end) = end {
                    let mut f = self.date(i, end, resolve::period(self.anchor, Unit::Year, 0))?;
                    f.explicit = false;
                    return Some(f);
                }
            }
            return None;
        }
        if self.is(i + 1, Kw::Ago) {
            return self.date(i, i + 2, Value::fixed("PAST_REF"));
        }
        let prev = i.checked_sub(1).and_then(|p| self.kw(p));
        if matches!(prev, Some(Kw::For | Kw::Over | Kw::Within | Kw::In))
            && matches!(
                unit,
                Unit::Year
                    | Unit::Month
                    | Unit::Week
                    | Unit::Day
                    | Unit::Hour
                    | Unit::Minute
                    | Unit::Decade
                    | Unit::Century
            )
        {
            return self.found(
                i,
                i + 1,
                TimeKind::Duration,
                Value::fixed(resolve::duration(None, unit)),
            );
        }
        None
    }

    /// Rules that start at "the".
    fn the_rules(&self, i: usize) -> Option<Found> {
        let j = i + 1;
        let anchor = self.anchor;
        match self.lex(j) {
            Lex::Unit {
                unit: Unit::Day,
                plural: false,
            } => {
                // "the day before yesterday", "the day after tomorrow".
                if self.is(j + 1, Kw::Before) && self.is(j + 2, Kw::Yesterday) {
                    return self.date(i, j + 3, resolve::day_offset(anchor, -2));
                }
                if self.is(j + 1, Kw::After) && self.is(j + 2, Kw::Tomorrow) {
                    return self.date(i, j + 3, resolve::day_offset(anchor, 2));
                }
                return None;
            }
            Lex::Unit {
                unit: Unit::Weekend,
                plural: false,
            } => {
                let tense = self.tense(i, j + 1);
                return self.date(i, j + 1, resolve::weekend(anchor, tense, 0));
            }
            Lex::Unit {
                unit: Unit::Year,
                plural: false,
            } => return self.the_year(i),
            Lex::Unit {
                unit: Unit::Quarter,
                plural: false,
            } => {
                let mut f = self.date(i, j + 1, self.the_quarter())?;
                f.explicit = false;
                return Some(f);
            }
            Lex::Word(Kw::Past) => {
                // "the past" alone; "the past two years" is a relative rule.
                let next = self.lex(j + 1);
                let standalone = !matches!(
                    next,
                    Lex::Unit { .. }
                        | Lex::Number(_)
                        | Lex::Weekday { .. }
                        | Lex::Month { .. }
                        | Lex::Season(_)
                        | Lex::Word(Kw::Few | Kw::Several | Kw::Couple | Kw::Many | Kw::Half)
                ) && !self.is_digits(j + 1);
                if standalone {
                    return self.date(i, j + 1, Value::fixed("PAST_REF"));
                }
            }
            Lex::Word(Kw::Future) => return self.date(i, j + 1, Value::fixed("FUTURE_REF")),
            Lex::Word(Kw::Near) => {
                if self.is(j + 1, Kw::Future) || self.is(j + 1, Kw::Term) {
                    return self.date(i, j + 2, Value::fixed("FUTURE_REF"));
                }
                return None;
            }
            Lex::Word(Kw::Short) if self.is(j + 1, Kw::Term) => {
                return self.date(i, j + 2, Value::fixed("FUTURE_REF"));
            }
            Lex::Word(Kw::Same) => {
                if let Some((Unit::Day, false)) = self.unit(j + 1) {
                    let d = self.context_date()?;
                    let mut f = self.date(i, j + 2, Value::fixed(d.to_string()))?;
                    f.explicit = false;
                    return Some(f);
                }
                return None;
            }
            Lex::Word(Kw::The) => return None,
            Lex::Word(Kw::Latest) if self.word_is(j + 1, "period") => {
                let mut f = self.date(i, j + 2, self.the_quarter())?;
                f.explicit = false;
                return Some(f);
            }
            Lex::Word(Kw::Full | Kw::Whole | Kw::Entire | Kw::Fiscal)
                if matches!(
                    self.lex(j + 1),
                    Lex::Unit {
                        unit: Unit::Year,
                        plural: false
                    }
                ) =>
            {
                return self.the_year(i);
            }
            Lex::Unit {
                unit: Unit::Month,
                plural: false,
            } => {
                // "the month of May".
                if self.is(j + 1, Kw::Of) {
                    if let Lex::Month { .. } = self.lex(j + 2) {
                        let f = self.month_rules(j + 2)?;
                        return Some(Found { start: i, ..f });
                    }
                    return None;
                }
                let mut f = self.date(i, j + 1, resolve::period(anchor, Unit::Month, 0))?;
                f.explicit = false;
                return Some(f);
            }
            Lex::Unit {
                unit: Unit::Week,
                plural: false,
            } if self.is(j + 1, Kw::Of) => {
                // "the week of March 6".
                let f = self.month_day(j + 2)?;
                let day = f.value.text.get(..10).and_then(|d| d.parse::<Date>().ok());
                let v = match day {
                    Some(d) => {
                        let (y, w) = d.iso_week();
                        Value::fixed(format!("{y:04}-W{w:02}"))
                    }
                    None => Value::unanchored("XXXX-WXX"),
                };
                return self.date(i, f.end, v);
            }
            _ => {
                if self.word_is(j, "foreseeable") && self.is(j + 1, Kw::Future) {
                    return self.date(i, j + 2, Value::fixed("FUTURE_REF"));
                }
                if self.word_is(j, "comparable") {
                    if let Some(f) = self.bare_unit_rules(j + 1) {
                        return Some(Found { start: i, ..f });
                    }
                }
            }
        }
        // Where `can_start` says no, neither finds anything: skip the work for "the" before
        // a plain word, the commonest case.
        if !self.can_start(j) {
            return None;
        }
        let f = self.with_position(j).or_else(|| self.core(j))?;
        if f.takes_the {
            Some(Found { start: i, ..f })
        } else {
            None
        }
    }

    /// "the year": the reference year, a year-long span ("the year ended March 31"), or
    /// "the year 2000".
    fn the_year(&self, i: usize) -> Option<Found> {
        let mut j = i + 1;
        // "the fiscal year", "the full year": the same rules.
        if matches!(
            self.kw(j),
            Some(Kw::Full | Kw::Whole | Kw::Entire | Kw::Fiscal)
        ) {
            j += 1;
        }
        if self.punct(j + 1, '-') && self.touches(j + 1) {
            let f = self.bare_unit_rules(j)?;
            return Some(Found { start: i, ..f });
        }
        if self.is(j + 1, Kw::Ended) || self.is(j + 1, Kw::Ending) {
            return self.found(i, j + 1, TimeKind::Duration, Value::fixed("P1Y"));
        }
        if let Some(y) = self.year4(j + 1) {
            return self.date(i, j + 2, resolve::year(y));
        }
        // "the year two thousand".
        if self.word_is(j + 1, "two") && self.word_is(j + 2, "thousand") {
            let mut end = j + 3;
            let mut year = 2000;
            let mut k = end;
            if self.is(k, Kw::And) {
                k += 1;
            }
            if let Lex::Number(n) = self.lex(k) {
                if (1..=99).contains(&n) {
                    year += n as i32;
                    end = k + 1;
                }
            }
            return self.date(i, end, resolve::year(year));
        }
        if self.is(j + 1, Kw::Before) || self.is(j + 1, Kw::Earlier) || self.is(j + 1, Kw::After) {
            return None;
        }
        let mut f = self.date(i, j + 1, resolve::period(self.anchor, Unit::Year, 0))?;
        f.explicit = false;
        Some(f)
    }

    // ---- amounts of units ----------------------------------------------------------------

    /// A number at `i`: digits ("18", "1,750", "2.5", "5 1/2"), words ("three",
    /// "twenty-four", "a hundred"), an article ("a year") or an unspecified amount
    /// ("several", "a few", "a couple of").
    fn amount(&self, i: usize) -> Option<Amount> {
        let t = self.tok(i)?;
        let simple = |end, value| {
            Some(Amount {
                end,
                value,
                article: false,
            })
        };
        match t.lex {
            Lex::Word(Kw::A | Kw::An) => {
                if self.is(i + 1, Kw::Few) {
                    return simple(i + 2, None);
                }
                if self.is(i + 1, Kw::Couple) {
                    let end = if self.is(i + 2, Kw::Of) { i + 3 } else { i + 2 };
                    return simple(end, Some(2.0));
                }
                if let Lex::Scale {
                    value,
                    plural: false,
                } = self.lex(i + 1)
                {
                    if value <= 1000 {
                        return simple(i + 2, Some(value as f64));
                    }
                }
                if self.is(i + 1, Kw::Half) {
                    return simple(i + 2, Some(0.5));
                }
                Some(Amount {
                    end: i + 1,
                    value: Some(1.0),
                    article: true,
                })
            }
            Lex::Word(Kw::Several | Kw::Many | Kw::Few) => simple(i + 1, None),
            Lex::Word(Kw::Couple) => {
                let end = if self.is(i + 1, Kw::Of) { i + 2 } else { i + 1 };
                simple(end, Some(2.0))
            }
            Lex::Word(Kw::Another) => Some(Amount {
                end: i + 1,
                value: Some(1.0),
                article: true,
            }),
            Lex::Word(Kw::Some) => {
                // "some years" is vague; "some 20 years" is a qualifier, handled before.
                matches!(self.unit(i + 1), Some((_, true))).then_some(())?;
                simple(i + 1, None)
            }
            Lex::Word(Kw::Half) => {
                // "half an hour", "half a century".
                if self.is(i + 1, Kw::A) || self.is(i + 1, Kw::An) {
                    return simple(i + 2, Some(0.5));
                }
                None
            }
            Lex::Number(n) => {
                let mut value = f64::from(n);
                let mut end = i + 1;
                if n >= 20 && n % 10 == 0 {
                    let mut k = i + 1;
                    if self.punct(k, '-') && self.touches(k) {
                        k += 1;
                    }
                    if let Lex::Number(u) = self.lex(k) {
                        if (1..=9).contains(&u) {
                            value += f64::from(u);
                            end = k + 1;
                        }
                    }
                }
                if let Lex::Scale {
                    value: scale,
                    plural: false,
                } = self.lex(end)
                {
                    if scale <= 1000 {
                        value *= scale as f64;
                        end += 1;
                    }
                }
                end = self.and_a_half(end, &mut value);
                simple(end, Some(value))
            }
            _ if t.kind == TokenKind::Digits => {
                let (mut value, mut end) = self.digit_number(i)?;
                // "5 1/2 hours".
                if let (Some(num), Some(den)) = (self.digits(end, 2), self.digits(end + 2, 2)) {
                    if self.punct(end + 1, '/')
                        && self.touches(end + 1)
                        && self.touches(end + 2)
                        && den > num
                        && den > 0
                    {
                        value += num as f64 / den as f64;
                        end += 3;
                    }
                }
                end = self.and_a_half(end, &mut value);
                simple(end, Some(value))
            }
            _ => None,
        }
    }

    fn and_a_half(&self, end: usize, value: &mut f64) -> usize {
        if self.is(end, Kw::And) && self.is(end + 1, Kw::A) && self.is(end + 2, Kw::Half) {
            *value += 0.5;
            return end + 3;
        }
        end
    }

    /// Digits with thousands separators and a decimal part: `(value, end)`.
    fn digit_number(&self, i: usize) -> Option<(f64, usize)> {
        let t = self.tok(i)?;
        let mut text = DigitText::new(t.text);
        let mut end = i + 1;
        while self.punct(end, ',')
            && self.touches(end)
            && self.touches(end + 1)
            && self
                .tok(end + 1)
                .is_some_and(|d| d.kind == TokenKind::Digits && d.text.len() == 3)
        {
            text.push_str(self.tok(end + 1)?.text);
            end += 2;
        }
        if self.punct(end, '.')
            && self.touches(end)
            && self.touches(end + 1)
            && self.is_digits(end + 1)
        {
            text.push('.');
            text.push_str(self.tok(end + 1)?.text);
            end += 2;
        }
        if text.len() > 24 {
            return None;
        }
        // A lone digits token, the common case, needs no float parser.
        let value: f64 = match (end == i + 1).then(|| small_integer(t.text)).flatten() {
            Some(v) => v,
            _ => text.as_str()?.parse().ok()?,
        };
        Some((value, end))
    }

    /// The unit after an amount ("three years", "two-week", "10-year"): `(unit, end)`.
    fn unit_after(&self, amount: Amount) -> Option<(Unit, usize)> {
        let mut j = amount.end;
        if self.punct(j, '-') && self.touches(j) && self.touches(j + 1) {
            j += 1;
        } else {
            // "two more weeks", "an additional year", "eight trading days".
            if self.is(j, Kw::More) || self.is(j, Kw::Additional) {
                j += 1;
            }
            if UNIT_MODIFIERS.iter().any(|w| self.word_is(j, w)) {
                j += 1;
            }
        }
        let unit = match self.lex(j) {
            Lex::Unit { unit, .. } => unit,
            // "30 seconds" is in the table; "a second" is an ordinal.
            Lex::Ordinal(2)
                if self.word_is(j, "second") && !amount.article && amount.value == Some(1.0) =>
            {
                Unit::Second
            }
            _ => return None,
        };
        Some((unit, j + 1))
    }

    /// A number of units: a duration ("three years"), a point ("two days ago", "a year
    /// earlier"), or a frequency ("$5 a day").
    fn amount_rules(&self, i: usize) -> Option<Found> {
        let amount = self.amount(i)?;
        let (unit, mut end) = self.unit_after(amount)?;
        if unit == Unit::Weekend {
            return None;
        }
        // "an hour and a half", "a minute and a half".
        let mut value = amount.value;
        if let Some(v) = value.as_mut() {
            end = self.and_a_half(end, v);
        }
        // Ages are not time expressions: "37 years old", "a 6-year-old boy".
        if self.is(end, Kw::Old) || (self.is(end, Kw::Of) && self.word_is(end + 1, "age")) {
            return None;
        }
        if self.punct(end, '-') && self.touches(end) && self.is(end + 1, Kw::Old) {
            return None;
        }
        // "60 Minutes": a title.
        if self
            .tok(end - 1)
            .is_some_and(|t| t.is_capitalized() && !t.is_all_caps())
            && !self.sentence_start(end - 1)
        {
            return None;
        }
        // "a year-earlier loss": the adjective "year-earlier" is the expression.
        if self.punct(end, '-') && self.touches(end) && amount.article {
            return None;
        }
        // "a week or so ago".
        let mut after = end;
        if self.is(after, Kw::Or) && self.is(after + 1, Kw::So) {
            after += 2;
        }
        if after != end && (self.is(after, Kw::Ago) || self.is(after, Kw::Earlier)) {
            end = after;
        }
        let n = value.map(|v| v.round() as i64);
        if self.is(end, Kw::Ago) {
            let from_context =
                n == Some(1) && unit == Unit::Year && self.ctx.last_quarter.is_some();
            let v = match (n, unit) {
                (None, _) => Value::fixed("PAST_REF"),
                (Some(1), Unit::Year) => self.year_ago(1),
                (Some(n), _) => resolve::shifted(self.anchor, unit, n, -1),
            };
            let mut f = self.date(i, end + 1, v)?;
            f.explicit = !from_context;
            return Some(f);
        }
        if self.is(end, Kw::Earlier) || self.is(end, Kw::Later) {
            let sign = if self.is(end, Kw::Earlier) { -1 } else { 1 };
            let v = match (n, unit) {
                (None, _) => {
                    // "a few days later": how long, not when.
                    let v = Value::fixed(resolve::duration(None, unit));
                    return self.found(i, end, TimeKind::Duration, v);
                }
                (Some(1), Unit::Year) if sign < 0 => self.year_ago(1),
                (Some(n), Unit::Year | Unit::Decade | Unit::Century) => {
                    let base = self.context_year().and_then(|y| Date::new(y, 7, 1));
                    resolve::shifted(base, unit, n, sign)
                }
                (Some(n), _) => resolve::shifted(self.context_date(), unit, n, sign),
            };
            let mut f = self.date(i, end + 1, v)?;
            f.explicit = false;
            return Some(f);
        }
        if self.word_is(end, "from") && self.is(end + 1, Kw::Now) {
            let v = match n {
                Some(n) => resolve::shifted(self.anchor, unit, n, 1),
                None => Value::fixed("FUTURE_REF"),
            };
            return self.date(i, end + 2, v);
        }
        if unit == Unit::Quarter && value.is_some() {
            // "three quarters of the vote" is a fraction; "several quarters" is time.
            return None;
        }
        if amount.article {
            // "$5 a day", "twice a year": a frequency.
            if self.after_rate_word(i) {
                let v = Value::fixed(resolve::duration(Some(1.0), unit));
                return self.found(i, end, TimeKind::Set, v);
            }
        }
        let v = Value::fixed(resolve::duration(value, unit));
        let mut f = self.found(i, end, TimeKind::Duration, v)?;
        f.takes_the = !amount.article;
        Some(f)
    }

    /// The token before `i` makes "a day" a rate: a number, money, "times", "twice".
    fn after_rate_word(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1).and_then(|p| self.tok(p)) else {
            return false;
        };
        match p.lex {
            Lex::Word(Kw::Once | Kw::Twice | Kw::Times) => return true,
            Lex::Number(_) | Lex::Scale { .. } => return true,
            // "four hours a day", "three days a week".
            Lex::Unit { plural: true, .. } => return true,
            _ => {}
        }
        if p.kind == TokenKind::Digits || p.is_punct('%') {
            return true;
        }
        p.kind == TokenKind::Word
            && matches!(
                p.text.to_ascii_lowercase().as_str(),
                "dollars"
                    | "cents"
                    | "percent"
                    | "euros"
                    | "pounds"
                    | "rupees"
                    | "barrels"
                    | "tons"
                    | "tonnes"
                    | "miles"
                    | "flights"
                    | "meals"
                    | "calls"
                    | "visits"
                    | "shifts"
                    | "dlrs"
                    | "bpd"
                    | "people"
                    | "patients"
                    | "cases"
            )
    }
}

/// "twenties" .. "nineties" as decades.
const DECADE_WORDS: [(&str, i32); 8] = [
    ("twenties", 20),
    ("thirties", 30),
    ("forties", 40),
    ("fifties", 50),
    ("sixties", 60),
    ("seventies", 70),
    ("eighties", 80),
    ("nineties", 90),
];

/// The decade a lowercase word names: "nineties" is 90.
fn decade_word(lower: &str) -> Option<i32> {
    DECADE_WORDS
        .iter()
        .find(|(w, _)| *w == lower)
        .map(|&(_, n)| n)
}

/// Whether a match can start at token `t`: false only where [`Matcher::match_at`] surely
/// finds nothing, which is most tokens. It follows the dispatch of `match_at`
/// ([`Matcher::qualifier_end`], [`Matcher::with_position`], [`Matcher::core`]); a rule
/// added there for a new kind of first token must be let through here too (the
/// `can_start_lets_every_match_through` test tries every lexicon word in many contexts).
/// The tokenizer asks it of every token the lexicon table holds and lists those it accepts;
/// a word it accepts that means nothing to the rules must be in that table, as `Lex::None`
/// ([`starting_words`]).
///
/// It also holds for the parts: where it is false, `qualifier_end`, `with_position` and
/// `core` each find nothing, so rules that try them on a later token may ask it first.
#[inline]
pub(crate) fn can_start(t: &Token<'_>) -> bool {
    match t.kind {
        TokenKind::Digits | TokenKind::Punct('\'') => true,
        TokenKind::Punct(_) => false,
        TokenKind::Word => match t.lex {
            Lex::Scale { .. } | Lex::DayPart(_) => false,
            Lex::Word(kw) => kw_can_start(kw),
            // `code_rules` and `final_quarter`.
            // Dispatched on the length first: most words have none of these lengths, and
            // the decade words all end in "s".
            Lex::None => match t.text.as_bytes() {
                [b'Q' | b'H'] | b"FY" => true,
                w if w.len() == 5 => w.eq_ignore_ascii_case(b"final"),
                w @ [.., last] if (7..=9).contains(&w.len()) => {
                    w.eq_ignore_ascii_case(b"valentine")
                        || (last | 0x20 == b's'
                            && DECADE_WORDS
                                .iter()
                                .any(|(d, _)| w.eq_ignore_ascii_case(d.as_bytes())))
                }
                _ => false,
            },
            Lex::Month { .. }
            | Lex::Weekday { .. }
            | Lex::Unit { .. }
            | Lex::Season(_)
            | Lex::Number(_)
            | Lex::Ordinal(_) => true,
        },
    }
}

/// Words outside the lexicon that [`can_start`] accepts, in lowercase (it asks for "Q", "H"
/// and "FY" as written): the lexicon table holds them as `Lex::None`.
pub(crate) fn starting_words() -> impl Iterator<Item = &'static str> {
    ["q", "h", "fy", "final", "valentine"]
        .into_iter()
        .chain(DECADE_WORDS.iter().map(|&(word, _)| word))
}

/// Words between an amount and its unit: "eight trading days", "a full year".
const UNIT_MODIFIERS: [&str; 5] = ["trading", "business", "working", "calendar", "full"];

/// Whether a match can start at a word that means `kw`: the words
/// [`Matcher::qualifier_end`], [`Matcher::with_position`] and [`Matcher::keyword_rules`]
/// act on. Every word is listed, so a new one needs a decision here.
fn kw_can_start(kw: Kw) -> bool {
    match kw {
        // Qualifiers before an amount.
        Kw::At
        | Kw::More
        | Kw::Less
        | Kw::Up
        | Kw::Nearly
        | Kw::Almost
        | Kw::About
        | Kw::Around
        | Kw::Approximately
        | Kw::Roughly
        | Kw::Some
        | Kw::Over
        | Kw::Under => true,
        // Positions before a date.
        Kw::Early
        | Kw::Late
        | Kw::Earlier
        | Kw::Later
        | Kw::Mid
        | Kw::The
        | Kw::End
        | Kw::Beginning
        | Kw::Start => true,
        // Keyword rules.
        Kw::Today
        | Kw::Tonight
        | Kw::Yesterday
        | Kw::Tomorrow
        | Kw::Now
        | Kw::Currently
        | Kw::Presently
        | Kw::Nowadays
        | Kw::Current
        | Kw::Recently
        | Kw::Lately
        | Kw::Recent
        | Kw::Future
        | Kw::Last
        | Kw::Next
        | Kw::This
        | Kw::Past
        | Kw::Coming
        | Kw::Upcoming
        | Kw::Previous
        | Kw::Prior
        | Kw::Following
        | Kw::That
        | Kw::These
        | Kw::Latest
        | Kw::Every
        | Kw::Each
        | Kw::Per
        | Kw::Daily
        | Kw::Weekly
        | Kw::Monthly
        | Kw::Yearly
        | Kw::Annually
        | Kw::Hourly
        | Kw::Fiscal
        | Kw::Noon
        | Kw::Midday
        | Kw::Midnight
        | Kw::Christmas
        | Kw::Easter
        | Kw::Thanksgiving
        | Kw::Halloween
        | Kw::New
        | Kw::A
        | Kw::An
        | Kw::Several
        | Kw::Few
        | Kw::Many
        | Kw::Half => true,
        // Words the rules read only after a first word.
        Kw::Ago
        | Kw::Of
        | Kw::In
        | Kw::On
        | Kw::Overnight
        | Kw::Same
        | Kw::Couple
        | Kw::Before
        | Kw::After
        | Kw::And
        | Kw::Or
        | Kw::So
        | Kw::Than
        | Kw::Least
        | Kw::Most
        | Kw::To
        | Kw::Within
        | Kw::For
        | Kw::Whole
        | Kw::Full
        | Kw::Entire
        | Kw::Another
        | Kw::Additional
        | Kw::Once
        | Kw::Twice
        | Kw::Times
        | Kw::Other
        | Kw::Eve
        | Kw::Quarterly
        | Kw::Am
        | Kw::Pm
        | Kw::Zone
        | Kw::Since
        | Kw::Until
        | Kw::During
        | Kw::By
        | Kw::From
        | Kw::Through
        | Kw::Near
        | Kw::Term
        | Kw::Short
        | Kw::Long
        | Kw::Ended
        | Kw::Ending
        | Kw::Old
        | Kw::Time
        | Kw::While
        | Kw::Moment
        | Kw::Dozens
        | Kw::Scores => false,
    }
}

/// Nouns after a number that make it a count rather than a year ("2000 people").
fn is_count_noun(word: &str) -> bool {
    const NOUNS: &[&str] = &[
        "people",
        "persons",
        "men",
        "women",
        "children",
        "troops",
        "soldiers",
        "police",
        "policemen",
        "workers",
        "employees",
        "jobs",
        "votes",
        "voters",
        "dollars",
        "euros",
        "pounds",
        "rupees",
        "yen",
        "tons",
        "tonnes",
        "barrels",
        "km",
        "kilometres",
        "kilometers",
        "miles",
        "metres",
        "meters",
        "feet",
        "acres",
        "hectares",
        "cases",
        "deaths",
        "houses",
        "homes",
        "cars",
        "vehicles",
        "shares",
        "students",
        "members",
        "seats",
        "units",
        "points",
        "words",
        "pages",
        "copies",
        "families",
        "refugees",
        "migrants",
        "passengers",
        "runs",
        "wickets",
        "residents",
        "civilians",
        "militants",
        "fighters",
        "prisoners",
        "patients",
        "doctors",
        "teachers",
        "schools",
        "villages",
        "stores",
        "flights",
        "tanks",
        "rockets",
        "missiles",
        "bombs",
        "guns",
        "rifles",
        "ships",
        "planes",
        "aircraft",
        "cattle",
        "sheep",
        "dlrs",
        "mln",
        "billion",
        "million",
        "ft",
        "kg",
        "lb",
        "lbs",
        "mw",
        "bpd",
        "calories",
        "delegates",
        "candidates",
        "participants",
        "protesters",
        "demonstrators",
        "others",
        "more",
        "additional",
        "new",
        "vessels",
        "trucks",
        "buses",
        "companies",
        "firms",
        "banks",
        "hospitals",
        "beds",
        "sq",
        "square",
        "kilograms",
        "grams",
        "litres",
        "liters",
        "gallons",
        "rounds",
        "years",
        "days",
        "hours",
        "minutes",
        "months",
        "weeks",
    ];
    NOUNS.iter().any(|n| word.eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::times::{lexicon, tokens};

    /// Every token where `can_start` says no must be one where `match_at` finds nothing.
    fn assert_skips_only_dead_tokens(text: &str, anchor: Option<Date>) {
        let tokens = tokens::tokenize(text);
        let matcher = Matcher {
            tokens: &tokens,
            anchor,
            ctx: Context::default(),
        };
        for (i, token) in tokens.iter().enumerate() {
            if !matcher.can_start(i) || matcher.dead_article(i) {
                let found = matcher.match_at(i);
                assert!(
                    found.is_none(),
                    "can_start skips {:?} in {text:?}, where {found:?} starts",
                    token.text
                );
            }
        }
    }

    #[test]
    fn can_start_lets_every_match_through() {
        const CONTEXTS: &[&str] = &[
            "{}",
            "{} 5",
            "{} 2023",
            "{} 1990s",
            "{} '90s",
            "{} 9:30 pm",
            "{} May 9",
            "{} May 9, 2023",
            "{} Monday",
            "{} Monday morning",
            "{} the year",
            "{} of 2023",
            "{} of the year",
            "{} quarter",
            "{} quarter of 2023",
            "{} half",
            "{} week",
            "{} weekend",
            "{} year",
            "{} years",
            "{} years ago",
            "{} two weeks",
            "{} two weeks ago",
            "{} a year",
            "{} a few days",
            "{} several months",
            "{} than 5 years",
            "{} least two years",
            "{} most two years",
            "{} to three months",
            "{} term",
            "{} future",
            "{} night",
            "{} morning",
            "{} day",
            "{} day before yesterday",
            "{} Eve",
            "{} Day",
            "{} - 2023",
            "{}-2023",
            "{}-year",
            "{} fiscal year",
            "{} fiscal 1990",
            "{} two thousand",
            "{} ninety-seven",
            "{} nineteen ninety",
            "the {}",
            "the {} future",
            "the {} period",
            "the {} 5",
            "a {}",
            "an {}",
            "a {} year",
            "a {}-year",
            "a {} - year",
            "a {} days",
            "in {}",
            "the {} of May",
            "{} of the month",
            "{} of May",
            "{} week of March 6",
            "They will meet {}.",
            "He said {} it rained.",
            "\"{}\"",
            "Q{} 1",
            "{} Q1",
            "{} FY 2023",
            "{} 2q",
        ];
        let mut words: Vec<String> = lexicon::words().map(str::to_string).collect();
        // Words outside the lexicon that rules start at, and some that they do not.
        for w in [
            "Q",
            "H",
            "FY",
            "final",
            "nineties",
            "sixties",
            "Valentine",
            "said",
            "people",
            "comparable",
            "foreseeable",
            "trading",
            "business",
            "working",
            "calendar",
            "Trading",
            "period",
            "x",
            "Zoë",
        ] {
            words.push(w.to_string());
        }
        let capitalized: Vec<String> = words
            .iter()
            .map(|w| {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            })
            .collect();
        words.extend(capitalized);
        for word in &words {
            for context in CONTEXTS {
                let text = context.replace("{}", word);
                assert_skips_only_dead_tokens(&text, Date::new(2023, 5, 9));
                assert_skips_only_dead_tokens(&text, None);
            }
        }
    }

    #[test]
    fn can_start_lets_every_match_through_in_the_golden_articles() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/articles");
        let mut read = 0;
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                assert_skips_only_dead_tokens(&text, Date::new(2023, 5, 9));
                assert_skips_only_dead_tokens(&text, None);
                read += 1;
            }
        }
        assert!(read > 10, "golden articles not found in {}", dir.display());
    }
}
