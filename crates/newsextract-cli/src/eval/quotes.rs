//! `newsextract eval quotes DIR`: quotes and speakers against PolNeAR-style attributions.
//!
//! Layout: `DIR/text/<article>.txt` (title on line 1) and brat standoff files
//! `DIR/attributions/<article>_<annotator>.ann` with `Source`, `Cue` and `Content` spans in
//! character offsets (discontinuous spans as `start end;start end`), tied together by `E`
//! relations. An article annotated twice is scored against the first annotator in sorted order.
//!
//! The measures, on the extractor's direct and partial quotes:
//! - recall: of the quoted segments (the words between a pair of quote marks in the text) of at
//!   least two words lying at least half inside a gold Content, the share an extracted quote
//!   covers by at least half;
//! - precision: of the extracted quotes, the share lying at least half inside a gold Content;
//! - speaker accuracy: of the found segments whose gold Source has a capitalised word, the share
//!   whose extracted speaker overlaps that Source or whose name contains the Source's last
//!   capitalised word.
//!
//! The quoted segments are found here with a deliberately simple pairing of marks per line,
//! independent of the extractor's own scanner. Overlaps are measured in bytes.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::json;

use super::{EvalResult, Report};

/// A byte range in an article.
type Range = (usize, usize);

/// One gold attribution's content and its source.
#[derive(Debug, Clone, Default, PartialEq)]
struct Attribution {
    content: Vec<Range>,
    source: Vec<Range>,
}

/// One annotated article.
#[derive(Debug, Clone)]
struct Article {
    name: String,
    text: String,
    attributions: Vec<Attribution>,
}

/// What was counted, for the table and the JSON.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Counts {
    articles: usize,
    segments: usize,
    found: usize,
    extracted: usize,
    inside: usize,
    speaker_scored: usize,
    speaker_correct: usize,
    direct: usize,
    partial: usize,
    indirect: usize,
    /// Direct quotes lying at least half inside a gold Content.
    direct_inside: usize,
    /// Partial quotes without a speaker: scare quotes and titles, mostly.
    unattributed_partial: usize,
    /// Of those, the ones lying at least half inside a gold Content.
    unattributed_partial_inside: usize,
}

/// One error, listed with `--misses` for error analysis.
#[derive(Debug, Clone, PartialEq)]
struct Miss {
    /// `outside` (an extracted quote in no gold Content), `missed` (a quoted segment no quote
    /// covers) or `speaker` (a found segment with the wrong speaker or none).
    what: &'static str,
    article: String,
    start: usize,
    end: usize,
    /// The quote's kind (`direct`, `partial`), or empty for a missed segment.
    kind: &'static str,
    /// The extracted speaker's name, if any.
    speaker: Option<String>,
    /// The gold Source's text, for speaker misses.
    gold_source: Option<String>,
}

/// Runs the quotes evaluation on `path`; with `misses`, the report also lists every error.
pub fn run(path: &Path, misses: bool) -> EvalResult {
    let articles = load(path)?;
    let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
    let extracted = newsextract::Extractor::new().extract_batch(&texts);
    let mut counts = Counts {
        articles: articles.len(),
        ..Counts::default()
    };
    let mut listed = misses.then(Vec::new);
    for (article, result) in articles.iter().zip(&extracted) {
        score(article, &result.quotes, &mut counts, listed.as_mut());
    }
    let mut report = report(path, &counts);
    if let Some(listed) = listed {
        add_misses(&mut report, &articles, &listed);
    }
    Ok(report)
}

