//! Table-driven tests of the time pass: every form of the issue against a reference date,
//! the false-date traps, tense, missing anchors, and non-ASCII text around expressions.

use super::extract;
use crate::extract::structure::Structure;
use crate::text::Document;
use crate::{Date, TimeExpression, TimeKind};

/// 2023-05-09 is a Tuesday, in ISO week 19 and the second quarter.
fn reference() -> Option<Date> {
    Date::new(2023, 5, 9)
}

fn times(text: &str, anchor: Option<Date>) -> Vec<TimeExpression> {
    let doc = Document::new(text);
    let tokens = super::tokens::tokenize(text);
    let found = extract(&doc, &Structure::default(), &tokens, anchor);
    for t in &found {
        assert_eq!(&text[t.start..t.end], t.text, "span of {t:?} in {text:?}");
    }
    found
}

/// `(expression as written, value)` pairs found in `text`.
fn pairs(text: &str, anchor: Option<Date>) -> Vec<(String, String)> {
    times(text, anchor)
        .into_iter()
        .map(|t| (t.text, t.value))
        .collect()
}

/// Each case: the text, then the expected `(expression, value)` list in text order.
fn check(cases: &[(&str, &[(&str, &str)])], anchor: Option<Date>) {
    for (text, want) in cases {
        let got = pairs(text, anchor);
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got, want, "in {text:?}");
    }
}

#[test]
fn absolute_dates() {
    check(
        &[
            (
                "It happened on May 9, 2023.",
                &[("May 9, 2023", "2023-05-09")],
            ),
            (
                "It happened on 9 May 2023.",
                &[("9 May 2023", "2023-05-09")],
            ),
            (
                "Filed 2023-05-09 in court.",
                &[("2023-05-09", "2023-05-09")],
            ),
            ("The deal closed on Jan. 5.", &[("Jan. 5", "2023-01-05")]),
            ("Prices rose in August 2021.", &[("August 2021", "2021-08")]),
            ("The law passed in 2021.", &[("2021", "2021")]),
            ("The war of the 1990s ended.", &[("the 1990s", "199")]),
            ("Growth slowed in the '80s.", &[("the '80s", "198")]),
            ("A vote is due by mid-2024.", &[("mid-2024", "2024")]),
            (
                "Profit rose in the first quarter.",
                &[("the first quarter", "2023-Q1")],
            ),
            ("Sales fell in Q3 2022.", &[("Q3 2022", "2022-Q3")]),
            (
                "Output rose in the third quarter of 2021.",
                &[("the third quarter of 2021", "2021-Q3")],
            ),
            (
                "Third-quarter profit will rise.",
                &[("Third-quarter", "2023-Q3")],
            ),
            (
                "Profit rose in the final quarter of 2022.",
                &[("the final quarter of 2022", "2022-Q4")],
            ),
            // A quarter still to come in past-tense text is last year's.
            (
                "Third-quarter profit rose.",
                &[("Third-quarter", "2022-Q3")],
            ),
            (
                "It fell in the second half of 2024.",
                &[("the second half of 2024", "2024-H2")],
            ),
            (
                "Rain is expected this summer.",
                &[("this summer", "2023-SU")],
            ),
            (
                "The floods of summer 2022 were worse.",
                &[("summer 2022", "2022-SU")],
            ),
            (
                "He spoke at 3 p.m. on the steps.",
                &[("3 p.m.", "2023-05-09T15:00")],
            ),
            (
                "Markets closed at 15:00 GMT.",
                &[("15:00 GMT", "2023-05-09T15:00")],
            ),
            (
                "They met at 10:35 a.m. Monday.",
                &[("10:35 a.m. Monday", "2023-05-08T10:35")],
            ),
            (
                "The 20th century was violent.",
                &[("The 20th century", "19")],
            ),
            ("In fiscal 1989, sales rose.", &[("fiscal 1989", "1989")]),
            (
                "Turnout was low in the nineties.",
                &[("the nineties", "199")],
            ),
            (
                "On Friday, Oct. 23, 1998, he died.",
                &[("Friday, Oct. 23, 1998", "1998-10-23")],
            ),
            (
                "Visitors came at Christmas.",
                &[("Christmas", "2022-12-25")],
            ),
            (
                "We meet the week of March 6.",
                &[("the week of March 6", "2023-W10")],
            ),
        ],
        reference(),
    );
}

