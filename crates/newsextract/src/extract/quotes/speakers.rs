//! From a speaker phrase to a [`Speaker`]: linking names to the entity pass's entities, and
//! pronouns and definite descriptions to the most recent compatible entity before them.
//!
//! When the entity pass found nothing, the pass falls back on the capitalised names it saw
//! itself: a pronoun or description resolves to the most recent fitting one, with no entity id.

use std::cell::Cell;
use std::collections::HashMap;

use super::lexicon::{
    is_in, Referent, CAPITALISED_DESCRIPTIONS, CAPITALISED_NON_NAMES, NAME_PARTICLES,
    ORGANIZATION_WORDS, PERSONAL_TITLES, PLACE_WORDS, TITLES,
};
use super::mentions::{Mention, MentionKind};
use super::tokens::Token;
use crate::{Entity, EntityKind, Speaker};

/// How far back a resolution looks, in mentions or names, before giving up on a better fit.
const LOOKBACK: usize = 64;

/// What a capitalised name found by the pass itself seems to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameClass {
    Person,
    Organization,
    Place,
    Unknown,
}

#[derive(Debug, Clone)]
struct FoundName {
    start: usize,
    class: Cell<NameClass>,
    name: String,
}

/// One entity mention, by position.
#[derive(Debug, Clone, Copy)]
struct MentionSpan {
    start: usize,
    end: usize,
    entity: usize,
}

/// Resolves speaker phrases for one document.
#[derive(Debug)]
pub(super) struct Resolver<'e> {
    entities: &'e [Entity],
    /// Entity mentions sorted by start.
    mentions: Vec<MentionSpan>,
    /// Per mention: the furthest end among it and the mentions before it, so a search for a
    /// covering mention stops as soon as nothing earlier can reach far enough.
    reach: Vec<usize>,
    /// Capitalised names the pass saw, in text order (only when there are no entities).
    names: Vec<FoundName>,
    /// Last word of a full name -> the full name ("Miller" -> "Matthew Miller").
    full_names: HashMap<String, String>,
}

impl<'e> Resolver<'e> {
    /// A resolver over the entity pass's results (which may be empty).
    pub(super) fn new(entities: &'e [Entity]) -> Resolver<'e> {
        let count = entities.iter().map(|e| e.mentions.len()).sum();
        let mut mentions: Vec<MentionSpan> = Vec::with_capacity(count);
        for (entity, e) in entities.iter().enumerate() {
            mentions.extend(
                e.mentions
                    .iter()
                    .filter(|m| m.start < m.end)
                    .map(|m| MentionSpan {
                        start: m.start,
                        end: m.end,
                        entity,
                    }),
            );
        }
        // Equal keys are equal mentions, so an unstable sort gives the same order.
        mentions.sort_unstable_by_key(|m| (m.start, m.end, m.entity));
        let mut reach = Vec::with_capacity(mentions.len());
        let mut furthest = 0;
        for m in &mentions {
            furthest = furthest.max(m.end);
            reach.push(furthest);
        }
        Resolver {
            entities,
            mentions,
            reach,
            names: Vec::new(),
            full_names: HashMap::new(),
        }
    }

    /// True when the entity pass gave nothing and the pass's own names are used instead.
    pub(super) fn uses_fallback(&self) -> bool {
        self.mentions.is_empty()
    }

    /// The span of an entity mention that covers `start..end`, if any.
    pub(super) fn mention_covering(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        self.covering(start, end).map(|m| (m.start, m.end))
    }

    fn covering(&self, start: usize, end: usize) -> Option<MentionSpan> {
        let after = self.mentions.partition_point(|m| m.start <= start);
        let reaching = self.reach[..after].partition_point(|&r| r < end);
        self.mentions[reaching..after]
            .iter()
            .rev()
            .take(LOOKBACK)
            .filter(|m| m.end >= end)
            .max_by_key(|m| (m.end - m.start, std::cmp::Reverse(m.start)))
            .copied()
    }

    /// Records the capitalised names of a paragraph, for the fallback.
    pub(super) fn record_names(&mut self, text: &str, tokens: &[Token]) {
        if !self.uses_fallback() {
            return;
        }
        let is_name = |t: &Token| {
            let w = t.text(text);
            t.is_capitalised(text)
                && !is_in(&CAPITALISED_NON_NAMES, w)
                && !is_in(&CAPITALISED_DESCRIPTIONS, w)
        };
        let mut i = 0;
        while i < tokens.len() {
            if !is_name(&tokens[i]) {
                i += 1;
                continue;
            }
            let first = i;
            let mut last = i;
            while last + 1 < tokens.len() {
                let next = &tokens[last + 1];
                if is_name(next) && !is_possessive(tokens[last].text(text)) {
                    last += 1;
                } else if next.is_word()
                    && is_in(&NAME_PARTICLES, next.text(text))
                    && tokens.get(last + 2).is_some_and(is_name)
                {
                    last += 2;
                } else {
                    break;
                }
            }
            self.record(text, &tokens[first..=last]);
            i = last + 1;
        }
    }

    fn record(&mut self, text: &str, words: &[Token]) {
        let titled = words.len() > 1 && words.iter().any(|t| is_in(&TITLES, t.text(text)));
        let name = canonical_words(text, words);
        if name.is_empty() {
            return;
        }
        let plain = |t: &Token| {
            let w = t.text(text);
            w.strip_suffix("'s")
                .or_else(|| w.strip_suffix("\u{2019}s"))
                .unwrap_or(w)
        };
        let head = words.last().map(plain).unwrap_or_default();
        let acronym = |w: &str| w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase());
        let word_count = name.split(' ').count();
        let class = if is_in(&ORGANIZATION_WORDS, head) || words.iter().any(|t| acronym(plain(t))) {
            NameClass::Organization
        } else if words.iter().any(|t| is_in(&PLACE_WORDS, plain(t))) && !titled {
            NameClass::Place
        } else if titled || word_count > 1 || self.full_names.contains_key(&name) {
            NameClass::Person
        } else {
            NameClass::Unknown
        };
        if class == NameClass::Person && word_count > 1 {
            if let Some(last) = name.rsplit(' ').next() {
                self.full_names.insert(last.to_string(), name.clone());
            }
        }
        self.names.push(FoundName {
            start: words[0].start,
            class: Cell::new(class),
            name,
        });
    }

