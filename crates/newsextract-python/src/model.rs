//! The result classes: frozen, thin wrappers over the core's model types.
//!
//! Every wrapper below holds the core value twice, as a [`Both`]: once with the core's byte
//! offsets (for `byte_start`/`byte_end` and for `to_json()`, the contract JSON) and once with
//! code-point offsets (for `start`/`end`, so that `text[x.start:x.end] == x.text` in Python).
//! The `Article` itself keeps the core article once plus its code-point offsets, computed at the
//! boundary in one pass ([`code_point_offsets`]), and makes the code-point twin only when an
//! attribute is first read. Child objects are made when an attribute is read, so a batch of
//! articles costs no Python objects until Python looks inside them.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use pyo3::BoundObject;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use newsextract as core;

use crate::errors::NewsExtractError;

/// A model value in both offset units: `bytes` as the core made it, `chars` with code-point
/// offsets. Everything else in the two is the same.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Both<T> {
    pub(crate) bytes: T,
    pub(crate) chars: T,
}

/// The code-point offsets of `article`, extracted from `text`, in the order
/// `Article::for_each_offset_mut` visits its byte offsets. One pass over the text plus a sort of
/// the offsets, as in the core's `convert_offsets`; counting UTF-8 lead bytes cannot fail, even
/// on an offset inside a character.
pub(crate) fn code_point_offsets(article: &mut core::Article, text: &str) -> Vec<usize> {
    let mut in_order = Vec::new();
    // Only read: the visitor is the one place that knows every offset of the model.
    article.for_each_offset_mut(|offset| in_order.push(*offset));
    let mut sorted = in_order.clone();
    sorted.sort_unstable();
    sorted.dedup();
    let bytes = text.as_bytes();
    let mut converted = Vec::with_capacity(sorted.len());
    let (mut position, mut chars) = (0usize, 0usize);
    for &offset in &sorted {
        let offset = offset.min(bytes.len());
        chars += bytes[position..offset]
            .iter()
            .filter(|&&b| b & 0xC0 != 0x80)
            .count();
        position = offset;
        converted.push(chars);
    }
    in_order
        .iter()
        .map(|offset| sorted.binary_search(offset).map_or(0, |i| converted[i]))
        .collect()
}

impl<T: Clone> Both<T> {
    /// The same part of both twins, e.g. `quote.part(|q| &q.speaker)`.
    pub(crate) fn part<'a, U: 'a>(&'a self, pick: impl Fn(&'a T) -> &'a U) -> Both<&'a U> {
        Both {
            bytes: pick(&self.bytes),
            chars: pick(&self.chars),
        }
    }
}

impl<U: Clone> Both<&Vec<U>> {
    /// The items of a list field, each as a pair.
    pub(crate) fn items(&self) -> Vec<Both<U>> {
        self.bytes
            .iter()
            .zip(self.chars.iter())
            .map(|(bytes, chars)| Both {
                bytes: bytes.clone(),
                chars: chars.clone(),
            })
            .collect()
    }
}

impl<U: Clone> Both<&Option<U>> {
    /// The value of an optional field, as a pair when present.
    pub(crate) fn present(&self) -> Option<Both<U>> {
        match (self.bytes, self.chars) {
            (Some(bytes), Some(chars)) => Some(Both {
                bytes: bytes.clone(),
                chars: chars.clone(),
            }),
            _ => None,
        }
    }
}