/// Reads every annotated article under `dir`.
fn load(dir: &Path) -> Result<Vec<Article>, String> {
    let text_dir = dir.join("text");
    let ann_dir = [dir.join("attributions"), dir.join("ann"), dir.to_path_buf()]
        .into_iter()
        .find(|d| has_ann_files(d))
        .ok_or_else(|| format!("{}: no .ann files in attributions/ or here", dir.display()))?;
    let mut by_article: BTreeMap<String, PathBuf> = BTreeMap::new();
    let mut ann_files = list(&ann_dir, "ann")?;
    ann_files.sort();
    for ann in ann_files {
        let stem = ann
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let article = article_of(&stem, &text_dir);
        // Sorted order: the first annotator of an article wins.
        by_article.entry(article).or_insert(ann);
    }
    let mut articles = Vec::with_capacity(by_article.len());
    for (name, ann) in by_article {
        let text_path = text_dir.join(format!("{name}.txt"));
        let bytes = fs::read(&text_path).map_err(|e| format!("{}: {e}", text_path.display()))?;
        let text = String::from_utf8(bytes)
            .map_err(|e| format!("{}: not UTF-8: {e}", text_path.display()))?;
        let standoff = fs::read_to_string(&ann).map_err(|e| format!("{}: {e}", ann.display()))?;
        let attributions =
            parse_ann(&standoff, &text).map_err(|e| format!("{}: {e}", ann.display()))?;
        articles.push(Article {
            name,
            text,
            attributions,
        });
    }
    if articles.is_empty() {
        return Err(format!("{}: no articles found", dir.display()));
    }
    Ok(articles)
}

fn has_ann_files(dir: &Path) -> bool {
    list(dir, "ann").is_ok_and(|files| !files.is_empty())
}

fn list(dir: &Path, extension: &str) -> Result<Vec<PathBuf>, String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .collect())
}

/// `<article>_<annotator>` -> `<article>` when that article's text exists; else the stem.
fn article_of(stem: &str, text_dir: &Path) -> String {
    if let Some((article, _annotator)) = stem.rsplit_once('_') {
        if text_dir.join(format!("{article}.txt")).exists()
            && !text_dir.join(format!("{stem}.txt")).exists()
        {
            return article.to_string();
        }
    }
    stem.to_string()
}

/// Parses brat standoff into attributions, with character offsets turned into byte offsets.
fn parse_ann(standoff: &str, text: &str) -> Result<Vec<Attribution>, String> {
    let byte_at: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let mut spans: BTreeMap<&str, (&str, Vec<Range>)> = BTreeMap::new();
    let mut relations: Vec<Vec<(&str, &str)>> = Vec::new();
    for (number, line) in standoff.lines().enumerate() {
        let mut fields = line.split('\t');
        let id = fields.next().unwrap_or_default();
        let body = fields.next().unwrap_or_default();
        // A span's text may hold a line break: its continuation lines carry no id.
        let is_id = id.len() > 1 && id[1..].bytes().all(|b| b.is_ascii_digit());
        if !is_id {
            continue;
        }
        if id.starts_with('T') {
            let (kind, offsets) = body
                .split_once(' ')
                .ok_or_else(|| format!("line {}: no offsets", number + 1))?;
            let mut ranges = Vec::new();
            for part in offsets.split(';') {
                let (start, end) = part
                    .trim()
                    .split_once(' ')
                    .ok_or_else(|| format!("line {}: bad offsets {part:?}", number + 1))?;
                let convert = |offset: &str| -> Result<usize, String> {
                    let chars: usize = offset
                        .parse()
                        .map_err(|_| format!("line {}: bad offset {offset:?}", number + 1))?;
                    byte_at.get(chars).copied().ok_or_else(|| {
                        format!("line {}: offset {chars} past the text's end", number + 1)
                    })
                };
                ranges.push((convert(start)?, convert(end)?));
            }
            spans.insert(id, (kind, ranges));
        } else if id.starts_with('E') {
            relations.push(
                body.split_whitespace()
                    .filter_map(|arg| arg.split_once(':'))
                    .collect(),
            );
        }
    }
    let mut attributions = Vec::new();
    let mut linked = std::collections::BTreeSet::new();
    for relation in &relations {
        let find = |role: &str| -> Vec<Range> {
            relation
                .iter()
                .filter(|(r, _)| *r == role)
                .filter_map(|(_, id)| spans.get(id))
                .flat_map(|(_, ranges)| ranges.iter().copied())
                .collect()
        };
        for (role, id) in relation {
            if *role == "Content" {
                linked.insert(*id);
            }
        }
        let content = find("Content");
        if !content.is_empty() {
            attributions.push(Attribution {
                content,
                source: find("Source"),
            });
        }
    }
    // A Content no relation names still marks quoted material.
    for (id, (kind, ranges)) in &spans {
        if *kind == "Content" && !linked.contains(id) {
            attributions.push(Attribution {
                content: ranges.clone(),
                source: Vec::new(),
            });
        }
    }
    Ok(attributions)
}

