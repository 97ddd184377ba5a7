//! An [`Article`] as HTML: the text marked up the way an editor would mark it.
//!
//! [`Article::to_html`] gives a self-contained fragment for notebooks (Python's
//! `Article._repr_html_()` shows it) and [`Article::to_html_page`] a whole document (the
//! command line's `--format html`). The fragment shows the headline, the dateline and byline
//! with their parts, the body paragraphs with entity mentions highlighted by kind, quotes set
//! off with their speaker beside them, time expressions and quantities marked, the
//! related-article and boilerplate lines apart from the body, and tables of entities and
//! quotes. Hovering a highlight shows what newsextract knows of it (the `title` attribute).
//!
//! The HTML has inline CSS scoped under one wrapper class (`newsextract`) and nothing else: no
//! script, no font or image from anywhere. Every piece of text is escaped, attribute values
//! included, so an article holding `<script>` shows it as text. Any article and text give
//! well-formed output without panicking: spans that do not fit the text (another text, a
//! hand-edited JSON) are left unmarked and counted in a note at the end.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::model::{Article, BoilerplateKind, EntityKind, Qualifier, QuoteKind, RelatedKind};
use crate::model::{Entity, Quote, TimeKind};

/// Quotes nested deeper than this inside other quotes are not marked: a reported sentence
/// holding a partial quote is two levels, and a bound keeps the work per character constant.
const MAX_QUOTE_DEPTH: usize = 3;

/// A dateline is shown inline, at the start of the paragraph after it, when only this many
/// characters (a separator such as " - " or " — ") stand between the two.
const MAX_DATELINE_GAP_CHARS: usize = 6;

/// The style of the fragment. Every selector is scoped under `.newsextract` so that nothing
/// leaks into the notebook page around it; the colours are translucent or mid-tone so that
/// they read on light and dark backgrounds alike, and text keeps the page's own colour.
const CSS: &str = "\
.newsextract{--ne-quote:#0c9483;--ne-time:#b07800;--ne-qty:#d0287a;\
font-family:Georgia,'Times New Roman',Times,serif;font-size:16px;line-height:1.6;\
max-width:52em;overflow-wrap:anywhere;word-break:normal;text-align:start;color:inherit}\
.newsextract *{box-sizing:border-box}\
.newsextract .ne-headline{font-size:1.55em;line-height:1.25;font-weight:700;margin:.1em 0 .35em}\
.newsextract .ne-sans,.newsextract .ne-meta,.newsextract .ne-legend,.newsextract .ne-aside,\
.newsextract .ne-tables,.newsextract .ne-speaker,.newsextract .ne-note{\
font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif}\
.newsextract .ne-meta{font-size:.85em;margin:0 0 .6em;display:grid;grid-template-columns:auto 1fr;gap:.1em .8em}\
.newsextract .ne-meta dt{font-weight:600;opacity:.7;margin:0}\
.newsextract .ne-meta dd{margin:0}\
.newsextract .ne-part{opacity:.8}\
.newsextract .ne-legend{font-size:.78em;display:flex;flex-wrap:wrap;gap:.35em .5em;align-items:center;\
padding:.45em 0;margin:0 0 .9em;border-top:1px solid rgba(128,128,128,.35);border-bottom:1px solid rgba(128,128,128,.35)}\
.newsextract .ne-legend>span{white-space:nowrap;line-height:1.9}\
.newsextract .ne-body p{margin:0 0 .85em}\
.newsextract .ne-dateline{font-weight:700;font-variant-caps:small-caps;letter-spacing:.02em}\
.newsextract .ne-ent{border-radius:.25em;padding:.05em .12em;unicode-bidi:isolate;\
-webkit-box-decoration-break:clone;box-decoration-break:clone}\
.newsextract .ne-person{background:rgba(56,132,255,.26)}\
.newsextract .ne-organization{background:rgba(255,140,0,.30)}\
.newsextract .ne-location{background:rgba(34,170,85,.28)}\
.newsextract .ne-nationality{background:rgba(170,85,255,.26)}\
.newsextract .ne-misc{background:rgba(128,128,128,.30)}\
.newsextract .ne-time{border:1.5px solid var(--ne-time);border-radius:.3em;padding:0 .1em;unicode-bidi:isolate;\
-webkit-box-decoration-break:clone;box-decoration-break:clone}\
.newsextract .ne-qty{border:1.5px dashed var(--ne-qty);border-radius:.3em;padding:0 .1em;unicode-bidi:isolate;\
-webkit-box-decoration-break:clone;box-decoration-break:clone}\
.newsextract .ne-quote{background:rgba(12,148,131,.09);border-bottom:2px solid var(--ne-quote);padding-bottom:1px}\
.newsextract .ne-quote-direct,.newsextract .ne-quote-partial{font-style:italic}\
.newsextract .ne-quote-indirect{border-bottom-style:dashed}\
.newsextract .ne-quote-partial{border-bottom-style:dotted;border-bottom-width:3px}\
.newsextract .ne-speaker{display:inline-block;font-style:normal;font-weight:600;font-size:.7em;line-height:1.4;\
vertical-align:.15em;margin:0 .3em;padding:0 .55em;border-radius:1em;background:rgba(12,148,131,.20);\
border:1px solid var(--ne-quote);color:inherit;text-decoration:none;unicode-bidi:isolate}\
.newsextract a.ne-speaker:hover{background:rgba(12,148,131,.38)}\
.newsextract .ne-aside{font-size:.85em;margin:0 0 1em}\
.newsextract .ne-aside h3,.newsextract .ne-tables caption{font-size:1em;font-weight:700;margin:.3em 0;\
text-align:start;caption-side:top;padding:.2em 0}\
.newsextract .ne-aside ul{margin:.2em 0;padding-inline-start:1.2em}\
.newsextract .ne-tag{display:inline-block;font-size:.8em;font-weight:600;text-transform:uppercase;\
letter-spacing:.04em;opacity:.75;margin-inline-end:.5em;font-style:normal}\
.newsextract .ne-tables{font-size:.82em}\
.newsextract table{border-collapse:collapse;width:100%;table-layout:fixed;margin:.3em 0 1.1em}\
.newsextract .ne-entities col.ne-c1{width:30%}.newsextract .ne-entities col.ne-c2{width:14%}\
.newsextract .ne-entities col.ne-c3{width:10%}.newsextract .ne-entities col.ne-c4{width:28%}\
.newsextract .ne-quotes col.ne-c1{width:22%}.newsextract .ne-quotes col.ne-c2{width:12%}\
.newsextract th,.newsextract td{border-bottom:1px solid rgba(128,128,128,.3);padding:.22em .5em;\
text-align:start;vertical-align:top}\
.newsextract th{font-weight:600;opacity:.75;border-bottom-width:2px}\
.newsextract td.ne-num{text-align:end;font-variant-numeric:tabular-nums}\
.newsextract .ne-small{font-size:.85em;opacity:.75}\
.newsextract tr:target{background:rgba(12,148,131,.18)}\
.newsextract a{color:inherit}\
.newsextract .ne-note{font-size:.8em;opacity:.75;margin:.4em 0}";

/// The style of a whole page: the fragment's background follows the reader's light or dark
/// preference.
const PAGE_CSS: &str = "\
:root{color-scheme:light dark}\
body{margin:2em auto;max-width:56em;padding:0 1.2em;background:#fff;color:#1d1d1f}\
@media (prefers-color-scheme:dark){body{background:#1b1c1e;color:#e6e6e6}}\
.ne-file{font:600 .8em system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;opacity:.7;\
margin:2.5em 0 .5em;padding-top:.8em;border-top:3px double rgba(128,128,128,.5);overflow-wrap:anywhere}\
.ne-file:first-child{margin-top:0;border-top:0;padding-top:0}";