/// The name a kind enum serialises to ("person", "also_read"): Python sees kinds as `str`,
/// spelt exactly as in the JSON contract.
fn kind_name<K: Serialize>(kind: &K) -> String {
    match serde_json::to_value(kind) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

/// How a result class shows itself: its dictionary form and its `repr`.
pub(crate) trait View {
    /// The Python class name, which `_restore` dispatches on when unpickling.
    const NAME: &'static str;
    /// The Python view: code-point `start`/`end` plus `byte_start`/`byte_end`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>>;
    /// `Name(field=value, ...)`, with code-point offsets.
    fn repr(&self, py: Python<'_>) -> PyResult<String>;
}

/// Builds `Name(field=value, ...)` with Python's own `repr` for each value.
struct Repr<'py> {
    py: Python<'py>,
    out: String,
    empty: bool,
}

impl<'py> Repr<'py> {
    fn new(py: Python<'py>, name: &str) -> Repr<'py> {
        Repr {
            py,
            out: format!("{name}("),
            empty: true,
        }
    }

    fn field<V: IntoPyObject<'py>>(mut self, name: &str, value: V) -> PyResult<Self>
    where
        PyErr: From<V::Error>,
    {
        let value = value.into_pyobject(self.py)?.into_any().into_bound();
        let shown = value.repr()?;
        if !self.empty {
            self.out.push_str(", ");
        }
        self.empty = false;
        self.out.push_str(name);
        self.out.push('=');
        self.out.push_str(&shown.to_cow()?);
        Ok(self)
    }

    fn finish(mut self) -> String {
        self.out.push(')');
        self.out
    }
}

/// Puts `start`, `end`, `byte_start`, `byte_end` into `dict`.
fn put_span(
    dict: &Bound<'_, PyDict>,
    chars: (usize, usize),
    bytes: (usize, usize),
) -> PyResult<()> {
    dict.set_item("start", chars.0)?;
    dict.set_item("end", chars.1)?;
    dict.set_item("byte_start", bytes.0)?;
    dict.set_item("byte_end", bytes.1)?;
    Ok(())
}

/// The dictionaries of a list of pairs.
fn dict_list<'py, T>(py: Python<'py>, items: &[Both<T>]) -> PyResult<Bound<'py, PyList>>
where
    Both<T>: View,
{
    let dicts = items
        .iter()
        .map(|item| item.to_dict(py))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, dicts)
}

/// The dictionary of an optional pair, or `None`.
fn dict_or_none<'py, T>(py: Python<'py>, item: Option<Both<T>>) -> PyResult<Bound<'py, PyAny>>
where
    Both<T>: View,
{
    match item {
        Some(item) => Ok(item.to_dict(py)?.into_any()),
        None => Ok(py.None().into_bound(py)),
    }
}

/// A `Both` rebuilt from its two JSON forms, for unpickling.
pub(crate) fn from_json_pair<T: DeserializeOwned>(
    bytes_json: &str,
    chars_json: &str,
) -> PyResult<Both<T>> {
    let parse = |json: &str| {
        serde_json::from_str::<T>(json).map_err(|e| {
            NewsExtractError::new_err(format!("cannot unpickle a newsextract object: {e}"))
        })
    };
    Ok(Both {
        bytes: parse(bytes_json)?,
        chars: parse(chars_json)?,
    })
}

/// What `__reduce__` returns: the function that rebuilds the object and its arguments.
pub(crate) type Reduced<'py, Args> = PyResult<(Bound<'py, PyAny>, Args)>;

/// The arguments `__reduce__` gives for a non-article class: `_restore(name, bytes, chars)`.
fn reduce_pair<'py, T: Serialize>(
    py: Python<'py>,
    name: &'static str,
    both: &Both<T>,
) -> Reduced<'py, (&'static str, String, String)> {
    let restore = py.import("newsextract._newsextract")?.getattr("_restore")?;
    Ok((
        restore,
        (
            name,
            contract_json(&both.bytes)?,
            contract_json(&both.chars)?,
        ),
    ))
}

/// The compact JSON of a model value, as the core's `Article::to_json` writes it.
fn contract_json<T: Serialize>(value: &T) -> PyResult<String> {
    serde_json::to_string(value).map_err(|e| NewsExtractError::new_err(e.to_string()))
}

