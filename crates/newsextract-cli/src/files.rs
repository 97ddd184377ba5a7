//! `newsextract FILE...`: whole files (or stdin) in, one Article each out.
//!
//! One input gives the bare Article; several give JSON Lines, each Article with `"id"` set to
//! the path it came from, in the order given. Files are read and extracted on all configured
//! threads, a bounded group at a time, so memory stays bounded by the group, not the list.

use std::io::Write;

use newsextract::Extractor;

use crate::input::{decode, read_all, Source};
use crate::output::{json_string, Output, Rendering, WriteError};
use crate::progress::Progress;

/// At most this many files are held at once...
const GROUP_FILES: usize = 256;
/// ...or files of about this many bytes in total (a larger single file is still read alone).
const GROUP_BYTES: u64 = 16 << 20;

/// Settings for reading files.
#[derive(Debug, Clone, Copy)]
pub struct FileSettings {
    /// Replace invalid UTF-8 instead of refusing the file.
    pub lossy: bool,
    /// How articles are written.
    pub rendering: Rendering,
}

/// Extracts every input in order; returns how many could not be read or decoded.
pub fn run<W: Write>(
    inputs: &[Source],
    extractor: &Extractor,
    settings: FileSettings,
    output: &mut Output<W>,
    progress: &Progress,
) -> Result<usize, WriteError> {
    let with_ids = inputs.len() > 1;
    let mut failures = 0;
    let mut rest = inputs;
    while !rest.is_empty() {
        let (group, remaining) = rest.split_at(group_len(rest));
        rest = remaining;
        let results = extractor.map_parallel(group, |source| {
            let result = extract_one(source, extractor, settings, with_ids);
            if let Ok((_, len)) = &result {
                progress.add(1, *len as u64);
            }
            result
        });
        for result in results {
            match result {
                Ok((json, _)) => output.record(&json)?,
                Err(message) => {
                    failures += 1;
                    progress.message(&message);
                }
            }
        }
        output.flush()?;
    }
    Ok(failures)
}

/// How many of the next inputs to read together.
fn group_len(inputs: &[Source]) -> usize {
    let mut bytes = 0u64;
    let mut len = 0;
    for source in inputs.iter().take(GROUP_FILES) {
        bytes = bytes.saturating_add(source.known_len().unwrap_or(0));
        if len > 0 && bytes > GROUP_BYTES {
            break;
        }
        len += 1;
    }
    len.max(1)
}

/// The article's JSON and the input's size, or a message naming the input.
fn extract_one(
    source: &Source,
    extractor: &Extractor,
    settings: FileSettings,
    with_id: bool,
) -> Result<(String, usize), String> {
    let bytes = read_all(source, extractor.max_input_bytes())?;
    let text = decode(bytes, settings.lossy).map_err(|message| format!("{source}: {message}"))?;
    // Lossy decoding can make the text longer than the bytes read, so ask the core too.
    let article =
        crate::guard::extract(extractor, &text, None).map_err(|e| format!("{source}: {e}"))?;
    let id = with_id.then(|| json_string(&source.to_string()));
    let json = settings.rendering.article(article, &text, id.as_deref());
    Ok((json, text.len()))
}
