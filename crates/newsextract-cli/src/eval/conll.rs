//! `newsextract eval conll FILE`: named entities against a CoNLL-2003 column file.
//!
//! Each `-DOCSTART-` article becomes one text: its tokens joined by spaces, its sentences by
//! newlines. The text goes through the full pipeline (`Extractor::extract`); every entity
//! mention is mapped back to the CoNLL tokens it overlaps and given a CoNLL type (person →
//! PER, organization → ORG, location → LOC, nationality and every other kind → MISC). A
//! found entity is correct when its first token, last token and type equal a gold entity's
//! (IOB1 tags read as CoNLL's `conlleval` reads them). Precision, recall and F1 are given per
//! type and over all types (micro average).

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use newsextract::{Article, EntityKind, Extractor};
use serde_json::json;

use super::{EvalResult, Report};

/// The CoNLL types, in report order.
const TYPES: [&str; 4] = ["PER", "LOC", "ORG", "MISC"];

/// Runs the conll evaluation on `path`.
pub fn run(path: &Path) -> EvalResult {
    let content = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let documents = read(&content).map_err(|e| format!("{}:{e}", path.display()))?;
    let extractor = Extractor::new();
    let texts: Vec<&str> = documents.iter().map(|d| d.text.as_str()).collect();
    let articles = extractor.extract_batch(&texts);
    let mut score = Score::default();
    for (document, article) in documents.iter().zip(&articles) {
        score.add(&document.gold, &found(document, article));
    }
    Ok(report(path, &documents, &score))
}

/// An entity as token indices of its document, `first..=last`, with its CoNLL type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Span {
    pub(crate) first: usize,
    pub(crate) last: usize,
    pub(crate) label: &'static str,
}

/// One article of the file.
#[derive(Debug, Clone)]
pub(crate) struct Document {
    /// Tokens joined by spaces, sentences by newlines.
    pub(crate) text: String,
    /// Byte span of each token in `text`.
    pub(crate) tokens: Vec<(usize, usize)>,
    /// Gold entities.
    pub(crate) gold: BTreeSet<Span>,
}

fn label(tag: &str) -> Option<&'static str> {
    TYPES.iter().copied().find(|t| *t == tag)
}

/// Reads a CoNLL-2003 file: `token POS chunk NER` per line, blank lines between sentences,
/// `-DOCSTART-` lines between articles. Errors name the line.
pub(crate) fn read(content: &str) -> Result<Vec<Document>, String> {
    let mut documents = Vec::new();
    let mut document = Document {
        text: String::new(),
        tokens: Vec::new(),
        gold: BTreeSet::new(),
    };
    let mut in_sentence = false;
    let mut open: Option<Span> = None;
    let close = |document: &mut Document, open: &mut Option<Span>| {
        if let Some(span) = open.take() {
            document.gold.insert(span);
        }
    };
    for (number, line) in content.lines().enumerate() {
        let line = line.trim_end();
        if line.starts_with("-DOCSTART-") {
            close(&mut document, &mut open);
            if !document.tokens.is_empty() {
                documents.push(std::mem::replace(
                    &mut document,
                    Document {
                        text: String::new(),
                        tokens: Vec::new(),
                        gold: BTreeSet::new(),
                    },
                ));
            }
            in_sentence = false;
            continue;
        }
        if line.is_empty() {
            close(&mut document, &mut open);
            in_sentence = false;
            continue;
        }
        let fields: Vec<&str> = line.split_whitespace().collect();
        let (Some(token), Some(tag)) = (fields.first(), fields.last()) else {
            continue;
        };
        if fields.len() < 2 {
            return Err(format!("{}: expected a token and an NER tag", number + 1));
        }
        if in_sentence {
            document.text.push(' ');
        } else if !document.text.is_empty() {
            document.text.push('\n');
        }
        in_sentence = true;
        let start = document.text.len();
        document.text.push_str(token);
        document.tokens.push((start, document.text.len()));
        let index = document.tokens.len() - 1;
        let (prefix, type_name) = tag.split_once('-').unwrap_or((tag, ""));
        let type_label = match (prefix, label(type_name)) {
            ("O", _) => None,
            ("I" | "B", Some(l)) => Some(l),
            _ => return Err(format!("{}: unknown NER tag {tag:?}", number + 1)),
        };
        match (prefix, type_label) {
            ("I", Some(l)) if open.is_some_and(|s| s.label == l) => {
                if let Some(span) = open.as_mut() {
                    span.last = index;
                }
            }
            (_, Some(l)) => {
                close(&mut document, &mut open);
                open = Some(Span {
                    first: index,
                    last: index,
                    label: l,
                });
            }
            _ => close(&mut document, &mut open),
        }
    }
    close(&mut document, &mut open);
    if !document.tokens.is_empty() {
        documents.push(document);
    }
    Ok(documents)
}

