//! Reading arguments from Python: texts as owned UTF-8 (so extraction can run without the GIL)
//! and reference dates as core [`Date`]s.

use pyo3::exceptions::{PyTypeError, PyUnicodeEncodeError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyString, PyType};

use newsextract::Date;

use crate::errors::{core_error, NewsExtractError};

/// The text of `value` as UTF-8; `what` names the argument in error messages.
///
/// A `str` holding a lone surrogate (what `surrogateescape` decoding leaves) has no UTF-8 form:
/// that is a `NewsExtractError` naming the code-point position, not a `UnicodeEncodeError` from
/// deep inside the binding.
pub(crate) fn text(value: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    let py = value.py();
    let string = value.cast::<PyString>().map_err(|_| {
        PyTypeError::new_err(format!("{what} must be str, not {}", type_name(value)))
    })?;
    match string.to_cow() {
        Ok(text) => Ok(text.into_owned()),
        Err(err) if err.is_instance_of::<PyUnicodeEncodeError>(py) => {
            let position: usize = err.value(py).getattr("start")?.extract()?;
            let code_point: u32 = py
                .import("builtins")?
                .getattr("ord")?
                .call1((string.get_item(position)?,))?
                .extract()?;
            Err(NewsExtractError::new_err(format!(
                "{what} contains a lone surrogate U+{code_point:04X} at position {position}; \
                 text must be valid Unicode (decode bytes with errors=\"replace\")"
            )))
        }
        Err(err) => Err(err),
    }
}

/// A reference date from `None`, a `"YYYY-MM-DD"` string or a `datetime.date` (a
/// `datetime.datetime` counts as its date).
pub(crate) fn date(value: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Option<Date>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    if let Ok(string) = value.cast::<PyString>() {
        return match string.to_cow() {
            Ok(text) => text
                .parse::<Date>()
                .map(Some)
                .map_err(|e| core_error(e, what)),
            // A lone surrogate cannot be a digit or a dash, so the value is no date; Python's
            // repr shows it, where a lossy UTF-8 copy would print replacement characters.
            Err(_) => Err(NewsExtractError::new_err(format!(
                "{}invalid date {}: expected a real day written YYYY-MM-DD",
                if what == "date" {
                    String::new()
                } else {
                    format!("{what}: ")
                },
                string.repr()?
            ))),
        };
    }
    static DATE_TYPE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    let date_type = DATE_TYPE.import(value.py(), "datetime", "date")?;
    if value.is_instance(date_type)? {
        let year: i32 = value.getattr("year")?.extract()?;
        let month: u32 = value.getattr("month")?.extract()?;
        let day: u32 = value.getattr("day")?.extract()?;
        // Python's date range (years 1 to 9999) lies inside the core's, so this only fails for
        // a date subclass that lies about its fields.
        return Date::new(year, month, day).map(Some).ok_or_else(|| {
            core_error(
                newsextract::Error::InvalidDate {
                    value: format!("{year:04}-{month:02}-{day:02}"),
                },
                what,
            )
        });
    }
    Err(PyTypeError::new_err(format!(
        "{what} must be a str \"YYYY-MM-DD\", a datetime.date or None, not {}",
        type_name(value)
    )))
}

/// The texts of a batch with their reference dates, in input order.
///
/// `texts` is any iterable of `str` but not a `str` itself (which would iterate characters);
/// `dates`, when given, is an iterable of the same length.
pub(crate) fn batch(
    texts: &Bound<'_, PyAny>,
    dates: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<(String, Option<Date>)>> {
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "texts must be an iterable of str, not a single str: use extract() for one text",
        ));
    }
    let mut items = Vec::new();
    for (i, text_value) in texts.try_iter()?.enumerate() {
        items.push((text(&text_value?, &format!("texts[{i}]"))?, None));
    }
    let Some(dates) = dates.filter(|d| !d.is_none()) else {
        return Ok(items);
    };
    if dates.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "dates must be an iterable with one date per text, not a single str: \
             give the date to Extractor(date=...) to use it for every text",
        ));
    }
    let mut count = 0;
    // One past the texts is enough to tell the lengths differ, and stops an endless iterator.
    for (i, date_value) in dates.try_iter()?.enumerate().take(items.len() + 1) {
        let date_value = date_value?;
        let parsed = date(Some(&date_value), &format!("dates[{i}]"))?;
        if let Some(item) = items.get_mut(i) {
            item.1 = parsed;
        }
        count += 1;
    }
    if count < items.len() {
        return Err(NewsExtractError::new_err(format!(
            "dates has {count} items but texts has {}: give one date (or None) per text",
            items.len()
        )));
    }
    if count > items.len() {
        return Err(NewsExtractError::new_err(format!(
            "dates has more items than texts ({}): give one date (or None) per text",
            items.len()
        )));
    }
    Ok(items)
}

/// The Python type name of `value`, for error messages.
fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map(|name| name.to_string())
        .unwrap_or_else(|_| "an unknown type".to_string())
}
