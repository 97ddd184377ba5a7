//! `newsextract --jsonl`: streaming JSON Lines in, JSON Lines out, input order kept.
//!
//! A reader thread fills a bounded queue of lines (at most [`QUEUE_LINES`] lines or about
//! [`QUEUE_BYTES`] bytes; one longer line is still taken alone). The main thread takes whatever
//! is queued, extracts it on all configured threads, writes it in order, flushes, and repeats.
//! So memory stays bounded whatever the input's size; a fast input gives large batches that keep
//! every core busy, and a slow one (a live pipe) is answered as soon as its lines arrive.

use std::borrow::Cow;
use std::collections::{HashMap, VecDeque};
use std::io::{BufRead, BufReader, Read, Write};
use std::sync::{Arc, Condvar, Mutex};

use newsextract::{Date, Extractor};
use serde_json::value::RawValue;

use crate::input::{describe_utf8_error, io_reason, Source};
use crate::output::{error_record, Output, Rendering, WriteError};
use crate::progress::Progress;

/// Most lines waiting to be extracted.
const QUEUE_LINES: usize = 1024;
/// Most bytes of lines waiting to be extracted.
const QUEUE_BYTES: usize = 16 << 20;

/// Settings for JSON Lines.
#[derive(Debug, Clone, Copy)]
pub struct JsonlSettings {
    /// Replace invalid UTF-8 instead of refusing the line.
    pub lossy: bool,
    /// How articles are written.
    pub rendering: Rendering,
}

/// What a JSON Lines run did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Records extracted.
    pub articles: usize,
    /// Records replaced by an error record.
    pub bad_lines: usize,
    /// A read error that ended the input early, described.
    pub read_error: Option<String>,
}

/// Opens the input: the caller learns about a missing file before any work starts.
pub fn open(source: &Source) -> Result<Box<dyn Read + Send>, String> {
    match source {
        Source::Stdin => Ok(Box::new(std::io::stdin())),
        Source::File(path) => std::fs::File::open(path)
            .map(|file| Box::new(file) as Box<dyn Read + Send>)
            .map_err(|e| format!("{source}: cannot open: {}", io_reason(&e))),
    }
}

/// Extracts every record of `input` (named `source` in messages) and writes one line for each.
pub fn run<W: Write>(
    source: &Source,
    input: Box<dyn Read + Send>,
    extractor: &Extractor,
    settings: JsonlSettings,
    output: &mut Output<W>,
    progress: &Progress,
) -> Result<Summary, WriteError> {
    let queue = Arc::new(Queue::default());
    let reader = {
        let queue = Arc::clone(&queue);
        std::thread::spawn(move || queue.fill_from(input))
    };
    let result = write_all(source, &queue, extractor, settings, output, progress);
    // A reader blocked on a full queue must not keep the process alive after a write error.
    queue.cancel();
    let mut summary = result?;
    match reader.join() {
        Ok(Err(e)) => summary.read_error = Some(format!("{source}: cannot read: {e}")),
        Ok(Ok(())) => {}
        Err(_) => summary.read_error = Some(format!("{source}: the reader stopped unexpectedly")),
    }
    Ok(summary)
}

fn write_all<W: Write>(
    source: &Source,
    queue: &Queue,
    extractor: &Extractor,
    settings: JsonlSettings,
    output: &mut Output<W>,
    progress: &Progress,
) -> Result<Summary, WriteError> {
    let mut summary = Summary::default();
    while let Some(batch) = queue.take() {
        let results = extractor.map_parallel(&batch, |line| {
            let processed = process_line(line, extractor, settings);
            progress.add(1, line.bytes.len() as u64);
            processed
        });
        for (line, processed) in batch.iter().zip(results) {
            output.record(&processed.json)?;
            match processed.error {
                Some(message) => {
                    summary.bad_lines += 1;
                    progress.message(&format!("{source}:{}: {message}", line.number));
                }
                None => summary.articles += 1,
            }
        }
        output.flush()?;
    }
    Ok(summary)
}

/// One input line and its 1-based number (blank lines count but are not queued).
#[derive(Debug)]
struct Line {
    number: usize,
    bytes: Vec<u8>,
}

