//! The quote pass: direct, partial and reported speech, each with its speaker and cue.
//!
//! Per paragraph, in one pass each: pair the quote marks ([`marks`]), cut the writer's words
//! around the quotes into tokens with a whole quote as one token ([`tokens`]), find speech cues
//! with anchored Aho-Corasick searches at the words whose shape may start one ([`lexicon`]),
//! then read each quote's frame: `“...,” Miller
//! said`, `said Miller`, `Miller told reporters: “...”`, `“...” — Miller`, `according to X`. The
//! phrase naming the speaker ([`mentions`]) is linked to an entity or resolved back to one
//! ([`speakers`]). Reported speech (`X said (that) ...`) comes from the same cues
//! ([`reported`]). Every frame is bounded by the neighbouring quotes and sentence ends, so the
//! pass is linear in the text.

mod lexicon;
mod marks;
mod mentions;
mod paragraphs;
mod reported;
mod speakers;
#[cfg(test)]
mod tests;
mod tokens;
mod works;

use std::cell::Cell;

use crate::extract::structure::Structure;
use crate::text::Document;
use crate::{Entity, Quote, QuoteKind, Speaker, TextSpan};

use lexicon::Referent;
use lexicon::{
    is_in, CueClass, CueForm, CueMatch, ATTRIBUTION_TAIL, CUE_FORMS, DETERMINERS,
    INNER_PREPOSITIONS, PHRASE_BREAKS, REPORTING_CUES,
};
use marks::{Family, Piece};
use mentions::{Mention, MentionKind};
use speakers::Resolver;
use tokens::{Kind, Token};

/// Marks a token that starts (or ends) no cue.
const NO_CUE: u32 = u32::MAX;
/// How many tokens an attribution after a quote may take before its verb
/// ("Senate Majority Leader Mitch McConnell, R-Ky., said").
const MAX_SUBJECT_TOKENS: usize = 24;
/// How far before a quote its sentence's cue may be, in tokens.
const MAX_LEADING_TOKENS: usize = 80;
/// Longest owner name before a noun of speech, in words.
const MAX_NAME_WORDS: usize = 5;

/// Runs the quote pass.
pub(crate) fn extract(
    doc: &Document<'_>,
    structure: &Structure,
    entities: &[Entity],
) -> Vec<Quote> {
    let text = doc.text;
    let mut resolver = Resolver::new(entities);
    let mut quotes = Vec::new();
    let mut turn = Turn::default();
    let mut buffers = Buffers::default();
    let paragraphs = paragraphs::split(doc, structure);
    for (index, &(start, end)) in paragraphs.iter().enumerate() {
        // The last speaker of a paragraph matters to the next one only when that opens with a
        // quote (see `Para::extract`).
        let hand_on = paragraphs.get(index + 1).is_some_and(|&(next, _)| {
            text.get(next..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(is_mark)
        });
        let pieces = marks::scan(text, start, end);
        // A paragraph with no quote and no common cue has nothing to say, unless it leads in
        // to the next one ("Caddell continued:").
        let leads_in = text[start..end].ends_with(':');
        if pieces.is_empty() && !leads_in {
            let reporting = REPORTING_CUES.find_in(text, start, end);
            if reporting.is_empty() && !resolver.uses_fallback() {
                turn = Turn::default();
                continue;
            }
            // Without quotes, only the sentences with a cue can hold reported speech: the rest
            // of the paragraph is not read (unless the pass keeps its own names, from every
            // word).
            if !resolver.uses_fallback() {
                let offsets: Vec<usize> = reporting.iter().map(|m| m.start).collect();
                for (from, to) in paragraphs::sentences_around(text, start, end, &offsets) {
                    buffers.tokenize(text, from, to, &[]);
                    let first = reporting.partition_point(|m| m.start < from);
                    let cues = reporting[first..]
                        .iter()
                        .filter(|m| m.end <= to)
                        .copied()
                        .collect::<Vec<CueMatch>>();
                    let mut para = Para::new(text, Vec::new(), buffers, &cues, &resolver);
                    turn = para.extract(turn, hand_on, &mut quotes);
                    buffers = para.into_buffers();
                }
                continue;
            }
            buffers.tokenize(text, start, end, &pieces);
            resolver.record_names(text, &buffers.tokens);
            if reporting.is_empty() {
                turn = Turn::default();
                continue;
            }
            let mut para = Para::new(text, pieces, buffers, &reporting, &resolver);
            turn = para.extract(turn, hand_on, &mut quotes);
            buffers = para.into_buffers();
            continue;
        }
        // A paragraph with a quote or a lead-in is read word by word anyway: its common cues
        // are looked for at its words, not in another scan. (The rules use only cues that
        // start at a word.) The other cues frame quotes and lead-ins.
        buffers.tokenize(text, start, end, &pieces);
        resolver.record_names(text, &buffers.tokens);
        let words = buffers
            .tokens
            .iter()
            .filter(|token| token.is_word())
            .map(|token| (token.start, token.end));
        let cues = lexicon::cues_at_words(text, end, words);
        let mut para = Para::new(text, pieces, buffers, &cues, &resolver);
        turn = para.extract(turn, hand_on, &mut quotes);
        buffers = para.into_buffers();
    }
    quotes.sort_by(|a, b| {
        (a.start, a.end, kind_order(a.kind)).cmp(&(b.start, b.end, kind_order(b.kind)))
    });
    quotes
}

fn kind_order(kind: QuoteKind) -> u8 {
    match kind {
        QuoteKind::Direct => 0,
        QuoteKind::Partial => 1,
        _ => 2,
    }
}

/// What one paragraph hands to the next: who spoke last, and a quote that runs on.
#[derive(Debug, Default)]
struct Turn {
    /// The last speaker of the paragraph, for a quote that opens the next one with no cue.
    speaker: Option<Speaker>,
    /// A quote left open at the paragraph end: its family, and where its pieces are in the
    /// output so a speaker found later in the quote reaches them all.
    open_quote: Option<(Family, Vec<usize>)>,
}

/// The latest speaker in a paragraph: a phrase not yet resolved, or a quote's speaker.
#[derive(Debug, Clone)]
enum Said {
    Mention(Mention),
    Speaker(Speaker),
    /// The speaker of the quote at this index of the output.
    Quote(usize),
}

/// A speech cue: tokens `first..=last`.
#[derive(Debug, Clone, Copy)]
struct Cue {
    first: usize,
    last: usize,
    form: CueForm,
}

/// Who said a quote and through which cue, before resolution.
#[derive(Debug, Clone, Copy)]
struct Attribution {
    mention: Mention,
    cue: Option<usize>,
}

/// The vectors of a [`Para`], kept from one paragraph to the next so that each paragraph does
/// not allocate them again.
#[derive(Debug, Default)]
struct Buffers {
    tokens: Vec<Token>,
    piece_token: Vec<usize>,
    cues: Vec<Cue>,
    cue_at: Vec<u32>,
    cue_end_at: Vec<u32>,
    sentences: Vec<(usize, usize)>,
    subjects: Vec<Cell<Option<Option<Mention>>>>,
    scratch: Scratch,
}

/// The vectors [`Para::extract`] fills for one paragraph, kept for the next.
#[derive(Debug, Default)]
struct Scratch {
    /// Per cue: true when a direct quote's attribution uses it.
    direct_cues: Vec<bool>,
    /// Per quote: its kind and attribution.
    found: Vec<(QuoteKind, Option<Attribution>)>,
    /// Who spoke where: reporting verbs with a named subject, by position.
    turns: Vec<(usize, Mention)>,
    reported: Vec<reported::Reported>,
}

impl Buffers {
    /// Tokenizes `text[start..end]` with `pieces` into the paragraph's tokens, pieces' tokens
    /// and sentences.
    fn tokenize(&mut self, text: &str, start: usize, end: usize, pieces: &[Piece]) {
        tokens::tokenize_into(
            text,
            start,
            end,
            pieces,
            &mut self.tokens,
            &mut self.piece_token,
            &mut self.sentences,
        );
    }
}

/// One paragraph, ready for the speaker rules.
#[derive(Debug)]
struct Para<'t, 'r, 'e> {
    text: &'t str,
    pieces: Vec<Piece>,
    tokens: Vec<Token>,
    /// The token index of each piece.
    piece_token: Vec<usize>,
    cues: Vec<Cue>,
    /// Per token: the cue that starts there, or [`NO_CUE`].
    cue_at: Vec<u32>,
    /// Per token: the cue that ends there, or [`NO_CUE`].
    cue_end_at: Vec<u32>,
    /// Per sentence: its first and last token.
    sentences: Vec<(usize, usize)>,
    /// Per cue: its subject, found the first time it is asked for.
    subjects: Vec<Cell<Option<Option<Mention>>>>,
    scratch: Scratch,
    resolver: &'r Resolver<'e>,
}

