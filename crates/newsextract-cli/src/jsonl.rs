//! `newsextract --jsonl`: streaming JSON Lines in, JSON Lines out, input order kept, memory
//! bounded whatever the size of the input.
//!
//! Three kinds of threads share one [`Window`] of the lines read and not yet written:
//!
//! - a reader thread reads lines and appends them to the window, waiting while it holds
//!   [`WINDOW_BYTES`] bytes or [`WINDOW_LINES`] lines (a single longer line is let in alone, once
//!   the window is empty, so that large records are extracted one at a time);
//! - the configured number of workers take the oldest line nobody has taken yet, extract it and
//!   leave its output JSON in its place;
//! - the calling thread writes each output as soon as every line before it is written, and
//!   frees its place in the window.
//!
//! The window counts a line's bytes until it is extracted and its output's bytes after, so
//! memory stays near the built-in data plus the window plus what extraction holds for the
//! records in flight (see docs/performance.md), however long the input. With `--max-bytes`, a
//! line too long to hold a text within the limit is skipped while it is read, never held whole.
//! The answer to a slow input (a live pipe) is written as soon as its line is extracted.

use std::collections::{HashMap, VecDeque};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

use newsextract::{Date, Extractor};
use serde_json::value::RawValue;

use crate::input::{describe_utf8_error, io_reason, Source};
use crate::output::{error_record, Output, Rendering, WriteError};
use crate::progress::Progress;

/// Most bytes of lines and outputs in the window. Extraction holds several times a record's
/// size while it runs, so this also bounds what the records in flight cost together.
const WINDOW_BYTES: usize = 4 << 20;
/// Most lines in the window, whatever their size.
const WINDOW_LINES: usize = 4096;
/// Room on top of `6 × --max-bytes` for the other fields of a record when deciding that a line
/// is too long to hold a text within `--max-bytes`.
const LINE_SLACK: usize = 64 << 10;
/// How much of a too-long line is kept to find its `"id"`.
const ID_PREFIX: usize = 4 << 10;

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

/// The longest line that can hold a record whose text is within `max_bytes`: a JSON string
/// takes at most six bytes per byte of text (`\u0001`), and the other fields take a little.
pub fn longest_line(max_bytes: Option<usize>) -> Option<usize> {
    max_bytes.map(|max| max.saturating_mul(6).saturating_add(LINE_SLACK))
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
    let workers = extractor.threads().max(1);
    let window = Arc::new(Window::new(workers));
    let reader = {
        let window = Arc::clone(&window);
        let line_limit = longest_line(extractor.max_input_bytes());
        std::thread::spawn(move || window.fill_from(input, line_limit))
    };
    let result = std::thread::scope(|scope| {
        for worker in 0..workers {
            let window = &window;
            scope.spawn(move || window.work(worker, extractor, settings, progress));
        }
        let result = window.write_in_order(source, output, progress);
        // After a write error, stop the workers and a reader waiting for room.
        window.cancel();
        result
    });
    let mut summary = result?;
    // The whole input was read (the writer saw its end), so the reader has finished or is
    // about to: joining does not wait on the input.
    match reader.join() {
        Ok(Err(e)) => summary.read_error = Some(format!("{source}: cannot read: {e}")),
        Ok(Ok(())) => {}
        Err(_) => summary.read_error = Some(format!("{source}: the reader stopped unexpectedly")),
    }
    Ok(summary)
}

/// One input line and its 1-based number (blank lines count but are not queued).
#[derive(Debug)]
struct Line {
    number: usize,
    bytes: Vec<u8>,
}

/// What the reader found on a line.
#[derive(Debug)]
enum Item {
    /// A line to decode and extract.
    Line(Line),
    /// A line longer than any record within `--max-bytes` can be, skipped as it was read.
    TooLong {
        number: usize,
        len: u64,
        limit: usize,
        /// The record's `"id"` when it comes first on the line.
        id: Option<String>,
    },
}