/// The JSON written for a line, and what was wrong with it when it is an error record.
#[derive(Debug)]
struct Processed {
    json: String,
    error: Option<String>,
}

fn process_line(line: &Line, extractor: &Extractor, settings: JsonlSettings) -> Processed {
    let text: Cow<'_, str> = match std::str::from_utf8(&line.bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) if settings.lossy => String::from_utf8_lossy(&line.bytes),
        Err(e) => {
            let message = describe_utf8_error(&line.bytes, &e, "line");
            return Processed {
                json: error_record(None, line.number, &message),
                error: Some(message),
            };
        }
    };
    match Record::parse(&text) {
        Err((id, message)) => Processed {
            json: error_record(id, line.number, &message),
            error: Some(message),
        },
        Ok(record) => match crate::guard::extract(extractor, &record.text, record.date) {
            Ok(article) => Processed {
                json: settings
                    .rendering
                    .article(article, &record.text, Some(record.id)),
                error: None,
            },
            Err(e) => {
                let message = format!("\"text\": {e}");
                Processed {
                    json: error_record(Some(record.id), line.number, &message),
                    error: Some(message),
                }
            }
        },
    }
}

/// A decoded input record; `id` is the raw JSON as written, echoed unchanged.
#[derive(Debug)]
struct Record<'a> {
    id: &'a str,
    text: String,
    date: Option<Date>,
}

impl<'a> Record<'a> {
    /// The record in `line`, or the id when it could be found and what is wrong.
    fn parse(line: &'a str) -> Result<Record<'a>, (Option<&'a str>, String)> {
        let fields: HashMap<String, &'a RawValue> = match serde_json::from_str(line) {
            Ok(fields) => fields,
            Err(e) if e.is_data() => {
                return Err((
                    None,
                    format!(
                        "expected a JSON object {{\"id\": ..., \"text\": \"...\"}}, found {}",
                        kind_of(line.trim_start())
                    ),
                ))
            }
            Err(e) => return Err((None, format!("not valid JSON: {}", json_error(&e)))),
        };
        let id = fields.get("id").map(|raw| raw.get());
        let fail = |message: String| Err((Some(id.unwrap_or("null")), message));
        let Some(text) = fields.get("text") else {
            return fail("missing \"text\" field".to_string());
        };
        let text: String = match serde_json::from_str(text.get()) {
            Ok(text) => text,
            // A string that is valid JSON but no Unicode text: an escaped lone surrogate.
            Err(e) if text.get().starts_with('"') => {
                return fail(format!("\"text\": {}", value_error(line, text, &e)))
            }
            Err(_) => {
                return fail(format!(
                    "\"text\" must be a string, found {}",
                    kind_of(text.get())
                ))
            }
        };
        let date = match fields.get("date").copied() {
            None => None,
            Some(raw) if raw.get() == "null" => None,
            Some(raw) => match serde_json::from_str::<String>(raw.get()) {
                Ok(value) => match value.parse::<Date>() {
                    Ok(date) => Some(date),
                    Err(e) => return fail(format!("\"date\": {e}")),
                },
                Err(e) if raw.get().starts_with('"') => {
                    return fail(format!("\"date\": {}", value_error(line, raw, &e)))
                }
                Err(_) => {
                    return fail(format!(
                        "\"date\" must be a string \"YYYY-MM-DD\", found {}",
                        kind_of(raw.get())
                    ))
                }
            },
        };
        Ok(Record {
            id: id.unwrap_or("null"),
            text,
            date,
        })
    }
}

/// The kind of JSON value `raw` starts with, for messages.
fn kind_of(raw: &str) -> &'static str {
    match raw.as_bytes().first() {
        Some(b'"') => "a string",
        Some(b'{') => "an object",
        Some(b'[') => "an array",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        Some(_) => "a number",
        None => "nothing",
    }
}