/// Declares a result class: the frozen wrapper struct and its `#[pymethods]`, with the methods
/// every class shares (`to_dict`, `to_json`, `__repr__`, `__reduce__`) after the class's own.
macro_rules! result_class {
    (
        $(#[$doc:meta])*
        $wrapper:ident wraps $core:ty as $name:literal, spanned;
        $($items:tt)*
    ) => {
        result_class! {
            $(#[$doc])*
            $wrapper wraps $core as $name;

            /// Start offset in code points: `text[x.start:x.end]` is the item.
            #[getter]
            fn start(&self) -> usize {
                self.0.chars.start
            }

            /// End offset in code points (exclusive).
            #[getter]
            fn end(&self) -> usize {
                self.0.chars.end
            }

            /// Start offset in UTF-8 bytes: `text.encode()[x.byte_start:x.byte_end]` is the
            /// item.
            #[getter]
            fn byte_start(&self) -> usize {
                self.0.bytes.start
            }

            /// End offset in UTF-8 bytes (exclusive).
            #[getter]
            fn byte_end(&self) -> usize {
                self.0.bytes.end
            }

            $($items)*
        }
    };
    (
        $(#[$doc:meta])*
        $wrapper:ident wraps $core:ty as $name:literal;
        $($items:tt)*
    ) => {
        $(#[$doc])*
        #[pyclass(frozen, eq, module = "newsextract._newsextract", name = $name)]
        #[derive(Debug, Clone, PartialEq)]
        pub struct $wrapper(pub(crate) Both<$core>);

        #[pymethods]
        impl $wrapper {
            $($items)*

            /// The Python view as plain data: code-point `start`/`end` (as on the attributes)
            /// plus `byte_start`/`byte_end`, kinds as str, children as dicts and lists.
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
                self.0.to_dict(py)
            }

            /// The contract JSON of this object (compact, BYTE offsets in `start`/`end`),
            /// exactly as the Rust core and the command line write it. Use `to_dict()` for
            /// code-point offsets.
            fn to_json(&self) -> PyResult<String> {
                contract_json(&self.0.bytes)
            }

            fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
                self.0.repr(py)
            }

            fn __reduce__<'py>(
                &self,
                py: Python<'py>,
            ) -> Reduced<'py, (&'static str, String, String)> {
                reduce_pair(py, $name, &self.0)
            }
        }

        impl From<Both<$core>> for $wrapper {
            fn from(both: Both<$core>) -> Self {
                $wrapper(both)
            }
        }
    };
}

/// Starts a dict with `text` and the span fields of a spanned core value.
fn spanned_dict<'py>(
    py: Python<'py>,
    text: &str,
    chars: (usize, usize),
    bytes: (usize, usize),
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("text", text)?;
    put_span(&dict, chars, bytes)?;
    Ok(dict)
}

/// The `(start, end)` of a spanned value in each unit, for `spanned_dict`.
macro_rules! spans {
    ($both:expr) => {
        (
            ($both.chars.start, $both.chars.end),
            ($both.bytes.start, $both.bytes.end),
        )
    };
}

// ---------------------------------------------------------------------------------------------
// Pieces of the input: headline, mentions, cues

result_class! {
    /// A piece of the input: its text and where it is. The headline, each entity mention and
    /// each quote cue is one (`Headline` and `Mention` are other names for this class).
    PyTextSpan wraps core::TextSpan as "TextSpan", spanned;

    /// The covered text, exactly as in the input.
    #[getter]
    fn text(&self) -> &str {
        &self.0.bytes.text
    }
}

impl View for Both<core::TextSpan> {
    const NAME: &'static str = "TextSpan";

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let (chars, bytes) = spans!(self);
        spanned_dict(py, &self.bytes.text, chars, bytes)
    }

    fn repr(&self, py: Python<'_>) -> PyResult<String> {
        Ok(Repr::new(py, Self::NAME)
            .field("text", &self.bytes.text)?
            .field("start", self.chars.start)?
            .field("end", self.chars.end)?
            .finish())
    }
}

// ---------------------------------------------------------------------------------------------
// Dateline

result_class! {
    /// The dateline, `LONDON, May 3 (Reuters) -`, and its parts.
    PyDateline wraps core::Dateline as "Dateline", spanned;

    /// The whole dateline as written, without the separator that ends it.
    #[getter]
    fn text(&self) -> &str {
        &self.0.bytes.text
    }

    /// The place in display casing ("Islamabad" for "ISLAMABAD").
    #[getter]
    fn location(&self) -> Option<&str> {
        self.0.bytes.location.as_deref()
    }

    /// A region or state written after the place ("Va.", "MICH.").
    #[getter]
    fn region(&self) -> Option<&str> {
        self.0.bytes.region.as_deref()
    }

    /// ISO 3166-1 alpha-2 code of the place's country, when the place is known.
    #[getter]
    fn country(&self) -> Option<&str> {
        self.0.bytes.country.as_deref()
    }

    /// The news agency or desk ("Reuters", "Web Desk").
    #[getter]
    fn source(&self) -> Option<&str> {
        self.0.bytes.source.as_deref()
    }

    /// The date written in the dateline.
    #[getter]
    fn date(&self) -> Option<PyDatelineDate> {
        self.0.part(|d| &d.date).present().map(PyDatelineDate)
    }
}

