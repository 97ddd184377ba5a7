//! Lines a scraper leaves in the body: related-article links ("Also read: ...") and
//! boilerplate (share prompts, adverts, copyright lines, trailing credits).

use crate::{BoilerplateKind, RelatedKind};

/// Lines longer than this are body text whatever they start with.
const MAX_LINE_BYTES: usize = 300;

/// What a non-body line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineKind {
    /// A link to another article; the title starts `title_start` bytes into the line.
    Related {
        /// Which lead-in.
        kind: RelatedKind,
        /// Offset of the title in the trimmed line.
        title_start: usize,
    },
    /// Any other non-body line.
    Boilerplate(BoilerplateKind),
}

/// Related-article lead-ins, lower case, longest first where one extends another.
const RELATED_LEADS: &[(&str, RelatedKind)] = &[
    ("also read", RelatedKind::AlsoRead),
    ("also see", RelatedKind::SeeAlso),
    ("read also", RelatedKind::ReadAlso),
    ("read more", RelatedKind::ReadMore),
    ("related articles", RelatedKind::Related),
    ("related stories", RelatedKind::Related),
    ("related news", RelatedKind::Related),
    ("related coverage", RelatedKind::Related),
    ("related", RelatedKind::Related),
    ("see also", RelatedKind::SeeAlso),
];

/// Classifies a trimmed line; `None` for body text.
pub(crate) fn classify(line: &str) -> Option<LineKind> {
    if line.is_empty() || line.len() > MAX_LINE_BYTES {
        return None;
    }
    // Every lead-in starts with a capital, a bracket, a dash or a symbol; body lines that
    // start otherwise are skipped at the cost of one comparison.
    if !matches!(
        line.as_bytes()[0],
        b'A'..=b'Z' | b'(' | b'-' | b'*' | b'[' | b'_' | b'=' | b'"' | 0xC2 | 0xE2
    ) {
        return None;
    }
    // A transcript the scraper wrapped in quote marks ends with the site's line inside them:
    // `"Follow Pam Key on Twitter @pamkeyNEN."`. Only a mark at either end is taken off:
    // `"Follow the money," he said` stays body text. Most lines that open with a mark are
    // quotes that open with a capital; the boilerplate leads open with one too.
    if let Some(rest) = line
        .strip_prefix('"')
        .or_else(|| line.strip_prefix('\u{201C}'))
    {
        let core = rest.trim_end_matches(['"', '\u{201D}']);
        if !core.starts_with(|c: char| c.is_ascii_uppercase())
            || core.contains(['"', '\u{201C}', '\u{201D}'])
        {
            return None;
        }
        return boilerplate(core).map(LineKind::Boilerplate);
    }
    if let Some(kind) = related(line) {
        return Some(kind);
    }
    boilerplate(line).map(LineKind::Boilerplate)
}

fn related(line: &str) -> Option<LineKind> {
    let (lead, kind) = RELATED_LEADS
        .iter()
        .find(|(lead, _)| starts_with_ignore_case(line, lead))?;
    // The lead-in must be written with a capital ("Also read", "READ MORE"), not mid-sentence.
    if !line.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let rest = &line[lead.len()..];
    let after_spaces = rest.trim_start();
    let separator_len = [
        "::", ":", "|", "-", "\u{2013}", "\u{2014}", "\u{00BB}", ">>", ">",
    ]
    .iter()
    .find(|s| after_spaces.starts_with(**s))
    .map(|s| s.len());
    let title_offset = match separator_len {
        Some(len) => line.len() - after_spaces.len() + len,
        // "READ MORE" alone: a prompt without a title.
        None if after_spaces.is_empty() => {
            return Some(LineKind::Boilerplate(BoilerplateKind::ClickHere))
        }
        None => return None,
    };
    let title = line[title_offset..].trim_start();
    if title.is_empty() {
        return Some(LineKind::Boilerplate(BoilerplateKind::ClickHere));
    }
    Some(LineKind::Related {
        kind: *kind,
        title_start: line.len() - title.len(),
    })
}