/// The CoNLL type of an entity kind.
pub(crate) fn conll_label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "PER",
        EntityKind::Organization => "ORG",
        EntityKind::Location => "LOC",
        _ => "MISC",
    }
}

/// The article's mentions as CoNLL token spans: each mention covers the tokens it overlaps.
pub(crate) fn found(document: &Document, article: &Article) -> BTreeSet<Span> {
    let tokens = &document.tokens;
    let mut out = BTreeSet::new();
    for entity in &article.entities {
        for mention in &entity.mentions {
            // The first token ending after the mention starts, the last starting before it ends.
            let first = tokens.partition_point(|&(_, end)| end <= mention.start);
            let after = tokens.partition_point(|&(start, _)| start < mention.end);
            if first < after {
                out.insert(Span {
                    first,
                    last: after - 1,
                    label: conll_label(entity.kind),
                });
            }
        }
    }
    out
}

/// Counts per type: correct, found, gold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Score {
    pub(crate) counts: [[usize; 3]; 4],
}

impl Score {
    pub(crate) fn add(&mut self, gold: &BTreeSet<Span>, found: &BTreeSet<Span>) {
        for (t, ty) in TYPES.iter().enumerate() {
            let gold_t = gold.iter().filter(|s| s.label == *ty);
            let found_t: BTreeSet<&Span> = found.iter().filter(|s| s.label == *ty).collect();
            let mut g = 0;
            for span in gold_t {
                g += 1;
                if found_t.contains(span) {
                    self.counts[t][0] += 1;
                }
            }
            self.counts[t][1] += found_t.len();
            self.counts[t][2] += g;
        }
    }

    fn overall(&self) -> [usize; 3] {
        let mut total = [0; 3];
        for c in &self.counts {
            for k in 0..3 {
                total[k] += c[k];
            }
        }
        total
    }
}

