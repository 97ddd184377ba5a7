//! Titles of works in quote marks: programmes, books, films, songs, advertisements (`On “Face
//! the Nation,” Ryan said`, `his book, “Make Your Kid a Millionaire,”`). The rule for
//! such quotes: they are partial, and they get a speaker only when a speech cue ties them to
//! one. A cue that reports the sentence around a title (`Sanders told MSNBC's “Morning Joe”
//! that ...`) does not make its subject the title's speaker.

use super::tokens::Kind;
use super::Para;

/// Most words a title may have here; longer quoted stretches are words, not names of works.
const MAX_TITLE_WORDS: usize = 10;

impl Para<'_, '_, '_> {
    /// True when the quote at piece `q` (token `t`) names a work rather than quoting words:
    /// in title case after a noun for a work (`documentary “13th”`), before one (`his “Keepin'
    /// It Real” radio program`), after a possessive (`CBS's “Face the Nation”`) or after
    /// `on`; or after `titled`, `entitled`, `headlined` in any case. Headlines, where every
    /// word is capitalised, are the caller's to leave out.
    pub(super) fn names_a_work(&self, q: usize, t: usize) -> bool {
        let Some(piece) = self.pieces.get(q) else {
            return false;
        };
        let quoted = &self.text[piece.start..piece.end];
        let title_case = is_title_case(quoted);
        let sentence = self.tokens[t].sentence;
        // The word before the quote, over one comma (`his book, “...”`), in the same sentence.
        let before = (t.saturating_sub(2)..t)
            .rev()
            .map(|i| self.tokens[i])
            .take_while(|token| token.sentence == sentence)
            .find(|token| !token.is_punct(','))
            .filter(|token| token.is_word());
        if let Some(word) = before.map(|token| token.text(self.text)) {
            let lower = word.to_ascii_lowercase();
            if matches!(lower.as_str(), "titled" | "entitled" | "headlined") {
                return true;
            }
            let possessive = lower.ends_with("'s") || lower.ends_with("\u{2019}s");
            if title_case && (is_work_noun(&lower) || possessive || lower == "on") {
                return true;
            }
        }
        // A noun for a work right after the quote, maybe after one modifier (`radio program`).
        title_case
            && self.tokens[t + 1..]
                .iter()
                .take(2)
                .take_while(|token| token.sentence == sentence && token.kind == Kind::Word)
                .any(|token| is_work_noun(&token.text(self.text).to_ascii_lowercase()))
    }
}

/// True when every word of `quoted` that starts with a letter starts with a capital, short
/// function words after the first excepted, and it has at most [`MAX_TITLE_WORDS`] words.
fn is_title_case(quoted: &str) -> bool {
    let mut words = 0;
    for (i, word) in quoted.split_whitespace().enumerate() {
        words += 1;
        if words > MAX_TITLE_WORDS {
            return false;
        }
        let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
        let Some(first) = word.chars().next() else {
            continue;
        };
        if !first.is_lowercase() {
            continue;
        }
        let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        if i == 0 || !is_minor_word(bare) {
            return false;
        }
    }
    words > 0
}

/// Words that title case leaves in lower case.
fn is_minor_word(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "the"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "with"
            | "by"
            | "from"
            | "as"
            | "vs"
            | "via"
    )
}