fn boilerplate(line: &str) -> Option<BoilerplateKind> {
    use BoilerplateKind::*;
    if is_advertisement(line) {
        return Some(Advertisement);
    }
    if is_credits_start(line) || line == "Reuter" || line == "REUTER" {
        return Some(Credits);
    }
    if starts_with_any(
        line,
        &["click here", "tap here", "click to ", "click the link"],
    ) {
        return Some(ClickHere);
    }
    if starts_with_any(
        line,
        &[
            "sign up for",
            "sign up to",
            "sign up now",
            "get our newsletter",
            "join our newsletter",
            "download our app",
            "download the app",
        ],
    ) || (starts_with_ignore_case(line, "subscribe")
        && line[9..]
            .chars()
            .next()
            .map_or(true, |c| matches!(c, ' ' | ':' | '!' | '.')))
    {
        return Some(Subscribe);
    }
    if starts_with_any(
        line,
        &[
            "follow us",
            "follow @",
            "like us on",
            "share this",
            "share on ",
            "share:",
            "join us on",
            "join our whatsapp",
            "join our telegram",
            "find us on",
            "connect with us",
        ],
    ) || (starts_with_ignore_case(line, "follow ")
        && line.len() <= 200
        && [
            "twitter",
            "facebook",
            "instagram",
            "whatsapp",
            "telegram",
            "youtube",
            "linkedin",
            "tiktok",
            "google news",
            " on x",
        ]
        .iter()
        .any(|network| contains_ignore_case(line, network)))
    {
        return Some(Social);
    }
    if is_copyright(line) {
        return Some(Copyright);
    }
    None
}

/// "Advertisement", "- Advertisement -", "Story continues below advertisement".
fn is_advertisement(line: &str) -> bool {
    let core = line.trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '-' | '*' | '[' | ']' | '_' | '=' | '\u{2014}' | '\u{2013}'
            )
    });
    let core = core.trim_end_matches(':');
    if core.len() > 60 {
        return false;
    }
    const ADVERTS: &[&str] = &[
        "advertisement",
        "advertisements",
        "advert",
        "ad",
        "ads",
        "sponsored",
        "sponsored content",
        "story continues below advertisement",
        "article continues below advertisement",
        "article continues after advertisement",
        "continue reading below",
        "scroll to continue with content",
        "advertisement - scroll to continue",
        "advertisement - continue reading below",
    ];
    ADVERTS
        .iter()
        .any(|candidate| core.eq_ignore_ascii_case(candidate))
}

/// "(Reporting by ...", "(Writing by ...", and "Reporting by ...; Editing by ..." without
/// brackets.
pub(crate) fn is_credits_start(line: &str) -> bool {
    const LEADS: &[&str] = &[
        "reporting by",
        "additional reporting",
        "writing by",
        "editing by",
        "compiled by",
        "reporting and writing by",
        "edited by",
        "produced by",
    ];
    if let Some(inner) = line.strip_prefix('(') {
        return starts_with_any(inner.trim_start(), LEADS);
    }
    starts_with_ignore_case(line, "reporting by")
        && (line.contains(';') || contains_ignore_case(line, "editing by"))
}

/// "© 2023 ...", "(c) 2023", "Copyright 2023 ...", "... All rights reserved."
fn is_copyright(line: &str) -> bool {
    const RESERVED: &str = "all rights reserved";
    let unpunctuated = line.trim_end_matches(['.', ' ']);
    let ends_reserved = unpunctuated.len() >= RESERVED.len()
        && unpunctuated.is_char_boundary(unpunctuated.len() - RESERVED.len())
        && unpunctuated[unpunctuated.len() - RESERVED.len()..].eq_ignore_ascii_case(RESERVED);
    if line.starts_with('\u{00A9}') || starts_with_ignore_case(line, RESERVED) || ends_reserved {
        return true;
    }
    let after = if starts_with_ignore_case(line, "(c)") {
        &line[3..]
    } else if starts_with_ignore_case(line, "copyright") {
        &line[9..]
    } else {
        return false;
    };
    let after = after.trim_start();
    after.starts_with('\u{00A9}')
        || starts_with_ignore_case(after, "(c)")
        || after.starts_with(':')
        || (after.len() >= 4 && after.as_bytes()[..4].iter().all(u8::is_ascii_digit))
}

/// ASCII-case-insensitive prefix test; `prefix` is lower case.
fn starts_with_ignore_case(line: &str, prefix: &str) -> bool {
    line.len() >= prefix.len()
        && line.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

fn starts_with_any(line: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| starts_with_ignore_case(line, p))
}