/// The quoted segments of `text`: per line, words between “ and ”, between two straight
/// double marks (or two-apostrophe marks ''), and between ‘ and ’ at word edges. Unclosed
/// marks are dropped.
fn quoted_segments(text: &str) -> Vec<Range> {
    let mut segments = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let mut curly: Option<usize> = None;
        let mut straight: Option<usize> = None;
        let mut single: Option<usize> = None;
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        let mut i = 0;
        while i < chars.len() {
            let (offset, c) = chars[i];
            let at = line_start + offset;
            let prev = i.checked_sub(1).map(|p| chars[p].1);
            let next = chars.get(i + 1).map(|&(_, n)| n);
            // Each open slot holds where the quoted words start.
            let mut close = |open: &mut Option<usize>| {
                if let Some(start) = open.take() {
                    segments.push((start, at));
                }
            };
            let after = at + c.len_utf8();
            match c {
                '\u{201C}' | '\u{00AB}' if curly.is_none() => curly = Some(after),
                '\u{201D}' | '\u{00BB}' => close(&mut curly),
                '"' => match straight {
                    Some(_) => close(&mut straight),
                    None => straight = Some(after),
                },
                '\'' if next == Some('\'') => {
                    match straight {
                        Some(_) => close(&mut straight),
                        None => straight = Some(at + 2),
                    }
                    i += 1;
                }
                '\u{2018}' if !prev.is_some_and(char::is_alphanumeric) => single = Some(after),
                '\u{2019}' if !next.is_some_and(char::is_alphanumeric) => close(&mut single),
                _ => {}
            }
            i += 1;
        }
        line_start += line.len();
    }
    segments
        .into_iter()
        .filter_map(|(start, end)| {
            let inner = text.get(start..end)?;
            let trimmed = inner.trim();
            let lead = inner.len() - inner.trim_start().len();
            (!trimmed.is_empty()).then_some((start + lead, start + lead + trimmed.len()))
        })
        .collect()
}

fn overlap(a: Range, b: Range) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

fn overlap_all(a: Range, ranges: &[Range]) -> usize {
    ranges.iter().map(|&r| overlap(a, r)).sum()
}

fn half_inside(a: Range, ranges: &[Range]) -> bool {
    a.1 > a.0 && overlap_all(a, ranges) * 2 >= a.1 - a.0
}

/// The last capitalised word of a source, without surrounding punctuation or a possessive.
fn last_capitalised_word(source: &str) -> Option<&str> {
    source
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .map(|w| {
            w.strip_suffix("\u{2019}s")
                .or_else(|| w.strip_suffix("'s"))
                .unwrap_or(w)
        })
        .rfind(|w| w.chars().next().is_some_and(char::is_uppercase))
}

