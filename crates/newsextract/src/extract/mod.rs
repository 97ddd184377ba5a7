//! The passes, one module each, and the pipeline that runs them in order.
//!
//! Each pass is a function of the [`Document`] and of the earlier passes' results and returns
//! its own results; no pass edits another's output.

pub(crate) mod entities;
pub(crate) mod quantities;
pub(crate) mod quotes;
pub(crate) mod structure;
pub(crate) mod times;

use crate::extractor::Config;
use crate::text::Document;
use crate::{Article, Date};

/// Runs every configured pass over `text`.
pub(crate) fn run(text: &str, reference_date: Option<Date>, config: &Config) -> Article {
    let doc = Document::new(text);
    let structure = structure::extract(&doc, reference_date);
    // The caller's date wins; otherwise a dateline date that has its own year anchors the text.
    let anchor = reference_date.or_else(|| structure.dateline_anchor());
    let entities = if config.passes.entities || config.passes.quotes {
        entities::extract(&doc, &structure, config)
    } else {
        entities::EntityOutput::default()
    };
    let quotes = if config.passes.quotes {
        quotes::extract(&doc, &structure, &entities.entities)
    } else {
        Vec::new()
    };
    // The time and quantity passes read the same tokens: tokenize once for both.
    let time_tokens = if config.passes.times || config.passes.quantities {
        times::tokens::tokenize(text)
    } else {
        times::tokens::Tokens::default()
    };
    let times = if config.passes.times || config.passes.quantities {
        times::extract(&doc, &structure, &time_tokens, anchor)
    } else {
        Vec::new()
    };
    let quantities = if config.passes.quantities {
        quantities::extract(&doc, &structure, &time_tokens, &times)
    } else {
        Vec::new()
    };
    let (entities, acronyms) = if config.passes.entities {
        (entities.entities, entities.acronyms)
    } else {
        (Vec::new(), Vec::new())
    };
    Article {
        headline: structure.headline,
        dateline: structure.dateline,
        byline: structure.byline,
        paragraphs: structure.paragraphs,
        related: structure.related,
        boilerplate: structure.boilerplate,
        entities,
        quotes,
        times: if config.passes.times {
            times
        } else {
            Vec::new()
        },
        quantities,
        acronyms,
        ..Article::default()
    }
}