/// What is wrong inside `value`, a field's raw JSON borrowed from `line`, with the position
/// given as a column of the whole line rather than of the value.
fn value_error(line: &str, value: &RawValue, error: &serde_json::Error) -> String {
    let text = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    let mut message = text.strip_suffix(&position).unwrap_or(&text);
    // serde_json words an unpaired surrogate as a malformed escape; say what it is.
    if has_surrogate_escape(value.get()) {
        message = "an escaped lone surrogate (\\uD800 to \\uDFFF without its pair) is not text";
    }
    // The value is a slice of the line (serde_json borrows raw values), so the distance
    // between the two starts is the value's byte offset in the line.
    let offset = (value.get().as_ptr() as usize).saturating_sub(line.as_ptr() as usize);
    let column = line
        .get(..offset)
        .map_or(0, |before| before.chars().count())
        + error.column();
    format!("{message} at column {column}")
}

/// Whether the JSON string `raw` holds a `\uD800`-`\uDFFF` escape.
fn has_surrogate_escape(raw: &str) -> bool {
    raw.as_bytes().windows(4).any(|w| {
        w[0] == b'\\'
            && w[1] == b'u'
            && w[2].eq_ignore_ascii_case(&b'd')
            && matches!(w[3].to_ascii_lowercase(), b'8'..=b'9' | b'a'..=b'f')
    })
}

/// serde_json's message with its position given as a column of the line.
fn json_error(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    match text.strip_suffix(&position) {
        Some(message) => format!("{message} at column {}", error.column()),
        None => text,
    }
}

/// Lines waiting between the reader thread and the workers.
#[derive(Debug, Default)]
struct Queue {
    state: Mutex<QueueState>,
    changed: Condvar,
}

#[derive(Debug, Default)]
struct QueueState {
    lines: VecDeque<Line>,
    bytes: usize,
    finished: bool,
    cancelled: bool,
}