impl View for Both<core::Dateline> {
    const NAME: &'static str = "Dateline";

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let (chars, bytes) = spans!(self);
        let dict = spanned_dict(py, &self.bytes.text, chars, bytes)?;
        dict.set_item("location", &self.bytes.location)?;
        dict.set_item("region", &self.bytes.region)?;
        dict.set_item("country", &self.bytes.country)?;
        dict.set_item("source", &self.bytes.source)?;
        dict.set_item("date", dict_or_none(py, self.part(|d| &d.date).present())?)?;
        Ok(dict)
    }

    fn repr(&self, py: Python<'_>) -> PyResult<String> {
        Ok(Repr::new(py, Self::NAME)
            .field("text", &self.bytes.text)?
            .field("start", self.chars.start)?
            .field("end", self.chars.end)?
            .field("location", &self.bytes.location)?
            .field("region", &self.bytes.region)?
            .field("country", &self.bytes.country)?
            .field("source", &self.bytes.source)?
            .field("date", self.part(|d| &d.date).present().map(PyDatelineDate))?
            .finish())
    }
}

result_class! {
    /// A date written in a dateline, normalised.
    PyDatelineDate wraps core::DatelineDate as "DatelineDate", spanned;

    /// The date as written ("May 3").
    #[getter]
    fn text(&self) -> &str {
        &self.0.bytes.text
    }

    /// TIMEX3-style value: "1987-02-26" when a year is known, "XXXX-02-26" when not.
    #[getter]
    fn value(&self) -> &str {
        &self.0.bytes.value
    }

    /// False when the year came from neither the text nor a reference date.
    #[getter]
    fn anchored(&self) -> bool {
        self.0.bytes.anchored
    }
}

impl View for Both<core::DatelineDate> {
    const NAME: &'static str = "DatelineDate";

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let (chars, bytes) = spans!(self);
        let dict = spanned_dict(py, &self.bytes.text, chars, bytes)?;
        dict.set_item("value", &self.bytes.value)?;
        dict.set_item("anchored", self.bytes.anchored)?;
        Ok(dict)
    }

    fn repr(&self, py: Python<'_>) -> PyResult<String> {
        Ok(Repr::new(py, Self::NAME)
            .field("text", &self.bytes.text)?
            .field("start", self.chars.start)?
            .field("end", self.chars.end)?
            .field("value", &self.bytes.value)?
            .field("anchored", self.bytes.anchored)?
            .finish())
    }
}

// ---------------------------------------------------------------------------------------------
// Byline, paragraphs, sentences, related and boilerplate lines

result_class! {
    /// The byline and the authors it names.
    PyByline wraps core::Byline as "Byline", spanned;

    /// The byline as written.
    #[getter]
    fn text(&self) -> &str {
        &self.0.bytes.text
    }

    /// Author names, in order ("Jane Doe"); desks such as "Staff Reporter" are kept as written.
    #[getter]
    fn authors(&self) -> Vec<String> {
        self.0.bytes.authors.clone()
    }
}

impl View for Both<core::Byline> {
    const NAME: &'static str = "Byline";

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let (chars, bytes) = spans!(self);
        let dict = spanned_dict(py, &self.bytes.text, chars, bytes)?;
        dict.set_item("authors", &self.bytes.authors)?;
        Ok(dict)
    }

    fn repr(&self, py: Python<'_>) -> PyResult<String> {
        Ok(Repr::new(py, Self::NAME)
            .field("text", &self.bytes.text)?
            .field("start", self.chars.start)?
            .field("end", self.chars.end)?
            .field("authors", &self.bytes.authors)?
            .finish())
    }
}

