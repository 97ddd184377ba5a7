//! The quantity pass: numbers with what they count and how they are hedged.
//!
//! The text is tokenized with the time pass's tokenizer and scanned once, left to right. At
//! each number (digits like "1,750" or "2.5", words like "three" or "twenty-four", "dozens
//! of") the pass reads, within a few tokens: a qualifier before it ("at least", "nearly"), a
//! currency before it ("$", "Rs", "US$"), a scale after it ("million", "bn"), a unit after it
//! ("percent", "km", "dlrs per tonne"), and otherwise the noun it counts ("103 people").
//!
//! Numbers inside time expressions (years, dates, clock times, durations) are not quantities,
//! nor are phone numbers, ordinals, scores and identifiers ("F-16", "Flight 370", "G7").

#[cfg(test)]
mod tests;

use std::borrow::Cow;

use once_cell::sync::Lazy;

use crate::extract::structure::Structure;
use crate::extract::times::lexicon::{Kw, Lex};
use crate::extract::times::tokens::{small_integer, DigitText, Token, TokenKind, Tokens};
use crate::extract::times::wordmap::WordMap;
use crate::text::Document;
use crate::{Qualifier, Quantity, TimeExpression};

/// Runs the quantity pass over `tokens`, the time tokenizer's tokens of `doc.text` (shared
/// with the time pass); `times` are excluded (years and dates are not quantities).
pub(crate) fn extract(
    doc: &Document<'_>,
    structure: &Structure,
    tokens: &Tokens<'_>,
    times: &[TimeExpression],
) -> Vec<Quantity> {
    let _ = structure;
    let text = doc.text;
    let scanner = Scanner {
        tokens,
        in_time: mark_times(tokens, times),
    };
    let mut out = Vec::new();
    // The first token not inside an earlier quantity or skipped run.
    let mut next = 0;
    // Most tokens cannot start a quantity: the tokenizer listed the others.
    for &i in &tokens.quantity_starts {
        if i < next || scanner.no_number_near(i) {
            continue;
        }
        match scanner.quantity_at(i) {
            Some(Step::Skip(end)) => next = end.max(i + 1),
            Some(Step::Found(found)) if found.end > i => {
                let span = tokens
                    .get(found.start)
                    .zip(tokens.get(found.end - 1))
                    .map(|(first, last)| (first.start, last.end));
                if let Some((start, end, slice)) =
                    span.and_then(|(start, end)| Some((start, end, text.get(start..end)?)))
                {
                    out.push(Quantity {
                        text: slice.to_string(),
                        start,
                        end,
                        value: found.value,
                        noun: found.noun,
                        qualifier: found.qualifier,
                        unit: found.unit,
                    });
                }
                next = found.end;
            }
            Some(Step::Found(_)) | None => {}
        }
    }
    out
}

/// For each token, whether it lies inside a time expression. Both lists are in text order
/// and time expressions do not overlap, so each expression marks a run of tokens found by
/// binary search: a few expressions per article, against thousands of tokens.
fn mark_times(tokens: &[Token<'_>], times: &[TimeExpression]) -> Vec<bool> {
    let mut marks = vec![false; tokens.len()];
    for time in times {
        let first = tokens.partition_point(|token| token.end <= time.start);
        for (mark, token) in marks[first..].iter_mut().zip(&tokens[first..]) {
            if token.start >= time.end {
                break;
            }
            *mark = true;
        }
    }
    marks
}

/// A unit or currency a number can carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum UnitKind {
    /// A currency: the unit is its code ("USD") or "Rs".
    Money,
    /// "percent", "percentage points".
    Percent,
    /// A measure: "km", "tonne", "barrel".
    Measure,
}