#[test]
fn relative_expressions() {
    check(
        &[
            ("He resigned on Monday.", &[("Monday", "2023-05-08")]),
            ("She left last Friday.", &[("last Friday", "2023-05-05")]),
            ("She arrives next Friday.", &[("next Friday", "2023-05-12")]),
            (
                "The minister spoke yesterday.",
                &[("yesterday", "2023-05-08")],
            ),
            ("The minister speaks today.", &[("today", "2023-05-09")]),
            (
                "Talks resume tomorrow morning.",
                &[("tomorrow morning", "2023-05-10TMO")],
            ),
            (
                "Fighting continued tonight.",
                &[("tonight", "2023-05-09TNI")],
            ),
            (
                "Shots were heard last night.",
                &[("last night", "2023-05-08TNI")],
            ),
            ("He met them this week.", &[("this week", "2023-W19")]),
            ("Prices fell last month.", &[("last month", "2023-04")]),
            ("Elections are due next year.", &[("next year", "2024")]),
            ("It rained two days ago.", &[("two days ago", "2023-05-07")]),
            ("It opened three years ago.", &[("three years ago", "2020")]),
            (
                "Sales rose earlier this month.",
                &[("earlier this month", "2023-05")],
            ),
            (
                "Prices climbed late last year.",
                &[("late last year", "2022")],
            ),
            (
                "Sales rose over the past week.",
                &[("the past week", "2023-W18")],
            ),
            ("Unemployment is now falling.", &[("now", "PRESENT_REF")]),
            ("He recently resigned.", &[("recently", "PAST_REF")]),
            (
                "It may happen in the future.",
                &[("the future", "FUTURE_REF")],
            ),
            ("As in the past, he refused.", &[("the past", "PAST_REF")]),
            (
                "Markets slid over the weekend.",
                &[("the weekend", "2023-W18-WE")],
            ),
            (
                "They rally this weekend.",
                &[("this weekend", "2023-W19-WE")],
            ),
            (
                "Sales in the year-ago quarter fell.",
                &[("the year-ago quarter", "2022")],
            ),
            ("The plan was agreed in January.", &[("January", "2023-01")]),
            ("It snowed last winter.", &[("last winter", "2022-WI")]),
            (
                "Trade picked up in mid-November.",
                &[("mid-November", "2022-11")],
            ),
            (
                "The day before yesterday it rained.",
                &[("The day before yesterday", "2023-05-07")],
            ),
            ("A year ago, sales were lower.", &[("A year ago", "2022")]),
            (
                "Profit will rise this year's third quarter.",
                &[("this year's third quarter", "2023-Q3")],
            ),
        ],
        reference(),
    );
}

#[test]
fn quarters_follow_the_quarter_under_discussion() {
    let text = "Net income rose in the third quarter of 2022. A year earlier, it fell. \
                In the quarter, sales rose.";
    let got = pairs(text, reference());
    assert_eq!(
        got,
        [
            (
                "the third quarter of 2022".to_string(),
                "2022-Q3".to_string()
            ),
            ("A year earlier".to_string(), "2021-Q3".to_string()),
            ("the quarter".to_string(), "2022-Q3".to_string()),
        ]
    );
}

