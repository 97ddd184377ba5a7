//! Datelines: `LONDON, May 3 (Reuters) -`, `ISLAMABAD: (Web Desk)`, `(CNN) --`, ...
//!
//! A small hand-written parser over one line: place, then regions, a weekday and a date after
//! commas, then a source in brackets or slashes, then the separator (` - `, ` -- `, ` — `,
//! ` – `, `:`). What it accepts without a date or a source is restricted (a known place, or an
//! all-capitals place that is not a label such as `BREAKING`), so that body sentences
//! ("The president said: ...", "In 2020, ...", "WASHINGTON's plan ...") never become datelines.

use crate::date::days_in_month;
use crate::gazetteer::news_places::{self, NewsPlace};
use crate::{Date, Dateline, DatelineDate};

use super::casing::{display_case, is_all_caps};

/// Longest dateline accepted, in bytes; real ones are far shorter.
const MAX_DATELINE_BYTES: usize = 140;
/// Longest bracketed or slashed source ("(Dunya News)", "/PRNewswire/").
const MAX_SOURCE_BYTES: usize = 48;

/// A dateline found at the start of a line.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FoundDateline {
    /// The dateline, with offsets into the whole text.
    pub(crate) dateline: Dateline,
    /// Where the body starts on the line (the line's end when the dateline stands alone).
    pub(crate) body_start: usize,
    /// Only a place and a colon (`KARACHI:`): the shape a headline such as
    /// "KARACHI: Rain lashes city" also has.
    pub(crate) weak: bool,
    /// Backed by more than its shape: a date, a source, or a place or region the list knows.
    pub(crate) strong: bool,
}

/// Parses a dateline at the start of `text[line_start..line_end]` (leading white space
/// allowed); `reference_date` gives a year to dates written without one.
pub(crate) fn parse(
    text: &str,
    line_start: usize,
    line_end: usize,
    reference_date: Option<Date>,
) -> Option<FoundDateline> {
    let line = text.get(line_start..line_end)?;
    let indent = line.len() - line.trim_start().len();
    let found = parse_line(&line[indent..], reference_date)?;
    Some(found.offset(line_start + indent))
}

/// A line holding nothing but a date with its year ("October 27, 2008", "Monday, 3 May
/// 2023"), as Wikinews and many sites print under the headline: a dateline without a place.
pub(crate) fn parse_date_line(
    text: &str,
    line_start: usize,
    line_end: usize,
) -> Option<FoundDateline> {
    let line = text.get(line_start..line_end)?;
    let indent = line.len() - line.trim_start().len();
    let trimmed = line.trim();
    let mut pos = 0;
    if let Some(end) = weekday(trimmed, 0) {
        pos = comma(trimmed, end).unwrap_or_else(|| skip_spaces(trimmed, end));
    }
    let written = written_date(trimmed, pos)?;
    written.year?;
    if trimmed[written.end..].trim_end_matches('.').trim() != "" {
        return None;
    }
    let date = dateline_date(trimmed, written, None)?;
    let found = FoundDateline {
        dateline: Dateline {
            text: trimmed.to_string(),
            start: 0,
            end: trimmed.len(),
            location: None,
            region: None,
            country: None,
            source: None,
            date: Some(date),
        },
        body_start: trimmed.len(),
        weak: false,
        strong: true,
    };
    Some(found.offset(line_start + indent))
}

/// A date read from the text: month, day and, when written, year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct WrittenDate {
    start: usize,
    end: usize,
    month: u32,
    day: u32,
    year: Option<i32>,
}

