//! `newsextract eval conll`.

use std::path::Path;

use super::EvalResult;

/// Runs the conll evaluation on `path`.
pub fn run(path: &Path) -> EvalResult {
    Err(format!("{}: eval conll is not implemented yet", path.display()))
}