/// Words after a number that give its unit, lowercased.
static UNIT_WORDS: Lazy<WordMap<(&'static str, UnitKind)>> = Lazy::new(|| {
    use UnitKind::{Measure, Money, Percent};
    let entries: &[(&str, &str, UnitKind)] = &[
        ("dollars", "USD", Money),
        ("dollar", "USD", Money),
        ("dlrs", "USD", Money),
        ("usd", "USD", Money),
        ("euros", "EUR", Money),
        ("euro", "EUR", Money),
        ("eur", "EUR", Money),
        ("sterling", "GBP", Money),
        ("gbp", "GBP", Money),
        ("rupees", "Rs", Money),
        ("rupee", "Rs", Money),
        ("pkr", "PKR", Money),
        ("inr", "INR", Money),
        ("yen", "JPY", Money),
        ("jpy", "JPY", Money),
        ("yuan", "CNY", Money),
        ("renminbi", "CNY", Money),
        ("cny", "CNY", Money),
        ("rmb", "CNY", Money),
        ("riyals", "SAR", Money),
        ("riyal", "SAR", Money),
        ("dirhams", "AED", Money),
        ("dirham", "AED", Money),
        ("roubles", "RUB", Money),
        ("rubles", "RUB", Money),
        ("lira", "TRY", Money),
        ("naira", "NGN", Money),
        ("rand", "ZAR", Money),
        ("taka", "BDT", Money),
        ("afghanis", "AFN", Money),
        ("francs", "franc", Money),
        ("cents", "cent", Money),
        ("percent", "percent", Percent),
        ("pct", "percent", Percent),
        ("km", "km", Measure),
        ("kms", "km", Measure),
        ("kilometres", "km", Measure),
        ("kilometers", "km", Measure),
        ("kilometre", "km", Measure),
        ("kilometer", "km", Measure),
        ("miles", "mile", Measure),
        ("mile", "mile", Measure),
        ("metres", "m", Measure),
        ("meters", "m", Measure),
        ("metre", "m", Measure),
        ("meter", "m", Measure),
        ("cm", "cm", Measure),
        ("mm", "mm", Measure),
        ("kg", "kg", Measure),
        ("kgs", "kg", Measure),
        ("kilograms", "kg", Measure),
        ("kilogrammes", "kg", Measure),
        ("kilos", "kg", Measure),
        ("grams", "g", Measure),
        ("tonnes", "tonne", Measure),
        ("tonne", "tonne", Measure),
        ("tons", "ton", Measure),
        ("ton", "ton", Measure),
        ("barrels", "barrel", Measure),
        ("barrel", "barrel", Measure),
        ("bpd", "barrel per day", Measure),
        ("acres", "acre", Measure),
        ("hectares", "hectare", Measure),
        ("feet", "ft", Measure),
        ("ft", "ft", Measure),
        ("inches", "inch", Measure),
        ("litres", "litre", Measure),
        ("liters", "litre", Measure),
        ("gallons", "gallon", Measure),
        ("mw", "MW", Measure),
        ("megawatts", "MW", Measure),
        ("gw", "GW", Measure),
        ("kwh", "kWh", Measure),
        ("degrees", "degree", Measure),
        ("mph", "mph", Measure),
        ("kph", "km/h", Measure),
        ("pounds", "pound", Measure),
        ("lbs", "pound", Measure),
        ("lb", "pound", Measure),
        ("calories", "calorie", Measure),
        ("megabytes", "MB", Measure),
        ("gigabytes", "GB", Measure),
    ];
    WordMap::new(entries.iter().map(|&(w, u, k)| (w, (u, k))))
});

/// [`IRREGULAR_PLURALS`] and [`STOP_WORDS`] as sets: almost every number looks words up in
/// them.
static IRREGULAR_PLURAL_SET: Lazy<WordMap<()>> =
    Lazy::new(|| WordMap::set(IRREGULAR_PLURALS.iter().copied()));
static STOP_WORD_SET: Lazy<WordMap<()>> = Lazy::new(|| WordMap::set(STOP_WORDS.iter().copied()));

