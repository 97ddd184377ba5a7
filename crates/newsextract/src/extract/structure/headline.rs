//! Whether the first line of an article is its title.

use super::casing::is_all_caps;
use crate::text::sentences;

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
    let caps = is_all_caps(line);
    if ends_like_sentence(core) && !reads_as_title(line, caps) {
        return false;
    }
    // A long question is a lede ("Your child may want the latest toy, but how about ...?").
    if core.ends_with('?')
        && line.split_whitespace().count() > MAX_PLAIN_TITLE_WORDS
        && !(caps || is_title_case(line))
    {
        return false;
    }
    if let Some(next) = following.adjacent {
        // Cut off mid-clause by a hard wrap; otherwise a trailing ";" is just punctuation
        // ("Candidates vie for vets' support;" over its standfirst).
        let open_ended =
            core.ends_with([',', ';']) || (core.ends_with('-') && !core.ends_with(" -"));
        if open_ended && following.wraps_into_next {
            return false;
        }
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

/// Longest title with a final full stop that is taken on its length alone; longer ones must
/// look like titles (Title Case, capitals, a "Label:" lead). Many sites end titles with a full
/// stop; news ledes are rarely this short.
const MAX_PLAIN_TITLE_WORDS: usize = 14;

/// Whether a line that ends with a full stop still reads as a title: in capitals or Title
/// Case ("Erdogan Is In Syria With A Green Light From The U.S. And Iran."), led by a label
/// ("Insiders: Trump will rebound."), or one short sentence ("Clinton rolls out special
/// character witness.").
fn reads_as_title(line: &str, caps: bool) -> bool {
    // The Urdu full stop ends prose, never a title.
    if line.ends_with('\u{06D4}') {
        return false;
    }
    if caps || is_title_case(line) || has_label_lead(line) {
        return true;
    }
    let words = line.split_whitespace().count();
    words <= MAX_PLAIN_TITLE_WORDS
        && sentences::split(line, 0, line.len()).len() == 1
        && !has_body_markers(line)
}

/// Marks of running prose that headlines avoid: past-tense reporting ("said", "told"), a
/// personal pronoun to start, an opening date phrase ("In 2020, ..."), and compound verb
/// forms ("has unveiled", "are getting", "was killed").
fn has_body_markers(line: &str) -> bool {
    let words: Vec<&str> = line
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let Some(first) = words.first() else {
        return false;
    };
    if matches!(
        *first,
        "He" | "She" | "They" | "We" | "I" | "His" | "Her" | "Their" | "Our"
    ) {
        return true;
    }
    let opens_with_date_phrase = matches!(
        *first,
        "In" | "On"
            | "At"
            | "By"
            | "Since"
            | "During"
            | "Until"
            | "Before"
            | "After"
            | "Last"
            | "This"
    ) && line.split(',').next().is_some_and(|lead| {
        lead.len() < line.len()
            && lead.split_whitespace().count() <= 4
            && lead.bytes().any(|b| b.is_ascii_digit())
    });
    if opens_with_date_phrase {
        return true;
    }
    for (i, word) in words.iter().enumerate() {
        // Past tenses headlines put in the present ("says", "draws"); the list keeps to
        // forms that are not also participles or present tenses ("set", "cut", "made").
        if i > 0
            && matches!(
                *word,
                "said"
                    | "told"
                    | "drew"
                    | "went"
                    | "took"
                    | "came"
                    | "gave"
                    | "knew"
                    | "thought"
                    | "saw"
                    | "became"
                    | "began"
                    | "stood"
                    | "ran"
                    | "met"
                    | "fell"
                    | "rose"
                    | "wrote"
                    | "brought"
                    | "heard"
                    | "felt"
            )
        {
            return true;
        }
        if matches!(
            *word,
            "has" | "have" | "had" | "is" | "are" | "was" | "were" | "will"
        ) {
            let mut next = words.get(i + 1).copied().unwrap_or("");
            if matches!(
                next,
                "been"
                    | "being"
                    | "now"
                    | "also"
                    | "just"
                    | "still"
                    | "already"
                    | "not"
                    | "officially"
                    | "finally"
            ) {
                next = words.get(i + 2).copied().unwrap_or("");
            }
            // "has fallen", "is buying", "has sold"; and the British "is to buy".
            let participle = (next.len() > 4
                && (next.ends_with("ed") || next.ends_with("en") || next.ends_with("ing")))
                || is_irregular_participle(next)
                || (next == "to" && !matches!(*word, "has" | "have" | "had" | "will"));
            if participle {
                return true;
            }
        }
    }
    false
}

/// Title Case: three words or more, at least three in four capitalised, and a small word
/// capitalised too ("In", "The", "Of"), which sentences never do mid-way.
fn is_title_case(line: &str) -> bool {
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == '-' || c == '\u{2014}' || c == '\u{2013}')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    if words.len() < 3 {
        return false;
    }
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    let small_capitalised = words.iter().skip(1).any(|w| {
        matches!(
            *w,
            "A" | "An"
                | "The"
                | "And"
                | "Or"
                | "But"
                | "Of"
                | "To"
                | "In"
                | "On"
                | "At"
                | "For"
                | "With"
                | "By"
                | "From"
                | "As"
                | "Is"
                | "Are"
                | "Was"
                | "Be"
                | "Into"
                | "Over"
                | "After"
        )
    });
    // Nearly every word capitalised over six words or more is Title Case even without small
    // words ("Jeb Bush Super PAC Chief Praises Marco Rubio Donor’s Skywriting Campaign").
    (capitalised * 4 >= words.len() * 3 && small_capitalised)
        || (capitalised == words.len() && words.len() >= 5)
        || (capitalised * 20 >= words.len() * 17 && words.len() >= 6)
}

