//! The time pass: time expressions normalised to TIMEX3 values against a reference date.
//!
//! The text is tokenized once ([`tokens`]), each word looked up once in a fixed table
//! ([`lexicon`]), and a left-to-right matcher ([`rules`]) tries the rules that can start at
//! each token. Values are computed by [`resolve`] against the reference date; without one
//! they keep what the text fixes ("XXXX-05-09") and are marked unanchored.
//!
//! The scan covers the whole text, not only body paragraphs, so it does not depend on the
//! structure pass; the dateline's own date is taken as the structure pass read it.

pub(crate) mod lexicon;
mod resolve;
mod rules;
pub(crate) mod tokens;
pub(crate) mod wordmap;

#[cfg(test)]
mod tests;

use crate::extract::structure::Structure;
use crate::text::Document;
use crate::{Date, TimeExpression, TimeKind};
use tokens::Tokens;

/// Runs the time pass over `tokens`, the [`tokens::tokenize`] tokens of `doc.text` (the
/// quantity pass reads the same tokens); `anchor` is the reference date relative expressions
/// are read against.
pub(crate) fn extract(
    doc: &Document<'_>,
    structure: &Structure,
    tokens: &Tokens<'_>,
    anchor: Option<Date>,
) -> Vec<TimeExpression> {
    let text = doc.text;
    let dateline_date = structure
        .dateline
        .as_ref()
        .and_then(|d| d.date.as_ref())
        .filter(|d| d.start < d.end && text.get(d.start..d.end) == Some(d.text.as_str()));
    let skip = dateline_date.map(|d| (d.start, d.end));
    let mut times: Vec<TimeExpression> = rules::find_all(tokens, anchor, skip)
        .into_iter()
        .filter_map(|found| {
            let start = tokens.get(found.start)?.start;
            let end = tokens.get(found.end.checked_sub(1)?)?.end;
            Some(TimeExpression {
                text: text.get(start..end)?.to_string(),
                start,
                end,
                kind: found.kind,
                value: found.value.text,
                anchored: found.value.anchored,
            })
        })
        .collect();
    if let Some(d) = dateline_date {
        // The dateline's date is a time expression too; the structure pass has resolved it.
        let at = times.partition_point(|t| t.start < d.start);
        times.insert(
            at,
            TimeExpression {
                text: d.text.clone(),
                start: d.start,
                end: d.end,
                kind: TimeKind::Date,
                value: d.value.clone(),
                anchored: d.anchored,
            },
        );
    }
    times
}
