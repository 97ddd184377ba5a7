//! The `Article` class: the whole result, in both offset units, with the contract JSON.

use std::sync::{Arc, OnceLock};

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use newsextract as core;

use crate::errors::NewsExtractError;
use crate::inputs;
use crate::model::{
    code_point_offsets, Both, PyAcronym, PyBoilerplate, PyByline, PyDateline, PyEntity,
    PyParagraph, PyQuantity, PyQuote, PyRelated, PyTextSpan, PyTimeExpression, Reduced, View,
};

/// Everything newsextract found in one article.
///
/// Offsets in `start`/`end` are code points into the text given to `extract()`, so
/// `text[x.start:x.end] == x.text`; `byte_start`/`byte_end` are the UTF-8 byte offsets.
/// `to_dict()` gives that Python view as plain data; `to_json()` gives the contract JSON with
/// byte offsets, exactly as the Rust core and the command line write it.
///
/// In a notebook an Article shows itself marked up (`_repr_html_()`, the same HTML as
/// `to_html()`): entities by kind, quotes with their speaker, times, quantities, and tables of
/// entities and quotes. For that an Article from `extract()`, `extract_batch()` or
/// `from_json()` keeps the text it was extracted from; a pickled Article does not carry it
/// (pickles stay small for Dask and Spark), so give it to `to_html(text)` after unpickling.
#[pyclass(frozen, eq, module = "newsextract._newsextract", name = "Article")]
#[derive(Debug, Clone)]
pub struct PyArticle(
    pub(crate) ArticleData,
    /// The text the article was extracted from, for `to_html()`; shared, never copied again.
    pub(crate) Option<Arc<str>>,
);

impl PyArticle {
    /// An article with the text it was extracted from.
    pub(crate) fn with_text(article: ArticleData, text: impl Into<Arc<str>>) -> Self {
        PyArticle(article, Some(text.into()))
    }
}

/// Equal when the extraction results are: whether the text is kept (it is not after
/// unpickling) does not change what the article is.
impl PartialEq for PyArticle {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

/// The core article once, with its code-point offsets beside it.
///
/// Holding a second, code-point copy of the whole article made every article twice as costly
/// to build and to free, and Python frees on one thread with the GIL held (276 ms for 10,000
/// BBC articles). The copy is now made from the offsets on the first attribute read; articles
/// only written out (`to_json`, pickling) never make it.
#[derive(Debug)]
pub(crate) struct ArticleData {
    /// The article as the core made it, with byte offsets.
    pub(crate) bytes: core::Article,
    /// Code-point offsets in the order `Article::for_each_offset_mut` visits them.
    char_offsets: Vec<usize>,
    /// `bytes` with `char_offsets` in place, made on first use.
    chars: OnceLock<core::Article>,
}

impl ArticleData {
    /// `article`, extracted from `text`, with its code-point offsets.
    pub(crate) fn new(mut article: core::Article, text: &str) -> ArticleData {
        let char_offsets = code_point_offsets(&mut article, text);
        ArticleData {
            bytes: article,
            char_offsets,
            chars: OnceLock::new(),
        }
    }

    /// `bytes` with the code-point offsets given, or `None` when their number is not the
    /// number of offsets in the article.
    fn from_parts(mut bytes: core::Article, char_offsets: Vec<usize>) -> Option<ArticleData> {
        let mut count = 0usize;
        bytes.for_each_offset_mut(|_| count += 1);
        (count == char_offsets.len()).then(|| ArticleData {
            bytes,
            char_offsets,
            chars: OnceLock::new(),
        })
    }

    /// The article with code-point offsets.
    pub(crate) fn chars(&self) -> &core::Article {
        self.chars.get_or_init(|| {
            let mut chars = self.bytes.clone();
            let mut given = self.char_offsets.iter();
            chars.for_each_offset_mut(|offset| {
                if let Some(char_offset) = given.next() {
                    *offset = *char_offset;
                }
            });
            chars
        })
    }

