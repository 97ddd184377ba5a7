//! The structure pass: headline, dateline, byline, paragraphs and sentences, related-article
//! and boilerplate lines.

use crate::text::Document;
use crate::{Boilerplate, Byline, Date, Dateline, Headline, Paragraph, Related};

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

/// Runs the structure pass.
pub(crate) fn extract(doc: &Document<'_>, reference_date: Option<Date>) -> Structure {
    let _ = (doc, reference_date);
    Structure::default()
}
