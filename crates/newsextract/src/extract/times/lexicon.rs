//! The words the time and quantity rules know, looked up once per token.
//!
//! One table, built once per process: month and weekday names, calendar units, number words,
//! and the function words the rules test ("last", "ago", "fiscal"). Anything else is
//! [`Lex::None`].

use once_cell::sync::Lazy;

use super::tokens::{start_bits, Token, TokenKind};
use super::wordmap::WordMap;

/// A calendar unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
    Millennium,
}

/// A season of the year, in TIMEX3 order of the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    /// TIMEX3 code.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// The month the season is centred on, for "nearest" comparisons.
    pub(crate) fn middle_month(self) -> u32 {
        match self {
            Season::Spring => 4,
            Season::Summer => 7,
            Season::Fall => 10,
            Season::Winter => 1,
        }
    }
}

/// A part of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl DayPart {
    /// TIMEX3 code.
    pub(crate) fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
        }
    }
}

/// Function words and time words the rules test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kw {
    Today,
    Tonight,
    Yesterday,
    Tomorrow,
    Now,
    Currently,
    Current,
    Recently,
    Recent,
    Lately,
    Nowadays,
    Presently,
    Past,
    Future,
    Last,
    Next,
    This,
    That,
    These,
    Coming,
    Upcoming,
    Previous,
    Prior,
    Following,
    Ago,
    Earlier,
    Later,
    Early,
    Late,
    Mid,
    Every,
    Each,
    Per,
    A,
    An,
    The,
    Of,
    In,
    On,
    At,
    Fiscal,
    Noon,
    Midday,
    Midnight,
    Overnight,
    Half,
    End,
    Beginning,
    Start,
    Same,
    Several,
    Few,
    Couple,
    Many,
    Some,
    Latest,
    Before,
    After,
    And,
    Or,
    So,
    Than,
    More,
    Less,
    Least,
    Most,
    Nearly,
    Almost,
    About,
    Around,
    Approximately,
    Roughly,
    Over,
    Under,
    Up,
    To,
    Within,
    For,
    Whole,
    Full,
    Entire,
    Another,
    Additional,
    Once,
    Twice,
    Times,
    Other,
    Christmas,
    Easter,
    Thanksgiving,
    Halloween,
    Eve,
    New,
    Weekly,
    Hourly,
    Daily,
    Monthly,
    Yearly,
    Annually,
    Quarterly,
    Am,
    Pm,
    Zone,
    Since,
    Until,
    During,
    By,
    From,
    Through,
    Near,
    Term,
    Short,
    Long,
    Ended,
    Ending,
    Old,
    Time,
    While,
    Moment,
    Dozens,
    Scores,
}

/// What a word means to the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lex {
    /// A word the rules do not know.
    None,
    /// A month name; `abbreviated` for "Jan", "Sept".
    Month { month: u8, abbreviated: bool },
    /// A weekday name, ISO numbering (Monday 1); `plural` for "Mondays".
    Weekday { weekday: u8, plural: bool },
    /// A calendar unit word; `plural` for "years".
    Unit { unit: Unit, plural: bool },
    /// A season; `plural` for "summers".
    Season(Season),
    /// A part of the day.
    DayPart(DayPart),
    /// A cardinal number word below a hundred: "three", "twenty".
    Number(u32),
    /// A multiplier: "hundred", "thousand", "million", "billion", "bn"; `plural` for
    /// "hundreds", "millions".
    Scale { value: u64, plural: bool },
    /// An ordinal word: "first", "third", "twentieth".
    Ordinal(u32),
    /// A function or time word.
    Word(Kw),
}

/// A word's meaning, and where the time and quantity scans may start ([`starts`] bits).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    /// What the word means to the rules.
    pub(crate) lex: Lex,
    /// [`starts`] bits.
    pub(crate) starts: u8,
}

/// Where the scans may start, as bits of [`Entry::starts`].
pub(crate) mod starts {
    /// A time expression may start at the word.
    pub(crate) const TIME: u8 = 1;
    /// A quantity may start at the word.
    pub(crate) const QUANTITY: u8 = 2;
    /// The scans' own tests must be asked: they read the word as written.
    pub(crate) const ASK: u8 = 4;
}

