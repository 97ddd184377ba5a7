//! `to_records`: articles as flat rows that pandas, polars and pyarrow take as they are.
//!
//! Each table has a fixed list of columns and every row is a dict with exactly those keys, in
//! that order, with one Python type per column (or `None`). The rows are built straight from the
//! article's two offset views, so a row carries both the code-point `start`/`end` and the UTF-8
//! `byte_start`/`byte_end`. Nothing here looks at the text: the rows only copy fields.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use pyo3::IntoPyObjectExt;

use newsextract as core;

use crate::article::PyArticle;
use crate::errors::NewsExtractError;

/// The tables `to_records` makes, as `what` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Table {
    Articles,
    Entities,
    Mentions,
    Quotes,
    Times,
    Quantities,
    Acronyms,
}

impl Table {
    const ALL: [(&'static str, Table); 7] = [
        ("articles", Table::Articles),
        ("entities", Table::Entities),
        ("mentions", Table::Mentions),
        ("quotes", Table::Quotes),
        ("times", Table::Times),
        ("quantities", Table::Quantities),
        ("acronyms", Table::Acronyms),
    ];

    fn parse(what: &str) -> PyResult<Table> {
        Table::ALL
            .iter()
            .find(|(name, _)| *name == what)
            .map(|(_, table)| *table)
            .ok_or_else(|| {
                let names: Vec<String> = Table::ALL
                    .iter()
                    .map(|(name, _)| format!("{name:?}"))
                    .collect();
                NewsExtractError::new_err(format!(
                    "what={what:?} is not a table: use one of {}",
                    names.join(", ")
                ))
            })
    }

    fn columns(self) -> &'static [&'static str] {
        match self {
            Table::Articles => &ARTICLE_COLUMNS,
            Table::Entities => &ENTITY_COLUMNS,
            Table::Mentions => &MENTION_COLUMNS,
            Table::Quotes => &QUOTE_COLUMNS,
            Table::Times => &TIME_COLUMNS,
            Table::Quantities => &QUANTITY_COLUMNS,
            Table::Acronyms => &ACRONYM_COLUMNS,
        }
    }
}

// The column lists below fix each row's keys and their order; `Rows::push` refuses a row of
// another length, so a column cannot be forgotten or added to one row only.

const ARTICLE_COLUMNS: [&str; 20] = [
    "article_id",
    "headline",
    "dateline",
    "location",
    "region",
    "country",
    "source",
    "date",
    "date_anchored",
    "byline",
    "authors",
    "paragraphs",
    "sentences",
    "related",
    "boilerplate",
    "entities",
    "quotes",
    "times",
    "quantities",
    "acronyms",
];

const ENTITY_COLUMNS: [&str; 16] = [
    "article_id",
    "entity_id",
    "kind",
    "name",
    "titles",
    "acronym",
    "country",
    "lat",
    "lon",
    "geonames_id",
    "mentions",
    "text",
    "start",
    "end",
    "byte_start",
    "byte_end",
];

const MENTION_COLUMNS: [&str; 9] = [
    "article_id",
    "entity_id",
    "kind",
    "name",
    "text",
    "start",
    "end",
    "byte_start",
    "byte_end",
];

const QUOTE_COLUMNS: [&str; 19] = [
    "article_id",
    "kind",
    "text",
    "start",
    "end",
    "byte_start",
    "byte_end",
    "speaker",
    "speaker_entity_id",
    "speaker_text",
    "speaker_start",
    "speaker_end",
    "speaker_byte_start",
    "speaker_byte_end",
    "cue",
    "cue_start",
    "cue_end",
    "cue_byte_start",
    "cue_byte_end",
];

const TIME_COLUMNS: [&str; 9] = [
    "article_id",
    "kind",
    "value",
    "anchored",
    "text",
    "start",
    "end",
    "byte_start",
    "byte_end",
];

const QUANTITY_COLUMNS: [&str; 10] = [
    "article_id",
    "value",
    "noun",
    "qualifier",
    "unit",
    "text",
    "start",
    "end",
    "byte_start",
    "byte_end",
];

const ACRONYM_COLUMNS: [&str; 8] = [
    "article_id",
    "acronym",
    "expansion",
    "text",
    "start",
    "end",
    "byte_start",
    "byte_end",
];

/// Builds rows of one table into a list, with the column names made Python strings once.
struct Rows<'py> {
    py: Python<'py>,
    keys: Vec<Bound<'py, PyString>>,
    rows: Vec<Bound<'py, PyDict>>,
}

