//! The structure pass: headline, dateline, byline, paragraphs and sentences, related-article
//! and boilerplate lines.
//!
//! One walk over the document's lines: each non-blank line is classified once (related link,
//! boilerplate, credits, byline), the top of the article is read for a headline, byline and
//! dateline, and the remaining body lines are grouped into paragraphs (see
//! [`paragraphs`]) whose sentences the splitter in `text::sentences` finds. Everything is
//! linear in the input.

mod boilerplate;
mod byline;
mod casing;
mod dateline;
mod headline;
mod paragraphs;

use crate::text::{sentences, Document};
use crate::{Boilerplate, BoilerplateKind, Byline, Date, Dateline, Headline, Paragraph, Related};

use boilerplate::LineKind;
use paragraphs::BodyLine;

/// What the structure pass found.
#[derive(Debug, Clone, Default)]
pub(crate) struct Structure {
    pub(crate) headline: Option<Headline>,
    pub(crate) dateline: Option<Dateline>,
    pub(crate) byline: Option<Byline>,
    pub(crate) paragraphs: Vec<Paragraph>,
    pub(crate) related: Vec<Related>,
    pub(crate) boilerplate: Vec<Boilerplate>,
}

impl Structure {
    /// The dateline's date when it carries its own year, to anchor relative expressions.
    pub(crate) fn dateline_anchor(&self) -> Option<Date> {
        let date = self.dateline.as_ref()?.date.as_ref()?;
        if !date.anchored {
            return None;
        }
        date.value.get(..10)?.parse().ok()
    }
}

/// How many lines after the headline may hold the byline and the dateline.
const TOP_LINES: usize = 4;
/// How many lines trailing credits may wrap over.
const MAX_CREDITS_LINES: usize = 4;

/// What a line of the document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Blank,
    /// Body text, from this byte on (past the indent, or past a dateline).
    Body(usize),
    /// Headline, byline, a dateline alone on its line, related or boilerplate.
    Taken,
}

/// Runs the structure pass.
pub(crate) fn extract(doc: &Document<'_>, reference_date: Option<Date>) -> Structure {
    let without_bom;
    let doc = match skip_byte_order_mark(doc) {
        Some(shifted) => {
            without_bom = shifted;
            &without_bom
        }
        None => doc,
    };
    let text = doc.text;
    let mut structure = Structure::default();
    let mut roles: Vec<Role> = doc
        .lines
        .iter()
        .map(|line| {
            let trimmed = text[line.start..line.end].trim_start();
            if trimmed.trim_end().is_empty() {
                Role::Blank
            } else {
                Role::Body(line.end - trimmed.len())
            }
        })
        .collect();

    classify_special_lines(doc, &mut roles, &mut structure);
    read_top(doc, reference_date, &mut roles, &mut structure);
    find_late_byline(doc, &mut roles, &mut structure);
    build_paragraphs(doc, &roles, &mut structure);
    split_trailing_credits(text, &mut structure);
    if structure.byline.is_none() {
        structure.byline = structure
            .boilerplate
            .iter()
            .filter(|b| b.kind == BoilerplateKind::Credits)
            .find_map(|b| byline::from_credits(text, b.start, b.end));
    }
    for paragraph in &mut structure.paragraphs {
        paragraph.sentences = sentences::split(text, paragraph.start, paragraph.end);
    }
    structure
}

/// The document with its first line starting after a leading byte-order mark (U+FEFF), when
/// it has one. Files saved by some editors and exporters begin with it; it is no text, and
/// Unicode does not count it as white space, so the headline or dateline would start with it.
/// Only the line moves: offsets stay byte offsets into the original text.
fn skip_byte_order_mark<'t>(doc: &Document<'t>) -> Option<Document<'t>> {
    const BOM: char = '\u{FEFF}';
    if !doc.text.starts_with(BOM) || doc.lines.is_empty() {
        return None;
    }
    let mut lines = doc.lines.clone();
    let first = &mut lines[0];
    // The mark precedes any line break, so the first line holds it whole.
    first.start = BOM.len_utf8().min(first.end);
    first.indent = doc.text.as_bytes()[first.start..first.end]
        .iter()
        .take_while(|b| **b == b' ' || **b == b'\t')
        .count();
    Some(Document {
        text: doc.text,
        lines,
    })
}

