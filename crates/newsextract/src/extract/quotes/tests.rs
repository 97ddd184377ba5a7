//! Table-driven tests of the whole quote pass: every attribution pattern, curly and straight
//! marks, non-ASCII names and scripts, multi-paragraph and unbalanced quotes, and the span
//! invariant on every result.

use proptest::prelude::*;

use super::extract;
use crate::extract::structure::Structure;
use crate::text::Document;
use crate::{Entity, EntityKind, Quote, QuoteKind, TextSpan};

fn quotes_with(text: &str, entities: &[Entity]) -> Vec<Quote> {
    let quotes = extract(&Document::new(text), &Structure::default(), entities);
    for q in &quotes {
        assert_eq!(&text[q.start..q.end], q.text, "quote span in {text:?}");
        if let Some(s) = &q.speaker {
            assert_eq!(&text[s.start..s.end], s.text, "speaker span in {text:?}");
        }
        if let Some(c) = &q.cue {
            assert_eq!(&text[c.start..c.end], c.text, "cue span in {text:?}");
        }
    }
    quotes
}

fn quotes(text: &str) -> Vec<Quote> {
    quotes_with(text, &[])
}

/// What a test expects of one quote: its words, kind, speaker as written, speaker name, cue.
type Expected<'a> = (
    &'a str,
    QuoteKind,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
);