    /// The speaker a phrase names. `tokens` are the paragraph's tokens the mention indexes.
    pub(super) fn speaker(
        &self,
        text: &str,
        tokens: &[Token],
        mention: Mention,
    ) -> Option<Speaker> {
        let first = tokens.get(mention.first)?;
        let last = tokens.get(mention.last)?;
        let (start, end) = (first.start, last.end);
        let phrase = text.get(start..end)?;
        let speaker = |name: String, entity: Option<u32>, start: usize, end: usize| Speaker {
            name,
            entity,
            text: text.get(start..end).unwrap_or_default().to_string(),
            start,
            end,
        };
        match mention.kind {
            MentionKind::Name => {
                if let Some(m) = self.covering(last.start, last.end) {
                    let entity = &self.entities[m.entity];
                    return Some(speaker(
                        entity.name.clone(),
                        Some(entity.id),
                        m.start,
                        m.end,
                    ));
                }
                let name =
                    self.full_name(canonical_words(text, &tokens[mention.first..=mention.last]));
                if self.uses_fallback() {
                    self.promote_to_person(start);
                }
                let name = if name.is_empty() {
                    phrase.to_string()
                } else {
                    name
                };
                Some(speaker(name, None, start, end))
            }
            MentionKind::Pronoun(referent) | MentionKind::Description(referent) => {
                if let MentionKind::Description(_) = mention.kind {
                    // A description naming an entity itself: "the State Department".
                    if let Some(m) = self.covering(last.start, last.end) {
                        let entity = &self.entities[m.entity];
                        return Some(speaker(entity.name.clone(), Some(entity.id), start, end));
                    }
                }
                let (name, entity) = self
                    .antecedent(referent, start, last.text(text))
                    .unwrap_or_else(|| (collapse_spaces(phrase), None));
                Some(speaker(name, entity, start, end))
            }
        }
    }

    /// The speaker named by the text at `start..end`, linked to an entity mention covering it.
    pub(super) fn speaker_at(&self, text: &str, start: usize, end: usize) -> Speaker {
        let written = text.get(start..end).unwrap_or_default().to_string();
        let (name, entity) = match self.covering(start, end) {
            Some(m) => {
                let e = &self.entities[m.entity];
                (e.name.clone(), Some(e.id))
            }
            None => (collapse_spaces(&written), None),
        };
        Speaker {
            name,
            entity,
            text: written,
            start,
            end,
        }
    }

    /// True when the entity `entity` (or, without one, a name of unknown kind) can be what
    /// `referent` points back to.
    pub(super) fn fits(&self, entity: Option<u32>, referent: Referent) -> bool {
        let Some(id) = entity else {
            return referent != Referent::Organization;
        };
        let Some(e) = self.entities.iter().find(|e| e.id == id) else {
            return false;
        };
        match referent {
            Referent::Person => e.kind == EntityKind::Person,
            Referent::Organization => e.kind == EntityKind::Organization,
            Referent::Group => matches!(e.kind, EntityKind::Person | EntityKind::Organization),
            Referent::Country => e.kind == EntityKind::Location,
            Referent::Unresolved => false,
        }
    }