fn parse_line(line: &str, reference_date: Option<Date>) -> Option<FoundDateline> {
    let bytes = line.as_bytes();
    let mut place: Option<(usize, usize)> = None;
    let mut regions: Vec<(usize, usize)> = Vec::new();
    let mut date: Option<WrittenDate> = None;
    let mut source: Option<(usize, usize)> = None;
    let mut pos;
    if bytes.first() == Some(&b'(') {
        // "(CNN) --": an agency alone.
        let (s, e, end) = bracketed(line, 0, b'(', b')')?;
        // An agency name, not an aside: "(CNN)", "(AP)", not "(an aside)".
        let agency = &line[s..e];
        if !agency.starts_with(|c: char| c.is_uppercase()) || agency.split(' ').count() > 3 {
            return None;
        }
        source = Some((s, e));
        pos = end;
    } else {
        let (end, _) = place_words(line, 0, true)?;
        place = Some((0, end));
        pos = end;
        let mut weekday_seen = false;
        for _ in 0..4 {
            let Some(after_comma) = comma(line, pos) else {
                break;
            };
            if date.is_none() {
                if let Some(written) = written_date(line, after_comma) {
                    date = Some(written);
                    pos = written.end;
                    continue;
                }
                if !weekday_seen {
                    if let Some(end) = weekday(line, after_comma) {
                        weekday_seen = true;
                        pos = end;
                        continue;
                    }
                }
                if regions.len() < 2 && !weekday_seen {
                    if let Some((end, _)) = place_words(line, after_comma, false) {
                        regions.push((after_comma, end));
                        pos = end;
                        continue;
                    }
                }
            }
            break;
        }
    }
    // A source before the separator: "(Reuters)", "/PRNewswire/".
    let before_source = skip_spaces(line, pos);
    if source.is_none() {
        if let Some((s, e, end)) = bracketed(line, before_source, b'(', b')')
            .or_else(|| bracketed(line, before_source, b'/', b'/'))
        {
            source = Some((s, e));
            pos = end;
        }
    }
    // "LONDON 1996-08-30": the RCV1 form, a place and an ISO date.
    if date.is_none() && source.is_none() && regions.is_empty() {
        if let Some(written) = iso_date(line, pos) {
            date = Some(written);
            pos = written.end;
        }
    }
    let (separator_is_colon, after_separator) = match separator(line, pos) {
        Some(found) => found,
        // A dateline alone on its line may have no separator ("LONDON, May 3 (Reuters)").
        None if line[pos..].trim().is_empty() && (date.is_some() || source.is_some()) => {
            (false, line.len())
        }
        None => return None,
    };
    let mut end = pos;
    let mut body_start = skip_spaces(line, after_separator);
    // "ISLAMABAD: (Web Desk) US State ...": the desk follows the separator.
    if source.is_none() {
        if let Some((s, e, close)) = bracketed(line, body_start, b'(', b')') {
            source = Some((s, e));
            end = close;
            body_start = skip_spaces(line, close);
        }
    }
    if end > MAX_DATELINE_BYTES {
        return None;
    }
    // "CRICKET - LEICESTERSHIRE TAKE OVER AT TOP": a topic slug before an all-capitals
    // headline, not a place before a story.
    let rest = &line[body_start..];
    if rest.split_whitespace().count() >= 2 && is_all_caps(rest) {
        return None;
    }
    // "Poland - a large and crucial member - has asked ...": an aside between dashes. A
    // story after a dateline opens with a capital.
    if rest.chars().next().is_some_and(char::is_lowercase) {
        return None;
    }

    let place_text = place.map(|(s, e)| &line[s..e]);
    let place_entry = place_text.and_then(news_places::lookup);
    let region_entries: Vec<NewsPlace> = regions
        .iter()
        .filter_map(|&(s, e)| news_places::lookup(&line[s..e]))
        .collect();
    let evidence = date.is_some() || source.is_some() || !region_entries.is_empty();
    if let Some(place_text) = place_text {
        if is_label(place_text) {
            return None;
        }
        if !evidence && place_entry.is_none() {
            // Unknown places pass alone only in capitals, and not when they may be an
            // acronym ("NASA:", "FIFA -").
            let letters = place_text.chars().filter(|c| c.is_alphabetic()).count();
            let words = place_text.split(' ').count();
            if !is_all_caps(place_text) || (words == 1 && letters < 6) {
                return None;
            }
            // "FIX IS IN:", "THE BOTTOM LINE -": a phrase in capitals, not a place.
            if place_text.split(' ').any(|w| {
                matches!(
                    w,
                    "IS" | "ARE"
                        | "WAS"
                        | "THE"
                        | "A"
                        | "AN"
                        | "IN"
                        | "ON"
                        | "TO"
                        | "FOR"
                        | "AND"
                        | "WITH"
                        | "IT"
                        | "WE"
                        | "NO"
                        | "NOT"
                        | "MY"
                        | "YOUR"
                        | "OUR"
                        | "THIS"
                        | "THAT"
                        | "WHAT"
                        | "WHY"
                        | "HOW"
                        | "WHO"
                )
            }) {
                return None;
            }
        }
    }

    let weak = separator_is_colon && date.is_none() && source.is_none() && regions.is_empty();
    let strong = evidence || place_entry.is_some();
    let location = place_text.map(|written| match place_entry {
        Some(entry) => entry.name.to_string(),
        None => display_case(written),
    });
    let region = match (regions.first(), regions.last()) {
        (Some(&(s, _)), Some(&(_, e))) => Some(line[s..e].to_string()),
        _ => None,
    };
    let country = country_of(place_entry, &region_entries).map(str::to_string);
    let date = date.and_then(|written| dateline_date(line, written, reference_date));
    let source = source.map(|(s, e)| line[s..e].trim().to_string());
    Some(FoundDateline {
        dateline: Dateline {
            text: line[..end].to_string(),
            start: 0,
            end,
            location,
            region,
            country,
            source,
            date,
        },
        body_start,
        weak,
        strong,
    })
}

