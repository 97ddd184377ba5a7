//! Integration tests of the `newsextract` binary: inputs, outputs, errors and exit codes.
//!
//! They check what the command line itself promises (ids, order, error records, offset
//! conversion, decoding, limits), not the quality of extraction; the offset checks walk every
//! span in the output, so they gain weight as the passes fill the Article in.

mod common;

use common::*;

use std::io::{BufRead, BufReader, Write};

use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::Value;

/// A wire story with curly quotes, accented names, Urdu script, an emoji outside the BMP
/// (two UTF-16 units) and a related-article line.
const ARTICLE: &str = "Pakistan’s “bold” step: Zoë Müller meets 😀 officials\n\
ISLAMABAD: (Web Desk) US State Department Spokesperson Matthew Miller said on Monday that \
“the talks are going well,” according to officials in Islamabad.\n\
\n\
وزیراعظم نے کہا کہ پاکستان امن چاہتا ہے۔ Señora José Ñúñez agreed on Jan. 3 with 1,200 people. \
“We’ll see,” she said.\n\
\n\
Also read: Karachi’s new bridge opens 🌉\n";

fn jsonl_line(id: Value, text: &str) -> String {
    serde_json::json!({ "id": id, "text": text }).to_string()
}

#[test]
fn one_file_gives_one_article_without_id() {
    let dir = scratch("one-file");
    let path = write_file(&dir, "article.txt", ARTICLE.as_bytes());
    let output = run(&[&path], b"");
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    assert_eq!(text.lines().count(), 1, "{text}");
    let article: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(article["schema_version"], 1);
    assert!(article.get("id").is_none());
    assert!(article["paragraphs"].is_array());
}

#[test]
fn stdin_and_dash_read_standard_input() {
    let dir = scratch("stdin");
    let path = write_file(&dir, "article.txt", ARTICLE.as_bytes());
    let from_file = run(&[&path], b"");
    let from_stdin = run(&[], ARTICLE.as_bytes());
    let from_dash = run(&["-"], ARTICLE.as_bytes());
    assert_eq!(code(&from_stdin), 0, "{}", stderr(&from_stdin));
    assert_eq!(code(&from_dash), 0, "{}", stderr(&from_dash));
    assert_eq!(from_stdin.stdout, from_file.stdout);
    assert_eq!(from_dash.stdout, from_file.stdout);
}

#[test]
fn several_files_give_json_lines_with_the_path_as_id_first() {
    let dir = scratch("several");
    let first = write_file(&dir, "first.txt", ARTICLE.as_bytes());
    let second = write_file(
        &dir,
        "second ü.txt",
        "PARIS — Rain fell on Tuesday.".as_bytes(),
    );
    let output = run(&[&second, &first, &second], b"");
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    for (line, path) in lines.iter().zip([&second, &first, &second]) {
        let id = serde_json::to_string(path).unwrap();
        assert!(
            line.starts_with(&format!("{{\"id\":{id},\"schema_version\":1,")),
            "{line}"
        );
    }
    // The same file gives the same article wherever it comes in the list.
    assert_eq!(lines[0], lines[2]);
}

#[test]
fn pretty_indents_the_same_json() {
    let compact = run(&[], ARTICLE.as_bytes());
    let pretty = run(&["--pretty"], ARTICLE.as_bytes());
    assert_eq!(code(&pretty), 0, "{}", stderr(&pretty));
    let pretty_text = stdout(&pretty);
    assert!(
        pretty_text.starts_with("{\n  \"schema_version\": 1,"),
        "{pretty_text}"
    );
    let a: Value = serde_json::from_slice(&compact.stdout).unwrap();
    let b: Value = serde_json::from_str(&pretty_text).unwrap();
    assert_eq!(a, b);
}