/// Precision, recall, F1 of (correct, found, gold).
pub(crate) fn prf([correct, found, gold]: [usize; 3]) -> (f64, f64, f64) {
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let (p, r) = (ratio(correct, found), ratio(correct, gold));
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

fn report(path: &Path, documents: &[Document], score: &Score) -> Report {
    let round = |x: f64| (x * 10_000.0).round() / 10_000.0;
    let mut text = String::new();
    let tokens: usize = documents.iter().map(|d| d.tokens.len()).sum();
    let _ = writeln!(
        text,
        "CoNLL-2003 entities, exact match: {} ({} articles, {} tokens)",
        path.display(),
        documents.len(),
        tokens
    );
    let _ = writeln!(
        text,
        "{:<8}{:>10}{:>10}{:>10}{:>9}{:>9}{:>9}",
        "type", "precision", "recall", "F1", "correct", "found", "gold"
    );
    let mut types = serde_json::Map::new();
    let rows = TYPES
        .iter()
        .zip(score.counts.iter().copied())
        .map(|(t, c)| (*t, c))
        .chain(std::iter::once(("overall", score.overall())));
    for (name, counts) in rows {
        let (p, r, f) = prf(counts);
        let _ = writeln!(
            text,
            "{name:<8}{p:>10.4}{r:>10.4}{f:>10.4}{:>9}{:>9}{:>9}",
            counts[0], counts[1], counts[2]
        );
        let figures = json!({
            "precision": round(p), "recall": round(r), "f1": round(f),
            "correct": counts[0], "found": counts[1], "gold": counts[2],
        });
        if name == "overall" {
            types.insert("overall".into(), figures);
        } else {
            types.insert(name.to_string(), figures);
        }
    }
    let overall = types.remove("overall").unwrap_or_default();
    Report {
        text,
        json: json!({
            "evaluation": "conll",
            "file": path.display().to_string(),
            "articles": documents.len(),
            "tokens": tokens,
            "match": "exact",
            "types": types,
            "overall": overall,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "-DOCSTART- -X- O O\n\n\
        EU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\ncall NN I-NP O\n. . O O\n\n\
        Peter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n\n\
        -DOCSTART- -X- O O\n\n\
        Zoë NNP I-NP I-PER\nMüller NNP I-NP B-PER\nvisited VBD I-VP O\nNew NNP I-NP I-LOC\nYork NNP I-NP I-LOC\n";

    #[test]
    fn reads_articles_tokens_and_iob1_entities() {
        let docs = read(SAMPLE).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].text, "EU rejects German call .\nPeter Blackburn");
        assert_eq!(docs[1].text, "Zoë Müller visited New York");
        let spans = |d: &Document| -> Vec<(usize, usize, &str)> {
            d.gold.iter().map(|s| (s.first, s.last, s.label)).collect()
        };
        assert_eq!(
            spans(&docs[0]),
            [(0, 0, "ORG"), (2, 2, "MISC"), (5, 6, "PER")]
        );
        // B- starts a new entity next to one of the same type.
        assert_eq!(
            spans(&docs[1]),
            [(0, 0, "PER"), (1, 1, "PER"), (3, 4, "LOC")]
        );
        let (start, end) = docs[1].tokens[1];
        assert_eq!(&docs[1].text[start..end], "Müller");
        assert!(read("a b c X-FOO\n").is_err());
    }

    #[test]
    fn mentions_map_to_tokens_and_score() {
        let docs = read(SAMPLE).unwrap();
        let doc = &docs[1];
        let mut article = Article::default();
        let entity = |kind, spans: &[(usize, usize)]| newsextract::Entity {
            id: 0,
            kind,
            name: String::new(),
            mentions: spans
                .iter()
                .map(|&(s, e)| newsextract::TextSpan {
                    text: doc.text[s..e].to_string(),
                    start: s,
                    end: e,
                })
                .collect(),
            titles: Vec::new(),
            acronym: None,
            country: None,
            geo: None,
        };
        // "Zoë Müller" as one person (wrong: two in gold), "New York" right, "York" alone wrong.
        let zoe_end = doc.tokens[1].1;
        article
            .entities
            .push(entity(EntityKind::Person, &[(0, zoe_end)]));
        article.entities.push(entity(
            EntityKind::Location,
            &[(doc.tokens[3].0, doc.tokens[4].1)],
        ));
        article.entities.push(entity(
            EntityKind::Nationality,
            &[(doc.tokens[4].0, doc.tokens[4].1 - 1)],
        ));
        let found = found(doc, &article);
        let got: Vec<(usize, usize, &str)> =
            found.iter().map(|s| (s.first, s.last, s.label)).collect();
        assert_eq!(got, [(0, 1, "PER"), (3, 4, "LOC"), (4, 4, "MISC")]);
        let mut score = Score::default();
        score.add(&doc.gold, &found);
        assert_eq!(score.counts[0], [0, 1, 2]); // PER
        assert_eq!(score.counts[1], [1, 1, 1]); // LOC
        assert_eq!(score.counts[3], [0, 1, 0]); // MISC
        let (p, r, f) = prf(score.overall());
        assert!(
            (p - 1.0 / 3.0).abs() < 1e-9
                && (r - 1.0 / 3.0).abs() < 1e-9
                && (f - 1.0 / 3.0).abs() < 1e-9
        );
    }

    #[test]
    fn end_to_end_report() {
        let path =
            std::env::temp_dir().join(format!("newsextract-conll-{}.txt", std::process::id()));
        std::fs::write(&path, SAMPLE).unwrap();
        let report = run(&path).unwrap();
        std::fs::remove_file(&path).ok();
        assert_eq!(report.json["articles"], 2);
        assert_eq!(report.json["types"]["PER"]["gold"], 3);
        assert_eq!(report.json["overall"]["gold"], 6);
        assert!(report.text.contains("overall"));
        assert!(run(Path::new("/nonexistent/eng.testa")).is_err());
    }
}