impl<'py> Rows<'py> {
    fn new(py: Python<'py>, table: Table) -> Rows<'py> {
        let keys = table
            .columns()
            .iter()
            .map(|name| PyString::intern(py, name))
            .collect();
        Rows {
            py,
            keys,
            rows: Vec::new(),
        }
    }

    fn push(&mut self, values: Vec<Bound<'py, PyAny>>) -> PyResult<()> {
        // A mismatch would be a bug in this file: say so rather than write a row with missing
        // or extra keys.
        if values.len() != self.keys.len() {
            return Err(NewsExtractError::new_err(format!(
                "internal error in newsextract: a row of {} values for {} columns",
                values.len(),
                self.keys.len()
            )));
        }
        let row = PyDict::new(self.py);
        for (key, value) in self.keys.iter().zip(values) {
            row.set_item(key, value)?;
        }
        self.rows.push(row);
        Ok(())
    }
}

/// Any value as a Python object.
fn py_any<'py, T: IntoPyObject<'py>>(py: Python<'py>, value: T) -> PyResult<Bound<'py, PyAny>> {
    value.into_bound_py_any(py)
}

/// The name a kind enum serialises to ("person", "direct"), as in the JSON contract.
fn kind_name<K: serde::Serialize>(kind: &K) -> String {
    match serde_json::to_value(kind) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

/// The code-point and byte offsets of a span, as four Python ints (or four `None`).
fn offsets<'py>(
    py: Python<'py>,
    chars: Option<(usize, usize)>,
    bytes: Option<(usize, usize)>,
) -> PyResult<[Bound<'py, PyAny>; 4]> {
    Ok([
        py_any(py, chars.map(|c| c.0))?,
        py_any(py, chars.map(|c| c.1))?,
        py_any(py, bytes.map(|b| b.0))?,
        py_any(py, bytes.map(|b| b.1))?,
    ])
}

/// Concatenates arrays of values into one row.
macro_rules! row {
    ($($part:expr),* $(,)?) => {{
        let mut values = Vec::new();
        $(values.extend($part);)*
        values
    }};
}

fn article_rows<'py>(
    rows: &mut Rows<'py>,
    id: &Bound<'py, PyAny>,
    article: &core::Article,
) -> PyResult<()> {
    let py = rows.py;
    let dateline = article.dateline.as_ref();
    let date = dateline.and_then(|d| d.date.as_ref());
    let sentences: usize = article.paragraphs.iter().map(|p| p.sentences.len()).sum();
    let values = row![
        [id.clone()],
        [
            py_any(py, article.headline.as_ref().map(|h| h.text.as_str()))?,
            py_any(py, dateline.map(|d| d.text.as_str()))?,
            py_any(py, dateline.and_then(|d| d.location.as_deref()))?,
            py_any(py, dateline.and_then(|d| d.region.as_deref()))?,
            py_any(py, dateline.and_then(|d| d.country.as_deref()))?,
            py_any(py, dateline.and_then(|d| d.source.as_deref()))?,
            py_any(py, date.map(|d| d.value.as_str()))?,
            py_any(py, date.map(|d| d.anchored))?,
            py_any(py, article.byline.as_ref().map(|b| b.text.as_str()))?,
            PyList::new(py, article.byline.iter().flat_map(|b| b.authors.iter()),)?.into_any(),
            py_any(py, article.paragraphs.len())?,
            py_any(py, sentences)?,
            py_any(py, article.related.len())?,
            py_any(py, article.boilerplate.len())?,
            py_any(py, article.entities.len())?,
            py_any(py, article.quotes.len())?,
            py_any(py, article.times.len())?,
            py_any(py, article.quantities.len())?,
            py_any(py, article.acronyms.len())?,
        ],
    ];
    rows.push(values)
}

fn entity_rows<'py>(
    rows: &mut Rows<'py>,
    id: &Bound<'py, PyAny>,
    bytes: &core::Article,
    chars: &core::Article,
) -> PyResult<()> {
    let py = rows.py;
    for (entity, entity_chars) in bytes.entities.iter().zip(&chars.entities) {
        let first = entity.mentions.first();
        let first_chars = entity_chars.mentions.first();
        let geo = entity.geo.as_ref();
        let values = row![
            [
                id.clone(),
                py_any(py, entity.id)?,
                py_any(py, kind_name(&entity.kind))?,
                py_any(py, entity.name.as_str())?,
                PyList::new(py, &entity.titles)?.into_any(),
                py_any(py, entity.acronym.as_deref())?,
                py_any(py, entity.country.as_deref())?,
                py_any(py, geo.map(|g| g.lat))?,
                py_any(py, geo.map(|g| g.lon))?,
                py_any(py, geo.map(|g| g.geonames_id))?,
                py_any(py, entity.mentions.len())?,
                py_any(py, first.map(|m| m.text.as_str()))?,
            ],
            offsets(
                py,
                first_chars.map(|m| (m.start, m.end)),
                first.map(|m| (m.start, m.end)),
            )?,
        ];
        rows.push(values)?;
    }
    Ok(())
}

