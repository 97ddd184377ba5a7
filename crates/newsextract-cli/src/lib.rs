//! The library half of the `newsextract` command: reading inputs, the JSON Lines stream, the
//! panic guard, writing JSON and HTML pages, the progress line and the JSON Schema of the output.
//!
//! It is split out of the binary so that the JSON Lines reader can be fuzzed (`fuzz/`) and
//! tested in-process. It is not a stable API: use the `newsextract` crate for extraction and
//! the binary for the command line.

#![deny(missing_docs)]

pub mod files;
pub mod guard;
pub mod html;
pub mod input;
pub mod jsonl;
pub mod output;
pub mod progress;
pub mod schema;
