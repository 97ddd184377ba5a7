//! The time pass: time expressions normalised to TIMEX3 values against a reference date.

use crate::extract::structure::Structure;
use crate::text::Document;
use crate::{Date, TimeExpression};

/// Runs the time pass; `anchor` is the reference date relative expressions are read against.
pub(crate) fn extract(
    doc: &Document<'_>,
    structure: &Structure,
    anchor: Option<Date>,
) -> Vec<TimeExpression> {
    let _ = (doc, structure, anchor);
    Vec::new()
}
