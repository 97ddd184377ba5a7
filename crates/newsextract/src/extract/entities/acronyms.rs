//! Acronym definitions in both orders: `Tehreek-e-Taliban Pakistan (TTP)` and
//! `TTP (Tehreek-e-Taliban Pakistan)`.
//!
//! The expansion is checked against the acronym with the algorithm of Schwartz and Hearst
//! (2003): the acronym's letters are found right to left in the expansion, the first one at
//! the start of a word. Word starts include the parts of hyphenated names, so `TTP` matches
//! `Tehreek-e-Taliban Pakistan` and `PML-N` matches `Pakistan Muslim League-Nawaz`.

use crate::text::tokens::Words;

/// One definition found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Definition {
    /// The acronym's token.
    pub(crate) acronym: usize,
    /// The expansion's tokens, `first..end`.
    pub(crate) expansion: (usize, usize),
    /// The whole definition's tokens, parentheses included.
    pub(crate) tokens: (usize, usize),
}

/// True for tokens that look like acronyms: 2 to 12 characters, starting with a capital, at
/// least two capitals, nothing but letters, digits, `-`, `&` and `.` ("TTP", "PML-N", "JeM").
pub(crate) fn looks_like_acronym(word: &str) -> bool {
    let count = word.chars().count();
    (2..=12).contains(&count)
        && word.chars().next().is_some_and(|c| c.is_uppercase())
        && word.chars().filter(|c| c.is_uppercase()).count() >= 2
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '&' | '.'))
}

/// Where the long form of `acronym` starts in `candidate` (a byte offset), by Schwartz and
/// Hearst's right-to-left match; `None` when it does not match.
pub(crate) fn long_form_start(acronym: &str, candidate: &str) -> Option<usize> {
    let short: Vec<char> = acronym
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    if short.len() < 2 {
        return None;
    }
    let long: Vec<(usize, char)> = candidate.char_indices().collect();
    let lower = |k: usize| long[k].1.to_lowercase().next().unwrap_or(long[k].1);
    let word_start = |k: usize| k == 0 || !long[k - 1].1.is_alphanumeric();
    let mut l = long.len();
    for (s, &c) in short.iter().enumerate().rev() {
        loop {
            if l == 0 {
                return None;
            }
            l -= 1;
            if lower(l) == c && (s > 0 || word_start(l)) {
                break;
            }
        }
    }
    // The first letter must open a word, and the long form must be more than the acronym.
    let start = long[l].0;
    let long_form = &candidate[start..];
    (long_form.chars().filter(|c| c.is_alphanumeric()).count() > short.len()).then_some(start)
}