fn score(
    article: &Article,
    quotes: &[newsextract::Quote],
    counts: &mut Counts,
    mut misses: Option<&mut Vec<Miss>>,
) {
    let text = &article.text;
    let mut scored: Vec<&newsextract::Quote> = Vec::new();
    for quote in quotes {
        match quote.kind {
            newsextract::QuoteKind::Direct => counts.direct += 1,
            newsextract::QuoteKind::Partial => counts.partial += 1,
            _ => {
                counts.indirect += 1;
                continue;
            }
        }
        scored.push(quote);
    }
    counts.extracted += scored.len();
    for quote in &scored {
        let inside = article
            .attributions
            .iter()
            .any(|a| half_inside((quote.start, quote.end), &a.content));
        let direct = quote.kind == newsextract::QuoteKind::Direct;
        let unattributed_partial = !direct && quote.speaker.is_none();
        counts.inside += usize::from(inside);
        if let (false, Some(misses)) = (inside, misses.as_deref_mut()) {
            misses.push(Miss {
                what: "outside",
                article: article.name.clone(),
                start: quote.start,
                end: quote.end,
                kind: kind_name(quote.kind),
                speaker: quote.speaker.as_ref().map(|s| s.name.clone()),
                gold_source: None,
            });
        }
        counts.direct_inside += usize::from(inside && direct);
        counts.unattributed_partial += usize::from(unattributed_partial);
        counts.unattributed_partial_inside += usize::from(inside && unattributed_partial);
    }
    for segment in quoted_segments(text) {
        if text[segment.0..segment.1].split_whitespace().count() < 2 {
            continue;
        }
        // The innermost attribution holding the segment names its source.
        let Some(gold) = article
            .attributions
            .iter()
            .filter(|a| half_inside(segment, &a.content))
            .min_by_key(|a| a.content.iter().map(|r| r.1 - r.0).sum::<usize>())
        else {
            continue;
        };
        counts.segments += 1;
        let best = scored
            .iter()
            .map(|q| (overlap(segment, (q.start, q.end)), q))
            .filter(|(o, _)| o * 2 >= segment.1 - segment.0)
            .max_by_key(|(o, q)| (*o, std::cmp::Reverse(q.start)));
        let Some((_, quote)) = best else {
            if let Some(misses) = misses.as_deref_mut() {
                misses.push(Miss {
                    what: "missed",
                    article: article.name.clone(),
                    start: segment.0,
                    end: segment.1,
                    kind: "",
                    speaker: None,
                    gold_source: None,
                });
            }
            continue;
        };
        counts.found += 1;
        let source: Vec<&str> = gold
            .source
            .iter()
            .filter_map(|&(s, e)| text.get(s..e))
            .collect();
        let source = source.join(" ");
        let Some(last_word) = last_capitalised_word(&source) else {
            continue;
        };
        counts.speaker_scored += 1;
        let correct = quote.speaker.as_ref().is_some_and(|s| {
            overlap_all((s.start, s.end), &gold.source) > 0 || s.name.contains(last_word)
        });
        if correct {
            counts.speaker_correct += 1;
        } else if let Some(misses) = misses.as_deref_mut() {
            misses.push(Miss {
                what: "speaker",
                article: article.name.clone(),
                start: segment.0,
                end: segment.1,
                kind: kind_name(quote.kind),
                speaker: quote.speaker.as_ref().map(|s| s.name.clone()),
                gold_source: Some(source),
            });
        }
    }
}

fn kind_name(kind: newsextract::QuoteKind) -> &'static str {
    match kind {
        newsextract::QuoteKind::Direct => "direct",
        newsextract::QuoteKind::Partial => "partial",
        _ => "indirect",
    }
}