#[test]
fn durations_and_sets() {
    check(
        &[
            ("He served three years in jail.", &[("three years", "P3Y")]),
            ("The project took 18 months.", &[("18 months", "P18M")]),
            ("It lasted a decade.", &[("a decade", "P1DE")]),
            ("A two-hour meeting ended.", &[("two-hour", "PT2H")]),
            (
                "They talked for 5 1/2 hours.",
                &[("5 1/2 hours", "PT5H30M")],
            ),
            (
                "It took an hour and a half.",
                &[("an hour and a half", "PT1H30M")],
            ),
            (
                "The talks lasted two and a half years.",
                &[("two and a half years", "P2Y6M")],
            ),
            (
                "Prices rose over the past two months.",
                &[("the past two months", "P2M")],
            ),
            (
                "Output grew in the first nine months.",
                &[("the first nine months", "P9M")],
            ),
            (
                "He was held for at least 72 hours.",
                &[("at least 72 hours", "PT72H")],
            ),
            ("They waited several years.", &[("several years", "PXY")]),
            ("The group meets every week.", &[("every week", "P1W")]),
            ("Rates are reviewed annually.", &[("annually", "P1Y")]),
            ("The paper is published daily.", &[("daily", "P1D")]),
            (
                "The council meets each Thursday.",
                &[("each Thursday", "XXXX-WXX-4")],
            ),
            (
                "Protests are held on Fridays.",
                &[("Fridays", "XXXX-WXX-5")],
            ),
            ("Workers earn $5 a day.", &[("a day", "P1D")]),
            ("They fly twice a week.", &[("a week", "P1W")]),
            (
                "Power runs four hours a day.",
                &[("four hours", "PT4H"), ("a day", "P1D")],
            ),
            (
                "In the next few days, aid arrives.",
                &[("the next few days", "PXD")],
            ),
            ("The ban ran for 24 hours.", &[("24 hours", "PT24H")]),
        ],
        reference(),
    );
    let kinds: Vec<TimeKind> = times("He served three years. They meet every week.", reference())
        .into_iter()
        .map(|t| t.kind)
        .collect();
    assert_eq!(kinds, [TimeKind::Duration, TimeKind::Set]);
}

#[test]
fn tense_decides_the_year_and_the_week() {
    check(
        &[
            // 2023-05-09 is a Tuesday: "Monday" is the day before, or the coming one.
            ("The leaders met on Monday.", &[("Monday", "2023-05-08")]),
            (
                "The leaders will meet on Monday.",
                &[("Monday", "2023-05-15")],
            ),
            ("They'll meet on Monday.", &[("Monday", "2023-05-15")]),
            ("Monday's vote was close.", &[("Monday", "2023-05-08")]),
            // The reference day itself.
            (
                "The president said Tuesday that he would go.",
                &[("Tuesday", "2023-05-09")],
            ),
            // A day and month without a year.
            (
                "The talks will resume on Jan. 20.",
                &[("Jan. 20", "2024-01-20")],
            ),
            ("The talks ended on Jan. 20.", &[("Jan. 20", "2023-01-20")]),
            ("Voting ended on Dec. 1.", &[("Dec. 1", "2022-12-01")]),
            ("Voting will end on Dec. 1.", &[("Dec. 1", "2023-12-01")]),
            // A month without a year.
            ("The trial opened in March.", &[("March", "2023-03")]),
            (
                "The trial will open in September.",
                &[("September", "2023-09")],
            ),
            (
                "The trial opened in September.",
                &[("September", "2022-09")],
            ),
            ("He will be sentenced in April.", &[("April", "2024-04")]),
        ],
        reference(),
    );
}

#[test]
fn without_an_anchor_values_keep_what_the_text_fixes() {
    let cases: &[(&str, &str, &str, bool)] = &[
        (
            "Prices rose in August 2021.",
            "August 2021",
            "2021-08",
            true,
        ),
        ("The war of the 1990s ended.", "the 1990s", "199", true),
        ("The deal closed on May 9.", "May 9", "XXXX-05-09", false),
        ("He resigned on Monday.", "Monday", "XXXX-WXX-1", false),
        ("He resigned yesterday.", "yesterday", "XXXX-XX-XX", false),
        ("Prices fell last year.", "last year", "XXXX", false),
        ("Prices fell last week.", "last week", "XXXX-WXX", false),
        (
            "Profit rose in the third quarter.",
            "the third quarter",
            "XXXX-Q3",
            false,
        ),
        ("He served three years.", "three years", "P3Y", true),
        ("It is now over.", "now", "PRESENT_REF", true),
        ("They meet every week.", "every week", "P1W", true),
        ("He spoke at 3 p.m.", "3 p.m.", "XXXX-XX-XXT15:00", false),
    ];
    for &(text, expression, value, anchored) in cases {
        let found = times(text, None);
        assert_eq!(found.len(), 1, "{text:?}: {found:?}");
        assert_eq!(found[0].text, expression, "{text:?}");
        assert_eq!(found[0].value, value, "{text:?}");
        assert_eq!(found[0].anchored, anchored, "{text:?}");
    }
}