    /// True when `entity` is a person or an organisation; without an entity, when the
    /// pass's own names do not call it a place.
    pub(super) fn is_person_or_organization(&self, entity: Option<u32>) -> bool {
        match entity.and_then(|id| self.entities.iter().find(|e| e.id == id)) {
            Some(e) => matches!(e.kind, EntityKind::Person | EntityKind::Organization),
            None => entity.is_none(),
        }
    }

    /// True when a speaker is a place: an entity of kind location, or a name made of place
    /// words in the fallback.
    pub(super) fn is_place(&self, entity: Option<u32>, name: &str) -> bool {
        match entity.and_then(|id| self.entities.iter().find(|e| e.id == id)) {
            Some(e) => e.kind == EntityKind::Location,
            None => name.split(' ').any(|w| is_in(&PLACE_WORDS, w)),
        }
    }

    /// The most recent entity (or, in the fallback, name) that `referent` fits, before `before`.
    fn antecedent(
        &self,
        referent: Referent,
        before: usize,
        head: &str,
    ) -> Option<(String, Option<u32>)> {
        let wanted: &[EntityKind] = match referent {
            Referent::Person => &[EntityKind::Person],
            Referent::Organization => &[EntityKind::Organization],
            Referent::Group => &[EntityKind::Organization, EntityKind::Person],
            Referent::Country => &[EntityKind::Location],
            Referent::Unresolved => return None,
        };
        if !self.uses_fallback() {
            let count = self.mentions.partition_point(|m| m.start < before);
            let recent = &self.mentions[..count];
            for kind in wanted {
                let fits = |m: &&MentionSpan| {
                    let e = &self.entities[m.entity];
                    e.kind == *kind && (referent != Referent::Country || e.country.is_some())
                };
                // A description prefers the entity it titles ("the minister" -> the minister).
                let titled = recent.iter().rev().take(LOOKBACK).filter(fits).find(|m| {
                    self.entities[m.entity]
                        .titles
                        .iter()
                        .any(|t| contains_ignoring_case(t, head))
                });
                let latest = || recent.iter().rev().take(LOOKBACK * 8).find(fits);
                if let Some(m) = titled.or_else(latest) {
                    let e = &self.entities[m.entity];
                    return Some((e.name.clone(), Some(e.id)));
                }
            }
            return None;
        }
        let class = match referent {
            Referent::Person => &[NameClass::Person][..],
            Referent::Organization => &[NameClass::Organization][..],
            Referent::Country => &[NameClass::Place][..],
            _ => &[NameClass::Organization, NameClass::Person][..],
        };
        let count = self.names.partition_point(|n| n.start < before);
        class.iter().find_map(|class| {
            self.names[..count]
                .iter()
                .rev()
                .take(LOOKBACK)
                .find(|n| n.class.get() == *class)
                .map(|n| (n.name.clone(), None))
        })
    }

    /// A speaker named by the pass itself is a person from then on, unless it is clearly not.
    fn promote_to_person(&self, start: usize) {
        let at = self.names.partition_point(|n| n.start < start);
        if let Some(found) = self.names.get(at) {
            if found.start == start && found.class.get() == NameClass::Unknown {
                found.class.set(NameClass::Person);
            }
        }
    }

    /// "Miller" -> "Matthew Miller" when the full name came earlier.
    fn full_name(&self, name: String) -> String {
        if name.contains(' ') {
            return name;
        }
        self.full_names.get(&name).cloned().unwrap_or(name)
    }
}

fn is_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("\u{2019}s")
}

/// The words of a name without its titles ("Cuban Deputy Foreign Minister Teresa Álvarez" ->
/// "Teresa Álvarez", "President Obama" -> "Obama") or a trailing possessive, single-spaced.
fn canonical_words(text: &str, words: &[Token]) -> String {
    let mut words: Vec<&str> = words.iter().map(|t| t.text(text)).collect();
    if let Some(last_title) = words.iter().rposition(|w| is_in(&TITLES, w)) {
        let rest = words.len() - last_title - 1;
        if rest >= 2 || (rest == 1 && is_in(&PERSONAL_TITLES, words[last_title])) {
            words.drain(..=last_title);
        }
    }
    if let Some(last) = words.last_mut() {
        *last = last
            .strip_suffix("'s")
            .or_else(|| last.strip_suffix("\u{2019}s"))
            .unwrap_or(last);
    }
    words.join(" ")
}

/// True when `haystack` contains `needle`, ASCII case folded ("US State Department
/// Spokesperson" contains "spokesperson").
fn contains_ignoring_case(haystack: &str, needle: &str) -> bool {
    let (haystack, needle) = (haystack.as_bytes(), needle.as_bytes());
    !needle.is_empty()
        && haystack
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle))
}

fn collapse_spaces(phrase: &str) -> String {
    phrase.split_whitespace().collect::<Vec<_>>().join(" ")
}
