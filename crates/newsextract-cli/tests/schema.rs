//! The JSON contract: `docs/schema.json` is what the model's types give now, and what the
//! `newsextract` binary writes validates against it, on every golden article and on hostile text.
//!
//! The golden JSON files are not read here: they are re-blessed as passes land, so the fresh
//! output of the binary is what gets checked.
//!
//! After a reviewed change to the model, regenerate the schema with
//! `NEWSEXTRACT_BLESS=1 cargo test -p newsextract-cli --test schema` (or
//! `newsextract schema > docs/schema.json`). A change that is not a pure addition bumps
//! `SCHEMA_VERSION` and is listed in `CHANGELOG.md`.

mod common;

use common::*;

use std::path::{Path, PathBuf};
use std::process::Output;

use newsextract::SCHEMA_VERSION;
use serde_json::{json, Value};

/// Fewer golden articles than this means the directory was not found.
const MIN_ARTICLES: usize = 20;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn schema_path() -> PathBuf {
    repo().join("docs/schema.json")
}

fn json_lines(output: &Output) -> Vec<Value> {
    String::from_utf8(output.stdout.clone())
        .expect("stdout is UTF-8")
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect()
}

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(schema_path()).expect("docs/schema.json exists");
    let schema: Value = serde_json::from_str(&text).expect("docs/schema.json is JSON");
    jsonschema::validator_for(&schema).expect("docs/schema.json is a valid JSON Schema")
}

/// Every way `instance` breaks the schema, with where.
fn violations(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|error| format!("{} at {}", error, error.instance_path()))
        .collect()
}

fn assert_valid(validator: &jsonschema::Validator, instance: &Value, what: &str) {
    let found = violations(validator, instance);
    assert!(
        found.is_empty(),
        "{what} breaks docs/schema.json: {found:#?}"
    );
}

fn golden_texts() -> Vec<PathBuf> {
    let dir = repo().join("tests/articles");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= MIN_ARTICLES, "only {} articles", paths.len());
    paths
}

#[test]
fn schema_file_is_what_the_model_gives_now() {
    let generated = newsextract_cli::schema::article_schema_json();
    let path = schema_path();
    if std::env::var_os("NEWSEXTRACT_BLESS").is_some_and(|v| v == "1") {
        std::fs::write(&path, &generated).expect("write docs/schema.json");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != generated {
        let first_difference = committed
            .lines()
            .zip(generated.lines())
            .enumerate()
            .find(|(_, (old, new))| old != new)
            .map(|(i, (old, new))| format!("line {}:\n  file:  {old}\n  model: {new}", i + 1))
            .unwrap_or_else(|| "one is a prefix of the other".to_string());
        panic!(
            "docs/schema.json differs from what the model gives now ({first_difference}).\n\
             After reviewing the change, regenerate it with\n  \
             NEWSEXTRACT_BLESS=1 cargo test -p newsextract-cli --test schema\n\
             A change that is not a pure addition must also bump SCHEMA_VERSION and be listed \
             in CHANGELOG.md."
        );
    }
}

#[test]
fn schema_command_prints_the_schema() {
    let output = run(&["schema"], b"");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(output.stdout).expect("UTF-8"),
        newsextract_cli::schema::article_schema_json()
    );
}

#[test]
fn schema_and_changelog_name_the_current_version() {
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path()).expect("docs/schema.json"))
            .expect("JSON");
    assert_eq!(
        schema["properties"]["schema_version"]["const"],
        SCHEMA_VERSION
    );
    let changelog =
        std::fs::read_to_string(repo().join("CHANGELOG.md")).expect("CHANGELOG.md exists");
    assert!(
        changelog.contains(&format!("schema_version {SCHEMA_VERSION}")),
        "CHANGELOG.md does not list schema_version {SCHEMA_VERSION}"
    );
}

