//! The one exception class, the mapping of core errors onto it, and the panic guard.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::marker::Ungil;
use pyo3::prelude::*;

create_exception!(
    newsextract._newsextract,
    NewsExtractError,
    PyValueError,
    "Raised for bad arguments (a malformed date, text that is not valid Unicode, an input over\n\
     the configured size) and, should one ever happen, for an internal error in newsextract.\n\
     \n\
     A subclass of ValueError. Extraction itself never fails: any valid str gives an Article."
);

/// Turns a configuration error of the core into a `NewsExtractError`; `what` names the argument
/// it came from (`"date"`, `"dates[3]"`) unless the core's message already makes it plain.
pub(crate) fn core_error(error: newsextract::Error, what: &str) -> PyErr {
    if what.is_empty() || what == "date" || what == "text" {
        NewsExtractError::new_err(error.to_string())
    } else {
        NewsExtractError::new_err(format!("{what}: {error}"))
    }
}

/// Runs `work` without the GIL, so that other Python threads go on meanwhile, and turns a panic
/// into a `NewsExtractError` instead of letting it unwind into the interpreter.
///
/// The core promises not to panic; this is the seatbelt for when it breaks that promise. Panics
/// on the core's worker threads come back here too: `std::thread::scope` re-raises them.
pub(crate) fn detached<T, F>(py: Python<'_>, work: F) -> PyResult<T>
where
    F: Ungil + Send + FnOnce() -> T,
    T: Ungil + Send,
{
    py.detach(|| catch_unwind(AssertUnwindSafe(work)))
        .map_err(|payload| internal_error(payload.as_ref()))
}

/// The `NewsExtractError` for a caught panic, with the panic's message when it has one.
fn internal_error(payload: &(dyn std::any::Any + Send)) -> PyErr {
    let message = if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_string()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "unknown panic".to_string()
    };
    NewsExtractError::new_err(format!(
        "internal error in newsextract (a bug: please report it with the input): {message}"
    ))
}

/// Panics inside the guard, so that the tests can check a panic reaches Python as a
/// `NewsExtractError` and leaves the interpreter working.
#[pyfunction]
pub(crate) fn _panic_for_tests(py: Python<'_>) -> PyResult<()> {
    detached::<(), _>(py, || panic!("deliberate panic from _panic_for_tests"))
}