/// Every acronym definition in the text, in text order.
pub(crate) fn definitions(words: &Words<'_>) -> Vec<Definition> {
    let mut out = Vec::new();
    let n = words.len();
    let text = words.text;
    let same_line = |a: usize, b: usize| (a + 1..=b).all(|k| !words.tokens[k].line_start);
    // Brackets are rare: found in the text by a byte search, then as tokens by bisection,
    // instead of a test of every token.
    let mut from = 0;
    while let Some(at) = text.get(from..).and_then(|rest| rest.find('(')) {
        let at = from + at;
        from = at + 1;
        let open = words.tokens.partition_point(|t| t.start < at);
        if open == 0
            || words
                .tokens
                .get(open)
                .map_or(true, |t| t.start != at || t.end != at + 1)
        {
            continue;
        }
        // Expansion (ACR)
        if open + 2 < n
            && words.word(open + 2) == ")"
            && looks_like_acronym(words.word(open + 1))
            && same_line(open - 1, open + 2)
        {
            let acronym = words.word(open + 1);
            let letters = acronym.chars().filter(|c| c.is_alphanumeric()).count();
            let window = (letters + 5).min(letters * 2);
            // The window ends at the line's start, which belongs to it.
            let mut first = open - 1;
            while first > 0 && open - first < window && !words.tokens[first].line_start {
                first -= 1;
            }
            let start = words.tokens[first].start;
            let end = words.tokens[open - 1].end;
            if let Some(offset) = text
                .get(start..end)
                .and_then(|c| long_form_start(acronym, c))
            {
                let at = start + offset;
                if let Some(expansion_first) = (first..open).find(|&k| words.tokens[k].end > at) {
                    // The long form must start at a token start and contain no brackets.
                    if words.tokens[expansion_first].start == at
                        && (expansion_first..open)
                            .all(|k| !matches!(words.word(k), "(" | ")" | "," | ";"))
                    {
                        out.push(Definition {
                            acronym: open + 1,
                            expansion: (expansion_first, open),
                            tokens: (expansion_first, open + 3),
                        });
                        continue;
                    }
                }
            }
        }
        // ACR (Expansion)
        let acronym = words.word(open - 1);
        if !looks_like_acronym(acronym) {
            continue;
        }
        let Some(close) = (open + 2..n.min(open + 14)).find(|&k| words.word(k) == ")") else {
            continue;
        };
        if !same_line(open - 1, close) {
            continue;
        }
        let start = words.tokens[open + 1].start;
        let end = words.tokens[close - 1].end;
        if text
            .get(start..end)
            .and_then(|c| long_form_start(acronym, c))
            == Some(0)
        {
            out.push(Definition {
                acronym: open - 1,
                expansion: (open + 1, close),
                tokens: (open - 1, close + 1),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_forms() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "TTP",
                "banned Tehreek-e-Taliban Pakistan",
                Some("Tehreek-e-Taliban Pakistan"),
            ),
            (
                "PML-N",
                "the Pakistan Muslim League-Nawaz",
                Some("Pakistan Muslim League-Nawaz"),
            ),
            (
                "GDP",
                "growth in gross domestic product",
                Some("gross domestic product"),
            ),
            ("UN", "said the United Nations", Some("United Nations")),
            (
                "NAPM",
                "August National Association of Purchasing Management",
                Some("National Association of Purchasing Management"),
            ),
            ("AP", "WASHINGTON", None),
            ("PTI", "Imran Khan", None),
            (
                "ÖVP",
                "die Österreichische Volkspartei",
                Some("Österreichische Volkspartei"),
            ),
            ("X", "Xavier", None),
        ];
        for (acronym, candidate, expected) in cases {
            let got = long_form_start(acronym, candidate).map(|i| &candidate[i..]);
            assert_eq!(got, *expected, "{acronym} / {candidate}");
        }
    }

    fn found(text: &str) -> Vec<(String, String, String)> {
        let words = Words::new(text);
        definitions(&words)
            .into_iter()
            .map(|d| {
                let span = |(a, b): (usize, usize)| {
                    text[words.tokens[a].start..words.tokens[b - 1].end].to_string()
                };
                (
                    words.word(d.acronym).to_string(),
                    span(d.expansion),
                    span(d.tokens),
                )
            })
            .collect()
    }

    #[test]
    fn definitions_in_both_orders() {
        let s = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
        assert_eq!(
            found("The banned Tehreek-e-Taliban Pakistan (TTP) said."),
            [s(
                "TTP",
                "Tehreek-e-Taliban Pakistan",
                "Tehreek-e-Taliban Pakistan (TTP)"
            )]
        );
        assert_eq!(
            found("The TTP (Tehreek-e-Taliban Pakistan) said."),
            [s(
                "TTP",
                "Tehreek-e-Taliban Pakistan",
                "TTP (Tehreek-e-Taliban Pakistan)"
            )]
        );
        assert_eq!(
            found("“Jaish-e-Mohammed (JeM)” and Lashkar-e-Tayyiba (LeT)"),
            [
                s("JeM", "Jaish-e-Mohammed", "Jaish-e-Mohammed (JeM)"),
                s("LeT", "Lashkar-e-Tayyiba", "Lashkar-e-Tayyiba (LeT)")
            ]
        );
        assert!(found("WASHINGTON (AP) — Imran Khan (PTI) and (\nUN)").is_empty());
        assert!(found("( ) (( UN").is_empty());
    }
}
