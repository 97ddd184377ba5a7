//! `newsextract eval timeml DIR`: time expressions against TimeML (TimeBank, AQUAINT).
//!
//! For each `.tml` file under DIR (recursively): the text is the content of `<TEXT>` with the
//! tags removed and the XML entities decoded; the reference date is the document creation time
//! (the TIMEX3 with `functionInDocument="CREATION_TIME"`); the gold expressions are the TIMEX3
//! tags inside `<TEXT>`, with byte offsets into the stripped text. The text is extracted with
//! the full pipeline and scored as TempEval-3 does:
//!
//! - extent, relaxed: a system expression matches a gold one when their spans overlap (each
//!   matched at most once); strict: when the spans are identical;
//! - value: a system expression is correct when it overlaps a gold expression with the
//!   identical value; P = correct / system, R = correct / gold, F1 their harmonic mean;
//! - type accuracy: matched pairs with the same TIMEX3 type, over all matched pairs.
//!
//! Figures are given per folder (the file's parent directory) and overall.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use newsextract::{Date, Extractor, TimeExpression, TimeKind};
use serde_json::json;

use super::{EvalResult, Report};

/// Runs the timeml evaluation on `path` (a `.tml` file or a directory searched recursively).
pub fn run(path: &Path) -> EvalResult {
    let evaluation = evaluate(path)?;
    Ok(evaluation.report())
}

/// One TIMEX3 annotation inside `<TEXT>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Gold {
    /// Byte offset in the stripped text.
    pub(crate) start: usize,
    /// End byte offset (exclusive).
    pub(crate) end: usize,
    /// TIMEX3 `type`: DATE, TIME, DURATION or SET.
    pub(crate) kind: String,
    /// TIMEX3 `value`.
    pub(crate) value: String,
}

/// A TimeML document as the evaluation reads it.
#[derive(Debug, Clone)]
pub(crate) struct Document {
    /// The text of `<TEXT>`, tags removed, entities decoded.
    pub(crate) text: String,
    /// The creation date, from the DCT.
    pub(crate) reference_date: Option<Date>,
    /// The gold expressions, in text order.
    pub(crate) gold: Vec<Gold>,
}

/// The scored outcome for one document.
#[derive(Debug, Clone)]
pub(crate) struct DocumentResult {
    /// The file.
    pub(crate) path: PathBuf,
    /// The group it is counted in (its folder).
    pub(crate) folder: String,
    /// The document.
    pub(crate) document: Document,
    /// What the extractor found.
    pub(crate) system: Vec<TimeExpression>,
    /// Matched pairs: (gold index, system index).
    pub(crate) pairs: Vec<(usize, usize)>,
    /// The counts.
    pub(crate) counts: Counts,
}

/// Counts that the figures are computed from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Counts {
    pub(crate) documents: usize,
    pub(crate) gold: usize,
    pub(crate) system: usize,
    /// Overlapping pairs (one-to-one).
    pub(crate) relaxed: usize,
    /// Pairs with identical spans.
    pub(crate) strict: usize,
    /// Overlapping pairs with the identical value.
    pub(crate) value: usize,
    /// Overlapping pairs with the same type.
    pub(crate) kind: usize,
}

impl Counts {
    fn add(&mut self, other: &Counts) {
        self.documents += other.documents;
        self.gold += other.gold;
        self.system += other.system;
        self.relaxed += other.relaxed;
        self.strict += other.strict;
        self.value += other.value;
        self.kind += other.kind;
    }
}

