//! Bylines: `By Jane Doe`, `By JANE DOE and JOHN ROE, Associated Press`, `By Staff Reporter`,
//! `Written by ...`, and the "Reporting by" names of trailing credits.

use crate::Byline;

use super::casing::display_case;

/// Longest byline accepted, in bytes.
const MAX_BYLINE_BYTES: usize = 160;

/// Parses a byline line `text[start..end]`; the byline's span trims the line and drops what
/// follows a `|` or a dash ("By Jane Doe | Updated 10:30").
pub(crate) fn parse_line(text: &str, start: usize, end: usize) -> Option<Byline> {
    let line = text.get(start..end)?;
    let trimmed = line.trim();
    if trimmed.len() > MAX_BYLINE_BYTES {
        return None;
    }
    let line_start = start + (line.len() - line.trim_start().len());
    let names_offset = lead_in_len(trimmed)?;
    let names_part = &trimmed[names_offset..];
    let names_len = cut_at_trailer(names_part);
    let names = names_part[..names_len].trim_end();
    if !looks_like_names(names) {
        return None;
    }
    let byline_text = &trimmed[..names_offset + names.len()];
    let authors = authors(names);
    if authors.is_empty() {
        return None;
    }
    Some(Byline {
        text: byline_text.to_string(),
        start: line_start,
        end: line_start + byline_text.len(),
        authors,
    })
}

/// The byline in credits `text[start..end]` ("(Reporting by Jane Doe in Lahore and John Roe;
/// Editing by ...)"): the "Reporting by" part and its names.
pub(crate) fn from_credits(text: &str, start: usize, end: usize) -> Option<Byline> {
    let credits = text.get(start..end)?;
    let lower = credits.to_ascii_lowercase();
    let mut search = 0;
    let found = loop {
        let at = search + lower.get(search..)?.find("reporting by ")?;
        let before = lower[..at].trim_end();
        // "Additional reporting by" names helpers, not the authors.
        if !before.ends_with("additional") && !before.ends_with("and") {
            break at;
        }
        search = at + 1;
    };
    let names_start = found + "reporting by ".len();
    let rest = &credits[names_start..];
    let mut names_end = rest.len();
    for stop in [
        ";",
        ")",
        " Editing by",
        " editing by",
        " Writing by",
        " writing by",
    ] {
        if let Some(i) = rest.find(stop) {
            names_end = names_end.min(i);
        }
    }
    let names = rest[..names_end]
        .trim_end()
        .trim_end_matches(',')
        .trim_end();
    let authors = authors(names);
    if authors.is_empty() {
        return None;
    }
    // Keep the original capital of "Reporting" in the span.
    let span_start = start + found;
    let span_end = start + names_start + names.len();
    Some(Byline {
        text: text[span_start..span_end].to_string(),
        start: span_start,
        end: span_end,
        authors,
    })
}

/// Length of the lead-in ("By ", "BY: ", "Written by ") when the line starts with one.
fn lead_in_len(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let after_word = if line.starts_with("By") || line.starts_with("BY") {
        2
    } else {
        let lower_start: String = line.chars().take(12).collect::<String>().to_lowercase();
        ["written by", "story by", "reported by", "words by"]
            .iter()
            .find(|lead| lower_start.starts_with(**lead))?
            .len()
    };
    let mut i = after_word;
    if bytes.get(i) == Some(&b':') {
        i += 1;
    }
    let spaces = bytes[i..].iter().take_while(|b| **b == b' ').count();
    if spaces == 0 {
        return None;
    }
    Some(i + spaces)
}

/// Where a byline's names end: before `|`, a spaced dash, or a bullet.
fn cut_at_trailer(names: &str) -> usize {
    let mut end = names.len();
    for trailer in [
        " | ",
        "|",
        " - ",
        " \u{2014} ",
        " \u{2013} ",
        " \u{2022} ",
        " / ",
    ] {
        if let Some(i) = names.find(trailer) {
            end = end.min(i);
        }
    }
    end
}

/// Words that may stand in lower case inside a byline.
fn is_byline_connector(word: &str) -> bool {
    matches!(
        word,
        "and"
            | "&"
            | "in"
            | "of"
            | "the"
            | "for"
            | "at"
            | "de"
            | "da"
            | "van"
            | "von"
            | "der"
            | "den"
            | "bin"
            | "al"
            | "el"
            | "y"
            | "la"
            | "le"
            | "du"
            | "ul"
            | "with"
    )
}

