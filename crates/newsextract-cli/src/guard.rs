//! The one call into the core, guarded so that a bug on one article cannot end a long run.

use std::panic::{catch_unwind, AssertUnwindSafe};

use newsextract::{Article, Date, Extractor};

/// Extracts `text`, refusing it when it exceeds `--max-bytes`.
///
/// Extraction is meant never to panic; should it (a bug), the article becomes an error like a
/// bad input and the run goes on. The panic message itself still reaches stderr.
pub fn extract(
    extractor: &Extractor,
    text: &str,
    reference_date: Option<Date>,
) -> Result<Article, String> {
    match catch_unwind(AssertUnwindSafe(|| {
        extractor.try_extract(text, reference_date)
    })) {
        Ok(Ok(article)) => Ok(article),
        Ok(Err(e)) => Err(format!("{e} (--max-bytes)")),
        Err(_) => Err(
            "extraction failed unexpectedly: this is a newsextract bug, please report it with \
             this input"
                .to_string(),
        ),
    }
}