impl Article {
    /// The article as a self-contained HTML fragment: one `<div class="newsextract">` with its
    /// own scoped `<style>`, no script and nothing fetched.
    ///
    /// `text` is the input the article was extracted from: spans are byte offsets into it, and
    /// the body paragraphs are read from it. With another text (or `""`) the output is still
    /// well-formed: what does not fit is left out and a note says so.
    ///
    /// ```
    /// let text = "Floods hit Lahore\n\nLAHORE: Officials said at least 12 people died on Monday.";
    /// let article = newsextract::extract(text);
    /// let html = article.to_html(text);
    /// assert!(html.starts_with("<div class=\"newsextract\""));
    /// assert!(html.contains("<span class=\"ne-ent ne-location\" data-entity="));
    /// ```
    pub fn to_html(&self, text: &str) -> String {
        Renderer::new(self, text).render()
    }

    /// The article as a whole HTML document (the fragment of [`Article::to_html`] in a page
    /// with the headline as its title), ready to save and open in a browser.
    pub fn to_html_page(&self, text: &str) -> String {
        let title = self
            .headline
            .as_ref()
            .map(|h| h.text.as_str())
            .unwrap_or("newsextract");
        let mut page = page_start(title);
        page.push_str(&self.to_html(text));
        page.push_str(page_end());
        page
    }
}

/// The start of an HTML document that holds one or more fragments of [`Article::to_html`]:
/// the doctype, a head with `title` (escaped), the page style and a content security policy
/// that forbids scripts and every fetch, and the opening `<body>`. Close it with [`page_end`].
pub fn page_start(title: &str) -> String {
    let mut out = String::with_capacity(1024);
    out.push_str(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <meta name=\"generator\" content=\"newsextract\">\n<title>",
    );
    escape_into(&mut out, title);
    out.push_str("</title>\n<style>");
    out.push_str(PAGE_CSS);
    out.push_str("</style>\n</head>\n<body>\n");
    out
}

/// A caption naming the input of the article that follows, for pages with several articles.
pub fn page_caption(caption: &str) -> String {
    let mut out = String::from("<h2 class=\"ne-file\" dir=\"auto\">");
    escape_into(&mut out, caption);
    out.push_str("</h2>\n");
    out
}

/// The end of a document begun with [`page_start`].
pub fn page_end() -> &'static str {
    "</body>\n</html>\n"
}

/// Writes `text` with `& < > " '` escaped, so that it is text in element content and in
/// quoted attribute values alike.
fn escape_into(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = rest.find(['&', '<', '>', '"', '\'']) {
        out.push_str(&rest[..at]);
        // Every character searched for is one byte long.
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

/// `text`, escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    escape_into(&mut out, text);
    out
}

/// Which kind of highlight a mark is; when two marks cover the same span the earlier layer is
/// the outer element, so entity colour sits closest to the words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Layer {
    Quote,
    Quantity,
    Time,
    Entity,
}

/// One highlight over a span of the input.
#[derive(Debug)]
struct Mark<'a> {
    start: usize,
    end: usize,
    /// The item's own text, to check the span against the text it is shown in.
    text: &'a str,
    layer: Layer,
    /// Index of the start tag in `Renderer::tags`, repeated on each piece when a crossing
    /// highlight splits this one.
    tag: usize,
    /// `id` of the first piece, the target of in-page links.
    anchor: Option<String>,
    /// The index of the quote in `Article::quotes`, for quote marks.
    quote: Option<usize>,
    /// True when the span slices the whole text to `text`.
    fits_text: bool,
}

impl Mark<'_> {
    fn close_tag(&self) -> &'static str {
        "</span>"
    }
}

/// HTML to write at a point of the text: a quote's speaker badge, after the closing quote
/// mark.
#[derive(Debug)]
struct Insert {
    at: usize,
    /// The quote mark it belongs to: the badge shows only when the quote was shown.
    mark: usize,
    html: String,
}

/// The state of one rendering.
#[derive(Debug)]
struct Renderer<'a> {
    article: &'a Article,
    text: &'a str,
    /// Prefix of every `id`, so that several articles on one page keep their links apart.
    prefix: String,
    /// Sorted by start, longest first, then layer.
    marks: Vec<Mark<'a>>,
    /// `max_end[i]` is the largest end among `marks[..=i]`, to find marks reaching into a
    /// region from before it.
    max_end: Vec<usize>,
    tags: Vec<String>,
    opened: Vec<bool>,
    inserts: Vec<Insert>,
    inserted: Vec<bool>,
    /// Index into `Article::entities` by entity id.
    entity_index: HashMap<u32, usize>,
    /// Spans (marks and regions) that did not fit the text.
    misfits: usize,
    /// Where the last region's search for marks ended.
    cursor: Option<Cursor>,
}

/// The marks open at the start of the last region rendered, and the next mark not yet seen.
#[derive(Debug)]
struct Cursor {
    base: usize,
    next: usize,
    open: Vec<usize>,
}

/// A short hash of the input, for `id` prefixes that are the same on every run.
fn fingerprint(parts: &[&str]) -> u32 {
    // FNV-1a: tiny, deterministic, and good enough to keep articles on one page apart.
    let mut hash: u32 = 0x811c_9dc5;
    for part in parts {
        for byte in part.bytes().chain([0xff]) {
            hash ^= u32::from(byte);
            hash = hash.wrapping_mul(0x0100_0193);
        }
    }
    hash
}

fn entity_kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Organization => "organization",
        EntityKind::Location => "location",
        EntityKind::Nationality => "nationality",
        EntityKind::Misc => "misc",
    }
}

fn quote_kind_name(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::Indirect => "indirect",
    }
}

fn time_kind_name(kind: TimeKind) -> &'static str {
    match kind {
        TimeKind::Date => "date",
        TimeKind::Time => "time",
        TimeKind::Duration => "duration",
        TimeKind::Set => "set",
    }
}

fn qualifier_words(qualifier: Qualifier) -> Option<&'static str> {
    match qualifier {
        Qualifier::Exact => None,
        Qualifier::AtLeast => Some("at least"),
        Qualifier::AtMost => Some("at most"),
        Qualifier::About => Some("about"),
        Qualifier::MoreThan => Some("more than"),
        Qualifier::LessThan => Some("less than"),
    }
}

fn related_kind_words(kind: RelatedKind) -> &'static str {
    match kind {
        RelatedKind::AlsoRead => "also read",
        RelatedKind::ReadMore => "read more",
        RelatedKind::ReadAlso => "read also",
        RelatedKind::Related => "related",
        RelatedKind::SeeAlso => "see also",
    }
}

fn boilerplate_kind_words(kind: BoilerplateKind) -> &'static str {
    match kind {
        BoilerplateKind::Social => "social",
        BoilerplateKind::ClickHere => "click here",
        BoilerplateKind::Subscribe => "subscribe",
        BoilerplateKind::Advertisement => "advert",
        BoilerplateKind::Copyright => "copyright",
        BoilerplateKind::Credits => "credits",
    }
}

/// What hovering a mention of `entity` shows.
fn entity_tooltip(entity: &Entity) -> String {
    let mut lines = vec![format!(
        "{} ({})",
        entity.name,
        entity_kind_name(entity.kind)
    )];
    if let Some(acronym) = &entity.acronym {
        lines.push(format!("acronym: {acronym}"));
    }
    if !entity.titles.is_empty() {
        lines.push(format!("titles: {}", entity.titles.join("; ")));
    }
    if let Some(country) = &entity.country {
        lines.push(format!("country: {country}"));
    }
    if let Some(geo) = &entity.geo {
        lines.push(format!(
            "coordinates: {}, {} (GeoNames {})",
            geo.lat, geo.lon, geo.geonames_id
        ));
    }
    lines.join("\n")
}