#[test]
fn no_false_dates_from_ordinary_words() {
    let traps = [
        "You may go now if you may.",
        "Protesters march on the capital; they will March on Washington again.",
        "The Sun reported the story, citing the Sun newspaper.",
        "He won by a margin of 629 votes.",
        "She bought a car and a house.",
        "The company employs 2000 people and paid $1990 in fees.",
        "Prices fall when demand falls; water from the spring in the village.",
        "The fall of the Berlin Wall changed Europe.",
        "Theresa May said the vote was lost.",
        "June Carter sang with August Wilson.",
        "He scored 21 points in 38 minutes of play.",
        "Flight 2020 landed; call 051-2345678 or +92 300 1234567.",
        "The 1,999 delegates met.",
        "A 6-year-old boy and a 37-year-old man were hurt; he is 45 years old.",
        "Black Friday sales and USA Today stories.",
        "She was the current account holder at 3:1 odds.",
    ];
    let allowed_now = ["now"];
    for text in traps {
        let found = times(text, reference());
        let bad: Vec<&TimeExpression> = found
            .iter()
            .filter(|t| !(allowed_now.contains(&t.text.as_str()) && t.value == "PRESENT_REF"))
            .filter(|t| t.text != "38 minutes")
            .collect();
        assert!(bad.is_empty(), "{text:?}: {bad:?}");
    }
}

#[test]
fn non_ascii_text_around_expressions() {
    let text = "“Zoë’s trial”—which opened on May 9, 2023—ended last week. \
                کراچی میں Monday کو ہڑتال تھی۔ Über 3 Jahre later: José left in 2021…";
    let got = pairs(text, reference());
    assert_eq!(
        got,
        [
            ("May 9, 2023".to_string(), "2023-05-09".to_string()),
            ("last week".to_string(), "2023-W18".to_string()),
            ("Monday".to_string(), "2023-05-08".to_string()),
            ("2021".to_string(), "2021".to_string()),
        ]
    );
}

#[test]
fn the_dateline_date_is_reported_as_is() {
    use crate::{Dateline, DatelineDate};
    let text = "LONDON, May 3 (Reuters) - Shares rose on Monday.";
    let date_start = text.find("May 3").unwrap();
    let structure = Structure {
        dateline: Some(Dateline {
            text: "LONDON, May 3 (Reuters)".to_string(),
            start: 0,
            end: 23,
            location: Some("London".to_string()),
            region: None,
            country: None,
            source: Some("Reuters".to_string()),
            date: Some(DatelineDate {
                text: "May 3".to_string(),
                start: date_start,
                end: date_start + 5,
                value: "2023-05-03".to_string(),
                anchored: true,
            }),
        }),
        ..Structure::default()
    };
    let doc = Document::new(text);
    let tokens = super::tokens::tokenize(text);
    let found = extract(&doc, &structure, &tokens, Date::new(2023, 5, 3));
    let got: Vec<(&str, &str)> = found
        .iter()
        .map(|t| (t.text.as_str(), t.value.as_str()))
        .collect();
    assert_eq!(got, [("May 3", "2023-05-03"), ("Monday", "2023-05-01")]);
}

#[test]
fn never_panics_and_keeps_spans_on_char_boundaries() {
    let inputs = [
        "",
        " ",
        "\n\n\r\n",
        "2023-",
        "2023-05-",
        "May",
        "the",
        "the the the the the",
        "early early early late mid-",
        "at least",
        "Q",
        "Q9 FY",
        "12:",
        "99:99 p.",
        "a.m.",
        "'",
        "'80",
        "1/2/",
        "$",
        "nineteen",
        "last",
        "every other",
        "é2023é May 9é",
        "ضضض 2021 ضضض",
        "🙂 Monday 🙂 3 p.m. 🙂",
        "9999999999999999999999999 years ago",
        "May 99, 2023 and 31 February 2023 and 2023-02-30",
    ];
    for text in inputs {
        let _ = times(text, reference());
        let _ = times(text, None);
        let _ = times(text, Date::new(-9999, 1, 1));
        let _ = times(text, Date::new(9999, 12, 31));
    }
    // Every prefix of a busy sentence, cut at every char boundary.
    let busy = "Since mid-2021, “Q3” sales (at 3:30 p.m. EST Monday, Jan. 5th) rose 5 1/2 \
                percent — twice a year, every other week — until the ’90s… کل 2022";
    for (i, _) in busy.char_indices() {
        let _ = times(&busy[..i], reference());
        let _ = times(&busy[i..], reference());
    }
}