impl Queue {
    /// Reads `input` line by line into the queue, waiting while it is full.
    fn fill_from(&self, input: Box<dyn Read + Send>) -> Result<(), String> {
        let mut reader = BufReader::with_capacity(1 << 20, input);
        let mut number = 0usize;
        let result = loop {
            let mut bytes = Vec::new();
            match reader.read_until(b'\n', &mut bytes) {
                Ok(0) => break Ok(()),
                Ok(_) => {}
                Err(e) => break Err(io_reason(&e)),
            }
            number += 1;
            if bytes.last() == Some(&b'\n') {
                bytes.pop();
                if bytes.last() == Some(&b'\r') {
                    bytes.pop();
                }
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            if !self.push(Line { number, bytes }) {
                break Ok(());
            }
        };
        let mut state = self.lock();
        state.finished = true;
        self.changed.notify_all();
        result
    }

    /// Queues `line`, waiting for room; false when the consumer has gone.
    fn push(&self, line: Line) -> bool {
        let mut state = self.lock();
        while !state.cancelled
            && !state.lines.is_empty()
            && (state.lines.len() >= QUEUE_LINES
                || state.bytes.saturating_add(line.bytes.len()) > QUEUE_BYTES)
        {
            state = self.changed.wait(state).unwrap_or_else(|e| e.into_inner());
        }
        if state.cancelled {
            return false;
        }
        state.bytes += line.bytes.len();
        state.lines.push_back(line);
        self.changed.notify_all();
        true
    }

    /// Everything queued, waiting for at least one line; `None` at the end of the input.
    fn take(&self) -> Option<Vec<Line>> {
        let mut state = self.lock();
        while state.lines.is_empty() && !state.finished {
            state = self.changed.wait(state).unwrap_or_else(|e| e.into_inner());
        }
        if state.lines.is_empty() {
            return None;
        }
        state.bytes = 0;
        let batch: Vec<Line> = state.lines.drain(..).collect();
        self.changed.notify_all();
        Some(batch)
    }

    fn cancel(&self) {
        self.lock().cancelled = true;
        self.changed.notify_all();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, QueueState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(line: &str) -> (Option<String>, String) {
        let (id, message) = Record::parse(line).unwrap_err();
        (id.map(str::to_string), message)
    }

    #[test]
    fn reads_good_records() {
        let record =
            Record::parse(r#"{"text": "LAHORE — “Hi”, وزیر said.\n", "id": 123456789012345678901234, "date": "2023-05-09", "x": [1]}"#)
                .unwrap();
        assert_eq!(record.id, "123456789012345678901234");
        assert_eq!(record.text, "LAHORE — “Hi”, وزیر said.\n");
        assert_eq!(record.date, Some(Date::new(2023, 5, 9).unwrap()));
        let record = Record::parse(r#"{"text": "", "date": null}"#).unwrap();
        assert_eq!((record.id, record.date), ("null", None));
        let record = Record::parse(r#"{"id": {"a": "é"}, "text": "x"}"#).unwrap();
        assert_eq!(record.id, r#"{"a": "é"}"#);
    }

    #[test]
    fn names_what_is_wrong_with_bad_records() {
        let cases: &[(&str, Option<&str>, &str)] = &[
            (
                "plain text",
                None,
                "not valid JSON: expected value at column 1",
            ),
            (
                r#"{"id": 1, "text": "x""#,
                None,
                "not valid JSON: EOF while parsing",
            ),
            (
                r#"["a", "b"]"#,
                None,
                "expected a JSON object {\"id\": ..., \"text\": \"...\"}, found an array",
            ),
            (r#""text""#, None, "found a string"),
            (r#"{"id": "a"}"#, Some("\"a\""), "missing \"text\" field"),
            (
                r#"{"id": 7, "text": 5}"#,
                Some("7"),
                "\"text\" must be a string, found a number",
            ),
            (
                r#"{"id": 7, "text": null}"#,
                Some("7"),
                "\"text\" must be a string, found null",
            ),
            (r#"{"text": ["x"]}"#, Some("null"), "found an array"),
            (
                r#"{"id": "é", "text": "x", "date": "2023-02-29"}"#,
                Some("\"é\""),
                "\"date\": invalid date \"2023-02-29\"",
            ),
            (
                r#"{"id": 1, "text": "a \ud800 b"}"#,
                Some("1"),
                "\"text\": an escaped lone surrogate (\\uD800 to \\uDFFF without its pair) is not \
                 text at column 28",
            ),
            (
                r#"{"id": 1, "text": "x", "date": "\udc00"}"#,
                Some("1"),
                "\"date\": an escaped lone surrogate",
            ),
            (
                r#"{"id": 1, "text": "x", "date": 20230101}"#,
                Some("1"),
                "\"date\" must be a string \"YYYY-MM-DD\", found a number",
            ),
        ];
        for (line, id, expected) in cases {
            let (got_id, message) = error_of(line);
            assert_eq!(got_id.as_deref(), *id, "{line}");
            assert!(message.contains(expected), "{line}: {message}");
        }
    }

    #[test]
    fn invalid_utf8_line_is_an_error_record_unless_lossy() {
        let extractor = Extractor::builder().threads(1).build().unwrap();
        let rendering = Rendering {
            pretty: false,
            offsets: newsextract::OffsetUnit::Bytes,
        };
        let line = Line {
            number: 4,
            bytes: b"{\"id\": 1, \"text\": \"a\xFFb\"}".to_vec(),
        };
        let strict = process_line(
            &line,
            &extractor,
            JsonlSettings {
                lossy: false,
                rendering,
            },
        );
        let message = strict.error.unwrap();
        assert!(
            message.contains("byte 0xFF at byte offset 20 of the line"),
            "{message}"
        );
        let value: serde_json::Value = serde_json::from_str(&strict.json).unwrap();
        assert_eq!(value["line"], 4);
        let lossy = process_line(
            &line,
            &extractor,
            JsonlSettings {
                lossy: true,
                rendering,
            },
        );
        assert!(lossy.error.is_none());
        assert!(lossy.json.starts_with("{\"id\":1,"), "{}", lossy.json);
    }

    #[test]
    fn queue_keeps_order_and_skips_blank_lines() {
        let queue = Queue::default();
        let input = b"a\n\n  \r\nb\r\nc".to_vec();
        queue
            .fill_from(Box::new(std::io::Cursor::new(input)))
            .unwrap();
        let batch = queue.take().unwrap();
        let got: Vec<(usize, &[u8])> = batch.iter().map(|l| (l.number, &l.bytes[..])).collect();
        assert_eq!(got, vec![(1, &b"a"[..]), (4, &b"b"[..]), (5, &b"c"[..])]);
        assert!(queue.take().is_none());
    }
}