    /// The same part of the article in both units.
    fn part<'a, U>(&'a self, pick: impl Fn(&'a core::Article) -> &'a U) -> Both<&'a U> {
        Both {
            bytes: pick(&self.bytes),
            chars: pick(self.chars()),
        }
    }
}

impl Clone for ArticleData {
    fn clone(&self) -> Self {
        ArticleData {
            bytes: self.bytes.clone(),
            char_offsets: self.char_offsets.clone(),
            chars: OnceLock::new(),
        }
    }
}

/// Equal when the core articles and their code-point offsets are, whether or not either has
/// made its code-point copy yet.
impl PartialEq for ArticleData {
    fn eq(&self, other: &Self) -> bool {
        self.bytes == other.bytes && self.char_offsets == other.char_offsets
    }
}

/// The items of a list field of the article, wrapped in their class.
fn items<T: Clone, W: From<Both<T>>>(
    article: &ArticleData,
    pick: impl Fn(&core::Article) -> &Vec<T>,
) -> Vec<W> {
    article
        .part(pick)
        .items()
        .into_iter()
        .map(W::from)
        .collect()
}

/// An optional field of the article, wrapped in its class.
fn present<T: Clone, W: From<Both<T>>>(
    article: &ArticleData,
    pick: impl Fn(&core::Article) -> &Option<T>,
) -> Option<W> {
    article.part(pick).present().map(W::from)
}

/// The dicts of a list field of the article.
fn dicts<'py, T: Clone>(
    py: Python<'py>,
    article: &ArticleData,
    pick: impl Fn(&core::Article) -> &Vec<T>,
) -> PyResult<Bound<'py, PyList>>
where
    Both<T>: View,
{
    let pairs: Vec<Both<T>> = items(article, pick);
    let dicts = pairs
        .iter()
        .map(|pair| pair.to_dict(py))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, dicts)
}

/// The dict of an optional field of the article, or `None`.
fn dict_or_none<'py, T: Clone>(
    py: Python<'py>,
    article: &ArticleData,
    pick: impl Fn(&core::Article) -> &Option<T>,
) -> PyResult<Bound<'py, PyAny>>
where
    Both<T>: View,
{
    match present::<T, Both<T>>(article, pick) {
        Some(pair) => Ok(pair.to_dict(py)?.into_any()),
        None => Ok(py.None().into_bound(py)),
    }
}

#[pymethods]
impl PyArticle {
    /// Version of the JSON contract (1).
    #[getter]
    fn schema_version(&self) -> u32 {
        self.0.bytes.schema_version
    }

    /// The title line, when the text starts with one.
    #[getter]
    fn headline(&self) -> Option<PyTextSpan> {
        present(&self.0, |a| &a.headline)
    }

    /// The place/date/agency line that opens a news story, when there is one.
    #[getter]
    fn dateline(&self) -> Option<PyDateline> {
        present(&self.0, |a| &a.dateline)
    }

    /// The author line ("By Jane Doe") or, failing that, the trailing reporting credits.
    #[getter]
    fn byline(&self) -> Option<PyByline> {
        present(&self.0, |a| &a.byline)
    }

    /// Body paragraphs in text order, each with its sentences.
    #[getter]
    fn paragraphs(&self) -> Vec<PyParagraph> {
        items(&self.0, |a| &a.paragraphs)
    }

    /// "Also read:" style lines pointing at other articles, which are not body text.
    #[getter]
    fn related(&self) -> Vec<PyRelated> {
        items(&self.0, |a| &a.related)
    }

    /// Other lines a scraper leaves in the body (share prompts, adverts, copyright lines).
    #[getter]
    fn boilerplate(&self) -> Vec<PyBoilerplate> {
        items(&self.0, |a| &a.boilerplate)
    }

    /// Named entities, each with all its mentions.
    #[getter]
    fn entities(&self) -> Vec<PyEntity> {
        items(&self.0, |a| &a.entities)
    }