impl<'t, 'r, 'e> Para<'t, 'r, 'e> {
    /// A paragraph of `buffers.tokens` (with its pieces' tokens and its sentences, from
    /// [`Buffers::tokenize`]); the other buffers are cleared and refilled.
    fn new(
        text: &'t str,
        pieces: Vec<Piece>,
        buffers: Buffers,
        cue_matches: &[CueMatch],
        resolver: &'r Resolver<'e>,
    ) -> Self {
        let Buffers {
            tokens,
            piece_token,
            mut cues,
            mut cue_at,
            mut cue_end_at,
            sentences,
            mut subjects,
            scratch,
        } = buffers;
        cues.clear();
        cue_at.clear();
        cue_end_at.clear();
        subjects.clear();
        let mut para = Para {
            text,
            pieces,
            tokens,
            piece_token,
            cues,
            cue_at,
            cue_end_at,
            sentences,
            subjects,
            scratch,
            resolver,
        };
        para.find_cues(cue_matches);
        let cue_count = para.cues.len();
        para.subjects.resize(cue_count, Cell::new(None));
        para
    }

    /// The paragraph's vectors, for the next one.
    fn into_buffers(self) -> Buffers {
        Buffers {
            tokens: self.tokens,
            piece_token: self.piece_token,
            cues: self.cues,
            cue_at: self.cue_at,
            cue_end_at: self.cue_end_at,
            sentences: self.sentences,
            subjects: self.subjects,
            scratch: self.scratch,
        }
    }

    /// Finds the cues of the paragraph: automaton matches that line up with whole words.
    fn find_cues(&mut self, cue_matches: &[CueMatch]) {
        let n = self.tokens.len();
        self.cue_at.resize(n, NO_CUE);
        self.cue_end_at.resize(n, NO_CUE);
        let mut headline_like = None;
        for found in cue_matches {
            let (cue_start, cue_end) = (found.start, found.end);
            let first = self.tokens.partition_point(|t| t.start < cue_start);
            let Some(token) = self.tokens.get(first) else {
                continue;
            };
            if token.start != cue_start || !token.is_word() {
                continue;
            }
            let Some(last) = (first..n.min(first + 3)).find(|&k| self.tokens[k].end == cue_end)
            else {
                continue;
            };
            let Some((_, form)) = CUE_FORMS.get(found.form) else {
                continue;
            };
            // "United States", "Claims Court": a capitalised verb is a name, except in a
            // headline, or opening a sentence as "According to ..." or "Said Ellis: ...".
            let capitalised = token.is_capitalised(self.text);
            let opens_inverted = (first == 0 || self.tokens[first - 1].sentence != token.sentence)
                && self
                    .tokens
                    .get(last + 1)
                    .is_some_and(|t| t.is_capitalised(self.text));
            if capitalised
                && !opens_inverted
                && form.class != CueClass::AccordingTo
                && !*headline_like.get_or_insert_with(|| self.is_headline_like())
            {
                continue;
            }
            // "continued to support", "began reading": carrying on, not speaking.
            if form.aspectual {
                let next = self.tokens.get(last + 1).map(|t| t.text(self.text));
                if next.is_some_and(|w| w.eq_ignore_ascii_case("to") || w.ends_with("ing")) {
                    continue;
                }
            }
            // "Trump's claim", "his words": a noun of speech with its owner; without an owner
            // ("the claims", "Republican claims") it is no cue.
            let mut form = *form;
            let owned = first > 0 && {
                let owner = self.tokens[first - 1].text(self.text);
                lexicon::possessive_pronoun(owner).is_some()
                    || owner.ends_with("'s")
                    || owner.ends_with("\u{2019}s")
            };
            if owned && (form.noun_too || form.class == CueClass::Noun) {
                form.class = CueClass::Noun;
            } else if form.class == CueClass::Noun || (form.noun_too && self.reads_as_noun(first)) {
                continue;
            }
            let index = self.cues.len() as u32;
            self.cues.push(Cue { first, last, form });
            self.cue_at[first] = index;
            self.cue_end_at[last] = index;
        }
    }

