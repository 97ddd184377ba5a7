//! The `Extractor` class: a configured core extractor that Python can share, pickle and run on
//! batches without the GIL.

use std::hash::{Hash, Hasher};
use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

use newsextract::{Date, Passes};

use crate::article::{ArticleData, PyArticle};
use crate::errors::{core_error, detached, NewsExtractError};
use crate::inputs;

/// What an `Extractor` was made with: all that pickling needs to make it again.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Settings {
    date: Option<Date>,
    passes: Passes,
    /// `None` means one thread per core of the machine the extractor runs on (which, after
    /// unpickling on a worker, is the worker's).
    threads: Option<usize>,
    max_bytes: Option<usize>,
    /// User gazetteers as (source name, TSV content): the content, not the path, so that a
    /// pickled extractor works on a worker that cannot see the file.
    gazetteers: Vec<(String, String)>,
}

/// Extracts articles with one configuration; cheap to share between threads.
///
/// Extractor(*, date=None, entities=True, quotes=True, times=True, quantities=True,
///           threads=None, max_bytes=None, gazetteer=None)
///
/// `date` ("YYYY-MM-DD" or a datetime.date) is the reference date relative expressions are
/// read against; without it each article's dateline date is used when it has a year. The four
/// flags turn passes off (structure and sentences always run). `threads` caps the threads
/// `extract_batch` uses (None: one per core). `max_bytes` makes an input longer than that many
/// UTF-8 bytes a NewsExtractError instead of being extracted.
///
/// `gazetteer` is a path (str or os.PathLike) or a list of paths to user gazetteers, merged
/// with the built-in ones: UTF-8 TSV rows `name<TAB>kind[<TAB>canonical[<TAB>key=value ...]]`,
/// kind one of person, organization, location, nationality, misc; attributes country=,
/// acronym=, and lat=, lon=, geonames_id= together; blank lines and `#` comments skipped. User
/// names win over what the built-in tagger finds. A file that cannot be read, or a malformed
/// row, raises NewsExtractError naming the file and line.
///
/// An Extractor pickles by its configuration (gazetteers included, as their content), so Dask,
/// Spark and Ray workers can receive one.
#[pyclass(
    frozen,
    eq,
    hash,
    module = "newsextract._newsextract",
    name = "Extractor"
)]
#[derive(Debug)]
pub struct PyExtractor {
    settings: Settings,
    inner: newsextract::Extractor,
}

impl PartialEq for PyExtractor {
    fn eq(&self, other: &Self) -> bool {
        self.settings == other.settings
    }
}

impl Eq for PyExtractor {}

impl Hash for PyExtractor {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.settings.hash(state);
    }
}

/// A count argument that must be positive (`at_least` 1) or non-negative (0).
fn count(value: Option<i64>, name: &str, at_least: i64, hint: &str) -> PyResult<Option<usize>> {
    match value {
        None => Ok(None),
        Some(n) if n >= at_least => usize::try_from(n)
            .map(Some)
            .map_err(|_| NewsExtractError::new_err(format!("{name}={n} is too large"))),
        Some(n) => Err(NewsExtractError::new_err(format!(
            "{name} must be at least {at_least}{hint}, got {n}"
        ))),
    }
}