/// ASCII-case-insensitive substring test on a short line; `needle` is lower case.
fn contains_ignore_case(line: &str, needle: &str) -> bool {
    line.as_bytes()
        .windows(needle.len())
        .any(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn related_lines() {
        let cases: &[(&str, RelatedKind, &str)] = &[
            (
                "Also read: Pakistan, US agree on trade",
                RelatedKind::AlsoRead,
                "Pakistan, US agree on trade",
            ),
            (
                "Also Read | India’s ‘new normal’",
                RelatedKind::AlsoRead,
                "India’s ‘new normal’",
            ),
            (
                "ALSO READ: ٹیکس میں اضافہ",
                RelatedKind::AlsoRead,
                "ٹیکس میں اضافہ",
            ),
            (
                "READ MORE: Floods kill 12",
                RelatedKind::ReadMore,
                "Floods kill 12",
            ),
            (
                "Read more: Floods kill 12",
                RelatedKind::ReadMore,
                "Floods kill 12",
            ),
            (
                "Related: IMF talks stall",
                RelatedKind::Related,
                "IMF talks stall",
            ),
            (
                "RELATED: IMF talks stall",
                RelatedKind::Related,
                "IMF talks stall",
            ),
            (
                "Related Articles: IMF talks",
                RelatedKind::Related,
                "IMF talks",
            ),
            (
                "See also: Timeline of the crisis",
                RelatedKind::SeeAlso,
                "Timeline of the crisis",
            ),
            (
                "Read also: Zoë’s story",
                RelatedKind::ReadAlso,
                "Zoë’s story",
            ),
            (
                "Read More » Markets rally",
                RelatedKind::ReadMore,
                "Markets rally",
            ),
            (
                "Also read - Markets rally",
                RelatedKind::AlsoRead,
                "Markets rally",
            ),
        ];
        for &(line, kind, title) in cases {
            match classify(line) {
                Some(LineKind::Related {
                    kind: k,
                    title_start,
                }) => {
                    assert_eq!(k, kind, "{line}");
                    assert_eq!(&line[title_start..], title, "{line}");
                }
                other => panic!("{line:?} gave {other:?}"),
            }
        }
    }

    #[test]
    fn boilerplate_lines() {
        use BoilerplateKind::*;
        let cases: &[(&str, BoilerplateKind)] = &[
            ("Follow us on Twitter and Facebook", Social),
            ("Follow Dawn on Google News", Social),
            ("Share this article", Social),
            ("Click here to download the app", ClickHere),
            ("READ MORE", ClickHere),
            ("Subscribe to our newsletter", Subscribe),
            ("Subscribe", Subscribe),
            ("Sign up for our daily briefing", Subscribe),
            ("Advertisement", Advertisement),
            ("ADVERTISEMENT", Advertisement),
            ("- Advertisement -", Advertisement),
            ("Story continues below advertisement", Advertisement),
            (
                "© 2023 The Associated Press. All rights reserved.",
                Copyright,
            ),
            ("Copyright 2023 Reuters", Copyright),
            ("Copyright © Dawn", Copyright),
            ("(c) 2023 AFP", Copyright),
            ("All rights reserved.", Copyright),
            ("(Reporting by Jane Doe; Editing by John Roe)", Credits),
            ("(Additional reporting by Ali Khan)", Credits),
            ("( Writing by Zoë Brontë )", Credits),
            ("Reporting by Jane Doe; Editing by John Roe", Credits),
            ("Reuter", Credits),
            ("\"Follow Pam Key on Twitter @pamkeyNEN.\"", Social),
            ("\u{201c}Follow Dawn on Google News", Social),
        ];
        for &(line, kind) in cases {
            assert_eq!(classify(line), Some(LineKind::Boilerplate(kind)), "{line}");
        }
    }

    #[test]
    fn body_lines_stay_body() {
        for line in [
            "Related talks will resume next week.",
            "Copyright infringement claims rose 20 percent in 2022.",
            "Subscribers to the service rose by a third.",
            "Follow-up talks are planned for June.",
            "Follow the money, he said.",
            "\"Follow the money,\" he said on Twitter.",
            "Reporting by the Guardian showed the ministry knew.",
            "Advertisements for the scheme ran in every paper.",
            "The advertisement was pulled.",
            "Clicking here and there, he found it.",
            "also read: lower case lead-in in the middle of text",
            "Reuters reported the deal on Monday.",
            "وزیر اعظم نے کہا کہ",
            "",
        ] {
            assert_eq!(classify(line), None, "{line:?}");
        }
    }
}