    /// True when the word at `i` follows a determiner or "of", directly or after one modifier:
    /// "the claims", "a series of tweets", "of Republican claims".
    fn reads_as_noun(&self, i: usize) -> bool {
        let opens_phrase = |k: usize| {
            self.tokens[k].is_word() && {
                let w = self.tokens[k].text(self.text);
                is_in(&DETERMINERS, w) || w.eq_ignore_ascii_case("of")
            }
        };
        (i >= 1 && opens_phrase(i - 1))
            || (i >= 2 && self.tokens[i - 1].is_word() && opens_phrase(i - 2))
    }

    /// A title-case line ("Flynn Says Trump ‘Absolutely Right’") where verbs are capitalised.
    fn is_headline_like(&self) -> bool {
        let words = self.tokens.iter().filter(|t| t.is_word());
        let (mut total, mut capitalised) = (0, 0);
        for word in words {
            total += 1;
            if word.is_capitalised(self.text) {
                capitalised += 1;
            }
        }
        total >= 3 && capitalised * 10 >= total * 6
    }

    fn cue_starting_at(&self, i: usize) -> Option<Cue> {
        let index = *self.cue_at.get(i)?;
        self.cues.get(index as usize).copied()
    }

    fn cue_ending_at(&self, i: usize) -> Option<Cue> {
        let index = *self.cue_end_at.get(i)?;
        self.cues.get(index as usize).copied()
    }

    fn sentence_of(&self, i: usize) -> (usize, usize) {
        let sentence = self.tokens[i].sentence as usize;
        self.sentences.get(sentence).copied().unwrap_or((i, i))
    }

    /// Runs the rules on the paragraph, adds its quotes to `out`, and returns the turn for the
    /// next paragraph. Without `hand_on` (the next paragraph does not open with a quote mark)
    /// the last speaker is handed on only if already resolved: resolving it would be wasted.
    fn extract(&mut self, previous: Turn, hand_on: bool, out: &mut Vec<Quote>) -> Turn {
        let mut scratch = std::mem::take(&mut self.scratch);
        let turn = self.extract_with(&mut scratch, previous, hand_on, out);
        self.scratch = scratch;
        turn
    }

    /// [`Self::extract`], in the vectors of `scratch`.
    fn extract_with(
        &self,
        scratch: &mut Scratch,
        previous: Turn,
        hand_on: bool,
        out: &mut Vec<Quote>,
    ) -> Turn {
        let Scratch {
            direct_cues,
            found,
            turns,
            reported,
        } = scratch;
        direct_cues.clear();
        direct_cues.resize(self.cues.len(), false);
        found.clear();
        for (q, &t) in self.piece_token.iter().enumerate() {
            let trailing = self.trailing(t);
            let kind = self.classify(q, t, trailing.is_some());
            let attribution = match kind {
                QuoteKind::Direct => trailing
                    .or_else(|| self.name_before_colon(t))
                    .or_else(|| self.leading(t, kind)),
                _ => self
                    .leading(t, kind)
                    .or(trailing)
                    .or_else(|| self.later_in_sentence(t))
                    .or_else(|| self.as_frame(t))
                    .or_else(|| self.coordinated(q, found)),
            };
            if kind == QuoteKind::Direct {
                if let Some(cue) = attribution.and_then(|a| a.cue) {
                    if let Some(flag) = direct_cues.get_mut(cue) {
                        *flag = true;
                    }
                }
            }
            found.push((kind, attribution));
        }
        self.reported(direct_cues, reported);
        // Turns: who spoke where in this paragraph, by position. A reporting verb with a named
        // subject is one ("Kerry said that ..."); so is every quote's speaker, as it is found.
        turns.clear();
        for cue in &self.cues {
            if cue.form.class != CueClass::Speech || !cue.form.reports {
                continue;
            }
            let (sentence_start, _) = self.sentence_of(cue.first);
            let mention = if cue.first == sentence_start {
                self.starting_at(cue.last + 1, self.tokens.len())
            } else {
                self.cue_subject(cue)
            };
            let named = mention
                .filter(|m| !matches!(m.kind, MentionKind::Description(Referent::Unresolved)));
            if let Some(mention) = named {
                turns.push((self.tokens[cue.first].start, mention));
            }
        }
        turns.sort_by_key(|(position, _)| *position);
        let lead = if self.pieces.is_empty() {
            None
        } else {
            self.lead_speaker()
        };
        let mut next_turn = 0;
        let mut headline_like = None;
        // Resolved only when a quote needs it or the paragraph hands it on.
        let mut current: Option<Said> = None;
        // Direct and partial quotes, in order, so an inherited speaker passes on.
        let mut open_quote = previous.open_quote;
        let mut last_open = None;
        for (q, (kind, attribution)) in found.iter().enumerate() {
            let piece = self.pieces[q];
            let t = self.piece_token[q];
            let start = self.tokens[t].start;
            while let Some((position, mention)) = turns.get(next_turn) {
                if *position >= start {
                    break;
                }
                current = Some(Said::Mention(*mention));
                next_turn += 1;
            }
            let mut speaker = attribution.and_then(|a| self.resolve(a.mention));
            if speaker.is_none() && *kind == QuoteKind::Direct {
                speaker = self
                    .transcript_speaker(piece)
                    .or_else(|| self.colon_speaker(t))
                    .or_else(|| lead.clone());
            }
            if speaker.is_none() && *kind == QuoteKind::Partial {
                speaker = lead.clone().or_else(|| self.subject_speaker(piece, t));
            }
            let mut cue = attribution.and_then(|a| self.cue_span(a));
            let continues = q == 0 && piece.at_paragraph_start;
            let chain = match open_quote.take() {
                Some((family, indices)) if continues && family == piece.family => Some(indices),
                _ => None,
            };
            if let Some(indices) = &chain {
                // One quote over several paragraphs: one speaker for all of its pieces.
                match (&speaker, indices.first().and_then(|&i| out.get(i))) {
                    (None, Some(head)) => {
                        speaker = head.speaker.clone();
                        cue = head.cue.clone();
                    }
                    (Some(_), Some(_)) => {
                        for &i in indices {
                            if let Some(earlier) = out.get_mut(i) {
                                if earlier.speaker.is_none() {
                                    earlier.speaker = speaker.clone();
                                    earlier.cue = cue.clone();
                                }
                            }
                        }
                    }
                    _ => {}
                }
            }
            if speaker.is_none() && *kind == QuoteKind::Direct {
                // The same speaker goes on: earlier in the paragraph, or the last speaker of the
                // paragraph before when this quote opens the paragraph.
                speaker = current.as_ref().and_then(|said| self.said(said, out));
                if speaker.is_none() && t == 0 {
                    speaker = previous.speaker.clone();
                }
            }
            let index = out.len();
            // A title of a work is nobody's words: the speaker found around it stays the
            // paragraph's current speaker, but the title itself gets none. Headlines are left
            // out: there every word is capitalised, a quote's words too.
            let work = *kind == QuoteKind::Partial
                && self.names_a_work(q, t)
                && !*headline_like.get_or_insert_with(|| self.is_headline_like());
            if work {
                if let Some(speaker) = speaker.take() {
                    current = Some(Said::Speaker(speaker));
                }
                cue = None;
            } else if speaker.is_some() {
                current = Some(Said::Quote(index));
            }
            out.push(Quote {
                text: self.text[piece.start..piece.end].to_string(),
                start: piece.start,
                end: piece.end,
                kind: *kind,
                speaker,
                cue,
            });
            if !piece.closed
                && q + 1 == self.pieces.len()
                && piece.mark_end >= self.end_of_paragraph()
            {
                let mut indices = chain.unwrap_or_default();
                indices.push(index);
                last_open = Some((piece.family, indices));
            }
        }
        if let Some((_, mention)) = turns[next_turn..].last() {
            current = Some(Said::Mention(*mention));
        }
        // A lead-in that ends with a colon ("Caddell continued:", "President Clinton released
        // the following statement:") hands its speaker to the quote below it.
        let introduces = self.tokens.last().is_some_and(|t| t.is_punct(':'));
        if introduces {
            if let Some(speaker) = self.colon_speaker(self.tokens.len()) {
                current = Some(Said::Speaker(speaker));
            }
        }
        for &(_, span, attribution) in reported.iter() {
            let speaker = self.resolve(attribution.mention);
            let cue = self.cue_span(attribution);
            out.push(Quote {
                text: self.text[span.0..span.1].to_string(),
                start: span.0,
                end: span.1,
                kind: QuoteKind::Indirect,
                speaker,
                cue,
            });
        }
        Turn {
            speaker: match current {
                // In the fallback, resolving promotes names: it must happen all the same.
                Some(Said::Mention(mention)) if self.resolver.uses_fallback() => {
                    self.resolve(mention)
                }
                _ if !hand_on => None,
                Some(Said::Speaker(speaker)) => Some(speaker),
                Some(said) => self.said(&said, out),
                None => None,
            },
            open_quote: last_open,
        }
    }

