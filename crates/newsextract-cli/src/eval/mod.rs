//! `newsextract eval ...`: accuracy of the extractor on annotated data read at run time.
//!
//! Each sub-module reads one annotated format, runs the core extractor, and scores it. Scoring
//! lives here because it is about the data sets, not about extraction.

pub mod conll;
pub mod quotes;
pub mod timeml;

/// The outcome of an evaluation.
#[derive(Debug, Clone)]
pub struct Report {
    /// A readable table for people.
    pub text: String,
    /// The same figures as JSON, for tools and docs.
    pub json: serde_json::Value,
}

/// An evaluation's result, or a message naming the file and what was wrong with it.
pub type EvalResult = Result<Report, String>;
