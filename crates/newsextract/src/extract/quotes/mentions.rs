//! The phrase that names a speaker: a capitalised name ("Sen. Elizabeth Warren"), a pronoun
//! ("she"), or a description ("the ministry", "a senior official"), found by walking the tokens
//! next to a cue.
//!
//! Every walk is bounded by a few tokens, so the cost per cue is constant.

use super::lexicon::{
    is_in, pronoun, Referent, CAPITALISED_DESCRIPTIONS, CAPITALISED_NON_NAMES, COUNTRY_HEADS,
    DEFINITE, DETERMINERS, INNER_PREPOSITIONS, NAME_PARTICLES, ORGANIZATION_HEADS, PERSON_HEADS,
    PHRASE_BREAKS, TITLES, VERB_MODIFIERS,
};
use super::tokens::Kind;
use super::Para;

/// Longest description walked, in words.
const MAX_DESCRIPTION: usize = 6;
/// Longest name walked, in words.
const MAX_NAME: usize = 6;
/// Longest appositive skipped between a subject and its verb, in tokens.
const MAX_APPOSITIVE: usize = 24;

/// How a speaker phrase names the speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum MentionKind {
    /// A proper name.
    Name,
    /// A pronoun and what it refers back to.
    Pronoun(Referent),
    /// A description and what it refers back to (`Unresolved` for "a spokesman", "officials").
    Description(Referent),
}

/// A speaker phrase: tokens `first..=last` of the paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Mention {
    /// First token.
    pub(super) first: usize,
    /// Last token (inclusive).
    pub(super) last: usize,
    /// How it names the speaker.
    pub(super) kind: MentionKind,
}

