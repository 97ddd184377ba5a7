//! The owned, serialisable result of extraction: [`Article`] and every type in it.
//!
//! These types are the JSON contract of `DESIGN.md` (schema_version 1): field names are public
//! and may be extended but never renamed. Every span is a pair of byte offsets into the original
//! input, on char boundaries, and `&input[start..end]` equals the item's `text`.
//!
//! The types hold no logic beyond small accessors; the passes under `extract/` fill them.

use serde::{Deserialize, Serialize};

/// The version of the JSON contract these types serialise to.
pub const SCHEMA_VERSION: u32 = 1;

/// Everything newsextract found in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Article {
    /// Version of the JSON contract; always [`SCHEMA_VERSION`] for articles made by this crate.
    pub schema_version: u32,
    /// The title line, when the text starts with one.
    pub headline: Option<Headline>,
    /// The place/date/agency line that opens a news story, when there is one.
    pub dateline: Option<Dateline>,
    /// The author line (`By Jane Doe`) or, failing that, the trailing reporting credits.
    pub byline: Option<Byline>,
    /// Body paragraphs in text order, each with its sentences.
    pub paragraphs: Vec<Paragraph>,
    /// "Also read:" style lines pointing at other articles, which are not body text.
    pub related: Vec<Related>,
    /// Other lines a scraper leaves in the body (share prompts, adverts, copyright lines).
    #[serde(default)]
    pub boilerplate: Vec<Boilerplate>,
    /// Named entities, each with all its mentions.
    pub entities: Vec<Entity>,
    /// Quotes with their speakers.
    pub quotes: Vec<Quote>,
    /// Time expressions normalised to TIMEX3-style values.
    pub times: Vec<TimeExpression>,
    /// Numbers with what they count.
    pub quantities: Vec<Quantity>,
    /// Acronyms defined in the text with their expansion.
    pub acronyms: Vec<Acronym>,
}

impl Default for Article {
    fn default() -> Self {
        Article {
            schema_version: SCHEMA_VERSION,
            headline: None,
            dateline: None,
            byline: None,
            paragraphs: Vec::new(),
            related: Vec::new(),
            boilerplate: Vec::new(),
            entities: Vec::new(),
            quotes: Vec::new(),
            times: Vec::new(),
            quantities: Vec::new(),
            acronyms: Vec::new(),
        }
    }
}

/// A half-open range of offsets `start..end` into the input text.
///
/// In the core and in the CLI's default JSON these are byte offsets; the boundary layers may
/// convert them to code points or UTF-16 units (see [`crate::OffsetUnit`]).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The span as a range, for slicing the input.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Length in offset units.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }
}

/// A piece of the input: its text and where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TextSpan {
    /// The covered text, exactly as in the input.
    pub text: String,
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
}

impl TextSpan {
    /// The span of this piece.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// The headline: the article's title line.
pub type Headline = TextSpan;

/// The dateline: `LONDON, May 3 (Reuters) -` and its parts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Dateline {
    /// The whole dateline as written, without the separator that ends it.
    pub text: String,
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// The place in display casing ("Islamabad" for "ISLAMABAD").
    pub location: Option<String>,
    /// A region or state written after the place ("Va.", "MICH.").
    pub region: Option<String>,
    /// ISO 3166-1 alpha-2 code of the place's country, when the place is known.
    pub country: Option<String>,
    /// The news agency or desk ("Reuters", "Web Desk").
    pub source: Option<String>,
    /// The date written in the dateline.
    pub date: Option<DatelineDate>,
}

/// A date written in a dateline, normalised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DatelineDate {
    /// The date as written ("May 3").
    pub text: String,
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// TIMEX3-style value: "1987-02-26" when a year is known, "XXXX-02-26" when not.
    pub value: String,
    /// False when the year came from neither the text nor a reference date.
    pub anchored: bool,
}

/// The byline and the authors it names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Byline {
    /// The byline as written.
    pub text: String,
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// Author names, in order ("Jane Doe"); desks such as "Staff Reporter" are kept as written.
    pub authors: Vec<String>,
}

/// A body paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Paragraph {
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// Sentences inside the paragraph, in order.
    pub sentences: Vec<Sentence>,
}

/// A sentence inside a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Sentence {
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
}

/// A line pointing at another article ("Also read: ...").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Related {
    /// The whole line as written.
    pub text: String,
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// The linked article's title, without the lead-in.
    pub title: String,
    /// Which lead-in introduced it.
    pub kind: RelatedKind,
}

/// The lead-in of a related-article line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RelatedKind {
    /// "Also read:", "Also Read |".
    AlsoRead,
    /// "Read more:", "READ MORE:".
    ReadMore,
    /// "Read also:".
    ReadAlso,
    /// "Related:", "RELATED:".
    Related,
    /// "See also:".
    SeeAlso,
}

/// A line that is neither body text nor a related-article link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Boilerplate {
    /// The line as written.
    pub text: String,
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// What kind of line it is.
    pub kind: BoilerplateKind,
}