/// What hovering a quote shows.
fn quote_tooltip(quote: &Quote) -> String {
    let mut out = format!("{} quote", quote_kind_name(quote.kind));
    match &quote.speaker {
        Some(speaker) => {
            let _ = write!(out, "\nspeaker: {}", speaker.name);
            if speaker.text != speaker.name {
                let _ = write!(out, " (as \u{201c}{}\u{201d})", speaker.text);
            }
        }
        None => out.push_str("\nspeaker unknown"),
    }
    if let Some(cue) = &quote.cue {
        let _ = write!(out, "\ncue: {}", cue.text);
    }
    out
}

/// Whether this character, right after a quote, still belongs to it (a closing quote mark or
/// the punctuation before one), so that the speaker badge goes after it.
fn closes_a_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{201d}'
            | '\u{2019}'
            | '\u{00bb}'
            | '\u{203a}'
            | '\u{300d}'
            | '\u{300f}'
            | ','
            | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | '\u{060c}'
            | '\u{06d4}'
    )
}

impl<'a> Renderer<'a> {
    fn new(article: &'a Article, text: &'a str) -> Renderer<'a> {
        let headline = article.headline.as_ref().map_or("", |h| h.text.as_str());
        let prefix = format!("ne{:08x}", fingerprint(&[text, headline]));
        let mut renderer = Renderer {
            article,
            text,
            prefix,
            marks: Vec::new(),
            max_end: Vec::new(),
            tags: Vec::new(),
            opened: Vec::new(),
            inserts: Vec::new(),
            inserted: Vec::new(),
            entity_index: HashMap::new(),
            misfits: 0,
            cursor: None,
        };
        for (index, entity) in article.entities.iter().enumerate() {
            renderer.entity_index.entry(entity.id).or_insert(index);
        }
        renderer.collect_marks();
        renderer
    }

    /// Makes the marks of every entity mention, quote, time and quantity, drops those that
    /// overlap another of their layer, and sorts them.
    fn collect_marks(&mut self) {
        let article = self.article;
        let mut marks: Vec<Mark<'a>> = Vec::new();
        for entity in &article.entities {
            let kind = entity_kind_name(entity.kind);
            let tag = self.tags.len();
            self.tags.push(format!(
                "<span class=\"ne-ent ne-{kind}\" data-entity=\"{}\" title=\"{}\"",
                entity.id,
                escape(&entity_tooltip(entity))
            ));
            for mention in &entity.mentions {
                marks.push(self.mark(
                    mention.start,
                    mention.end,
                    &mention.text,
                    Layer::Entity,
                    tag,
                ));
            }
        }
        for (index, quote) in article.quotes.iter().enumerate() {
            let tag = self.tags.len();
            let speaker_entity = quote.speaker.as_ref().and_then(|s| s.entity);
            let mut open = format!(
                "<span class=\"ne-quote ne-quote-{}\" title=\"{}\"",
                quote_kind_name(quote.kind),
                escape(&quote_tooltip(quote))
            );
            if let Some(id) = speaker_entity {
                let _ = write!(open, " data-speaker=\"{id}\"");
            }
            self.tags.push(open);
            let mut mark = self.mark(quote.start, quote.end, &quote.text, Layer::Quote, tag);
            mark.anchor = Some(format!("{}-q{index}", self.prefix));
            mark.quote = Some(index);
            marks.push(mark);
        }
        for time in &article.times {
            let tag = self.tags.len();
            let mut tooltip = format!("{}: {}", time_kind_name(time.kind), time.value);
            if !time.anchored {
                tooltip.push_str("\nnot anchored: no reference date resolved it");
            }
            self.tags.push(format!(
                "<span class=\"ne-time\" data-value=\"{}\" title=\"{}\"",
                escape(&time.value),
                escape(&tooltip)
            ));
            marks.push(self.mark(time.start, time.end, &time.text, Layer::Time, tag));
        }
        for quantity in &article.quantities {
            let tag = self.tags.len();
            let mut tooltip = String::from("quantity: ");
            if let Some(words) = qualifier_words(quantity.qualifier) {
                let _ = write!(tooltip, "{words} ");
            }
            let _ = write!(tooltip, "{}", quantity.value);
            if let Some(unit) = &quantity.unit {
                let _ = write!(tooltip, " {unit}");
            }
            if let Some(noun) = &quantity.noun {
                let _ = write!(tooltip, " {noun}");
            }
            self.tags.push(format!(
                "<span class=\"ne-qty\" data-value=\"{}\" title=\"{}\"",
                quantity.value,
                escape(&tooltip)
            ));
            marks.push(self.mark(
                quantity.start,
                quantity.end,
                &quantity.text,
                Layer::Quantity,
                tag,
            ));
        }

        marks.retain(|m| m.start < m.end);
        marks.sort_by(|a, b| {
            (a.start, std::cmp::Reverse(a.end), a.layer).cmp(&(
                b.start,
                std::cmp::Reverse(b.end),
                b.layer,
            ))
        });
        // Within a layer only quotes nest (a partial quote inside a reported sentence); any
        // other overlap would be an error of a pass, and dropping it keeps the nesting, and so
        // the work per character, bounded.
        let mut last_end = [0usize; 4];
        let mut quote_ends: Vec<usize> = Vec::new();
        marks.retain(|m| match m.layer {
            Layer::Quote => {
                quote_ends.retain(|&end| end > m.start);
                if quote_ends.len() >= MAX_QUOTE_DEPTH {
                    return false;
                }
                quote_ends.push(m.end);
                true
            }
            layer => {
                let last = &mut last_end[layer as usize];
                if m.start < *last {
                    return false;
                }
                *last = m.end;
                true
            }
        });
        self.max_end = marks
            .iter()
            .scan(0usize, |max, m| {
                *max = (*max).max(m.end);
                Some(*max)
            })
            .collect();
        self.opened = vec![false; marks.len()];
        self.marks = marks;

        // Speaker badges, placed after the closing quote marks that follow a quote. A quote
        // inside another quote of the same speaker (a partial quote in a reported sentence)
        // gets none: the outer quote's badge names them.
        let speaker_of = |quote: &'a Quote| quote.speaker.as_ref().map(|s| s.name.as_str());
        let mut enclosing: Vec<(usize, Option<&str>)> = Vec::new();
        for (index, mark) in self.marks.iter().enumerate() {
            let Some(quote) = mark.quote.and_then(|q| article.quotes.get(q)) else {
                continue;
            };
            enclosing.retain(|&(end, _)| end > mark.start);
            let speaker = speaker_of(quote);
            let repeated = speaker.is_some()
                && enclosing
                    .iter()
                    .any(|&(end, outer)| end >= mark.end && outer == speaker);
            enclosing.push((mark.end, speaker));
            if !mark.fits_text || repeated {
                continue;
            }
            let mut at = mark.end;
            for c in self.text[mark.end..].chars().take(3) {
                if !closes_a_quote(c) {
                    break;
                }
                at += c.len_utf8();
            }
            self.inserts.push(Insert {
                at,
                mark: index,
                html: self.speaker_badge(quote),
            });
        }
        self.inserts.sort_by_key(|insert| insert.at);
        self.inserted = vec![false; self.inserts.len()];
    }

    fn mark(&self, start: usize, end: usize, text: &'a str, layer: Layer, tag: usize) -> Mark<'a> {
        let fits_text = self.text.get(start..end) == Some(text) && !text.is_empty();
        Mark {
            start,
            end,
            text,
            layer,
            tag,
            anchor: None,
            quote: None,
            fits_text,
        }
    }

    /// The badge beside a quote: the speaker's name, linked to their row of the entity table.
    fn speaker_badge(&self, quote: &Quote) -> String {
        let kind = quote_kind_name(quote.kind);
        let Some(speaker) = &quote.speaker else {
            return format!(
                "<span class=\"ne-speaker ne-unknown\" title=\"{kind} quote, speaker unknown\">?</span>"
            );
        };
        let mut title = format!("{kind} quote by {}", speaker.name);
        if let Some(cue) = &quote.cue {
            let _ = write!(title, " ({})", cue.text);
        }
        match speaker
            .entity
            .filter(|id| self.entity_index.contains_key(id))
        {
            Some(id) => format!(
                "<a class=\"ne-speaker\" href=\"#{}-e{id}\" title=\"{}\">{}</a>",
                self.prefix,
                escape(&title),
                escape(&speaker.name)
            ),
            None => format!(
                "<span class=\"ne-speaker\" title=\"{}\">{}</span>",
                escape(&title),
                escape(&speaker.name)
            ),
        }
    }

    fn open_tag(&mut self, out: &mut String, index: usize) {
        let mark = &self.marks[index];
        out.push_str(&self.tags[mark.tag]);
        if !self.opened[index] {
            if let Some(anchor) = &mark.anchor {
                let _ = write!(out, " id=\"{anchor}\"");
            }
        }
        out.push('>');
        self.opened[index] = true;
    }

    /// The indices of the marks overlapping `base..end`, in order.
    ///
    /// Regions come in runs of increasing `base` (the header lines, the paragraphs, the lines
    /// apart), so a cursor carries the marks still open from one region to the next and each
    /// mark is taken up once per run; a region that starts before the previous one restarts
    /// the cursor from the marks covering its start. The work per run is thus linear in the
    /// marks, even when one long quote spans many paragraphs.
    fn marks_over(&mut self, base: usize, end: usize) -> Vec<usize> {
        let marks = &self.marks;
        let cursor = match &mut self.cursor {
            Some(cursor) if cursor.base <= base => cursor,
            slot => {
                // Marks covering `base` start before it; `max_end` stops the backward walk at
                // the first mark that cannot reach it.
                let next = marks.partition_point(|m| m.start < base);
                let mut open = Vec::new();
                let mut j = next;
                while j > 0 {
                    j -= 1;
                    if self.max_end[j] <= base {
                        break;
                    }
                    if marks[j].end > base {
                        open.push(j);
                    }
                }
                open.reverse();
                slot.insert(Cursor { base, next, open })
            }
        };
        cursor.base = base;
        cursor.open.retain(|&j| marks[j].end > base);
        while cursor.next < marks.len() && marks[cursor.next].start < end {
            if marks[cursor.next].end > base {
                cursor.open.push(cursor.next);
            }
            cursor.next += 1;
        }
        cursor
            .open
            .iter()
            .copied()
            .filter(|&j| marks[j].start < end)
            .collect()
    }

    /// Writes `region` (the text of the span starting at byte `base` of the input) with every
    /// mark that fits it, nested; a mark crossing another is closed and reopened around it.
    fn region(&mut self, out: &mut String, region: &str, base: usize) {
        let Some(region_end) = base.checked_add(region.len()) else {
            escape_into(out, region);
            return;
        };
        let mut items: Vec<(usize, usize, usize)> = Vec::new();
        for j in self.marks_over(base, region_end) {
            let mark = &self.marks[j];
            let start = mark.start.max(base) - base;
            let end = mark.end.min(region_end) - base;
            let inside = base <= mark.start && mark.end <= region_end;
            let fits = region.is_char_boundary(start)
                && region.is_char_boundary(end)
                && (mark.fits_text || (inside && region.get(start..end) == Some(mark.text)));
            if fits {
                items.push((j, start, end));
            } else if !self.text.is_empty() {
                self.misfits += 1;
            }
        }
        items.sort_by(|a, b| {
            (a.1, std::cmp::Reverse(a.2), self.marks[a.0].layer).cmp(&(
                b.1,
                std::cmp::Reverse(b.2),
                self.marks[b.0].layer,
            ))
        });
        let first_insert = self.inserts.partition_point(|i| i.at <= base);
        let last_insert = self.inserts.partition_point(|i| i.at <= region_end);
        let mut next_insert = first_insert;

        let mut stack: Vec<(usize, usize)> = Vec::new();
        let mut next = 0;
        let mut pos = 0;
        loop {
            let next_open = items.get(next).map(|item| item.1);
            let next_close = stack.iter().map(|item| item.1).min();
            let next_point = self.inserts[next_insert..last_insert]
                .first()
                .map(|insert| insert.at - base);
            let boundary = [next_open, next_close, next_point]
                .into_iter()
                .flatten()
                .min()
                .unwrap_or(region.len())
                .max(pos);
            escape_into(out, region.get(pos..boundary).unwrap_or(""));
            pos = boundary;

            if stack.iter().any(|item| item.1 <= pos) {
                let mut reopen = Vec::new();
                while stack.iter().any(|item| item.1 <= pos) {
                    let Some((index, end)) = stack.pop() else {
                        break;
                    };
                    out.push_str(self.marks[index].close_tag());
                    if end > pos {
                        reopen.push((index, end));
                    }
                }
                for (index, end) in reopen.into_iter().rev() {
                    self.open_tag(out, index);
                    stack.push((index, end));
                }
            }
            while next_insert < last_insert && self.inserts[next_insert].at - base <= pos {
                let insert = &self.inserts[next_insert];
                if !self.inserted[next_insert] && self.opened[insert.mark] {
                    out.push_str(&insert.html);
                    self.inserted[next_insert] = true;
                }
                next_insert += 1;
            }
            while let Some(&(index, start, end)) = items.get(next) {
                if start > pos {
                    break;
                }
                self.open_tag(out, index);
                stack.push((index, end));
                next += 1;
            }
            if next >= items.len() && stack.is_empty() && next_insert >= last_insert {
                escape_into(out, region.get(pos..).unwrap_or(""));
                break;
            }
        }
    }

    /// The text of the input between `start` and `end`, or None when the span does not fit.
    fn slice(&mut self, start: usize, end: usize) -> Option<&'a str> {
        let found = if start <= end {
            self.text.get(start..end)
        } else {
            None
        };
        if found.is_none() && !self.text.is_empty() {
            self.misfits += 1;
        }
        found
    }

    fn render(mut self) -> String {
        let article = self.article;
        let mut out = String::with_capacity(self.text.len() * 2 + CSS.len() + 4096);
        let _ = write!(
            out,
            "<div class=\"newsextract\" id=\"{}\">\n<style>{CSS}</style>\n",
            self.prefix
        );
        self.header(&mut out);
        self.legend(&mut out);
        self.body(&mut out);
        self.asides(&mut out);
        self.tables(&mut out);
        if self.misfits > 0 {
            let _ = writeln!(
                out,
                "<p class=\"ne-note\">{} span(s) did not fit the text given and are not shown \
                 or not marked: was the article extracted from another text?</p>",
                self.misfits
            );
        }
        if self.text.is_empty() && !article.paragraphs.is_empty() {
            out.push_str(
                "<p class=\"ne-note\">The article's text was not given, so its body is not \
                 shown.</p>\n",
            );
        }
        out.push_str("</div>\n");
        out
    }

    fn header(&mut self, out: &mut String) {
        let article = self.article;
        out.push_str("<header>\n");
        match &article.headline {
            Some(headline) => {
                out.push_str("<h2 class=\"ne-headline\" dir=\"auto\">");
                self.region(out, &headline.text, headline.start);
                out.push_str("</h2>\n");
            }
            None => out
                .push_str("<h2 class=\"ne-headline ne-small ne-sans\">(no headline found)</h2>\n"),
        }
        if article.dateline.is_none() && article.byline.is_none() {
            out.push_str("</header>\n");
            return;
        }
        out.push_str("<dl class=\"ne-meta\">\n");
        if let Some(dateline) = &article.dateline {
            out.push_str("<dt>Dateline</dt><dd><span class=\"ne-dateline-text\" dir=\"auto\">");
            escape_into(out, &dateline.text);
            out.push_str("</span>");
            let mut parts: Vec<String> = Vec::new();
            if let Some(location) = &dateline.location {
                let mut place = escape(location);
                if let Some(region) = &dateline.region {
                    let _ = write!(place, ", {}", escape(region));
                }
                parts.push(format!("place <bdi>{place}</bdi>"));
            }
            if let Some(country) = &dateline.country {
                parts.push(format!("country <bdi>{}</bdi>", escape(country)));
            }
            if let Some(source) = &dateline.source {
                parts.push(format!("agency <bdi>{}</bdi>", escape(source)));
            }
            if let Some(date) = &dateline.date {
                let anchored = if date.anchored { "" } else { " (year unknown)" };
                parts.push(format!(
                    "date <span class=\"ne-time\" title=\"as written: {}\">{}</span>{anchored}",
                    escape(&date.text),
                    escape(&date.value)
                ));
            }
            if !parts.is_empty() {
                let _ = write!(
                    out,
                    " <span class=\"ne-part\">\u{2014} {}</span>",
                    parts.join(" \u{b7} ")
                );
            }
            out.push_str("</dd>\n");
        }
        if let Some(byline) = &article.byline {
            out.push_str("<dt>Byline</dt><dd><span dir=\"auto\">");
            self.region(out, &byline.text, byline.start);
            out.push_str("</span>");
            if !byline.authors.is_empty() {
                let authors: Vec<String> = byline
                    .authors
                    .iter()
                    .map(|a| format!("<bdi>{}</bdi>", escape(a)))
                    .collect();
                let _ = write!(
                    out,
                    " <span class=\"ne-part\">\u{2014} authors {}</span>",
                    authors.join(", ")
                );
            }
            out.push_str("</dd>\n");
        }
        out.push_str("</dl>\n</header>\n");
    }

    fn legend(&self, out: &mut String) {
        let article = self.article;
        out.push_str("<div class=\"ne-legend\" aria-label=\"legend\">");
        for kind in [
            EntityKind::Person,
            EntityKind::Organization,
            EntityKind::Location,
            EntityKind::Nationality,
            EntityKind::Misc,
        ] {
            let count = article.entities.iter().filter(|e| e.kind == kind).count();
            let name = entity_kind_name(kind);
            let _ = write!(
                out,
                "<span><span class=\"ne-ent ne-{name}\">{name}</span> {count}</span>"
            );
        }
        for kind in [QuoteKind::Direct, QuoteKind::Partial, QuoteKind::Indirect] {
            let count = article.quotes.iter().filter(|q| q.kind == kind).count();
            let name = quote_kind_name(kind);
            let _ = write!(
                out,
                "<span><span class=\"ne-quote ne-quote-{name}\">{name} quote</span> {count}</span>"
            );
        }
        let _ = writeln!(
            out,
            "<span><span class=\"ne-speaker\">speaker</span></span>\
             <span><span class=\"ne-time\">time</span> {}</span>\
             <span><span class=\"ne-qty\">quantity</span> {}</span></div>",
            article.times.len(),
            article.quantities.len()
        );
    }

    fn body(&mut self, out: &mut String) {
        let article = self.article;
        out.push_str("<div class=\"ne-body\">\n");
        // The dateline opens the first paragraph after it, as in print, when only a separator
        // stands between them; otherwise it gets a line of its own.
        let mut dateline_at: Option<usize> = None;
        let mut dateline_gap: Option<&str> = None;
        if let Some(dateline) = &article.dateline {
            if self.text.get(dateline.start..dateline.end) == Some(dateline.text.as_str()) {
                let after = article
                    .paragraphs
                    .iter()
                    .position(|p| p.start >= dateline.end);
                dateline_at = Some(after.unwrap_or(article.paragraphs.len()));
                if let Some(p) = after.and_then(|i| article.paragraphs.get(i)) {
                    dateline_gap = self.text.get(dateline.end..p.start).filter(|gap| {
                        !gap.contains('\n') && gap.chars().count() <= MAX_DATELINE_GAP_CHARS
                    });
                }
            }
        }
        let mut dateline_html = String::new();
        if let (Some(dateline), Some(_)) = (&article.dateline, dateline_at) {
            let place: Vec<&str> = [&dateline.location, &dateline.country, &dateline.source]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect();
            let _ = write!(
                dateline_html,
                "<span class=\"ne-dateline\" title=\"dateline: {}\">",
                escape(&place.join(", "))
            );
            self.region(&mut dateline_html, &dateline.text, dateline.start);
            dateline_html.push_str("</span>");
        }
        for (index, paragraph) in article.paragraphs.iter().enumerate() {
            if dateline_at == Some(index) && dateline_gap.is_none() {
                let _ = writeln!(
                    out,
                    "<p class=\"ne-dateline-line\" dir=\"auto\">{dateline_html}</p>"
                );
            }
            if self.text.is_empty() {
                continue;
            }
            let Some(region) = self.slice(paragraph.start, paragraph.end) else {
                continue;
            };
            out.push_str("<p dir=\"auto\">");
            if dateline_at == Some(index) {
                if let Some(gap) = dateline_gap {
                    out.push_str(&dateline_html);
                    escape_into(out, gap);
                }
            }
            self.region(out, region, paragraph.start);
            out.push_str("</p>\n");
        }
        if dateline_at == Some(article.paragraphs.len()) {
            let _ = writeln!(
                out,
                "<p class=\"ne-dateline-line\" dir=\"auto\">{dateline_html}</p>"
            );
        }
        out.push_str("</div>\n");
    }

    fn asides(&mut self, out: &mut String) {
        let article = self.article;
        let related: Vec<(&str, &str, usize)> = article
            .related
            .iter()
            .map(|r| (related_kind_words(r.kind), r.text.as_str(), r.start))
            .collect();
        self.lines_apart(out, "ne-related", "Related-article lines", &related);
        let boilerplate: Vec<(&str, &str, usize)> = article
            .boilerplate
            .iter()
            .map(|b| (boilerplate_kind_words(b.kind), b.text.as_str(), b.start))
            .collect();
        self.lines_apart(out, "ne-boilerplate", "Other lines", &boilerplate);
    }

    /// A list of lines that are not body text, each `(kind, text, start)` under its tag.
    fn lines_apart(
        &mut self,
        out: &mut String,
        class: &str,
        heading: &str,
        lines: &[(&str, &str, usize)],
    ) {
        if lines.is_empty() {
            return;
        }
        let _ = writeln!(
            out,
            "<section class=\"ne-aside {class}\">\n<h3>{heading} (not body text)</h3>\n<ul>"
        );
        for &(kind, text, start) in lines {
            let _ = write!(
                out,
                "<li><span class=\"ne-tag\">{kind}</span><span dir=\"auto\">"
            );
            self.region(out, text, start);
            out.push_str("</span></li>\n");
        }
        out.push_str("</ul>\n</section>\n");
    }

    fn tables(&self, out: &mut String) {
        let article = self.article;
        out.push_str("<section class=\"ne-tables\">\n");
        let _ = write!(
            out,
            "<table class=\"ne-entities\">\n<caption>Entities ({})</caption>\n<colgroup><col class=\"ne-c1\">\
             <col class=\"ne-c2\"><col class=\"ne-c3\"><col class=\"ne-c4\"><col></colgroup>\n<thead><tr>\
             <th>Name</th><th>Kind</th><th>Mentions</th><th>Titles</th><th>Country</th>\
             </tr></thead>\n<tbody>\n",
            article.entities.len()
        );
        for entity in &article.entities {
            let kind = entity_kind_name(entity.kind);
            let _ = write!(
                out,
                "<tr id=\"{}-e{}\"><td dir=\"auto\"><span class=\"ne-ent ne-{kind}\">{}</span>",
                self.prefix,
                entity.id,
                escape(&entity.name)
            );
            if let Some(acronym) = &entity.acronym {
                let _ = write!(
                    out,
                    " <span class=\"ne-small\">({})</span>",
                    escape(acronym)
                );
            }
            let _ = write!(
                out,
                "</td><td>{kind}</td><td class=\"ne-num\">{}</td><td dir=\"auto\">",
                entity.mentions.len()
            );
            let titles: Vec<String> = entity
                .titles
                .iter()
                .map(|t| format!("<bdi>{}</bdi>", escape(t)))
                .collect();
            out.push_str(&titles.join("; "));
            out.push_str("</td><td>");
            if let Some(country) = &entity.country {
                escape_into(out, country);
            }
            if let Some(geo) = &entity.geo {
                let _ = write!(
                    out,
                    " <span class=\"ne-small\" title=\"GeoNames {}\">{:.3},&#160;{:.3}</span>",
                    geo.geonames_id, geo.lat, geo.lon
                );
            }
            out.push_str("</td></tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");

        let _ = write!(
            out,
            "<table class=\"ne-quotes\">\n<caption>Quotes ({})</caption>\n<colgroup><col class=\"ne-c1\">\
             <col class=\"ne-c2\"><col></colgroup>\n<thead><tr>\
             <th>Speaker</th><th>Kind</th><th>Quote</th></tr></thead>\n<tbody>\n",
            article.quotes.len()
        );
        let shown: Vec<bool> = {
            let mut shown = vec![false; article.quotes.len()];
            for (index, mark) in self.marks.iter().enumerate() {
                if let Some(q) = mark.quote {
                    if self.opened[index] {
                        if let Some(flag) = shown.get_mut(q) {
                            *flag = true;
                        }
                    }
                }
            }
            shown
        };
        for (index, quote) in article.quotes.iter().enumerate() {
            out.push_str("<tr><td dir=\"auto\">");
            match &quote.speaker {
                Some(speaker) => match speaker
                    .entity
                    .filter(|id| self.entity_index.contains_key(id))
                {
                    Some(id) => {
                        let _ = write!(
                            out,
                            "<a href=\"#{}-e{id}\">{}</a>",
                            self.prefix,
                            escape(&speaker.name)
                        );
                    }
                    None => escape_into(out, &speaker.name),
                },
                None => out.push_str("<span class=\"ne-small\">unknown</span>"),
            }
            let _ = write!(out, "</td><td>{}", quote_kind_name(quote.kind));
            if let Some(cue) = &quote.cue {
                let _ = write!(
                    out,
                    "<br><span class=\"ne-small\" dir=\"auto\">{}</span>",
                    escape(&cue.text)
                );
            }
            out.push_str("</td><td dir=\"auto\">");
            escape_into(out, &quote.text);
            if shown[index] {
                let _ = write!(
                    out,
                    " <a class=\"ne-small\" href=\"#{}-q{index}\" title=\"show in the text\">\u{2191}</a>",
                    self.prefix
                );
            }
            out.push_str("</td></tr>\n");
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Paragraph, Quantity, Speaker, TextSpan, TimeExpression};
    use proptest::prelude::*;

    /// The text content of `html`: tags dropped, the entities `escape` writes decoded. It
    /// also checks that every element closes in order, so nesting is well-formed.
    fn visible_text(html: &str) -> String {
        let mut out = String::new();
        let mut stack: Vec<String> = Vec::new();
        let mut rest = html;
        while let Some(open) = rest.find('<') {
            out.push_str(&rest[..open]);
            let close = rest[open..].find('>').expect("unterminated tag") + open;
            let tag = &rest[open + 1..close];
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
                .collect();
            if let Some(closing) = tag.strip_prefix('/') {
                assert_eq!(stack.pop().as_deref(), Some(closing), "misnested in {html}");
            } else if !matches!(name.as_str(), "br" | "col" | "meta" | "!DOCTYPE") {
                stack.push(name);
            }
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        assert!(stack.is_empty(), "unclosed {stack:?}");
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&#160;", "\u{a0}")
            .replace("&amp;", "&")
    }

    /// `html` without the speaker badges, which hold no element and stand between words.
    fn without_badges(html: &str) -> String {
        let mut out = String::new();
        let mut rest = html;
        loop {
            let link = rest.find("<a class=\"ne-speaker\"");
            let span = rest.find("<span class=\"ne-speaker");
            let Some(at) = link.into_iter().chain(span).min() else {
                break;
            };
            let close = if Some(at) == link { "</a>" } else { "</span>" };
            out.push_str(&rest[..at]);
            let end = rest[at..].find(close).expect("badge closes") + at + close.len();
            rest = &rest[end..];
        }
        out.push_str(rest);
        out
    }

    /// The inner HTML of the body, paragraph by paragraph.
    fn body_paragraphs(html: &str) -> Vec<String> {
        let body = &html[html.find("<div class=\"ne-body\">").unwrap()..];
        let body = &body[..body.find("</div>").unwrap()];
        // Paragraphs of the text only: a dateline on a line of its own has a class.
        body.split("<p ")
            .filter_map(|p| p.strip_prefix("dir=\"auto\">"))
            .map(|p| p.trim_end().trim_end_matches("</p>").to_string())
            .collect()
    }

    fn span(text: &str, needle: &str) -> TextSpan {
        let start = text.find(needle).unwrap();
        TextSpan {
            text: needle.to_string(),
            start,
            end: start + needle.len(),
        }
    }

    fn entity(id: u32, kind: EntityKind, name: &str, mentions: Vec<TextSpan>) -> Entity {
        Entity {
            id,
            kind,
            name: name.to_string(),
            mentions,
            titles: Vec::new(),
            acronym: None,
            country: None,
            geo: None,
        }
    }

    fn quote(text: &str, inner: &str, kind: QuoteKind, speaker: Option<(u32, &str)>) -> Quote {
        let s = span(text, inner);
        Quote {
            text: s.text,
            start: s.start,
            end: s.end,
            kind,
            speaker: speaker.map(|(id, name)| Speaker {
                name: name.to_string(),
                entity: Some(id),
                text: name.to_string(),
                start: 0,
                end: 0,
            }),
            cue: None,
        }
    }

    fn one_paragraph(text: &str) -> Article {
        Article {
            paragraphs: vec![Paragraph {
                start: 0,
                end: text.len(),
                sentences: Vec::new(),
            }],
            ..Article::default()
        }
    }

    #[test]
    fn escapes_every_special_character() {
        for (input, expected) in [
            ("a & b", "a &amp; b"),
            ("<script>", "&lt;script&gt;"),
            ("\"x\" 'y'", "&quot;x&quot; &#39;y&#39;"),
            ("é<ü>", "é&lt;ü&gt;"),
            ("plain", "plain"),
            ("", ""),
        ] {
            assert_eq!(escape(input), expected, "{input:?}");
        }
    }

    #[test]
    fn hostile_text_and_attributes_stay_text() {
        let text = "<script>alert(1)</script> \"Bob\" <img src=x onerror=alert(2)> said.";
        let mut article = one_paragraph(text);
        let mut bob = entity(
            0,
            EntityKind::Person,
            "Bob\" onmouseover=\"alert(3)",
            vec![],
        );
        bob.mentions.push(span(text, "\"Bob\""));
        bob.titles.push("<b>chief</b>".to_string());
        article.entities.push(bob);
        article.times.push(TimeExpression {
            text: "alert(1)".into(),
            start: 8,
            end: 16,
            kind: TimeKind::Date,
            value: "\"><script>x</script>".into(),
            anchored: true,
        });
        let html = article.to_html(text);
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(html.contains("&lt;script&gt;"));
        assert!(html.contains("Bob&quot; onmouseover=&quot;alert(3)"));
        assert!(!html.contains("\" onmouseover"));
        assert_eq!(visible_text(&body_paragraphs(&html)[0]), text);
    }

    #[test]
    fn marks_nest_and_split_without_losing_text() {
        // (text, quote, mention, time, quantity) — each may be absent ("").
        let cases: &[(&str, &str, &str, &str, &str)] = &[
            // A mention inside a quote, both ending together.
            (
                "He said “we trust Pakistan” today.",
                "we trust Pakistan",
                "Pakistan",
                "today",
                "",
            ),
            // A time crossing the end of a quote: split, not dropped.
            (
                "Aid “arrived on Monday” morning, said Ali.",
                "arrived on Monday",
                "Ali",
                "Monday” morning",
                "",
            ),
            // Same span as entity and quantity.
            ("Ten Downing sold 3 million.", "", "Ten", "", "Ten"),
            // Non-ASCII everywhere: Urdu name inside an Arabic-script quote.
            (
                "کہا «عمران خان آئے» ہیں",
                "عمران خان آئے",
                "عمران خان",
                "",
                "",
            ),
            // A quantity crossing a mention.
            (
                "At least 12 Afghan soldiers died.",
                "",
                "Afghan soldiers",
                "",
                "At least 12 Afghan",
            ),
        ];
        for &(text, quoted, mentioned, timed, counted) in cases {
            let mut article = one_paragraph(text);
            if !mentioned.is_empty() {
                article.entities.push(entity(
                    7,
                    EntityKind::Location,
                    mentioned,
                    vec![span(text, mentioned)],
                ));
            }
            if !quoted.is_empty() {
                article
                    .quotes
                    .push(quote(text, quoted, QuoteKind::Direct, Some((7, "Someone"))));
            }
            if !timed.is_empty() {
                let s = span(text, timed);
                article.times.push(TimeExpression {
                    text: s.text,
                    start: s.start,
                    end: s.end,
                    kind: TimeKind::Date,
                    value: "XXXX-WXX-1".into(),
                    anchored: false,
                });
            }
            if !counted.is_empty() {
                let s = span(text, counted);
                article.quantities.push(Quantity {
                    text: s.text,
                    start: s.start,
                    end: s.end,
                    value: 12.0,
                    noun: None,
                    qualifier: Qualifier::AtLeast,
                    unit: None,
                });
            }
            let html = article.to_html(text);
            let paragraph = &body_paragraphs(&html)[0];
            assert_eq!(
                visible_text(&without_badges(paragraph)),
                text,
                "{paragraph}"
            );
            assert_eq!(
                paragraph.contains(">Someone</a>"),
                !quoted.is_empty(),
                "{paragraph}"
            );
            for (needle, class) in [
                (quoted, "ne-quote"),
                (mentioned, "ne-location"),
                (timed, "ne-time"),
                (counted, "ne-qty"),
            ] {
                assert_eq!(
                    paragraph.contains(class),
                    !needle.is_empty(),
                    "{class} in {paragraph}"
                );
            }
            // The quote's anchor is written once, on its first piece.
            assert!(paragraph.matches("-q0\"").count() <= 1, "{paragraph}");
        }
    }

    #[test]
    fn speaker_badge_follows_the_closing_quote_mark_and_links_to_the_entity() {
        let text = "“We will stay,” Khan said.";
        let mut article = one_paragraph(text);
        article.entities.push(entity(
            3,
            EntityKind::Person,
            "Imran Khan",
            vec![span(text, "Khan")],
        ));
        article.quotes.push(quote(
            text,
            "We will stay,",
            QuoteKind::Direct,
            Some((3, "Imran Khan")),
        ));
        let html = article.to_html(text);
        let paragraph = &body_paragraphs(&html)[0];
        let close = paragraph.find("</span>\u{201d}<a class=\"ne-speaker\"");
        assert!(close.is_some(), "{paragraph}");
        let prefix = &html[html.find("id=\"").unwrap() + 4..][..10];
        assert!(paragraph.contains(&format!("href=\"#{prefix}-e3\"")));
        assert!(html.contains(&format!("<tr id=\"{prefix}-e3\">")));
        assert!(html.contains(&format!("href=\"#{prefix}-q0\"")));
    }

    #[test]
    fn quote_across_paragraphs_is_split_with_one_anchor_and_one_badge() {
        let text = "“First part,\n\nsecond part, and Lahore last,” Ali said.\nBy Sana Khan";
        let first = Paragraph {
            start: 0,
            end: text.find('\n').unwrap(),
            sentences: Vec::new(),
        };
        let second_start = text.find("second").unwrap();
        let second = Paragraph {
            start: second_start,
            end: text.rfind('\n').unwrap(),
            sentences: Vec::new(),
        };
        let mut article = Article {
            paragraphs: vec![first, second],
            ..Article::default()
        };
        // The byline comes last in the text but is rendered first, in the header: the search
        // for marks restarts for the paragraphs after it.
        let byline = span(text, "By Sana Khan");
        article.byline = Some(crate::model::Byline {
            text: byline.text,
            start: byline.start,
            end: byline.end,
            authors: vec!["Sana Khan".into()],
        });
        article.entities = vec![
            entity(1, EntityKind::Person, "Ali", vec![span(text, "Ali")]),
            entity(
                2,
                EntityKind::Location,
                "Lahore",
                vec![span(text, "Lahore")],
            ),
            entity(
                3,
                EntityKind::Person,
                "Sana Khan",
                vec![span(text, "Sana Khan")],
            ),
        ];
        article.quotes.push(quote(
            text,
            "First part,\n\nsecond part, and Lahore last,",
            QuoteKind::Direct,
            Some((1, "Ali")),
        ));
        let html = article.to_html(text);
        let paragraphs = body_paragraphs(&html);
        assert_eq!(paragraphs.len(), 2);
        assert!(paragraphs[0].contains("-q0\""), "{}", paragraphs[0]);
        assert!(!paragraphs[1].contains("-q0\""), "{}", paragraphs[1]);
        assert!(paragraphs[1].starts_with("<span class=\"ne-quote ne-quote-direct\""));
        assert!(!paragraphs[0].contains("ne-speaker"));
        assert!(paragraphs[1].contains("last,</span>\u{201d}<a class=\"ne-speaker\""));
        assert!(paragraphs[1].contains("\"ne-ent ne-location\" data-entity=\"2\""));
        assert!(
            html.contains("\"ne-ent ne-person\" data-entity=\"3\""),
            "byline mention"
        );
        for (shown, paragraph) in paragraphs.iter().zip(&article.paragraphs) {
            let words = &text[paragraph.start..paragraph.end];
            assert_eq!(visible_text(&without_badges(shown)), words);
        }
    }

    #[test]
    fn tooltips_carry_what_is_known() {
        let text = "ISLAMABAD: Spokesperson Matthew Miller spoke on Monday.";
        let mut article = one_paragraph(text);
        let mut miller = entity(
            1,
            EntityKind::Person,
            "Matthew Miller",
            vec![span(text, "Matthew Miller")],
        );
        miller
            .titles
            .push("US State Department Spokesperson".into());
        let mut islamabad = entity(
            2,
            EntityKind::Location,
            "Islamabad",
            vec![span(text, "ISLAMABAD")],
        );
        islamabad.country = Some("PK".into());
        islamabad.geo = Some(crate::model::Geo {
            lat: 33.7215,
            lon: 73.0433,
            geonames_id: 1176615,
        });
        article.entities = vec![miller, islamabad];
        let s = span(text, "Monday");
        article.times.push(TimeExpression {
            text: s.text,
            start: s.start,
            end: s.end,
            kind: TimeKind::Date,
            value: "2023-05-08".into(),
            anchored: true,
        });
        let html = article.to_html(text);
        for expected in [
            "title=\"Matthew Miller (person)\ntitles: US State Department Spokesperson\"",
            "country: PK\ncoordinates: 33.7215, 73.0433 (GeoNames 1176615)",
            "data-value=\"2023-05-08\" title=\"date: 2023-05-08\"",
            "<td>PK <span class=\"ne-small\" title=\"GeoNames 1176615\">33.721,&#160;73.043</span>",
        ] {
            assert!(html.contains(expected), "{expected} in {html}");
        }
    }

    #[test]
    fn another_text_gives_a_note_not_a_panic() {
        let text = "Karachi: Rain fell on Sindh today, officials said.";
        let article = crate::extract(text);
        for other in [
            "",
            "short",
            "Karachi: Ráin fell",
            &text[..20],
            "€€€€€€€€€€€€€€€€€",
        ] {
            let html = article.to_html(other);
            visible_text(&html);
            assert!(html.contains("class=\"ne-note\""), "{other:?}: {html}");
        }
        assert!(!article.to_html(text).contains("class=\"ne-note\""));
    }

    #[test]
    fn golden_article_shows_every_part() {
        let text = include_str!("../../../tests/articles/pk_web_desk_us_security.txt");
        let article = crate::extract(text);
        let html = article.to_html(text);
        visible_text(&html);
        for expected in [
            "<h2 class=\"ne-headline\" dir=\"auto\">",
            "<section class=\"ne-aside ne-related\">",
            "<table class=\"ne-entities\">",
            "<table class=\"ne-quotes\">",
            "Also read: ",
        ] {
            assert!(html.contains(expected), "{expected}");
        }
        // The body alone (the style sheet and the legend name every class too).
        let body = body_paragraphs(&html).concat();
        for expected in [
            "<span class=\"ne-dateline\"",
            "\"ne-ent ne-person\" data-entity=\"",
            "\"ne-ent ne-organization\" data-entity=\"",
            "\"ne-ent ne-location\" data-entity=\"",
            "\"ne-ent ne-nationality\" data-entity=\"",
            "\"ne-quote ne-quote-direct\"",
            "\"ne-quote ne-quote-indirect\"",
            "\"ne-quote ne-quote-partial\"",
            "<a class=\"ne-speaker\" href=",
            "\"ne-time\" data-value=\"P1D\"",
            "\"ne-qty\" data-value=\"12\"",
        ] {
            assert!(body.contains(expected), "{expected}");
        }
        let mentions: usize = article.entities.iter().map(|e| e.mentions.len()).sum();
        let shown = html.matches("data-entity=").count();
        assert_eq!(shown, mentions, "every mention marked once");
        assert_eq!(html.matches("data-speaker=").count(), article.quotes.len());
        // Every paragraph's words are shown, in order, with the dateline opening the first.
        let paragraphs = body_paragraphs(&html);
        assert_eq!(paragraphs.len(), article.paragraphs.len());
        for (shown, paragraph) in paragraphs.iter().zip(&article.paragraphs) {
            let words = &text[paragraph.start..paragraph.end];
            let visible = visible_text(&without_badges(shown));
            assert!(visible.ends_with(words), "{visible:?} / {words:?}");
        }
        assert!(visible_text(&paragraphs[0]).starts_with("ISLAMABAD: (Web Desk) US State"));
        // Related lines are not body text.
        assert!(!paragraphs.iter().any(|p| p.contains("Also read")));
        // The same input gives the same bytes.
        assert_eq!(html, crate::extract(text).to_html(text));
    }

    #[test]
    fn boilerplate_is_listed_apart_from_the_body() {
        let text = "Rain in Lahore\n\nLAHORE: Rain fell on Monday.\n\nFollow us on Twitter\n";
        let article = crate::extract(text);
        assert_eq!(article.boilerplate.len(), 1, "{article:?}");
        let html = article.to_html(text);
        let section = &html[html
            .find("<section class=\"ne-aside ne-boilerplate\">")
            .unwrap()..];
        assert!(section.starts_with(
            "<section class=\"ne-aside ne-boilerplate\">\n<h3>Other lines (not body text)</h3>"
        ));
        assert!(
            visible_text(&section[..section.find("</section>").unwrap() + 10])
                .contains("socialFollow us on Twitter")
        );
        assert!(!body_paragraphs(&html).concat().contains("Follow us"));
    }

    #[test]
    fn page_wraps_the_fragment() {
        let text = "A <b> headline\n\nPARIS — Rain fell.";
        let article = crate::extract(text);
        let page = article.to_html_page(text);
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(page.contains("<title>A &lt;b&gt; headline</title>"));
        assert!(page.contains("Content-Security-Policy"));
        assert!(page.trim_end().ends_with("</html>"));
        visible_text(&page);
        assert!(page_caption("a<b>.txt").contains("a&lt;b&gt;.txt"));
    }

    /// Arbitrary offsets and texts: any of them may be out of range, reversed or inside a
    /// character.
    fn hostile_article(len: usize) -> impl Strategy<Value = Article> {
        let offset = 0..len + 4;
        let piece = (offset.clone(), offset.clone(), "[a-zé€ <>\"]{0,4}");
        (
            prop::collection::vec(piece.clone(), 0..6),
            prop::collection::vec(piece.clone(), 0..6),
            prop::collection::vec(piece.clone(), 0..6),
            prop::collection::vec((offset.clone(), offset), 0..4),
        )
            .prop_map(|(mentions, quotes, times, paragraphs)| {
                let mut article = Article::default();
                for (i, (start, end, text)) in mentions.into_iter().enumerate() {
                    article.entities.push(entity(
                        i as u32 % 3,
                        EntityKind::Misc,
                        &text.clone(),
                        vec![TextSpan { text, start, end }],
                    ));
                }
                for (start, end, text) in quotes {
                    article.quotes.push(Quote {
                        text,
                        start,
                        end,
                        kind: QuoteKind::Partial,
                        speaker: Some(Speaker {
                            name: "<x>".into(),
                            entity: Some(start as u32 % 4),
                            text: String::new(),
                            start: 0,
                            end: 0,
                        }),
                        cue: None,
                    });
                }
                for (start, end, text) in times {
                    article.times.push(TimeExpression {
                        text,
                        start,
                        end,
                        kind: TimeKind::Set,
                        value: String::new(),
                        anchored: false,
                    });
                }
                for (start, end) in paragraphs {
                    article.paragraphs.push(Paragraph {
                        start,
                        end,
                        sentences: Vec::new(),
                    });
                }
                article.headline = article.entities.first().map(|e| e.mentions[0].clone());
                article
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Extracted articles: every paragraph's text is shown exactly, whatever the marks.
        #[test]
        fn extracted_articles_render_their_paragraphs(
            words in prop::collection::vec(prop::sample::select(vec![
                "ISLAMABAD:", "(Reuters)", " - ", "said", "Mr.", "Khan", "Pakistan", "“", "”",
                "\"", " ", "\n", "\n\n", "on Monday", "at least 12 people", "عمران خان",
                "<script>", "&", "'", "Also read: x", "By Jane Doe", "é", "U.S.", "$3 billion",
            ]), 0..60)
        ) {
            let text: String = words.concat();
            let article = crate::extract(&text);
            let html = article.to_html(&text);
            visible_text(&html);
            prop_assert!(!html.contains("<script"));
            prop_assert!(!html.contains("class=\"ne-note\""));
            let paragraphs = body_paragraphs(&html);
            prop_assert_eq!(paragraphs.len(), article.paragraphs.len());
            for (shown, paragraph) in paragraphs.iter().zip(&article.paragraphs) {
                let visible = visible_text(&without_badges(shown));
                let words = &text[paragraph.start..paragraph.end];
                prop_assert!(visible.ends_with(words), "{:?} / {:?}", visible, words);
            }
        }

        /// Hand-made articles with arbitrary spans never panic and stay well-formed.
        #[test]
        fn any_article_and_text_render(
            text in "[a-z é€\n<>\"&]{0,24}",
            article in hostile_article(24),
        ) {
            let html = article.to_html(&text);
            visible_text(&html);
            prop_assert!(!html.contains("<x>"));
        }
    }
}
