//! Sentence splitting inside body paragraphs.
//!
//! One pass over the paragraph's bytes: a sentence ends at `.`, `?`, `!` or an ellipsis,
//! together with the closing quotes and brackets after it, when white space and something
//! that can open a sentence follow. A full stop after an abbreviation ends a sentence only in
//! the cases listed in [`abbreviation_kind`]. No allocation per character, no regex: the
//! splitter runs at memory speed on news text.

use crate::Sentence;

/// Splits `text[start..end]` into sentences whose spans trim surrounding white space.
///
/// Offsets that are out of range or not on char boundaries are clamped to the nearest valid
/// ones, so any input gives sentences whose spans slice `text`.
pub(crate) fn split(text: &str, start: usize, end: usize) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    split_into(text, start, end, &mut sentences);
    sentences
}

/// Like [`split`], appending to `out`.
pub(crate) fn split_into(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let end = floor_boundary(text, end.min(text.len()));
    let start = floor_boundary(text, start.min(end));
    let bytes = text.as_bytes();
    let end = trim_end(bytes, start, end);
    let mut sentence_start = skip_space(bytes, start, end);
    let mut i = sentence_start;
    let mut finder = StopFinder::default();
    while i < end {
        i = finder.next(bytes, i, end);
        if i >= end {
            break;
        }
        if terminator_len(bytes, i, end) == 0 {
            i += 1;
            continue;
        }
        let stop_start = i;
        let mut j = i;
        loop {
            let n = terminator_len(bytes, j, end);
            if n == 0 {
                break;
            }
            j += n;
        }
        let stops_end = j;
        loop {
            let n = closer_len(bytes, j, end);
            if n == 0 {
                break;
            }
            j += n;
        }
        if j >= end {
            break;
        }
        if space_len(bytes, j, end) == 0 {
            // "2.5", "example.com", "Yahoo!Inc": no white space, no boundary.
            i = j.max(stop_start + 1);
            continue;
        }
        let next = skip_space(bytes, j, end);
        if next >= end {
            break;
        }
        let had_closer = j > stops_end;
        if is_boundary(
            text,
            sentence_start,
            stop_start,
            stops_end,
            had_closer,
            next,
        ) {
            out.push(Sentence {
                start: sentence_start,
                end: j,
            });
            sentence_start = next;
        }
        i = next;
    }
    if sentence_start < end {
        out.push(Sentence {
            start: sentence_start,
            end,
        });
    }
}

/// Whether the stop `text[stop_start..stops_end]` ends the sentence that began at
/// `sentence_start`, given that the next sentence would begin at `next`.
fn is_boundary(
    text: &str,
    sentence_start: usize,
    stop_start: usize,
    stops_end: usize,
    had_closer: bool,
    next: usize,
) -> bool {
    if !opens_sentence(text, next) {
        return false;
    }
    let bytes = text.as_bytes();
    // Only a single full stop can belong to an abbreviation; "?", "!", "..." and "…" end the
    // sentence whenever a capital follows.
    if stops_end - stop_start != 1 || bytes[stop_start] != b'.' || had_closer {
        return true;
    }
    let word = word_before(text, sentence_start, stop_start);
    match abbreviation_kind(word) {
        AbbreviationKind::None => {
            // "1. The first point": a list number opening the sentence.
            !(word.len() <= 2
                && !word.is_empty()
                && word.bytes().all(|b| b.is_ascii_digit())
                && word_start(text, sentence_start, stop_start) == sentence_start)
        }
        AbbreviationKind::Title => false,
        AbbreviationKind::BeforeNumber => !starts_with_digit(bytes, next),
        AbbreviationKind::Ambiguous => starts_common_sentence(text, next),
    }
}

/// How a word followed by a full stop behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AbbreviationKind {
    /// Not an abbreviation: the full stop ends the sentence.
    None,
    /// A title or connective that a name or word always follows ("Mr.", "Gen.", "vs.").
    Title,
    /// "No. 1", "Art. 5": no boundary before a number.
    BeforeNumber,
    /// May end a sentence or not ("U.S.", "Inc.", "Jan.", "J."): a boundary only when the
    /// next word is one that typically opens a sentence.
    Ambiguous,
}

