//! The quote pass: direct, partial and reported speech with speakers.

use crate::extract::structure::Structure;
use crate::text::Document;
use crate::{Entity, Quote};

/// Runs the quote pass.
pub(crate) fn extract(
    doc: &Document<'_>,
    structure: &Structure,
    entities: &[Entity],
) -> Vec<Quote> {
    let _ = (doc, structure, entities);
    Vec::new()
}