#[pymethods]
impl PyExtractor {
    #[new]
    #[pyo3(signature = (
        *,
        date = None,
        entities = true,
        quotes = true,
        times = true,
        quantities = true,
        threads = None,
        max_bytes = None,
        gazetteer = None,
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        date: Option<&Bound<'_, PyAny>>,
        entities: bool,
        quotes: bool,
        times: bool,
        quantities: bool,
        threads: Option<i64>,
        max_bytes: Option<i64>,
        gazetteer: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let settings = Settings {
            date: inputs::date(date, "date")?,
            passes: Passes {
                entities,
                quotes,
                times,
                quantities,
            },
            threads: count(threads, "threads", 1, " (or None for one per core)")?,
            max_bytes: count(max_bytes, "max_bytes", 0, " (or None for no limit)")?,
            gazetteers: match gazetteer {
                None => Vec::new(),
                Some(gazetteer) => read_gazetteers(py, gazetteer)?,
            },
        };
        PyExtractor::build(settings)
    }

    /// The names of the user gazetteers (their paths as given), or None.
    #[getter]
    fn gazetteer(&self) -> Option<Vec<String>> {
        if self.settings.gazetteers.is_empty() {
            return None;
        }
        Some(
            self.settings
                .gazetteers
                .iter()
                .map(|(name, _)| name.clone())
                .collect(),
        )
    }

    /// The reference date as "YYYY-MM-DD", or None.
    #[getter]
    fn date(&self) -> Option<String> {
        self.settings.date.map(|d| d.to_string())
    }

    /// Whether the entity pass (entities and acronyms) runs.
    #[getter]
    fn entities(&self) -> bool {
        self.settings.passes.entities
    }

    /// Whether the quote pass runs.
    #[getter]
    fn quotes(&self) -> bool {
        self.settings.passes.quotes
    }

    /// Whether the time-expression pass runs.
    #[getter]
    fn times(&self) -> bool {
        self.settings.passes.times
    }

    /// Whether the quantity pass runs.
    #[getter]
    fn quantities(&self) -> bool {
        self.settings.passes.quantities
    }

    /// The thread cap for batches as given, or None for one thread per core.
    #[getter]
    fn threads(&self) -> Option<usize> {
        self.settings.threads
    }

    /// The largest input accepted, in UTF-8 bytes, or None for no limit.
    #[getter]
    fn max_bytes(&self) -> Option<usize> {
        self.settings.max_bytes
    }

    /// Extracts one article. `date` ("YYYY-MM-DD" or a datetime.date) overrides the
    /// extractor's reference date for this text. Runs without the GIL.
    #[pyo3(signature = (text, *, date = None))]
    fn extract(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        date: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyArticle> {
        let text = inputs::text(text, "text")?;
        let date = inputs::date(date, "date")?;
        let extractor = &self.inner;
        let article = detached(py, || {
            extractor
                .try_extract(&text, date)
                .map(|article| ArticleData::new(article, &text))
        })?;
        article
            .map(|article| PyArticle::with_text(article, text))
            .map_err(|e| core_error(e, "text"))
    }

    /// Extracts many articles on all the extractor's threads, with the GIL released for the
    /// whole batch; the result keeps the input order.
    ///
    /// `texts` is any iterable of str. `dates`, when given, holds one reference date
    /// ("YYYY-MM-DD", datetime.date or None for the extractor's own) per text. A text over
    /// `max_bytes` fails the whole batch before any work, naming its index.
    #[pyo3(signature = (texts, dates = None))]
    fn extract_batch(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        dates: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<PyArticle>> {
        let items = inputs::batch(texts, dates)?;
        if let Some(max) = self.settings.max_bytes {
            if let Some((i, (text, _))) = items.iter().enumerate().find(|(_, (t, _))| t.len() > max)
            {
                let error = newsextract::Error::InputTooLarge {
                    len: text.len(),
                    max,
                };
                return Err(core_error(error, &format!("texts[{i}]")));
            }
        }
        let extractor = &self.inner;
        // The code-point offsets are computed on the worker threads with each article: it is
        // a pass over the text, which would otherwise run on one core after the parallel part.
        let articles = detached(py, || {
            extractor.map_parallel(&items, |(text, date)| {
                ArticleData::new(extractor.extract_with_date(text, *date), text)
            })
        })?;
        // Each article keeps its text for `to_html()`.
        Ok(articles
            .into_iter()
            .zip(items)
            .map(|(article, (text, _))| PyArticle::with_text(article, text))
            .collect())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let kwargs = self.kwargs(py)?;
        if let Some(names) = self.gazetteer() {
            kwargs.set_item("gazetteer", names)?;
        }
        let mut parts = Vec::new();
        for (name, value) in kwargs.iter() {
            parts.push(format!("{}={}", name.str()?, value.repr()?));
        }
        Ok(format!("Extractor({})", parts.join(", ")))
    }

    /// Pickles by configuration: unpickling calls `Extractor(**kwargs)` again, with the user
    /// gazetteers' names and contents (not their paths, which a worker may not see).
    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let restore = py
            .import("newsextract._newsextract")?
            .getattr("_restore_extractor")?;
        let gazetteers = PyList::new(py, &self.settings.gazetteers)?;
        let arguments = (self.kwargs(py)?, gazetteers).into_pyobject(py)?;
        Ok((restore, arguments))
    }
}