/// Classifies the word before a full stop (without the stop).
fn abbreviation_kind(word: &str) -> AbbreviationKind {
    use AbbreviationKind::*;
    if word.is_empty() {
        return None;
    }
    match word {
        "Mr" | "Mrs" | "Ms" | "Mx" | "Dr" | "Prof" | "Gen" | "Lt" | "Col" | "Sen" | "Rep"
        | "Gov" | "Capt" | "Cmdr" | "Cdr" | "Sgt" | "Maj" | "Adm" | "Rev" | "Hon" | "Pres"
        | "Supt" | "Brig" | "Cpl" | "Pvt" | "Insp" | "Det" | "Fr" | "Mt" | "Ft" | "Messrs"
        | "Mme" | "Mlle" | "Atty" | "Amb" | "Gens" | "Sens" | "Reps" | "Lt.Gen" | "Maj.Gen"
        | "Brig.Gen" | "MR" | "MRS" | "DR" | "GEN" | "SEN" | "GOV" | "REP" | "vs" | "v" | "e.g"
        | "i.e" | "cf" | "viz" | "approx" | "ca" => Title,
        "No" | "Nos" | "no" | "NO" | "Art" | "Vol" | "vol" | "p" | "pp" | "Fig" | "fig" | "Ch"
        | "ch" | "Sec" | "Para" | "para" | "Ref" | "Tel" | "tel" => BeforeNumber,
        "Jan" | "Feb" | "Mar" | "Apr" | "Jun" | "Jul" | "Aug" | "Sep" | "Sept" | "Oct" | "Nov"
        | "Dec" | "JAN" | "FEB" | "MAR" | "APR" | "JUN" | "JUL" | "AUG" | "SEP" | "SEPT"
        | "OCT" | "NOV" | "DEC" | "Inc" | "Corp" | "Co" | "Ltd" | "Jr" | "Sr" | "Bros" | "Plc"
        | "plc" | "Cos" | "Mfg" | "Intl" | "Assn" | "Dept" | "Univ" | "Govt" | "St" | "Ave"
        | "Blvd" | "Rd" | "Hwy" | "Ste" | "Est" | "etc" | "al" | "Ala" | "Ariz" | "Ark"
        | "Calif" | "Colo" | "Conn" | "Del" | "Fla" | "Ga" | "Ill" | "Ind" | "Kan" | "Ky"
        | "La" | "Md" | "Mass" | "Mich" | "Minn" | "Miss" | "Mo" | "Mont" | "Neb" | "Nev"
        | "Okla" | "Ore" | "Pa" | "Tenn" | "Tex" | "Vt" | "Va" | "Wash" | "Wis" | "Wyo" | "Ont"
        | "Que" | "Alta" | "Sask" | "Nfld" | "mln" | "bln" | "pct" => Ambiguous,
        _ => {
            let bytes = word.as_bytes();
            // "U.S", "U.N", "a.m", "J.K", "D.C": dotted abbreviations and initials.
            if bytes.contains(&b'.') && bytes.iter().all(|b| b.is_ascii_alphabetic() || *b == b'.')
            {
                return Ambiguous;
            }
            // A single capital: an initial ("John F. Kennedy").
            if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
                return Ambiguous;
            }
            None
        }
    }
}

/// The word just before `stop` (a full stop), without leading brackets or quotes.
fn word_before(text: &str, sentence_start: usize, stop: usize) -> &str {
    let start = word_start(text, sentence_start, stop);
    text.get(start..stop).unwrap_or("")
}

/// Where the word before `stop` starts; looks back at most 24 bytes, the longest
/// abbreviation being far shorter.
fn word_start(text: &str, sentence_start: usize, stop: usize) -> usize {
    let bytes = text.as_bytes();
    let floor = sentence_start.max(stop.saturating_sub(24));
    let mut i = stop;
    while i > floor {
        let b = bytes[i - 1];
        if b.is_ascii_alphanumeric() || b == b'.' || b >= 0x80 {
            i -= 1;
        } else {
            break;
        }
    }
    if i == floor && floor > sentence_start {
        // Longer than any abbreviation: an ordinary word.
        return stop;
    }
    // Keep the boundary on a char and drop any non-ASCII lead (curly quotes) from the word.
    while i < stop && (bytes[i] >= 0x80) {
        i += 1;
    }
    i
}

