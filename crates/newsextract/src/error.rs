//! Configuration errors. Extraction itself never fails: any `&str` gives an [`crate::Article`].

/// What went wrong while configuring an [`crate::Extractor`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A date that is not a real `YYYY-MM-DD` day.
    #[error("invalid date {value:?}: expected a real day written YYYY-MM-DD")]
    InvalidDate {
        /// The value as given.
        value: String,
    },
    /// A user gazetteer row that cannot be read.
    #[error("{source_name}:{line}: {message}")]
    Gazetteer {
        /// Where the gazetteer came from (a file name, or "<memory>").
        source_name: String,
        /// 1-based line number of the bad row.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// An input longer than the configured maximum.
    #[error("input of {len} bytes exceeds the maximum of {max} bytes")]
    InputTooLarge {
        /// The input's length in bytes.
        len: usize,
        /// The configured maximum.
        max: usize,
    },
}
