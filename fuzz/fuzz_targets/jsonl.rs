//! The CLI's JSON Lines reader on arbitrary bytes: every non-blank input line is answered by
//! exactly one output line, in order, that is either an Article or an error record naming the
//! line; nothing panics and nothing is lost.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsextract::{Extractor, OffsetUnit};
use newsextract_cli::input::Source;
use newsextract_cli::jsonl::{self, JsonlSettings};
use newsextract_cli::output::{Output, Rendering};
use newsextract_cli::progress::Progress;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, input)) = data.split_first() else {
        return;
    };
    let extractor = Extractor::builder()
        .threads(1)
        .max_input_bytes((flags & 2 != 0).then_some(64))
        .build()
        .expect("a fixed configuration builds");
    let settings = JsonlSettings {
        lossy: flags & 1 != 0,
        rendering: Rendering {
            pretty: false,
            offsets: match flags >> 2 & 3 {
                1 => OffsetUnit::Chars,
                2 => OffsetUnit::Utf16,
                _ => OffsetUnit::Bytes,
            },
        },
    };
    let mut written = Vec::new();
    let summary = {
        let mut output = Output::new(&mut written);
        let progress = Progress::new(false, None);
        jsonl::run(
            &Source::Stdin,
            Box::new(std::io::Cursor::new(input.to_vec())),
            &extractor,
            settings,
            &mut output,
            &progress,
        )
        .expect("writing to memory cannot fail")
    };
    assert_eq!(summary.read_error, None);

    // The reader's notion of a line: split at \n, a trailing \r dropped, blank lines skipped.
    let expected_lines: Vec<usize> = input
        .split(|&b| b == b'\n')
        .enumerate()
        .filter(|(_, line)| !line.iter().all(u8::is_ascii_whitespace))
        .map(|(i, _)| i + 1)
        .collect();
    let written = String::from_utf8(written).expect("the output is UTF-8");
    let records: Vec<&str> = written.lines().collect();
    assert_eq!(
        records.len(),
        expected_lines.len(),
        "one output line per input line"
    );
    assert_eq!(summary.articles + summary.bad_lines, records.len());
    let mut errors = 0;
    for (record, line_number) in records.iter().zip(&expected_lines) {
        let value: Value = serde_json::from_str(record).expect("every output line is JSON");
        let object = value.as_object().expect("every output line is an object");
        assert!(object.contains_key("id"), "{record}");
        if let Some(error) = object.get("error") {
            errors += 1;
            assert!(error.as_str().is_some_and(|e| !e.is_empty()), "{record}");
            assert_eq!(
                object.get("line").and_then(Value::as_u64),
                Some(*line_number as u64)
            );
        } else {
            assert_eq!(
                object.get("schema_version").and_then(Value::as_u64),
                Some(1),
                "{record}"
            );
        }
    }
    assert_eq!(errors, summary.bad_lines);
});