result_class! {
    /// A body paragraph: `text[p.start:p.end]`, with its sentences.
    PyParagraph wraps core::Paragraph as "Paragraph", spanned;

    /// Sentences inside the paragraph, in order.
    #[getter]
    fn sentences(&self) -> Vec<PySentence> {
        self.0
            .part(|p| &p.sentences)
            .items()
            .into_iter()
            .map(PySentence)
            .collect()
    }
}

impl View for Both<core::Paragraph> {
    const NAME: &'static str = "Paragraph";

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let (chars, bytes) = spans!(self);
        let dict = PyDict::new(py);
        put_span(&dict, chars, bytes)?;
        dict.set_item(
            "sentences",
            dict_list(py, &self.part(|p| &p.sentences).items())?,
        )?;
        Ok(dict)
    }

    fn repr(&self, py: Python<'_>) -> PyResult<String> {
        Ok(Repr::new(py, Self::NAME)
            .field("start", self.chars.start)?
            .field("end", self.chars.end)?
            .field("sentences", self.bytes.sentences.len())?
            .finish())
    }
}

result_class! {
    /// A sentence inside a paragraph: `text[s.start:s.end]`.
    PySentence wraps core::Sentence as "Sentence", spanned;
}

impl View for Both<core::Sentence> {
    const NAME: &'static str = "Sentence";

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let (chars, bytes) = spans!(self);
        let dict = PyDict::new(py);
        put_span(&dict, chars, bytes)?;
        Ok(dict)
    }

    fn repr(&self, py: Python<'_>) -> PyResult<String> {
        Ok(Repr::new(py, Self::NAME)
            .field("start", self.chars.start)?
            .field("end", self.chars.end)?
            .finish())
    }
}

result_class! {
    /// A line pointing at another article ("Also read: ...").
    PyRelated wraps core::Related as "Related", spanned;

    /// The whole line as written.
    #[getter]
    fn text(&self) -> &str {
        &self.0.bytes.text
    }

    /// The linked article's title, without the lead-in.
    #[getter]
    fn title(&self) -> &str {
        &self.0.bytes.title
    }

    /// Which lead-in introduced it: "also_read", "read_more", "read_also", "related",
    /// "see_also".
    #[getter]
    fn kind(&self) -> String {
        kind_name(&self.0.bytes.kind)
    }
}

impl View for Both<core::Related> {
    const NAME: &'static str = "Related";

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let (chars, bytes) = spans!(self);
        let dict = spanned_dict(py, &self.bytes.text, chars, bytes)?;
        dict.set_item("title", &self.bytes.title)?;
        dict.set_item("kind", kind_name(&self.bytes.kind))?;
        Ok(dict)
    }

    fn repr(&self, py: Python<'_>) -> PyResult<String> {
        Ok(Repr::new(py, Self::NAME)
            .field("text", &self.bytes.text)?
            .field("start", self.chars.start)?
            .field("end", self.chars.end)?
            .field("title", &self.bytes.title)?
            .field("kind", kind_name(&self.bytes.kind))?
            .finish())
    }
}

result_class! {
    /// A line that is neither body text nor a related-article link.
    PyBoilerplate wraps core::Boilerplate as "Boilerplate", spanned;

    /// The line as written.
    #[getter]
    fn text(&self) -> &str {
        &self.0.bytes.text
    }

    /// What kind of line it is: "social", "click_here", "subscribe", "advertisement",
    /// "copyright", "credits".
    #[getter]
    fn kind(&self) -> String {
        kind_name(&self.0.bytes.kind)
    }
}

impl View for Both<core::Boilerplate> {
    const NAME: &'static str = "Boilerplate";

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let (chars, bytes) = spans!(self);
        let dict = spanned_dict(py, &self.bytes.text, chars, bytes)?;
        dict.set_item("kind", kind_name(&self.bytes.kind))?;
        Ok(dict)
    }

    fn repr(&self, py: Python<'_>) -> PyResult<String> {
        Ok(Repr::new(py, Self::NAME)
            .field("text", &self.bytes.text)?
            .field("start", self.chars.start)?
            .field("end", self.chars.end)?
            .field("kind", kind_name(&self.bytes.kind))?
            .finish())
    }
}

