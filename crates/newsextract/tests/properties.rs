//! Property tests: whatever the text, extraction does not panic, every span lies inside the
//! input on char boundaries and slices to its `text`, and the output is deterministic.

use newsextract::{convert_offsets, extract, extract_with_date, Article, Date, OffsetUnit};
use proptest::prelude::*;

/// Checks the span invariant of DESIGN.md on one article.
pub fn assert_spans_valid(text: &str, article: &Article) {
    let errors = article.span_errors(text);
    assert!(errors.is_empty(), "{errors:#?}");
}

/// Pieces news text is made of, and the pieces that break naive code.
fn piece() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "ISLAMABAD:",
        "(Reuters)",
        " - ",
        " — ",
        "said",
        "Mr.",
        "U.S.",
        "Jan.",
        "May",
        "3",
        "2023",
        "1,750",
        "at least",
        "people",
        "“",
        "”",
        "\"",
        "'",
        "‘",
        "’",
        "«",
        "»",
        "(",
        ")",
        "Also read:",
        "By",
        "Zoë",
        "پاکستان",
        "\u{0}",
        "\u{202E}",
        "\u{FEFF}",
        "\t",
        "\r\n",
        "\n",
        "\n\n",
        "    ",
        ".",
        "...",
        "…",
        "?",
        "Tehreek-e-Taliban Pakistan (TTP)",
        "Matthew Miller",
        "told reporters",
        "according to",
        "WASHINGTON",
        "Monday",
        "yesterday",
        "percent",
        "$5bn",
        "Q3",
        "a.m.",
        "J.K.",
        "No. 1",
        "\u{a0}",
        "🙂",
        "e\u{301}",
    ]);
    prop_oneof![
        4 => words.prop_map(str::to_string),
        2 => "[A-Za-z]{1,12}",
        1 => "[0-9.,:%$-]{1,8}",
        1 => any::<String>(),
        1 => " ",
    ]
}

fn news_like() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..120).prop_map(|pieces| pieces.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn any_unicode_gives_valid_spans(text in any::<String>()) {
        let article = extract(&text);
        assert_spans_valid(&text, &article);
    }

    #[test]
    fn news_like_text_gives_valid_spans(text in news_like()) {
        let article = extract(&text);
        assert_spans_valid(&text, &article);
        let dated = extract_with_date(&text, Date::new(2023, 5, 9).unwrap());
        assert_spans_valid(&text, &dated);
    }

    #[test]
    fn extraction_is_deterministic(text in news_like()) {
        prop_assert_eq!(extract(&text).to_json(), extract(&text).to_json());
    }

    #[test]
    fn converted_offsets_slice_the_same_text(text in news_like()) {
        let article = extract(&text);
        let chars: Vec<char> = text.chars().collect();
        let mut converted = article.clone();
        convert_offsets(&mut converted, &text, OffsetUnit::Chars);
        for ((byte_span, _), (char_span, _)) in article.spans().iter().zip(converted.spans().iter()) {
            let by_chars: String = chars[char_span.start..char_span.end].iter().collect();
            prop_assert_eq!(&text[byte_span.range()], by_chars.as_str());
        }
    }
}

#[test]
fn hostile_shapes_do_not_panic() {
    let shapes: Vec<String> = vec![
        String::new(),
        "\n".repeat(10_000),
        "“".repeat(20_000),
        "\"".repeat(20_000),
        "(".repeat(20_000),
        "a".repeat(200_000),
        "A. ".repeat(20_000),
        "WASHINGTON (Reuters) - ".repeat(2_000),
        "Also read: ".repeat(2_000),
        "\u{0}\u{1}\u{7f}\u{202e}".repeat(1_000),
        "<html><script>alert('x')</script></html>".repeat(500),
        "{\"id\": 1, \"text\": \"x\"}\n".repeat(500),
    ];
    for text in &shapes {
        let article = extract(text);
        assert_spans_valid(text, &article);
    }
}