/// True when the text at `i` can open a sentence: a capital, a digit, an opening quote or
/// bracket, or a letter of a script without case (Urdu, Arabic, Chinese).
fn opens_sentence(text: &str, i: usize) -> bool {
    let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
        return false;
    };
    if c.is_ascii() {
        return c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\'' | '(' | '[');
    }
    matches!(
        c,
        '\u{201C}' | '\u{2018}' | '\u{00AB}' | '\u{00BF}' | '\u{00A1}'
    ) || (c.is_alphabetic() && !c.is_lowercase())
}

/// True when the word at `i` typically opens a sentence, which settles an ambiguous
/// abbreviation before it ("in the U.S. The company ...").
fn starts_common_sentence(text: &str, i: usize) -> bool {
    let bytes = text.as_bytes();
    match bytes.get(i) {
        Some(b'"' | b'\'' | b'(' | b'[') => return true,
        Some(0xE2) if matches!(text.get(i..i + 3), Some("\u{201C}" | "\u{2018}")) => return true,
        _ => {}
    }
    let mut j = i;
    while j < bytes.len() && j < i + 16 && bytes[j].is_ascii_alphabetic() {
        j += 1;
    }
    let word = &text[i..j];
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "It"
            | "He"
            | "She"
            | "They"
            | "We"
            | "I"
            | "You"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "Yet"
            | "In"
            | "On"
            | "At"
            | "By"
            | "For"
            | "From"
            | "With"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "Their"
            | "Its"
            | "His"
            | "Her"
            | "Our"
            | "My"
            | "If"
            | "When"
            | "While"
            | "After"
            | "Before"
            | "As"
            | "Although"
            | "Though"
            | "Since"
            | "Because"
            | "Meanwhile"
            | "However"
            | "Also"
            | "Some"
            | "Many"
            | "Most"
            | "All"
            | "Both"
            | "Each"
            | "Police"
            | "Officials"
            | "No"
            | "Not"
            | "Now"
            | "Then"
            | "Still"
            | "Last"
            | "Earlier"
            | "Later"
            | "Instead"
            | "What"
            | "Who"
            | "Why"
            | "How"
            | "Where"
            | "Under"
            | "During"
            | "Despite"
            | "Among"
            | "According"
            | "Analysts"
            | "Shares"
            | "Mr"
            | "Mrs"
            | "Ms"
            | "Dr"
            | "THE"
            | "IT"
            | "HE"
            | "SHE"
            | "THEY"
            | "WE"
            | "BUT"
            | "IN"
    ) && !bytes.get(j).is_some_and(|b| *b == b'.')
}

fn starts_with_digit(bytes: &[u8], i: usize) -> bool {
    bytes.get(i).is_some_and(u8::is_ascii_digit)
}

/// Finds the bytes that may start a stop ([`terminator_len`]) many bytes at a time: `.`, `?`
/// and `!`, and the lead bytes of `…`, `؟` and `۔`, in two `memchr3` searches whose last
/// answers are kept until the scan passes them. Most of a paragraph's bytes cannot start a
/// stop; a byte-by-byte test spent about eight instructions on each.
#[derive(Debug, Default)]
struct StopFinder {
    ascii: Option<usize>,
    lead: Option<usize>,
}

impl StopFinder {
    /// The first position from `i` (below `end`) that may start a stop, or `end`.
    fn next(&mut self, bytes: &[u8], i: usize, end: usize) -> usize {
        let search = |needles: [u8; 3]| {
            bytes
                .get(i..end)
                .and_then(|rest| memchr::memchr3(needles[0], needles[1], needles[2], rest))
                .map_or(end, |k| i + k)
        };
        if self.ascii.map_or(true, |at| at < i) {
            self.ascii = Some(search([b'.', b'?', b'!']));
        }
        if self.lead.map_or(true, |at| at < i) {
            self.lead = Some(search([0xE2, 0xD8, 0xDB]));
        }
        self.ascii.unwrap_or(end).min(self.lead.unwrap_or(end))
    }
}