/// Currency written before a number: symbols and codes.
fn currency_before(token: &Token<'_>) -> Option<&'static str> {
    match token.kind {
        TokenKind::Punct('$') => Some("USD"),
        TokenKind::Punct('£') => Some("GBP"),
        TokenKind::Punct('€') => Some("EUR"),
        TokenKind::Punct('¥') => Some("JPY"),
        TokenKind::Punct('₹') => Some("INR"),
        TokenKind::Punct('₨') => Some("Rs"),
        TokenKind::Word => match token.text {
            "Rs" | "RS" | "rs" => Some("Rs"),
            "PKR" => Some("PKR"),
            "INR" => Some("INR"),
            "USD" => Some("USD"),
            "EUR" => Some("EUR"),
            "GBP" => Some("GBP"),
            "Tk" => Some("BDT"),
            "Dh" | "AED" => Some("AED"),
            "SR" | "SAR" => Some("SAR"),
            _ => None,
        },
        _ => None,
    }
}

/// A cheap test that token `t` can start a quantity, so most words cost one match. The
/// time tokenizer asks it of every token its lexicon table holds and lists those it accepts;
/// a word it accepts that the lexicon does not know must be in that table, as `Lex::None`
/// ([`starting_words`]).
#[inline]
pub(crate) fn may_start(t: &Token<'_>) -> bool {
    match t.kind {
        TokenKind::Digits => true,
        TokenKind::Punct(c) => matches!(c, '$' | '£' | '€' | '¥' | '₹' | '₨'),
        TokenKind::Word => match t.lex {
            Lex::Number(_) | Lex::Scale { .. } => true,
            Lex::Word(kw) => matches!(
                kw,
                Kw::At
                    | Kw::More
                    | Kw::Less
                    | Kw::Up
                    | Kw::Over
                    | Kw::Under
                    | Kw::Nearly
                    | Kw::Almost
                    | Kw::About
                    | Kw::Around
                    | Kw::Approximately
                    | Kw::Roughly
                    | Kw::Some
                    | Kw::A
                    | Kw::An
                    | Kw::Dozens
                    | Kw::Scores
            ),
            // What `qualifier` and `currency` take of the words the lexicon does not know:
            // a few qualifiers, currency codes and "US$" prefixes. Any other such word
            // starts nothing, and most words of the text are such words.
            Lex::None => match t.text.len() {
                // Currency words and prefixes are capitalised, but for "rs".
                1..=3 => {
                    let capitalised = t
                        .text
                        .as_bytes()
                        .first()
                        .is_some_and(u8::is_ascii_uppercase);
                    t.text.eq_ignore_ascii_case("as")
                        || ((capitalised || t.text == "rs")
                            && (currency_before(t).is_some() || dollar_prefix(t.text).is_some()))
                }
                5 | 9 => HEDGE_WORDS.iter().any(|w| t.text.eq_ignore_ascii_case(w)),
                _ => false,
            },
            _ => false,
        },
    }
}

/// Qualifier words outside the lexicon: "above", "below", "close to", "exceeding".
const HEDGE_WORDS: [&str; 4] = ["above", "below", "close", "exceeding"];

/// Words outside the time lexicon that [`may_start`] accepts in some case, in lowercase: "as",
/// the hedges, currency codes and "US$" prefixes (the test `start_lists_miss_no_start` in
/// `times/tokens.rs` tries every short word).
pub(crate) fn starting_words() -> impl Iterator<Item = &'static str> {
    const CURRENCY_WORDS: [&str; 19] = [
        "rs", "pkr", "inr", "usd", "eur", "gbp", "tk", "dh", "aed", "sr", "sar", "us", "c", "ca",
        "au", "hk", "s", "nz", "nt",
    ];
    ["as"].into_iter().chain(HEDGE_WORDS).chain(CURRENCY_WORDS)
}

/// Letters written against a dollar sign: "US$", "C$", "HK$".
fn dollar_prefix(word: &str) -> Option<&'static str> {
    Some(match word {
        "US" => "USD",
        "C" | "CA" => "CAD",
        "A" | "AU" => "AUD",
        "HK" => "HKD",
        "S" => "SGD",
        "NZ" => "NZD",
        "NT" => "TWD",
        _ => return None,
    })
}

/// Plurals that do not end in "s".
const IRREGULAR_PLURALS: &[&str] = &[
    "people",
    "men",
    "women",
    "children",
    "police",
    "cattle",
    "sheep",
    "personnel",
    "staff",
    "livestock",
    "feet",
    "teeth",
    "geese",
    "mice",
    "aircraft",
    "crew",
    "infantry",
    "youth",
];

/// Words that end a noun search: function words and common verbs after counts.
const STOP_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "to",
    "in",
    "on",
    "at",
    "and",
    "or",
    "for",
    "from",
    "with",
    "by",
    "as",
    "than",
    "that",
    "this",
    "these",
    "those",
    "who",
    "which",
    "were",
    "was",
    "are",
    "is",
    "be",
    "been",
    "have",
    "has",
    "had",
    "will",
    "would",
    "said",
    "says",
    "per",
    "each",
    "more",
    "less",
    "over",
    "under",
    "up",
    "down",
    "after",
    "before",
    "into",
    "its",
    "their",
    "his",
    "her",
    "our",
    "this",
    "times",
    "percent",
    "years",
    "year",
    "days",
    "months",
    "weeks",
    "hours",
    "minutes",
    "seconds",
    "other",
    "others",
    "such",
    "while",
    "when",
    "where",
    "but",
    "not",
    "only",
    "also",
    "about",
    "around",
    "nearly",
    "including",
    "among",
];

