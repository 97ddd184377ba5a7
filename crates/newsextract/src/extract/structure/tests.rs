//! Whole-article tests of the structure pass: every layout and top-of-article style.

use super::*;

fn run(text: &str) -> Structure {
    extract(&Document::new(text), Date::new(2023, 5, 9))
}

fn paragraph_texts<'t>(text: &'t str, s: &Structure) -> Vec<&'t str> {
    s.paragraphs.iter().map(|p| &text[p.start..p.end]).collect()
}

fn sentence_texts<'t>(text: &'t str, s: &Structure) -> Vec<Vec<&'t str>> {
    s.paragraphs
        .iter()
        .map(|p| p.sentences.iter().map(|x| &text[x.start..x.end]).collect())
        .collect()
}

/// Every span slices the text on char boundaries, and sentences sit inside paragraphs.
fn check_spans(text: &str, s: &Structure) {
    let mut spans: Vec<(usize, usize, Option<&str>)> = Vec::new();
    if let Some(h) = &s.headline {
        spans.push((h.start, h.end, Some(&h.text)));
    }
    if let Some(d) = &s.dateline {
        spans.push((d.start, d.end, Some(&d.text)));
        if let Some(date) = &d.date {
            spans.push((date.start, date.end, Some(&date.text)));
        }
    }
    if let Some(b) = &s.byline {
        spans.push((b.start, b.end, Some(&b.text)));
    }
    for r in &s.related {
        spans.push((r.start, r.end, Some(&r.text)));
    }
    for b in &s.boilerplate {
        spans.push((b.start, b.end, Some(&b.text)));
    }
    for p in &s.paragraphs {
        spans.push((p.start, p.end, None));
        let body = &text[p.start..p.end];
        assert_eq!(body.trim(), body, "paragraph not trimmed: {body:?}");
        for x in &p.sentences {
            assert!(p.start <= x.start && x.end <= p.end);
            spans.push((x.start, x.end, None));
        }
    }
    for (start, end, item) in spans {
        assert!(start <= end && end <= text.len(), "{start}..{end}");
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        if let Some(item) = item {
            assert_eq!(&text[start..end], item);
        }
    }
}

#[test]
fn seed_article() {
    let text = "Pakistan, US have a shared interest in combating security threats: Washington\n\n\
                ISLAMABAD: (Web Desk) US State Department Spokesperson Matthew Miller said on Monday that Pakistan and the U.S. share an interest. \"We will keep working together,\" Miller said.\n\n\
                Also read: Pakistan, US agree to expand trade\n\n\
                He added that the two countries had held talks.\n";
    let s = run(text);
    check_spans(text, &s);
    assert_eq!(
        s.headline.as_ref().unwrap().text,
        "Pakistan, US have a shared interest in combating security threats: Washington"
    );
    let d = s.dateline.as_ref().unwrap();
    assert_eq!(d.text, "ISLAMABAD: (Web Desk)");
    assert_eq!(d.location.as_deref(), Some("Islamabad"));
    assert_eq!(d.country.as_deref(), Some("PK"));
    assert_eq!(d.source.as_deref(), Some("Web Desk"));
    assert_eq!(s.related.len(), 1);
    assert_eq!(s.related[0].title, "Pakistan, US agree to expand trade");
    let paragraphs = paragraph_texts(text, &s);
    assert_eq!(paragraphs.len(), 2);
    assert!(paragraphs[0].starts_with("US State Department"));
    assert_eq!(
        sentence_texts(text, &s)[0],
        [
            "US State Department Spokesperson Matthew Miller said on Monday that Pakistan and the U.S. share an interest.",
            "\"We will keep working together,\" Miller said."
        ]
    );
}