/// The kind of a boilerplate line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BoilerplateKind {
    /// "Follow us on ...", "Share on ...".
    Social,
    /// "Click here ...".
    ClickHere,
    /// "Subscribe ...", newsletter prompts.
    Subscribe,
    /// "Advertisement".
    Advertisement,
    /// "Copyright ...", "© ...", "All rights reserved".
    Copyright,
    /// Trailing credits: "(Reporting by ...; Editing by ...)".
    Credits,
}

/// A named entity and all its mentions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Entity {
    /// Identifier, unique within the article; quotes refer to speakers by it.
    pub id: u32,
    /// What kind of thing it is.
    pub kind: EntityKind,
    /// Canonical name: "Matthew Miller", "Islamabad".
    pub name: String,
    /// Every place the entity is named, in text order.
    pub mentions: Vec<TextSpan>,
    /// Titles and roles given to a person ("US State Department Spokesperson").
    pub titles: Vec<String>,
    /// The acronym the entity goes by ("TTP").
    pub acronym: Option<String>,
    /// ISO 3166-1 alpha-2 code, for places and nationalities.
    pub country: Option<String>,
    /// Coordinates of a place resolved to a GeoNames entry.
    pub geo: Option<Geo>,
}

/// The kind of an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EntityKind {
    /// A person.
    Person,
    /// A company, government body, party, group or agency.
    Organization,
    /// A place: country, region, city.
    Location,
    /// A nationality or people ("Pakistani", "Afghans").
    Nationality,
    /// Any other name (events, works, products).
    Misc,
}

/// Coordinates of a place from GeoNames.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Geo {
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// The GeoNames identifier.
    pub geonames_id: u64,
}

/// Something someone said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Quote {
    /// The quoted words, without the quote marks.
    pub text: String,
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// Direct, partial or reported speech.
    pub kind: QuoteKind,
    /// Who said it, when known.
    pub speaker: Option<Speaker>,
    /// The speech verb phrase ("said", "told reporters", "according to").
    pub cue: Option<TextSpan>,
}

/// The kind of a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum QuoteKind {
    /// A whole quoted utterance in quote marks.
    Direct,
    /// Quoted words inside the writer's own sentence.
    Partial,
    /// Reported speech without quote marks.
    Indirect,
}

/// The speaker of a quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Speaker {
    /// Canonical name of the speaker.
    pub name: String,
    /// The id of the speaker's entity, when it is one.
    pub entity: Option<u32>,
    /// The mention that names the speaker, as written ("he", "Miller").
    pub text: String,
    /// Start offset of that mention.
    pub start: usize,
    /// End offset of that mention (exclusive).
    pub end: usize,
}

/// A time expression with its normalised value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TimeExpression {
    /// The expression as written.
    pub text: String,
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// TIMEX3 type.
    pub kind: TimeKind,
    /// TIMEX3-style value: "2023-05-09", "2021-08", "2023-W19", "P3Y", "PAST_REF".
    pub value: String,
    /// False when the value depends on a reference date that was not available.
    pub anchored: bool,
}

/// The TIMEX3 type of a time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TimeKind {
    /// A calendar date or period.
    Date,
    /// A time of day.
    Time,
    /// A length of time.
    Duration,
    /// A recurrence.
    Set,
}

/// A number with what it counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Quantity {
    /// The quantity as written ("at least 103 people").
    pub text: String,
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// The numeric value (103, 2500000, 15).
    pub value: f64,
    /// The counted noun ("people").
    pub noun: Option<String>,
    /// How the number is hedged.
    pub qualifier: Qualifier,
    /// Unit or currency ("percent", "USD", "tonne").
    pub unit: Option<String>,
}

/// How a quantity is hedged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Qualifier {
    /// No hedge.
    Exact,
    /// "at least".
    AtLeast,
    /// "at most", "up to".
    AtMost,
    /// "about", "nearly", "some".
    About,
    /// "more than", "over".
    MoreThan,
    /// "less than", "under".
    LessThan,
}

/// An acronym defined in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Acronym {
    /// The acronym ("TTP").
    pub acronym: String,
    /// What it stands for ("Tehreek-e-Taliban Pakistan").
    pub expansion: String,
    /// The definition as written.
    pub text: String,
    /// Start offset of the definition.
    pub start: usize,
    /// End offset of the definition (exclusive).
    pub end: usize,
}