/// Precision, recall and F1 of `hits` against `system` and `gold` totals.
fn prf(hits: usize, system: usize, gold: usize) -> (f64, f64, f64) {
    let p = if system == 0 {
        0.0
    } else {
        hits as f64 / system as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        hits as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

/// Every document's result.
#[derive(Debug, Clone)]
pub(crate) struct Evaluation {
    /// One entry per file, in path order.
    pub(crate) documents: Vec<DocumentResult>,
}

impl Evaluation {
    fn groups(&self) -> Vec<(String, Counts)> {
        let mut by_folder: BTreeMap<String, Counts> = BTreeMap::new();
        let mut overall = Counts::default();
        for d in &self.documents {
            by_folder
                .entry(d.folder.clone())
                .or_default()
                .add(&d.counts);
            overall.add(&d.counts);
        }
        let mut out: Vec<(String, Counts)> = by_folder.into_iter().collect();
        out.push(("overall".to_string(), overall));
        out
    }

    /// The table and the JSON.
    pub(crate) fn report(&self) -> Report {
        let mut text = String::new();
        text.push_str(
            "TimeML time expressions (TempEval-3 scoring)\n\
             group        docs  gold   sys | relaxed P    R    F1 | strict P    R    F1 | value P    R    F1 | type acc value acc\n",
        );
        let mut groups = Vec::new();
        for (name, c) in self.groups() {
            let relaxed = prf(c.relaxed, c.system, c.gold);
            let strict = prf(c.strict, c.system, c.gold);
            let value = prf(c.value, c.system, c.gold);
            let type_accuracy = ratio(c.kind, c.relaxed);
            let value_accuracy = ratio(c.value, c.relaxed);
            text.push_str(&format!(
                "{name:<12} {:>4} {:>5} {:>5} | {:>9.3} {:.3} {:.3} | {:>8.3} {:.3} {:.3} | {:>7.3} {:.3} {:.3} | {:>8.3} {:>9.3}\n",
                c.documents,
                c.gold,
                c.system,
                relaxed.0,
                relaxed.1,
                relaxed.2,
                strict.0,
                strict.1,
                strict.2,
                value.0,
                value.1,
                value.2,
                type_accuracy,
                value_accuracy,
            ));
            let triple = |(p, r, f): (f64, f64, f64)| json!({ "precision": round(p), "recall": round(r), "f1": round(f) });
            groups.push(json!({
                "group": name,
                "documents": c.documents,
                "gold": c.gold,
                "system": c.system,
                "relaxed": triple(relaxed),
                "strict": triple(strict),
                "value": triple(value),
                "type_accuracy": round(type_accuracy),
                "value_accuracy": round(value_accuracy),
                "counts": {
                    "relaxed_matches": c.relaxed,
                    "strict_matches": c.strict,
                    "value_correct": c.value,
                    "type_correct": c.kind,
                },
            }));
        }
        // A sample of disagreements, for people reading the JSON: the first value errors and
        // misses of each document, up to a fixed number.
        let mut samples = Vec::new();
        for d in &self.documents {
            let text = d.document.text.as_str();
            let matched: Vec<bool> = {
                let mut m = vec![false; d.document.gold.len()];
                for &(g, _) in &d.pairs {
                    m[g] = true;
                }
                m
            };
            for &(g, s) in &d.pairs {
                let (gold, system) = (&d.document.gold[g], &d.system[s]);
                if gold.value != system.value && samples.len() < MAX_SAMPLES {
                    samples.push(json!({
                        "file": d.path.display().to_string(),
                        "kind": "value",
                        "gold_text": text.get(gold.start..gold.end).unwrap_or(""),
                        "gold_value": gold.value,
                        "system_text": system.text,
                        "system_value": system.value,
                    }));
                }
            }
            for (g, gold) in d.document.gold.iter().enumerate() {
                if !matched[g] && samples.len() < MAX_SAMPLES {
                    samples.push(json!({
                        "file": d.path.display().to_string(),
                        "kind": "missed",
                        "gold_text": text.get(gold.start..gold.end).unwrap_or(""),
                        "gold_value": gold.value,
                    }));
                }
            }
        }
        Report {
            text,
            json: json!({
                "evaluation": "timeml",
                "scoring": "tempeval-3",
                "groups": groups,
                "samples": samples,
            }),
        }
    }
}

/// How many disagreements the JSON report lists.
const MAX_SAMPLES: usize = 200;

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// Reads, extracts and scores every `.tml` file under `path`.
pub(crate) fn evaluate(path: &Path) -> Result<Evaluation, String> {
    let mut files = Vec::new();
    collect_files(path, &mut files)?;
    if files.is_empty() {
        return Err(format!("{}: no .tml files found", path.display()));
    }
    files.sort();
    let extractor = Extractor::new();
    let mut documents = Vec::with_capacity(files.len());
    for file in files {
        let content = std::fs::read_to_string(&file)
            .map_err(|e| format!("{}: cannot read: {e}", file.display()))?;
        let document = parse(&content).map_err(|e| format!("{}: {e}", file.display()))?;
        let article = extractor.extract_with_date(&document.text, document.reference_date);
        let system = article.times;
        let (pairs, counts) = score(&document.gold, &system);
        let folder = file
            .parent()
            .and_then(|p| p.file_name())
            .map_or_else(|| ".".to_string(), |n| n.to_string_lossy().into_owned());
        documents.push(DocumentResult {
            path: file,
            folder,
            document,
            system,
            pairs,
            counts,
        });
    }
    Ok(Evaluation { documents })
}

fn collect_files(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let meta =
        std::fs::metadata(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    if meta.is_file() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    // An explicit stack rather than recursion: directory depth is not bounded.
    let mut stack = vec![path.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries =
            std::fs::read_dir(&dir).map_err(|e| format!("{}: cannot list: {e}", dir.display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| format!("{}: cannot list: {e}", dir.display()))?;
            let p = entry.path();
            let file_type = entry
                .file_type()
                .map_err(|e| format!("{}: {e}", p.display()))?;
            if file_type.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "tml") {
                out.push(p);
            }
        }
    }
    Ok(())
}

/// Matches system expressions to gold ones one-to-one and counts.
///
/// Each gold expression takes, among the unmatched system expressions overlapping it, the one
/// with the same span, else one with the same value, else the first.
pub(crate) fn score(gold: &[Gold], system: &[TimeExpression]) -> (Vec<(usize, usize)>, Counts) {
    let mut used = vec![false; system.len()];
    let mut pairs = Vec::new();
    let mut counts = Counts {
        documents: 1,
        gold: gold.len(),
        system: system.len(),
        ..Counts::default()
    };
    for (gi, g) in gold.iter().enumerate() {
        let candidates: Vec<usize> = (0..system.len())
            .filter(|&si| !used[si] && system[si].start < g.end && g.start < system[si].end)
            .collect();
        let pick = candidates
            .iter()
            .copied()
            .find(|&si| system[si].start == g.start && system[si].end == g.end)
            .or_else(|| {
                candidates
                    .iter()
                    .copied()
                    .find(|&si| system[si].value == g.value)
            })
            .or_else(|| candidates.first().copied());
        let Some(si) = pick else { continue };
        used[si] = true;
        pairs.push((gi, si));
        let s = &system[si];
        counts.relaxed += 1;
        if s.start == g.start && s.end == g.end {
            counts.strict += 1;
        }
        if s.value == g.value {
            counts.value += 1;
        }
        if kind_name(s.kind) == g.kind {
            counts.kind += 1;
        }
    }
    (pairs, counts)
}

/// The TIMEX3 type name of a kind.
pub(crate) fn kind_name(kind: TimeKind) -> &'static str {
    match kind {
        TimeKind::Date => "DATE",
        TimeKind::Time => "TIME",
        TimeKind::Duration => "DURATION",
        TimeKind::Set => "SET",
        _ => "OTHER",
    }
}

/// Reads one TimeML document.
pub(crate) fn parse(content: &str) -> Result<Document, String> {
    let open = content
        .find("<TEXT>")
        .ok_or_else(|| "no <TEXT> element".to_string())?;
    let body_start = open + "<TEXT>".len();
    let close = content[body_start..]
        .find("</TEXT>")
        .map(|i| body_start + i)
        .ok_or_else(|| "no </TEXT> after <TEXT>".to_string())?;
    let reference_date = creation_date(content)?;
    let (text, gold) = strip(&content[body_start..close])?;
    Ok(Document {
        text,
        reference_date,
        gold,
    })
}

/// The date of the TIMEX3 marked as the creation time, anywhere in the file.
fn creation_date(content: &str) -> Result<Option<Date>, String> {
    let mut rest = content;
    while let Some(i) = rest.find("<TIMEX3") {
        let after = &rest[i..];
        let end = after
            .find('>')
            .ok_or_else(|| "unterminated <TIMEX3 tag".to_string())?;
        let tag = &after[..end];
        if attribute(tag, "functionInDocument").as_deref() == Some("CREATION_TIME") {
            let value = attribute(tag, "value")
                .ok_or_else(|| "creation time TIMEX3 without a value".to_string())?;
            let date = value
                .get(..10)
                .ok_or_else(|| format!("creation time {value:?} is not a date"))?
                .parse::<Date>()
                .map_err(|e| format!("creation time {value:?}: {e}"))?;
            return Ok(Some(date));
        }
        rest = &after[end..];
    }
    Ok(None)
}

/// The value of attribute `name` in a start tag, entities decoded.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let mut rest = tag;
    loop {
        let i = rest.find(name)?;
        let before_ok = i == 0 || rest.as_bytes()[i - 1].is_ascii_whitespace();
        let after = &rest[i + name.len()..];
        let after_trim = after.trim_start();
        if before_ok && after_trim.starts_with('=') {
            let value_part = after_trim[1..].trim_start();
            let quote = value_part.chars().next()?;
            if quote == '"' || quote == '\'' {
                let inner = &value_part[1..];
                let end = inner.find(quote)?;
                return Some(decode_entities(&inner[..end]));
            }
            return None;
        }
        rest = after;
    }
}