impl Para<'_, '_, '_> {
    pub(super) fn word(&self, i: usize) -> Option<&str> {
        let token = self.tokens.get(i)?;
        token.is_word().then(|| token.text(self.text))
    }

    fn is_name_word(&self, i: usize) -> bool {
        match self.word(i) {
            Some(w) => {
                w.chars().next().is_some_and(char::is_uppercase)
                    && !is_in(&CAPITALISED_NON_NAMES, w)
                    && !is_possessive(w)
            }
            None => false,
        }
    }

    /// True when token `i` starts a cue.
    pub(super) fn is_cue(&self, i: usize) -> bool {
        self.cue_at.get(i).is_some_and(|&c| c != super::NO_CUE)
    }

    /// The tokens an entity mention covering token `i` spans, when the entity pass found one.
    fn entity_tokens(&self, i: usize, left: usize, right: usize) -> Option<(usize, usize)> {
        let token = self.tokens.get(i)?;
        let (start, end) = self.resolver.mention_covering(token.start, token.end)?;
        let mut first = i;
        while first > left
            && self.tokens[first - 1].start >= start
            && self.tokens[first - 1].is_word()
        {
            first -= 1;
        }
        let mut last = i;
        while last + 1 < right
            && self.tokens[last + 1].end <= end
            && self.tokens[last + 1].is_word()
        {
            last += 1;
        }
        Some((first, last))
    }

    /// The subject of the cue starting at token `cue`, looking no further left than `left`.
    pub(super) fn subject_before(&self, cue: usize, left: usize) -> Option<Mention> {
        let mut j = cue.checked_sub(1)?;
        // "Miller also said", "she has repeatedly argued", "Miller on Monday said".
        while j >= left
            && self
                .word(j)
                .is_some_and(|w| is_in(&VERB_MODIFIERS, w) || is_adverb(w))
        {
            j = j.checked_sub(1)?;
        }
        // "Sen. Warren (D-Mass.) said", "Miller, a spokesman for the ministry, said", and both:
        // "Rep. Jim Jordan (R-Ohio), an oversight panel member, said".
        for _ in 0..2 {
            if j < left {
                return None;
            }
            let token = self.tokens[j];
            if token.is_punct(')') {
                let open = (j.saturating_sub(MAX_APPOSITIVE).max(left)..j)
                    .rev()
                    .find(|&k| self.tokens[k].is_punct('('))?;
                j = open.checked_sub(1)?;
            } else if token.is_punct(',') {
                let opening = self.appositive_start(j, left)?;
                // "Another critic, Laurence H. Tribe, likened ...": the name in the appositive.
                let inside = self.ending_at(j.checked_sub(1)?, opening + 1);
                let before = self.ending_at(opening.checked_sub(1)?, left);
                if let (Some(name), Some(MentionKind::Description(_))) =
                    (inside, before.map(|m| m.kind))
                {
                    if name.kind == MentionKind::Name && name.first == opening + 1 {
                        return Some(name);
                    }
                }
                j = opening.checked_sub(1)?;
                // "Harry Bond, 30, of Raleigh, said": an age between commas before the piece.
                if j > left && self.is_age(j) && self.tokens[j - 1].is_punct(',') {
                    j = (j - 1).checked_sub(1)?;
                }
            } else {
                break;
            }
        }
        self.ending_at(j, left)
    }

    /// True when the capitalised word `k` opens a participle phrase rather than naming anyone:
    /// "Weighing in on the discussion, Huckabee ...", "Reached by phone, Bennett ...". An
    /// "-ing" or "-ed" word followed by a lower-case word that is neither a speech cue nor an
    /// adverb: "Manning said" and "Groening recently heaped praise" stay names.
    fn opens_participle_phrase(&self, k: usize) -> bool {
        let Some(word) = self.word(k) else {
            return false;
        };
        let participle =
            (word.len() > 5 && word.ends_with("ing")) || (word.len() > 4 && word.ends_with("ed"));
        participle
            && !self.is_cue(k + 1)
            && self.word(k + 1).is_some_and(|next| {
                next.chars().next().is_some_and(char::is_lowercase) && !is_adverb(next)
            })
    }

    /// True when token `k` is a person's age as news gives it after a name: one to three
    /// digits ("Marley Anderson, 21, a junior from Las Vegas, said").
    fn is_age(&self, k: usize) -> bool {
        let token = self.tokens[k];
        let word = token.text(self.text);
        token.is_word() && (1..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
    }

    /// The comma that opens the appositive closed by the comma at `j`.
    fn appositive_start(&self, j: usize, left: usize) -> Option<usize> {
        let mut k = j;
        while k > left && j - k < MAX_APPOSITIVE {
            k -= 1;
            match self.tokens[k].kind {
                Kind::Punct(',') => return Some(k),
                Kind::Punct('.' | '!' | '?' | ';' | ':') | Kind::Quote(_) => return None,
                _ if self.is_cue(k) => return None,
                _ => {}
            }
        }
        None
    }

    /// The subject of a participle's clause ("Earlier, Trump attacked Clinton, saying ..."):
    /// the first name or pronoun that opens the sentence or follows its opening phrase.
    pub(super) fn clause_subject(&self, sentence_start: usize, limit: usize) -> Option<Mention> {
        let mut k = sentence_start;
        while k < limit && k < sentence_start + 30 {
            // A subject opens the sentence or follows an opening phrase and its comma or dash:
            // "Speaking in Salem, New Hampshire, Trump went after Bush".
            let opens = k == sentence_start
                || self.tokens[k - 1].is_punct(',')
                || self.tokens[k - 1].is_dash(self.text);
            if opens {
                if let Some(mention) = self.subject_at(k, limit) {
                    return Some(mention);
                }
            }
            k += 1;
        }
        None
    }

    /// A subject starting at `k`: a pronoun, a name, or a definite description ("The
    /// Republican nominee", "The Slate technology columnist David Auerbach"), followed by its
    /// verb rather than by a comma ("Hours later, ...").
    fn subject_at(&self, k: usize, limit: usize) -> Option<Mention> {
        let word = self.word(k)?;
        let mention = if is_in(&DEFINITE, word) && pronoun(word).is_none() {
            let end = limit.min(k + 7);
            let name = (k + 1..end).find(|&n| self.is_name_word(n) && !self.is_title(n));
            let head = (k + 1..end).find(|&h| {
                self.word(h)
                    .is_some_and(|w| head_referent(w) != Referent::Unresolved)
            });
            // A name right after the description, or before any head noun, is the subject.
            let name_first = match (name, head) {
                (Some(n), Some(h)) => h > n || h + 1 == n,
                (Some(_), None) => true,
                _ => false,
            };
            match (name, head) {
                (Some(n), _) if name_first => {
                    let mut last = n;
                    while last + 1 < limit && self.is_name_word(last + 1) {
                        last += 1;
                    }
                    Mention {
                        first: n,
                        last,
                        kind: MentionKind::Name,
                    }
                }
                (_, Some(h)) => Mention {
                    first: k,
                    last: h,
                    kind: MentionKind::Description(head_referent(self.word(h)?)),
                },
                _ => return None,
            }
        } else if let Some(referent) = pronoun(word) {
            Mention {
                first: k,
                last: k,
                kind: MentionKind::Pronoun(referent),
            }
        } else if self.is_name_word(k) && !is_in(&CAPITALISED_DESCRIPTIONS, word) {
            // The name alone: in "President Clinton released the statement" the words after
            // it are the predicate.
            let mut last = k;
            while last + 1 < limit
                && (self.is_name_word(last + 1)
                    || self
                        .word(last + 1)
                        .is_some_and(|w| is_in(&NAME_PARTICLES, w))
                        && self.is_name_word(last + 2))
            {
                last += 1;
            }
            if last == k && self.opens_participle_phrase(k) {
                return None;
            }
            Mention {
                first: k,
                last,
                kind: MentionKind::Name,
            }
        } else {
            return None;
        };
        let mut next = mention.last + 1;
        // "Sen. Bernie Sanders (I-Vt.) visited ...".
        if self.tokens.get(next).is_some_and(|t| t.is_punct('(')) {
            next = (next..limit.min(next + 8)).find(|&c| self.tokens[c].is_punct(')'))? + 1;
        }
        while self
            .word(next)
            .is_some_and(|w| is_in(&VERB_MODIFIERS, w) || is_adverb(w))
        {
            next += 1;
        }
        // "Trump returned ...", "Trump, who spoke ..., said"; not "Hours later, Trump ...".
        let follows = match self.tokens.get(next) {
            Some(t) if t.is_word() => !self.is_name_word(next) || self.is_cue(next),
            Some(t) if t.is_punct(',') => self
                .word(next + 1)
                .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase)),
            _ => false,
        };
        follows.then_some(mention)
    }

    /// The speaker phrase that ends with token `j`.
    pub(super) fn ending_at(&self, j: usize, left: usize) -> Option<Mention> {
        if j < left {
            return None;
        }
        let word = self.word(j)?;
        if let Some((first, last)) = self.entity_tokens(j, left, self.tokens.len()) {
            if last == j {
                return Some(Mention {
                    first,
                    last,
                    kind: MentionKind::Name,
                });
            }
        }
        if let Some(referent) = pronoun(word) {
            return Some(Mention {
                first: j,
                last: j,
                kind: MentionKind::Pronoun(referent),
            });
        }
        // "Trump's" owns the subject, "didn't" is a verb: neither is the speaker.
        if is_possessive(word) || is_negation(word) {
            return None;
        }
        if self.is_name_word(j) && !is_in(&CAPITALISED_DESCRIPTIONS, word) {
            let mut first = j;
            while first > left && j - first < MAX_NAME {
                let k = first - 1;
                if self.is_name_word(k)
                    && !is_in(&CAPITALISED_DESCRIPTIONS, self.word(k).unwrap_or(""))
                {
                    first = k;
                } else if k > left
                    && self.word(k).is_some_and(|w| is_in(&NAME_PARTICLES, w))
                    && self.is_name_word(k - 1)
                {
                    first = k - 1;
                } else {
                    break;
                }
            }
            return Some(Mention {
                first,
                last: j,
                kind: MentionKind::Name,
            });
        }
        if is_in(&DETERMINERS, word)
            || is_in(&PHRASE_BREAKS, word)
            || is_in(&INNER_PREPOSITIONS, word)
            || self.is_cue(j)
        {
            return None;
        }
        // Numbers, adverbs ("forcefully said") and participles ("were hacked suggested") head
        // no speaker phrase.
        let participle = word.len() > 4 && word.ends_with("ed") && !is_in(&PERSON_HEADS, word);
        if word.chars().next().is_some_and(char::is_numeric) || is_adverb(word) || participle {
            return None;
        }
        self.description_ending_at(j, left)
    }

    /// "the spokesman", "a senior White House official", "Trump's campaign manager", "officials".
    fn description_ending_at(&self, j: usize, left: usize) -> Option<Mention> {
        let mut first = j;
        let mut definite = false;
        let mut bounded = false;
        while first > left && j - first < MAX_DESCRIPTION {
            let k = first - 1;
            let Some(word) = self.word(k) else {
                bounded = true;
                break;
            };
            if is_in(&DETERMINERS, word) {
                first = k;
                definite = is_in(&DEFINITE, word);
                bounded = true;
                break;
            }
            if is_possessive(word) {
                // "Hillary Clinton's campaign manager".
                first = k;
                definite = true;
                while first > left && self.is_name_word(first - 1) {
                    first -= 1;
                }
                bounded = true;
                break;
            }
            if is_in(&PHRASE_BREAKS, word) || self.is_cue(k) {
                bounded = true;
                break;
            }
            first = k;
        }
        if first == left {
            bounded = true;
        }
        if !bounded {
            // A long run of words with no determiner is a clause, not a phrase: keep the head.
            first = j;
        }
        let head = self.word(j)?;
        Some(Mention {
            first,
            last: j,
            kind: MentionKind::Description(if definite {
                head_referent(head)
            } else {
                Referent::Unresolved
            }),
        })
    }

    /// The speaker phrase that starts at token `i` ("said Miller, a spokesman", "said the
    /// spokesman for the ministry", "according to officials"), ending before `right`.
    pub(super) fn starting_at(&self, i: usize, right: usize) -> Option<Mention> {
        if i >= right {
            return None;
        }
        let word = self.word(i)?;
        if let Some((first, last)) = self.entity_tokens(i, i, right) {
            // "Mississippi Gov. Tate Reeves": an entity that a longer name goes on from is a
            // modifier, not the speaker.
            let name_goes_on = self.is_name_word(last + 1) || self.is_title(last + 1);
            if first == i && (last + 1 >= right || !name_goes_on) {
                return Some(Mention {
                    first,
                    last,
                    kind: MentionKind::Name,
                });
            }
        }
        if let Some(referent) = pronoun(word) {
            return Some(Mention {
                first: i,
                last: i,
                kind: MentionKind::Pronoun(referent),
            });
        }
        if is_in(&PHRASE_BREAKS, word) || is_in(&VERB_MODIFIERS, word) || self.is_cue(i) {
            return None;
        }
        // The stretch of words up to punctuation, a clause word or another cue.
        let mut last = i;
        let mut head = None;
        while last + 1 < right && last - i < MAX_DESCRIPTION + 2 {
            let k = last + 1;
            let Some(w) = self.word(k) else { break };
            if self.is_cue(k) {
                break;
            }
            if is_in(&INNER_PREPOSITIONS, w) {
                let all_names = (i..=last).all(|t| self.is_name_word(t));
                let next_fits = self.word(k + 1).is_some_and(|n| {
                    is_in(&DETERMINERS, n) || n.chars().next().is_some_and(char::is_lowercase)
                });
                // "Secretary of State", "a spokesman for the ministry"; not "Miller on Monday"
                // or "Plaskett of the Virgin Islands".
                let title_of =
                    w.eq_ignore_ascii_case("of") && self.is_title(last) && self.is_name_word(k + 1);
                let inside = title_of || next_fits && !all_names;
                if !inside {
                    break;
                }
                head.get_or_insert(last);
                last = k;
                continue;
            }
            if is_in(&PHRASE_BREAKS, w) || is_in(&VERB_MODIFIERS, w) {
                break;
            }
            last = k;
        }
        // A name at the end of the stretch is the speaker: "Clinton spokesman Brian Fallon",
        // "former Secretary of State Hillary Clinton".
        if self.is_name_word(last) {
            let mut tail = last;
            while tail > i && self.is_name_word(tail - 1) && !self.is_title(tail - 1) {
                tail -= 1;
            }
            let titled = (i..tail).all(|t| self.is_name_word(t) || self.is_title(t));
            let first = if titled { i } else { tail };
            return Some(Mention {
                first,
                last,
                kind: MentionKind::Name,
            });
        }
        let head_word = self.word(head.unwrap_or(last)).unwrap_or("");
        if is_in(&DETERMINERS, head_word) {
            return None;
        }
        let definite = is_in(&DEFINITE, word);
        Some(Mention {
            first: i,
            last,
            kind: MentionKind::Description(if definite {
                head_referent(head_word)
            } else {
                Referent::Unresolved
            }),
        })
    }

    fn is_title(&self, i: usize) -> bool {
        self.word(i).is_some_and(|w| is_in(&TITLES, w))
    }
}

fn is_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("\u{2019}s")
}

/// "cynically", "forcefully"; not "Italy" or "family" (which are capitalised or nouns).
pub(super) fn is_adverb(word: &str) -> bool {
    word.len() > 4
        && word.ends_with("ly")
        && word.chars().next().is_some_and(char::is_lowercase)
        && !matches!(
            word,
            "family" | "ally" | "supply" | "assembly" | "rally" | "anomaly"
        )
}

fn is_negation(word: &str) -> bool {
    word.ends_with("n't") || word.ends_with("n\u{2019}t")
}

/// What a definite description with this head noun refers back to.
fn head_referent(head: &str) -> Referent {
    if is_in(&PERSON_HEADS, head) {
        Referent::Person
    } else if is_in(&ORGANIZATION_HEADS, head) {
        Referent::Organization
    } else if is_in(&COUNTRY_HEADS, head) {
        Referent::Country
    } else {
        Referent::Unresolved
    }
}