/// The trimmed text of line `i` and its start offset.
fn trimmed_line<'t>(doc: &Document<'t>, i: usize) -> (&'t str, usize) {
    let line = doc.lines[i];
    let raw = &doc.text[line.start..line.end];
    let start_trimmed = raw.trim_start();
    let start = line.end - start_trimmed.len();
    (start_trimmed.trim_end(), start)
}

/// Marks related links, boilerplate and credits (which may wrap over a few lines).
fn classify_special_lines(doc: &Document<'_>, roles: &mut [Role], structure: &mut Structure) {
    let text = doc.text;
    let mut i = 0;
    while i < roles.len() {
        if roles[i] == Role::Blank {
            i += 1;
            continue;
        }
        let (line, start) = trimmed_line(doc, i);
        match boilerplate::classify(line) {
            Some(LineKind::Related { kind, title_start }) => {
                roles[i] = Role::Taken;
                structure.related.push(Related {
                    text: line.to_string(),
                    start,
                    end: start + line.len(),
                    title: line[title_start..].to_string(),
                    kind,
                });
            }
            Some(LineKind::Boilerplate(kind)) => {
                roles[i] = Role::Taken;
                let mut end = start + line.len();
                // "(Reporting by Jane Doe and\nJohn Roe; Editing by ...)" wraps in wire copy.
                if kind == BoilerplateKind::Credits && line.starts_with('(') && !line.contains(')')
                {
                    let mut j = i + 1;
                    while j < roles.len() && j <= i + MAX_CREDITS_LINES {
                        if roles[j] == Role::Blank {
                            break;
                        }
                        let (next, next_start) = trimmed_line(doc, j);
                        roles[j] = Role::Taken;
                        end = next_start + next.len();
                        i = j;
                        if next.contains(')') {
                            break;
                        }
                        j += 1;
                    }
                }
                structure.boilerplate.push(Boilerplate {
                    text: text[start..end].to_string(),
                    start,
                    end,
                    kind,
                });
            }
            None => {}
        }
        i += 1;
    }
}

/// Reads the headline, then a byline and the dateline in the next few lines.
fn read_top(
    doc: &Document<'_>,
    reference_date: Option<Date>,
    roles: &mut [Role],
    structure: &mut Structure,
) {
    let text = doc.text;
    let body_lines: Vec<usize> = (0..roles.len())
        .filter(|&i| matches!(roles[i], Role::Body(_)))
        .take(TOP_LINES + 1)
        .collect();
    let Some(&first) = body_lines.first() else {
        return;
    };
    let mut rest = &body_lines[..];
    if is_headline_line(doc, roles, first, reference_date) {
        let (line, start) = trimmed_line(doc, first);
        structure.headline = Some(Headline {
            text: line.to_string(),
            start,
            end: start + line.len(),
        });
        roles[first] = Role::Taken;
        rest = &body_lines[1..];
    }
    let mut date_line_index: Option<usize> = None;
    for &i in rest {
        if !matches!(roles[i], Role::Body(_)) {
            continue;
        }
        let line = doc.lines[i];
        if structure.byline.is_none() {
            if let Some(found) = byline::parse_line(text, line.start, line.end) {
                structure.byline = Some(extend_byline(doc, roles, i, found));
                roles[i] = Role::Taken;
                continue;
            }
        }
        if let Some(found) = dateline::parse(text, line.start, line.end, reference_date) {
            let body_start = found.body_start;
            let mut found_dateline = found.dateline;
            // A date line above the dateline ("October 27, 2008" over "LONDON (Reuters) -")
            // gives the dateline its date; when both have one, the date line is body text.
            if let (Some(date_line), Some(date_line_index)) =
                (structure.dateline.take(), date_line_index)
            {
                if found_dateline.date.is_none() {
                    found_dateline.date = date_line.date;
                } else {
                    roles[date_line_index] = Role::Body(date_line.start);
                }
            }
            structure.dateline = Some(found_dateline);
            roles[i] = if text[body_start..line.end].trim().is_empty() {
                Role::Taken
            } else {
                Role::Body(body_start)
            };
            // "By JANE DOE" may follow a dateline that stands on its own line.
            if roles[i] == Role::Taken && structure.byline.is_none() {
                if let Some(next) = (i + 1..roles.len()).find(|&j| roles[j] != Role::Blank) {
                    let next_line = doc.lines[next];
                    if matches!(roles[next], Role::Body(_)) {
                        if let Some(found) =
                            byline::parse_line(text, next_line.start, next_line.end)
                        {
                            structure.byline = Some(found);
                            roles[next] = Role::Taken;
                        }
                    }
                }
            }
            break;
        }
        if date_line_index.is_none() {
            if let Some(found) = dateline::parse_date_line(text, line.start, line.end) {
                structure.dateline = Some(found.dateline);
                roles[i] = Role::Taken;
                date_line_index = Some(i);
                continue;
            }
        }
        break;
    }
}