/// Removes the tags of `body`, decoding entities, and collects the TIMEX3 spans.
fn strip(body: &str) -> Result<(String, Vec<Gold>), String> {
    let mut text = String::with_capacity(body.len());
    let mut gold = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut rest = body;
    while let Some(i) = rest.find('<') {
        text.push_str(&decode_entities(&rest[..i]));
        let after = &rest[i..];
        let end = after
            .find('>')
            .ok_or_else(|| "unterminated tag inside <TEXT>".to_string())?;
        let tag = &after[..=end];
        if tag.starts_with("<TIMEX3") {
            if open.is_some() {
                return Err("nested TIMEX3 inside <TEXT>".to_string());
            }
            let kind = attribute(tag, "type").unwrap_or_default();
            let value = attribute(tag, "value").unwrap_or_default();
            if tag.ends_with("/>") {
                // An empty TIMEX3 has no extent to find.
            } else {
                open = Some((text.len(), kind, value));
            }
        } else if tag.starts_with("</TIMEX3") {
            let (start, kind, value) = open
                .take()
                .ok_or_else(|| "</TIMEX3> without an opening tag".to_string())?;
            gold.push(Gold {
                start,
                end: text.len(),
                kind,
                value,
            });
        }
        rest = &after[end + 1..];
    }
    text.push_str(&decode_entities(rest));
    if open.is_some() {
        return Err("unclosed TIMEX3 inside <TEXT>".to_string());
    }
    Ok((text, gold))
}