/// The table, built once per process. The scans' tests ([`super::rules::can_start`],
/// [`crate::extract::quantities::may_start`]) read only the meaning of a word that has one:
/// they are asked here once per entry instead of at every word of every text.
static TABLE: Lazy<WordMap<Entry>> = Lazy::new(|| {
    WordMap::new(build().into_iter().map(|(word, lex)| {
        let starts = if lex == Lex::None {
            starts::ASK
        } else {
            let token = Token {
                start: 0,
                end: word.len(),
                text: word,
                kind: TokenKind::Word,
                lex,
                newline_before: false,
            };
            start_bits(&token)
        };
        (word, Entry { lex, starts })
    }))
});

/// Every entry, in order (a word given twice keeps its last meaning).
fn build() -> Vec<(&'static str, Lex)> {
    let mut t = Vec::new();
    let mut add = |w: &'static str, lex: Lex| t.push((w, lex));
    // Words the time and quantity scans may start at that mean nothing to the rules: held as
    // `Lex::None`, because the tokenizer tests only the words the table holds (and digits and
    // some punctuation) for a start. First, so that a word listed below keeps its meaning.
    for w in super::rules::starting_words().chain(crate::extract::quantities::starting_words()) {
        add(w, Lex::None);
    }
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    for (i, m) in MONTHS.iter().enumerate() {
        add(
            m,
            Lex::Month {
                month: i as u8 + 1,
                abbreviated: false,
            },
        );
    }
    for (w, m) in [
        ("jan", 1),
        ("feb", 2),
        ("mar", 3),
        ("apr", 4),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("sep", 9),
        ("sept", 9),
        ("oct", 10),
        ("nov", 11),
        ("dec", 12),
    ] {
        add(
            w,
            Lex::Month {
                month: m,
                abbreviated: true,
            },
        );
    }
    for (i, (one, many)) in [
        ("monday", "mondays"),
        ("tuesday", "tuesdays"),
        ("wednesday", "wednesdays"),
        ("thursday", "thursdays"),
        ("friday", "fridays"),
        ("saturday", "saturdays"),
        ("sunday", "sundays"),
    ]
    .iter()
    .enumerate()
    {
        let weekday = i as u8 + 1;
        add(
            one,
            Lex::Weekday {
                weekday,
                plural: false,
            },
        );
        add(
            many,
            Lex::Weekday {
                weekday,
                plural: true,
            },
        );
    }
    for (one, many, unit) in [
        ("sec", "secs", Unit::Second),
        ("minute", "minutes", Unit::Minute),
        ("min", "mins", Unit::Minute),
        ("hour", "hours", Unit::Hour),
        ("hr", "hrs", Unit::Hour),
        ("day", "days", Unit::Day),
        ("week", "weeks", Unit::Week),
        ("weekend", "weekends", Unit::Weekend),
        ("fortnight", "fortnights", Unit::Fortnight),
        ("month", "months", Unit::Month),
        ("quarter", "quarters", Unit::Quarter),
        ("year", "years", Unit::Year),
        ("yr", "yrs", Unit::Year),
        ("decade", "decades", Unit::Decade),
        ("century", "centuries", Unit::Century),
        ("millennium", "millennia", Unit::Millennium),
    ] {
        add(
            one,
            Lex::Unit {
                unit,
                plural: false,
            },
        );
        add(many, Lex::Unit { unit, plural: true });
    }
    // "second" is kept as the ordinal; the rules accept it as a unit where one is expected.
    add(
        "seconds",
        Lex::Unit {
            unit: Unit::Second,
            plural: true,
        },
    );
    for (w, s) in [
        ("spring", Season::Spring),
        ("summer", Season::Summer),
        ("fall", Season::Fall),
        ("autumn", Season::Fall),
        ("winter", Season::Winter),
    ] {
        add(w, Lex::Season(s));
    }
    for (w, p) in [
        ("morning", DayPart::Morning),
        ("afternoon", DayPart::Afternoon),
        ("evening", DayPart::Evening),
        ("night", DayPart::Night),
    ] {
        add(w, Lex::DayPart(p));
    }
    for (i, w) in [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ]
    .iter()
    .enumerate()
    {
        add(w, Lex::Number(i as u32));
    }
    for (w, n) in [
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("seventy", 70),
        ("eighty", 80),
        ("ninety", 90),
    ] {
        add(w, Lex::Number(n));
    }
    for (w, value, plural) in [
        ("hundred", 100, false),
        ("hundreds", 100, true),
        ("thousand", 1_000, false),
        ("thousands", 1_000, true),
        ("million", 1_000_000, false),
        ("millions", 1_000_000, true),
        ("mln", 1_000_000, false),
        ("mn", 1_000_000, false),
        ("billion", 1_000_000_000, false),
        ("billions", 1_000_000_000, true),
        ("bn", 1_000_000_000, false),
        ("bln", 1_000_000_000, false),
        ("trillion", 1_000_000_000_000, false),
        ("trillions", 1_000_000_000_000, true),
        ("tn", 1_000_000_000_000, false),
        ("lakh", 100_000, false),
        ("lakhs", 100_000, true),
        ("crore", 10_000_000, false),
        ("crores", 10_000_000, true),
        ("dozen", 12, false),
    ] {
        add(w, Lex::Scale { value, plural });
    }
    for (i, w) in [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ]
    .iter()
    .enumerate()
    {
        add(w, Lex::Ordinal(i as u32 + 1));
    }
    add("thirtieth", Lex::Ordinal(30));
    for (w, kw) in [
        ("today", Kw::Today),
        ("tonight", Kw::Tonight),
        ("yesterday", Kw::Yesterday),
        ("tomorrow", Kw::Tomorrow),
        ("now", Kw::Now),
        ("currently", Kw::Currently),
        ("current", Kw::Current),
        ("recently", Kw::Recently),
        ("recent", Kw::Recent),
        ("lately", Kw::Lately),
        ("nowadays", Kw::Nowadays),
        ("presently", Kw::Presently),
        ("past", Kw::Past),
        ("future", Kw::Future),
        ("last", Kw::Last),
        ("next", Kw::Next),
        ("this", Kw::This),
        ("that", Kw::That),
        ("these", Kw::These),
        ("coming", Kw::Coming),
        ("upcoming", Kw::Upcoming),
        ("previous", Kw::Previous),
        ("prior", Kw::Prior),
        ("following", Kw::Following),
        ("ago", Kw::Ago),
        ("earlier", Kw::Earlier),
        ("later", Kw::Later),
        ("early", Kw::Early),
        ("late", Kw::Late),
        ("mid", Kw::Mid),
        ("every", Kw::Every),
        ("each", Kw::Each),
        ("per", Kw::Per),
        ("a", Kw::A),
        ("an", Kw::An),
        ("the", Kw::The),
        ("of", Kw::Of),
        ("in", Kw::In),
        ("on", Kw::On),
        ("at", Kw::At),
        ("fiscal", Kw::Fiscal),
        ("noon", Kw::Noon),
        ("midday", Kw::Midday),
        ("midnight", Kw::Midnight),
        ("overnight", Kw::Overnight),
        ("half", Kw::Half),
        ("end", Kw::End),
        ("beginning", Kw::Beginning),
        ("start", Kw::Start),
        ("same", Kw::Same),
        ("several", Kw::Several),
        ("few", Kw::Few),
        ("couple", Kw::Couple),
        ("many", Kw::Many),
        ("some", Kw::Some),
        ("latest", Kw::Latest),
        ("before", Kw::Before),
        ("after", Kw::After),
        ("and", Kw::And),
        ("or", Kw::Or),
        ("so", Kw::So),
        ("than", Kw::Than),
        ("more", Kw::More),
        ("less", Kw::Less),
        ("fewer", Kw::Less),
        ("least", Kw::Least),
        ("most", Kw::Most),
        ("nearly", Kw::Nearly),
        ("almost", Kw::Almost),
        ("about", Kw::About),
        ("around", Kw::Around),
        ("approximately", Kw::Approximately),
        ("roughly", Kw::Roughly),
        ("over", Kw::Over),
        ("under", Kw::Under),
        ("up", Kw::Up),
        ("to", Kw::To),
        ("within", Kw::Within),
        ("for", Kw::For),
        ("whole", Kw::Whole),
        ("full", Kw::Full),
        ("entire", Kw::Entire),
        ("another", Kw::Another),
        ("additional", Kw::Additional),
        ("once", Kw::Once),
        ("twice", Kw::Twice),
        ("times", Kw::Times),
        ("other", Kw::Other),
        ("christmas", Kw::Christmas),
        ("easter", Kw::Easter),
        ("thanksgiving", Kw::Thanksgiving),
        ("halloween", Kw::Halloween),
        ("eve", Kw::Eve),
        ("new", Kw::New),
        ("weekly", Kw::Weekly),
        ("hourly", Kw::Hourly),
        ("daily", Kw::Daily),
        ("monthly", Kw::Monthly),
        ("yearly", Kw::Yearly),
        ("annually", Kw::Annually),
        ("quarterly", Kw::Quarterly),
        ("am", Kw::Am),
        ("pm", Kw::Pm),
        ("gmt", Kw::Zone),
        ("utc", Kw::Zone),
        ("est", Kw::Zone),
        ("edt", Kw::Zone),
        ("cst", Kw::Zone),
        ("cdt", Kw::Zone),
        ("pst", Kw::Zone),
        ("pdt", Kw::Zone),
        ("bst", Kw::Zone),
        ("cet", Kw::Zone),
        ("pkt", Kw::Zone),
        ("ist", Kw::Zone),
        ("since", Kw::Since),
        ("until", Kw::Until),
        ("till", Kw::Until),
        ("during", Kw::During),
        ("by", Kw::By),
        ("from", Kw::From),
        ("through", Kw::Through),
        ("near", Kw::Near),
        ("term", Kw::Term),
        ("short", Kw::Short),
        ("long", Kw::Long),
        ("ended", Kw::Ended),
        ("ending", Kw::Ending),
        ("old", Kw::Old),
        ("time", Kw::Time),
        ("while", Kw::While),
        ("moment", Kw::Moment),
        ("dozens", Kw::Dozens),
        ("scores", Kw::Scores),
    ] {
        add(w, Lex::Word(kw));
    }
    t
}