#[test]
fn wire_story_hard_wrapped_with_indents() {
    let text = "BAHIA COCOA REVIEW\n\
                \x20   SALVADOR, Feb 26 - Showers continued throughout the week in\n\
                the Bahia cocoa zone, alleviating the drought since early\n\
                January and improving prospects for the coming temporao,\n\
                although normal humidity levels have not been restored.\n\
                \x20   Comissaria Smith said in its weekly review the dry period\n\
                means the temporao will be late this year. Arrivals for the\n\
                week ended February 22 were 155,221 bags of 60 kilos.\n\
                \x20   Reuter\n";
    let s = run(text);
    check_spans(text, &s);
    assert_eq!(s.headline.as_ref().unwrap().text, "BAHIA COCOA REVIEW");
    let d = s.dateline.as_ref().unwrap();
    assert_eq!(d.text, "SALVADOR, Feb 26");
    assert_eq!(d.country.as_deref(), Some("BR"));
    assert_eq!(d.date.as_ref().unwrap().value, "2023-02-26");
    let paragraphs = paragraph_texts(text, &s);
    assert_eq!(paragraphs.len(), 2, "{paragraphs:#?}");
    assert!(paragraphs[0].starts_with("Showers") && paragraphs[0].ends_with("restored."));
    let sentences = sentence_texts(text, &s);
    assert_eq!(sentences[0].len(), 1);
    assert_eq!(sentences[1].len(), 2);
    assert!(sentences[1][1].starts_with("Arrivals for the\nweek"));
    assert_eq!(s.boilerplate.len(), 1);
    assert_eq!(s.boilerplate[0].text, "Reuter");
}

#[test]
fn wire_story_wrapped_without_indents() {
    let text = "WASHINGTON, April 3 (Reuters) - The U.S. economy grew at a\n\
                2.5 pct annual rate in the first quarter, the Commerce\n\
                Department said on Friday.\n\
                Economists polled by Reuters had expected a 2.1 pct rate.\n\
                (Reporting by Jane Doe; Editing by\n\
                John Roe)\n";
    let s = run(text);
    check_spans(text, &s);
    assert!(s.headline.is_none());
    assert_eq!(
        s.dateline.as_ref().unwrap().source.as_deref(),
        Some("Reuters")
    );
    let paragraphs = paragraph_texts(text, &s);
    assert_eq!(paragraphs.len(), 2, "{paragraphs:#?}");
    assert!(paragraphs[0].starts_with("The U.S. economy") && paragraphs[0].ends_with("on Friday."));
    assert_eq!(s.boilerplate.len(), 1);
    assert_eq!(s.boilerplate[0].kind, BoilerplateKind::Credits);
    assert!(s.boilerplate[0].text.ends_with("John Roe)"));
    let byline = s.byline.as_ref().unwrap();
    assert_eq!(byline.authors, ["Jane Doe"]);
    assert_eq!(byline.text, "Reporting by Jane Doe");
}

#[test]
fn ap_style_with_byline() {
    let text = "UN council votes on Gaza aid\n\
                By JANE DOE and JOHN ROE, Associated Press\n\
                UNITED NATIONS, Nov. 3 (AP) — The U.N. Security Council voted on Friday.\n\
                “We are relieved,” said Zoë Ñúñez.\n\
                Copyright 2023 The Associated Press. All rights reserved.\n";
    let s = run(text);
    check_spans(text, &s);
    assert_eq!(
        s.headline.as_ref().unwrap().text,
        "UN council votes on Gaza aid"
    );
    assert_eq!(s.byline.as_ref().unwrap().authors, ["Jane Doe", "John Roe"]);
    let d = s.dateline.as_ref().unwrap();
    assert_eq!(d.location.as_deref(), Some("United Nations"));
    assert_eq!(d.date.as_ref().unwrap().value, "2022-11-03");
    assert_eq!(paragraph_texts(text, &s).len(), 2);
    assert_eq!(s.boilerplate[0].kind, BoilerplateKind::Copyright);
}