/// Length of the sentence-ending mark at `i`: `.`, `?`, `!`, `…`, `؟` (Arabic question mark)
/// or `۔` (Urdu full stop); 0 when there is none.
fn terminator_len(bytes: &[u8], i: usize, end: usize) -> usize {
    match bytes.get(i) {
        Some(b'.' | b'?' | b'!') if i < end => 1,
        Some(0xE2) if i + 3 <= end && bytes[i + 1] == 0x80 && bytes[i + 2] == 0xA6 => 3,
        Some(0xD8) if i + 2 <= end && bytes[i + 1] == 0x9F => 2,
        Some(0xDB) if i + 2 <= end && bytes[i + 1] == 0x94 => 2,
        _ => 0,
    }
}

/// Length of a closing quote or bracket at `i`, which stays with the sentence before it.
fn closer_len(bytes: &[u8], i: usize, end: usize) -> usize {
    match bytes.get(i) {
        Some(b'"' | b'\'' | b')' | b']') if i < end => 1,
        // ’ ” »
        Some(0xE2)
            if i + 3 <= end && bytes[i + 1] == 0x80 && matches!(bytes[i + 2], 0x99 | 0x9D) =>
        {
            3
        }
        Some(0xC2) if i + 2 <= end && bytes[i + 1] == 0xBB => 2,
        _ => 0,
    }
}

/// Length of a white-space character at `i` (ASCII, no-break space, the U+2000 spaces);
/// 0 when there is none.
pub(crate) fn space_len(bytes: &[u8], i: usize, end: usize) -> usize {
    match bytes.get(i) {
        Some(b' ' | b'\t' | b'\n' | b'\r' | b'\x0B' | b'\x0C') if i < end => 1,
        Some(0xC2) if i + 2 <= end && bytes[i + 1] == 0xA0 => 2,
        Some(0xE2)
            if i + 3 <= end
                && bytes[i + 1] == 0x80
                && ((0x80..=0x8A).contains(&bytes[i + 2]) || bytes[i + 2] == 0xAF) =>
        {
            3
        }
        Some(0xE3) if i + 3 <= end && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80 => 3,
        _ => 0,
    }
}

fn skip_space(bytes: &[u8], mut i: usize, end: usize) -> usize {
    loop {
        let n = space_len(bytes, i, end);
        if n == 0 {
            return i;
        }
        i += n;
    }
}

