//! Character folding for matching: curly quotes, dashes and exotic spaces compare as their
//! ASCII forms. Passes fold character by character while scanning the original text, so their
//! offsets stay offsets into the original and need no mapping back.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_quotes_dashes_and_spaces() {
        let folded: String = "“Hi”—said\u{a0}Zoë…"
            .chars()
            .map(|c| fold_char(c).unwrap_or(c))
            .collect();
        assert_eq!(folded, "\"Hi\"-said Zoë.");
        assert_eq!(fold_char('a'), None);
    }
}
