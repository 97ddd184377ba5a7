//! The native module `newsextract._newsextract`: a thin pyo3 layer over the core crate.

use pyo3::prelude::*;

/// Extracts an article and returns its JSON.
#[pyfunction]
fn extract_json(text: &str) -> String {
    newsextract::extract(text).to_json()
}

/// The native module.
#[pymodule]
fn _newsextract(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract_json, m)?)?;
    Ok(())
}