// ---------------------------------------------------------------------------------------------
// Entities

result_class! {
    /// A named entity and all its mentions.
    PyEntity wraps core::Entity as "Entity";

    /// Identifier, unique within the article; quotes refer to speakers by it.
    #[getter]
    fn id(&self) -> u32 {
        self.0.bytes.id
    }

    /// What kind of thing it is: "person", "organization", "location", "nationality", "misc".
    #[getter]
    fn kind(&self) -> String {
        kind_name(&self.0.bytes.kind)
    }

    /// Canonical name: "Matthew Miller", "Islamabad".
    #[getter]
    fn name(&self) -> &str {
        &self.0.bytes.name
    }

    /// Every place the entity is named, in text order.
    #[getter]
    fn mentions(&self) -> Vec<PyTextSpan> {
        self.0
            .part(|e| &e.mentions)
            .items()
            .into_iter()
            .map(PyTextSpan)
            .collect()
    }

    /// Titles and roles given to a person ("US State Department Spokesperson").
    #[getter]
    fn titles(&self) -> Vec<String> {
        self.0.bytes.titles.clone()
    }

    /// The acronym the entity goes by ("TTP").
    #[getter]
    fn acronym(&self) -> Option<&str> {
        self.0.bytes.acronym.as_deref()
    }

    /// ISO 3166-1 alpha-2 code, for places and nationalities.
    #[getter]
    fn country(&self) -> Option<&str> {
        self.0.bytes.country.as_deref()
    }

    /// Coordinates of a place resolved to a GeoNames entry.
    #[getter]
    fn geo(&self) -> Option<PyGeo> {
        self.0.part(|e| &e.geo).present().map(PyGeo)
    }
}

impl View for Both<core::Entity> {
    const NAME: &'static str = "Entity";

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("id", self.bytes.id)?;
        dict.set_item("kind", kind_name(&self.bytes.kind))?;
        dict.set_item("name", &self.bytes.name)?;
        dict.set_item(
            "mentions",
            dict_list(py, &self.part(|e| &e.mentions).items())?,
        )?;
        dict.set_item("titles", &self.bytes.titles)?;
        dict.set_item("acronym", &self.bytes.acronym)?;
        dict.set_item("country", &self.bytes.country)?;
        dict.set_item("geo", dict_or_none(py, self.part(|e| &e.geo).present())?)?;
        Ok(dict)
    }

    fn repr(&self, py: Python<'_>) -> PyResult<String> {
        Ok(Repr::new(py, Self::NAME)
            .field("id", self.bytes.id)?
            .field("kind", kind_name(&self.bytes.kind))?
            .field("name", &self.bytes.name)?
            .field("mentions", self.bytes.mentions.len())?
            .field("titles", &self.bytes.titles)?
            .field("acronym", &self.bytes.acronym)?
            .field("country", &self.bytes.country)?
            .field("geo", self.part(|e| &e.geo).present().map(PyGeo))?
            .finish())
    }
}

result_class! {
    /// Coordinates of a place from GeoNames.
    PyGeo wraps core::Geo as "Geo";

    /// Latitude in degrees.
    #[getter]
    fn lat(&self) -> f64 {
        self.0.bytes.lat
    }

    /// Longitude in degrees.
    #[getter]
    fn lon(&self) -> f64 {
        self.0.bytes.lon
    }

    /// The GeoNames identifier.
    #[getter]
    fn geonames_id(&self) -> u64 {
        self.0.bytes.geonames_id
    }
}

impl View for Both<core::Geo> {
    const NAME: &'static str = "Geo";

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("lat", self.bytes.lat)?;
        dict.set_item("lon", self.bytes.lon)?;
        dict.set_item("geonames_id", self.bytes.geonames_id)?;
        Ok(dict)
    }

    fn repr(&self, py: Python<'_>) -> PyResult<String> {
        Ok(Repr::new(py, Self::NAME)
            .field("lat", self.bytes.lat)?
            .field("lon", self.bytes.lon)?
            .field("geonames_id", self.bytes.geonames_id)?
            .finish())
    }
}

// ---------------------------------------------------------------------------------------------
// Quotes

