//! A normalised view of the text for matching: curly quotes, dashes and exotic spaces folded
//! to ASCII, with a map from normalised offsets back to the original.

/// Folds one character to its ASCII matching form, when it has one.
pub(crate) fn fold_char(c: char) -> Option<char> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => '-',
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        '\u{2026}' => '.',
        _ => return None,
    })
}

/// The normalised text and the way back to original offsets.
#[derive(Debug, Clone)]
pub(crate) struct Normalized {
    /// The folded text.
    pub(crate) text: String,
    /// Sorted `(normalised offset, original offset)` pairs, one per folded character; between
    /// two entries the offsets differ by the same amount.
    breaks: Vec<(usize, usize)>,
}

impl Normalized {
    /// Folds `original`.
    pub(crate) fn new(original: &str) -> Normalized {
        let mut text = String::with_capacity(original.len());
        let mut breaks = Vec::new();
        for (i, c) in original.char_indices() {
            match fold_char(c) {
                Some(f) => {
                    breaks.push((text.len(), i));
                    text.push(f);
                    // The character after the folded one starts here in both views.
                    breaks.push((text.len(), i + c.len_utf8()));
                }
                None => text.push(c),
            }
        }
        Normalized { text, breaks }
    }

    /// The original offset of normalised offset `offset` (a char boundary of the view).
    pub(crate) fn to_original(&self, offset: usize) -> usize {
        match self.breaks.binary_search_by(|&(n, _)| n.cmp(&offset)) {
            Ok(i) => {
                // Several breaks can share a normalised offset (two folded chars in a row);
                // the last one is where the next char starts.
                let mut j = i;
                while j + 1 < self.breaks.len() && self.breaks[j + 1].0 == offset {
                    j += 1;
                }
                self.breaks[j].1
            }
            Err(0) => offset,
            Err(i) => {
                let (n, o) = self.breaks[i - 1];
                o + (offset - n)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_maps_back() {
        let original = "“Hi”—said\u{a0}Zoë…";
        let n = Normalized::new(original);
        assert_eq!(n.text, "\"Hi\"-said Zoë.");
        for (ni, _) in n.text.char_indices().chain([(n.text.len(), ' ')]) {
            let oi = n.to_original(ni);
            assert!(original.is_char_boundary(oi));
        }
        let start = n.text.find("said").unwrap();
        let s = n.to_original(start);
        let e = n.to_original(start + 4);
        assert_eq!(&original[s..e], "said");
        let z = n.text.find("Zoë").unwrap();
        assert_eq!(
            &original[n.to_original(z)..n.to_original(z + "Zoë".len())],
            "Zoë"
        );
    }
}