/// `end` moved back over trailing white space.
fn trim_end(bytes: &[u8], start: usize, mut end: usize) -> usize {
    while end > start {
        let b = bytes[end - 1];
        if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0B' | b'\x0C') {
            end -= 1;
        } else if end >= start + 2 && bytes[end - 2] == 0xC2 && b == 0xA0 {
            end -= 2;
        } else if end >= start + 3 && space_len(bytes, end - 3, end) == 3 {
            end -= 3;
        } else {
            break;
        }
    }
    end
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stop_finder_stops_where_a_byte_scan_would() {
        let slow = |bytes: &[u8], i: usize, end: usize| {
            (i..end)
                .find(|&k| matches!(bytes[k], b'.' | b'?' | b'!' | 0xE2 | 0xD8 | 0xDB))
                .unwrap_or(end)
        };
        for text in [
            "No stop here",
            "One. Two? Three! Four… five؟ six۔ “seven” ’eight’",
            "....??!!",
            "",
            "x",
        ] {
            let bytes = text.as_bytes();
            for end in 0..=bytes.len() {
                // Queries in increasing order, as `split_into` makes them, and some skipped.
                for step in 1..4 {
                    let mut finder = StopFinder::default();
                    let mut i = 0;
                    while i < end {
                        assert_eq!(finder.next(bytes, i, end), slow(bytes, i, end), "{text:?}");
                        i += step;
                    }
                }
            }
        }
    }

    fn texts(text: &str) -> Vec<&str> {
        split(text, 0, text.len())
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn splits_news_sentences() {
        let cases: &[(&str, &[&str])] = &[
            ("He left. She stayed.", &["He left.", "She stayed."]),
            ("  One.  Two.  ", &["One.", "Two."]),
            (
                "Mr. Smith met Mrs. Jones and Dr. Khan. They talked.",
                &["Mr. Smith met Mrs. Jones and Dr. Khan.", "They talked."],
            ),
            (
                "Gen. Asim Munir, Lt. Col. Ali and Sen. Warren spoke. Gov. Newsom did not.",
                &[
                    "Gen. Asim Munir, Lt. Col. Ali and Sen. Warren spoke.",
                    "Gov. Newsom did not.",
                ],
            ),
            (
                "Rep. Ocasio-Cortez lives on St. Marks Place. It is busy.",
                &["Rep. Ocasio-Cortez lives on St. Marks Place.", "It is busy."],
            ),
            (
                "The U.S. State Department said so. The U.N. agreed.",
                &["The U.S. State Department said so.", "The U.N. agreed."],
            ),
            (
                "Troops left the U.S. The war ended.",
                &["Troops left the U.S.", "The war ended."],
            ),
            (
                "It happened on Jan. 5 and Sept. 12. Nobody noticed.",
                &["It happened on Jan. 5 and Sept. 12.", "Nobody noticed."],
            ),
            (
                "Apple Inc. and Acme Corp. merged with Foo Co. Ltd. on Monday. Shares rose.",
                &[
                    "Apple Inc. and Acme Corp. merged with Foo Co. Ltd. on Monday.",
                    "Shares rose.",
                ],
            ),
            (
                "He was ranked No. 1 in the world. Growth was 2.5 percent.",
                &["He was ranked No. 1 in the world.", "Growth was 2.5 percent."],
            ),
            (
                "Chelsea vs. Arsenal ended 2-2. J.K. Rowling watched with John F. Kennedy Jr. on TV.",
                &[
                    "Chelsea vs. Arsenal ended 2-2.",
                    "J.K. Rowling watched with John F. Kennedy Jr. on TV.",
                ],
            ),
            (
                "\"We share an interest in regional security,\" Miller said. \"It matters.\"",
                &[
                    "\"We share an interest in regional security,\" Miller said.",
                    "\"It matters.\"",
                ],
            ),
            (
                "“We will not back down.” Miller said it twice. (That was new.) Then he left.",
                &[
                    "“We will not back down.”",
                    "Miller said it twice.",
                    "(That was new.)",
                    "Then he left.",
                ],
            ),
            (
                "Is it over? No! It is not... Wait… What now?",
                &["Is it over?", "No!", "It is not...", "Wait…", "What now?"],
            ),
            (
                "\"Why?\" he asked. He waited... and waited.",
                &["\"Why?\" he asked.", "He waited... and waited."],
            ),
            (
                "The meeting starts at 10 a.m. Tuesday. It ends at 5 p.m. The talks go on.",
                &[
                    "The meeting starts at 10 a.m. Tuesday.",
                    "It ends at 5 p.m.",
                    "The talks go on.",
                ],
            ),
            (
                "Zoë Brontë arrived. Émile Zola left.",
                &["Zoë Brontë arrived.", "Émile Zola left."],
            ),
            (
                "وزیر اعظم نے کہا۔ اجلاس ختم ہوا۔",
                &["وزیر اعظم نے کہا۔", "اجلاس ختم ہوا۔"],
            ),
            (
                "The minister said. وزیر اعظم نے کہا۔",
                &["The minister said.", "وزیر اعظم نے کہا۔"],
            ),
            (
                "Showers continued in\nthe Bahia zone. Arrivals\nwere 1.2 mln bags.\n",
                &["Showers continued in\nthe Bahia zone.", "Arrivals\nwere 1.2 mln bags."],
            ),
            ("See example.com for more. Done", &["See example.com for more.", "Done"]),
            ("1. The first point is this.", &["1. The first point is this."]),
            ("no terminator at all", &["no terminator at all"]),
            ("", &[]),
            ("   \n  ", &[]),
            ("...", &["..."]),
            ("e.g. this and i.e. That.", &["e.g. this and i.e. That."]),
            ("He lives in Richmond, Va. The city is old.", &["He lives in Richmond, Va.", "The city is old."]),
        ];
        for (input, want) in cases {
            assert_eq!(texts(input), *want, "input: {input:?}");
        }
    }

    #[test]
    fn clamps_bad_offsets() {
        let text = "Zoë said. Yes.";
        // 3 is inside "ë"; 999 is past the end.
        for s in split(text, 3, 999) {
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            assert!(s.start <= s.end && s.end <= text.len());
        }
        assert!(split(text, 10, 2).is_empty());
    }

    #[test]
    fn sub_range() {
        let text = "Headline\nFirst one. Second one.\nOther";
        let start = text.find("First").unwrap();
        let end = text.find("\nOther").unwrap();
        let got: Vec<&str> = split(text, start, end)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(got, ["First one.", "Second one."]);
    }
}