result_class! {
    /// Something someone said.
    PyQuote wraps core::Quote as "Quote", spanned;

    /// The quoted words, without the quote marks.
    #[getter]
    fn text(&self) -> &str {
        &self.0.bytes.text
    }

    /// "direct", "partial" or "indirect".
    #[getter]
    fn kind(&self) -> String {
        kind_name(&self.0.bytes.kind)
    }

    /// Who said it, when known.
    #[getter]
    fn speaker(&self) -> Option<PySpeaker> {
        self.0.part(|q| &q.speaker).present().map(PySpeaker)
    }

    /// The speech verb phrase ("said", "told reporters", "according to").
    #[getter]
    fn cue(&self) -> Option<PyTextSpan> {
        self.0.part(|q| &q.cue).present().map(PyTextSpan)
    }
}

impl View for Both<core::Quote> {
    const NAME: &'static str = "Quote";

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let (chars, bytes) = spans!(self);
        let dict = spanned_dict(py, &self.bytes.text, chars, bytes)?;
        dict.set_item("kind", kind_name(&self.bytes.kind))?;
        dict.set_item(
            "speaker",
            dict_or_none(py, self.part(|q| &q.speaker).present())?,
        )?;
        dict.set_item("cue", dict_or_none(py, self.part(|q| &q.cue).present())?)?;
        Ok(dict)
    }

    fn repr(&self, py: Python<'_>) -> PyResult<String> {
        Ok(Repr::new(py, Self::NAME)
            .field("text", &self.bytes.text)?
            .field("start", self.chars.start)?
            .field("end", self.chars.end)?
            .field("kind", kind_name(&self.bytes.kind))?
            .field(
                "speaker",
                self.part(|q| &q.speaker).present().map(PySpeaker),
            )?
            .field("cue", self.part(|q| &q.cue).present().map(PyTextSpan))?
            .finish())
    }
}

result_class! {
    /// The speaker of a quote: a canonical name and the mention that names them.
    PySpeaker wraps core::Speaker as "Speaker", spanned;

    /// Canonical name of the speaker.
    #[getter]
    fn name(&self) -> &str {
        &self.0.bytes.name
    }

    /// The id of the speaker's entity, when it is one.
    #[getter]
    fn entity(&self) -> Option<u32> {
        self.0.bytes.entity
    }

    /// The mention that names the speaker, as written ("he", "Miller").
    #[getter]
    fn text(&self) -> &str {
        &self.0.bytes.text
    }
}

impl View for Both<core::Speaker> {
    const NAME: &'static str = "Speaker";

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let (chars, bytes) = spans!(self);
        let dict = PyDict::new(py);
        dict.set_item("name", &self.bytes.name)?;
        dict.set_item("entity", self.bytes.entity)?;
        dict.set_item("text", &self.bytes.text)?;
        put_span(&dict, chars, bytes)?;
        Ok(dict)
    }

    fn repr(&self, py: Python<'_>) -> PyResult<String> {
        Ok(Repr::new(py, Self::NAME)
            .field("name", &self.bytes.name)?
            .field("entity", self.bytes.entity)?
            .field("text", &self.bytes.text)?
            .field("start", self.chars.start)?
            .field("end", self.chars.end)?
            .finish())
    }
}

// ---------------------------------------------------------------------------------------------
// Times, quantities, acronyms

result_class! {
    /// A time expression with its TIMEX3-style value.
    PyTimeExpression wraps core::TimeExpression as "TimeExpression", spanned;

    /// The expression as written.
    #[getter]
    fn text(&self) -> &str {
        &self.0.bytes.text
    }

    /// TIMEX3 type: "date", "time", "duration" or "set".
    #[getter]
    fn kind(&self) -> String {
        kind_name(&self.0.bytes.kind)
    }

    /// TIMEX3-style value: "2023-05-09", "2021-08", "2023-W19", "P3Y", "PAST_REF".
    #[getter]
    fn value(&self) -> &str {
        &self.0.bytes.value
    }

    /// False when the value depends on a reference date that was not available.
    #[getter]
    fn anchored(&self) -> bool {
        self.0.bytes.anchored
    }
}