/// True when every word is capitalised (or a connector) and the first is not a time word:
/// "Jane Doe, Associated Press", not "the end of the year" or "Monday, officials said".
fn looks_like_names(names: &str) -> bool {
    let words: Vec<&str> = names.split_whitespace().collect();
    if words.is_empty() || words.len() > 16 {
        return false;
    }
    let first = words[0].trim_end_matches(',');
    if matches!(
        first.to_ascii_lowercase().as_str(),
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "then"
            | "now"
            | "today"
            | "tomorrow"
            | "yesterday"
            | "far"
            | "contrast"
            | "comparison"
            | "law"
            | "night"
            | "day"
            | "noon"
            | "midnight"
            | "early"
            | "late"
            | "all"
            | "some"
    ) {
        return false;
    }
    for word in &words {
        let word = word.trim_end_matches(',');
        let Some(c) = word.chars().next() else {
            continue;
        };
        if word.chars().any(|c| c.is_ascii_digit()) {
            return false;
        }
        if !(c.is_uppercase() || is_byline_connector(word) || !c.is_alphabetic()) {
            return false;
        }
    }
    // A full stop after an ordinary word makes it a sentence ("By Monday it was over.").
    if let Some(last) = words.last() {
        if last.ends_with('.') {
            let stem = last.trim_end_matches('.');
            let is_initial_or_suffix = stem.chars().count() <= 2
                || matches!(stem, "Jr" | "Sr" | "Jnr" | "Snr")
                || stem.contains('.');
            if !is_initial_or_suffix {
                return false;
            }
        }
    }
    true
}

/// Words that mark a byline segment as an affiliation or desk rather than a person.
fn is_affiliation_word(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().trim_end_matches(['.', ',']),
        "associated"
            | "press"
            | "reuters"
            | "afp"
            | "ap"
            | "news"
            | "staff"
            | "writer"
            | "writers"
            | "reporter"
            | "reporters"
            | "correspondent"
            | "correspondents"
            | "editor"
            | "editors"
            | "bureau"
            | "desk"
            | "times"
            | "post"
            | "journal"
            | "agency"
            | "service"
            | "media"
            | "network"
            | "online"
            | "contributor"
            | "columnist"
            | "special"
            | "senior"
            | "chief"
            | "political"
            | "business"
            | "sports"
            | "foreign"
            | "agence"
            | "france-presse"
            | "bloomberg"
            | "cnn"
            | "bbc"
            | "xinhua"
            | "pti"
            | "app"
            | "ians"
            | "upi"
            | "dpa"
            | "ani"
            | "tribune"
            | "herald"
            | "dawn"
            | "guardian"
            | "telegraph"
            | "gazette"
            | "daily"
            | "weekly"
            | "magazine"
            | "wire"
            | "wires"
            | "report"
            | "team"
            | "our"
            | "analyst"
            | "intern"
            | "photographer"
    )
}

/// The author names of a byline's names part, in display casing.
fn authors(names: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (index, segment) in names.split([',', ';']).enumerate() {
        let segment = segment.trim();
        if segment.is_empty() {
            continue;
        }
        let words: Vec<&str> = segment.split_whitespace().collect();
        let is_affiliation = words.len() == 1 || words.iter().any(|w| is_affiliation_word(w));
        if index > 0 && is_affiliation {
            break;
        }
        if index == 0 && words.iter().all(|w| is_affiliation_word(w)) {
            // A desk ("Staff Reporter", "Our Correspondent") is kept as written.
            out.push(display_case(&words.join(" ")));
            break;
        }
        for name in split_names(segment) {
            let name = cut_affiliation(cut_location(name));
            let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
            if name.chars().any(char::is_alphabetic) {
                out.push(display_case(&name));
            }
        }
    }
    out
}

/// Splits "JANE DOE and JOHN ROE" / "Jane Doe & John Roe" into names.
fn split_names(segment: &str) -> Vec<&str> {
    let mut names = vec![segment];
    for joiner in [" and ", " AND ", " & ", "\nand ", " and\n"] {
        names = names.into_iter().flat_map(|n| n.split(joiner)).collect();
    }
    names
}

/// "SAMIRA HAIDARI Associated Press" → "SAMIRA HAIDARI": an agency, or a role of two words or
/// more, written after the name without a comma.
fn cut_affiliation(name: &str) -> &str {
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut keep = words.len();
    while keep > 1 && is_affiliation_word(words[keep - 1]) {
        keep -= 1;
    }
    let cut = words.len() - keep;
    let agency = cut == 1 && is_agency(words[words.len() - 1]);
    if keep < 2 || !(cut >= 2 || agency) {
        return name;
    }
    // Slice up to the end of the last kept word to stay a sub-slice of the input.
    let last_kept = words[keep - 1];
    let end = last_kept.as_ptr() as usize - name.as_ptr() as usize + last_kept.len();
    name[..end].trim_end()
}

/// News agencies that may follow a name without a comma ("JANE DOE Reuters").
pub(crate) fn is_agency(word: &str) -> bool {
    matches!(
        word.trim_end_matches(['.', ',']),
        "Reuters" | "AP" | "AFP" | "Bloomberg" | "PTI" | "APP" | "IANS" | "UPI" | "Xinhua" | "ANI"
    )
}

/// True when a line under a byline only names the author's employer ("Associated Press",
/// "Reuters", "Staff Writer").
pub(crate) fn is_affiliation_line(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 4
        && line.len() <= 60
        && words
            .iter()
            .all(|w| is_affiliation_word(w) || is_agency(w) || *w == "The")
}