impl FoundDateline {
    /// Moves the offsets from the line to the whole text.
    fn offset(mut self, by: usize) -> FoundDateline {
        self.dateline.start += by;
        self.dateline.end += by;
        if let Some(date) = &mut self.dateline.date {
            date.start += by;
            date.end += by;
        }
        self.body_start += by;
        self
    }
}

/// The country of the dateline: a region's country wins ("Paris, Texas"), but when the place
/// may be in one of the region's countries that one is taken ("ATLANTA, Georgia" is in the US,
/// "HYDERABAD, Pakistan" in Pakistan).
fn country_of(place: Option<NewsPlace>, regions: &[NewsPlace]) -> Option<&'static str> {
    for region in regions.iter().rev() {
        if let Some(place) = place {
            if let Some(shared) = region
                .countries()
                .find(|code| place.countries().any(|p| p == *code))
            {
                return Some(shared);
            }
        }
        if let Some(code) = region.country() {
            return Some(code);
        }
    }
    place?.country()
}

/// Normalises a written date: its own year, else the year that puts it nearest on or before
/// the reference date (a day after is allowed for time zones), else an unknown year.
fn dateline_date(
    line: &str,
    written: WrittenDate,
    reference_date: Option<Date>,
) -> Option<DatelineDate> {
    let (value, anchored) = match (written.year, reference_date) {
        (Some(year), _) => {
            let date = Date::new(year, written.month, written.day)?;
            (date.to_string(), true)
        }
        (None, Some(reference)) => {
            let limit = reference.to_days() + 1;
            // Feb 29 may lie up to eight years back.
            let date = (0..=8)
                .filter_map(|back| {
                    Date::new(reference.year() + 1 - back, written.month, written.day)
                })
                .find(|date| date.to_days() <= limit)?;
            (date.to_string(), true)
        }
        (None, None) => (
            format!("XXXX-{:02}-{:02}", written.month, written.day),
            false,
        ),
    };
    Some(DatelineDate {
        text: line[written.start..written.end].to_string(),
        start: written.start,
        end: written.end,
        value,
        anchored,
    })
}

/// Words a line may open with in capitals that are labels, not places.
fn is_label(place: &str) -> bool {
    const LABELS: &[&str] = &[
        "ADVISORY",
        "ALERT",
        "ANALYSIS",
        "BREAKING",
        "BREAKING NEWS",
        "BULLETIN",
        "CLARIFICATION",
        "COLUMN",
        "COMMENT",
        "CORRECTION",
        "EDITORIAL",
        "EDITOR'S NOTE",
        "EDITORS NOTE",
        "EXCLUSIVE",
        "EXPLAINER",
        "FACT CHECK",
        "FACTBOX",
        "FEATURE",
        "FILE",
        "FLASH",
        "INSIGHT",
        "INTERVIEW",
        "LIVE",
        "NEWS",
        "NOTE",
        "OPINION",
        "PHOTO",
        "PHOTOS",
        "PREVIEW",
        "Q&A",
        "RECAP",
        "REVIEW",
        "SPECIAL REPORT",
        "SPONSORED",
        "TIMELINE",
        "UPDATE",
        "UPDATED",
        "UPDATES",
        "URGENT",
        "VIDEO",
        "WARNING",
        "WATCH",
    ];
    let upper = place.to_uppercase();
    LABELS.contains(&upper.as_str())
}

/// `, ` at `pos`: the offset after the comma and its spaces.
fn comma(line: &str, pos: usize) -> Option<usize> {
    if line.as_bytes().get(pos) != Some(&b',') {
        return None;
    }
    let after = skip_spaces(line, pos + 1);
    (after > pos + 1).then_some(after)
}

/// Capitalised words from `pos`: a place ("GAZA CITY", "Mexico City", "Rio de Janeiro",
/// "ST. LOUIS") or a region ("Va.", "MICH.", "United Arab Emirates"). Returns the end and
/// whether the words are in capitals. A place's words share one casing; a region may mix.
fn place_words(line: &str, pos: usize, is_place: bool) -> Option<(usize, bool)> {
    let mut end = pos;
    let mut caps: Option<bool> = None;
    let mut words = 0;
    let mut cursor = pos;
    loop {
        let word_end = word(line, cursor);
        if word_end == cursor {
            break;
        }
        let word_text = &line[cursor..word_end];
        let first = word_text.chars().next()?;
        let is_connector = first.is_lowercase()
            && matches!(
                word_text,
                "de" | "del"
                    | "da"
                    | "do"
                    | "dos"
                    | "das"
                    | "di"
                    | "du"
                    | "des"
                    | "of"
                    | "es"
                    | "el"
                    | "al"
                    | "la"
                    | "le"
                    | "au"
                    | "sur"
                    | "upon"
                    | "y"
                    | "bin"
            );
        if words == 0 && !first.is_uppercase() {
            return None;
        }
        if !first.is_uppercase() && !is_connector {
            break;
        }
        // "WASHINGTON's plan", "Pakistan’s": a possessive is body text.
        if word_text.ends_with("'s") || word_text.ends_with("\u{2019}s") {
            return None;
        }
        if month_number(word_text.trim_end_matches('.')).is_some() && words > 0 {
            break;
        }
        let word_caps = is_all_caps(word_text);
        if is_place && !is_connector {
            // Every word of a capitals place is in capitals ("NEW DELHI", not "NEW Delhi");
            // short capitals may sit in a mixed-case place ("Washington D.C.").
            match caps {
                None => caps = Some(word_caps),
                Some(true) if !word_caps => break,
                Some(false) if word_caps && word_text.chars().count() > 4 => break,
                _ => {}
            }
        }
        if !is_connector {
            end = word_end;
        }
        words += 1;
        if words >= 6 || line.as_bytes().get(word_end) != Some(&b' ') {
            break;
        }
        cursor = word_end + 1;
    }
    if end == pos || end - pos > 60 {
        return None;
    }
    // A trailing connector is not part of the name.
    let name = &line[pos..end];
    if name.chars().filter(|c| c.is_alphabetic()).count() < 2 && !name.contains('.') {
        return None;
    }
    if is_place && (weekday(line, pos) == Some(end) || month_number(name).is_some()) {
        return None;
    }
    Some((end, caps.unwrap_or(false)))
}