impl Article {
    /// Serialises the article to compact JSON.
    pub fn to_json(&self) -> String {
        // Serialising these plain types cannot fail: no maps with non-string keys, no I/O.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Serialises the article to indented JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Calls `f` on every offset in the article, `start` before `end`, in a fixed order.
    ///
    /// The boundary layers use it to convert byte offsets to other units in one place.
    pub fn for_each_offset_mut(&mut self, mut f: impl FnMut(&mut usize)) {
        let mut pair = |start: &mut usize, end: &mut usize| {
            f(start);
            f(end);
        };
        if let Some(h) = &mut self.headline {
            pair(&mut h.start, &mut h.end);
        }
        if let Some(d) = &mut self.dateline {
            pair(&mut d.start, &mut d.end);
            if let Some(date) = &mut d.date {
                pair(&mut date.start, &mut date.end);
            }
        }
        if let Some(b) = &mut self.byline {
            pair(&mut b.start, &mut b.end);
        }
        for p in &mut self.paragraphs {
            pair(&mut p.start, &mut p.end);
            for s in &mut p.sentences {
                pair(&mut s.start, &mut s.end);
            }
        }
        for r in &mut self.related {
            pair(&mut r.start, &mut r.end);
        }
        for b in &mut self.boilerplate {
            pair(&mut b.start, &mut b.end);
        }
        for e in &mut self.entities {
            for m in &mut e.mentions {
                pair(&mut m.start, &mut m.end);
            }
        }
        for q in &mut self.quotes {
            pair(&mut q.start, &mut q.end);
            if let Some(s) = &mut q.speaker {
                pair(&mut s.start, &mut s.end);
            }
            if let Some(c) = &mut q.cue {
                pair(&mut c.start, &mut c.end);
            }
        }
        for t in &mut self.times {
            pair(&mut t.start, &mut t.end);
        }
        for q in &mut self.quantities {
            pair(&mut q.start, &mut q.end);
        }
        for a in &mut self.acronyms {
            pair(&mut a.start, &mut a.end);
        }
    }

    /// What breaks the span invariant of this article on `text`, the text it was extracted
    /// from: a span out of bounds or off a char boundary, a span that does not slice to its
    /// item's `text`, a sentence outside its paragraph. Empty when the article keeps it.
    ///
    /// Useful after reading an article back from JSON, to check it belongs to a text.
    ///
    /// ```
    /// let text = "PARIS (AFP) - Rain fell on Monday, officials said.";
    /// let article = newsextract::extract(text);
    /// assert!(article.span_errors(text).is_empty());
    /// assert!(!article.span_errors("PARIS").is_empty());
    /// ```
    pub fn span_errors(&self, text: &str) -> Vec<String> {
        let mut errors = Vec::new();
        for (span, item) in self.spans() {
            let in_bounds = span.start <= span.end && span.end <= text.len();
            if !in_bounds || !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end)
            {
                errors.push(format!(
                    "span {span:?} is not within the text ({} bytes) on char boundaries",
                    text.len()
                ));
                continue;
            }
            if let Some(item) = item {
                if &text[span.range()] != item {
                    errors.push(format!(
                        "span {span:?} slices to {:?}, not {item:?}",
                        &text[span.range()]
                    ));
                }
            }
        }
        for paragraph in &self.paragraphs {
            for sentence in &paragraph.sentences {
                if sentence.start < paragraph.start || sentence.end > paragraph.end {
                    errors.push(format!(
                        "sentence {}..{} outside its paragraph {}..{}",
                        sentence.start, sentence.end, paragraph.start, paragraph.end
                    ));
                }
            }
        }
        errors
    }

    /// Every `(start, end, text)` triple in the article, for checking the span invariant.
    ///
    /// Items without a `text` field (paragraphs, sentences) are given with `None`.
    pub fn spans<'a>(&'a self) -> Vec<(Span, Option<&'a str>)> {
        let mut out: Vec<(Span, Option<&str>)> = Vec::new();
        let mut push = |start: usize, end: usize, text: Option<&'a str>| {
            out.push((Span::new(start, end), text));
        };
        if let Some(h) = &self.headline {
            push(h.start, h.end, Some(&h.text));
        }
        if let Some(d) = &self.dateline {
            push(d.start, d.end, Some(&d.text));
            if let Some(date) = &d.date {
                push(date.start, date.end, Some(&date.text));
            }
        }
        if let Some(b) = &self.byline {
            push(b.start, b.end, Some(&b.text));
        }
        for p in &self.paragraphs {
            push(p.start, p.end, None);
            for s in &p.sentences {
                push(s.start, s.end, None);
            }
        }
        for r in &self.related {
            push(r.start, r.end, Some(&r.text));
        }
        for b in &self.boilerplate {
            push(b.start, b.end, Some(&b.text));
        }
        for e in &self.entities {
            for m in &e.mentions {
                push(m.start, m.end, Some(&m.text));
            }
        }
        for q in &self.quotes {
            push(q.start, q.end, Some(&q.text));
            if let Some(s) = &q.speaker {
                push(s.start, s.end, Some(&s.text));
            }
            if let Some(c) = &q.cue {
                push(c.start, c.end, Some(&c.text));
            }
        }
        for t in &self.times {
            push(t.start, t.end, Some(&t.text));
        }
        for q in &self.quantities {
            push(q.start, q.end, Some(&q.text));
        }
        for a in &self.acronyms {
            push(a.start, a.end, Some(&a.text));
        }
        out
    }
}