fn check(name: &str, text: &str, got: &[Quote], want: &[Expected<'_>]) {
    for (words, kind, speaker_text, speaker_name, cue) in want {
        let Some(quote) = got.iter().find(|q| q.text == *words && q.kind == *kind) else {
            panic!("{name}: no {kind:?} quote {words:?} in {text:?}; got {got:#?}");
        };
        let speaker = quote.speaker.as_ref();
        assert_eq!(
            speaker.map(|s| s.text.as_str()),
            *speaker_text,
            "{name}: speaker text"
        );
        assert_eq!(
            speaker.map(|s| s.name.as_str()),
            *speaker_name,
            "{name}: speaker name"
        );
        assert_eq!(
            quote.cue.as_ref().map(|c| c.text.as_str()),
            *cue,
            "{name}: cue"
        );
    }
    let quoted = got.iter().filter(|q| q.kind != QuoteKind::Indirect).count();
    let wanted = want.iter().filter(|w| w.1 != QuoteKind::Indirect).count();
    assert_eq!(
        quoted, wanted,
        "{name}: direct and partial quotes in {got:#?}"
    );
}

use QuoteKind::{Direct, Indirect, Partial};

#[test]
fn speakers_in_every_order() {
    let cases: &[(&str, &str, &[Expected<'_>])] = &[
        (
            "name then verb after the quote",
            "“We will not back down,” Miller said.",
            &[(
                "We will not back down",
                Direct,
                Some("Miller"),
                Some("Miller"),
                Some("said"),
            )],
        ),
        (
            "verb then name, with an appositive",
            "“We will not back down,” said Matthew Miller, a spokesman.",
            &[(
                "We will not back down",
                Direct,
                Some("Matthew Miller"),
                Some("Matthew Miller"),
                Some("said"),
            )],
        ),
        (
            "lead-in with a colon",
            "Miller said: “We will not back down.”",
            &[(
                "We will not back down.",
                Direct,
                Some("Miller"),
                Some("Miller"),
                Some("said"),
            )],
        ),
        (
            "dash after the quote",
            "“We will not back down.” — Zoë Müller",
            &[(
                "We will not back down.",
                Direct,
                Some("Zoë Müller"),
                Some("Zoë Müller"),
                None,
            )],
        ),
        (
            "told reporters",
            "Miller told reporters: “The talks will resume.”",
            &[(
                "The talks will resume.",
                Direct,
                Some("Miller"),
                Some("Miller"),
                Some("told reporters"),
            )],
        ),
        (
            "pronoun resolved to the name before it",
            "Matthew Miller spoke on Monday.\n\n“We will stay,” he added.",
            &[(
                "We will stay",
                Direct,
                Some("he"),
                Some("Matthew Miller"),
                Some("added"),
            )],
        ),
        (
            "straight marks and an accented name",
            "\"Nous resterons,\" Zoë Müller told AFP.",
            &[(
                "Nous resterons",
                Direct,
                Some("Zoë Müller"),
                Some("Zoë Müller"),
                Some("told AFP"),
            )],
        ),
        (
            "title and party in brackets",
            "“It is a dog whistle,” Rep. Gwen Moore (D-Wis.) said Friday.",
            &[(
                "It is a dog whistle",
                Direct,
                Some("Rep. Gwen Moore"),
                Some("Gwen Moore"),
                Some("said"),
            )],
        ),
        (
            "description before the name",
            "“I think she will be out campaigning,” Clinton campaign spokesman Brian Fallon said.",
            &[(
                "I think she will be out campaigning",
                Direct,
                Some("Brian Fallon"),
                Some("Brian Fallon"),
                Some("said"),
            )],
        ),
        (
            "a question ends the quote, the attribution follows",
            "“Why now?” Miller asked.",
            &[(
                "Why now?",
                Direct,
                Some("Miller"),
                Some("Miller"),
                Some("asked"),
            )],
        ),
        (
            "an organisation speaks",
            "“The tanker was seized lawfully,” the ministry said.",
            &[(
                "The tanker was seized lawfully",
                Direct,
                Some("the ministry"),
                Some("the ministry"),
                Some("said"),
            )],
        ),
        (
            "according to",
            "“The plant stopped completely,” according to Mohammed Thabet.",
            &[(
                "The plant stopped completely",
                Direct,
                Some("Mohammed Thabet"),
                Some("Mohammed Thabet"),
                Some("according to"),
            )],
        ),
        (
            "Urdu words quoted in an English frame",
            "“ہم جیتیں گے,” said Imran Khan.",
            &[(
                "ہم جیتیں گے",
                Direct,
                Some("Imran Khan"),
                Some("Imran Khan"),
                Some("said"),
            )],
        ),
    ];
    for (name, text, want) in cases {
        check(name, text, &quotes(text), want);
    }
}

#[test]
fn quotes_that_run_on() {
    let cases: &[(&str, &str, &[Expected<'_>])] = &[
        (
            "multi-paragraph quote: every piece gets the speaker found at its end",
            "“The first part of the statement.\n\n“The second part,” Miller said.",
            &[
                (
                    "The first part of the statement.",
                    Direct,
                    Some("Miller"),
                    Some("Miller"),
                    Some("said"),
                ),
                (
                    "The second part",
                    Direct,
                    Some("Miller"),
                    Some("Miller"),
                    Some("said"),
                ),
            ],
        ),
        (
            "the same speaker's next paragraph",
            "“We will win,” Miller said.\n\n“And we will do it soon.”",
            &[
                (
                    "We will win",
                    Direct,
                    Some("Miller"),
                    Some("Miller"),
                    Some("said"),
                ),
                (
                    "And we will do it soon.",
                    Direct,
                    Some("Miller"),
                    Some("Miller"),
                    None,
                ),
            ],
        ),
        (
            "a lead-in paragraph that ends with a colon",
            "Caddell continued:\n\n\"The health issue is partisan.\"",
            &[(
                "The health issue is partisan.",
                Direct,
                Some("Caddell"),
                Some("Caddell"),
                None,
            )],
        ),
        (
            "a second quote in the same paragraph",
            "“We will win,” Miller said. “Nothing will stop us.”",
            &[
                (
                    "We will win",
                    Direct,
                    Some("Miller"),
                    Some("Miller"),
                    Some("said"),
                ),
                (
                    "Nothing will stop us.",
                    Direct,
                    Some("Miller"),
                    Some("Miller"),
                    None,
                ),
            ],
        ),
        (
            "split by the attribution",
            "“We will win,” Miller said, “and soon.”",
            &[
                (
                    "We will win",
                    Direct,
                    Some("Miller"),
                    Some("Miller"),
                    Some("said"),
                ),
                (
                    "and soon.",
                    Direct,
                    Some("Miller"),
                    Some("Miller"),
                    Some("said"),
                ),
            ],
        ),
        (
            "an unclosed quote ends at its paragraph",
            "Miller said: “We will not stop\n\nThe talks resume on Monday.",
            &[(
                "We will not stop",
                Direct,
                Some("Miller"),
                Some("Miller"),
                Some("said"),
            )],
        ),
        (
            "nested quote of the other style stays inside",
            "“He told me ‘go home’ and I did,” Zoë said.",
            &[(
                "He told me ‘go home’ and I did",
                Direct,
                Some("Zoë"),
                Some("Zoë"),
                Some("said"),
            )],
        ),
    ];
    for (name, text, want) in cases {
        check(name, text, &quotes(text), want);
    }
}

#[test]
fn partial_and_scare_quotes() {
    let cases: &[(&str, &str, &[Expected<'_>])] = &[
        (
            "partial quote in a reported sentence",
            "Miller said his country has a “shared interest” with Pakistan.",
            &[
                (
                    "shared interest",
                    Partial,
                    Some("Miller"),
                    Some("Miller"),
                    Some("said"),
                ),
                (
                    "his country has a “shared interest” with Pakistan",
                    Indirect,
                    Some("Miller"),
                    Some("Miller"),
                    Some("said"),
                ),
            ],
        ),
        (
            "partial quote with the attribution after it",
            "The talks were “productive,” Miller said.",
            &[(
                "productive",
                Partial,
                Some("Miller"),
                Some("Miller"),
                Some("said"),
            )],
        ),
        (
            "a country speaks",
            "Afghanistan warned Islamabad there would be “consequences” if attacks went on.",
            &[(
                "consequences",
                Partial,
                Some("Afghanistan"),
                Some("Afghanistan"),
                Some("warned Islamabad"),
            )],
        ),
        (
            "a naming verb",
            "Trump called the senator a “nasty guy” on Tuesday.",
            &[(
                "nasty guy",
                Partial,
                Some("Trump"),
                Some("Trump"),
                Some("called"),
            )],
        ),
        (
            "a scare quote has no speaker",
            "The so-called “experts” were wrong again.",
            &[("experts", Partial, None, None, None)],
        ),
        (
            "a title has no speaker",
            "He appeared on “Face the Nation” on Sunday.",
            &[("Face the Nation", Partial, None, None, None)],
        ),
        (
            "a nickname inside a name is not a quote",
            "Rep. Robert C. \"Bobby\" Scott spoke first.",
            &[],
        ),
        (
            "apostrophes are not quotes",
            "Pakistan’s view of the ’90s, rock 'n' roll and Davis' book: don’t ask.",
            &[],
        ),
    ];
    for (name, text, want) in cases {
        check(name, text, &quotes(text), want);
    }
}

#[test]
fn reported_speech() {
    let cases: &[(&str, &str, &[Expected<'_>])] = &[
        (
            "said that",
            "Miller said that the talks would resume next week.",
            &[(
                "the talks would resume next week",
                Indirect,
                Some("Miller"),
                Some("Miller"),
                Some("said"),
            )],
        ),
        (
            "told reporters without that",
            "The minister told reporters the budget was balanced.",
            &[(
                "the budget was balanced",
                Indirect,
                Some("The minister"),
                Some("The minister"),
                Some("told reporters"),
            )],
        ),
        (
            "according to, clause after",
            "According to the ministry, 12 soldiers were killed in the attack.",
            &[(
                "12 soldiers were killed in the attack",
                Indirect,
                Some("the ministry"),
                Some("the ministry"),
                Some("According to"),
            )],
        ),
        (
            "according to, clause before",
            "Twelve soldiers were killed in the attack, according to officials.",
            &[(
                "Twelve soldiers were killed in the attack",
                Indirect,
                Some("officials"),
                Some("officials"),
                Some("according to"),
            )],
        ),
        (
            "clause, then the attribution",
            "The economy will grow this year, Zoë Martínez said.",
            &[(
                "The economy will grow this year",
                Indirect,
                Some("Zoë Martínez"),
                Some("Zoë Martínez"),
                Some("said"),
            )],
        ),
        (
            "carrying on is not speaking",
            "Washington would continue to support the talks.",
            &[],
        ),
    ];
    for (name, text, want) in cases {
        let got = quotes(text);
        check(name, text, &got, want);
        let reported = got.iter().filter(|q| q.kind == Indirect).count();
        let wanted = want.iter().filter(|w| w.1 == Indirect).count();
        assert_eq!(reported, wanted, "{name}: reported speech in {got:#?}");
    }
}

fn entity(id: u32, kind: EntityKind, name: &str, text: &str, mentions: &[&str]) -> Entity {
    let mut spans = Vec::new();
    for mention in mentions {
        let mut from = 0;
        while let Some(at) = text[from..].find(mention) {
            let start = from + at;
            spans.push(TextSpan {
                text: mention.to_string(),
                start,
                end: start + mention.len(),
            });
            from = start + mention.len();
        }
    }
    spans.sort_by_key(|s| s.start);
    Entity {
        id,
        kind,
        name: name.to_string(),
        mentions: spans,
        titles: Vec::new(),
        acronym: None,
        country: None,
        geo: None,
    }
}

#[test]
fn speakers_link_to_entities() {
    let text = "US State Department Spokesperson Matthew Miller spoke in Washington. \
                Apple Inc. reported results.\n\n\
                “Sales rose,” the company said.\n\n\
                “We are pleased,” the spokesman said.\n\n\
                “We will win,” said عمران خان.";
    let entities = [
        entity(
            1,
            EntityKind::Person,
            "Matthew Miller",
            text,
            &["Matthew Miller"],
        ),
        entity(2, EntityKind::Location, "Washington", text, &["Washington"]),
        entity(
            3,
            EntityKind::Organization,
            "Apple Inc.",
            text,
            &["Apple Inc."],
        ),
        entity(4, EntityKind::Person, "Imran Khan", text, &["عمران خان"]),
    ];
    let got = quotes_with(text, &entities);
    let speaker_of = |words: &str| {
        let quote = got.iter().find(|q| q.text == words).expect(words);
        let speaker = quote.speaker.clone().expect(words);
        (speaker.text, speaker.name, speaker.entity)
    };
    assert_eq!(
        speaker_of("Sales rose"),
        ("the company".into(), "Apple Inc.".into(), Some(3))
    );
    assert_eq!(
        speaker_of("We are pleased"),
        ("the spokesman".into(), "Matthew Miller".into(), Some(1))
    );
    assert_eq!(
        speaker_of("We will win"),
        ("عمران خان".into(), "Imran Khan".into(), Some(4))
    );
}

#[test]
fn transcripts_and_headlines_name_their_speakers() {
    let text = "Kasich: ‘We Are Going All The Way’\n\n\"PENCE: Well, look, this is serious.\"";
    let got = quotes(text);
    check(
        "name and colon",
        text,
        &got,
        &[
            (
                "We Are Going All The Way",
                Direct,
                Some("Kasich"),
                Some("Kasich"),
                None,
            ),
            (
                "PENCE: Well, look, this is serious.",
                Direct,
                Some("PENCE"),
                Some("PENCE"),
                None,
            ),
        ],
    );
}

#[test]
fn hard_inputs_do_not_break_the_pass() {
    let marks = "\"".repeat(200_000);
    let curly = "“”‘’«»„".repeat(30_000);
    let said = "“a,” he said. ".repeat(20_000);
    let open = "“".repeat(100_000) + " said Miller";
    let inputs = [
        "",
        "\"",
        "“",
        "said",
        "according to",
        "“”",
        ":“",
        "\n\n\n",
        "— “",
        marks.as_str(),
        curly.as_str(),
        said.as_str(),
        open.as_str(),
    ];
    for input in inputs {
        let started = std::time::Instant::now();
        let _ = quotes(input);
        assert!(
            started.elapsed().as_secs() < 20,
            "slow on {} bytes",
            input.len()
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    #[test]
    fn any_text_gives_valid_spans(text in "(\\PC|[“”‘’\"'«»„—:,. \\n]){0,300}") {
        let _ = quotes(&text);
    }

    #[test]
    fn quote_heavy_text_gives_valid_spans(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("“"), Just("”"), Just("\""), Just("'"), Just("‘"), Just("’"), Just(" said "),
                Just("Miller"), Just(", "), Just(". "), Just("\n\n"), Just("zoë"), Just("he"),
                Just("according to "), Just("told reporters"), Just(": "), Just("— "),
            ],
            0..60,
        )
    ) {
        let _ = quotes(&parts.concat());
    }
}

/// Cost of the quote pass on the BBC corpus (`../shared/data/bbc`, read at run time; skipped
/// when absent): CPU time of the whole pipeline with and without the pass, single thread, best
/// of five rounds. Run with
/// `cargo test --release -p newsextract --lib quotes_pass_share -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement on data outside the repository, run by hand"]
fn quotes_pass_share() {
    use crate::{Extractor, Passes};
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/bbc");
    let mut texts = Vec::new();
    for dir in ["business", "entertainment", "politics", "sport", "tech"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            eprintln!("no BBC data at {}", root.display());
            return;
        };
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            if let Ok(bytes) = std::fs::read(path) {
                texts.push(String::from_utf8_lossy(&bytes).into_owned());
            }
        }
    }
    let megabytes = texts.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    // CPU time of this thread when the kernel reports it: the machine may be shared.
    let now = || {
        std::fs::read_to_string("/proc/thread-self/schedstat")
            .ok()
            .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
            .map(|ns| ns / 1e9)
    };
    let run = |passes: Passes| {
        let extractor = Extractor::builder()
            .passes(passes)
            .threads(1)
            .build()
            .expect("a valid configuration");
        (0..5)
            .map(|_| {
                let wall = std::time::Instant::now();
                let cpu = now();
                let quotes: usize = texts
                    .iter()
                    .map(|t| extractor.extract(t).quotes.len())
                    .sum();
                std::hint::black_box(quotes);
                match (cpu, now()) {
                    (Some(a), Some(b)) => b - a,
                    _ => wall.elapsed().as_secs_f64(),
                }
            })
            .fold(f64::MAX, f64::min)
    };
    let all = run(Passes::ALL);
    let without = run(Passes {
        quotes: false,
        ..Passes::ALL
    });
    eprintln!(
        "{megabytes:.1} MB: all passes {:.0} ms/MB, without quotes {:.0} ms/MB, quotes {:.1}% of the pipeline",
        1e3 * all / megabytes,
        1e3 * without / megabytes,
        100.0 * (all - without) / all
    );
}

#[test]
fn attributions_after_ages_questions_inner_quotes_and_interruptions() {
    let cases: &[(&str, &str, &[Expected<'_>])] = &[
        (
            "an age and a description between the name and the verb",
            "“Both scare me,” Cecelia Purner, 67, a retired clerk in Albany, said.",
            &[(
                "Both scare me",
                Direct,
                Some("Cecelia Purner"),
                Some("Cecelia Purner"),
                Some("said"),
            )],
        ),
        (
            "an age and a place",
            "\"Both scare me,\" Harry Bond, 30, of Raleigh, said in an interview.",
            &[(
                "Both scare me",
                Direct,
                Some("Harry Bond"),
                Some("Harry Bond"),
                Some("said"),
            )],
        ),
        (
            "a question, then an attribution going on with a clause of time",
            "“Who can remember how many it was?” Clinton asks as a guard walks in.",
            &[(
                "Who can remember how many it was?",
                Direct,
                Some("Clinton"),
                Some("Clinton"),
                Some("asks"),
            )],
        ),
        (
            "an exclamation, then a place",
            "“Pat Kennedy is the greatest!” McDonough wrote in an email to State officials.",
            &[(
                "Pat Kennedy is the greatest!",
                Direct,
                Some("McDonough"),
                Some("McDonough"),
                Some("wrote"),
            )],
        ),
        (
            "a question answered by the next sentence's quote",
            "Tapper asked, “Had you known?” He answered, “I have no idea.”",
            &[
                (
                    "Had you known?",
                    Direct,
                    Some("Tapper"),
                    Some("Tapper"),
                    Some("asked"),
                ),
                (
                    "I have no idea.",
                    Direct,
                    Some("He"),
                    Some("Tapper"),
                    Some("answered"),
                ),
            ],
        ),
        (
            "three apostrophes close an inner single quote and the outer double one",
            "''I would use the word 'old-school,''' said Gregory W. Slayton, an envoy.",
            &[(
                "I would use the word 'old-school,'",
                Direct,
                Some("Gregory W. Slayton"),
                Some("Gregory W. Slayton"),
                Some("said"),
            )],
        ),
        (
            "a quote resumed after a long attribution",
            "“We have had offices here since April,” said Stephanie Formas, Clinton's in-state \
             communications director, “and we've been forming local teams.”",
            &[
                (
                    "We have had offices here since April",
                    Direct,
                    Some("Stephanie Formas"),
                    Some("Stephanie Formas"),
                    Some("said"),
                ),
                (
                    "and we've been forming local teams.",
                    Direct,
                    Some("Stephanie Formas"),
                    Some("Stephanie Formas"),
                    None,
                ),
            ],
        ),
        (
            "a participle phrase before the subject names nobody",
            "Weighing in on the debate, Mike Huckabee agreed, praising him as “one of the most \
             gifted Republicans.”",
            &[(
                "one of the most gifted Republicans.",
                Partial,
                Some("Mike Huckabee"),
                Some("Mike Huckabee"),
                Some("praising"),
            )],
        ),
        (
            "a name ending in -ing before an adverb stays a name",
            "Groening recently heaped praise on the show, saying: “Everybody here is a fan.”",
            &[(
                "Everybody here is a fan.",
                Direct,
                Some("Groening"),
                Some("Groening"),
                Some("saying"),
            )],
        ),
        (
            "an exclamation, then a reply reported as a clause",
            "Axelrod told her, “You are an all-star!” Clinton replied to him that it was an honor.",
            &[
                (
                    "You are an all-star!",
                    Direct,
                    Some("Axelrod"),
                    Some("Axelrod"),
                    Some("told"),
                ),
                (
                    "it was an honor",
                    Indirect,
                    Some("Clinton"),
                    Some("Clinton"),
                    Some("replied"),
                ),
            ],
        ),
    ];
    for (name, text, want) in cases {
        check(name, text, &quotes(text), want);
    }
}
