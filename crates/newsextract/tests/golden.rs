//! Golden articles: every `tests/articles/NAME.txt` is extracted (with its reference date from
//! `tests/articles/dates.tsv` when listed) and compared with `NAME.json`.
//!
//! After a reviewed change, regenerate the JSON with
//! `NEWSEXTRACT_BLESS=1 cargo test -p newsextract --test integration golden`.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use newsextract::{Date, Extractor};

/// At least this many golden articles must exist; fewer means the directory was not found.
const MIN_ARTICLES: usize = 20;
/// Lines of context shown around the first difference.
const CONTEXT: usize = 4;

fn articles_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/articles")
}

/// `NAME<TAB>YYYY-MM-DD` lines of `dates.tsv`; `#` starts a comment.
fn reference_dates(dir: &Path) -> BTreeMap<String, Date> {
    let mut dates = BTreeMap::new();
    let Ok(tsv) = fs::read_to_string(dir.join("dates.tsv")) else {
        return dates;
    };
    for (number, line) in tsv.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (name, date) = line
            .split_once('\t')
            .unwrap_or_else(|| panic!("dates.tsv line {}: expected NAME<TAB>DATE", number + 1));
        let date: Date = date
            .trim()
            .parse()
            .unwrap_or_else(|e| panic!("dates.tsv line {}: {e}", number + 1));
        dates.insert(name.trim().to_string(), date);
    }
    dates
}

fn article_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            (path.extension()? == "txt").then(|| path.file_stem()?.to_str().map(str::to_string))?
        })
        .collect();
    names.sort();
    names
}

/// A readable diff: the first differing line with context, and how many lines differ.
fn line_diff(expected: &str, actual: &str) -> String {
    let expected: Vec<&str> = expected.lines().collect();
    let actual: Vec<&str> = actual.lines().collect();
    let first = expected
        .iter()
        .zip(&actual)
        .position(|(e, a)| e != a)
        .unwrap_or(expected.len().min(actual.len()));
    let differing = expected.iter().zip(&actual).filter(|(e, a)| e != a).count()
        + expected.len().abs_diff(actual.len());
    let mut out = format!(
        "first difference at line {} ({differing} lines differ; expected {} lines, got {}):\n",
        first + 1,
        expected.len(),
        actual.len()
    );
    let from = first.saturating_sub(CONTEXT);
    for (i, line) in expected.iter().enumerate().take(first).skip(from) {
        out.push_str(&format!("  {:>5}   {line}\n", i + 1));
    }
    for (i, line) in expected.iter().enumerate().skip(first).take(CONTEXT + 1) {
        out.push_str(&format!("- {:>5}   {line}\n", i + 1));
    }
    for (i, line) in actual.iter().enumerate().skip(first).take(CONTEXT + 1) {
        out.push_str(&format!("+ {:>5}   {line}\n", i + 1));
    }
    out
}

#[test]
fn golden_articles() {
    let dir = articles_dir();
    let bless = std::env::var("NEWSEXTRACT_BLESS").is_ok_and(|v| v == "1");
    let dates = reference_dates(&dir);
    let names = article_names(&dir);
    assert!(
        names.len() >= MIN_ARTICLES,
        "expected at least {MIN_ARTICLES} articles in {}, found {}",
        dir.display(),
        names.len()
    );
    for name in dates.keys() {
        assert!(
            names.contains(name),
            "dates.tsv names {name}, which has no .txt"
        );
    }
    let extractor = Extractor::new();
    let mut failures = Vec::new();
    for name in &names {
        let text = fs::read_to_string(dir.join(format!("{name}.txt")))
            .unwrap_or_else(|e| panic!("{name}.txt: {e}"));
        let article = extractor.extract_with_date(&text, dates.get(name).copied());
        for error in article.span_errors(&text) {
            failures.push(format!("{name}: {error}"));
        }
        let json = article.to_json_pretty() + "\n";
        let json_path = dir.join(format!("{name}.json"));
        if bless {
            fs::write(&json_path, &json).unwrap_or_else(|e| panic!("{name}.json: {e}"));
            continue;
        }
        match fs::read_to_string(&json_path) {
            Ok(expected) if expected == json => {}
            Ok(expected) => failures.push(format!("{name}: {}", line_diff(&expected, &json))),
            Err(e) => failures.push(format!(
                "{name}.json: {e} (regenerate with NEWSEXTRACT_BLESS=1 cargo test -p newsextract --test integration golden)"
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} golden failure(s):\n\n{}\n\nIf the change is intended, regenerate with \
         NEWSEXTRACT_BLESS=1 cargo test -p newsextract --test integration golden",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn line_diff_shows_the_first_difference() {
    let diff = line_diff("a\nb\nc\n", "a\nB\nc\nd\n");
    assert!(
        diff.starts_with("first difference at line 2 (2 lines differ"),
        "{diff}"
    );
    assert!(
        diff.contains("-     2   b") && diff.contains("+     2   B"),
        "{diff}"
    );
}
