//! The entity pass: people, organisations, places and nationalities, merged into entities.

pub(crate) mod features;
pub(crate) mod tagger;
#[cfg(feature = "train")]
pub mod train;

use crate::extract::structure::Structure;
use crate::extractor::Config;
use crate::text::Document;
use crate::{Acronym, Entity};

/// What the entity pass found.
#[derive(Debug, Clone, Default)]
pub(crate) struct EntityOutput {
    pub(crate) entities: Vec<Entity>,
    pub(crate) acronyms: Vec<Acronym>,
}

/// Runs the entity pass.
pub(crate) fn extract(doc: &Document<'_>, structure: &Structure, config: &Config) -> EntityOutput {
    let _ = (doc, structure, config);
    EntityOutput::default()
}