/// A byline on line `i` whose next line only names the employer ("By SAMIRA HAIDARI" over
/// "Associated Press") takes that line in; the line is then no paragraph.
fn extend_byline(doc: &Document<'_>, roles: &mut [Role], i: usize, mut found: Byline) -> Byline {
    let next = i + 1;
    if next < roles.len() && matches!(roles[next], Role::Body(_)) {
        let (line, start) = trimmed_line(doc, next);
        if byline::is_affiliation_line(line) {
            roles[next] = Role::Taken;
            found.end = start + line.len();
            found.text = doc.text[found.start..found.end].to_string();
        }
    }
    found
}

/// Whether the first body line `first` is a title.
fn is_headline_line(
    doc: &Document<'_>,
    roles: &[Role],
    first: usize,
    reference_date: Option<Date>,
) -> bool {
    let text = doc.text;
    let (line, _) = trimmed_line(doc, first);
    let next = first + 1;
    let adjacent = (next < roles.len() && matches!(roles[next], Role::Body(_))).then_some(next);
    let first_line = doc.lines[first];
    if byline::parse_line(text, first_line.start, first_line.end).is_some()
        || dateline::parse_date_line(text, first_line.start, first_line.end).is_some()
    {
        return false;
    }
    // A line over the dateline or the byline is the title, whatever it looks like
    // ("Titanic recovery mission is scrapped." over "NEW YORK 1996-08-30").
    let next_body = (first + 1..roles.len()).find(|&j| roles[j] != Role::Blank);
    let next_opens_story = next_body.is_some_and(|j| {
        let l = doc.lines[j];
        matches!(roles[j], Role::Body(_))
            && (dateline::parse(text, l.start, l.end, reference_date).is_some_and(|d| d.strong)
                || dateline::parse_date_line(text, l.start, l.end).is_some()
                || byline::parse_line(text, l.start, l.end).is_some())
    });
    let first_dateline = dateline::parse(text, first_line.start, first_line.end, reference_date);
    if next_opens_story
        && !first_dateline.as_ref().is_some_and(|d| d.strong)
        && line.split_whitespace().count() <= 30
    {
        return true;
    }
    if let Some(found) = first_dateline {
        // "KARACHI: Rain lashes city" over its story is a title shaped like a dateline.
        let rest = text[found.body_start..first_line.end].trim();
        let short_title_rest = found.weak
            && !rest.is_empty()
            && rest.split_whitespace().count() <= 20
            && headline::is_headline(
                rest,
                headline::Following {
                    adjacent: None,
                    wraps_into_next: false,
                },
            );
        let stands_apart = match adjacent {
            None => true,
            Some(j) => {
                let l = doc.lines[j];
                dateline::parse(text, l.start, l.end, reference_date).is_some()
            }
        };
        if !(short_title_rest && stands_apart) {
            return false;
        }
    }
    let (adjacent_text, wraps_into_next) = match adjacent {
        Some(j) => {
            let (next_text, _) = trimmed_line(doc, j);
            let run: Vec<BodyLine> = (j..roles.len())
                .map_while(|k| match roles[k] {
                    Role::Body(start) => {
                        let l = doc.lines[k];
                        Some(BodyLine::new(text, k, l.start, l.end, start))
                    }
                    _ => None,
                })
                .take(64)
                .collect();
            let width = paragraphs::run_width(&run);
            let l = doc.lines[first];
            let candidate = BodyLine::new(text, first, l.start, l.end, l.start);
            let wraps = run
                .first()
                .is_some_and(|next| paragraphs::continues(&candidate, next, width))
                && run.len() > 1;
            (Some(next_text), wraps)
        }
        None => (None, false),
    };
    headline::is_headline(
        line,
        headline::Following {
            adjacent: adjacent_text,
            wraps_into_next,
        },
    )
}