    fn said(&self, said: &Said, out: &[Quote]) -> Option<Speaker> {
        match said {
            Said::Mention(mention) => self.resolve(*mention),
            Said::Speaker(speaker) => Some(speaker.clone()),
            Said::Quote(index) => out.get(*index).and_then(|quote| quote.speaker.clone()),
        }
    }

    /// `Trump: ‘I’m the Worst Thing ...’`, `Lopez: Well, no one is like, ‘...’`: a paragraph
    /// that opens with a name and a colon (a headline or a transcript line) is that speaker's.
    fn lead_speaker(&self) -> Option<Speaker> {
        let mut k = 0;
        while k < self.tokens.len().min(8) && !self.tokens[k].is_punct(':') {
            k += 1;
        }
        if !self.tokens.get(k).is_some_and(|t| t.is_punct(':')) || k == 0 {
            return None;
        }
        let mention = self.ending_at(k - 1, 0)?;
        let names_only = (0..mention.first).all(|i| {
            self.tokens[i].is_capitalised(self.text)
                || self.tokens[i].text(self.text).eq_ignore_ascii_case("and")
        });
        if mention.kind == MentionKind::Name && names_only {
            return self.resolve(mention);
        }
        // "Gillibrand on Hillary Releasing Her Transcripts: ‘I Think She Will.’"
        let on = (1..k).find(|&i| self.tokens[i].text(self.text) == "on")?;
        let speaker = self.ending_at(on - 1, 0)?;
        (speaker.kind == MentionKind::Name && speaker.first == 0)
            .then(|| self.resolve(speaker))
            .flatten()
    }

    /// `Pollsters agree - Carl Bialik: “...”`, `HuffPollster: “...”`: a name that opens its
    /// sentence (or follows a dash) and ends right at the colon before the quote.
    fn name_before_colon(&self, t: usize) -> Option<Attribution> {
        let colon = t.checked_sub(1)?;
        if !self.tokens.get(colon)?.is_punct(':') {
            return None;
        }
        let (sentence_start, _) = self.sentence_of(colon);
        let mention = self.ending_at(colon.checked_sub(1)?, sentence_start)?;
        let opens =
            mention.first == sentence_start || self.tokens[mention.first - 1].is_dash(self.text);
        (mention.kind == MentionKind::Name && opens).then_some(Attribution { mention, cue: None })
    }

    /// The speaker of a quote after a colon (`Trump leaned in and boomed: “...”`, `the
    /// Heritage Foundation website notes:`): a cue's subject in the sentence that ends with the
    /// colon, a person or organisation named right before it (`Republican pollster Daron
    /// Shaw:`), or the sentence's subject. `t` is the quote's token (or the token count, for a
    /// paragraph that ends with the colon).
    fn colon_speaker(&self, t: usize) -> Option<Speaker> {
        let colon = t.checked_sub(1)?;
        if !self.tokens.get(colon)?.is_punct(':') {
            return None;
        }
        if let Some(attribution) = self.name_before_colon(t) {
            return self.resolve(attribution.mention);
        }
        let (sentence_start, _) = self.sentence_of(colon);
        let cued = (sentence_start..colon).rev().find_map(|k| {
            let cue = self
                .cue_starting_at(k)
                .filter(|c| c.form.class == CueClass::Speech)?;
            self.cue_subject(&cue)
        });
        if let Some(mention) = cued {
            return self.resolve(mention);
        }
        let named = self
            .ending_at(colon.checked_sub(1)?, sentence_start)
            .filter(|m| m.kind == MentionKind::Name)
            .and_then(|m| self.resolve(m))
            .filter(|s| self.resolver.is_person_or_organization(s.entity));
        if named.is_some() {
            return named;
        }
        let mention = self
            .clause_subject(sentence_start, colon)
            .filter(|m| m.kind != MentionKind::Description(Referent::Unresolved))?;
        self.resolve(mention)
    }

