//! `newsextract --format html`: one page per run, a section per file, hostile text kept as
//! text, and the usage error with `--jsonl`.

mod common;

use common::*;

use std::path::{Path, PathBuf};

fn golden(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/articles")
        .join(name)
}

fn temp_file(name: &str, content: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsextract-html-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

#[test]
fn one_file_gives_one_page_with_the_markup() {
    let path = golden("pk_web_desk_us_security.txt");
    let output = run(&["--format", "html", path.to_str().unwrap()], b"");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let page = stdout(&output);
    assert!(page.starts_with("<!DOCTYPE html>"), "{page}");
    assert!(page.trim_end().ends_with("</html>"));
    assert_eq!(page.matches("<!DOCTYPE html>").count(), 1);
    assert!(page.contains(
        "<title>Pakistan, US have a shared interest in combating security threats: Washington</title>"
    ));
    for expected in [
        "<div class=\"newsextract\"",
        "class=\"ne-ent ne-person\" data-entity=",
        "class=\"ne-quote ne-quote-direct\" title=",
        "class=\"ne-time\" data-value=",
        "class=\"ne-qty\" data-value=",
        "<table class=\"ne-entities\">",
        "<table class=\"ne-quotes\">",
    ] {
        assert!(page.contains(expected), "{expected}");
    }
    // The same page as the core's, byte for byte: the CLI adds nothing of its own.
    let text = std::fs::read_to_string(&path).unwrap();
    let core = newsextract::extract(&text).to_html_page(&text);
    assert!(
        page == core,
        "the CLI's page differs from Article::to_html_page"
    );
}

#[test]
fn several_files_give_sections_in_order_and_a_bad_file_is_named() {
    let first = golden("reuters_london_shares.txt");
    let second = golden("pk_web_desk_us_security.txt");
    let missing = "/nonexistent/newsextract/article.txt";
    let output = run(
        &[
            "--format",
            "html",
            first.to_str().unwrap(),
            missing,
            second.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains(missing));
    let page = stdout(&output);
    assert_eq!(page.matches("<!DOCTYPE html>").count(), 1);
    assert_eq!(page.matches("<h2 class=\"ne-file\"").count(), 2);
    assert_eq!(page.matches("<div class=\"newsextract\"").count(), 2);
    let at_first = page.find("reuters_london_shares.txt").unwrap();
    let at_second = page.find("pk_web_desk_us_security.txt").unwrap();
    assert!(at_first < at_second);
    assert!(page.contains("<title>newsextract: 3 articles</title>"));
}

#[test]
fn hostile_text_on_stdin_is_shown_as_text() {
    let text = "Alert <script>alert(1)</script>\n\nPARIS — Mr. \"<img src=x onerror=alert(2)>\" \
                said 'hi' & left. <style>body{display:none}</style>";
    let output = run(&["--format", "html"], text.as_bytes());
    assert_eq!(output.status.code(), Some(0));
    let page = stdout(&output);
    assert!(!page.contains("<script"), "{page}");
    assert!(!page.contains("<img"), "{page}");
    assert_eq!(
        page.matches("<style>").count(),
        2,
        "page and fragment style only"
    );
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(page.contains("&lt;img src=x onerror=alert(2)&gt;"));
    let file = temp_file("hostile.txt", text);
    let from_file = run(&["--format", "html", file.to_str().unwrap()], b"");
    assert_eq!(stdout(&from_file), page);
}

#[test]
fn jsonl_with_html_is_a_usage_error() {
    let output = run(&["--format", "html", "--jsonl"], b"{\"text\": \"x\"}\n");
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("--jsonl"), "{message}");
    assert!(message.contains("--format html"), "{message}");
}

#[test]
fn json_stays_the_default() {
    let output = run(&[], b"PARIS \xe2\x80\x94 Rain.");
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).starts_with("{\"schema_version\":1"));
}
