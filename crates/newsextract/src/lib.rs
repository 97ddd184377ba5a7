//! newsextract turns the plain text of a news article into a typed [`Article`]: headline,
//! dateline, byline, paragraphs and sentences, related-article lines, entities, quotes, time
//! expressions and quantities.
//!
//! ```
//! let text = "Pakistan, US have a shared interest: Washington\n\
//!             ISLAMABAD: (Web Desk) US State Department Spokesperson Matthew Miller said \
//!             on Monday that the two countries share an interest.";
//! let article = newsextract::extract(text);
//! assert_eq!(article.headline.unwrap().text, "Pakistan, US have a shared interest: Washington");
//! ```
//!
//! Every span in the result is a pair of byte offsets into the input, on char boundaries, and
//! `&text[start..end]` equals the item's `text`. Extraction never fails and never panics.

#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod date;
mod error;
mod extract;
mod extractor;
mod gazetteer;
pub mod html;
pub mod model;
mod offsets;
mod text;

#[cfg(feature = "train")]
#[doc(hidden)]
pub use extract::entities::train as __train;

pub use date::Date;
pub use error::Error;
pub use extractor::{ExtractIter, ExtractIterWithDates, Extractor, ExtractorBuilder, Passes};
pub use model::*;
pub use offsets::{convert_offsets, OffsetUnit};

/// Extracts an [`Article`] from `text` with the default configuration and no reference date.
///
/// Relative dates are then anchored on the dateline's date when it has a year. Use an
/// [`Extractor`] to set a reference date or to extract many articles.
pub fn extract(text: &str) -> Article {
    Extractor::default_ref().extract(text)
}

/// Extracts an [`Article`] from `text`, reading relative dates against `reference_date`.
pub fn extract_with_date(text: &str, reference_date: Date) -> Article {
    Extractor::default_ref().extract_with_date(text, Some(reference_date))
}
