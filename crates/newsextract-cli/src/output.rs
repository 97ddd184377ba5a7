//! Writing articles and error records as JSON.

use std::io::{self, Write};

use newsextract::{convert_offsets, Article, OffsetUnit};

/// How articles are written.
#[derive(Debug, Clone, Copy)]
pub struct Rendering {
    /// Indented JSON instead of one object per line.
    pub pretty: bool,
    /// The unit of every `start`/`end`.
    pub offsets: OffsetUnit,
}

impl Rendering {
    /// The article's JSON, its offsets converted to the chosen unit, with `"id"` as the first
    /// key when `id` (already JSON) is given.
    pub fn article(&self, mut article: Article, text: &str, id: Option<&str>) -> String {
        convert_offsets(&mut article, text, self.offsets);
        // The id goes in front of the article's own `{`, which then becomes the comma after
        // it: the article keeps its key order, and its JSON (a few times the size of the
        // text) is written once, never copied.
        let opening = match (id, self.pretty) {
            (None, _) => String::new(),
            (Some(id), false) => format!("{{\"id\":{id}"),
            (Some(id), true) => format!("{{\n  \"id\": {id}"),
        };
        let mut json = opening.clone().into_bytes();
        // Serialising these plain types cannot fail: no maps with non-string keys, no I/O.
        let written = if self.pretty {
            serde_json::to_writer_pretty(&mut json, &article)
        } else {
            serde_json::to_writer(&mut json, &article)
        };
        if written.is_err() || json.len() == opening.len() {
            return String::new();
        }
        drop(article);
        if id.is_some() {
            if json.get(opening.len() + 1) == Some(&b'}') {
                // `{}`: no comma wanted.
                json.remove(opening.len());
            } else {
                json[opening.len()] = b',';
            }
        }
        String::from_utf8(json).unwrap_or_default()
    }
}

/// The record that stands in for a JSON Lines input that could not be extracted.
pub fn error_record(id: Option<&str>, line: usize, message: &str) -> String {
    format!(
        "{{\"id\":{},\"line\":{line},\"error\":{}}}",
        id.unwrap_or("null"),
        json_string(message)
    )
}

/// `text` as a JSON string literal.
pub fn json_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_string())
}

/// Why writing stopped.
#[derive(Debug)]
pub enum WriteError {
    /// The reader went away (`| head`): not an error worth a message.
    BrokenPipe,
    /// Any other output failure, described.
    Failed(String),
}

impl From<io::Error> for WriteError {
    fn from(error: io::Error) -> Self {
        if error.kind() == io::ErrorKind::BrokenPipe {
            WriteError::BrokenPipe
        } else {
            WriteError::Failed(format!(
                "cannot write the output: {}",
                crate::input::io_reason(&error)
            ))
        }
    }
}

/// Standard output, buffered, one record per line.
#[derive(Debug)]
pub struct Output<W: Write> {
    writer: io::BufWriter<W>,
}

impl<W: Write> Output<W> {
    /// Buffers `writer`.
    pub fn new(writer: W) -> Output<W> {
        Output {
            writer: io::BufWriter::with_capacity(1 << 16, writer),
        }
    }

    /// Writes `record` and a newline.
    pub fn record(&mut self, record: &str) -> Result<(), WriteError> {
        self.writer.write_all(record.as_bytes())?;
        self.writer.write_all(b"\n")?;
        Ok(())
    }

    /// Pushes everything written so far out, so that a later failure loses none of it.
    pub fn flush(&mut self) -> Result<(), WriteError> {
        self.writer.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_comes_first_in_both_layouts() {
        let text = "PARIS — Rain.";
        let article = newsextract::extract(text);
        for pretty in [false, true] {
            let rendering = Rendering {
                pretty,
                offsets: OffsetUnit::Bytes,
            };
            let json = rendering.article(article.clone(), text, Some("[1,\"é\"]"));
            let value: serde_json::Value = serde_json::from_str(&json).unwrap();
            // serde_json's map sorts its keys, so the order is checked on the text.
            let expected_start = if pretty {
                "{\n  \"id\": [1,\"é\"],\n  \"schema_version\""
            } else {
                "{\"id\":[1,\"é\"],\"schema_version\""
            };
            assert!(json.starts_with(expected_start), "{json}");
            assert_eq!(value["id"], serde_json::json!([1, "é"]));
            assert_eq!(value["schema_version"], 1);
        }
    }

    #[test]
    fn error_records_escape_the_message() {
        let record = error_record(None, 7, "bad \"date\": ٢٠٢٣\n");
        let value: serde_json::Value = serde_json::from_str(&record).unwrap();
        assert_eq!(value["id"], serde_json::Value::Null);
        assert_eq!(value["line"], 7);
        assert_eq!(value["error"], "bad \"date\": ٢٠٢٣\n");
        assert!(!record.contains('\n'));
    }
}