/// "Jane Doe in Islamabad" → "Jane Doe".
fn cut_location(name: &str) -> &str {
    let mut end = name.len();
    for marker in [" in ", " IN ", "\nin ", " in\n", " at ", " from "] {
        if let Some(i) = name.find(marker) {
            end = end.min(i);
        }
    }
    name[..end].trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byline_lines() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("By Jane Doe", "By Jane Doe", &["Jane Doe"]),
            ("  By Jane Doe  ", "By Jane Doe", &["Jane Doe"]),
            (
                "By JANE DOE and JOHN ROE, Associated Press",
                "By JANE DOE and JOHN ROE, Associated Press",
                &["Jane Doe", "John Roe"],
            ),
            (
                "By Staff Reporter",
                "By Staff Reporter",
                &["Staff Reporter"],
            ),
            (
                "BY OUR CORRESPONDENT",
                "BY OUR CORRESPONDENT",
                &["Our Correspondent"],
            ),
            (
                "Written by Zoë Ñúñez",
                "Written by Zoë Ñúñez",
                &["Zoë Ñúñez"],
            ),
            (
                "By: Ahmed Ali Khan",
                "By: Ahmed Ali Khan",
                &["Ahmed Ali Khan"],
            ),
            (
                "By Jane Doe, John Roe and Max Moe",
                "By Jane Doe, John Roe and Max Moe",
                &["Jane Doe", "John Roe", "Max Moe"],
            ),
            (
                "By Jane Doe | Updated 10:30 AM",
                "By Jane Doe",
                &["Jane Doe"],
            ),
            (
                "By Jane Doe in Lahore",
                "By Jane Doe in Lahore",
                &["Jane Doe"],
            ),
            (
                "By Jane Doe, Reuters",
                "By Jane Doe, Reuters",
                &["Jane Doe"],
            ),
            (
                "By Martin Luther King Jr.",
                "By Martin Luther King Jr.",
                &["Martin Luther King Jr."],
            ),
            ("By SEAN O'BRIEN", "By SEAN O'BRIEN", &["Sean O'Brien"]),
            (
                "By SAMIRA HAIDARI Associated Press",
                "By SAMIRA HAIDARI Associated Press",
                &["Samira Haidari"],
            ),
            ("By JANE DOE Reuters", "By JANE DOE Reuters", &["Jane Doe"]),
            ("By John Post", "By John Post", &["John Post"]),
            (
                "Story by Rahul Mehta, Special Correspondent",
                "Story by Rahul Mehta, Special Correspondent",
                &["Rahul Mehta"],
            ),
        ];
        for &(line, text, authors) in cases {
            let byline = parse_line(line, 0, line.len()).unwrap_or_else(|| panic!("{line:?}"));
            assert_eq!(byline.text, text, "{line}");
            assert_eq!(&line[byline.start..byline.end], byline.text);
            assert_eq!(byline.authors, authors, "{line}");
        }
    }

    #[test]
    fn not_bylines() {
        for line in [
            "By the end of the year, prices had doubled.",
            "By Monday, officials had left.",
            "By then it was too late.",
            "By 2030 the plant will close",
            "Byron Smith won the race",
            "Bystanders fled.",
            "BY",
            "By ",
            "By Jane Doe said the law was unfair.",
            "by jane doe",
            "Written by hand",
            "",
        ] {
            assert!(parse_line(line, 0, line.len()).is_none(), "{line:?}");
        }
    }

    #[test]
    fn credits() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "(Reporting by Jane Doe; Editing by John Roe)",
                "Reporting by Jane Doe",
                &["Jane Doe"],
            ),
            (
                "(Reporting by Asif Shahzad in Islamabad and Gibran Peshimam in Karachi; Additional reporting by Ali; Editing by Kim)",
                "Reporting by Asif Shahzad in Islamabad and Gibran Peshimam in Karachi",
                &["Asif Shahzad", "Gibran Peshimam"],
            ),
            (
                "(Reporting by Jane Doe, John Roe and\nMax Moe; Writing by X)",
                "Reporting by Jane Doe, John Roe and\nMax Moe",
                &["Jane Doe", "John Roe", "Max Moe"],
            ),
            (
                "(Additional reporting by Ali Khan; Reporting by Zoë Brontë; Editing by Kim)",
                "Reporting by Zoë Brontë",
                &["Zoë Brontë"],
            ),
            ("Reporting by Jane Doe; Editing by John Roe", "Reporting by Jane Doe", &["Jane Doe"]),
        ];
        for &(line, text, authors) in cases {
            let byline = from_credits(line, 0, line.len()).unwrap_or_else(|| panic!("{line:?}"));
            assert_eq!(byline.text, text);
            assert_eq!(&line[byline.start..byline.end], byline.text);
            assert_eq!(byline.authors, authors);
        }
        assert!(from_credits("(Editing by John Roe)", 0, 21).is_none());
        assert!(is_affiliation_line("Associated Press"));
        assert!(is_affiliation_line("The Associated Press"));
        assert!(!is_affiliation_line(
            "Associated Press reporters were there."
        ));
        assert!(from_credits("(Additional reporting by Ali Khan)", 0, 34).is_none());
    }
}
