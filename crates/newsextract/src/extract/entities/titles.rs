//! Titles and roles of people: before the name (`US State Department Spokesperson Matthew
//! Miller`, `Pakistan’s Defense Minister Khawaja Asif`, `Federal Minister for Information
//! Attaullah Tarar`) and in an apposition after it (`Khawaja Asif, the defence minister,`).

use super::features::Context;
use crate::gazetteer::lexicon::Target;
use crate::gazetteer::tables::TABLES;
use crate::gazetteer::TITLES;
use crate::text::tokens::Words;

/// The longest title (case-insensitive) ending just before token `end`, as its first token,
/// with whether it is a mere honorific (Mr, Mrs, Ms).
fn title_ending_at(context: &Context<'_, '_>, end: usize) -> Option<(usize, bool)> {
    // The context marks every token a title ends before: most tokens are not, and need no
    // look-up (every listed title starts with a letter, as the context requires; see the
    // test `titles_start_with_letters`).
    if !context.after_title(end) {
        return None;
    }
    let words = context.words;
    let mut found = None;
    for length in 1..=4.min(end) {
        let first = end - length;
        if (first + 1..end).any(|k| words.tokens[k].line_start) {
            break;
        }
        // Names found from their first token: the first-token filter turns most tokens
        // away at once, where an exact look-up would hash all of them.
        TITLES.find_at_hashed(
            words,
            first,
            context.word_hash(first),
            |title_end, entry| {
                if title_end == end {
                    found = Some((first, is_honorific(entry.target)));
                }
            },
        );
    }
    found
}

/// A capitalised word that may qualify a title: "US", "State", "Department", "Federal".
fn is_modifier(words: &Words<'_>, k: usize) -> bool {
    let flags = words.flags(k);
    let word = words.lower(k);
    flags.first_upper()
        && flags.has_letter()
        && !matches!(word, "the" | "a" | "an" | "said" | "says")
}

/// Connectors inside a title: "Minister for Information", "Secretary of State".
fn is_title_connector(word: &str) -> bool {
    matches!(word, "for" | "of")
}

/// Extends a title that starts at token `first` leftwards over its qualifiers; stops at a
/// possessive, a line start, lowercase words and punctuation.
fn extend_left(words: &Words<'_>, mut first: usize) -> usize {
    while first > 0 && !words.tokens[first].line_start && is_modifier(words, first - 1) {
        first -= 1;
    }
    first
}

/// The titles written before the name that starts at token `name`, as token ranges in text
/// order.
pub(crate) fn before(context: &Context<'_, '_>, name: usize) -> Vec<(usize, usize)> {
    let words = context.words;
    let mut segments = Vec::new();
    let mut end = name;
    // "Minister for Information Attaullah Tarar": a title, a connector, up to three words.
    for extra in 1..=3 {
        let Some(connector) = end.checked_sub(extra + 1) else {
            break;
        };
        if !is_title_connector(words.lower(connector))
            || (connector + 1..end).any(|k| !is_modifier(words, k) || words.tokens[k].line_start)
        {
            continue;
        }
        if let Some((first, false)) = title_ending_at(context, connector) {
            let first = extend_left(words, first);
            segments.push((first, end));
            end = first;
            break;
        }
    }
    if segments.is_empty() {
        while end > 0 && !words.tokens[end].line_start {
            let Some((first, honorific)) = title_ending_at(context, end) else {
                break;
            };
            let start = extend_left(words, first);
            if !honorific || start < first {
                segments.push((start, end));
            }
            end = start;
        }
    }
    segments.reverse();
    segments
}

/// Words between a comma and a title that do not belong to it: "the former minister".
const TITLE_ADJECTIVES: &[&str] = &["former", "new", "acting", "interim", "then", "current"];

fn is_honorific(target: Target) -> bool {
    match target {
        Target::Title(i) => TABLES
            .titles
            .get(i as usize)
            .is_some_and(|t| t.kind == "honorific"),
        _ => false,
    }
}