impl PyExtractor {
    /// The extractor `settings` describe; a malformed gazetteer row is a `NewsExtractError`
    /// naming its source and line.
    fn build(settings: Settings) -> PyResult<PyExtractor> {
        let mut builder = newsextract::Extractor::builder();
        if let Some(date) = settings.date {
            builder.reference_date(date);
        }
        builder
            .passes(settings.passes)
            .threads(settings.threads.unwrap_or(0))
            .max_input_bytes(settings.max_bytes);
        for (name, content) in &settings.gazetteers {
            builder.gazetteer_tsv(name, content);
        }
        let inner = builder.build().map_err(|e| core_error(e, ""))?;
        Ok(PyExtractor { settings, inner })
    }

    /// The keyword arguments that make this extractor again, in signature order.
    fn kwargs<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let kwargs = PyDict::new(py);
        kwargs.set_item("date", self.date())?;
        kwargs.set_item("entities", self.settings.passes.entities)?;
        kwargs.set_item("quotes", self.settings.passes.quotes)?;
        kwargs.set_item("times", self.settings.passes.times)?;
        kwargs.set_item("quantities", self.settings.passes.quantities)?;
        kwargs.set_item("threads", self.settings.threads)?;
        kwargs.set_item("max_bytes", self.settings.max_bytes)?;
        Ok(kwargs)
    }
}

/// Reads the user gazetteers `value` names: one path (str or os.PathLike) or an iterable of
/// them. Each is named by its path as given.
fn read_gazetteers(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<Vec<(String, String)>> {
    let os = py.import("os")?;
    let is_path = |item: &Bound<'_, PyAny>| -> PyResult<bool> {
        Ok(item.is_instance_of::<PyString>() || item.is_instance(&os.getattr("PathLike")?)?)
    };
    let paths: Vec<Bound<'_, PyAny>> = if is_path(value)? {
        vec![value.clone()]
    } else {
        let Ok(items) = value.try_iter() else {
            return Err(NewsExtractError::new_err(format!(
                "gazetteer must be a path (str or os.PathLike) or a list of paths, got {}",
                value.get_type().name()?
            )));
        };
        items.collect::<PyResult<_>>()?
    };
    let mut gazetteers = Vec::with_capacity(paths.len());
    for (i, item) in paths.iter().enumerate() {
        if !is_path(item)? {
            return Err(NewsExtractError::new_err(format!(
                "gazetteer[{i}] must be a path (str or os.PathLike), got {}",
                item.get_type().name()?
            )));
        }
        let path: PathBuf = item.extract()?;
        let name = path.display().to_string();
        // Reading a large file need not hold up other Python threads.
        let content = py.detach(|| std::fs::read_to_string(&path)).map_err(|e| {
            NewsExtractError::new_err(format!("{name}: cannot read the gazetteer: {e}"))
        })?;
        gazetteers.push((name, content));
    }
    Ok(gazetteers)
}

/// Makes an `Extractor` from what its `__reduce__` gave: the keyword arguments and the user
/// gazetteers as (name, content) pairs.
#[pyfunction]
#[pyo3(signature = (kwargs, gazetteers = Vec::new()))]
pub(crate) fn _restore_extractor<'py>(
    py: Python<'py>,
    kwargs: &Bound<'py, PyDict>,
    gazetteers: Vec<(String, String)>,
) -> PyResult<Bound<'py, PyAny>> {
    let made = py.get_type::<PyExtractor>().call((), Some(kwargs))?;
    if gazetteers.is_empty() {
        return Ok(made);
    }
    let made: PyRef<'_, PyExtractor> = made.extract()?;
    let mut settings = made.settings.clone();
    settings.gazetteers = gazetteers;
    Ok(Bound::new(py, PyExtractor::build(settings)?)?.into_any())
}
