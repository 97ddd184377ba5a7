//! Converting the byte offsets of an [`Article`] to other units, in one place, at the boundary.

use crate::Article;

/// The unit of the offsets in an [`Article`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum OffsetUnit {
    /// UTF-8 bytes: what the core produces and Rust slices with.
    #[default]
    Bytes,
    /// Unicode code points: what Python strings index with.
    Chars,
    /// UTF-16 code units: what JavaScript, Java and C# strings index with.
    Utf16,
}

impl std::str::FromStr for OffsetUnit {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "bytes" => Ok(OffsetUnit::Bytes),
            "chars" => Ok(OffsetUnit::Chars),
            "utf16" => Ok(OffsetUnit::Utf16),
            other => Err(format!(
                "unknown offset unit {other:?}: expected bytes, chars or utf16"
            )),
        }
    }
}

/// Rewrites every byte offset in `article`, which was extracted from `text`, into `unit`.
///
/// Runs in one pass over `text` plus a sort of the offsets, whatever their number.
pub fn convert_offsets(article: &mut Article, text: &str, unit: OffsetUnit) {
    if unit == OffsetUnit::Bytes {
        return;
    }
    let mut offsets: Vec<usize> = Vec::new();
    article.for_each_offset_mut(|o| offsets.push(*o));
    offsets.sort_unstable();
    offsets.dedup();
    let converted = byte_offsets_to(text, &offsets, unit);
    article.for_each_offset_mut(|o| {
        if let Ok(i) = offsets.binary_search(o) {
            *o = converted[i];
        }
    });
}

/// Converts sorted byte offsets into `unit`; offsets past the end map to the text's length.
pub(crate) fn byte_offsets_to(text: &str, sorted: &[usize], unit: OffsetUnit) -> Vec<usize> {
    let mut out = Vec::with_capacity(sorted.len());
    let mut wanted = sorted.iter().peekable();
    let mut count = 0usize;
    for (byte, c) in text.char_indices() {
        while let Some(&&o) = wanted.peek() {
            if o > byte {
                break;
            }
            out.push(count);
            wanted.next();
        }
        count += match unit {
            OffsetUnit::Bytes => c.len_utf8(),
            OffsetUnit::Chars => 1,
            OffsetUnit::Utf16 => c.len_utf16(),
        };
    }
    out.extend(wanted.map(|_| count));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_each_unit() {
        let text = "a€𝄞b";
        // bytes: a=0, €=1..4, 𝄞=4..8, b=8..9
        let sorted = [0, 1, 4, 8, 9];
        assert_eq!(
            byte_offsets_to(text, &sorted, OffsetUnit::Chars),
            vec![0, 1, 2, 3, 4]
        );
        assert_eq!(
            byte_offsets_to(text, &sorted, OffsetUnit::Utf16),
            vec![0, 1, 2, 4, 5]
        );
        assert_eq!(
            byte_offsets_to(text, &sorted, OffsetUnit::Bytes),
            vec![0, 1, 4, 8, 9]
        );
    }
}