/// The end of the word at `pos`: letters, with inner `.`, `'`, `’` and `-`.
fn word(line: &str, pos: usize) -> usize {
    let mut end = pos;
    let mut letters = 0;
    for (i, c) in line[pos.min(line.len())..].char_indices() {
        if c.is_alphabetic() {
            letters += 1;
            end = pos + i + c.len_utf8();
        } else if matches!(c, '.' | '\'' | '\u{2019}' | '-') && letters > 0 {
            // A dot belongs to the word ("Va.", "N.Y."), a hyphen or apostrophe only inside it.
            if c == '.' {
                end = pos + i + 1;
            }
        } else {
            break;
        }
    }
    end
}

/// A weekday name at `pos`: its end.
fn weekday(line: &str, pos: usize) -> Option<usize> {
    let end = ascii_word_end(line, pos);
    let word = line[pos..end].to_ascii_lowercase();
    matches!(
        word.as_str(),
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
    .then_some(end)
}

/// The month a name or abbreviation stands for ("Sept", "JAN", "August").
fn month_number(word: &str) -> Option<u32> {
    if word.len() > 9 || !word.is_ascii() {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    Some(match lower.as_str() {
        "jan" | "january" => 1,
        "feb" | "february" => 2,
        "mar" | "march" => 3,
        "apr" | "april" => 4,
        "may" => 5,
        "jun" | "june" => 6,
        "jul" | "july" => 7,
        "aug" | "august" => 8,
        "sep" | "sept" | "september" => 9,
        "oct" | "october" => 10,
        "nov" | "november" => 11,
        "dec" | "december" => 12,
        _ => return None,
    })
}

/// A month word at `pos` ("Jan.", "Sept", "MARCH"): its month and end.
fn month(line: &str, pos: usize) -> Option<(u32, usize)> {
    let end = ascii_word_end(line, pos);
    let word = &line[pos..end];
    let number = month_number(word)?;
    // Capitalised or capitals, as datelines write months ("Aug", "AUG"), never "may".
    if !word.as_bytes()[0].is_ascii_uppercase() {
        return None;
    }
    let is_abbreviation =
        word.len() <= 4 && !word.eq_ignore_ascii_case("june") && !word.eq_ignore_ascii_case("july");
    if is_abbreviation && line.as_bytes().get(end) == Some(&b'.') {
        return Some((number, end + 1));
    }
    Some((number, end))
}

/// A day of the month at `pos` (1 or 2 digits, optional "st", "nd", "rd", "th").
fn day(line: &str, pos: usize) -> Option<(u32, usize)> {
    let bytes = line.as_bytes();
    let mut end = pos;
    while end < bytes.len() && end < pos + 3 && bytes[end].is_ascii_digit() {
        end += 1;
    }
    if end == pos || end - pos > 2 {
        return None;
    }
    let value: u32 = line[pos..end].parse().ok()?;
    if !(1..=31).contains(&value) {
        return None;
    }
    let suffix_end = ascii_word_end(line, end);
    if matches!(
        line[end..suffix_end].to_ascii_lowercase().as_str(),
        "st" | "nd" | "rd" | "th"
    ) {
        end = suffix_end;
    }
    Some((value, end))
}

/// A four-digit year after `pos` (", 2023" or " 2023"): the year and its end.
fn year_after(line: &str, pos: usize) -> Option<(i32, usize)> {
    let bytes = line.as_bytes();
    let mut start = pos;
    if bytes.get(start) == Some(&b',') {
        start += 1;
    }
    let digits_start = skip_spaces(line, start);
    if digits_start == start && start == pos {
        return None;
    }
    let digits_end = digits_start + 4;
    let digits = line.get(digits_start..digits_end)?;
    if !digits.bytes().all(|b| b.is_ascii_digit())
        || bytes.get(digits_end).is_some_and(u8::is_ascii_alphanumeric)
    {
        return None;
    }
    let year: i32 = digits.parse().ok()?;
    (1900..=2100).contains(&year).then_some((year, digits_end))
}

/// A date at `pos`: "May 3", "Jan. 1", "Sept. 12", "March 2, 2023", "3 May", "3 May 2023".
fn written_date(line: &str, pos: usize) -> Option<WrittenDate> {
    let (month, day_value, mut end) = if let Some((month, month_end)) = month(line, pos) {
        let day_start = skip_spaces(line, month_end);
        if day_start == month_end {
            return None;
        }
        let (day_value, day_end) = day(line, day_start)?;
        (month, day_value, day_end)
    } else {
        let (day_value, day_end) = day(line, pos)?;
        let month_start = skip_spaces(line, day_end);
        if month_start == day_end {
            return None;
        }
        let (month, month_end) = month(line, month_start)?;
        (month, day_value, month_end)
    };
    // A day the month never has ("Feb 30") is not a date.
    if day_value > days_in_month(2000, month) {
        return None;
    }
    let mut year = None;
    if let Some((value, year_end)) = year_after(line, end) {
        year = Some(value);
        end = year_end;
    }
    // The date must end at a delimiter, not run on into a word ("May 3rdly").
    if line[end..]
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    Some(WrittenDate {
        start: pos,
        end,
        month,
        day: day_value,
        year,
    })
}

/// " 1996-08-30" at `pos`: an ISO date after one space.
fn iso_date(line: &str, pos: usize) -> Option<WrittenDate> {
    let start = pos + 1;
    if line.as_bytes().get(pos) != Some(&b' ') {
        return None;
    }
    let candidate = line.get(start..start + 10)?;
    let b = candidate.as_bytes();
    let digits = |range: std::ops::Range<usize>| b[range].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)) {
        return None;
    }
    if line[start + 10..]
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    let date: Date = candidate.parse().ok()?;
    Some(WrittenDate {
        start,
        end: start + 10,
        month: date.month(),
        day: date.day(),
        year: Some(date.year()),
    })
}