/// Every object in `value` that has integer `start` and `end`, with its path for messages.
fn spans<'v>(value: &'v Value, path: String, out: &mut Vec<(String, &'v Value)>) {
    match value {
        Value::Object(map) => {
            if map.get("start").is_some_and(Value::is_u64)
                && map.get("end").is_some_and(Value::is_u64)
            {
                out.push((path.clone(), value));
            }
            for (key, child) in map {
                spans(child, format!("{path}.{key}"), out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                spans(child, format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

fn range(span: &Value) -> (usize, usize) {
    let start = span["start"].as_u64().unwrap() as usize;
    let end = span["end"].as_u64().unwrap() as usize;
    assert!(start <= end, "{span}");
    (start, end)
}

fn slice_bytes(text: &str, (start, end): (usize, usize)) -> String {
    text.get(start..end)
        .unwrap_or_else(|| panic!("{start}..{end} is not a char-boundary range of the text"))
        .to_string()
}

fn slice_chars(text: &str, (start, end): (usize, usize)) -> String {
    assert!(end <= text.chars().count(), "{start}..{end} past the end");
    text.chars().skip(start).take(end - start).collect()
}

fn slice_utf16(text: &str, (start, end): (usize, usize)) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    let piece = units.get(start..end).expect("range inside the text");
    String::from_utf16(piece).expect("range does not split a surrogate pair")
}

/// Runs the binary with each offset unit and checks, for every span, that slicing the text in
/// that unit gives the same string as slicing it in bytes, and that both equal its `text`.
fn check_offsets_on(text: &str, extra_args: &[&str]) -> usize {
    let run_with = |unit: &str| -> Value {
        let mut args = vec!["--offsets", unit];
        args.extend_from_slice(extra_args);
        let output = run(&args, text.as_bytes());
        assert_eq!(code(&output), 0, "{}", stderr(&output));
        serde_json::from_slice(&output.stdout).unwrap()
    };
    let in_bytes = run_with("bytes");
    let mut byte_spans = Vec::new();
    spans(&in_bytes, String::new(), &mut byte_spans);
    for (unit, slice) in [
        ("chars", slice_chars as fn(&str, (usize, usize)) -> String),
        ("utf16", slice_utf16),
    ] {
        let converted = run_with(unit);
        let mut unit_spans = Vec::new();
        spans(&converted, String::new(), &mut unit_spans);
        assert_eq!(byte_spans.len(), unit_spans.len());
        for ((path, byte_span), (unit_path, unit_span)) in byte_spans.iter().zip(&unit_spans) {
            assert_eq!(path, unit_path);
            let expected = slice_bytes(text, range(byte_span));
            let got = slice(text, range(unit_span));
            assert_eq!(got, expected, "{unit} offsets of {path}: {unit_span}");
            if let Some(item_text) = byte_span.get("text").and_then(Value::as_str) {
                assert_eq!(expected, item_text, "byte offsets of {path}: {byte_span}");
            }
        }
    }
    byte_spans.len()
}

#[test]
fn converted_offsets_slice_to_the_same_text() {
    let spans_checked = check_offsets_on(ARTICLE, &[]);
    let wire = "KALAMAZOO, MICH., April 13 - Zoë’s café “Ñandú” opened, officials said. \
                It cost $2.5 million, about 30% more.\n\n  Mr. Müller, 😀 aged 52, declined.\n";
    let spans_checked = spans_checked + check_offsets_on(wire, &["--date", "1987-04-14"]);
    // Both texts have a body, so at least a paragraph and a sentence each must have been seen.
    assert!(spans_checked >= 4, "only {spans_checked} spans checked");
}

#[test]
fn offsets_of_an_empty_article_are_fine() {
    for unit in ["bytes", "chars", "utf16"] {
        let output = run(&["--offsets", unit], b"");
        assert_eq!(code(&output), 0, "{}", stderr(&output));
        let article: Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(article["schema_version"], 1);
    }
}

#[test]
fn jsonl_bad_lines_are_replaced_by_error_records_and_the_rest_goes_on() {
    let input = [
        jsonl_line(serde_json::json!(1), ARTICLE),
        "this is not JSON".to_string(),
        String::new(),
        jsonl_line(serde_json::json!("b"), "LAHORE (Dunya News) – Rain."),
        r#"{"id": {"k": [1, 2]}, "text": 42}"#.to_string(),
        r#"{"id": "no text"}"#.to_string(),
        r#"{"id": "d", "text": "x", "date": "2023-02-30"}"#.to_string(),
        r#"[1, 2]"#.to_string(),
        r#"{"id": 8, "text": "PARIS — Rain.", "date": "2023-05-09"}"#.to_string(),
    ]
    .join("\n");
    let output = run(&["--jsonl"], input.as_bytes());
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    let records = json_lines(&output);
    // One output line per non-blank input line, in input order.
    let expected: &[(Value, Option<u64>)] = &[
        (serde_json::json!(1), None),
        (Value::Null, Some(2)),
        (serde_json::json!("b"), None),
        (serde_json::json!({"k": [1, 2]}), Some(5)),
        (serde_json::json!("no text"), Some(6)),
        (serde_json::json!("d"), Some(7)),
        (Value::Null, Some(8)),
        (serde_json::json!(8), None),
    ];
    assert_eq!(records.len(), expected.len(), "{}", stdout(&output));
    for (record, (id, bad_line)) in records.iter().zip(expected) {
        assert_eq!(&record["id"], id, "{record}");
        match bad_line {
            Some(line) => {
                assert_eq!(record["line"], *line, "{record}");
                assert!(
                    record["error"].as_str().is_some_and(|e| !e.is_empty()),
                    "{record}"
                );
                assert!(record.get("schema_version").is_none(), "{record}");
            }
            None => {
                assert_eq!(record["schema_version"], 1, "{record}");
                assert!(record.get("error").is_none(), "{record}");
            }
        }
    }
    let messages = stderr(&output);
    for needle in [
        "<stdin>:2: not valid JSON",
        "<stdin>:5: \"text\" must be a string",
        "<stdin>:6: missing \"text\"",
        "<stdin>:7: \"date\": invalid date \"2023-02-30\"",
        "<stdin>:8: expected a JSON object",
    ] {
        assert!(messages.contains(needle), "{needle:?} not in {messages}");
    }
    assert!(
        !messages.contains("<stdin>:3:"),
        "blank lines are skipped: {messages}"
    );
}

#[test]
fn jsonl_keeps_input_order_on_two_threads() {
    // Lengths vary a lot so that later lines often finish before earlier ones.
    let lines: Vec<String> = (0..200)
        .map(|i| {
            let body = "Señor Müller said “the talks went well,” officials said. "
                .repeat(1 + (i * 37) % 61);
            let id = if i % 3 == 0 {
                serde_json::json!(i)
            } else {
                serde_json::json!(format!("id-{i}"))
            };
            jsonl_line(id, &format!("KARACHI: {body}"))
        })
        .collect();
    let input = lines.join("\r\n") + "\r\n";
    let output = run(&["--jsonl", "-", "--threads", "2"], input.as_bytes());
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let records = json_lines(&output);
    assert_eq!(records.len(), 200);
    for (i, record) in records.iter().enumerate() {
        let expected = if i % 3 == 0 {
            serde_json::json!(i)
        } else {
            serde_json::json!(format!("id-{i}"))
        };
        assert_eq!(record["id"], expected);
        assert_eq!(record["schema_version"], 1);
    }
    // One thread gives byte-identical output.
    let single = run(&["--jsonl", "--threads", "1"], input.as_bytes());
    assert_eq!(single.stdout, output.stdout);
}

#[test]
fn jsonl_reads_a_file_and_echoes_ids_exactly() {
    let dir = scratch("jsonl-file");
    let input = [
        r#"{"id": 123456789012345678901234567890, "text": "PARIS — Rain."}"#,
        r#"{"text": "no id here"}"#,
        r#"{"id": 1.50, "text": "x", "extra": {"ignored": true}}"#,
    ]
    .join("\n");
    let path = write_file(&dir, "in.jsonl", input.as_bytes());
    // The file may follow --jsonl or come after other options (it was once taken for a text
    // file there, and refused).
    let mut outputs = Vec::new();
    for args in [
        &["--jsonl", &path][..],
        &["--jsonl", "--threads", "2", &path],
        &[&path, "--jsonl"],
    ] {
        let output = run(args, b"");
        assert_eq!(code(&output), 0, "{args:?}: {}", stderr(&output));
        outputs.push(stdout(&output));
    }
    assert!(outputs.iter().all(|text| *text == outputs[0]));
    let text = &outputs[0];
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].starts_with("{\"id\":123456789012345678901234567890,\"schema_version\":1,"));
    assert!(lines[1].starts_with("{\"id\":null,\"schema_version\":1,"));
    assert!(lines[2].starts_with("{\"id\":1.50,\"schema_version\":1,"));
}

#[test]
fn jsonl_line_too_long_for_max_bytes_is_skipped_unread_and_named() {
    // With --max-bytes 100 no record can take more than 6 × 100 bytes + 64 KiB: a 200 kB line
    // is skipped as it is read; the lines around it are extracted as usual.
    let long = "Rain fell. ".repeat(20_000);
    let input = [
        jsonl_line(serde_json::json!("before"), "PARIS — Rain."),
        jsonl_line(serde_json::json!({"k": "é"}), &long),
        String::new(),
        format!("{{\"text\": \"{long}\", \"id\": 3}}"),
        jsonl_line(serde_json::json!("after"), "PARIS — Rain."),
    ]
    .join("\n");
    let output = run(
        &["--jsonl", "--max-bytes", "100", "--threads", "2"],
        input.as_bytes(),
    );
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    let records = json_lines(&output);
    assert_eq!(records.len(), 4);
    assert_eq!(records[0]["id"], "before");
    assert_eq!(records[3]["id"], "after");
    assert_eq!(records[3]["schema_version"], 1);
    // The id is kept when it comes first on the line.
    assert_eq!(records[1]["id"], serde_json::json!({"k": "é"}));
    assert_eq!(records[1]["line"], 2);
    assert_eq!(records[2]["id"], Value::Null);
    assert_eq!(records[2]["line"], 4);
    for record in &records[1..3] {
        let error = record["error"].as_str().unwrap();
        assert!(
            error.contains("exceeds 66136 bytes") && error.contains("skipped without reading"),
            "{error}"
        );
    }
    let messages = stderr(&output);
    assert!(messages.contains("<stdin>:2: line of 22"), "{messages}");
    assert!(messages.contains("<stdin>:4: line of"), "{messages}");
}

#[test]
fn jsonl_is_answered_line_by_line_as_input_arrives() {
    let mut child = Command::new(BIN)
        .args(["--jsonl", "--threads", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let (sender, receiver) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in lines {
            if sender.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    for i in 0..3 {
        writeln!(
            input,
            "{}",
            jsonl_line(serde_json::json!(i), "PARIS — Rain.")
        )
        .unwrap();
        input.flush().unwrap();
        // The input is still open: an answer now means nothing waited for the end.
        let line = receiver
            .recv_timeout(Duration::from_secs(60))
            .expect("an output line before the input ends");
        let record: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(record["id"], i);
    }
    drop(input);
    assert!(child.wait().unwrap().success());
    reader.join().unwrap();
}

#[test]
fn jsonl_invalid_utf8_line_is_a_bad_line_unless_lossy() {
    let mut input = Vec::new();
    input.extend_from_slice(jsonl_line(serde_json::json!("a"), "fine").as_bytes());
    input.extend_from_slice(b"\n{\"id\": \"b\", \"text\": \"caf\xE9\"}\n");
    input.extend_from_slice(jsonl_line(serde_json::json!("c"), "also fine").as_bytes());
    let strict = run(&["--jsonl"], &input);
    assert_eq!(code(&strict), 1, "{}", stderr(&strict));
    let records = json_lines(&strict);
    assert_eq!(records.len(), 3);
    assert_eq!(records[1]["line"], 2);
    assert_eq!(records[1]["id"], Value::Null);
    assert_eq!(records[2]["id"], "c");
    let messages = stderr(&strict);
    assert!(
        messages.contains("<stdin>:2: not valid UTF-8: byte 0xE9 at byte offset 24 of the line"),
        "{messages}"
    );

    let lossy = run(&["--jsonl", "--lossy"], &input);
    assert_eq!(code(&lossy), 0, "{}", stderr(&lossy));
    let records = json_lines(&lossy);
    assert_eq!(records[1]["id"], "b");
    assert_eq!(records[1]["schema_version"], 1);
}

#[test]
fn invalid_utf8_file_names_the_file_and_offset_and_others_go_on() {
    let dir = scratch("utf8");
    let bad = write_file(
        &dir,
        "latin1.txt",
        b"LONDON (Reuters) - It cost \xA3100 in Z\xFCrich.\n",
    );
    let good = write_file(&dir, "good.txt", "PARIS — Rain.".as_bytes());
    let output = run(&[&bad, &good], b"");
    assert_eq!(code(&output), 2);
    let messages = stderr(&output);
    assert!(
        messages.contains(&format!(
            "{bad}: not valid UTF-8: byte 0xA3 at byte offset 27"
        )),
        "{messages}"
    );
    assert!(messages.contains("--lossy"), "{messages}");
    let records = json_lines(&output);
    assert_eq!(records.len(), 1, "the good file is still extracted");
    assert_eq!(records[0]["id"], good.as_str());

    let from_stdin = run(&[], b"caf\xC3");
    assert_eq!(code(&from_stdin), 2);
    assert!(stderr(&from_stdin).contains("<stdin>: not valid UTF-8: incomplete sequence"));
    assert!(from_stdin.stdout.is_empty());
}

#[test]
fn lossy_replaces_invalid_bytes_and_offsets_count_in_the_replaced_text() {
    let dir = scratch("lossy");
    let bad = write_file(
        &dir,
        "latin1.txt",
        b"Z\xFCrich: the \xA3 rose.\n\nBanks said so.\n",
    );
    let output = run(&["--lossy", &bad], b"");
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let article: Value = serde_json::from_slice(&output.stdout).unwrap();
    let replaced = String::from_utf8_lossy(b"Z\xFCrich: the \xA3 rose.\n\nBanks said so.\n");
    let mut found = Vec::new();
    spans(&article, String::new(), &mut found);
    for (path, span) in found {
        let piece = slice_bytes(&replaced, range(span));
        if let Some(text) = span.get("text").and_then(Value::as_str) {
            assert_eq!(piece, text, "{path}");
        }
    }
}

#[test]
fn max_bytes_refuses_large_inputs_with_a_clear_error() {
    let dir = scratch("max-bytes");
    let small = write_file(&dir, "small.txt", "PARIS — Rain.".as_bytes());
    let large = write_file(&dir, "large.txt", "Rain. ".repeat(100).as_bytes());
    let output = run(&["--max-bytes", "100", &large, &small], b"");
    assert_eq!(code(&output), 2);
    let messages = stderr(&output);
    assert!(
        messages.contains(&format!(
            "{large}: input of 600 bytes exceeds the maximum of 100 bytes"
        )),
        "{messages}"
    );
    let records = json_lines(&output);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["id"], small.as_str());

    let from_stdin = run(&["--max-bytes", "10"], "Señor Müller said so.".as_bytes());
    assert_eq!(code(&from_stdin), 2);
    assert!(
        stderr(&from_stdin).contains("<stdin>: input of more than 10 bytes exceeds the maximum")
    );

    let input = [
        jsonl_line(serde_json::json!("small"), "Rain."),
        jsonl_line(serde_json::json!("large"), &"Rain. ".repeat(100)),
        jsonl_line(serde_json::json!("after"), "Rain."),
    ]
    .join("\n");
    let output = run(&["--jsonl", "--max-bytes", "100"], input.as_bytes());
    assert_eq!(code(&output), 1);
    let records = json_lines(&output);
    assert_eq!(records.len(), 3);
    assert_eq!(records[1]["id"], "large");
    assert_eq!(records[1]["line"], 2);
    assert!(records[1]["error"]
        .as_str()
        .unwrap()
        .contains("600 bytes exceeds the maximum of 100"));
    assert_eq!(records[2]["schema_version"], 1);
}

#[test]
fn missing_files_and_bad_options_exit_2_with_a_message() {
    let dir = scratch("missing");
    let missing = dir.join("nope.txt");
    let missing = missing.to_str().unwrap();
    let output = run(&[missing], b"");
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains(&format!("{missing}: cannot open")),
        "{}",
        stderr(&output)
    );

    let output = run(&["--jsonl", missing], b"");
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains(&format!("{missing}: cannot open")),
        "{}",
        stderr(&output)
    );

    for args in [
        &["--date", "2023-13-01"][..],
        &["--offsets", "words"],
        &["--threads", "many"],
        &["--jsonl", "in.jsonl", "other.txt"],
        &["--jsonl=in.jsonl"],
        &["--no-such-option"],
    ] {
        let output = run(args, b"");
        assert_eq!(code(&output), 2, "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        assert!(!output.stderr.is_empty(), "{args:?}");
    }
    let output = run(&["--date", "2023-13-01"], b"");
    assert!(
        stderr(&output).contains("2023-13-01"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn eval_errors_go_to_stderr_with_exit_2() {
    let dir = scratch("eval");
    let missing = dir.join("no-such-data");
    let missing = missing.to_str().unwrap();
    for kind in ["conll", "timeml", "quotes"] {
        for extra in [&[][..], &["--json"][..]] {
            let mut args = vec!["eval", kind, missing];
            args.extend_from_slice(extra);
            let output = run(&args, b"");
            assert_eq!(code(&output), 2, "{args:?}: {}", stdout(&output));
            assert!(output.stdout.is_empty(), "{args:?}");
            assert!(stderr(&output).starts_with("newsextract: "), "{args:?}");
        }
    }
}

#[test]
fn help_has_examples_and_exit_codes_and_version_prints() {
    let output = run(&["--help"], b"");
    assert_eq!(code(&output), 0);
    let help = stdout(&output);
    for needle in [
        "Examples:",
        "Exit status:",
        "--jsonl",
        "--offsets",
        "--max-bytes",
        "--lossy",
    ] {
        assert!(help.contains(needle), "{needle} not in --help");
    }
    let output = run(&["--version"], b"");
    assert_eq!(code(&output), 0);
    assert!(stdout(&output).starts_with("newsextract "));
}

#[test]
fn output_is_deterministic_and_silent_on_stderr_when_not_a_terminal() {
    let first = run(&[], ARTICLE.as_bytes());
    let second = run(&[], ARTICLE.as_bytes());
    assert_eq!(first.stdout, second.stdout);
    assert!(first.stderr.is_empty(), "{}", stderr(&first));
}

#[test]
fn gazetteer_option_adds_user_names_and_reports_bad_rows() {
    let dir = scratch("gazetteer");
    let gazetteer = write_file(
        &dir,
        "names.tsv",
        "# user names\nZarqa Vonnegut-Ilyas\tperson\nQuillfeather Analytics\torganization\tQuillfeather Analytics Ltd.\tacronym=QFA\n"
            .as_bytes(),
    );
    let text = "Zarqa Vonnegut-Ilyas joined Quillfeather Analytics in Lahore.";
    let without = run(&[], text.as_bytes());
    let with = run(&["--gazetteer", &gazetteer], text.as_bytes());
    assert_eq!(code(&with), 0, "{}", stderr(&with));
    let names = |output: &Output| -> Vec<(String, String)> {
        let article: Value = serde_json::from_str(&stdout(output)).unwrap();
        article["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["kind"].as_str().unwrap().to_string(),
                    e["name"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let found = names(&with);
    assert!(
        found.contains(&("person".into(), "Zarqa Vonnegut-Ilyas".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&("organization".into(), "Quillfeather Analytics Ltd.".into())),
        "{found:?}"
    );
    assert!(
        !names(&without).contains(&("organization".into(), "Quillfeather Analytics Ltd.".into()))
    );

    let bad = write_file(&dir, "bad.tsv", b"Good Name\tperson\nBad Row\tplanet\n");
    let output = run(&["--gazetteer", &bad], text.as_bytes());
    assert_eq!(code(&output), 2);
    let message = stderr(&output);
    assert!(message.contains("bad.tsv:2"), "{message}");
}