fn mention_rows<'py>(
    rows: &mut Rows<'py>,
    id: &Bound<'py, PyAny>,
    bytes: &core::Article,
    chars: &core::Article,
) -> PyResult<()> {
    let py = rows.py;
    for (entity, entity_chars) in bytes.entities.iter().zip(&chars.entities) {
        let kind = py_any(py, kind_name(&entity.kind))?;
        let name = py_any(py, entity.name.as_str())?;
        let entity_id = py_any(py, entity.id)?;
        for (mention, mention_chars) in entity.mentions.iter().zip(&entity_chars.mentions) {
            let values = row![
                [
                    id.clone(),
                    entity_id.clone(),
                    kind.clone(),
                    name.clone(),
                    py_any(py, mention.text.as_str())?,
                ],
                offsets(
                    py,
                    Some((mention_chars.start, mention_chars.end)),
                    Some((mention.start, mention.end)),
                )?,
            ];
            rows.push(values)?;
        }
    }
    Ok(())
}

fn quote_rows<'py>(
    rows: &mut Rows<'py>,
    id: &Bound<'py, PyAny>,
    bytes: &core::Article,
    chars: &core::Article,
) -> PyResult<()> {
    let py = rows.py;
    for (quote, quote_chars) in bytes.quotes.iter().zip(&chars.quotes) {
        let speaker = quote.speaker.as_ref();
        let speaker_chars = quote_chars.speaker.as_ref();
        let cue = quote.cue.as_ref();
        let cue_chars = quote_chars.cue.as_ref();
        let values = row![
            [
                id.clone(),
                py_any(py, kind_name(&quote.kind))?,
                py_any(py, quote.text.as_str())?,
            ],
            offsets(
                py,
                Some((quote_chars.start, quote_chars.end)),
                Some((quote.start, quote.end)),
            )?,
            [
                py_any(py, speaker.map(|s| s.name.as_str()))?,
                py_any(py, speaker.and_then(|s| s.entity))?,
                py_any(py, speaker.map(|s| s.text.as_str()))?,
            ],
            offsets(
                py,
                speaker_chars.map(|s| (s.start, s.end)),
                speaker.map(|s| (s.start, s.end)),
            )?,
            [py_any(py, cue.map(|c| c.text.as_str()))?],
            offsets(
                py,
                cue_chars.map(|c| (c.start, c.end)),
                cue.map(|c| (c.start, c.end)),
            )?,
        ];
        rows.push(values)?;
    }
    Ok(())
}

fn time_rows<'py>(
    rows: &mut Rows<'py>,
    id: &Bound<'py, PyAny>,
    bytes: &core::Article,
    chars: &core::Article,
) -> PyResult<()> {
    let py = rows.py;
    for (time, time_chars) in bytes.times.iter().zip(&chars.times) {
        let values = row![
            [
                id.clone(),
                py_any(py, kind_name(&time.kind))?,
                py_any(py, time.value.as_str())?,
                py_any(py, time.anchored)?,
                py_any(py, time.text.as_str())?,
            ],
            offsets(
                py,
                Some((time_chars.start, time_chars.end)),
                Some((time.start, time.end)),
            )?,
        ];
        rows.push(values)?;
    }
    Ok(())
}

fn quantity_rows<'py>(
    rows: &mut Rows<'py>,
    id: &Bound<'py, PyAny>,
    bytes: &core::Article,
    chars: &core::Article,
) -> PyResult<()> {
    let py = rows.py;
    for (quantity, quantity_chars) in bytes.quantities.iter().zip(&chars.quantities) {
        let values = row![
            [
                id.clone(),
                py_any(py, quantity.value)?,
                py_any(py, quantity.noun.as_deref())?,
                py_any(py, kind_name(&quantity.qualifier))?,
                py_any(py, quantity.unit.as_deref())?,
                py_any(py, quantity.text.as_str())?,
            ],
            offsets(
                py,
                Some((quantity_chars.start, quantity_chars.end)),
                Some((quantity.start, quantity.end)),
            )?,
        ];
        rows.push(values)?;
    }
    Ok(())
}