/// A source in `open`...`close` at `pos`: the inner span (trimmed) and the end after `close`.
fn bracketed(line: &str, pos: usize, open: u8, close: u8) -> Option<(usize, usize, usize)> {
    let bytes = line.as_bytes();
    if bytes.get(pos) != Some(&open) {
        return None;
    }
    let limit = bytes.len().min(pos + 1 + MAX_SOURCE_BYTES);
    let close_at = (pos + 1..limit).find(|&i| bytes[i] == close || bytes[i] == open)?;
    if bytes[close_at] != close {
        return None;
    }
    let inner = &line[pos + 1..close_at];
    let trimmed = inner.trim();
    if trimmed.is_empty()
        || !trimmed.chars().any(char::is_alphabetic)
        || trimmed.split_whitespace().count() > 5
    {
        return None;
    }
    let start = pos + 1 + (inner.len() - inner.trim_start().len());
    Some((start, start + trimmed.len(), close_at + 1))
}

/// The separator at `pos` after optional spaces: whether it is a colon, and its end.
fn separator(line: &str, pos: usize) -> Option<(bool, usize)> {
    let start = skip_spaces(line, pos);
    let spaced_before = start > pos;
    let rest = &line[start..];
    let followed_by_space_or_end = |len: usize| {
        rest[len..]
            .chars()
            .next()
            .map_or(true, |c| c == ' ' || c == '\t' || c == '\u{a0}')
    };
    if rest.starts_with(':') {
        return followed_by_space_or_end(1).then_some((true, start + 1));
    }
    for dash in ["--", "-"] {
        if rest.starts_with(dash) {
            return (spaced_before && followed_by_space_or_end(dash.len()))
                .then_some((false, start + dash.len()));
        }
    }
    for dash in ["\u{2014}\u{2014}", "\u{2014}", "\u{2013}", "\u{2015}"] {
        if rest.starts_with(dash) {
            return Some((false, start + dash.len()));
        }
    }
    None
}

fn skip_spaces(line: &str, mut pos: usize) -> usize {
    let bytes = line.as_bytes();
    loop {
        match bytes.get(pos) {
            Some(b' ' | b'\t') => pos += 1,
            Some(0xC2) if bytes.get(pos + 1) == Some(&0xA0) => pos += 2,
            _ => return pos,
        }
    }
}