#[test]
fn starts_with_dateline_or_body() {
    let cases: &[(&str, Option<&str>, Option<&str>)] = &[
        ("LONDON (Reuters) - Shares rose.", None, Some("London")),
        ("PARIS — Rain fell.\n\nMore rain.", None, Some("Paris")),
        ("(CNN) -- A storm hit.", None, None),
        ("The president said: \"We will act.\" He left.", None, None),
        ("In 2020, the economy shrank.\nIt grew in 2021.", None, None),
        (
            "WASHINGTON's plan drew fire from lawmakers on Monday.\nIt was new.",
            None,
            None,
        ),
        (
            "KARACHI: Rain lashes city\n\nKARACHI: Heavy rain lashed the city on Monday.",
            Some("KARACHI: Rain lashes city"),
            Some("Karachi"),
        ),
        (
            "Title here\nLAHORE (Dunya News) – Punjab police said.",
            Some("Title here"),
            Some("Lahore"),
        ),
        (
            "Title here\n\nWASHINGTON, May 3 (Reuters) -\nThe body.",
            Some("Title here"),
            Some("Washington"),
        ),
    ];
    for &(text, headline, location) in cases {
        let s = run(text);
        check_spans(text, &s);
        assert_eq!(
            s.headline.as_ref().map(|h| h.text.as_str()),
            headline,
            "{text}"
        );
        let got = s.dateline.as_ref().and_then(|d| d.location.as_deref());
        assert_eq!(got, location, "{text}");
        if text.starts_with("(CNN)") {
            assert_eq!(s.dateline.as_ref().unwrap().source.as_deref(), Some("CNN"));
        }
        assert!(!s.paragraphs.is_empty(), "{text}");
    }
}

#[test]
fn dateline_alone_on_its_line() {
    let text = "Title here\n\nWASHINGTON, May 3 (Reuters) -\nThe body goes on.";
    let s = run(text);
    assert_eq!(paragraph_texts(text, &s), ["The body goes on."]);
    assert_eq!(
        s.dateline.as_ref().unwrap().text,
        "WASHINGTON, May 3 (Reuters)"
    );
}

#[test]
fn scraper_lines_are_not_paragraphs() {
    let text = "Headline of the story\n\n\
                First paragraph.\n\n\
                Also Read | India’s ‘new normal’\n\
                READ MORE: Floods kill 12\n\
                Advertisement\n\
                Second paragraph.\n\
                Follow us on Twitter\n\
                Click here to subscribe\n\
                Subscribe to our newsletter\n\
                RELATED: IMF talks stall\n\
                See also: Timeline\n\
                Read also: پاکستان کی معیشت\n\
                Related: More\n\
                © 2023 Dawn. All rights reserved.\n";
    let s = run(text);
    check_spans(text, &s);
    assert_eq!(
        paragraph_texts(text, &s),
        ["First paragraph.", "Second paragraph."]
    );
    let kinds: Vec<RelatedKind> = s.related.iter().map(|r| r.kind).collect();
    use crate::RelatedKind;
    assert_eq!(
        kinds,
        [
            RelatedKind::AlsoRead,
            RelatedKind::ReadMore,
            RelatedKind::Related,
            RelatedKind::SeeAlso,
            RelatedKind::ReadAlso,
            RelatedKind::Related
        ]
    );
    let kinds: Vec<BoilerplateKind> = s.boilerplate.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            BoilerplateKind::Advertisement,
            BoilerplateKind::Social,
            BoilerplateKind::ClickHere,
            BoilerplateKind::Subscribe,
            BoilerplateKind::Copyright
        ]
    );
}

#[test]
fn trailing_credits_inside_last_paragraph() {
    let text = "TOKYO, June 1 (Reuters) - Japan's factory output rose.\n\n\
                The yen fell. (Reporting by Kantaro Komiya; Editing by Kim Coghill)";
    let s = run(text);
    check_spans(text, &s);
    assert_eq!(
        paragraph_texts(text, &s),
        ["Japan's factory output rose.", "The yen fell."]
    );
    assert_eq!(s.boilerplate.len(), 1);
    assert_eq!(s.byline.as_ref().unwrap().authors, ["Kantaro Komiya"]);
}

