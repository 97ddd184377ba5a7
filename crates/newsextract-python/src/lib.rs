//! The native module `newsextract._newsextract`: a thin pyo3 layer over the core crate.
//!
//! No extraction logic lives here. The layer reads arguments (texts as UTF-8, reference dates),
//! runs the core without the GIL behind a panic guard, pairs each article with a copy in
//! code-point offsets (the core's `convert_offsets`, once per article) and exposes the core's
//! model types as frozen Python classes. The Python package `newsextract` re-exports it.

#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod article;
mod errors;
mod extractor;
mod inputs;
mod model;
mod records;

use pyo3::prelude::*;
use pyo3::BoundObject;

pub use article::PyArticle;
pub use errors::NewsExtractError;
pub use extractor::PyExtractor;
pub use model::{
    PyAcronym, PyBoilerplate, PyByline, PyDateline, PyDatelineDate, PyEntity, PyGeo, PyParagraph,
    PyQuantity, PyQuote, PyRelated, PySentence, PySpeaker, PyTextSpan, PyTimeExpression,
};

use article::ArticleData;
use model::{Both, View};

/// Extracts an Article from `text` with every pass on.
///
/// `date` ("YYYY-MM-DD" or a datetime.date) is the reference date relative expressions are read
/// against; without it the dateline's date is used when it has a year. A malformed date, or a
/// str holding a lone surrogate, raises NewsExtractError. Runs without the GIL.
#[pyfunction]
#[pyo3(signature = (text, *, date = None))]
fn extract(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    date: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyArticle> {
    let text = inputs::text(text, "text")?;
    let date = inputs::date(date, "date")?;
    let article = errors::detached(py, || {
        let article = match date {
            Some(date) => newsextract::extract_with_date(&text, date),
            None => newsextract::extract(&text),
        };
        ArticleData::new(article, &text)
    })?;
    Ok(PyArticle::with_text(article, text))
}

/// Rebuilds a result object (not an Article) from what its `__reduce__` gave.
#[pyfunction]
fn _restore(py: Python<'_>, name: &str, bytes_json: &str, chars_json: &str) -> PyResult<Py<PyAny>> {
    fn rebuild<T, W>(py: Python<'_>, bytes_json: &str, chars_json: &str) -> PyResult<Py<PyAny>>
    where
        T: serde::de::DeserializeOwned,
        W: From<Both<T>> + for<'py> IntoPyObject<'py>,
        Both<T>: View,
    {
        let both: Both<T> = model::from_json_pair(bytes_json, chars_json)?;
        Ok(W::from(both)
            .into_pyobject(py)
            .map_err(Into::into)?
            .into_any()
            .unbind())
    }
    use newsextract as core;
    match name {
        "TextSpan" => rebuild::<core::TextSpan, PyTextSpan>(py, bytes_json, chars_json),
        "Dateline" => rebuild::<core::Dateline, PyDateline>(py, bytes_json, chars_json),
        "DatelineDate" => rebuild::<core::DatelineDate, PyDatelineDate>(py, bytes_json, chars_json),
        "Byline" => rebuild::<core::Byline, PyByline>(py, bytes_json, chars_json),
        "Paragraph" => rebuild::<core::Paragraph, PyParagraph>(py, bytes_json, chars_json),
        "Sentence" => rebuild::<core::Sentence, PySentence>(py, bytes_json, chars_json),
        "Related" => rebuild::<core::Related, PyRelated>(py, bytes_json, chars_json),
        "Boilerplate" => rebuild::<core::Boilerplate, PyBoilerplate>(py, bytes_json, chars_json),
        "Entity" => rebuild::<core::Entity, PyEntity>(py, bytes_json, chars_json),
        "Geo" => rebuild::<core::Geo, PyGeo>(py, bytes_json, chars_json),
        "Quote" => rebuild::<core::Quote, PyQuote>(py, bytes_json, chars_json),
        "Speaker" => rebuild::<core::Speaker, PySpeaker>(py, bytes_json, chars_json),
        "TimeExpression" => {
            rebuild::<core::TimeExpression, PyTimeExpression>(py, bytes_json, chars_json)
        }
        "Quantity" => rebuild::<core::Quantity, PyQuantity>(py, bytes_json, chars_json),
        "Acronym" => rebuild::<core::Acronym, PyAcronym>(py, bytes_json, chars_json),
        other => Err(NewsExtractError::new_err(format!(
            "cannot unpickle a newsextract object: unknown class {other:?}"
        ))),
    }
}

/// The native module.
#[pymodule]
fn _newsextract(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("SCHEMA_VERSION", newsextract::SCHEMA_VERSION)?;
    m.add("NewsExtractError", py.get_type::<NewsExtractError>())?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_class::<PyExtractor>()?;
    m.add_class::<PyArticle>()?;
    m.add_class::<PyTextSpan>()?;
    // The core names the headline's type `Headline` and the model calls entity mentions
    // mentions; both are TextSpans, as in the core.
    m.add("Headline", py.get_type::<PyTextSpan>())?;
    m.add("Mention", py.get_type::<PyTextSpan>())?;
    m.add_class::<PyDateline>()?;
    m.add_class::<PyDatelineDate>()?;
    m.add_class::<PyByline>()?;
    m.add_class::<PyParagraph>()?;
    m.add_class::<PySentence>()?;
    m.add_class::<PyRelated>()?;
    m.add_class::<PyBoilerplate>()?;
    m.add_class::<PyEntity>()?;
    m.add_class::<PyGeo>()?;
    m.add_class::<PyQuote>()?;
    m.add_class::<PySpeaker>()?;
    m.add_class::<PyTimeExpression>()?;
    m.add_class::<PyQuantity>()?;
    m.add_class::<PyAcronym>()?;
    m.add_function(wrap_pyfunction!(records::to_records, m)?)?;
    m.add_function(wrap_pyfunction!(records::record_columns, m)?)?;
    m.add_function(wrap_pyfunction!(_restore, m)?)?;
    m.add_function(wrap_pyfunction!(article::_restore_article, m)?)?;
    m.add_function(wrap_pyfunction!(extractor::_restore_extractor, m)?)?;
    m.add_function(wrap_pyfunction!(errors::_panic_for_tests, m)?)?;
    Ok(())
}