impl View for Both<core::TimeExpression> {
    const NAME: &'static str = "TimeExpression";

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let (chars, bytes) = spans!(self);
        let dict = spanned_dict(py, &self.bytes.text, chars, bytes)?;
        dict.set_item("kind", kind_name(&self.bytes.kind))?;
        dict.set_item("value", &self.bytes.value)?;
        dict.set_item("anchored", self.bytes.anchored)?;
        Ok(dict)
    }

    fn repr(&self, py: Python<'_>) -> PyResult<String> {
        Ok(Repr::new(py, Self::NAME)
            .field("text", &self.bytes.text)?
            .field("start", self.chars.start)?
            .field("end", self.chars.end)?
            .field("kind", kind_name(&self.bytes.kind))?
            .field("value", &self.bytes.value)?
            .field("anchored", self.bytes.anchored)?
            .finish())
    }
}

result_class! {
    /// A number with what it counts.
    PyQuantity wraps core::Quantity as "Quantity", spanned;

    /// The quantity as written ("at least 103 people").
    #[getter]
    fn text(&self) -> &str {
        &self.0.bytes.text
    }

    /// The numeric value (103, 2500000, 15).
    #[getter]
    fn value(&self) -> f64 {
        self.0.bytes.value
    }

    /// The counted noun ("people").
    #[getter]
    fn noun(&self) -> Option<&str> {
        self.0.bytes.noun.as_deref()
    }

    /// How the number is hedged: "exact", "at_least", "at_most", "about", "more_than",
    /// "less_than".
    #[getter]
    fn qualifier(&self) -> String {
        kind_name(&self.0.bytes.qualifier)
    }

    /// Unit or currency ("percent", "USD", "tonne").
    #[getter]
    fn unit(&self) -> Option<&str> {
        self.0.bytes.unit.as_deref()
    }
}

impl View for Both<core::Quantity> {
    const NAME: &'static str = "Quantity";

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let (chars, bytes) = spans!(self);
        let dict = spanned_dict(py, &self.bytes.text, chars, bytes)?;
        dict.set_item("value", self.bytes.value)?;
        dict.set_item("noun", &self.bytes.noun)?;
        dict.set_item("qualifier", kind_name(&self.bytes.qualifier))?;
        dict.set_item("unit", &self.bytes.unit)?;
        Ok(dict)
    }

    fn repr(&self, py: Python<'_>) -> PyResult<String> {
        Ok(Repr::new(py, Self::NAME)
            .field("text", &self.bytes.text)?
            .field("start", self.chars.start)?
            .field("end", self.chars.end)?
            .field("value", self.bytes.value)?
            .field("noun", &self.bytes.noun)?
            .field("qualifier", kind_name(&self.bytes.qualifier))?
            .field("unit", &self.bytes.unit)?
            .finish())
    }
}

result_class! {
    /// An acronym defined in the text, "Tehreek-e-Taliban Pakistan (TTP)".
    PyAcronym wraps core::Acronym as "Acronym", spanned;

    /// The acronym ("TTP").
    #[getter]
    fn acronym(&self) -> &str {
        &self.0.bytes.acronym
    }

    /// What it stands for ("Tehreek-e-Taliban Pakistan").
    #[getter]
    fn expansion(&self) -> &str {
        &self.0.bytes.expansion
    }

    /// The definition as written.
    #[getter]
    fn text(&self) -> &str {
        &self.0.bytes.text
    }
}

impl View for Both<core::Acronym> {
    const NAME: &'static str = "Acronym";

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let (chars, bytes) = spans!(self);
        let dict = PyDict::new(py);
        dict.set_item("acronym", &self.bytes.acronym)?;
        dict.set_item("expansion", &self.bytes.expansion)?;
        dict.set_item("text", &self.bytes.text)?;
        put_span(&dict, chars, bytes)?;
        Ok(dict)
    }

    fn repr(&self, py: Python<'_>) -> PyResult<String> {
        Ok(Repr::new(py, Self::NAME)
            .field("acronym", &self.bytes.acronym)?
            .field("expansion", &self.bytes.expansion)?
            .field("text", &self.bytes.text)?
            .field("start", self.chars.start)?
            .field("end", self.chars.end)?
            .finish())
    }
}