impl Item {
    /// The bytes this item holds while it waits.
    fn cost(&self) -> usize {
        match self {
            Item::Line(line) => line.bytes.len(),
            Item::TooLong { .. } => 0,
        }
    }
}

/// The JSON written for a line, and what was wrong with it when it is an error record.
#[derive(Debug)]
struct Processed {
    number: usize,
    json: String,
    error: Option<String>,
}

fn process(item: Item, extractor: &Extractor, settings: JsonlSettings) -> Processed {
    match item {
        Item::Line(line) => process_line(line, extractor, settings),
        Item::TooLong {
            number,
            len,
            limit,
            id,
        } => {
            let max = extractor.max_input_bytes().unwrap_or_default();
            let message = format!(
                "line of {len} bytes exceeds {limit} bytes, the most a record with at most {max} \
                 bytes of text can take (--max-bytes); skipped without reading it whole"
            );
            Processed {
                number,
                json: error_record(id.as_deref(), number, &message),
                error: Some(message),
            }
        }
    }
}

fn process_line(line: Line, extractor: &Extractor, settings: JsonlSettings) -> Processed {
    let number = line.number;
    let fail = |id: Option<&str>, message: String| Processed {
        number,
        json: error_record(id, number, &message),
        error: Some(message),
    };
    let text: String = match String::from_utf8(line.bytes) {
        Ok(text) => text,
        Err(e) if settings.lossy => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        Err(e) => {
            let message = describe_utf8_error(e.as_bytes(), &e.utf8_error(), "line");
            return fail(None, message);
        }
    };
    let record = match Record::parse(&text) {
        Ok(record) => record,
        Err((id, message)) => return fail(id, message),
    };
    // The line is not needed once its fields are decoded: free it before extraction, which
    // holds several times the text's size.
    drop(text);
    match crate::guard::extract(extractor, &record.text, record.date) {
        Ok(article) => {
            let mut json = settings
                .rendering
                .article(article, &record.text, Some(&record.id));
            // It may wait in the window a while: give back what it grew into and did not use.
            json.shrink_to_fit();
            Processed {
                number,
                json,
                error: None,
            }
        }
        Err(e) => fail(Some(&record.id), format!("\"text\": {e}")),
    }
}

/// A decoded input record; `id` is the raw JSON as written, echoed unchanged.
#[derive(Debug)]
struct Record {
    id: String,
    text: String,
    date: Option<Date>,
}

