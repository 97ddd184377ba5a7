//! Display casing of names that wire copy writes in capitals ("GAZA CITY", "JANE DOE").

/// Lower-case words that stay lower case inside a name ("Rio de Janeiro", "Port of Spain").
const CONNECTORS: &[&str] = &[
    "a", "al", "am", "an", "and", "au", "aux", "da", "das", "de", "del", "della", "der", "des",
    "di", "do", "dos", "du", "e", "el", "en", "es", "i", "la", "le", "les", "of", "on", "sur",
    "the", "ul", "upon", "ur", "van", "von", "y",
];

/// True when `text` has at least one cased letter and no lower-case one.
pub(crate) fn is_all_caps(text: &str) -> bool {
    let mut cased = false;
    for c in text.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_uppercase() {
            cased = true;
        }
    }
    cased
}

/// The name in display casing: an all-capitals name is re-cased word by word ("GAZA CITY" →
/// "Gaza City", "PORT-AU-PRINCE" → "Port-au-Prince", "O'BRIEN" → "O'Brien", "MCALLEN" →
/// "McAllen"); a name already in mixed case is kept as written.
pub(crate) fn display_case(written: &str) -> String {
    if !is_all_caps(written) {
        return written.to_string();
    }
    let mut out = String::with_capacity(written.len());
    for (index, word) in written.split(' ').enumerate() {
        if index > 0 {
            out.push(' ');
        }
        let lower = word.to_lowercase();
        if index > 0 && CONNECTORS.contains(&lower.as_str()) {
            out.push_str(&lower);
            continue;
        }
        for (part_index, part) in lower.split('-').enumerate() {
            if part_index > 0 {
                out.push('-');
                if CONNECTORS.contains(&part) {
                    out.push_str(part);
                    continue;
                }
            }
            push_capitalised(&mut out, part);
        }
    }
    out
}

/// Pushes a lower-case word part with its first letter in capitals, and the letter after
/// "Mc" or after a one-letter prefix and an apostrophe ("O'Brien").
fn push_capitalised(out: &mut String, part: &str) {
    let chars: Vec<char> = part.chars().collect();
    let mut upper_next = true;
    for (i, &c) in chars.iter().enumerate() {
        let after_mc = i == 2 && chars.len() > 3 && chars[0] == 'm' && chars[1] == 'c';
        if (upper_next || after_mc) && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            upper_next = false;
            continue;
        }
        out.push(c);
        if (c == '\'' || c == '\u{2019}') && i == 1 {
            upper_next = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recases_capitals() {
        let cases = [
            ("ISLAMABAD", "Islamabad"),
            ("GAZA CITY", "Gaza City"),
            ("NEW DELHI", "New Delhi"),
            ("UNITED NATIONS", "United Nations"),
            ("RIO DE JANEIRO", "Rio de Janeiro"),
            ("PORT-AU-PRINCE", "Port-au-Prince"),
            ("WINSTON-SALEM", "Winston-Salem"),
            ("O'BRIEN", "O'Brien"),
            ("N’DJAMENA", "N’Djamena"),
            ("MCALLEN", "McAllen"),
            ("SÃO PAULO", "São Paulo"),
            ("BOGOTÁ", "Bogotá"),
            ("ST. LOUIS", "St. Louis"),
            ("JANE DOE", "Jane Doe"),
            ("Mexico City", "Mexico City"),
            ("McAllen", "McAllen"),
            ("اسلام آباد", "اسلام آباد"),
            ("", ""),
        ];
        for (written, want) in cases {
            assert_eq!(display_case(written), want, "{written}");
        }
        assert!(is_all_caps("MICH."));
        assert!(!is_all_caps("Va."));
        assert!(!is_all_caps("123"));
    }
}
