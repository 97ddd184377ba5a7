//! Hostile input through the command line: bytes that are not UTF-8, JSON that holds what a
//! Rust string cannot, files that are HTML or JSON, and failures part-way through a run. Each
//! gives a clear error naming the input and where, or a valid Article; and output already
//! written is never lost because a later input failed.

mod common;

use common::*;

use std::io::{self, BufRead, BufReader, Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use newsextract::{Extractor, OffsetUnit};
use newsextract_cli::input::Source;
use newsextract_cli::jsonl::{self, JsonlSettings};
use newsextract_cli::output::{Output as JsonOutput, Rendering};
use newsextract_cli::progress::Progress;
use serde_json::{json, Value};

fn json_lines(output: &Output) -> Vec<Value> {
    String::from_utf8(output.stdout.clone())
        .expect("stdout is UTF-8")
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect()
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("hostile-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

/// Every `{text, start, end}` in `value` slices `text` (byte offsets) to its own text.
fn assert_text_spans(text: &str, value: &Value) {
    match value {
        Value::Object(object) => {
            if let (Some(start), Some(end)) = (
                object.get("start").and_then(Value::as_u64),
                object.get("end").and_then(Value::as_u64),
            ) {
                let piece = text
                    .get(start as usize..end as usize)
                    .unwrap_or_else(|| panic!("{start}..{end} is not a span of the input"));
                if let Some(expected) = object.get("text").and_then(Value::as_str) {
                    assert_eq!(piece, expected);
                }
            }
            object.values().for_each(|v| assert_text_spans(text, v));
        }
        Value::Array(items) => items.iter().for_each(|v| assert_text_spans(text, v)),
        _ => {}
    }
}

#[test]
fn invalid_utf8_files_name_the_file_and_offset_or_are_replaced_with_lossy() {
    let dir = scratch("utf8");
    let encoded_surrogate: Vec<u8> = "“Hi” \u{0}".bytes().chain(*b"\xED\xA0\x80 x").collect();
    let cases: &[(&str, &[u8], &str)] = &[
        (
            "ff_first.txt",
            b"\xFFPARIS - Rain.",
            "byte 0xFF at byte offset 0",
        ),
        (
            "overlong.txt",
            b"PARIS - Rain \xC0\xAF fell.",
            "byte 0xC0 at byte offset 13",
        ),
        (
            "encoded_surrogate.txt",
            &encoded_surrogate,
            "byte 0xED at byte offset 10",
        ),
        (
            "lone_continuation.txt",
            b"Zo\xC3\xAB said \x80 twice.",
            "byte 0x80 at byte offset 10",
        ),
        (
            "beyond_unicode.txt",
            b"Rain \xF5\x80\x80\x80 fell.",
            "byte 0xF5 at byte offset 5",
        ),
        (
            "truncated_at_end.txt",
            b"Rain fell \xF0\x9F\x98",
            "incomplete sequence starting with byte 0xF0 at byte offset 10",
        ),
        (
            "latin1.txt",
            b"Caf\xE9 owners said.",
            "byte 0xE9 at byte offset 3",
        ),
    ];
    for (name, bytes, expected) in cases {
        let path = write_file(&dir, name, bytes);
        let output = run(&[&path], b"");
        assert_eq!(output.status.code(), Some(2), "{name}");
        assert!(output.stdout.is_empty(), "{name}");
        let message = stderr(&output);
        assert!(
            message.contains(&path) && message.contains(expected),
            "{name}: {message}"
        );
        assert!(!message.contains("panicked"), "{name}: {message}");

        let output = run(&["--lossy", &path], b"");
        assert_eq!(output.status.code(), Some(0), "{name}: {}", stderr(&output));
        let article: Value = serde_json::from_slice(&output.stdout).expect("one article");
        let replaced = String::from_utf8_lossy(bytes);
        assert_text_spans(&replaced, &article);
    }
}

#[test]
fn json_lines_with_what_a_rust_string_cannot_hold_give_error_records() {
    let lines = [
        // Escaped lone surrogates are valid JSON but no Unicode text.
        r#"{"id": 1, "text": "a \ud800 b"}"#.to_string(),
        r#"{"id": 2, "text": "\udc00"}"#.to_string(),
        // NUL and other controls escaped in JSON are fine text.
        r#"{"id": 3, "text": "PARIS\u0000 \u0001— Rain “fell”.\u007f"}"#.to_string(),
        // A surrogate pair written as escapes is one character.
        r#"{"id": 4, "text": "Smile \ud83d\ude00 said Zoë."}"#.to_string(),
        // Deeply nested JSON in a field newsextract does not read is skipped without
        // recursion: no stack overflow, and the record is extracted.
        format!(
            "{{\"id\": 5, \"text\": \"x\", \"extra\": {}{}}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        ),
        format!("{{\"id\": 6, \"text\": \"{}\"}}", "\\\"".repeat(50_000)),
    ];
    let input = lines.join("\n");
    let output = run(&["--jsonl"], input.as_bytes());
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let records = json_lines(&output);
    assert_eq!(records.len(), lines.len());
    for (record, id) in records.iter().zip(1..) {
        assert_eq!(record["id"], id, "{record}");
    }
    for bad in [&records[0], &records[1]] {
        assert!(
            bad["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{bad}"
        );
    }
    assert!(
        records[0]["error"].as_str().unwrap().contains("surrogate"),
        "{}",
        records[0]
    );
    for good in [&records[2], &records[3], &records[4], &records[5]] {
        assert_eq!(good["schema_version"], 1, "{good}");
    }
    let messages = stderr(&output);
    assert!(messages.contains("<stdin>:1:"), "{messages}");
    assert!(!messages.contains("panicked"), "{messages}");
}

#[test]
fn html_json_and_binary_files_give_articles() {
    let dir = scratch("mistakes");
    let files: &[(&str, &[u8])] = &[
        (
            "page.html",
            b"<html><head><title>Rain</title><script>if (a < b) {}</script></head>\n<body>\n\
              <p>PARIS (AFP) &mdash; Rain fell on Monday, officials said.</p>\n\
              <p>More rain is expected.</p>\n</body></html>\n",
        ),
        (
            "api.json",
            br#"{"status": "ok", "articles": [{"title": "Rain", "body": "PARIS \u2014 Rain fell."}]}"#,
        ),
        ("nul.txt", b"PARIS\0 - Rain\0\0 fell.\n\0\nMore text.\0"),
        ("controls.txt", b"\x1b[31mRED\x1b[0m said\x07 \x08\x0b\x0c\r\rOK."),
        ("bom.txt", b"\xEF\xBB\xBFHeadline\nLONDON (Reuters) - Text."),
        ("empty.txt", b""),
    ];
    let paths: Vec<String> = files
        .iter()
        .map(|(name, bytes)| write_file(&dir, name, bytes))
        .collect();
    let args: Vec<&str> = paths.iter().map(String::as_str).collect();
    let output = run(&args, b"");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let records = json_lines(&output);
    assert_eq!(records.len(), files.len());
    for ((name, bytes), record) in files.iter().zip(&records) {
        let text = std::str::from_utf8(bytes).expect("these files are UTF-8");
        assert_eq!(record["schema_version"], 1, "{name}");
        assert_text_spans(text, record);
        if !text.is_empty() {
            assert!(
                record["paragraphs"]
                    .as_array()
                    .is_some_and(|p| !p.is_empty())
                    || !record["headline"].is_null(),
                "{name}: {record}"
            );
        }
    }
}

/// A reader that gives `data`, then fails the way a dying disk or network does.
struct FailsAfter(Cursor<Vec<u8>>);

impl Read for FailsAfter {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self.0.read(buf)? {
            0 => Err(io::Error::other("connection reset")),
            n => Ok(n),
        }
    }
}

#[test]
fn a_read_error_keeps_every_record_before_it() {
    let extractor = Extractor::builder().threads(2).build().expect("builds");
    let lines: Vec<String> = (0..50)
        .map(|i| json!({"id": i, "text": format!("PARIS — “Rain” {i}, said Zoë.")}).to_string())
        .collect();
    let mut input = lines.join("\n").into_bytes();
    // The last line is cut short by the failure.
    input.extend_from_slice(b"\n{\"id\": 50, \"text\": \"cut sh");
    let settings = JsonlSettings {
        lossy: false,
        rendering: Rendering {
            pretty: false,
            offsets: OffsetUnit::Bytes,
        },
    };
    let mut written = Vec::new();
    let summary = {
        let mut output = JsonOutput::new(&mut written);
        jsonl::run(
            &Source::Stdin,
            Box::new(FailsAfter(Cursor::new(input))),
            &extractor,
            settings,
            &mut output,
            &Progress::new(false, None),
        )
        .expect("writing to memory works")
    };
    assert_eq!(
        summary.read_error.as_deref(),
        Some("<stdin>: cannot read: connection reset")
    );
    assert_eq!(summary.articles, 50);
    let records: Vec<Value> = String::from_utf8(written)
        .expect("UTF-8")
        .lines()
        .map(|line| serde_json::from_str(line).expect("JSON"))
        .collect();
    assert_eq!(records.len(), 50);
    for (i, record) in records.iter().enumerate() {
        assert_eq!(record["id"], i, "{record}");
        assert_eq!(record["schema_version"], 1, "{record}");
    }
}

#[test]
fn later_failures_of_every_kind_keep_earlier_output() {
    // JSON Lines: good records, then a line over --max-bytes, a line that is not UTF-8 and a
    // last line cut off without its newline.
    let mut input = Vec::new();
    for i in 0..3 {
        input.extend_from_slice(
            json!({"id": i, "text": "LAHORE — Rain fell."})
                .to_string()
                .as_bytes(),
        );
        input.push(b'\n');
    }
    input.extend_from_slice(
        json!({"id": 3, "text": "x".repeat(5000)})
            .to_string()
            .as_bytes(),
    );
    input.extend_from_slice(b"\n{\"id\": 4, \"text\": \"caf\xE9\"}\n{\"id\": 5, \"te");
    let output = run(&["--jsonl", "--max-bytes", "1000"], &input);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let records = json_lines(&output);
    assert_eq!(records.len(), 6);
    // Lines that cannot be read as JSON text give no id back; their line number names them.
    for (i, record) in records.iter().enumerate() {
        assert_eq!(record["id"], if i < 4 { json!(i) } else { Value::Null });
        if i >= 4 {
            assert_eq!(record["line"], i + 1, "{record}");
        }
        assert_eq!(record.get("error").is_some(), i >= 3, "{record}");
    }
    assert!(records[3]["error"]
        .as_str()
        .unwrap()
        .contains("exceeds the maximum of 1000 bytes"));

    // Files: a good one, a missing one, one that is not UTF-8, one too large, a good one.
    let dir = scratch("later");
    let good = write_file(&dir, "good.txt", "PARIS — “Rain”.".as_bytes());
    let missing = dir.join("missing.txt").to_str().unwrap().to_string();
    let latin1 = write_file(&dir, "latin1.txt", b"Caf\xE9.");
    let large = write_file(&dir, "large.txt", "y".repeat(2000).as_bytes());
    let last = write_file(&dir, "last.txt", b"LONDON (Reuters) - Shares rose.");
    let output = run(
        &[
            "--max-bytes",
            "1000",
            &good,
            &missing,
            &latin1,
            &large,
            &last,
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(2));
    let records = json_lines(&output);
    let ids: Vec<&str> = records.iter().filter_map(|r| r["id"].as_str()).collect();
    assert_eq!(ids, [good.as_str(), last.as_str()]);
    let messages = stderr(&output);
    for path in [&missing, &latin1, &large] {
        assert!(messages.contains(path.as_str()), "{path} not in {messages}");
    }
}

#[test]
fn a_reader_that_goes_away_is_not_an_error() {
    // `newsextract --jsonl big.jsonl | head -1`: stdout closes early; the run stops quietly.
    let mut child = Command::new(BIN)
        .args(["--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut input = child.stdin.take().expect("stdin is piped");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout is piped")).lines();
    writeln!(input, "{}", json!({"id": 0, "text": "PARIS — Rain."})).expect("write");
    input.flush().expect("flush");
    let first: Value =
        serde_json::from_str(&lines.next().expect("a line").expect("read")).expect("JSON");
    assert_eq!(first["id"], 0);
    drop(lines);
    // Keep feeding: the next write to the closed stdout fails with a broken pipe.
    let feeder = std::thread::spawn(move || {
        for i in 1..2000 {
            let line = json!({"id": i, "text": "PARIS — Rain."}).to_string();
            if writeln!(input, "{line}").is_err() {
                break;
            }
        }
    });
    let status = child.wait().expect("the binary ends");
    feeder.join().expect("the feeder ends");
    let mut messages = String::new();
    child
        .stderr
        .take()
        .expect("stderr is piped")
        .read_to_string(&mut messages)
        .expect("read stderr");
    assert_eq!(status.code(), Some(0), "{messages}");
    assert!(!messages.contains("panicked"), "{messages}");
}
