//! Table-driven tests of the quantity pass.

use super::extract;
use crate::extract::structure::Structure;
use crate::extract::times;
use crate::text::Document;
use crate::{Date, Qualifier, Quantity};

/// The quantities of `text`, with the time pass run first as the pipeline does.
fn quantities(text: &str) -> Vec<Quantity> {
    let doc = Document::new(text);
    let structure = Structure::default();
    let tokens = times::tokens::tokenize(text);
    let found_times = times::extract(&doc, &structure, &tokens, Date::new(2023, 5, 9));
    let found = extract(&doc, &structure, &tokens, &found_times);
    for q in &found {
        assert_eq!(&text[q.start..q.end], q.text, "span of {q:?} in {text:?}");
    }
    found
}

type Row<'a> = (&'a str, f64, Qualifier, Option<&'a str>, Option<&'a str>);

/// Each case: text, then `(quantity as written, value, qualifier, noun, unit)` rows.
fn check(cases: &[(&str, &[Row<'_>])]) {
    for (text, want) in cases {
        let got = quantities(text);
        assert_eq!(got.len(), want.len(), "in {text:?}: {got:?}");
        for (q, (written, value, qualifier, noun, unit)) in got.iter().zip(want.iter()) {
            assert_eq!(q.text, *written, "in {text:?}");
            assert!(
                (q.value - value).abs() <= value.abs() * 1e-9,
                "in {text:?}: {} != {value}",
                q.value
            );
            assert_eq!(q.qualifier, *qualifier, "in {text:?}: {q:?}");
            assert_eq!(q.noun.as_deref(), *noun, "in {text:?}: {q:?}");
            assert_eq!(q.unit.as_deref(), *unit, "in {text:?}: {q:?}");
        }
    }
}

use Qualifier::{About, AtLeast, AtMost, Exact, LessThan, MoreThan};

#[test]
fn counts_in_digits_and_words() {
    check(&[
        (
            "At least 103 people were killed.",
            &[("At least 103 people", 103.0, AtLeast, Some("people"), None)],
        ),
        (
            "The firm hired 1,750 workers.",
            &[("1,750 workers", 1750.0, Exact, Some("workers"), None)],
        ),
        (
            "The city has 2.5 million residents.",
            &[(
                "2.5 million residents",
                2_500_000.0,
                Exact,
                Some("residents"),
                None,
            )],
        ),
        (
            "Three soldiers and twenty-four civilians died.",
            &[
                ("Three soldiers", 3.0, Exact, Some("soldiers"), None),
                (
                    "twenty-four civilians",
                    24.0,
                    Exact,
                    Some("civilians"),
                    None,
                ),
            ],
        ),
        (
            "Dozens of people gathered; hundreds of police watched.",
            &[
                ("Dozens of people", 24.0, AtLeast, Some("people"), None),
                ("hundreds of police", 200.0, AtLeast, Some("police"), None),
            ],
        ),
        (
            "Hundreds of thousands of refugees fled.",
            &[(
                "Hundreds of thousands of refugees",
                200_000.0,
                AtLeast,
                Some("refugees"),
                None,
            )],
        ),
        (
            "Five Pakistani soldiers were hurt.",
            &[(
                "Five Pakistani soldiers",
                5.0,
                Exact,
                Some("soldiers"),
                None,
            )],
        ),
        (
            "Only one soldier survived.",
            &[("one soldier", 1.0, Exact, Some("soldier"), None)],
        ),
    ]);
}

#[test]
fn qualifiers() {
    check(&[
        (
            "More than 40 houses burned.",
            &[("More than 40 houses", 40.0, MoreThan, Some("houses"), None)],
        ),
        (
            "Nearly 300 students sat the test.",
            &[("Nearly 300 students", 300.0, About, Some("students"), None)],
        ),
        (
            "About 20 trucks and some 50 cars were seen.",
            &[
                ("About 20 trucks", 20.0, About, Some("trucks"), None),
                ("some 50 cars", 50.0, About, Some("cars"), None),
            ],
        ),
        (
            "Up to 500 migrants may arrive.",
            &[("Up to 500 migrants", 500.0, AtMost, Some("migrants"), None)],
        ),
        (
            "Over 1,000 votes and less than 30 seats.",
            &[
                ("Over 1,000 votes", 1000.0, MoreThan, Some("votes"), None),
                ("less than 30 seats", 30.0, LessThan, Some("seats"), None),
            ],
        ),
        (
            "Under 10 teams entered.",
            &[("Under 10 teams", 10.0, LessThan, Some("teams"), None)],
        ),
    ]);
}

#[test]
fn money_percentages_and_units() {
    check(&[
        (
            "The deal is worth $5bn.",
            &[("$5bn", 5e9, Exact, None, Some("USD"))],
        ),
        (
            "The budget is Rs 10 billion.",
            &[("Rs 10 billion", 1e10, Exact, None, Some("Rs"))],
        ),
        (
            "It sold at 1,750 dlrs per tonne.",
            &[("1,750 dlrs per tonne", 1750.0, Exact, None, Some("USD"))],
        ),
        (
            "Prices rose 15 percent, or 30%.",
            &[
                ("15 percent", 15.0, Exact, None, Some("percent")),
                ("30%", 30.0, Exact, None, Some("percent")),
            ],
        ),
        (
            "Rates rose 25 basis points.",
            &[("25 basis points", 25.0, Exact, None, Some("basis point"))],
        ),
        (
            "A 40 km road and 2,000 barrels.",
            &[
                ("40 km", 40.0, Exact, None, Some("km")),
                ("2,000 barrels", 2000.0, Exact, None, Some("barrel")),
            ],
        ),
        (
            "They paid US$3.5 million and €200.",
            &[
                ("US$3.5 million", 3.5e6, Exact, None, Some("USD")),
                ("€200", 200.0, Exact, None, Some("EUR")),
            ],
        ),
        (
            "It earned 2.20 Canadian dollars and 719m euros; 1m barrels flowed.",
            &[
                ("2.20 Canadian dollars", 2.2, Exact, None, Some("CAD")),
                ("719m euros", 719e6, Exact, None, Some("EUR")),
                ("1m barrels", 1e6, Exact, None, Some("barrel")),
            ],
        ),
        (
            "Fines of nearly Rs. 500 were paid.",
            &[("nearly Rs. 500", 500.0, About, None, Some("Rs"))],
        ),
    ]);
}

#[test]
fn years_dates_times_phones_and_ordinals_are_not_quantities() {
    let texts = [
        "In 2021, on May 9, at 3 p.m., he called 051-2345678.",
        "Call +92 300 1234567 or (021) 111-222-333.",
        "He came 1st and she came 21st on the 3rd day.",
        "The F-16 and AK-47 were shown; COVID-19 and G7 too.",
        "Flight 370 vanished; see Article 370 and No. 5.",
        "He served three years and left two days ago.",
        "Pakistan won 2-1.",
    ];
    for text in texts {
        let found = quantities(text);
        assert!(found.is_empty(), "{text:?}: {found:?}");
    }
}

#[test]
fn non_ascii_text_around_quantities() {
    check(&[
        (
            "“At least 12 people” died in کراچی, said Zoë—and 40% agreed…",
            &[
                ("At least 12 people", 12.0, AtLeast, Some("people"), None),
                ("40%", 40.0, Exact, None, Some("percent")),
            ],
        ),
        (
            "José’s 3 brothers paid ₹500.",
            &[
                ("3 brothers", 3.0, Exact, Some("brothers"), None),
                ("₹500", 500.0, Exact, None, Some("INR")),
            ],
        ),
    ]);
}

#[test]
fn never_panics_and_keeps_spans_on_char_boundaries() {
    let busy = "At least 1,750.5 dlrs per tonne — Rs. 10bn (30%) for “dozens of” 2.5 million \
                Zoë’s 3rd of 7 F-16 +92 300 1234567 کراچی 9,99,999";
    for (i, _) in busy.char_indices() {
        let _ = quantities(&busy[..i]);
        let _ = quantities(&busy[i..]);
    }
    for text in [
        "",
        "$",
        "Rs.",
        "at least",
        "1,",
        "1.",
        "hundreds of",
        "99999999999999999999999999999999",
    ] {
        let _ = quantities(text);
    }
}

#[test]
fn marks_exactly_the_tokens_inside_time_expressions() {
    for text in [
        "On Monday, May 8, 2023, at least 1,750 people left; two days ago $5 a day was paid.",
        "LAHORE, May 3 (Reuters) - 3 people died on May 3 in the 1990s and the past two years.",
        "Zoë’s 3 brothers arrived yesterday at 9:30 pm, 40 minutes late, on 2023-05-09.",
        "",
        "no times here, 3 people",
    ] {
        let doc = Document::new(text);
        let tokens = times::tokens::tokenize(text);
        let found_times =
            times::extract(&doc, &Structure::default(), &tokens, Date::new(2023, 5, 9));
        let marks = super::mark_times(&tokens, &found_times);
        for (token, mark) in tokens.iter().zip(&marks) {
            let inside = found_times
                .iter()
                .any(|t| t.start < token.end && token.start < t.end);
            assert_eq!(*mark, inside, "{:?} in {text:?}", token.text);
        }
        assert_eq!(
            marks.iter().any(|m| *m),
            !found_times.is_empty(),
            "{text:?}"
        );
    }
}

/// Where `no_number_near` says so, `quantity_at` finds nothing, in the golden articles and in
/// every word that may start a quantity before numbers at each distance.
#[test]
fn no_number_near_skips_only_dead_starts() {
    let assert_dead = |text: &str| {
        let tokens = times::tokens::tokenize(text);
        let scanner = super::Scanner {
            tokens: &tokens,
            in_time: vec![false; tokens.len()],
        };
        for (i, token) in tokens.iter().enumerate() {
            if scanner.no_number_near(i) {
                assert!(
                    scanner.quantity_at(i).is_none(),
                    "{:?} skipped in {text:?}",
                    token.text
                );
            }
        }
    };
    let starters = [
        "a",
        "an",
        "A",
        "An",
        "an estimated",
        "at least",
        "at most",
        "more than",
        "less than",
        "up to",
        "over",
        "under",
        "nearly",
        "about",
        "some",
        "as many as",
        "as much as",
        "close to",
        "above",
        "below",
        "exceeding",
        "US$",
        "C$",
        "A$",
        "HK$",
        "Rs.",
        "Rs",
        "$",
        "\u{a3}",
        "\u{20ac}",
        "USD",
        "PKR",
        "dozens of",
        "scores of",
        "a hundred",
        "as many as US$",
        "at least Rs.",
        "more than HK$",
    ];
    let numbers = ["5", "1,750", "two", "hundred", "million", "dozens", "2.5"];
    for starter in starters {
        for gap in 0..6 {
            for number in numbers {
                let filler = " word".repeat(gap);
                assert_dead(&format!("{starter}{filler} {number} people"));
                assert_dead(&format!("{starter}{filler}{number} people"));
            }
        }
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/articles");
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        if entry.path().extension().is_some_and(|e| e == "txt") {
            assert_dead(&std::fs::read_to_string(entry.path()).unwrap_or_default());
        }
    }
}