fn acronym_rows<'py>(
    rows: &mut Rows<'py>,
    id: &Bound<'py, PyAny>,
    bytes: &core::Article,
    chars: &core::Article,
) -> PyResult<()> {
    let py = rows.py;
    for (acronym, acronym_chars) in bytes.acronyms.iter().zip(&chars.acronyms) {
        let values = row![
            [
                id.clone(),
                py_any(py, acronym.acronym.as_str())?,
                py_any(py, acronym.expansion.as_str())?,
                py_any(py, acronym.text.as_str())?,
            ],
            offsets(
                py,
                Some((acronym_chars.start, acronym_chars.end)),
                Some((acronym.start, acronym.end)),
            )?,
        ];
        rows.push(values)?;
    }
    Ok(())
}

/// Rows of one table for many articles: a list of flat dicts for data frames.
///
/// `what` picks the table: "articles" (one row per article: headline, dateline parts, byline,
/// authors and counts), "entities" (one per entity, with its first mention's span), "mentions"
/// (one per entity mention), "quotes" (with speaker and cue), "times", "quantities" or
/// "acronyms". Every row starts with `article_id`: the article's index in `articles`, or the
/// matching item of `ids` when given (any objects, one per article). Every row of a table has
/// the same keys in the same order (`record_columns(what)`), each column holds one type or
/// None, and spans come as code-point `start`/`end` and UTF-8 `byte_start`/`byte_end`, so
/// `pandas.DataFrame(rows)`, `polars.DataFrame(rows)` and `pyarrow.Table.from_pylist(rows)`
/// take the rows as they are. List fields (`titles`, `authors`) stay lists of str.
#[pyfunction]
#[pyo3(signature = (articles, what, ids = None))]
pub(crate) fn to_records<'py>(
    py: Python<'py>,
    articles: &Bound<'py, PyAny>,
    what: &str,
    ids: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let table = Table::parse(what)?;
    if articles.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "articles must be an iterable of Article, not a str",
        ));
    }
    let articles: Vec<Bound<'py, PyArticle>> = articles
        .try_iter()
        .map_err(|_| {
            PyTypeError::new_err(format!(
                "articles must be an iterable of Article, not {}: wrap one Article in a list",
                type_name(articles)
            ))
        })?
        .enumerate()
        .map(|(i, item)| {
            let item = item?;
            item.cast_into::<PyArticle>().map_err(|e| {
                PyTypeError::new_err(format!(
                    "articles[{i}] must be an Article, not {}",
                    type_name(e.into_inner().as_any())
                ))
            })
        })
        .collect::<PyResult<_>>()?;
    let ids: Vec<Bound<'py, PyAny>> = match ids.filter(|ids| !ids.is_none()) {
        None => (0..articles.len())
            .map(|i| py_any(py, i))
            .collect::<PyResult<_>>()?,
        Some(ids) => article_ids(ids, articles.len())?,
    };
    let mut rows = Rows::new(py, table);
    for (article, id) in articles.iter().zip(&ids) {
        let data = &article.get().0;
        let (bytes, chars) = (&data.bytes, data.chars());
        match table {
            Table::Articles => article_rows(&mut rows, id, bytes)?,
            Table::Entities => entity_rows(&mut rows, id, bytes, chars)?,
            Table::Mentions => mention_rows(&mut rows, id, bytes, chars)?,
            Table::Quotes => quote_rows(&mut rows, id, bytes, chars)?,
            Table::Times => time_rows(&mut rows, id, bytes, chars)?,
            Table::Quantities => quantity_rows(&mut rows, id, bytes, chars)?,
            Table::Acronyms => acronym_rows(&mut rows, id, bytes, chars)?,
        }
    }
    PyList::new(py, rows.rows)
}

/// The ids given for the articles: one per article.
fn article_ids<'py>(ids: &Bound<'py, PyAny>, count: usize) -> PyResult<Vec<Bound<'py, PyAny>>> {
    if ids.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "ids must be an iterable with one id per article, not a single str",
        ));
    }
    // One past the articles is enough to tell the lengths differ, and stops an endless iterator.
    let ids: Vec<Bound<'py, PyAny>> = ids.try_iter()?.take(count + 1).collect::<PyResult<_>>()?;
    if ids.len() != count {
        let given = if ids.len() > count {
            "more".to_string()
        } else {
            ids.len().to_string()
        };
        return Err(NewsExtractError::new_err(format!(
            "ids has {given} items but articles has {count}: give one id per article"
        )));
    }
    Ok(ids)
}

/// The columns of a `to_records` table, in row order: for an empty frame with the right
/// columns, e.g. `pandas.DataFrame(rows, columns=record_columns("quotes"))`.
#[pyfunction]
pub(crate) fn record_columns(what: &str) -> PyResult<Vec<&'static str>> {
    Ok(Table::parse(what)?.columns().to_vec())
}

/// The Python type name of `value`, for error messages.
fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map(|name| name.to_string())
        .unwrap_or_else(|_| "an unknown type".to_string())
}
