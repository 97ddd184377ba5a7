//! Benchmarks live in benches/; this library holds the inputs the scaling bench and the
//! examples share.

use std::path::{Path, PathBuf};

/// The repository's root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every `*.txt` under `dir` (but a corpus's README), recursively, in sorted order; invalid
/// UTF-8 is replaced (one BBC article has a Latin-1 byte).
pub fn read_texts(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "txt")
                && !path.file_name().is_some_and(|n| n == "README.TXT")
            {
                files.push(path);
            }
        }
    }
    files.sort();
    files
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .collect()
}

/// The corpus's name and articles: the BBC News articles of `../shared/data/bbc` (evaluate and
/// benchmark only, read at run time) when present, else the golden articles of `tests/articles`.
pub fn corpus() -> (&'static str, Vec<String>) {
    let bbc = read_texts(&repo_root().join("../shared/data/bbc"));
    if !bbc.is_empty() {
        return ("bbc", bbc);
    }
    eprintln!("../shared/data/bbc not found: using tests/articles");
    ("fixtures", read_texts(&repo_root().join("tests/articles")))
}

/// One article of at least `bytes` bytes (when `texts` has any text): the articles joined by
/// blank lines, repeated as needed.
pub fn long_article(texts: &[String], bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + (64 << 10));
    if texts.iter().all(|text| text.trim().is_empty()) {
        return out;
    }
    for text in texts.iter().cycle() {
        if out.len() >= bytes {
            break;
        }
        out.push_str(text.trim_end());
        out.push_str("\n\n");
    }
    out
}

/// The hostile shapes of the core's hostile tests, generated at any size: the inputs of the
/// `hostile` bench and the `hostile_sizes` example (one file, shared with the tests).
#[path = "../../crates/newsextract/tests/shapes.rs"]
pub mod hostile;