/// The title in an apposition after the name ending before token `name_end`: `, the defence
/// minister,` / `, Pakistan’s foreign minister.` The title must end the apposition.
pub(crate) fn after(context: &Context<'_, '_>, name_end: usize) -> Option<(usize, usize)> {
    let words = context.words;
    let n = words.len();
    if name_end >= n || words.word(name_end) != "," {
        return None;
    }
    let line_ok = |k: usize| k < n && !words.tokens[k].line_start;
    let mut start = name_end + 1;
    let mut k = start;
    let mut lowercase = 0;
    while k < n.min(name_end + 8) && line_ok(k) {
        let word = words.lower(k);
        if k == start && matches!(word, "the" | "a" | "an") {
            start = k + 1;
            k += 1;
            continue;
        }
        // A possessive or an adjective opens the title again after it.
        if word == "'s" || TITLE_ADJECTIVES.contains(&word) {
            start = k + 1;
            k += 1;
            continue;
        }
        let mut title_end = None;
        TITLES.find_at_hashed(words, k, context.word_hash(k), |end, entry| {
            if !is_honorific(entry.target) {
                title_end = Some(end);
            }
        });
        if let Some(mut end) = title_end {
            // "minister for information"
            if line_ok(end + 1)
                && is_title_connector(words.lower(end))
                && is_modifier(words, end + 1)
            {
                end += 2;
                while line_ok(end) && is_modifier(words, end) {
                    end += 1;
                }
            }
            let closes = !line_ok(end)
                || matches!(
                    words.lower(end),
                    "," | "." | ";" | ":" | ")" | "-" | "--" | "said" | "says" | "told" | "and"
                );
            return closes.then_some((start, end));
        }
        // Qualifiers before the title: capitalised words ("Swedish", "State Department") and
        // at most two lowercase ones ("trade", "deputy foreign").
        if !words.flags(k).first_upper() {
            lowercase += 1;
            if lowercase > 2 || !words.flags(k).has_letter() {
                return None;
            }
        }
        k += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles_of(text: &str, name: &str) -> Vec<String> {
        let words = Words::new(text);
        let first = (0..words.len())
            .find(|&i| words.word(i) == name.split(' ').next().unwrap())
            .unwrap();
        let end = first + Words::new(name).len();
        let span = |(a, b): (usize, usize)| {
            text[words.tokens[a].start..words.tokens[b - 1].end].to_string()
        };
        let context = Context::new(&words);
        let mut out: Vec<String> = before(&context, first).into_iter().map(span).collect();
        out.extend(after(&context, end).map(span));
        out
    }

    #[test]
    fn titles_start_with_letters() {
        for title in &TABLES.titles {
            let words = Words::new(title.title);
            assert!(words.flags(0).has_letter(), "{:?}", title.title);
        }
    }

    #[test]
    fn titles_before_and_after_names() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "US State Department Spokesperson Matthew Miller said",
                "Matthew Miller",
                &["US State Department Spokesperson"],
            ),
            (
                "Pakistan’s Defense Minister Khawaja Asif said",
                "Khawaja Asif",
                &["Defense Minister"],
            ),
            (
                "Pakistan's Defense Minister Khawaja Asif said",
                "Khawaja Asif",
                &["Defense Minister"],
            ),
            (
                "said Prime Minister Shehbaz Sharif",
                "Shehbaz Sharif",
                &["Prime Minister"],
            ),
            (
                "Federal Minister for Information Attaullah Tarar said",
                "Attaullah Tarar",
                &["Federal Minister for Information"],
            ),
            (
                "the former prime minister Imran Khan",
                "Imran Khan",
                &["prime minister"],
            ),
            (
                "Army chief Gen Asim Munir",
                "Asim Munir",
                &["Army chief", "Gen"],
            ),
            ("met Mr Miller", "Miller", &[]),
            (
                "Secretary of State Antony Blinken",
                "Antony Blinken",
                &["Secretary of State"],
            ),
            (
                "Khawaja Asif, the defence minister, said",
                "Khawaja Asif",
                &["defence minister"],
            ),
            (
                "Ishaq Dar, Pakistan’s foreign minister.",
                "Ishaq Dar",
                &["foreign minister"],
            ),
            ("Ishaq Dar, the minister’s son, said", "Ishaq Dar", &[]),
            ("Zoë Ångström, chief executive of", "Zoë Ångström", &[]),
            (
                "Zoë Ångström, chief executive, said",
                "Zoë Ångström",
                &["chief executive"],
            ),
            ("Zoë Ångström said", "Zoë Ångström", &[]),
            (
                "Zoë Ångström, the Swedish trade minister, met",
                "Zoë Ångström",
                &["Swedish trade minister"],
            ),
            (
                "Ali Khan, a man who met the minister, said",
                "Ali Khan",
                &[],
            ),
            ("وزیر اعظم Shehbaz Sharif", "Shehbaz Sharif", &[]),
        ];
        for (text, name, expected) in cases {
            assert_eq!(&titles_of(text, name), expected, "{text}");
        }
    }
}