/// Appends the listed errors to the report: a line each in the table, an array in the JSON.
fn add_misses(report: &mut Report, articles: &[Article], misses: &[Miss]) {
    let text_of = |name: &str| {
        articles
            .iter()
            .find(|a| a.name == name)
            .map_or("", |a| a.text.as_str())
    };
    let mut lines = format!("misses             {}\n", misses.len());
    let mut array = Vec::with_capacity(misses.len());
    for miss in misses {
        let quoted = text_of(&miss.article)
            .get(miss.start..miss.end)
            .unwrap_or_default()
            .replace('\n', " ");
        let speaker = miss.speaker.as_deref().unwrap_or("-");
        let mut line = format!(
            "{what:<8} {article} {start}..{end} {kind:<7} speaker {speaker}",
            what = miss.what,
            article = miss.article,
            start = miss.start,
            end = miss.end,
            kind = if miss.kind.is_empty() { "-" } else { miss.kind },
        );
        if let Some(gold) = &miss.gold_source {
            line.push_str(&format!(" (gold {gold:?})"));
        }
        lines.push_str(&format!("{line}: {quoted:?}\n"));
        array.push(json!({
            "what": miss.what,
            "article": miss.article,
            "start": miss.start,
            "end": miss.end,
            "kind": miss.kind,
            "text": quoted,
            "speaker": miss.speaker,
            "gold_source": miss.gold_source,
        }));
    }
    report.text.push_str(&lines);
    report.json["misses"] = serde_json::Value::Array(array);
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

fn report(path: &Path, c: &Counts) -> Report {
    let recall = ratio(c.found, c.segments);
    let precision = ratio(c.inside, c.extracted);
    let speaker = ratio(c.speaker_correct, c.speaker_scored);
    let text = format!(
        "quotes on {dir} ({articles} articles)\n\
         measure            value   count\n\
         recall             {recall:.3}   {found}/{segments} quoted segments found\n\
         precision          {precision:.3}   {inside}/{extracted} direct+partial quotes inside a Content\n\
         speaker accuracy   {speaker:.3}   {correct}/{scored} found segments with a named source\n\
         extracted          direct {direct}, partial {partial}, indirect {indirect}\n\
         diagnostics        precision of direct quotes {direct_precision:.3} ({direct_inside}/{direct}); \
         partial quotes without a speaker {unattributed} ({unattributed_inside} inside a Content)\n",
        dir = path.display(),
        articles = c.articles,
        found = c.found,
        segments = c.segments,
        inside = c.inside,
        extracted = c.extracted,
        correct = c.speaker_correct,
        scored = c.speaker_scored,
        direct = c.direct,
        partial = c.partial,
        indirect = c.indirect,
        direct_precision = ratio(c.direct_inside, c.direct),
        direct_inside = c.direct_inside,
        unattributed = c.unattributed_partial,
        unattributed_inside = c.unattributed_partial_inside,
    );
    let json = json!({
        "task": "quotes",
        "data": path.display().to_string(),
        "articles": c.articles,
        "recall": recall,
        "precision": precision,
        "speaker_accuracy": speaker,
        "segments": c.segments,
        "found": c.found,
        "extracted": c.extracted,
        "inside": c.inside,
        "speaker_scored": c.speaker_scored,
        "speaker_correct": c.speaker_correct,
        "direct": c.direct,
        "partial": c.partial,
        "indirect": c.indirect,
        "direct_inside": c.direct_inside,
        "precision_direct": ratio(c.direct_inside, c.direct),
        "unattributed_partial": c.unattributed_partial,
        "unattributed_partial_inside": c.unattributed_partial_inside,
    });
    Report { text, json }
}

#[cfg(test)]
mod tests_support {
    pub(super) fn quote(
        start: usize,
        end: usize,
        text: &str,
        speaker: Option<(usize, usize, &str)>,
    ) -> newsextract::Quote {
        newsextract::Quote {
            text: text[start..end].to_string(),
            start,
            end,
            kind: newsextract::QuoteKind::Direct,
            speaker: speaker.map(|(s, e, name)| newsextract::Speaker {
                name: name.to_string(),
                entity: None,
                text: text[s..e].to_string(),
                start: s,
                end: e,
            }),
            cue: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::tests_support::quote;
    use super::*;

    #[test]
    fn segments_pair_simply_per_line() {
        let text =
            "He said “one two” and \"three four\".\n“open\nZoë ''five six'' ‘seven eight’ don’t";
        let got: Vec<&str> = quoted_segments(text)
            .iter()
            .map(|&(s, e)| &text[s..e])
            .collect();
        assert_eq!(got, ["one two", "three four", "five six", "seven eight"]);
    }

    #[test]
    fn standoff_offsets_are_characters_and_relations_tie_source_to_content() {
        let text = "Zoë said “ça va bien” today.";
        let standoff = "T1\tSource 0 3\tZoë\n\
                        T2\tCue 4 8\tsaid\n\
                        T3\tContent 9 21\t“ça va bien”\n\
                        T4\tAttribution 4 8\tsaid\n\
                        E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n";
        let attributions = parse_ann(standoff, text).unwrap();
        assert_eq!(attributions.len(), 1);
        let a = &attributions[0];
        assert_eq!(&text[a.source[0].0..a.source[0].1], "Zoë");
        assert_eq!(&text[a.content[0].0..a.content[0].1], "“ça va bien”");
        assert!(parse_ann("T1\tContent 0 999\tx\n", text).is_err());
    }

    #[test]
    fn span_texts_running_over_lines_are_skipped() {
        let text = "3.\n\nThe number grew, it said.";
        let standoff = "T1\tContent 0 2;4 17\t3.\n\nThe number grew\nT2\tSource 19 21\tit\n\
                        E1\tAttribution:T9 Content:T1 Source:T2\n";
        let attributions = parse_ann(standoff, text).unwrap();
        assert_eq!(attributions.len(), 1);
        assert_eq!(attributions[0].source, vec![(19, 21)]);
    }

    #[test]
    fn discontinuous_spans_and_unlinked_contents() {
        let text = "“A b,” he said. “C d.”";
        let standoff = "T1\tContent 0 6;16 22\tx\nT2\tContent 7 9\the\n";
        let attributions = parse_ann(standoff, text).unwrap();
        assert_eq!(attributions.len(), 2);
        // Character offsets 0..6 and 16..22 are bytes 0..10 and 20..30 (“ and ” take three).
        assert_eq!(attributions[0].content, vec![(0, 10), (20, 30)]);
        let second = attributions[0].content[1];
        assert_eq!(&text[second.0..second.1], "“C d.”");
    }

    #[test]
    fn last_capitalised_word_drops_possessives_and_punctuation() {
        assert_eq!(
            last_capitalised_word("Hillary Clinton's campaign"),
            Some("Clinton")
        );
        assert_eq!(last_capitalised_word("the former secretary"), None);
        assert_eq!(
            last_capitalised_word("Sen. Warren (D-Mass.),"),
            Some("D-Mass")
        );
    }

    #[test]
    fn scoring_counts_recall_precision_and_speakers() {
        let text =
            "“We will win this,” said Miller. A “scare quote” here. “Also mine.”".to_string();
        let miller = text.find("Miller").unwrap();
        let first = (text.find("We").unwrap(), text.find(",”").unwrap());
        let article = Article {
            name: "a".into(),
            text: text.clone(),
            attributions: vec![Attribution {
                content: vec![(0, text.find(" said").unwrap())],
                source: vec![(miller, miller + 6)],
            }],
        };
        let scare = (text.find("scare").unwrap(), text.find(" here").unwrap() - 3);
        let quotes = vec![
            quote(
                first.0,
                first.1,
                &text,
                Some((miller, miller + 6, "Matthew Miller")),
            ),
            quote(scare.0, scare.1, &text, None),
        ];
        let mut counts = Counts::default();
        score(&article, &quotes, &mut counts, None);
        assert_eq!((counts.segments, counts.found), (1, 1));
        assert_eq!((counts.extracted, counts.inside), (2, 1));
        assert_eq!((counts.speaker_scored, counts.speaker_correct), (1, 1));
        let r = report(Path::new("dev"), &counts);
        assert_eq!(r.json["recall"], 1.0);
        assert_eq!(r.json["precision"], 0.5);
    }

    #[test]
    fn misses_name_each_error_with_its_place() {
        let text = "“We will win this,” said Miller. “Not at all,” Jones said. A “scare quote”."
            .to_string();
        let miller = text.find("Miller").unwrap();
        let jones = text.find("Jones").unwrap();
        let second = (text.find("Not").unwrap(), text.find(",” Jones").unwrap());
        let article = Article {
            name: "a".into(),
            text: text.clone(),
            attributions: vec![
                Attribution {
                    content: vec![(0, text.find(" said").unwrap())],
                    source: vec![(miller, miller + 6)],
                },
                Attribution {
                    content: vec![second],
                    source: vec![(jones, jones + 5)],
                },
            ],
        };
        let scare = (text.find("scare").unwrap(), text.rfind('”').unwrap());
        // The first segment is not extracted, the second has the wrong speaker, the scare quote
        // lies outside every Content.
        let quotes = vec![
            quote(
                second.0,
                second.1,
                &text,
                Some((miller, miller + 6, "Miller")),
            ),
            quote(scare.0, scare.1, &text, None),
        ];
        let mut counts = Counts::default();
        let mut misses = Vec::new();
        score(&article, &quotes, &mut counts, Some(&mut misses));
        let what: Vec<_> = misses.iter().map(|m| (m.what, m.start)).collect();
        assert_eq!(
            what,
            [("outside", scare.0), ("missed", 3), ("speaker", second.0)]
        );
        assert_eq!(misses[2].gold_source.as_deref(), Some("Jones"));
        let mut r = report(Path::new("dev"), &counts);
        add_misses(&mut r, std::slice::from_ref(&article), &misses);
        assert!(r.text.contains("misses             3\n"), "{}", r.text);
        assert!(r.text.contains("\"scare quote\""), "{}", r.text);
        assert_eq!(r.json["misses"][2]["gold_source"], "Jones");
        assert_eq!(r.json["misses"][1]["text"], "We will win this,");
    }
}
