//! Reported speech without quote marks: `X said (that) <clause>`, `X told reporters
//! <clause>`, `according to X, <clause>`, and the trailing forms `<clause>, X said.` and
//! `<clause>, according to X.`

use super::lexicon::{is_in, CueClass, PHRASE_BREAKS, VERB_MODIFIERS};
use super::mentions::Mention;
use super::tokens::Kind;
use super::{Attribution, Cue, Para};

/// A clause shorter than this many tokens is not worth reporting.
const MIN_CLAUSE: usize = 3;
/// How far after a verb "that" may come ("said in a statement on Monday that").
const MAX_TO_THAT: usize = 8;

/// Subject pronouns and expletives that open a reported clause although they are clause words.
const CLAUSE_OPENERS: &[&str] = &["he", "she", "they", "we", "i", "it", "there", "you"];

/// One reported statement: where its cue is, the clause's byte range, and who said it.
pub(super) type Reported = (usize, (usize, usize), Attribution);

impl Para<'_, '_, '_> {
    /// The reported speech of the paragraph, into `out` (cleared first); cues already used by
    /// a direct quote are skipped.
    pub(super) fn reported(&self, direct_cues: &[bool], out: &mut Vec<Reported>) {
        out.clear();
        for (index, cue) in self.cues.iter().enumerate() {
            if direct_cues.get(index).copied().unwrap_or(false) {
                continue;
            }
            let found = match cue.form.class {
                CueClass::AccordingTo => self.according_to(cue),
                CueClass::Speech if cue.form.reports => {
                    self.clause_after(cue).or_else(|| self.clause_before(cue))
                }
                _ => None,
            };
            if let Some((first, last, mention)) = found {
                let (start, end) = (self.tokens[first].start, self.tokens[last].end);
                out.push((
                    self.tokens[cue.first].start,
                    (start, end),
                    Attribution {
                        mention,
                        cue: Some(index),
                    },
                ));
            }
        }
    }

    /// `X said (that) <clause>`: the clause runs to the end of the sentence.
    fn clause_after(&self, cue: &Cue) -> Option<(usize, usize, Mention)> {
        let (_, sentence_end) = self.sentence_of(cue.first);
        let subject = self.cue_subject(cue)?;
        let mut k = cue.last + 1;
        if cue.form.takes_object {
            if let Some(object_end) = self.object_after(cue.last) {
                k = object_end + 1;
            }
        }
        let that = (k..(k + MAX_TO_THAT).min(sentence_end + 1))
            .take_while(|&i| self.tokens[i].is_word() || self.tokens[i].is_punct(','))
            .find(|&i| self.tokens[i].text(self.text).eq_ignore_ascii_case("that"));
        let first = match that {
            Some(that) => that + 1,
            None => {
                if !cue.form.bare_clause {
                    return None;
                }
                while k <= sentence_end
                    && self.tokens[k].is_word()
                    && is_in(&VERB_MODIFIERS, self.tokens[k].text(self.text))
                {
                    k += 1;
                }
                let word = self.tokens.get(k).filter(|t| t.is_word())?.text(self.text);
                let opener = CLAUSE_OPENERS.iter().any(|o| word.eq_ignore_ascii_case(o));
                if is_in(&PHRASE_BREAKS, word) && !opener {
                    return None;
                }
                k
            }
        };
        let (first, last) = self.clause(first, sentence_end)?;
        Some((first, last, subject))
    }

    /// `<clause>, X said.` and `<clause>, said X.`: the clause is the sentence before the comma.
    fn clause_before(&self, cue: &Cue) -> Option<(usize, usize, Mention)> {
        let (sentence_start, _) = self.sentence_of(cue.first);
        if let Some(subject) = self.subject_before(cue.first, sentence_start) {
            let comma = subject.first.checked_sub(1)?;
            if self.tokens[comma].is_punct(',') && self.ends_attribution(cue.last) {
                let (first, last) = self.clause(sentence_start, comma.checked_sub(1)?)?;
                return Some((first, last, subject));
            }
            return None;
        }
        let comma = cue.first.checked_sub(1)?;
        if !self.tokens[comma].is_punct(',') {
            return None;
        }
        let subject = self.starting_at(cue.last + 1, self.tokens.len())?;
        if !self.ends_attribution(subject.last) {
            return None;
        }
        let (first, last) = self.clause(sentence_start, comma.checked_sub(1)?)?;
        Some((first, last, subject))
    }

    /// `according to X, <clause>` and `<clause>, according to X.`
    fn according_to(&self, cue: &Cue) -> Option<(usize, usize, Mention)> {
        let (sentence_start, sentence_end) = self.sentence_of(cue.first);
        let source = self.starting_at(cue.last + 1, sentence_end + 1)?;
        let after = source.last + 1;
        if self.tokens.get(after).is_some_and(|t| t.is_punct(',')) && cue.first == sentence_start {
            let (first, last) = self.clause(after + 1, sentence_end)?;
            return Some((first, last, source));
        }
        let comma = cue.first.checked_sub(1)?;
        if comma > sentence_start
            && self.tokens[comma].is_punct(',')
            && self.ends_attribution(source.last)
        {
            let (first, last) = self.clause(sentence_start, comma - 1)?;
            return Some((first, last, source));
        }
        None
    }

    /// Trims a clause `first..=last` of its closing punctuation; `None` when too short, or when
    /// it is one quote (a direct quote, not reported speech).
    fn clause(&self, first: usize, mut last: usize) -> Option<(usize, usize)> {
        while last > first
            && matches!(self.tokens[last].kind, Kind::Punct(c) if !matches!(c, ')' | ']'))
        {
            last -= 1;
        }
        if last < first || last + 1 - first < MIN_CLAUSE {
            return None;
        }
        if !self.tokens.get(first)?.is_word() {
            return None;
        }
        Some((first, last))
    }
}