#[test]
fn output_on_every_golden_article_matches_the_schema() {
    let validator = validator();
    let paths = golden_texts();

    // Files: one run over all of them gives JSON Lines with the path as "id".
    let args: Vec<&str> = paths
        .iter()
        .map(|p| p.to_str().expect("UTF-8 path"))
        .collect();
    let output = run(&args, b"");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let articles = json_lines(&output);
    assert_eq!(articles.len(), paths.len());
    for (path, article) in paths.iter().zip(&articles) {
        assert_valid(&validator, article, &path.display().to_string());
    }

    // JSON Lines with a reference date and character offsets: anchored times, other offsets.
    let mut input = String::new();
    for (i, path) in paths.iter().enumerate() {
        let text = std::fs::read_to_string(path).expect("golden text is UTF-8");
        let record = json!({"id": i, "text": text, "date": "2023-05-09"});
        input.push_str(&record.to_string());
        input.push('\n');
    }
    let output = run(&["--jsonl", "--offsets", "chars"], input.as_bytes());
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let articles = json_lines(&output);
    assert_eq!(articles.len(), paths.len());
    for (path, article) in paths.iter().zip(&articles) {
        assert_valid(
            &validator,
            article,
            &format!("{} (--jsonl)", path.display()),
        );
    }
}

#[test]
fn output_on_hostile_text_matches_the_schema() {
    let validator = validator();
    let texts = [
        String::new(),
        "\u{0}\u{1}\u{7f}\u{202e} NUL and controls\n\nsaid “Zoë”.".to_string(),
        "<html><body><p>PARIS (AFP) &mdash; Rain.</p></body></html>".to_string(),
        r#"{"id": 1, "text": "LONDON (Reuters) - \"quoted\""}"#.to_string(),
        "اسلام آباد: وزیر اعظم نے پیر کو کہا کہ “معیشت بہتر ہو رہی ہے”۔".to_string(),
        "“".repeat(3000),
        "(".repeat(3000),
        "WASHINGTON, May 3 (Reuters) - By JANE DOE\n".repeat(50),
    ];
    let input: String = texts
        .iter()
        .map(|text| format!("{}\n", json!({"text": text})))
        .collect();
    let output = run(&["--jsonl"], input.as_bytes());
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let articles = json_lines(&output);
    assert_eq!(articles.len(), texts.len());
    for (text, article) in texts.iter().zip(&articles) {
        let shown: String = text.chars().take(40).collect();
        assert_valid(&validator, article, &format!("output for {shown:?}"));
    }
}

#[test]
fn the_schema_rejects_what_breaks_the_contract() {
    let validator = validator();
    let text = "Headline here\nLONDON (Reuters) - “We will see,” Matthew Miller said on Monday.";
    let output = run(&["--date", "2023-05-09"], text.as_bytes());
    let article: Value = serde_json::from_slice(&output.stdout).expect("one JSON article");
    assert_valid(&validator, &article, "the sample");

    // Open objects: "id" in JSON Lines and fields added by later versions are allowed.
    let mut extended = article.clone();
    extended["id"] = json!("a-1");
    extended["themes"] = json!(["weather"]);
    assert_valid(&validator, &extended, "an article with added fields");

    type Breakage = Box<dyn Fn(&mut Value)>;
    let breakages: Vec<(&str, Breakage)> = vec![
        (
            "another schema_version",
            Box::new(|a| a["schema_version"] = json!(2)),
        ),
        (
            "a field left out",
            Box::new(|a| {
                a.as_object_mut().unwrap().remove("headline");
            }),
        ),
        (
            "a negative offset",
            Box::new(|a| a["paragraphs"][0]["start"] = json!(-1)),
        ),
        (
            "an offset as text",
            Box::new(|a| a["headline"]["end"] = json!("13")),
        ),
        (
            "an unknown entity kind",
            Box::new(|a| {
                a["entities"] = json!([{
                    "id": 1, "kind": "alien", "name": "X", "mentions": [], "titles": [],
                    "acronym": null, "country": null, "geo": null
                }])
            }),
        ),
        (
            "a quantity without a number",
            Box::new(|a| {
                a["quantities"] = json!([{
                    "text": "x", "start": 0, "end": 1, "value": null, "noun": null,
                    "qualifier": "exact", "unit": null
                }])
            }),
        ),
        (
            "a list that is null",
            Box::new(|a| a["quotes"] = Value::Null),
        ),
    ];
    for (what, breakage) in breakages {
        let mut broken = article.clone();
        breakage(&mut broken);
        assert!(
            !violations(&validator, &broken).is_empty(),
            "the schema accepts {what}"
        );
    }
}
