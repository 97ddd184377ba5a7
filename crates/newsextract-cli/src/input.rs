//! Reading inputs and decoding them as UTF-8, with errors that say which input and where.

use std::fmt;
use std::fs::File;
use std::io::{self, Read};
use std::path::PathBuf;

/// Where an input comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Standard input (`-` or no file at all).
    Stdin,
    /// A file on disk.
    File(PathBuf),
}

impl Source {
    /// `-` means standard input, anything else a file path.
    pub fn from_arg(arg: PathBuf) -> Source {
        if arg.as_os_str() == "-" {
            Source::Stdin
        } else {
            Source::File(arg)
        }
    }

    /// The size on disk when it is known before reading (regular files), for the progress bar
    /// and for batching.
    pub fn known_len(&self) -> Option<u64> {
        match self {
            Source::Stdin => None,
            Source::File(path) => std::fs::metadata(path)
                .ok()
                .filter(|m| m.is_file())
                .map(|m| m.len()),
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Stdin => f.write_str("<stdin>"),
            Source::File(path) => write!(f, "{}", path.display()),
        }
    }
}

/// Reads the whole of `source`, refusing inputs over `max_bytes` without reading them whole.
///
/// The error names the input and what went wrong.
pub fn read_all(source: &Source, max_bytes: Option<usize>) -> Result<Vec<u8>, String> {
    let mut reader: Box<dyn Read> = match source {
        Source::Stdin => Box::new(io::stdin().lock()),
        Source::File(path) => match File::open(path) {
            Ok(file) => Box::new(file),
            Err(e) => return Err(format!("{source}: cannot open: {}", io_reason(&e))),
        },
    };
    let mut bytes = Vec::new();
    let result = match max_bytes {
        // One byte more than allowed is enough to know the input is too large.
        Some(max) => reader
            .by_ref()
            .take(u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1))
            .read_to_end(&mut bytes),
        None => reader.read_to_end(&mut bytes),
    };
    if let Err(e) = result {
        return Err(format!("{source}: cannot read: {}", io_reason(&e)));
    }
    if let Some(max) = max_bytes {
        if bytes.len() > max {
            let size = match source.known_len() {
                Some(len) => format!("input of {len} bytes"),
                None => format!("input of more than {max} bytes"),
            };
            return Err(format!(
                "{source}: {size} exceeds the maximum of {max} bytes (--max-bytes)"
            ));
        }
    }
    Ok(bytes)
}

/// Decodes `bytes` as UTF-8. With `lossy`, invalid sequences become U+FFFD; otherwise the
/// error describes the first bad byte (see [`describe_utf8_error`]).
pub fn decode(bytes: Vec<u8>, lossy: bool) -> Result<String, String> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) if lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) => Err(describe_utf8_error(e.as_bytes(), &e.utf8_error(), "input")),
    }
}

/// Says where `bytes` stops being UTF-8: the byte offset of the first bad byte and its value.
/// `whole` names what the offset counts from ("input", "line").
pub fn describe_utf8_error(bytes: &[u8], error: &std::str::Utf8Error, whole: &str) -> String {
    let offset = error.valid_up_to();
    let byte = bytes.get(offset).copied().unwrap_or_default();
    match error.error_len() {
        Some(_) => format!(
            "not valid UTF-8: byte 0x{byte:02X} at byte offset {offset} of the {whole} \
             (--lossy replaces invalid sequences)"
        ),
        None => format!(
            "not valid UTF-8: incomplete sequence starting with byte 0x{byte:02X} at byte \
             offset {offset}, at the end of the {whole} (--lossy replaces invalid sequences)"
        ),
    }
}

/// An I/O error's reason without Rust's "(os error N)" suffix.
pub fn io_reason(error: &io::Error) -> String {
    let text = error.to_string();
    match text.find(" (os error") {
        Some(cut) => text[..cut].to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_valid_text_unchanged() {
        let text = "ISLAMABAD: “Quoted” — وزیراعظم said.";
        assert_eq!(decode(text.as_bytes().to_vec(), false).unwrap(), text);
    }

    #[test]
    fn names_the_offset_of_the_first_bad_byte() {
        let cases: &[(&[u8], &str)] = &[
            (b"abc\xFFdef", "byte 0xFF at byte offset 3 of the input "),
            ("é".as_bytes(), ""),
            (b"\xC3(", "byte 0xC3 at byte offset 0 of the input "),
            (
                b"\xE2\x80\x9Ca\xE2\x80\x9D\x80",
                "byte 0x80 at byte offset 7 of the input ",
            ),
            (
                b"ok \xE2\x80",
                "incomplete sequence starting with byte 0xE2 at byte offset 3,",
            ),
        ];
        for (bytes, expected) in cases {
            let result = decode(bytes.to_vec(), false);
            if expected.is_empty() {
                assert!(result.is_ok(), "{bytes:?}");
            } else {
                let message = result.unwrap_err();
                assert!(message.contains(expected), "{bytes:?}: {message}");
            }
        }
    }

    #[test]
    fn lossy_replaces_invalid_sequences() {
        assert_eq!(decode(b"a\xFFb".to_vec(), true).unwrap(), "a\u{FFFD}b");
    }

    #[test]
    fn max_bytes_refuses_large_files() {
        let dir =
            std::env::temp_dir().join(format!("newsextract-cli-input-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("ten.txt");
        std::fs::write(&path, "0123456789").unwrap();
        let source = Source::File(path.clone());
        assert_eq!(read_all(&source, Some(10)).unwrap().len(), 10);
        let message = read_all(&source, Some(9)).unwrap_err();
        assert!(
            message.contains("input of 10 bytes exceeds the maximum of 9 bytes"),
            "{message}"
        );
        assert!(
            message.starts_with(&path.display().to_string()),
            "{message}"
        );
        let missing = read_all(&Source::File(dir.join("missing.txt")), None).unwrap_err();
        assert!(missing.contains("missing.txt: cannot open"), "{missing}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
