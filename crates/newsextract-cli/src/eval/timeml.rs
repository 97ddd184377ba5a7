//! `newsextract eval timeml`.

use std::path::Path;

use super::EvalResult;

/// Runs the timeml evaluation on `path`.
pub fn run(path: &Path) -> EvalResult {
    Err(format!("{}: eval timeml is not implemented yet", path.display()))
}