#[test]
fn output_is_in_text_order_without_overlaps() {
    let text = "On Monday, May 8, officials said that two days ago, in 2023, the first quarter \
                and next week would matter; last year and this year too.";
    let found = times(text, reference());
    assert!(found.len() >= 6, "{found:?}");
    for pair in found.windows(2) {
        assert!(pair[0].end <= pair[1].start, "{pair:?}");
    }
}

/// Throughput of the time and quantity passes on the BBC corpus (evaluate-only data read at
/// run time from `../shared/data/bbc`; skipped when absent). Run with
/// `cargo test --release -p newsextract --lib pass_throughput -- --ignored --nocapture`.
#[test]
#[ignore]
fn pass_throughput() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/bbc");
    let mut texts = Vec::new();
    for dir in ["business", "entertainment", "politics", "sport", "tech"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            eprintln!("no BBC data at {}", root.display());
            return;
        };
        for entry in entries.flatten() {
            if let Ok(bytes) = std::fs::read(entry.path()) {
                texts.push(String::from_utf8_lossy(&bytes).into_owned());
            }
        }
    }
    let megabytes = texts.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    let docs: Vec<Document<'_>> = texts.iter().map(|t| Document::new(t)).collect();
    let structure = Structure::default();
    let anchor = Date::new(2005, 1, 1);
    // CPU time of this thread when the kernel reports it: the machine may be shared.
    let now = || {
        std::fs::read_to_string("/proc/thread-self/schedstat")
            .ok()
            .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
            .map(|ns| ns / 1e9)
    };
    let best = |f: &dyn Fn() -> usize| {
        (0..7)
            .map(|_| {
                let wall = std::time::Instant::now();
                let cpu = now();
                std::hint::black_box(f());
                match (cpu, now()) {
                    (Some(a), Some(b)) => b - a,
                    _ => wall.elapsed().as_secs_f64(),
                }
            })
            .fold(f64::MAX, f64::min)
    };
    // A plain byte loop, for scale: what the machine does per megabyte at best.
    let scan = best(&|| {
        docs.iter()
            .map(|d| d.text.bytes().filter(|b| b.is_ascii_alphabetic()).count())
            .sum()
    });
    let tokenize = best(&|| {
        docs.iter()
            .map(|d| super::tokens::tokenize(d.text).len())
            .sum()
    });
    let all_tokens: Vec<_> = docs
        .iter()
        .map(|d| super::tokens::tokenize(d.text))
        .collect();
    let all_times: Vec<Vec<TimeExpression>> = docs
        .iter()
        .zip(&all_tokens)
        .map(|(d, tokens)| extract(d, &structure, tokens, anchor))
        .collect();
    // Without the tokenizer, which the two passes share.
    let times_pass = best(&|| {
        docs.iter()
            .zip(&all_tokens)
            .map(|(d, tokens)| extract(d, &structure, tokens, anchor).len())
            .sum()
    });
    let quantity_pass = best(&|| {
        docs.iter()
            .zip(&all_tokens)
            .zip(&all_times)
            .map(|((d, tokens), t)| {
                crate::extract::quantities::extract(d, &structure, tokens, t).len()
            })
            .sum()
    });
    for (name, secs) in [
        ("byte scan", scan),
        ("tokenize", tokenize),
        ("time pass", times_pass),
        ("quantity pass", quantity_pass),
    ] {
        println!(
            "{name:<14} {:>7.2} ms/MB {:>8.1} MB/s",
            secs * 1e3 / megabytes,
            megabytes / secs
        );
    }
}