/// Nouns for works that carry titles.
fn is_work_noun(word: &str) -> bool {
    matches!(
        word,
        "show"
            | "shows"
            | "program"
            | "programme"
            | "broadcast"
            | "episode"
            | "series"
            | "documentary"
            | "film"
            | "movie"
            | "book"
            | "memoir"
            | "novel"
            | "song"
            | "anthem"
            | "album"
            | "ad"
            | "advert"
            | "advertisement"
            | "commercial"
            | "spot"
            | "column"
            | "op-ed"
            | "editorial"
            | "essay"
            | "article"
            | "podcast"
            | "segment"
            | "newsletter"
            | "magazine"
            | "play"
            | "musical"
            | "poem"
            | "painting"
            | "report"
            | "paper"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::quotes::extract;
    use crate::extract::structure::Structure;
    use crate::text::Document;
    use crate::QuoteKind;

    /// The speaker's written text of the quote of `words` in `text`, and whether it has a cue.
    fn speaker_of(text: &str, words: &str) -> (Option<String>, bool) {
        let quotes = extract(&Document::new(text), &Structure::default(), &[]);
        let quote = quotes
            .iter()
            .find(|q| q.text == words)
            .unwrap_or_else(|| panic!("no quote {words:?} in {quotes:?}"));
        (
            quote.speaker.as_ref().map(|s| s.text.clone()),
            quote.cue.is_some(),
        )
    }

    #[test]
    fn titles_of_works_get_no_speaker_from_the_sentence_around_them() {
        let titles = [
            (
                "Paul Ryan said on CBS's \"Face the Nation\" that the shootings were tragic.",
                "Face the Nation",
            ),
            (
                "In an interview on CBS\u{2019}s \u{201c}Face the Nation,\u{201d} House Speaker Paul Ryan said the shootings were tragic.",
                "Face the Nation",
            ),
            (
                "Sanders told MSNBC's \"Morning Joe\" that nobody would question her intelligence.",
                "Morning Joe",
            ),
            (
                "In his 2002 book, \"Make Your Kid a Millionaire,\" Mr. McKinley suggested saving.",
                "Make Your Kid a Millionaire",
            ),
            (
                "Al Sharpton took calls on his \"Keepin' It Real\" radio program, he said.",
                "Keepin' It Real",
            ),
            (
                "The spot, titled \"a country that works for everyone,\" ran in Ohio, Clinton said.",
                "a country that works for everyone",
            ),
            (
                "\u{201c}We will not back down,\u{201d} Pence said on \u{201c}Fox News Sunday.\u{201d}",
                "Fox News Sunday.",
            ),
        ];
        for (text, title) in titles {
            assert_eq!(speaker_of(text, title), (None, false), "{text}");
        }
    }

    #[test]
    fn quoted_words_keep_their_speaker() {
        // Lower-case words after a possessive are the owner's words, not a title; a slogan the
        // cue itself introduces is tied to the speaker; a headline is all capitals anyway.
        let quoted = [
            (
                "He called the deal Clinton's \"total disaster\" on Monday, Trump said.",
                "total disaster",
            ),
            (
                "Senator Warren called the deal \"Wall Street's Dream\" in a speech.",
                "Wall Street's Dream",
            ),
        ];
        for (text, words) in quoted {
            let (speaker, _) = speaker_of(text, words);
            assert!(speaker.is_some(), "{text}: {speaker:?}");
        }
        let headline = "Graham: Trump\u{2019}s \u{2018}Incredibly Hateful Rhetoric\u{2019} Destroying GOP\u{2019}s Chances\n\nGraham spoke on Sunday.";
        let quotes = extract(&Document::new(headline), &Structure::default(), &[]);
        let rhetoric = quotes.iter().find(|q| q.text.starts_with("Incredibly"));
        assert!(
            rhetoric.is_some_and(|q| q.kind == QuoteKind::Partial && q.speaker.is_some()),
            "{quotes:?}"
        );
    }

    #[test]
    fn title_case_allows_minor_words_after_the_first() {
        for title in [
            "Face the Nation",
            "Make Your Kid a Millionaire",
            "Coal Isn't the Villain.",
            "13th",
            "Fox and Friends.",
            "Commander-in-Chief Forum",
        ] {
            assert!(is_title_case(title), "{title}");
        }
        for words in [
            "the gold standard",
            "shared interest",
            "Melania, tell your immigrant story",
            "a very long Title That Goes On",
            "",
            "One Two Three Four Five Six Seven Eight Nine Ten Eleven",
        ] {
            assert!(!is_title_case(words), "{words}");
        }
    }
}