/// "Poll:", "Insiders:", "Bernie Sanders:" — one to three capitalised words and a colon.
fn has_label_lead(line: &str) -> bool {
    let Some(colon) = line.find(": ") else {
        return false;
    };
    let lead = &line[..colon];
    let words: Vec<&str> = lead.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 3
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Past participles without "-ed", "-en" or "-ing" that follow "has", "is", "was" in prose.
fn is_irregular_participle(word: &str) -> bool {
    matches!(
        word,
        "sold"
            | "made"
            | "won"
            | "lost"
            | "cut"
            | "set"
            | "put"
            | "hit"
            | "found"
            | "held"
            | "paid"
            | "left"
            | "kept"
            | "told"
            | "said"
            | "seen"
            | "built"
            | "sent"
            | "spent"
            | "struck"
            | "led"
            | "met"
            | "brought"
            | "bought"
            | "thought"
            | "caught"
            | "fought"
            | "sought"
            | "shut"
            | "run"
            | "come"
            | "become"
            | "begun"
            | "done"
            | "gone"
            | "known"
            | "shown"
            | "grown"
            | "drawn"
            | "thrown"
            | "won't"
    )
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
    // "U.S.", "J." — not "(£6.1bn)" or "2.5".
    let is_abbreviation = (last.contains('.')
        && last.chars().all(|c| c.is_alphabetic() || c == '.'))
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
            "Clinton rolls out special character witness.",
            "Insiders: Trump will rebound in New Hampshire.",
            "Erdogan Is In Syria With A Green Light From The U.S. And Iran.",
            "Bernie Sanders Suffered A Big Blow. Here’s His Plan Going Forward.",
            "Carson: Cruz taking 'Benghazi' approach to Iowa controversy.",
            "ZOË BRONTË WINS BOOKER PRIZE.",
            "Jeb Bush Super PAC Chief Praises Marco Rubio Donor’s Skywriting Campaign.",
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
            "The president said: the economy grew by 2.5 percent in the first quarter of the year.",
            "I grew up in a small town. I know what it means.",
            "In 2020, the economy shrank.",
            "Microsoft has unveiled the finished version of its search engine.",
            "She said it was over.",
            "Gambling is growing, especially with criminals.",
            "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn for the three months to December.",
            "US banking giant Citigroup has sold its insurance arm to Metlife for $11.5bn (£6.1bn).",
            "Your child may want the latest toy this Christmas, but how about giving them a present that will help?",
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
        // A trailing semicolon before a blank line is punctuation, not a wrap.
        assert!(alone("Candidates vie for vets' support;"));
        assert!(before(
            "Candidates vie for vets' support;",
            "Trump and Clinton point out own credentials.",
            false
        ));
        assert!(!before(
            "Shares rose after the bank said inflation would ease,",
            "Analysts said.",
            true
        ));
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
            "Prime Minister Shehbaz Sharif met the visiting US Senator",
            "Chris Van Hollen on Monday.",
            true
        ));
    }
}
