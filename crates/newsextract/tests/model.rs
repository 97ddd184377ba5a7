//! The JSON contract round-trips through serde.

use newsextract::*;

fn sample() -> Article {
    Article {
        headline: Some(TextSpan {
            text: "Title".into(),
            start: 0,
            end: 5,
        }),
        dateline: Some(Dateline {
            text: "LONDON, May 3 (Reuters)".into(),
            start: 6,
            end: 29,
            location: Some("London".into()),
            region: None,
            country: Some("GB".into()),
            source: Some("Reuters".into()),
            date: Some(DatelineDate {
                text: "May 3".into(),
                start: 14,
                end: 19,
                value: "2023-05-03".into(),
                anchored: true,
            }),
        }),
        byline: Some(Byline {
            text: "By Jane Doe".into(),
            start: 30,
            end: 41,
            authors: vec!["Jane Doe".into()],
        }),
        paragraphs: vec![Paragraph {
            start: 42,
            end: 60,
            sentences: vec![Sentence { start: 42, end: 60 }],
        }],
        related: vec![Related {
            text: "Also read: X".into(),
            start: 61,
            end: 73,
            title: "X".into(),
            kind: RelatedKind::AlsoRead,
        }],
        boilerplate: vec![Boilerplate {
            text: "Advertisement".into(),
            start: 74,
            end: 87,
            kind: BoilerplateKind::Advertisement,
        }],
        entities: vec![Entity {
            id: 0,
            kind: EntityKind::Location,
            name: "London".into(),
            mentions: vec![TextSpan {
                text: "LONDON".into(),
                start: 6,
                end: 12,
            }],
            titles: vec![],
            acronym: None,
            country: Some("GB".into()),
            geo: Some(Geo {
                lat: 51.50853,
                lon: -0.12574,
                geonames_id: 2643743,
            }),
        }],
        quotes: vec![Quote {
            text: "We will".into(),
            start: 43,
            end: 50,
            kind: QuoteKind::Direct,
            speaker: Some(Speaker {
                name: "Jane Doe".into(),
                entity: None,
                text: "she".into(),
                start: 52,
                end: 55,
            }),
            cue: Some(TextSpan {
                text: "said".into(),
                start: 56,
                end: 60,
            }),
        }],
        times: vec![TimeExpression {
            text: "May 3".into(),
            start: 14,
            end: 19,
            kind: TimeKind::Date,
            value: "2023-05-03".into(),
            anchored: true,
        }],
        quantities: vec![Quantity {
            text: "at least 103 people".into(),
            start: 0,
            end: 19,
            value: 103.0,
            noun: Some("people".into()),
            qualifier: Qualifier::AtLeast,
            unit: None,
        }],
        acronyms: vec![Acronym {
            acronym: "TTP".into(),
            expansion: "Tehreek-e-Taliban Pakistan".into(),
            text: "Tehreek-e-Taliban Pakistan (TTP)".into(),
            start: 0,
            end: 32,
        }],
        ..Article::default()
    }
}

#[test]
fn article_round_trips_through_json() {
    let article = sample();
    let json = article.to_json();
    let back: Article = serde_json::from_str(&json).unwrap();
    assert_eq!(back, article);
    assert_eq!(back.to_json(), json);
}

#[test]
fn contract_field_names() {
    let value: serde_json::Value = serde_json::from_str(&sample().to_json()).unwrap();
    for key in [
        "schema_version",
        "headline",
        "dateline",
        "byline",
        "paragraphs",
        "related",
        "entities",
        "quotes",
        "times",
        "quantities",
        "acronyms",
    ] {
        assert!(value.get(key).is_some(), "missing {key}");
    }
    assert_eq!(value["schema_version"], 1);
    assert_eq!(value["dateline"]["date"]["value"], "2023-05-03");
    assert_eq!(value["related"][0]["kind"], "also_read");
    assert_eq!(value["entities"][0]["kind"], "location");
    assert_eq!(value["entities"][0]["geo"]["geonames_id"], 2643743);
    assert_eq!(value["quotes"][0]["speaker"]["name"], "Jane Doe");
    assert_eq!(value["quantities"][0]["qualifier"], "at_least");
    assert_eq!(value["times"][0]["kind"], "date");
}

#[test]
fn empty_input_gives_an_empty_article() {
    let article = extract("");
    assert_eq!(article.schema_version, SCHEMA_VERSION);
    assert!(article.paragraphs.is_empty());
}

#[test]
fn public_types_are_send_sync_unwind_safe() {
    fn check<T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>() {}
    check::<Article>();
    check::<Extractor>();
    check::<ExtractorBuilder>();
    check::<Error>();
}