    /// Quotes with their speakers.
    #[getter]
    fn quotes(&self) -> Vec<PyQuote> {
        items(&self.0, |a| &a.quotes)
    }

    /// Time expressions normalised to TIMEX3-style values.
    #[getter]
    fn times(&self) -> Vec<PyTimeExpression> {
        items(&self.0, |a| &a.times)
    }

    /// Numbers with what they count.
    #[getter]
    fn quantities(&self) -> Vec<PyQuantity> {
        items(&self.0, |a| &a.quantities)
    }

    /// Acronyms defined in the text with their expansion.
    #[getter]
    fn acronyms(&self) -> Vec<PyAcronym> {
        items(&self.0, |a| &a.acronyms)
    }

    /// The Python view as plain data: the contract's fields, with code-point `start`/`end` (as
    /// on the attributes) plus `byte_start`/`byte_end` on every span, kinds as str.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let article = &self.0;
        let dict = PyDict::new(py);
        dict.set_item("schema_version", article.bytes.schema_version)?;
        dict.set_item("headline", dict_or_none(py, article, |a| &a.headline)?)?;
        dict.set_item("dateline", dict_or_none(py, article, |a| &a.dateline)?)?;
        dict.set_item("byline", dict_or_none(py, article, |a| &a.byline)?)?;
        dict.set_item("paragraphs", dicts(py, article, |a| &a.paragraphs)?)?;
        dict.set_item("related", dicts(py, article, |a| &a.related)?)?;
        dict.set_item("boilerplate", dicts(py, article, |a| &a.boilerplate)?)?;
        dict.set_item("entities", dicts(py, article, |a| &a.entities)?)?;
        dict.set_item("quotes", dicts(py, article, |a| &a.quotes)?)?;
        dict.set_item("times", dicts(py, article, |a| &a.times)?)?;
        dict.set_item("quantities", dicts(py, article, |a| &a.quantities)?)?;
        dict.set_item("acronyms", dicts(py, article, |a| &a.acronyms)?)?;
        Ok(dict)
    }

    /// The article as a self-contained HTML fragment: the text marked up as an editor would
    /// (entities highlighted by kind with their canonical name, titles, country and
    /// coordinates on hover; quotes set off with their speaker linked to the entity table;
    /// times with their normalised value; quantities; related-article lines apart), then
    /// tables of entities and quotes. Inline CSS scoped under `.newsextract`, no script,
    /// nothing fetched; every piece of text is escaped.
    ///
    /// `text` is the text the article was extracted from; by default the one kept from
    /// extraction. Without either (an unpickled Article) the body is left out and a note
    /// says so. Raises NewsExtractError for a str holding a lone surrogate.
    #[pyo3(signature = (text = None))]
    fn to_html(&self, text: Option<&Bound<'_, PyAny>>) -> PyResult<String> {
        let given;
        let text: &str = match text.filter(|t| !t.is_none()) {
            Some(value) => {
                given = inputs::text(value, "text")?;
                &given
            }
            None => self.1.as_deref().unwrap_or(""),
        };
        Ok(self.0.bytes.to_html(text))
    }

    /// The HTML a notebook (Jupyter, VS Code, Colab) shows for an article: `to_html()`.
    fn _repr_html_(&self) -> String {
        self.0.bytes.to_html(self.1.as_deref().unwrap_or(""))
    }

    /// The contract JSON (schema_version 1, compact) with BYTE offsets in `start`/`end`:
    /// exactly what the Rust core's `Article::to_json` and the command line write, so it can
    /// be stored and compared with their output. Use `to_dict()` for code-point offsets.
    fn to_json(&self) -> String {
        self.0.bytes.to_json()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let article = &self.0.bytes;
        let text_of = |span: Option<&str>| span.map(str::to_owned);
        let mut out = String::from("Article(");
        let mut push = |name: &str, shown: String| {
            if !out.ends_with('(') {
                out.push_str(", ");
            }
            out.push_str(name);
            out.push('=');
            out.push_str(&shown);
        };
        let repr_of = |value: Option<String>| -> PyResult<String> {
            Ok(value.into_pyobject(py)?.repr()?.to_cow()?.into_owned())
        };
        push(
            "headline",
            repr_of(text_of(article.headline.as_ref().map(|h| h.text.as_str())))?,
        );
        push(
            "dateline",
            repr_of(text_of(article.dateline.as_ref().map(|d| d.text.as_str())))?,
        );
        push(
            "byline",
            repr_of(text_of(article.byline.as_ref().map(|b| b.text.as_str())))?,
        );
        for (name, count) in [
            ("paragraphs", article.paragraphs.len()),
            ("related", article.related.len()),
            ("boilerplate", article.boilerplate.len()),
            ("entities", article.entities.len()),
            ("quotes", article.quotes.len()),
            ("times", article.times.len()),
            ("quantities", article.quantities.len()),
            ("acronyms", article.acronyms.len()),
        ] {
            push(name, count.to_string());
        }
        out.push(')');
        Ok(out)
    }

    /// Reads back an Article from its contract JSON (`to_json()`, or what the command line
    /// wrote) and the text it was extracted from, which the code-point offsets need.
    ///
    /// Raises NewsExtractError when the JSON is not an article of this schema_version, or when
    /// a span does not fit the text (out of range, inside a character, or reading other words
    /// than its `text`): the JSON then came from another text.
    #[staticmethod]
    fn from_json(json: &str, text: &Bound<'_, PyAny>) -> PyResult<PyArticle> {
        let text = inputs::text(text, "text")?;
        let article: core::Article = serde_json::from_str(json).map_err(|e| {
            NewsExtractError::new_err(format!("not a newsextract article JSON: {e}"))
        })?;
        if article.schema_version != core::SCHEMA_VERSION {
            return Err(NewsExtractError::new_err(format!(
                "article JSON has schema_version {}, this newsextract reads {}",
                article.schema_version,
                core::SCHEMA_VERSION
            )));
        }
        for (span, expected) in article.spans() {
            let Some(found) = text.get(span.range()) else {
                return Err(NewsExtractError::new_err(format!(
                    "span {}..{} does not fit the text ({} bytes): out of range or inside a \
                     character; was the JSON made from another text?",
                    span.start,
                    span.end,
                    text.len()
                )));
            };
            if let Some(expected) = expected {
                if found != expected {
                    return Err(NewsExtractError::new_err(format!(
                        "span {}..{} reads {found:?} in the text but the JSON says {expected:?}; \
                         was the JSON made from another text?",
                        span.start, span.end
                    )));
                }
            }
        }
        let data = ArticleData::new(article, &text);
        Ok(PyArticle::with_text(data, text))
    }

    /// Pickles as the contract JSON plus the code-point offsets in the core's offset order:
    /// the text is not kept, so the code-point view cannot be recomputed on the other side.
    fn __reduce__<'py>(&self, py: Python<'py>) -> Reduced<'py, (String, Vec<usize>)> {
        let restore = py
            .import("newsextract._newsextract")?
            .getattr("_restore_article")?;
        Ok((
            restore,
            (self.0.bytes.to_json(), self.0.char_offsets.clone()),
        ))
    }
}

/// Rebuilds an `Article` from what `Article.__reduce__` gave.
#[pyfunction]
pub(crate) fn _restore_article(json: &str, char_offsets: Vec<usize>) -> PyResult<PyArticle> {
    let bytes: core::Article = serde_json::from_str(json).map_err(|e| {
        NewsExtractError::new_err(format!("cannot unpickle a newsextract Article: {e}"))
    })?;
    ArticleData::from_parts(bytes, char_offsets)
        .map(|data| PyArticle(data, None))
        .ok_or_else(|| {
            NewsExtractError::new_err(
                "cannot unpickle a newsextract Article: the code-point offsets do not match its \
                 spans",
            )
        })
}