/// Every word of the table.
#[cfg(test)]
pub(crate) fn words() -> impl Iterator<Item = &'static str> {
    build().into_iter().map(|(word, _)| word)
}

/// The meaning of an ASCII word, whatever its case.
#[cfg(test)]
pub(crate) fn lookup(word: &str) -> Lex {
    TABLE.get(word).map_or(Lex::None, |entry| entry.lex)
}

/// The table of every word's meaning, for a tokenizer that looks up every word of a text:
/// `get_at` finds an ASCII word whatever its case.
pub(crate) fn table() -> &'static WordMap<Entry> {
    &TABLE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_any_case() {
        assert_eq!(
            lookup("SEPT"),
            Lex::Month {
                month: 9,
                abbreviated: true
            }
        );
        assert_eq!(
            lookup("Mondays"),
            Lex::Weekday {
                weekday: 1,
                plural: true
            }
        );
        assert_eq!(lookup("twenty"), Lex::Number(20));
        assert_eq!(lookup("second"), Lex::Ordinal(2));
        assert_eq!(lookup("Yesterday"), Lex::Word(Kw::Yesterday));
        assert_eq!(lookup("Sun"), Lex::None);
        assert_eq!(lookup("extraordinarily"), Lex::None);
        assert_eq!(lookup(""), Lex::None);
        assert_eq!(lookup("millennium"), lookup("MILLENNIUM"));
    }

    #[test]
    fn entries_are_lowercase_letters() {
        for (word, _) in build() {
            assert!(
                !word.is_empty()
                    && word.len() <= super::super::wordmap::MAX_LEN
                    && word.bytes().all(|b| b.is_ascii_lowercase()),
                "{word:?}"
            );
        }
    }
}