/// "Written by ..." lines further down name the author when the top did not.
fn find_late_byline(doc: &Document<'_>, roles: &mut [Role], structure: &mut Structure) {
    if structure.byline.is_some() {
        return;
    }
    let body_lines: Vec<usize> = (0..roles.len())
        .filter(|&i| matches!(roles[i], Role::Body(_)))
        .collect();
    for i in body_lines {
        let (line, _) = trimmed_line(doc, i);
        let lead = line.get(..10).unwrap_or("");
        if !(lead.eq_ignore_ascii_case("written by") || lead.starts_with("Story by ")) {
            continue;
        }
        let l = doc.lines[i];
        if let Some(found) = byline::parse_line(doc.text, l.start, l.end) {
            structure.byline = Some(found);
            roles[i] = Role::Taken;
            return;
        }
    }
}

/// Groups body lines into paragraphs: runs of consecutive body lines, each split by
/// [`paragraphs::split_run`].
fn build_paragraphs(doc: &Document<'_>, roles: &[Role], structure: &mut Structure) {
    let text = doc.text;
    let mut run: Vec<BodyLine> = Vec::new();
    let flush = |run: &mut Vec<BodyLine>, out: &mut Vec<Paragraph>| {
        for range in paragraphs::split_run(run) {
            let (first, last) = (run[range.start], run[range.end - 1]);
            if first.start < last.end {
                out.push(Paragraph {
                    start: first.start,
                    end: last.end,
                    sentences: Vec::new(),
                });
            }
        }
        run.clear();
    };
    for (i, role) in roles.iter().enumerate() {
        match *role {
            Role::Body(start) => {
                let line = doc.lines[i];
                run.push(BodyLine::new(text, i, line.start, line.end, start));
            }
            _ => flush(&mut run, &mut structure.paragraphs),
        }
    }
    flush(&mut run, &mut structure.paragraphs);
}

/// Moves "(Reporting by ...; Editing by ...)" written at the end of the last paragraph into
/// the boilerplate.
fn split_trailing_credits(text: &str, structure: &mut Structure) {
    let Some(last) = structure.paragraphs.last_mut() else {
        return;
    };
    let body = &text[last.start..last.end];
    if !body.ends_with(')') {
        return;
    }
    // Credits are short; look only at the paragraph's tail.
    let mut tail_start = body.len().saturating_sub(600);
    while !body.is_char_boundary(tail_start) {
        tail_start += 1;
    }
    let tail = &body[tail_start..];
    let Some(open) = tail
        .match_indices('(')
        .map(|(i, _)| i)
        .find(|&i| boilerplate::is_credits_start(&tail[i..]))
    else {
        return;
    };
    let credits_start = last.start + tail_start + open;
    if credits_start == last.start {
        return;
    }
    let kept_end = last.start + text[last.start..credits_start].trim_end().len();
    let credits_end = last.end;
    if kept_end <= last.start {
        return;
    }
    last.end = kept_end;
    structure.boilerplate.push(Boilerplate {
        text: text[credits_start..credits_end].to_string(),
        start: credits_start,
        end: credits_end,
        kind: BoilerplateKind::Credits,
    });
    structure.boilerplate.sort_by_key(|b| b.start);
}

#[cfg(test)]
mod tests;