#[test]
fn top_byline_wins_over_credits() {
    let text = "By Staff Reporter\nKARACHI: The Sindh government said so.\n(Reporting by Ali Khan; Editing by Kim)";
    let s = run(text);
    assert!(s.headline.is_none());
    assert_eq!(s.byline.as_ref().unwrap().authors, ["Staff Reporter"]);
    assert_eq!(
        s.dateline.as_ref().unwrap().location.as_deref(),
        Some("Karachi")
    );
}

#[test]
fn byline_over_an_agency_line() {
    let text =
        "A headline\nBy SAMIRA HAIDARI\nAssociated Press\nKABUL, Afghanistan (AP) — The body.";
    let s = run(text);
    check_spans(text, &s);
    let byline = s.byline.as_ref().unwrap();
    assert_eq!(byline.text, "By SAMIRA HAIDARI\nAssociated Press");
    assert_eq!(byline.authors, ["Samira Haidari"]);
    assert_eq!(paragraph_texts(text, &s), ["The body."]);
    assert_eq!(s.dateline.as_ref().unwrap().country.as_deref(), Some("AF"));
}

#[test]
fn title_over_a_dateline_line() {
    let cases: &[(&str, Option<&str>, Option<&str>)] = &[
        ("Titanic recovery mission is scrapped.\nNEW YORK 1996-08-30\nThe mission was called off.", Some("Titanic recovery mission is scrapped."), Some("New York")),
        ("PRESS DIGEST - Tunisia - Aug 31.\nTUNIS 1996-08-31\nThese are the leading stories.", Some("PRESS DIGEST - Tunisia - Aug 31."), Some("Tunis")),
        ("China said to fear dissidents more than criminals.\n\nMANILA (Reuters) - China fears them.", Some("China said to fear dissidents more than criminals."), Some("Manila")),
        ("The president said the economy grew in the quarter.\n\nBy Jane Doe\n\nBody.", Some("The president said the economy grew in the quarter."), None),
        ("LONDON (Reuters) - Shares rose.\nPARIS (Reuters) - Shares fell.", None, Some("London")),
    ];
    for &(text, headline, location) in cases {
        let s = run(text);
        check_spans(text, &s);
        assert_eq!(
            s.headline.as_ref().map(|h| h.text.as_str()),
            headline,
            "{text}"
        );
        assert_eq!(
            s.dateline.as_ref().and_then(|d| d.location.as_deref()),
            location,
            "{text}"
        );
    }
}

#[test]
fn date_line_under_the_headline() {
    let text = "A headline\n\nOctober 27, 2008\n\nOn Monday, markets fell.";
    let s = run(text);
    check_spans(text, &s);
    let d = s.dateline.as_ref().unwrap();
    assert_eq!(d.text, "October 27, 2008");
    assert_eq!(d.date.as_ref().unwrap().value, "2008-10-27");
    assert_eq!(paragraph_texts(text, &s), ["On Monday, markets fell."]);
    assert_eq!(s.dateline_anchor(), Date::new(2008, 10, 27));

    let text = "October 27, 2008\nOn Monday, markets fell.";
    let s = run(text);
    assert!(s.headline.is_none());
    assert_eq!(s.dateline.as_ref().unwrap().text, "October 27, 2008");

    let text = "A headline\nMay 3, 2023\nLONDON (Reuters) - Shares rose.";
    let s = run(text);
    check_spans(text, &s);
    let d = s.dateline.as_ref().unwrap();
    assert_eq!(d.text, "LONDON (Reuters)");
    assert_eq!(d.date.as_ref().unwrap().text, "May 3, 2023");
    assert_eq!(paragraph_texts(text, &s), ["Shares rose."]);

    let text = "A headline\nMay 3, 2023\nLONDON, May 2 (Reuters) - Shares rose.";
    let s = run(text);
    check_spans(text, &s);
    assert_eq!(
        s.dateline.as_ref().unwrap().date.as_ref().unwrap().text,
        "May 2"
    );
    assert_eq!(paragraph_texts(text, &s), ["May 3, 2023", "Shares rose."]);
}

