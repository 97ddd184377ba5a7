//! Whether the first line of an article is its title.

use super::casing::is_all_caps;

/// Longest headline accepted, in characters and in words.
const MAX_HEADLINE_CHARS: usize = 200;
const MAX_HEADLINE_WORDS: usize = 30;

/// What follows the candidate line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Following<'a> {
    /// The next non-blank line, trimmed, when no blank line separates it from the candidate.
    pub(crate) adjacent: Option<&'a str>,
    /// True when the candidate reads as the first line of a hard-wrapped paragraph that goes
    /// on in the next line (see `paragraphs::continues`).
    pub(crate) wraps_into_next: bool,
}

/// True when `line` (trimmed) is a title rather than the start of the body: short, not a
/// sentence ending in a full stop, not cut off mid-phrase by a hard wrap. All-capitals wire
/// titles ("BAHIA COCOA REVIEW") qualify.
pub(crate) fn is_headline(line: &str, following: Following<'_>) -> bool {
    let chars = line.chars().count();
    if !(2..=MAX_HEADLINE_CHARS).contains(&chars)
        || line.split_whitespace().count() > MAX_HEADLINE_WORDS
        || !line.chars().any(char::is_alphabetic)
    {
        return false;
    }
    let mut first_two = line.chars();
    if let (Some(first), Some(second)) = (first_two.next(), first_two.next()) {
        // A lower-case start is body text, bar brand names ("iPhone sales surge").
        if first.is_lowercase() && !second.is_uppercase() {
            return false;
        }
    }
    let core = line.trim_end_matches(|c: char| {
        matches!(
            c,
            '"' | '\'' | ')' | ']' | '\u{201D}' | '\u{2019}' | '\u{00BB}'
        )
    });
    if ends_like_sentence(core) {
        return false;
    }
    if core.ends_with([',', ';']) || (core.ends_with('-') && !core.ends_with(" -")) {
        return false;
    }
    let caps = is_all_caps(line);
    if let Some(next) = following.adjacent {
        let next_first = next.chars().next();
        if next_first.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit()) {
            return false;
        }
        let last_word = core
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("")
            .to_lowercase();
        if is_function_word(&last_word) {
            return false;
        }
        if following.wraps_into_next && !caps {
            return false;
        }
    }
    true
}

/// A full stop after an ordinary word, as body sentences end; "..." and abbreviations
/// ("... deal with U.S.") do not count.
fn ends_like_sentence(core: &str) -> bool {
    if core.ends_with("...") || !core.ends_with('.') {
        return core.ends_with('\u{06D4}');
    }
    let stem = &core[..core.len() - 1];
    let last = stem
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    let is_abbreviation = last.contains('.')
        || (last.chars().count() == 1 && last.chars().all(char::is_uppercase))
        || matches!(
            last,
            "Inc" | "Corp" | "Co" | "Ltd" | "Jr" | "Sr" | "St" | "vs"
        );
    !is_abbreviation
}

/// Words a title never ends with but a hard-wrapped line often does.
fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "of"
            | "to"
            | "in"
            | "for"
            | "on"
            | "at"
            | "with"
            | "by"
            | "from"
            | "and"
            | "or"
            | "but"
            | "that"
            | "as"
            | "is"
            | "was"
            | "were"
            | "are"
            | "its"
            | "their"
            | "his"
            | "her"
            | "this"
            | "will"
            | "would"
            | "has"
            | "have"
            | "had"
            | "be"
            | "been"
            | "who"
            | "which"
            | "into"
            | "than"
            | "said"
            | "says"
            | "our"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alone(line: &str) -> bool {
        is_headline(
            line,
            Following {
                adjacent: None,
                wraps_into_next: false,
            },
        )
    }

    fn before(line: &str, next: &str, wraps: bool) -> bool {
        is_headline(
            line,
            Following {
                adjacent: Some(next),
                wraps_into_next: wraps,
            },
        )
    }

    #[test]
    fn titles() {
        for line in [
            "Pakistan, US have a shared interest in combating security threats: Washington",
            "BAHIA COCOA REVIEW",
            "U.S. FIRST QUARTER GROWTH REVISED UP TO 2.5 PCT",
            "‘We will not back down’: Miller",
            "Is this the end of cheap money?",
            "Trade deal signed with U.S.",
            "iPhone sales surge in India",
            "Zoë Brontë wins Booker Prize",
            "پاکستان اور امریکہ کے مشترکہ مفادات",
            "Markets slide as oil jumps...",
        ] {
            assert!(alone(line), "{line}");
            assert!(
                before(line, "ISLAMABAD: (Web Desk) US State", false),
                "{line}"
            );
        }
        // An all-capitals title over hard-wrapped text that it is longer than.
        assert!(before(
            "U.S. GROWTH REVISED UP",
            "    WASHINGTON, April 3 - The",
            true
        ));
    }

    #[test]
    fn not_titles() {
        for line in [
            "The president said the economy grew by 2.5 percent in the quarter.",
            "He left.",
            "“We will not back down,” Miller said.",
            "x",
            "...",
            "1234",
            "the government on Monday announced a new plan",
            "The government said on Monday that it would ask the",
            "وزیر اعظم نے کہا۔",
        ] {
            assert!(!before(line, "Next line", false), "{line}");
        }
        assert!(!alone(&"word ".repeat(40)));
        // Cut off by a hard wrap.
        assert!(!before(
            "Pakistan's central bank raised its key rate by 100 basis",
            "points on Monday.",
            false
        ));
        assert!(!before(
            "The company said sales rose in the quarter ending March",
            "31, beating forecasts.",
            false
        ));
        assert!(!before(
            "Shares rose after the central bank said inflation would ease,",
            "Analysts said.",
            false
        ));
        assert!(!before(
            "Prime Minister Shehbaz Sharif met the visiting US Senator",
            "Chris Van Hollen on Monday.",
            true
        ));
    }
}
