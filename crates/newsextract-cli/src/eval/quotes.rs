//! `newsextract eval quotes`.

use std::path::Path;

use super::EvalResult;

/// Runs the quotes evaluation on `path`.
pub fn run(path: &Path) -> EvalResult {
    Err(format!("{}: eval quotes is not implemented yet", path.display()))
}