#[test]
fn written_by_at_the_end() {
    let text = "A headline\n\nBody text here.\n\nWritten by Ahmed Ali";
    let s = run(text);
    assert_eq!(s.byline.as_ref().unwrap().authors, ["Ahmed Ali"]);
    assert_eq!(paragraph_texts(text, &s), ["Body text here."]);
}

#[test]
fn odd_inputs_never_panic() {
    for text in [
        "",
        "\n\n\n",
        "   ",
        "(",
        "By",
        "ISLAMABAD:",
        "ISLAMABAD: (",
        "\u{feff}Title\r\nBody.\r\n",
        "Zoë\u{0301}\u{200b}",
        "a.b.c.d. e. f.",
        "« Guillemets »",
        "(Reporting by",
        "(Reporting by X\nand Y\nand Z\nand W\nand V\nand U",
        "\t\t\tIndented only",
        "LONDON, May 3 (Reuters",
        "اسلام آباد: وزیر اعظم شہباز شریف نے کہا۔",
    ] {
        let s = run(text);
        check_spans(text, &s);
    }
    let long = "word ".repeat(10_000);
    check_spans(&long, &run(&long));
}

#[test]
fn leading_byte_order_mark_is_not_text() {
    // Each text with a BOM in front must give the structure of the same text without it, every
    // offset moved by the mark's three bytes.
    let cases = [
        "Pakistan’s “bold” step on trade\n\nISLAMABAD: Officials met on Monday.\n",
        "ISLAMABAD, May 9 (Reuters) - Officials met on Monday. “We agreed,” one said.\n",
        "  Indented headline here\n\nBody text follows. It has two sentences.\n",
        "\nBlank first line, then a headline\n\nLAHORE: Rain fell.\n",
        "One line only.",
        "",
    ];
    for plain in cases {
        let marked = format!("\u{FEFF}{plain}");
        let expected = run(plain);
        let got = run(&marked);
        check_spans(&marked, &got);
        let shift = |s: &Structure| -> Vec<(usize, usize)> {
            let mut spans: Vec<(usize, usize)> = Vec::new();
            spans.extend(s.headline.iter().map(|h| (h.start, h.end)));
            spans.extend(s.dateline.iter().map(|d| (d.start, d.end)));
            spans.extend(s.byline.iter().map(|b| (b.start, b.end)));
            for p in &s.paragraphs {
                spans.push((p.start, p.end));
                spans.extend(p.sentences.iter().map(|x| (x.start, x.end)));
            }
            spans
        };
        let moved: Vec<(usize, usize)> = shift(&expected)
            .into_iter()
            .map(|(start, end)| (start + 3, end + 3))
            .collect();
        assert_eq!(shift(&got), moved, "{plain:?}");
        assert_eq!(
            got.headline.as_ref().map(|h| h.text.as_str()),
            expected.headline.as_ref().map(|h| h.text.as_str()),
            "{plain:?}"
        );
        assert_eq!(
            got.dateline.as_ref().map(|d| d.text.as_str()),
            expected.dateline.as_ref().map(|d| d.text.as_str()),
            "{plain:?}"
        );
        assert_eq!(
            paragraph_texts(&marked, &got),
            paragraph_texts(plain, &expected),
            "{plain:?}"
        );
    }
    let marked = "\u{FEFF}Pakistan’s “bold” step on trade\n\nISLAMABAD: Officials met.\n";
    let headline = run(marked).headline.expect("a headline");
    assert_eq!(headline.text, "Pakistan’s “bold” step on trade");
    assert_eq!(
        (headline.start, &marked[headline.start..headline.end]),
        (3, headline.text.as_str())
    );
}