fn ascii_word_end(line: &str, pos: usize) -> usize {
    let bytes = line.as_bytes();
    let mut end = pos;
    while end < bytes.len() && bytes[end].is_ascii_alphabetic() {
        end += 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (line, dateline text, location, region, country, source, date text, date value, body)
    type Case = (
        &'static str,
        &'static str,
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
        &'static str,
    );

    #[rustfmt::skip]
    const CASES: &[Case] = &[
        ("ISLAMABAD: (Web Desk) US State Department", "ISLAMABAD: (Web Desk)", Some("Islamabad"), None, Some("PK"), Some("Web Desk"), None, None, "US State Department"),
        ("KARACHI: The Sindh government", "KARACHI", Some("Karachi"), None, Some("PK"), None, None, None, "The Sindh government"),
        ("WASHINGTON (Reuters) - The U.S.", "WASHINGTON (Reuters)", Some("Washington"), None, Some("US"), Some("Reuters"), None, None, "The U.S."),
        ("LONDON, May 3 (Reuters) - Shares", "LONDON, May 3 (Reuters)", Some("London"), None, Some("GB"), Some("Reuters"), Some("May 3"), Some("2023-05-03"), "Shares"),
        ("SALVADOR, Feb 26 - Showers continued", "SALVADOR, Feb 26", Some("Salvador"), None, Some("BR"), None, Some("Feb 26"), Some("2023-02-26"), "Showers continued"),
        ("RICHMOND, Va., March 5 - A judge", "RICHMOND, Va., March 5", Some("Richmond"), Some("Va."), Some("US"), None, Some("March 5"), Some("2023-03-05"), "A judge"),
        ("KALAMAZOO, MICH., April 13 - Upjohn", "KALAMAZOO, MICH., April 13", Some("Kalamazoo"), Some("MICH."), Some("US"), None, Some("April 13"), Some("2023-04-13"), "Upjohn"),
        ("Mexico City, April 29 - Mexico", "Mexico City, April 29", Some("Mexico City"), None, Some("MX"), None, Some("April 29"), Some("2023-04-29"), "Mexico"),
        ("NEW DELHI, Aug 5 (PTI): The", "NEW DELHI, Aug 5 (PTI)", Some("New Delhi"), None, Some("IN"), Some("PTI"), Some("Aug 5"), Some("2022-08-05"), "The"),
        ("BEIJING, Jan. 1 (Xinhua) -- China", "BEIJING, Jan. 1 (Xinhua)", Some("Beijing"), None, Some("CN"), Some("Xinhua"), Some("Jan. 1"), Some("2023-01-01"), "China"),
        ("GAZA CITY (AFP) – Israeli", "GAZA CITY (AFP)", Some("Gaza City"), None, Some("PS"), Some("AFP"), None, None, "Israeli"),
        ("Washington (AFP) – US", "Washington (AFP)", Some("Washington"), None, Some("US"), Some("AFP"), None, None, "US"),
        ("PARIS — France", "PARIS", Some("Paris"), None, Some("FR"), None, None, None, "France"),
        ("(CNN) -- A", "(CNN)", None, None, None, Some("CNN"), None, None, "A"),
        ("UNITED NATIONS, Nov. 3 (AP) — The", "UNITED NATIONS, Nov. 3 (AP)", Some("United Nations"), None, None, Some("AP"), Some("Nov. 3"), Some("2022-11-03"), "The"),
        ("LAHORE (Dunya News) – Punjab", "LAHORE (Dunya News)", Some("Lahore"), None, Some("PK"), Some("Dunya News"), None, None, "Punjab"),
        ("Peshawar, Dec 2 (APP): Khyber", "Peshawar, Dec 2 (APP)", Some("Peshawar"), None, Some("PK"), Some("APP"), Some("Dec 2"), Some("2022-12-02"), "Khyber"),
        ("NEW YORK, March 2, 2023 /PRNewswire/ -- Acme", "NEW YORK, March 2, 2023 /PRNewswire/", Some("New York"), None, Some("US"), Some("PRNewswire"), Some("March 2, 2023"), Some("2023-03-02"), "Acme"),
        ("TOKYO, June 1 (Reuters) - Japan", "TOKYO, June 1 (Reuters)", Some("Tokyo"), None, Some("JP"), Some("Reuters"), Some("June 1"), Some("2022-06-01"), "Japan"),
        ("KABUL, Afghanistan (AP) — The", "KABUL, Afghanistan (AP)", Some("Kabul"), Some("Afghanistan"), Some("AF"), Some("AP"), None, None, "The"),
        ("DUBAI, United Arab Emirates (AP) — Iran", "DUBAI, United Arab Emirates (AP)", Some("Dubai"), Some("United Arab Emirates"), Some("AE"), Some("AP"), None, None, "Iran"),
        ("SEOUL, Sept. 12 (Yonhap) -- North", "SEOUL, Sept. 12 (Yonhap)", Some("Seoul"), None, Some("KR"), Some("Yonhap"), Some("Sept. 12"), Some("2022-09-12"), "North"),
        ("LONDON, 3 May (Reuters) - Britain", "LONDON, 3 May (Reuters)", Some("London"), None, Some("GB"), Some("Reuters"), Some("3 May"), Some("2023-05-03"), "Britain"),
        ("SÃO PAULO, Oct 4 (Reuters) - Brazil", "SÃO PAULO, Oct 4 (Reuters)", Some("São Paulo"), None, Some("BR"), Some("Reuters"), Some("Oct 4"), Some("2022-10-04"), "Brazil"),
        ("HYDERABAD, Pakistan (AFP) — Floods", "HYDERABAD, Pakistan (AFP)", Some("Hyderabad"), Some("Pakistan"), Some("PK"), Some("AFP"), None, None, "Floods"),
        ("ATLANTA, Georgia (AP) — Voters", "ATLANTA, Georgia (AP)", Some("Atlanta"), Some("Georgia"), Some("US"), Some("AP"), None, None, "Voters"),
        ("SPRINGFIELD, Ill. — Lawmakers", "SPRINGFIELD, Ill.", Some("Springfield"), Some("Ill."), Some("US"), None, None, None, "Lawmakers"),
        ("LONDON, Tuesday, May 2 (Reuters) - A", "LONDON, Tuesday, May 2 (Reuters)", Some("London"), None, Some("GB"), Some("Reuters"), Some("May 2"), Some("2023-05-02"), "A"),
        ("WASHINGTON, May 3 (Reuters) -", "WASHINGTON, May 3 (Reuters)", Some("Washington"), None, Some("US"), Some("Reuters"), Some("May 3"), Some("2023-05-03"), ""),
        ("RIO DE JANEIRO (Reuters) - Brazil", "RIO DE JANEIRO (Reuters)", Some("Rio de Janeiro"), None, Some("BR"), Some("Reuters"), None, None, "Brazil"),
        ("PORT-AU-PRINCE, Haiti (AP) — Gangs", "PORT-AU-PRINCE, Haiti (AP)", Some("Port-au-Prince"), Some("Haiti"), Some("HT"), Some("AP"), None, None, "Gangs"),
        ("Islamabad: Prime Minister", "Islamabad", Some("Islamabad"), None, Some("PK"), None, None, None, "Prime Minister"),
        ("KALAMAZOO — Police", "KALAMAZOO", Some("Kalamazoo"), None, None, None, None, None, "Police"),
        ("Paris (dpa) – Die", "Paris (dpa)", Some("Paris"), None, Some("FR"), Some("dpa"), None, None, "Die"),
        ("LONDON 1996-08-30", "LONDON 1996-08-30", Some("London"), None, Some("GB"), None, Some("1996-08-30"), Some("1996-08-30"), ""),
        ("LONDON, May 3 (Reuters)", "LONDON, May 3 (Reuters)", Some("London"), None, Some("GB"), Some("Reuters"), Some("May 3"), Some("2023-05-03"), ""),
        ("CHARLESTON, S.C.\u{a0}— The", "CHARLESTON, S.C.", Some("Charleston"), Some("S.C."), Some("US"), None, None, None, "The"),
        ("RANGOON, Burma - Troops", "RANGOON, Burma", Some("Rangoon"), Some("Burma"), Some("MM"), None, None, None, "Troops"),
    ];

    #[test]
    fn real_styles() {
        let reference = Date::new(2023, 5, 9);
        for case in CASES {
            let (line, text, location, region, country, source, date_text, value, body) = *case;
            let found = parse(line, 0, line.len(), reference)
                .unwrap_or_else(|| panic!("no dateline in {line:?}"));
            let d = &found.dateline;
            assert_eq!(d.text, text, "{line}");
            assert_eq!(&line[d.start..d.end], d.text, "{line}");
            assert_eq!(d.location.as_deref(), location, "{line}");
            assert_eq!(d.region.as_deref(), region, "{line}");
            assert_eq!(d.country.as_deref(), country, "{line}");
            assert_eq!(d.source.as_deref(), source, "{line}");
            assert_eq!(
                d.date.as_ref().map(|x| x.text.as_str()),
                date_text,
                "{line}"
            );
            assert_eq!(d.date.as_ref().map(|x| x.value.as_str()), value, "{line}");
            if let Some(date) = &d.date {
                assert_eq!(&line[date.start..date.end], date.text, "{line}");
                assert!(date.anchored);
            }
            assert_eq!(&line[found.body_start..], body, "{line}");
        }
    }

    #[test]
    fn not_datelines() {
        let lines = [
            "The president said: \"We will act.\"",
            "In 2020, the economy shrank.",
            "WASHINGTON's plan to cut taxes drew fire.",
            "Washington’s plan to cut taxes drew fire.",
            "Prime Minister Shehbaz Sharif said: the talks went well.",
            "BREAKING: Earthquake hits Turkey",
            "UPDATE: Officials confirm",
            "NASA: The launch is delayed",
            "However, the talks - which began in May - failed.",
            "Also read: Pakistan, US talk trade",
            "By Jane Doe",
            "May 3 - a date first",
            "Earlier, May 3 was chosen.",
            "Miller - who spoke on Monday - said",
            "Pakistan, US have a shared interest in combating security threats: Washington",
            "LONDON,May 3",
            "",
            "(",
            "(an aside) - with no agency",
            "ÉTATS-UNIS",
            "اسلام آباد: وزیر اعظم",
            "CRICKET - LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS VICTORY.",
            "SOCCER - JAPAN GET LATE WIN",
            "LONDON",
            "LONDON 1996-08-30 was a Friday",
            "Mehmet Oz — the surgeon",
            "FIX IS IN: PBS Moderators Ignore Clinton Scandals.",
            "THE BOTTOM LINE - Rates rise",
            "Poland - a large and therefore crucial EU member - has asked for time.",
            "PARIS — the city of light",
            "Sen. Bernie Sanders (I-Vt.) said on Monday",
        ];
        for line in lines {
            let found = parse(line, 0, line.len(), None);
            assert!(found.is_none(), "{line:?} gave {found:?}");
        }
    }

    #[test]
    fn years_and_reference_dates() {
        type Case = (&'static str, Option<(i32, u32, u32)>, &'static str, bool);
        let cases: &[Case] = &[
            ("LONDON, May 3 (Reuters) - A", None, "XXXX-05-03", false),
            (
                "LONDON, May 3 (Reuters) - A",
                Some((2023, 5, 9)),
                "2023-05-03",
                true,
            ),
            (
                "LONDON, Dec 30 (Reuters) - A",
                Some((2024, 1, 2)),
                "2023-12-30",
                true,
            ),
            (
                "LONDON, Jan 1 (Reuters) - A",
                Some((2023, 12, 31)),
                "2024-01-01",
                true,
            ),
            (
                "LONDON, May 20 (Reuters) - A",
                Some((2023, 5, 9)),
                "2022-05-20",
                true,
            ),
            (
                "LONDON, Feb 29 (Reuters) - A",
                Some((2023, 5, 9)),
                "2020-02-29",
                true,
            ),
            (
                "LONDON, May 3, 2019 (Reuters) - A",
                Some((2023, 5, 9)),
                "2019-05-03",
                true,
            ),
            (
                "LONDON, May 3, 2019 (Reuters) - A",
                None,
                "2019-05-03",
                true,
            ),
        ];
        for &(line, reference, value, anchored) in cases {
            let reference = reference.and_then(|(y, m, d)| Date::new(y, m, d));
            let date = parse(line, 0, line.len(), reference)
                .unwrap()
                .dateline
                .date
                .unwrap();
            assert_eq!(date.value, value, "{line} {reference:?}");
            assert_eq!(date.anchored, anchored, "{line}");
        }
        // No such day: the comma part is not a date, so no dateline at all.
        assert!(parse("LONDON, Feb 30 - A", 0, 18, None).is_none());
    }

    #[test]
    fn date_lines() {
        let cases = [
            ("October 27, 2008", "2008-10-27"),
            ("  Monday, 3 May 2023  ", "2023-05-03"),
            ("Tuesday, March 7, 2023.", "2023-03-07"),
            ("Jan. 12, 2007", "2007-01-12"),
        ];
        for (line, value) in cases {
            let found = parse_date_line(line, 0, line.len()).unwrap_or_else(|| panic!("{line}"));
            let d = &found.dateline;
            assert_eq!(&line[d.start..d.end], d.text);
            assert_eq!(d.location, None);
            let date = d.date.as_ref().unwrap();
            assert_eq!(date.value, value);
            assert!(date.anchored);
            assert_eq!(&line[date.start..date.end], date.text);
        }
        for line in [
            "May 3",
            "October 27, 2008 was a Monday",
            "Monday",
            "2008",
            "Updated: May 3, 2023",
        ] {
            assert!(parse_date_line(line, 0, line.len()).is_none(), "{line}");
        }
    }

    #[test]
    fn offsets_into_the_whole_text() {
        let text = "Headline\n    GAZA CITY, Nov. 3 (AFP) – Israeli";
        let start = text.find('\n').unwrap() + 1;
        let found = parse(text, start, text.len(), None).unwrap();
        let d = &found.dateline;
        assert_eq!(&text[d.start..d.end], "GAZA CITY, Nov. 3 (AFP)");
        let date = d.date.as_ref().unwrap();
        assert_eq!(&text[date.start..date.end], "Nov. 3");
        assert_eq!(&text[found.body_start..], "Israeli");
        assert!(!found.weak);
        assert!(
            parse("KARACHI: Rain lashes city", 0, 25, None)
                .unwrap()
                .weak
        );
    }
}