/// Decodes the five predefined XML entities; anything else is kept as written.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let decoded = [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&apos;", '\''),
        ]
        .iter()
        .find(|(entity, _)| after.starts_with(entity));
        match decoded {
            Some((entity, c)) => {
                out.push(*c);
                rest = &after[entity.len()..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" temporalFunction="false" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
AT&amp;T <EVENT eid="e1">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-01-08">today</TIMEX3> that sales fell in <TIMEX3 tid="t2" type="DATE" value="1997-10">October</TIMEX3>, over <TIMEX3 tid="t3" type="DURATION" value="P3M">the past three months</TIMEX3>.
</TEXT>
</TimeML>"#;

    #[test]
    fn parses_text_gold_and_creation_time() {
        let d = parse(SAMPLE).unwrap();
        assert_eq!(d.reference_date, Some(Date::new(1998, 1, 8).unwrap()));
        assert!(d.text.starts_with("\nAT&T said today"));
        let spans: Vec<&str> = d.gold.iter().map(|g| &d.text[g.start..g.end]).collect();
        assert_eq!(spans, ["today", "October", "the past three months"]);
        assert_eq!(d.gold[2].kind, "DURATION");
        assert_eq!(d.gold[1].value, "1997-10");
    }

    #[test]
    fn scores_relaxed_strict_and_value() {
        let d = parse(SAMPLE).unwrap();
        let t = |text: &str, value: &str, kind| {
            let start = d.text.find(text).unwrap();
            TimeExpression {
                text: text.to_string(),
                start,
                end: start + text.len(),
                kind,
                value: value.to_string(),
                anchored: true,
            }
        };
        let system = vec![
            t("today", "1998-01-08", TimeKind::Date),
            t("October", "1998-10", TimeKind::Date),
            t("three months", "P3M", TimeKind::Duration),
            t("sales", "PRESENT_REF", TimeKind::Date),
        ];
        let (pairs, c) = score(&d.gold, &system);
        assert_eq!(pairs, vec![(0, 0), (1, 1), (2, 2)]);
        assert_eq!(
            (c.gold, c.system, c.relaxed, c.strict, c.value, c.kind),
            (3, 4, 3, 2, 2, 3)
        );
        let (p, r, f) = prf(c.value, c.system, c.gold);
        assert!((p - 0.5).abs() < 1e-9 && (r - 2.0 / 3.0).abs() < 1e-9);
        assert!((f - 4.0 / 7.0).abs() < 1e-9);
    }

    #[test]
    fn reports_bad_files() {
        assert!(parse("<TimeML></TimeML>").is_err());
        assert!(parse("<TEXT><TIMEX3 value=\"x\">a</TEXT>").is_err());
        assert!(run(Path::new("/nonexistent/timeml")).is_err());
    }

    #[test]
    fn decodes_entities() {
        assert_eq!(
            decode_entities("a &lt;b&gt; &amp;Cx1f; &quot;&apos;&x"),
            "a <b> &Cx1f; \"'&x"
        );
    }
}