    /// For a partial quote of two or more words that no cue ties to anyone, the subject of
    /// its sentence: `Gibbs derided and insulted “the professional left”`. Single words and
    /// titles ("Face the Nation") stay without a speaker.
    fn subject_speaker(&self, piece: Piece, t: usize) -> Option<Speaker> {
        let words: Vec<&str> = self
            .text
            .get(piece.start..piece.end)?
            .split_whitespace()
            .collect();
        let significant = words.iter().filter(|w| w.chars().count() > 3);
        let title_case = significant
            .clone()
            .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()));
        if words.len() < 2 || title_case {
            return None;
        }
        let (sentence_start, _) = self.sentence_of(t);
        let mention = self
            .clause_subject(sentence_start, t)
            .filter(|m| m.kind != MentionKind::Description(Referent::Unresolved))?;
        // Places are where things happen, not who speaks, unless a cue says so; with the
        // entity pass's results, only a name it knows is trusted as a subject.
        self.resolve(mention).filter(|s| {
            !self.resolver.is_place(s.entity, &s.name)
                && (self.resolver.uses_fallback()
                    || mention.kind != MentionKind::Name
                    || s.entity.is_some())
        })
    }

    /// A partial quote right after another in its sentence (`as a “con artist” and a
    /// “spoiled brat”`) shares its speaker.
    fn coordinated(
        &self,
        q: usize,
        found: &[(QuoteKind, Option<Attribution>)],
    ) -> Option<Attribution> {
        let previous = q.checked_sub(1)?;
        let (kind, attribution) = found.get(previous)?;
        let (t, before) = (self.piece_token[q], self.piece_token[previous]);
        let same_sentence = self.tokens[t].sentence == self.tokens[before].sentence;
        (*kind == QuoteKind::Partial && same_sentence && t - before <= 4)
            .then_some(*attribution)
            .flatten()
    }

    /// A transcript line quoted whole names its speaker first: `"PENCE: Well, look, ..."`,
    /// `"Chris Matthews: Seriously, ..."`.
    fn transcript_speaker(&self, piece: Piece) -> Option<Speaker> {
        let words = self.text.get(piece.start..piece.end)?;
        let (name, _) = words.split_once(':')?;
        let letters = name.chars().filter(|c| c.is_alphabetic()).count();
        let upper = name.chars().all(|c| !c.is_lowercase());
        let name_words: Vec<&str> = name.split_whitespace().collect();
        let capitalised = name_words.len() >= 2
            && name_words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        if letters < 2 || !(upper || capitalised) || name.len() > 40 || name_words.len() > 4 {
            return None;
        }
        Some(
            self.resolver
                .speaker_at(self.text, piece.start, piece.start + name.len()),
        )
    }

    fn end_of_paragraph(&self) -> usize {
        self.tokens.last().map_or(0, |t| t.end)
    }

    /// The speaker a phrase names. A pronoun or definite description first looks for the
    /// subject of its own sentence ("Clinton says she appreciated ... what she calls ..."),
    /// then for the most recent fitting entity or name.
    fn resolve(&self, mention: Mention) -> Option<Speaker> {
        if let MentionKind::Pronoun(referent) | MentionKind::Description(referent) = mention.kind {
            if matches!(
                referent,
                Referent::Person | Referent::Organization | Referent::Group
            ) {
                let (sentence_start, _) = self.sentence_of(mention.first);
                let subject = self
                    .clause_subject(sentence_start, mention.first)
                    .filter(|s| s.kind == MentionKind::Name && s.last < mention.first);
                if let Some(subject) = subject {
                    let named = self.resolver.speaker(self.text, &self.tokens, subject)?;
                    let fits = self.resolver.fits(named.entity, referent);
                    if fits {
                        let (start, end) = (
                            self.tokens[mention.first].start,
                            self.tokens[mention.last].end,
                        );
                        return Some(Speaker {
                            text: self.text.get(start..end)?.to_string(),
                            start,
                            end,
                            ..named
                        });
                    }
                }
            }
        }
        self.resolver.speaker(self.text, &self.tokens, mention)
    }

    /// The cue phrase as written: the verb, and for "told" and its kind the addressee
    /// ("told reporters", "told The Associated Press").
    fn cue_span(&self, attribution: Attribution) -> Option<TextSpan> {
        let cue = self.cues.get(attribution.cue?)?;
        let mut last = cue.last;
        // In "warned Richards" the name after the verb is the speaker, not the addressee.
        let inverted = attribution.mention.first == cue.last + 1;
        if cue.form.takes_object && !inverted {
            if let Some(object_end) = self.object_after(cue.last) {
                last = object_end;
            }
        }
        let (start, end) = (self.tokens[cue.first].start, self.tokens[last].end);
        Some(TextSpan {
            text: self.text.get(start..end)?.to_string(),
            start,
            end,
        })
    }

    /// The last token of the addressee after a verb such as "told", if there is a short one.
    fn object_after(&self, verb: usize) -> Option<usize> {
        let first = verb + 1;
        let token = self.tokens.get(first)?;
        if !token.is_word() || self.is_cue(first) {
            return None;
        }
        let word = token.text(self.text);
        if is_in(&PHRASE_BREAKS, word) && !matches!(word, "him" | "her" | "them" | "us" | "me") {
            return None;
        }
        let is_word = |k: usize| self.tokens.get(k).is_some_and(|t| t.is_word());
        let mut last = first;
        if token.is_capitalised(self.text) {
            while last + 1 < first + 5
                && self
                    .tokens
                    .get(last + 1)
                    .is_some_and(|t| t.is_capitalised(self.text))
            {
                last += 1;
            }
        } else if is_in(&DETERMINERS, word) {
            while last + 1 < first + 3
                && is_word(last + 1)
                && !is_in(&PHRASE_BREAKS, self.tokens[last + 1].text(self.text))
                && !is_in(&DETERMINERS, self.tokens[last + 1].text(self.text))
                && !self.is_cue(last + 1)
            {
                last += 1;
            }
            if last == first {
                return None;
            }
        }
        Some(last)
    }

    /// Direct when the quote stands as an utterance of its own: it opens a sentence (or follows
    /// a cue, a colon or a lead-in comma) and ends one (or meets its attribution). Otherwise
    /// partial: quoted words inside the writer's sentence.
    fn classify(&self, q: usize, t: usize, attributed_after: bool) -> QuoteKind {
        let piece = self.pieces[q];
        let starts = match t.checked_sub(1).map(|p| self.tokens[p]) {
            None => true,
            Some(prev) => {
                prev.sentence != self.tokens[t].sentence
                    || prev.is_punct(':')
                    || matches!(prev.kind, Kind::Quote(_))
                    || ((prev.is_punct(',') || prev.is_dash(self.text))
                        && ((t.saturating_sub(8)..t).any(|k| self.is_cue(k))
                            || self.resumes_after_attribution(q, t)))
                    || (self.cue_ending_at(t - 1).is_some()
                        && self.text[piece.start..]
                            .chars()
                            .next()
                            .is_some_and(char::is_uppercase))
            }
        };
        if !starts {
            return QuoteKind::Partial;
        }
        let ends_in_punctuation = self.inner_tail(piece).is_some_and(|c| {
            matches!(
                c,
                '.' | ',' | '?' | '!' | ';' | ':' | '\u{2026}' | '\u{2014}' | '\u{2013}' | '-'
            )
        });
        let ends = !piece.closed
            || ends_in_punctuation
            || attributed_after
            || match self.tokens.get(t + 1) {
                None => true,
                Some(next) => {
                    next.sentence != self.tokens[t].sentence
                        || matches!(
                            next.kind,
                            Kind::Quote(_) | Kind::Punct('.' | '!' | '?' | ':' | ';')
                        )
                        || next.is_dash(self.text)
                }
            };
        if ends {
            QuoteKind::Direct
        } else {
            QuoteKind::Partial
        }
    }

    /// The attribution right after a quote: `“...,” Miller said`, `“...,” said Miller`,
    /// `“...” — Miller`, `“...,” according to Miller`.
    fn trailing(&self, t: usize) -> Option<Attribution> {
        let mut i = t + 1;
        if self.tokens.get(i)?.is_punct(',') {
            i += 1;
        }
        let token = self.tokens.get(i)?;
        let sentence_end = self.sentence_of(i).1 + 1;
        let right = self.next_quote(i).min(sentence_end);
        if token.is_dash(self.text) {
            let mention = self.starting_at(i + 1, right)?;
            let complete = completes_attribution(self.tokens.get(mention.last + 1));
            return complete.then_some(Attribution { mention, cue: None });
        }
        if let Some(cue) = self.cue_starting_at(i) {
            if matches!(cue.form.class, CueClass::Naming | CueClass::Noun) || cue.form.participle {
                return None;
            }
            let mention = self.starting_at(cue.last + 1, right)?;
            return Some(Attribution {
                mention,
                cue: Some(self.cue_at[i] as usize),
            });
        }
        if self.cue_starting_at(i).is_some() {
            return None;
        }
        // The quote ended its sentence ("“We are done.” Miller said."): only a bare attribution
        // sentence belongs to it. After "?" or "!" the writer's sentence may go on ("“Who can
        // remember?” Clinton asks as a guard walks in").
        let new_sentence = self.tokens[i].sentence != self.tokens[t].sentence;
        let goes_on = new_sentence
            && self
                .quote_index(t)
                .is_some_and(|q| matches!(self.inner_tail(self.pieces[q]), Some('?' | '!')));
        let mut k = i + 1;
        while k < right && k < i + MAX_SUBJECT_TOKENS {
            match self.tokens[k].kind {
                Kind::Quote(_) | Kind::Punct('.' | '!' | '?' | ';' | ':') => break,
                // "Rep. John Mica (R-Fla.) said": step over the parenthesis.
                Kind::Punct('(') => {
                    let close = (k + 1..right.min(k + MAX_SUBJECT_TOKENS))
                        .find(|&c| self.tokens[c].is_punct(')'))?;
                    k = close + 1;
                    continue;
                }
                _ => {}
            }
            let Some(cue) = self.cue_starting_at(k) else {
                k += 1;
                continue;
            };
            if cue.form.class != CueClass::Speech || cue.form.participle {
                return None;
            }
            let mention = self.subject_before(k, i)?;
            let mention = self.anchor_subject(mention, i)?;
            if new_sentence
                && !self.closes_attribution(&cue)
                && !(goes_on && self.goes_on_after_question(&cue, mention))
            {
                return None;
            }
            return Some(Attribution {
                mention,
                cue: Some(self.cue_at[k] as usize),
            });
        }
        self.unlisted_verb_after(t, i)
    }

    /// True when a cue ends the attribution it is in: "Miller said.", "Trump told Britain's ITV
    /// television.", but not "Mills then writes back, “You look cute.”", which introduces the
    /// next quote.
    fn closes_attribution(&self, cue: &Cue) -> bool {
        let mut last = cue.last;
        if cue.form.takes_object {
            if let Some(object_end) = self.object_after(cue.last) {
                last = object_end;
            }
        }
        if !self.ends_attribution(last) {
            return false;
        }
        let mut k = last + 1;
        while self.tokens.get(k).is_some_and(|t| t.is_word()) {
            k += 1;
        }
        let introduces = self
            .tokens
            .get(k)
            .is_some_and(|t| t.is_punct(',') || t.is_punct(':'))
            && self
                .tokens
                .get(k + 1)
                .is_some_and(|t| matches!(t.kind, Kind::Quote(_)));
        !introduces
    }

    /// After a quote ending in "?" or "!", true when the cue that follows attributes it although
    /// its attribution does not end at once: a named (or pronoun) subject, and a cue that goes
    /// on with a phrase of time, place or manner (`“Who can remember?” Clinton asks as a guard walks in`), not one that
    /// introduces the next quote (`He answered, “...”`) or reports a clause (`She replied to
    /// him that ...`).
    fn goes_on_after_question(&self, cue: &Cue, mention: Mention) -> bool {
        if !matches!(mention.kind, MentionKind::Name | MentionKind::Pronoun(_)) {
            return false;
        }
        let mut k = cue.last + 1;
        if cue.form.takes_object {
            if let Some(object_end) = self.object_after(cue.last) {
                k = object_end + 1;
            }
        }
        while self.word(k).is_some_and(mentions::is_adverb) {
            k += 1;
        }
        // A phrase of time, place or manner: "asks as ...", "wrote in ...", "said about ...".
        let continues = self.word(k).is_some_and(|w| {
            is_in(&lexicon::TAIL_PREPOSITIONS, w) || matches!(w, "as" | "when" | "about" | "into")
        });
        let (_, sentence_end) = self.sentence_of(k.min(self.tokens.len() - 1));
        let reports = (k..=sentence_end.min(k + 6))
            .any(|j| self.word(j) == Some("that") || matches!(self.tokens[j].kind, Kind::Quote(_)));
        continues && !reports
    }

    /// `“This is fantastic!” beamed Donald Hartley` and `“...,” Trump boomed.`: right after a
    /// quote that ends in a comma, "!" or "?", a name and a verb the cue list lacks still
    /// attribute it, when they make up the whole attribution.
    fn unlisted_verb_after(&self, t: usize, i: usize) -> Option<Attribution> {
        let tail = self.inner_tail(self.pieces[self.quote_index(t)?]);
        let comma_after = self.tokens.get(t + 1).is_some_and(|t| t.is_punct(','));
        if !(comma_after || matches!(tail, Some(',' | '!' | '?'))) {
            return None;
        }
        let is_verb = |k: usize| {
            self.tokens.get(k).is_some_and(|t| t.is_word()) && {
                let w = self.tokens[k].text(self.text);
                w.chars().next().is_some_and(char::is_lowercase)
                    && (w.ends_with("ed") || w.ends_with('s'))
                    && !is_in(&PHRASE_BREAKS, w)
                    && !is_in(&lexicon::VERB_MODIFIERS, w)
            }
        };
        let (verb, mention) = if is_verb(i) {
            let mention = self.starting_at(i + 1, self.tokens.len())?;
            (i, mention)
        } else {
            let mention = self.starting_at(i, self.tokens.len())?;
            (
                is_verb(mention.last + 1).then_some(mention.last + 1)?,
                mention,
            )
        };
        if mention.kind != MentionKind::Name && !matches!(mention.kind, MentionKind::Pronoun(_)) {
            return None;
        }
        let end = verb.max(mention.last);
        let complete =
            completes_attribution(self.tokens.get(end + 1)) || self.ends_attribution(end);
        complete.then_some(Attribution { mention, cue: None })
    }

    /// True when the quote at piece `q` (token `t`) resumes the previous quote of its sentence
    /// after an attribution however long: `“We have offices,” said Stephanie Formas, Clinton's
    /// in-state communications director, “and we've been forming teams.”`
    fn resumes_after_attribution(&self, q: usize, t: usize) -> bool {
        let Some(&before) = q.checked_sub(1).and_then(|p| self.piece_token.get(p)) else {
            return false;
        };
        let sentence = self.tokens[t].sentence;
        before + MAX_SUBJECT_TOKENS * 2 > t
            && self.tokens[before].sentence == sentence
            && self.inner_tail(self.pieces[q - 1]) == Some(',')
            && (before + 1..t).any(|k| self.is_cue(k))
            // Not the writer's own clause: `noting that he and his wife, Callista, “have ...”`.
            && !(before + 1..t).any(|k| self.tokens[k].text(self.text) == "that")
    }

    /// The last character of a quote's words before its closing mark, spaces and inner marks
    /// left out: its final punctuation, if any.
    fn inner_tail(&self, piece: Piece) -> Option<char> {
        self.text[piece.start..piece.mark_end]
            .trim_end_matches(|c: char| c.is_whitespace() || is_mark(c))
            .chars()
            .next_back()
    }

    fn quote_index(&self, t: usize) -> Option<usize> {
        match self.tokens.get(t)?.kind {
            Kind::Quote(q) => Some(q),
            _ => None,
        }
    }

    /// A subject found before a cue must start where the attribution starts, right after the
    /// quote; words before a name are its description ("White House press secretary Josh
    /// Earnest said"), and a name before "of" is the speaker ("Mr. Morgan of the Sierra Club").
    fn anchor_subject(&self, mention: Mention, i: usize) -> Option<Mention> {
        if mention.first <= i {
            return Some(mention);
        }
        let mut gap = &self.tokens[i..mention.first];
        // "another friend, Mariam Emara told CNN": a description, a comma, then the name.
        if gap.len() > 1 && gap[gap.len() - 1].is_punct(',') {
            gap = &gap[..gap.len() - 1];
            if mention.kind != MentionKind::Name {
                return None;
            }
        }
        if gap.len() > MAX_SUBJECT_TOKENS / 2 || gap.iter().any(|t| !t.is_word()) {
            return None;
        }
        let name_end = (i..mention.first)
            .take_while(|&k| self.tokens[k].is_capitalised(self.text))
            .last();
        if let Some(name_end) = name_end {
            let next = self.tokens[name_end + 1].text(self.text);
            if is_in(&INNER_PREPOSITIONS, next) {
                return Some(Mention {
                    first: i,
                    last: name_end,
                    kind: MentionKind::Name,
                });
            }
        }
        if gap.iter().any(|t| {
            let w = t.text(self.text);
            is_in(&PHRASE_BREAKS, w) && !is_in(&INNER_PREPOSITIONS, w)
        }) {
            return None;
        }
        if is_in(&DETERMINERS, self.tokens[i].text(self.text)) {
            // "a narrator in the Clinton ad asks": the whole phrase names the speaker.
            return Some(Mention {
                first: i,
                last: mention.last,
                kind: MentionKind::Description(Referent::Unresolved),
            });
        }
        Some(mention)
    }

    /// True when, after token `last`, the sentence ends with at most a few modifiers
    /// ("Miller said on Monday.", "he said in a statement.", "she told reporters.").
    fn ends_attribution(&self, last: usize) -> bool {
        let (_, sentence_end) = self.sentence_of(last);
        let mut k = last + 1;
        let mut words = 0;
        let mut phrases = 0;
        while k <= sentence_end {
            let token = self.tokens[k];
            let word = token.text(self.text);
            match token.kind {
                Kind::Punct('.' | '!' | '?' | ';' | ',') => return true,
                Kind::Word if words < 4 && is_in(&ATTRIBUTION_TAIL, word) => {
                    words += 1;
                    k += 1;
                }
                // "to the crowd", "at a rally in Ohio", "on CNN's State of the Union".
                Kind::Word if phrases < 2 && is_in(&lexicon::TAIL_PREPOSITIONS, word) => {
                    phrases += 1;
                    k += 1;
                    let phrase_end = (k + 4).min(sentence_end + 1);
                    while k < phrase_end
                        && self.tokens[k].is_word()
                        && !is_in(&PHRASE_BREAKS, self.tokens[k].text(self.text))
                        && !self.is_cue(k)
                    {
                        k += 1;
                    }
                }
                _ => return false,
            }
        }
        true
    }

    /// The attribution before a quote in its sentence: `Miller said: “...”`, `Miller told
    /// reporters “...”`, `According to Miller, “...”`; for a partial quote any speech cue
    /// earlier in the sentence (`Trump called Cruz “Lyin' Ted”`, `Trump's claim that “...”`).
    /// A cue whose subject is a name or a pronoun wins over a nearer one with a description.
    fn leading(&self, t: usize, kind: QuoteKind) -> Option<Attribution> {
        let (sentence_start, _) = self.sentence_of(t);
        let mut fallback = None;
        let mut k = t;
        while k > sentence_start && t - k < MAX_LEADING_TOKENS {
            k -= 1;
            if matches!(self.tokens[k].kind, Kind::Quote(_)) && kind == QuoteKind::Direct {
                break;
            }
            let Some(cue) = self.cue_ending_at(k) else {
                continue;
            };
            let mention = match cue.form.class {
                CueClass::AccordingTo => self.starting_at(cue.last + 1, t),
                CueClass::Naming if kind == QuoteKind::Direct => None,
                // "Said Ellis: “...”".
                _ if cue.first == sentence_start && cue.form.class == CueClass::Speech => self
                    .starting_at(cue.last + 1, t)
                    .or_else(|| self.cue_subject(&cue)),
                _ => self.cue_subject(&cue),
            };
            let Some(mention) = mention else {
                continue;
            };
            let attribution = Attribution {
                mention,
                cue: Some(self.cue_end_at[k] as usize),
            };
            // A speech verb's subject wins over a noun's owner and an unknown description:
            // "Pence said Trump's tweet was “to mock” ..." is Pence's.
            let weak = cue.form.class == CueClass::Noun
                || mention.kind == MentionKind::Description(Referent::Unresolved);
            if !weak {
                return Some(attribution);
            }
            fallback.get_or_insert(attribution);
        }
        fallback
    }

    /// The subject of a cue in its sentence. Besides `X said`: a participle's subject is its
    /// clause's (`Trump attacked Clinton, saying ...`), so is a verb's after "and" or "to"
    /// (`Trump took to Twitter to accuse ...`); a noun's is its owner (`Trump's claim`). A speech
    /// act needs a named subject: in "protests demands that ..." nobody speaks.
    fn cue_subject(&self, cue: &Cue) -> Option<Mention> {
        let index = *self.cue_at.get(cue.first)?;
        let cached = self.subjects.get(index as usize)?;
        if let Some(subject) = cached.get() {
            return subject;
        }
        let (sentence_start, _) = self.sentence_of(cue.first);
        let subject = self.find_cue_subject(cue, sentence_start);
        cached.set(Some(subject));
        subject
    }

    fn find_cue_subject(&self, cue: &Cue, sentence_start: usize) -> Option<Mention> {
        if cue.form.class == CueClass::Noun {
            return self.owner_before(cue.first, sentence_start);
        }
        let mut before = cue.first;
        while before > sentence_start
            && self.tokens[before - 1].is_word()
            && is_in(
                &lexicon::VERB_MODIFIERS,
                self.tokens[before - 1].text(self.text),
            )
        {
            before -= 1;
        }
        let joined = before > sentence_start && {
            let previous = self.tokens[before - 1];
            (cue.form.participle && previous.is_punct(','))
                || (previous.is_word()
                    && matches!(
                        previous.text(self.text).to_ascii_lowercase().as_str(),
                        "and" | "but" | "to" | "then"
                    ))
        };
        if joined {
            return self.clause_subject(sentence_start, before - 1);
        }
        let subject = self.subject_before(cue.first, sentence_start);
        match subject.map(|m| m.kind) {
            None | Some(MentionKind::Description(_)) if cue.form.participle => {
                self.clause_subject(sentence_start, cue.first)
            }
            Some(MentionKind::Description(Referent::Unresolved)) if !cue.form.reports => None,
            _ => subject,
        }
    }

    /// The owner of a noun of speech: "Trump's", "Hillary Clinton's", "his".
    fn owner_before(&self, noun: usize, left: usize) -> Option<Mention> {
        let owner = noun.checked_sub(1).filter(|&o| o >= left)?;
        let word = self.tokens[owner].text(self.text);
        if let Some(referent) = lexicon::possessive_pronoun(word) {
            return Some(Mention {
                first: owner,
                last: owner,
                kind: MentionKind::Pronoun(referent),
            });
        }
        if !(word.ends_with("'s") || word.ends_with('\u{2019}') || word.ends_with("\u{2019}s"))
            || !self.tokens[owner].is_capitalised(self.text)
        {
            return None;
        }
        let mut first = owner;
        while first > left
            && first + MAX_NAME_WORDS > owner
            && self.tokens[first - 1].is_capitalised(self.text)
        {
            first -= 1;
        }
        Some(Mention {
            first,
            last: owner,
            kind: MentionKind::Name,
        })
    }

    /// For a partial quote: a speech cue later in its sentence (`... a “shared interest” with
    /// Pakistan, Miller said.`).
    fn later_in_sentence(&self, t: usize) -> Option<Attribution> {
        let (_, sentence_end) = self.sentence_of(t);
        let right = self.next_quote(t + 1).min(sentence_end + 1);
        for k in t + 1..right {
            let Some(cue) = self.cue_starting_at(k) else {
                continue;
            };
            let mention = match cue.form.class {
                CueClass::AccordingTo => self.starting_at(cue.last + 1, right),
                CueClass::Speech => self.cue_subject(&cue).or_else(|| {
                    // "..., said Miller."
                    let inverted = cue.form.reports && self.tokens[k - 1].is_punct(',');
                    inverted
                        .then(|| self.starting_at(cue.last + 1, right))
                        .flatten()
                }),
                CueClass::Naming | CueClass::Noun => None,
            };
            if let Some(mention) = mention {
                return Some(Attribution {
                    mention,
                    cue: Some(self.cue_at[k] as usize),
                });
            }
        }
        None
    }

    /// For a partial quote with no cue: `Reid has gone after Trump as a “con artist”` names
    /// what the sentence's subject called something.
    fn as_frame(&self, t: usize) -> Option<Attribution> {
        let previous = t.checked_sub(1)?;
        let mut k = previous;
        if self.tokens[k].is_word() && is_in(&DETERMINERS, self.tokens[k].text(self.text)) {
            k = k.checked_sub(1)?;
        }
        if !self.tokens[k].text(self.text).eq_ignore_ascii_case("as") {
            return None;
        }
        let (sentence_start, _) = self.sentence_of(t);
        let mention = self.clause_subject(sentence_start, k)?;
        (!matches!(mention.kind, MentionKind::Description(_)))
            .then_some(Attribution { mention, cue: None })
    }

    /// The index of the first quote token at or after `i`, or the token count.
    fn next_quote(&self, i: usize) -> usize {
        let from = self.piece_token.partition_point(|&t| t < i);
        self.piece_token
            .get(from)
            .copied()
            .unwrap_or(self.tokens.len())
    }
}

/// True when nothing, punctuation or a quote follows: an attribution phrase is complete.
fn completes_attribution(next: Option<&Token>) -> bool {
    next.map_or(true, |token| !token.is_word())
}

fn is_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{201F}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{2039}'
            | '\u{203A}'
    )
}