impl Record {
    /// The record in `line`, or the id when it could be found and what is wrong.
    fn parse(line: &str) -> Result<Record, (Option<&str>, String)> {
        let fields: HashMap<String, &RawValue> = match serde_json::from_str(line) {
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
            id: id.unwrap_or("null").to_string(),
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

/// The lines read and not yet written, shared by the reader, the workers and the writer.
#[derive(Debug, Default)]
struct Window {
    /// Lines longer than this are extracted by worker 0 only: the window's size shared out
    /// among the workers (see [`Window::work`]).
    large_line: usize,
    state: Mutex<WindowState>,
    /// The window has room for another line (the reader waits on it).
    room: Condvar,
    /// A line waits for a worker, or the input ended (workers wait on it).
    work: Condvar,
    /// The oldest line's output is ready, or the input ended (the writer waits on it).
    ready: Condvar,
}

#[derive(Debug, Default)]
struct WindowState {
    /// In input order; the front is the next to write.
    slots: VecDeque<Slot>,
    /// The sequence number of `slots[0]`; sequence numbers count the lines queued.
    first: usize,
    /// The sequence number of the oldest line no worker has taken.
    next_job: usize,
    /// What the slots hold: a line's bytes until it is extracted, its output's after.
    bytes: usize,
    /// The reader has queued its last line.
    finished: bool,
    /// The writer has stopped: everyone else stops too.
    cancelled: bool,
    /// The most `bytes` and lines the window has held, for tests.
    peak_bytes: usize,
    peak_lines: usize,
}

#[derive(Debug)]
enum Slot {
    Waiting(Item),
    /// A worker has it.
    Extracting,
    Done(Processed),
}

impl Window {
    /// An empty window for `workers` workers.
    fn new(workers: usize) -> Window {
        Window {
            large_line: WINDOW_BYTES / workers.max(1),
            ..Window::default()
        }
    }

    /// Reads `input` line by line into the window, waiting while it is full. Lines longer than
    /// `line_limit` are skipped as they are read.
    fn fill_from(
        &self,
        input: Box<dyn Read + Send>,
        line_limit: Option<usize>,
    ) -> Result<(), String> {
        let mut reader = BufReader::with_capacity(1 << 20, input);
        let mut number = 0usize;
        let result = loop {
            // A line read while the window is full would wait in memory, unaccounted: read the
            // next one only once there is room.
            if !self.wait_for_room() {
                break Ok(());
            }
            let read = match read_line(&mut reader, line_limit) {
                Ok(Some(read)) => read,
                Ok(None) => break Ok(()),
                Err(e) => break Err(io_reason(&e)),
            };
            number += 1;
            let item = match read {
                ReadLine::Blank => continue,
                ReadLine::Line(bytes) => Item::Line(Line { number, bytes }),
                ReadLine::TooLong { len, prefix } => Item::TooLong {
                    number,
                    len,
                    limit: line_limit.unwrap_or_default(),
                    id: leading_id(&prefix),
                },
            };
            if !self.push(item) {
                break Ok(());
            }
        };
        let mut state = self.lock();
        state.finished = true;
        self.work.notify_all();
        self.ready.notify_all();
        result
    }

    /// Waits until the window is below its bounds; false when the writer has stopped.
    fn wait_for_room(&self) -> bool {
        let mut state = self.lock();
        while !state.cancelled && (state.bytes >= WINDOW_BYTES || state.slots.len() >= WINDOW_LINES)
        {
            state = self.room.wait(state).unwrap_or_else(|e| e.into_inner());
        }
        !state.cancelled
    }

    /// Appends `item`, waiting for room; false when the writer has stopped.
    fn push(&self, item: Item) -> bool {
        let cost = item.cost();
        let mut state = self.lock();
        while !state.cancelled
            && !state.slots.is_empty()
            && (state.slots.len() >= WINDOW_LINES
                || state.bytes.saturating_add(cost) > WINDOW_BYTES)
        {
            state = self.room.wait(state).unwrap_or_else(|e| e.into_inner());
        }
        if state.cancelled {
            return false;
        }
        state.bytes += cost;
        state.slots.push_back(Slot::Waiting(item));
        state.peak_bytes = state.peak_bytes.max(state.bytes);
        state.peak_lines = state.peak_lines.max(state.slots.len());
        if cost > self.large_line {
            // Only the first worker takes it: wake that one whichever it is.
            self.work.notify_all();
        } else {
            self.work.notify_one();
        }
        true
    }

    /// Worker number `worker`: extracts the oldest waiting line until the input ends or the
    /// writer stops.
    ///
    /// Lines longer than the window's share of one worker all go to worker 0. The allocator
    /// gives each thread its own arena and keeps what an extraction freed there for later use,
    /// so each thread keeps about what its largest extraction needed: with large lines on one
    /// worker and the others' lines within their share, the threads together keep about what
    /// the window's worth of text needs, however many threads there are.
    fn work(
        &self,
        worker: usize,
        extractor: &Extractor,
        settings: JsonlSettings,
        progress: &Progress,
    ) {
        loop {
            let (sequence, item) = {
                let mut state = self.lock();
                loop {
                    if state.cancelled {
                        return;
                    }
                    let index = state.next_job - state.first;
                    match state.slots.get(index) {
                        Some(Slot::Waiting(item))
                            if worker == 0 || item.cost() <= self.large_line =>
                        {
                            break
                        }
                        Some(_) => {}
                        None if state.finished => return,
                        None => {}
                    }
                    state = self.work.wait(state).unwrap_or_else(|e| e.into_inner());
                }
                let sequence = state.next_job;
                state.next_job += 1;
                let index = sequence - state.first;
                let slot = std::mem::replace(&mut state.slots[index], Slot::Extracting);
                let Slot::Waiting(item) = slot else {
                    unreachable!("slots from next_job on are waiting");
                };
                if item.cost() > self.large_line {
                    // The others waited for worker 0 to take it: the next line is theirs.
                    self.work.notify_all();
                }
                (sequence, item)
            };
            let input_bytes = item.cost();
            let processed = process(item, extractor, settings);
            progress.add(1, input_bytes as u64);
            let mut state = self.lock();
            // The writer only passes a slot once it is done, so this one is still there.
            let index = sequence - state.first;
            let output_bytes = processed.json.len();
            state.bytes = state.bytes - input_bytes + output_bytes;
            state.peak_bytes = state.peak_bytes.max(state.bytes);
            state.slots[index] = Slot::Done(processed);
            if index == 0 {
                self.ready.notify_one();
            }
            if output_bytes < input_bytes {
                self.room.notify_one();
            }
        }
    }

    /// The writer: writes each output once those before it are written; flushes whenever it
    /// has to wait, so that a slow input is answered line by line.
    fn write_in_order<W: Write>(
        &self,
        source: &Source,
        output: &mut Output<W>,
        progress: &Progress,
    ) -> Result<Summary, WriteError> {
        let mut summary = Summary::default();
        let front_done = |state: &WindowState| matches!(state.slots.front(), Some(Slot::Done(_)));
        loop {
            let mut state = self.lock();
            if !front_done(&state) {
                if state.finished && state.slots.is_empty() {
                    break;
                }
                // About to wait: hand what is written so far to whoever reads the output.
                drop(state);
                output.flush()?;
                state = self.lock();
                let all_written = |state: &WindowState| state.finished && state.slots.is_empty();
                while !(front_done(&state) || all_written(&state)) {
                    state = self.ready.wait(state).unwrap_or_else(|e| e.into_inner());
                }
                if !front_done(&state) {
                    break;
                }
            }
            let Some(Slot::Done(processed)) = state.slots.pop_front() else {
                unreachable!("the front slot is done");
            };
            state.first += 1;
            state.bytes -= processed.json.len();
            self.room.notify_one();
            drop(state);
            output.record(&processed.json)?;
            match processed.error {
                Some(message) => {
                    summary.bad_lines += 1;
                    progress.message(&format!("{source}:{}: {message}", processed.number));
                }
                None => summary.articles += 1,
            }
        }
        output.flush()?;
        Ok(summary)
    }

    fn cancel(&self) {
        self.lock().cancelled = true;
        self.room.notify_all();
        self.work.notify_all();
        self.ready.notify_all();
    }

    fn lock(&self) -> MutexGuard<'_, WindowState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// A line as [`read_line`] found it.
#[derive(Debug, PartialEq, Eq)]
enum ReadLine {
    /// Only whitespace.
    Blank,
    /// The line without its `\n` or `\r\n`.
    Line(Vec<u8>),
    /// Longer than the limit: `len` bytes in all, of which `prefix` is the start.
    TooLong { len: u64, prefix: Vec<u8> },
}

/// Reads one line, holding at most `limit` bytes of it; `None` at the end of the input.
fn read_line(reader: &mut impl BufRead, limit: Option<usize>) -> io::Result<Option<ReadLine>> {
    let limit = limit.unwrap_or(usize::MAX);
    let mut bytes = Vec::new();
    let mut len: u64 = 0;
    let mut too_long = false;
    let mut blank = true;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            if len == 0 {
                return Ok(None);
            }
            break;
        }
        let (chunk, ends) = match available.iter().position(|&b| b == b'\n') {
            Some(at) => (&available[..at + 1], true),
            None => (available, false),
        };
        blank = blank && chunk.iter().all(u8::is_ascii_whitespace);
        // The `\n` does not count towards the limit (a `\r` before it does).
        let content = chunk.len() - usize::from(ends);
        if !too_long && bytes.len().saturating_add(content) > limit {
            too_long = true;
            let keep = ID_PREFIX.saturating_sub(bytes.len()).min(content);
            bytes.extend_from_slice(&chunk[..keep]);
            bytes.truncate(ID_PREFIX);
            bytes.shrink_to_fit();
        } else if !too_long {
            bytes.extend_from_slice(chunk);
        }
        len += content as u64;
        let consumed = chunk.len();
        reader.consume(consumed);
        if ends {
            break;
        }
    }
    if blank {
        return Ok(Some(ReadLine::Blank));
    }
    if too_long {
        return Ok(Some(ReadLine::TooLong { len, prefix: bytes }));
    }
    if bytes.last() == Some(&b'\n') {
        bytes.pop();
        if bytes.last() == Some(&b'\r') {
            bytes.pop();
        }
    }
    // A line read in several pieces may have left spare capacity, counted nowhere.
    bytes.shrink_to_fit();
    Ok(Some(ReadLine::Line(bytes)))
}

/// The raw JSON of the `"id"` that starts `prefix` (`{"id": ...`), when it is complete there.
fn leading_id(prefix: &[u8]) -> Option<String> {
    let rest = trim_start(prefix.strip_prefix(b"{")?);
    let rest = trim_start(rest.strip_prefix(b"\"id\"")?);
    let rest = trim_start(rest.strip_prefix(b":")?);
    let mut values = serde_json::Deserializer::from_slice(rest).into_iter::<&RawValue>();
    let id = values.next()?.ok()?;
    // A number at the very end of the prefix may go on past it.
    let after = trim_start(&rest[values.byte_offset()..]);
    matches!(after.first(), Some(b',' | b'}')).then(|| id.get().to_string())
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[start..]
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
        assert_eq!((record.id.as_str(), record.date), ("null", None));
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
        let line = || Line {
            number: 4,
            bytes: b"{\"id\": 1, \"text\": \"a\xFFb\"}".to_vec(),
        };
        let strict = process_line(
            line(),
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
            line(),
            &extractor,
            JsonlSettings {
                lossy: true,
                rendering,
            },
        );
        assert!(lossy.error.is_none());
        assert!(lossy.json.starts_with("{\"id\":1,"), "{}", lossy.json);
    }

    /// Every line `read_line` finds in `input`, read through a buffer of `capacity` bytes so
    /// that lines arrive in several pieces.
    fn read_lines(input: &[u8], capacity: usize, limit: Option<usize>) -> Vec<ReadLine> {
        let mut reader = BufReader::with_capacity(capacity, input);
        std::iter::from_fn(|| read_line(&mut reader, limit).unwrap()).collect()
    }

    #[test]
    fn read_line_splits_lines_and_skips_long_ones_unheld() {
        use ReadLine::{Blank, Line, TooLong};
        let long = format!("{{\"id\": \"é\", \"text\": \"{}\"}}", "x".repeat(40));
        let input = format!("a\n\n  \r\nb\r\n{long}\n{}\nc", " ".repeat(50));
        let line = |text: &str| Line(text.as_bytes().to_vec());
        for capacity in [1, 3, 7, 1024] {
            assert_eq!(
                read_lines(input.as_bytes(), capacity, None),
                vec![
                    line("a"),
                    Blank,
                    Blank,
                    line("b"),
                    line(&long),
                    Blank,
                    line("c")
                ],
                "capacity {capacity}"
            );
            let limited = read_lines(input.as_bytes(), capacity, Some(20));
            assert_eq!(limited[..4], [line("a"), Blank, Blank, line("b")]);
            match &limited[4] {
                TooLong { len, prefix } => {
                    assert_eq!(*len, long.len() as u64, "capacity {capacity}");
                    assert!(long.as_bytes().starts_with(prefix));
                    assert_eq!(leading_id(prefix).as_deref(), Some("\"é\""));
                }
                other => panic!("capacity {capacity}: {other:?}"),
            }
            // A long blank line is still blank; "\n" does not count towards the limit.
            assert_eq!(limited[5..], [Blank, line("c")]);
            assert_eq!(
                read_lines(b"12345\n123456\n", capacity, Some(5)),
                vec![
                    line("12345"),
                    TooLong {
                        len: 6,
                        prefix: b"123456".to_vec()
                    }
                ]
            );
        }
        assert_eq!(read_lines(b"", 8, Some(5)), vec![]);
    }

    #[test]
    fn leading_id_is_found_only_at_the_start() {
        let cases: &[(&[u8], Option<&str>)] = &[
            (br#"{"id": 12, "text": "xxx"#, Some("12")),
            (br#"  {"id":"a\"b","text":"#, None),
            (
                br#"{ "id" : {"k": [1, "]"]}, "text": "#,
                Some(r#"{"k": [1, "]"]}"#),
            ),
            (br#"{"id": "cut sh"#, None),
            (br#"{"text": "x", "id": 3}"#, None),
            (br#"{"id": 12"#, None),
            (b"", None),
        ];
        for (prefix, expected) in cases {
            assert_eq!(
                leading_id(prefix).as_deref(),
                *expected,
                "{}",
                String::from_utf8_lossy(prefix)
            );
        }
    }

    #[test]
    fn window_keeps_order_and_bounds_the_bytes_held() {
        // Lines of 3 KB (a padding field; the text itself is tiny so that extraction is quick)
        // and one line longer than the whole window, which must be let in alone.
        let pad = |n: usize| "p".repeat(n);
        let mut input = String::new();
        let mut expected = Vec::new();
        for i in 0..3000 {
            let size = if i == 1500 { WINDOW_BYTES + 1000 } else { 3000 };
            // Every seventh record is bad ("text" is a number) and becomes an error record.
            let text = if i % 7 == 3 {
                "5".to_string()
            } else {
                format!("\"Rain {i}.\"")
            };
            input.push_str(&format!(
                "{{\"id\": {i}, \"text\": {text}, \"pad\": \"{}\"}}\n",
                pad(size)
            ));
            expected.push(i);
        }
        let extractor = Extractor::builder()
            .threads(3)
            .passes(newsextract::Passes::STRUCTURE_ONLY)
            .build()
            .unwrap();
        let settings = JsonlSettings {
            lossy: false,
            rendering: Rendering {
                pretty: false,
                offsets: newsextract::OffsetUnit::Bytes,
            },
        };
        let window = Window::new(3);
        let mut written = Vec::new();
        let summary = std::thread::scope(|scope| {
            scope.spawn(|| {
                window
                    .fill_from(Box::new(io::Cursor::new(input.into_bytes())), None)
                    .unwrap()
            });
            for worker in 0..3 {
                let (window, extractor) = (&window, &extractor);
                scope.spawn(move || {
                    window.work(worker, extractor, settings, &Progress::new(false, None))
                });
            }
            let mut output = Output::new(&mut written);
            window
                .write_in_order(&Source::Stdin, &mut output, &Progress::new(false, None))
                .unwrap()
        });
        assert_eq!(summary.articles + summary.bad_lines, 3000);
        assert!(summary.bad_lines > 400, "{summary:?}");
        let ids: Vec<usize> = String::from_utf8(written)
            .unwrap()
            .lines()
            .map(|line| {
                let value: serde_json::Value = serde_json::from_str(line).unwrap();
                value["id"].as_u64().unwrap() as usize
            })
            .collect();
        assert_eq!(ids, expected);
        let state = window.lock();
        assert!(
            state.slots.is_empty() && state.bytes == 0,
            "{:?}",
            state.bytes
        );
        // The big line came in alone; every other time the window stayed within its bound.
        assert!(
            state.peak_bytes <= WINDOW_BYTES + 1000 + 100,
            "{}",
            state.peak_bytes
        );
        assert!(state.peak_lines <= WINDOW_LINES);
    }
}