/// A number read at some token: its value and where it ends.
#[derive(Debug, Clone, Copy)]
struct Number {
    end: usize,
    value: f64,
    /// Written in digits.
    digits: bool,
    /// "dozens of", "hundreds of": at least twice the scale.
    plural_scale: bool,
}

/// What the scan does at a token.
enum Step {
    /// A quantity.
    Found(Found),
    /// Not a quantity, and nothing up to this token is one (a phone number, a code).
    Skip(usize),
}

struct Found {
    start: usize,
    end: usize,
    value: f64,
    noun: Option<String>,
    qualifier: Qualifier,
    unit: Option<String>,
}

struct Scanner<'a, 't> {
    tokens: &'a [Token<'t>],
    in_time: Vec<bool>,
}

impl<'a, 't> Scanner<'a, 't> {
    fn tok(&self, i: usize) -> Option<&Token<'t>> {
        self.tokens.get(i)
    }

    fn kw(&self, i: usize) -> Option<Kw> {
        match self.tok(i)?.lex {
            Lex::Word(kw) => Some(kw),
            _ => None,
        }
    }

    fn is(&self, i: usize, kw: Kw) -> bool {
        self.kw(i) == Some(kw)
    }

    fn word_is(&self, i: usize, word: &str) -> bool {
        self.tok(i).is_some_and(|t| t.is_word(word))
    }

    fn punct(&self, i: usize, c: char) -> bool {
        self.tok(i).is_some_and(|t| t.is_punct(c))
    }

    fn touches(&self, i: usize) -> bool {
        i > 0 && i < self.tokens.len() && self.tokens[i - 1].end == self.tokens[i].start
    }

    fn is_digits(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.kind == TokenKind::Digits)
    }

    fn timed(&self, i: usize) -> bool {
        self.in_time.get(i).copied().unwrap_or(false)
    }

    /// A quantity starting at token `i` (a qualifier, a currency or a number).
    fn quantity_at(&self, i: usize) -> Option<Step> {
        if !self.may_start(i) {
            return None;
        }
        let (qualifier, j) = self.qualifier(i).unwrap_or((Qualifier::Exact, i));
        let (currency, k) = self.currency(j).map_or((None, j), |(c, k)| (Some(c), k));
        if j == i && k == i && !self.starts_number(i) {
            return None;
        }
        if self.timed(k) {
            return None;
        }
        if let Some(skip) = self.not_a_quantity(k) {
            return Some(Step::Skip(skip));
        }
        let number = self.number(k)?;
        let mut end = number.end;
        let mut value = number.value;
        let mut unit: Option<String> = currency.map(str::to_string);
        let mut noun = None;
        let mut qualifier = qualifier;
        // Scale after the number: "2.5 million", "$5bn", "Rs 10 billion".
        if let Some((scale, e)) = self.scale(end, currency.is_some()) {
            value *= scale;
            end = e;
        }
        // Percent: "30%", "15 percent", "15 per cent", "2 percentage points".
        if self.punct(end, '%') && self.touches(end) {
            unit = Some("percent".to_string());
            end += 1;
        } else if self.word_is(end, "per") && self.word_is(end + 1, "cent") {
            unit = Some("percent".to_string());
            end += 2;
        } else if self.word_is(end, "basis")
            && (self.word_is(end + 1, "points") || self.word_is(end + 1, "point"))
        {
            unit = Some("basis point".to_string());
            end += 2;
        } else if self.word_is(end, "percentage")
            && (self.word_is(end + 1, "points") || self.word_is(end + 1, "point"))
        {
            unit = Some("percentage point".to_string());
            end += 2;
        } else if let Some((code, e)) = self.national_dollars(end) {
            unit = Some(code.to_string());
            end = e;
            if let Some(e) = self.rate(end) {
                end = e;
            }
        } else if let Some((name, kind)) = self.unit_word(end) {
            if !(self.timed(end)) && (unit.is_none() || kind == UnitKind::Money) {
                // "1,750 dlrs per tonne": keep the rate in the text.
                unit = Some(name.to_string());
                end += 1;
                if kind != UnitKind::Percent {
                    if let Some(e) = self.rate(end) {
                        end = e;
                    }
                }
            }
        } else if unit.is_some() {
            if let Some(e) = self.rate(end) {
                end = e;
            }
        }
        if number.plural_scale {
            if qualifier == Qualifier::Exact {
                qualifier = Qualifier::AtLeast;
            }
            if self.is(end, Kw::Of) {
                end += 1;
            }
        }
        if unit.is_none() {
            if let Some((n, e)) = self.counted_noun(end) {
                noun = Some(n);
                end = e;
            } else if !number.digits && qualifier == Qualifier::Exact && !number.plural_scale {
                // A number word alone ("one of them", "the two") is rarely a quantity.
                return None;
            }
        }
        if (k..end).any(|x| self.timed(x)) {
            // Part of it belongs to a time expression ("$5 a day" where "a day" is a set):
            // stop before it.
            let cut = (k..end).find(|&x| self.timed(x)).unwrap_or(end);
            if cut <= number.end {
                return None;
            }
            end = cut;
            noun = None;
        }
        Some(Step::Found(Found {
            start: i,
            end,
            value,
            noun,
            qualifier,
            unit,
        }))
    }

    /// A cheap test that token `i` can start a quantity: see [`may_start`].
    fn may_start(&self, i: usize) -> bool {
        self.tok(i).is_some_and(may_start)
    }

    /// No number is near enough to token `i` for a quantity to start there: none among it and
    /// the six tokens after it, the farthest a qualifier and a currency put the number ("as
    /// many as US$ 5"). Most words that may start a quantity ("a", "about", "over") are not
    /// before a number, and this costs less than finding it out.
    fn no_number_near(&self, i: usize) -> bool {
        let near = self.tokens.get(i..).unwrap_or_default();
        !near.iter().take(7).any(|t| {
            t.kind == TokenKind::Digits
                || matches!(
                    t.lex,
                    Lex::Number(_) | Lex::Scale { .. } | Lex::Word(Kw::Dozens | Kw::Scores)
                )
        })
    }

    fn starts_number(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        t.kind == TokenKind::Digits
            || matches!(
                t.lex,
                Lex::Number(_) | Lex::Scale { .. } | Lex::Word(Kw::Dozens | Kw::Scores)
            )
            || (matches!(t.lex, Lex::Word(Kw::A | Kw::An))
                && matches!(self.tok(i + 1).map(|n| n.lex), Some(Lex::Scale { .. })))
    }

    /// "at least", "more than", "nearly" ...: the qualifier and the token after it.
    fn qualifier(&self, i: usize) -> Option<(Qualifier, usize)> {
        let t = self.tok(i)?;
        let q = match t.lex {
            Lex::Word(Kw::At) if self.is(i + 1, Kw::Least) => (Qualifier::AtLeast, i + 2),
            Lex::Word(Kw::At) if self.is(i + 1, Kw::Most) => (Qualifier::AtMost, i + 2),
            Lex::Word(Kw::More) if self.is(i + 1, Kw::Than) => (Qualifier::MoreThan, i + 2),
            Lex::Word(Kw::Less) if self.is(i + 1, Kw::Than) => (Qualifier::LessThan, i + 2),
            Lex::Word(Kw::Up) if self.is(i + 1, Kw::To) => (Qualifier::AtMost, i + 2),
            Lex::Word(Kw::Over) => (Qualifier::MoreThan, i + 1),
            Lex::Word(Kw::Under) => (Qualifier::LessThan, i + 1),
            Lex::Word(
                Kw::Nearly | Kw::Almost | Kw::About | Kw::Around | Kw::Approximately | Kw::Roughly,
            ) => (Qualifier::About, i + 1),
            Lex::Word(Kw::Some) => (Qualifier::About, i + 1),
            _ => {
                if t.is_word("above") || t.is_word("exceeding") {
                    (Qualifier::MoreThan, i + 1)
                } else if t.is_word("below") {
                    (Qualifier::LessThan, i + 1)
                } else if t.is_word("close") && self.is(i + 1, Kw::To) {
                    (Qualifier::About, i + 2)
                } else if t.is_word("as")
                    && (self.is(i + 1, Kw::Many) || self.word_is(i + 1, "much"))
                    && self.word_is(i + 2, "as")
                {
                    (Qualifier::AtMost, i + 3)
                } else if t.is_word("an") && self.word_is(i + 1, "estimated") {
                    (Qualifier::About, i + 2)
                } else {
                    return None;
                }
            }
        };
        // The qualifier counts only when a number (or a currency) follows.
        let next = q.1;
        (self.starts_number(next) || self.currency(next).is_some()).then_some(q)
    }

    /// A currency before the number: `(code, index of the number)`.
    fn currency(&self, i: usize) -> Option<(&'static str, usize)> {
        let t = self.tok(i)?;
        // "US$", "C$", "HK$".
        if t.kind == TokenKind::Word && self.punct(i + 1, '$') && self.touches(i + 1) {
            if let Some(code) = dollar_prefix(t.text) {
                return self.number_after(i + 2).then_some((code, i + 2));
            }
        }
        let code = currency_before(t)?;
        let mut j = i + 1;
        // "Rs. 500", "Rs.500".
        if t.kind == TokenKind::Word && self.punct(j, '.') && self.touches(j) {
            j += 1;
        }
        self.number_after(j).then_some((code, j))
    }

    fn number_after(&self, j: usize) -> bool {
        self.is_digits(j)
            || matches!(
                self.tok(j).map(|t| t.lex),
                Some(Lex::Number(_) | Lex::Scale { .. })
            )
    }

    /// Numbers that are not quantities: phone numbers, scores, codes, ordinals and names
    /// with digits. Returns where to resume.
    fn not_a_quantity(&self, i: usize) -> Option<usize> {
        let t = self.tok(i)?;
        if t.kind != TokenKind::Digits {
            return None;
        }
        // "+92 300 1234567", "(021) 111-222".
        if i > 0 && (self.punct(i - 1, '+') && self.touches(i)) {
            return Some(self.skip_digit_run(i));
        }
        if i > 0 && self.punct(i - 1, '(') && self.punct(i + 1, ')') && self.is_digits(i + 2) {
            return Some(self.skip_digit_run(i + 2));
        }
        // "051-2345678", "2-1", "1-800-555": digits joined by hyphens or slashes.
        if (self.punct(i + 1, '-') || self.punct(i + 1, '/'))
            && self.touches(i + 1)
            && self.touches(i + 2)
            && self.is_digits(i + 2)
        {
            return Some(self.skip_digit_run(i));
        }
        // Long unbroken digit strings are identifiers or phone numbers.
        if t.text.len() >= 7 {
            return Some(self.skip_digit_run(i));
        }
        // "1st", "21st", "3rd".
        if self.touches(i + 1)
            && ["st", "nd", "rd", "th"]
                .iter()
                .any(|s| self.word_is(i + 1, s))
        {
            return Some(i + 2);
        }
        // "G7", "H1N1", "F-16", "AK-47", "COVID-19".
        if i > 0 && self.touches(i) {
            let p = &self.tokens[i - 1];
            if p.kind == TokenKind::Word {
                return Some(i + 1);
            }
            if p.is_punct('-')
                && i >= 2
                && self.touches(i - 1)
                && self.tokens[i - 2].kind == TokenKind::Word
            {
                return Some(i + 1);
            }
            if p.is_punct('.') && i >= 2 && self.touches(i - 1) && self.is_digits(i - 2) {
                // The tail of "1.2.3".
                return Some(i + 1);
            }
        }
        // "5G", "4x4" (but "5bn", "10km" are scale and unit).
        if self.touches(i + 1) {
            if let Some(n) = self.tok(i + 1) {
                if n.kind == TokenKind::Word
                    && !matches!(n.lex, Lex::Scale { .. })
                    && self.unit_word(i + 1).is_none()
                    && !["m", "k", "b", "bn", "mn"].contains(&n.text)
                {
                    return Some(i + 2);
                }
            }
        }
        // "Flight 370", "Article 370", "No. 5", "Boeing 747".
        if i > 0 {
            let p = &self.tokens[i - 1];
            let after_label = p.kind == TokenKind::Word
                && p.is_capitalized()
                && p.lex == Lex::None
                && currency_before(p).is_none();
            let after_number_sign = p.is_punct('#')
                || (p.is_punct('.') && i >= 2 && {
                    let w = &self.tokens[i - 2];
                    w.is_word("no") || w.is_word("nos")
                });
            if after_label || after_number_sign {
                return Some(i + 1);
            }
        }
        None
    }

    /// The end of a run of digit groups joined by hyphens, spaces, slashes or dots.
    fn skip_digit_run(&self, i: usize) -> usize {
        let mut j = i + 1;
        let mut steps = 0;
        while steps < 8 {
            if self.is_digits(j) && !self.touches(j) && self.tokens[j].text.len() >= 3 {
                j += 1;
            } else if matches!(
                self.tok(j).map(|t| t.kind),
                Some(TokenKind::Punct('-' | '/' | '.' | ')'))
            ) && self.is_digits(j + 1)
                && self.touches(j + 1)
            {
                j += 2;
            } else {
                break;
            }
            steps += 1;
        }
        j
    }

    /// The number at `i`, digits or words.
    fn number(&self, i: usize) -> Option<Number> {
        let t = self.tok(i)?;
        match t.lex {
            _ if t.kind == TokenKind::Digits => {
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
                if text.len() > 30 {
                    return None;
                }
                // A lone digits token, the common case, needs no float parser.
                let value: f64 = match (end == i + 1).then(|| small_integer(t.text)).flatten() {
                    Some(v) => v,
                    _ => text.as_str()?.parse().ok()?,
                };
                Some(Number {
                    end,
                    value,
                    digits: true,
                    plural_scale: false,
                })
            }
            Lex::Number(n) => {
                let mut value = f64::from(n);
                let mut end = i + 1;
                if n >= 20 && n % 10 == 0 {
                    let mut k = end;
                    if self.punct(k, '-') && self.touches(k) {
                        k += 1;
                    }
                    if let Some(Lex::Number(u)) = self.tok(k).map(|t| t.lex) {
                        if (1..=9).contains(&u) {
                            value += f64::from(u);
                            end = k + 1;
                        }
                    }
                }
                // "two hundred", "five thousand".
                if let Some(Lex::Scale {
                    value: scale,
                    plural: false,
                }) = self.tok(end).map(|t| t.lex)
                {
                    if scale <= 1000 {
                        value *= scale as f64;
                        end += 1;
                    }
                }
                Some(Number {
                    end,
                    value,
                    digits: false,
                    plural_scale: false,
                })
            }
            Lex::Word(Kw::A | Kw::An) => {
                let Some(Lex::Scale {
                    value,
                    plural: false,
                }) = self.tok(i + 1).map(|t| t.lex)
                else {
                    return None;
                };
                Some(Number {
                    end: i + 2,
                    value: value as f64,
                    digits: false,
                    plural_scale: false,
                })
            }
            Lex::Scale {
                value,
                plural: true,
            } => {
                // "hundreds of thousands of": multiply the plural scales.
                let mut total = value as f64 * 2.0;
                let mut end = i + 1;
                if self.is(end, Kw::Of) {
                    if let Some(Lex::Scale {
                        value: v2,
                        plural: true,
                    }) = self.tok(end + 1).map(|t| t.lex)
                    {
                        total *= v2 as f64;
                        end += 2;
                    }
                }
                Some(Number {
                    end,
                    value: total,
                    digits: false,
                    plural_scale: true,
                })
            }
            Lex::Word(Kw::Dozens) => Some(Number {
                end: i + 1,
                value: 24.0,
                digits: false,
                plural_scale: true,
            }),
            Lex::Word(Kw::Scores) if self.is(i + 1, Kw::Of) => Some(Number {
                end: i + 1,
                value: 40.0,
                digits: false,
                plural_scale: true,
            }),
            _ => None,
        }
    }

    /// A scale word after a number: `(multiplier, end)`. Single letters ("$5m", "$5b",
    /// "$5k") count only written against the number after a currency.
    fn scale(&self, i: usize, money: bool) -> Option<(f64, usize)> {
        let t = self.tok(i)?;
        if let Lex::Scale {
            value,
            plural: false,
        } = t.lex
        {
            return Some((value as f64, i + 1));
        }
        // "1m barrels", "5m people": a letter scale before a unit or a counted noun.
        let before_noun = self.unit_word(i + 1).is_some()
            || self
                .tok(i + 1)
                .is_some_and(|n| n.kind == TokenKind::Word && is_plural_noun(n.text));
        if (money || before_noun) && self.touches(i) && t.kind == TokenKind::Word {
            let v = match t.text {
                "m" | "M" => 1e6,
                "b" | "B" => 1e9,
                "k" | "K" => 1e3,
                _ => return None,
            };
            return Some((v, i + 1));
        }
        None
    }

    fn unit_word(&self, i: usize) -> Option<(&'static str, UnitKind)> {
        let t = self.tok(i)?;
        if t.kind != TokenKind::Word || t.text.len() > 12 || !t.text.is_ascii() {
            return None;
        }
        // "pounds sterling" is money; "pounds" alone may be weight.
        if t.text.eq_ignore_ascii_case("pounds") && self.word_is(i + 1, "sterling") {
            return Some(("GBP", UnitKind::Money));
        }
        UNIT_WORDS.get(t.text)
    }

    /// "Canadian dollars", "Hong Kong dollars": the currency code and the end.
    fn national_dollars(&self, i: usize) -> Option<(&'static str, usize)> {
        let (code, words) = [
            ("CAD", &["canadian"][..]),
            ("AUD", &["australian"][..]),
            ("USD", &["us"][..]),
            ("USD", &["american"][..]),
            ("SGD", &["singapore"][..]),
            ("NZD", &["new", "zealand"][..]),
            ("HKD", &["hong", "kong"][..]),
            ("TWD", &["taiwan"][..]),
            ("ZWD", &["zimbabwe"][..]),
        ]
        .into_iter()
        .find(|(_, words)| {
            words
                .iter()
                .enumerate()
                .all(|(k, w)| self.word_is(i + k, w))
        })?;
        let j = i + words.len();
        (self.word_is(j, "dollars") || self.word_is(j, "dollar")).then_some((code, j + 1))
    }

    /// "per tonne", "a barrel", "per share" after a price: the end of the rate.
    fn rate(&self, i: usize) -> Option<usize> {
        let per = self.is(i, Kw::Per) || self.is(i, Kw::A) || self.is(i, Kw::An);
        if !per || self.timed(i) || self.timed(i + 1) {
            return None;
        }
        let t = self.tok(i + 1)?;
        let ok = self.unit_word(i + 1).is_some()
            || [
                "share", "head", "person", "unit", "litre", "liter", "kg", "kilo",
            ]
            .iter()
            .any(|w| t.is_word(w));
        ok.then_some(i + 2)
    }

    /// The noun a number counts: within three words, a plural noun ("103 people", "five
    /// Pakistani soldiers"), or "of" + plural noun ("dozens of people"). `(noun, end)`.
    fn counted_noun(&self, i: usize) -> Option<(String, usize)> {
        let mut k = i;
        if self.is(k, Kw::Of) {
            k += 1;
        }
        for step in 0..3 {
            let t = self.tok(k)?;
            if t.kind != TokenKind::Word || self.timed(k) {
                return None;
            }
            if step > 0 && t.newline_before {
                return None;
            }
            // Most words are lowercase ASCII already: lowercase (and allocate) only the others.
            let lower = if t.text.bytes().all(|b| b.is_ascii_lowercase()) {
                Cow::Borrowed(t.text)
            } else {
                Cow::Owned(t.text.to_lowercase())
            };
            if STOP_WORD_SET.contains(&lower) {
                return None;
            }
            if is_plural_noun(&lower) {
                return Some((lower.into_owned(), k + 1));
            }
            // One singular noun after "one" ("one soldier") is taken as is.
            if step == 0 && t.is_lowercase() && k > 0 && self.tokens[k - 1].is_word("one") {
                return Some((lower.into_owned(), k + 1));
            }
            // Skip a modifier: "five Pakistani soldiers", "two senior officials".
            if self.punct(k + 1, '-') && self.touches(k + 1) {
                k += 2; // "three-storey buildings": skip the hyphenated half
            } else {
                k += 1;
            }
        }
        None
    }
}

/// A word that reads as a plural noun, whatever its ASCII case.
fn is_plural_noun(word: &str) -> bool {
    if IRREGULAR_PLURAL_SET.contains(word) {
        return true;
    }
    let bytes = word.as_bytes();
    let ends_with = |suffix: &[u8]| {
        bytes.len() >= suffix.len()
            && bytes[bytes.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    bytes.len() > 3
        && word.is_ascii()
        && ends_with(b"s")
        && !ends_with(b"ss")
        && !ends_with(b"us")
        && !ends_with(b"is")
        && !ends_with(b"ous")
}
