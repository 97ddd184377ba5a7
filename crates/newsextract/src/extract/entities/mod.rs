//! The entity pass: people, organisations, places and nationalities, merged into entities.
//!
//! 1. The whole text is tokenised once ([`Words`]) and tagged line by line by an averaged
//!    perceptron over hashed features ([`features`], [`tagger`]), which sees the built-in
//!    gazetteers, title cues and what the rest of the document says about each word.
//! 2. The tagged spans become typed mentions; user-gazetteer names override them.
//! 3. Mentions merge into entities: places by the gazetteer entry they resolve to (with the
//!    document as context), organisations by name or listed acronym, people by full name and
//!    later surname (Matthew Miller ... Miller), and both sides of each acronym definition.
//! 4. People get the titles written before their name or in an apposition after it; places
//!    their country and coordinates; nationalities their country.
//!
//! Entity ids count from 0 in order of first mention. Nothing depends on hash-map order.

mod acronyms;
pub(crate) mod features;
mod geo;
mod mentions;
pub(crate) mod tagger;
mod titles;
#[cfg(feature = "train")]
pub mod train;

use std::collections::{HashMap, HashSet};

use crate::extract::structure::Structure;
use crate::extractor::Config;
use crate::gazetteer::lexicon::Target;
use crate::gazetteer::places::Place;
use crate::gazetteer::tables::TABLES;
use crate::gazetteer::user::UserGazetteer;
use crate::text::tokens::Words;
use crate::text::Document;
use crate::{Acronym, Entity, EntityKind, Geo, TextSpan};

use crate::gazetteer::NAMES;
use features::{Context, Tag};
use mentions::Mention;

/// What the entity pass found.
#[derive(Debug, Clone, Default)]
pub(crate) struct EntityOutput {
    pub(crate) entities: Vec<Entity>,
    pub(crate) acronyms: Vec<Acronym>,
}

/// The most tokens a person's name has whose shorter forms ("Shehbaz Sharif" of "Muhammad
/// Shehbaz Sharif") are looked for: "Mohammed bin Rashid Al Maktoum" has five.
const MAX_PERSON_NAME_TOKENS: usize = 8;

/// Runs the entity pass.
pub(crate) fn extract(doc: &Document<'_>, structure: &Structure, config: &Config) -> EntityOutput {
    let words = Words::new(doc.text);
    if words.len() == 0 {
        return EntityOutput::default();
    }
    let context = Context::new(&words);
    let tags = match tagger::MODEL.as_ref() {
        Some(model) => tagger::decode(&context, &tagger::Frozen(model)),
        None => vec![Tag::O; words.len()],
    };
    let mut mentions = mentions::from_tags(&context, &tags);
    mentions::repair_with_gazetteer(&context, &mut mentions);
    mentions::add_missed_names(&context, &mut mentions);
    mentions::strip_titles(&context, &mut mentions);
    mentions::split_person_of_place(&words, &mut mentions);
    mentions::dateline_places(
        &words,
        structure.dateline.as_ref().map(|d| (d.start, d.end)),
        &mut mentions,
    );
    let definitions = acronyms::definitions(&words);
    mentions::join_expansions(&definitions, &mut mentions);
    let user = config.user_gazetteer.as_deref();
    if let Some(user) = user {
        mentions::apply_user_gazetteer(&words, user, &mut mentions);
    }
    // The dateline's country, or failing that the full gazetteer's country for its place.
    let dateline_country = structure.dateline.as_ref().and_then(|d| {
        d.country.as_deref().or_else(|| {
            d.location
                .as_deref()
                .and_then(crate::gazetteer::places::country_of)
        })
    });
    Builder {
        words: &words,
        context: &context,
        user,
    }
    .build(mentions, &definitions, dateline_country)
}

/// What a mention was found to be, beyond its kind.
#[derive(Debug, Clone, Copy, Default)]
struct Resolution {
    place: Option<Place>,
    organization: Option<u32>,
    nationality_country: Option<&'static str>,
}

/// The mentions that name one entity.
#[derive(Debug)]
struct Group<'g> {
    kind: EntityKind,
    /// Indices of its mentions, in text order.
    mentions: &'g [usize],
    acronym: Option<String>,
}

struct Builder<'w, 't, 'u> {
    words: &'w Words<'t>,
    context: &'w Context<'w, 't>,
    user: Option<&'u UserGazetteer>,
}

impl<'w, 't> Builder<'w, 't, '_> {
    fn text(&self, first: usize, end: usize) -> &str {
        let start = self.words.tokens.get(first).map_or(0, |t| t.start);
        let stop = self
            .words
            .tokens
            .get(end.saturating_sub(1))
            .map_or(start, |t| t.end);
        self.words.text.get(start..stop).unwrap_or("")
    }

    /// [`collapse_spaces`] of the text of tokens `first..end`.
    fn collapsed_text(&self, first: usize, end: usize) -> String {
        // Tokens hold no white space: most names, their tokens one space apart or adjacent,
        // are copied as they are.
        let tokens = self.words.tokens.get(first..end).unwrap_or(&[]);
        let bytes = self.words.text.as_bytes();
        let plain = tokens.windows(2).all(|pair| {
            let gap = pair[0].end..pair[1].start;
            gap.is_empty() || bytes.get(gap) == Some(b" ")
        });
        if plain {
            self.text(first, end).to_string()
        } else {
            collapse_spaces(self.text(first, end))
        }
    }

    /// True when the built-in gazetteer lists some name for exactly tokens `first..end`.
    fn gazetteer_has_entry(&self, first: usize, end: usize) -> bool {
        let mut found = false;
        if mentions::may_be_listed(self.context, first, end) {
            NAMES.find_exact(self.words, first, end, |_| found = true);
        }
        found
    }

    /// The name of tokens `first..end` as a key, without a leading "the".
    fn key(&self, first: usize, end: usize) -> NameKey<'w, 't> {
        let skip = usize::from(end - first > 1 && self.words.lower(first) == "the");
        NameKey::new(self.context, first + skip, end)
    }

    fn resolve(&self, mentions: &[Mention], dateline_country: Option<&str>) -> Vec<Resolution> {
        let mut resolutions = vec![Resolution::default(); mentions.len()];
        // The candidate places of every place mention, one after the other: one vector for
        // the document instead of one per mention.
        // Sized once: growing them mention by mention cost more than the spare room.
        let mut places: Vec<Place> = Vec::with_capacity(mentions.len());
        let mut place_lists: Vec<(usize, std::ops::Range<usize>)> =
            Vec::with_capacity(mentions.len());
        let mut nationality_countries = Vec::new();
        for (m, mention) in mentions.iter().enumerate() {
            // Only places, organisations and nationalities are resolved.
            if mention.user.is_some()
                || !matches!(
                    mention.kind,
                    EntityKind::Location | EntityKind::Organization | EntityKind::Nationality
                )
            {
                continue;
            }
            let (mut first, end) = (mention.first, mention.end);
            // A leading "the" is tried away only when the whole name is listed under nothing.
            if end - first > 1
                && self.words.lower(first) == "the"
                && !self.gazetteer_has_entry(first, end)
            {
                first += 1;
            }
            if !mentions::may_be_listed(self.context, first, end) {
                continue;
            }
            match mention.kind {
                EntityKind::Location => {
                    let start = places.len();
                    NAMES.find_exact(self.words, first, end, |e| {
                        places.extend(Place::of(e.target));
                    });
                    if places.len() > start {
                        place_lists.push((m, start..places.len()));
                    }
                }
                EntityKind::Organization => {
                    let mut organization = None;
                    NAMES.find_exact(self.words, first, end, |e| {
                        if let (None, Target::Organization(i)) = (organization, e.target) {
                            organization = Some(i);
                        }
                    });
                    resolutions[m].organization = organization;
                }
                EntityKind::Nationality => {
                    // Only a name that is one nationality word and nothing else says which.
                    let (mut count, mut country) = (0, None);
                    NAMES.find_exact(self.words, first, end, |e| {
                        if let Some(n) = match e.target {
                            Target::Nationality(i) => TABLES.nationalities.get(i as usize),
                            _ => None,
                        } {
                            count += 1;
                            country = n.country;
                        }
                    });
                    if let (1, Some(country)) = (count, country) {
                        resolutions[m].nationality_country = Some(country);
                        nationality_countries.push(country);
                    }
                }
                _ => {}
            }
        }
        let lists: Vec<&[Place]> = place_lists
            .iter()
            .map(|(_, range)| places.get(range.clone()).unwrap_or(&[]))
            .collect();
        let chosen = geo::resolve(&lists, &nationality_countries, dateline_country);
        for ((m, _), place) in place_lists.iter().zip(chosen) {
            resolutions[*m].place = place;
        }
        resolutions
    }

    fn build(
        &self,
        mut mentions: Vec<Mention>,
        definitions: &[acronyms::Definition],
        dateline_country: Option<&str>,
    ) -> EntityOutput {
        if !definitions.is_empty() {
            self.add_acronym_mentions(&mut mentions, definitions);
        }
        mentions.sort_by_key(|m| (m.first, m.end));

        let resolutions = self.resolve(&mentions, dateline_country);
        // Mentions group by what they resolve to or by name: sorted by key, each run of
        // equal keys is one group, numbered in order of its first mention.
        let mut keyed: Vec<(GroupKey<'_, '_>, usize)> = Vec::with_capacity(mentions.len());
        let mut person_mentions = Vec::with_capacity(mentions.len());
        for (m, mention) in mentions.iter().enumerate() {
            let key = match (mention.user, mention.kind) {
                (Some(Target::User(u)), _) => GroupKey::User(u),
                (_, EntityKind::Person) => {
                    person_mentions.push(m);
                    continue;
                }
                (_, kind) => {
                    let r = &resolutions[m];
                    if let Some(place) = r.place {
                        GroupKey::Place(place.target)
                    } else if let Some(org) = r.organization {
                        GroupKey::Organization(org)
                    } else if let Some(country) = r.nationality_country {
                        GroupKey::Nationality(country)
                    } else {
                        GroupKey::Name(kind, self.key(mention.first, mention.end))
                    }
                }
            };
            keyed.push((key, m));
        }
        keyed.sort_unstable();
        let mut first_of_key = vec![usize::MAX; mentions.len()];
        for run in keyed.chunk_by(|a, b| a.0 == b.0) {
            let first = run[0].1;
            for &(_, m) in run {
                first_of_key[m] = first;
            }
        }
        let mut kinds: Vec<EntityKind> = Vec::new();
        let mut group_of = vec![usize::MAX; mentions.len()];
        for m in 0..mentions.len() {
            let first = first_of_key[m];
            if first == m {
                kinds.push(mentions[m].kind);
                group_of[m] = kinds.len() - 1;
            } else if first != usize::MAX {
                group_of[m] = group_of[first];
            }
        }
        self.group_people(&mentions, &person_mentions, &mut kinds, &mut group_of);
        self.find_organizations(&mentions, &group_of, &mut kinds);

        // Acronym definitions join the groups of their two sides.
        let mut parent: Vec<usize> = (0..kinds.len()).collect();
        let mut acronym_of: Vec<Option<String>> = vec![None; kinds.len()];
        if !definitions.is_empty() {
            self.join_definitions(
                &mentions,
                definitions,
                &group_of,
                &mut parent,
                &mut acronym_of,
            );
        }
        // One entity per root group, in order of first mention, with its mentions in order:
        // numbered while going through the mentions, then laid out by a counting sort.
        let mut entity_of_root = vec![usize::MAX; kinds.len()];
        let mut roots: Vec<usize> = Vec::new();
        let mut entity_of = vec![usize::MAX; mentions.len()];
        for (m, &g) in group_of.iter().enumerate() {
            if g == usize::MAX {
                continue;
            }
            let r = root(&mut parent, g);
            if entity_of_root[r] == usize::MAX {
                entity_of_root[r] = roots.len();
                roots.push(r);
            }
            entity_of[m] = entity_of_root[r];
        }
        let mut starts = vec![0usize; roots.len() + 1];
        for &e in entity_of.iter().filter(|&&e| e != usize::MAX) {
            starts[e + 1] += 1;
        }
        for e in 0..roots.len() {
            starts[e + 1] += starts[e];
        }
        let mut next = starts.clone();
        let mut members = vec![0usize; starts[roots.len()]];
        for (m, &e) in entity_of.iter().enumerate() {
            if e != usize::MAX {
                members[next[e]] = m;
                next[e] += 1;
            }
        }
        let entities = roots
            .iter()
            .enumerate()
            .map(|(id, &r)| {
                let group = Group {
                    kind: kinds[r],
                    mentions: &members[starts[id]..starts[id + 1]],
                    acronym: acronym_of[r].take(),
                };
                self.entity(id as u32, group, &mentions, &resolutions)
            })
            .collect();
        let mut acronyms: Vec<Acronym> = Vec::new();
        let mut seen: std::collections::HashSet<(String, String)> = Default::default();
        for d in definitions {
            let start = self.words.tokens.get(d.tokens.0).map_or(0, |t| t.start);
            let end = self
                .words
                .tokens
                .get(d.tokens.1 - 1)
                .map_or(start, |t| t.end);
            let acronym = self.words.word(d.acronym).to_string();
            let expansion = self.text(d.expansion.0, d.expansion.1).to_string();
            if !seen.insert((acronym.clone(), expansion.clone())) {
                continue;
            }
            acronyms.push(Acronym {
                acronym,
                expansion,
                text: self.words.text.get(start..end).unwrap_or("").to_string(),
                start,
                end,
            });
        }
        EntityOutput { entities, acronyms }
    }

    /// Adds the mentions acronym definitions imply: both sides of a definition are mentions
    /// once the expansion is one, and so are later uses of a defined acronym that the tagger
    /// missed.
    fn add_acronym_mentions(
        &self,
        mentions: &mut Vec<Mention>,
        definitions: &[acronyms::Definition],
    ) {
        let mut covered = vec![false; self.words.len()];
        for m in mentions.iter() {
            for slot in covered.iter_mut().take(m.end).skip(m.first) {
                *slot = true;
            }
        }
        let exact = ExactSpans::new(mentions);
        let mut added = Vec::new();
        for d in definitions {
            if let Some(kind) = exact.get(d.expansion).map(|m| mentions[m].kind) {
                if !covered.get(d.acronym).copied().unwrap_or(true) {
                    covered[d.acronym] = true;
                    added.push(Mention {
                        first: d.acronym,
                        end: d.acronym + 1,
                        kind,
                        user: None,
                    });
                }
            }
        }
        mentions.extend(added);
        let exact = ExactSpans::new(mentions);
        let defined: HashMap<&str, EntityKind> = definitions
            .iter()
            .filter_map(|d| {
                let kind = mentions[exact.get((d.acronym, d.acronym + 1))?].kind;
                Some((self.words.word(d.acronym), kind))
            })
            .collect();
        if defined.is_empty() {
            return;
        }
        for (i, slot) in covered.iter_mut().enumerate() {
            // Acronyms start with a capital: other tokens need no look-up.
            if *slot || !self.words.flags(i).first_upper() {
                continue;
            }
            if let Some(&kind) = defined.get(self.words.word(i)) {
                *slot = true;
                mentions.push(Mention {
                    first: i,
                    end: i + 1,
                    kind,
                    user: None,
                });
            }
        }
    }

    /// Joins, through `parent`, the group of each definition's expansion with the groups of
    /// the acronym's one-word mentions, and records the acronym of the expansion's group.
    fn join_definitions(
        &self,
        mentions: &[Mention],
        definitions: &[acronyms::Definition],
        group_of: &[usize],
        parent: &mut [usize],
        acronym_of: &mut [Option<String>],
    ) {
        let exact = ExactSpans::new(mentions);
        let mut one_word: HashMap<&str, Vec<usize>> = HashMap::new();
        for (m, mention) in mentions.iter().enumerate() {
            if mention.end - mention.first == 1 {
                one_word
                    .entry(self.words.word(mention.first))
                    .or_default()
                    .push(m);
            }
        }
        // Once one definition of an acronym has joined all its one-word mentions, they share
        // a root, so a later definition of the same acronym joins them by one of them; going
        // through all of them again would make a text that defines an acronym n times (and
        // uses it n times) cost n^2.
        let mut joined: HashSet<&str> = HashSet::new();
        for d in definitions {
            let Some(e) = exact.get(d.expansion) else {
                continue;
            };
            let acronym_word = self.words.word(d.acronym);
            let expansion_group = root(parent, group_of[e]);
            acronym_of[expansion_group].get_or_insert_with(|| acronym_word.to_string());
            let uses = one_word.get(acronym_word).map_or(&[][..], Vec::as_slice);
            let uses = if joined.insert(acronym_word) {
                uses
            } else {
                uses.get(..1).unwrap_or(&[])
            };
            for &m in uses {
                let g = root(parent, group_of[m]);
                if g != expansion_group {
                    parent[g] = expansion_group;
                }
            }
        }
    }

    /// People: full names group by name; a one-word mention joins the person whose last (else
    /// first) name it is, the one with the nearest full-name mention before it (else after
    /// it); a shorter full name joins a longer one it ends ("Shehbaz Sharif" -> "Muhammad
    /// Shehbaz Sharif"). Names are numbered by sorting and looked up by bisection, which keeps
    /// this within n log n of the mentions whatever the text.
    fn group_people(
        &self,
        mentions: &[Mention],
        people: &[usize],
        kinds: &mut Vec<EntityKind>,
        group_of: &mut [usize],
    ) {
        let name_of = |m: usize| NameKey::new(self.context, mentions[m].first, mentions[m].end);
        // Longest names first, so that shorter forms find them.
        let mut full: Vec<usize> = Vec::with_capacity(people.len());
        full.extend(
            people
                .iter()
                .copied()
                .filter(|&m| mentions[m].end - mentions[m].first > 1),
        );
        full.sort_by_key(|&m| (std::cmp::Reverse(mentions[m].end - mentions[m].first), m));
        // Tails of names no longer than a real one: a "name" of n tokens (a line of
        // capitalised words the tagger took for one) would store n tails of up to n tokens
        // each.
        let tail_count = |name: &NameKey<'_, '_>| {
            if name.len() <= MAX_PERSON_NAME_TOKENS {
                name.len().saturating_sub(1)
            } else {
                1
            }
        };
        // Every full name and each of its proper tails ("shehbaz sharif" of "muhammad shehbaz
        // sharif") is numbered by its rank among their distinct texts.
        let mut texts: Vec<NameKey<'_, '_>> = Vec::with_capacity(2 * full.len());
        for &m in &full {
            let name = name_of(m);
            texts.push(name);
            for skip in 1..tail_count(&name) {
                texts.push(name.tail(self.context, skip));
            }
        }
        texts.sort_unstable();
        texts.dedup();
        let rank = |name: &NameKey<'_, '_>| texts.partition_point(|t| t < name);
        let mut group_by_name = vec![usize::MAX; texts.len()];
        let mut group_by_tail = vec![usize::MAX; texts.len()];
        // (group, position) of every full-name mention, and (word, group) of each group's
        // first and last names: sorted once all full names are in.
        let mut positions: Vec<(usize, usize)> = Vec::with_capacity(full.len());
        let mut by_first: Vec<(&str, usize)> = Vec::with_capacity(full.len());
        let mut by_last: Vec<(&str, usize)> = Vec::with_capacity(full.len());
        for &m in &full {
            let name = name_of(m);
            let number = rank(&name);
            let existing = [group_by_name[number], group_by_tail[number]]
                .into_iter()
                .find(|&g| g != usize::MAX);
            let g = existing.unwrap_or_else(|| {
                kinds.push(EntityKind::Person);
                kinds.len() - 1
            });
            if existing.is_none() {
                for skip in 1..tail_count(&name) {
                    let tail = name.tail(self.context, skip);
                    let slot = &mut group_by_tail[rank(&tail)];
                    if *slot == usize::MAX {
                        *slot = g;
                    }
                }
                by_first.push((self.words.lower(name.first), g));
                by_last.push((self.words.lower(name.end - 1), g));
                group_by_name[number] = g;
            }
            group_of[m] = g;
            positions.push((g, mentions[m].first));
        }
        positions.sort_unstable();
        by_first.sort_unstable();
        by_last.sort_unstable();
        // Distance to a group's nearest full-name mention, earlier ones preferred.
        let distance = |g: usize, position: usize| {
            let from = positions.partition_point(|&(h, _)| h < g);
            let to = positions.partition_point(|&(h, _)| h <= g);
            let list = &positions[from..to];
            let after = list.partition_point(|&(_, p)| p <= position);
            match after.checked_sub(1).map(|k| list[k].1) {
                Some(before) => position - before,
                None => list.get(after).map_or(usize::MAX, |&(_, p)| {
                    (p - position).saturating_add(usize::MAX / 2)
                }),
            }
        };
        let nearest = |table: &[(&str, usize)], word: &str, position: usize| {
            let from = table.partition_point(|&(w, _)| w < word);
            let to = table.partition_point(|&(w, _)| w <= word);
            table[from..to]
                .iter()
                .map(|&(_, g)| g)
                .min_by_key(|&g| (distance(g, position), g))
        };
        // One-word mentions that name no full name's person: one group per word, numbered
        // in order of first mention.
        let mut alone: Vec<(&str, usize)> = Vec::with_capacity(people.len());
        for &m in people {
            if mentions[m].end - mentions[m].first != 1 {
                continue;
            }
            let word = self.words.lower(mentions[m].first);
            let position = mentions[m].first;
            match nearest(&by_last, word, position).or_else(|| nearest(&by_first, word, position)) {
                Some(g) => group_of[m] = g,
                None => alone.push((word, m)),
            }
        }
        let mut first_of_word: Vec<(&str, usize)> = alone.clone();
        first_of_word.sort_unstable();
        first_of_word.dedup_by(|later, earlier| later.0 == earlier.0);
        for &(word, m) in &alone {
            let k = first_of_word.partition_point(|&(w, _)| w < word);
            let first = first_of_word[k].1;
            if first == m {
                kinds.push(EntityKind::Person);
                group_of[m] = kinds.len() - 1;
            } else {
                group_of[m] = group_of[first];
            }
        }
    }

    /// A "person" known only by one word, never with a title, whose mentions are followed by
    /// "its" and never by "he", "she", "his" or "her" ("Comelf said its output rose") is an
    /// organisation the tagger took for a surname: such groups become organisations.
    fn find_organizations(
        &self,
        mentions: &[Mention],
        group_of: &[usize],
        kinds: &mut [EntityKind],
    ) {
        #[derive(Clone, Copy, Default)]
        struct Evidence {
            longer_name: bool,
            its: u32,
            pronouns: u32,
        }
        let mut evidence = vec![Evidence::default(); kinds.len()];
        let person = |g: usize| kinds.get(g) == Some(&EntityKind::Person);
        for (mention, &g) in mentions.iter().zip(group_of) {
            if !person(g) {
                continue;
            }
            let e = &mut evidence[g];
            if mention.end - mention.first != 1 {
                e.longer_name = true;
                continue;
            }
            for k in mention.end..self.words.len().min(mention.end + 6) {
                if self.words.tokens[k].line_start {
                    break;
                }
                match self.words.lower(k) {
                    "its" => e.its += 1,
                    "he" | "she" | "his" | "her" | "him" => e.pronouns += 1,
                    _ => {}
                }
            }
        }
        let mut candidate: Vec<bool> = (0..kinds.len())
            .map(|g| {
                let e = evidence[g];
                person(g) && !e.longer_name && e.its > 0 && e.pronouns == 0
            })
            .collect();
        if !candidate.contains(&true) {
            return;
        }
        // Titles last: the look-up costs more than the pronouns, which rarely say "its".
        for (mention, &g) in mentions.iter().zip(group_of) {
            if candidate.get(g) == Some(&true)
                && !titles::before(self.context, mention.first).is_empty()
            {
                candidate[g] = false;
            }
        }
        for (kind, organization) in kinds.iter_mut().zip(candidate) {
            if organization {
                *kind = EntityKind::Organization;
            }
        }
    }

    fn entity(
        &self,
        id: u32,
        group: Group<'_>,
        mentions: &[Mention],
        resolutions: &[Resolution],
    ) -> Entity {
        let spans: Vec<TextSpan> = group
            .mentions
            .iter()
            .map(|&m| {
                let (start, end) = mentions[m].span(self.words);
                TextSpan {
                    text: self.words.text.get(start..end).unwrap_or("").to_string(),
                    start,
                    end,
                }
            })
            .collect();
        let resolution = group
            .mentions
            .iter()
            .map(|&m| resolutions[m])
            .find(|r| {
                r.place.is_some() || r.organization.is_some() || r.nationality_country.is_some()
            })
            .unwrap_or_default();
        let user_entry = group.mentions.iter().find_map(|&m| {
            mentions[m]
                .user
                .and_then(|t| self.user.and_then(|u| u.entry(t)))
        });
        let mut entity = Entity {
            id,
            kind: group.kind,
            name: String::new(),
            mentions: spans,
            titles: Vec::new(),
            acronym: group.acronym.clone(),
            country: None,
            geo: None,
        };
        if let Some(entry) = user_entry {
            entity.kind = entry.kind;
            entity.name = entry.canonical.clone();
            entity.country = entry.country.clone();
            entity.geo = entry.geo;
            if entry.acronym.is_some() {
                entity.acronym = entry.acronym.clone();
            }
        } else if let Some(place) = resolution.place {
            entity.name = place.name.to_string();
            entity.country = place.country.map(str::to_string);
            entity.geo = place.geo.map(|g| Geo {
                lat: g.lat,
                lon: g.lon,
                geonames_id: u64::from(g.geonames_id),
            });
        } else if let Some(org) = resolution
            .organization
            .and_then(|o| TABLES.organizations.get(o as usize))
        {
            entity.name = org.name.to_string();
            if entity.acronym.is_none() {
                entity.acronym = org.acronym.map(str::to_string);
            }
        } else {
            if let Some(country) = resolution.nationality_country {
                entity.country = Some(country.to_string());
            }
            entity.name = self.canonical_name(&group, mentions);
        }
        if entity.name.is_empty() {
            // The text of the first mention.
            let first = group.mentions.first().map(|&m| &mentions[m]);
            entity.name = display_case(first.map_or_else(String::new, |mention| {
                self.collapsed_text(mention.first, mention.end)
            }));
        }
        if entity.kind == EntityKind::Person {
            for &m in group.mentions {
                let mention = &mentions[m];
                let mut ranges = titles::before(self.context, mention.first);
                ranges.extend(titles::after(self.context, mention.end));
                for (a, b) in ranges {
                    let title = self.collapsed_text(a, b);
                    if !entity.titles.iter().any(|t| t.eq_ignore_ascii_case(&title)) {
                        entity.titles.push(title);
                    }
                }
            }
        }
        entity
    }

    /// The name a group goes by: its longest mention, preferring one not in capitals.
    fn canonical_name(&self, group: &Group<'_>, mentions: &[Mention]) -> String {
        let best = group
            .mentions
            .iter()
            .copied()
            .filter(|&m| mentions[m].kind == group.kind || group.kind != EntityKind::Person)
            .max_by_key(|&m| {
                let mention = &mentions[m];
                // Nothing between tokens is a letter: the tokens' flags tell.
                let mixed = (mention.first..mention.end).any(|k| self.words.flags(k).has_lower());
                (
                    mention.end - mention.first,
                    mixed,
                    std::cmp::Reverse(mention.first),
                )
            });
        match best {
            Some(m) => display_case(self.collapsed_text(mentions[m].first, mentions[m].end)),
            None => String::new(),
        }
    }
}

/// Tokens `first..end` as a key, compared by their matching forms: a name without a string
/// built for it. Tokens hold no white space, so equal token forms are exactly equal names
/// joined by spaces. Keys order by a fingerprint of the forms first (a cheap test that
/// decides most comparisons), then by the forms; only equality matters to the callers.
#[derive(Clone, Copy)]
struct NameKey<'w, 't> {
    words: &'w Words<'t>,
    first: usize,
    end: usize,
    fingerprint: u64,
}

impl<'w, 't> NameKey<'w, 't> {
    fn new(context: &Context<'w, 't>, first: usize, end: usize) -> NameKey<'w, 't> {
        let fingerprint = (first..end).fold(0u64, |hash, i| {
            (hash.rotate_left(5) ^ context.word_hash(i)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
        });
        NameKey {
            words: context.words,
            first,
            end,
            fingerprint,
        }
    }

    fn len(&self) -> usize {
        self.end - self.first
    }

    /// The key of tokens `first + skip..end`.
    fn tail(&self, context: &Context<'w, 't>, skip: usize) -> NameKey<'w, 't> {
        NameKey::new(context, self.first + skip, self.end)
    }
}

impl PartialEq for NameKey<'_, '_> {
    fn eq(&self, other: &Self) -> bool {
        self.fingerprint == other.fingerprint
            && self.len() == other.len()
            && (self.first..self.end)
                .zip(other.first..other.end)
                .all(|(a, b)| self.words.lower(a) == other.words.lower(b))
    }
}

impl Eq for NameKey<'_, '_> {}

impl PartialOrd for NameKey<'_, '_> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for NameKey<'_, '_> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.fingerprint.cmp(&other.fingerprint).then_with(|| {
            (self.first..self.end)
                .map(|i| self.words.lower(i))
                .cmp((other.first..other.end).map(|i| other.words.lower(i)))
        })
    }
}

/// What groups the mentions of one entity that is not a person.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum GroupKey<'w, 't> {
    User(u32),
    Place(Target),
    Organization(u32),
    Nationality(&'static str),
    Name(EntityKind, NameKey<'w, 't>),
}

/// The mention with exactly the tokens `first..end`, found by binary search; the last one
/// in the slice's order when several have the same tokens.
struct ExactSpans {
    sorted: Vec<(usize, usize, usize)>,
}

impl ExactSpans {
    fn new(mentions: &[Mention]) -> ExactSpans {
        let mut sorted: Vec<(usize, usize, usize)> = mentions
            .iter()
            .enumerate()
            .map(|(m, mention)| (mention.first, mention.end, m))
            .collect();
        // Stable: mentions with the same tokens keep their order, and the last one answers.
        sorted.sort_by_key(|&(first, end, _)| (first, end));
        ExactSpans { sorted }
    }

    fn get(&self, (first, end): (usize, usize)) -> Option<usize> {
        let after = self
            .sorted
            .partition_point(|&(f, e, _)| (f, e) <= (first, end));
        let &(f, e, m) = self.sorted.get(after.checked_sub(1)?)?;
        (f == first && e == end).then_some(m)
    }
}

/// The root of group `g` in the union-find forest `parent`, halving paths on the way.
fn root(parent: &mut [usize], mut g: usize) -> usize {
    while parent[g] != g {
        parent[g] = parent[parent[g]];
        g = parent[g];
    }
    g
}

/// White space runs as single spaces.
fn collapse_spaces(text: &str) -> String {
    // Most names are ASCII with single spaces between words and are copied as they are.
    let mut plain = true;
    let mut after_space = true;
    for &b in text.as_bytes() {
        if b == b' ' {
            if after_space {
                plain = false;
                break;
            }
            after_space = true;
        } else if !b.is_ascii() || b.is_ascii_whitespace() || b == 0x0b {
            plain = false;
            break;
        } else {
            after_space = false;
        }
    }
    if plain && !after_space {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A name in capitals in its display casing ("KHAWAJA ASIF" -> "Khawaja Asif"); short
/// one-word names in capitals are acronyms and stay ("NATO", "TTP").
fn display_case(name: String) -> String {
    let mixed = if name.is_ascii() {
        name.bytes().any(|b| b.is_ascii_lowercase())
            || !name.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        name.chars().any(|c| c.is_lowercase()) || !name.chars().any(|c| c.is_uppercase())
    };
    if mixed {
        return name;
    }
    if !name.contains(' ') && name.chars().count() <= 5 {
        return name;
    }
    let mut out = String::with_capacity(name.len());
    let mut word_start = true;
    for c in name.chars() {
        if c.is_alphabetic() {
            if word_start {
                out.push(c);
            } else {
                out.extend(c.to_lowercase());
            }
            word_start = false;
        } else {
            out.push(c);
            word_start = c.is_whitespace() || c == '-';
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Article, Extractor};

    /// (kind, name, mention texts, titles, acronym, country) of every entity.
    type Summary = (
        EntityKind,
        String,
        Vec<String>,
        Vec<String>,
        Option<String>,
        Option<String>,
    );

    fn summary(article: &Article) -> Vec<Summary> {
        article
            .entities
            .iter()
            .map(|e| {
                (
                    e.kind,
                    e.name.clone(),
                    e.mentions.iter().map(|m| m.text.clone()).collect(),
                    e.titles.clone(),
                    e.acronym.clone(),
                    e.country.clone(),
                )
            })
            .collect()
    }

    fn find<'a>(article: &'a Article, name: &str) -> &'a Entity {
        article
            .entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("no entity {name:?} in {:#?}", summary(article)))
    }

    fn check_spans(text: &str, article: &Article) {
        for (i, e) in article.entities.iter().enumerate() {
            assert_eq!(e.id as usize, i);
            for m in &e.mentions {
                assert_eq!(&text[m.start..m.end], m.text);
            }
        }
        // Ids follow first mentions.
        let firsts: Vec<usize> = article
            .entities
            .iter()
            .map(|e| e.mentions[0].start)
            .collect();
        assert!(firsts.windows(2).all(|w| w[0] < w[1]), "{firsts:?}");
        for a in &article.acronyms {
            assert_eq!(&text[a.start..a.end], a.text);
        }
    }

    #[test]
    fn people_titles_and_surnames() {
        let text = "Pakistan, US share interest: Washington\n\
            ISLAMABAD: (Web Desk) US State Department Spokesperson Matthew Miller said on Monday \
            that Pakistan and the United States share an interest in stability. Miller told \
            reporters that Pakistan’s Defense Minister Khawaja Asif would visit. “We are ready,” \
            Asif said. Zoë Ångström, the Swedish trade minister, also spoke; Ms Ångström left.";
        let article = crate::extract(text);
        check_spans(text, &article);
        let miller = find(&article, "Matthew Miller");
        assert_eq!(miller.kind, EntityKind::Person);
        assert_eq!(miller.mentions.len(), 2);
        assert_eq!(miller.titles, ["US State Department Spokesperson"]);
        let asif = find(&article, "Khawaja Asif");
        assert_eq!(asif.titles, ["Defense Minister"]);
        assert_eq!(asif.mentions.len(), 2);
        let zoe = find(&article, "Zoë Ångström");
        assert_eq!(
            zoe.mentions
                .iter()
                .map(|m| m.text.as_str())
                .collect::<Vec<_>>(),
            ["Zoë Ångström", "Ångström"]
        );
        assert_eq!(zoe.titles, ["Swedish trade minister"]);
        let us = find(&article, "United States");
        assert_eq!(
            (us.kind, us.country.as_deref()),
            (EntityKind::Location, Some("US"))
        );
        assert!(
            us.mentions.len() >= 2,
            "US and United States are one entity"
        );
        let islamabad = find(&article, "Islamabad");
        assert_eq!(islamabad.mentions[0].text, "ISLAMABAD");
        assert_eq!(islamabad.geo.map(|g| g.geonames_id), Some(1176615));
        // Pakistan’s: the possessive is not part of the name, with a curly or straight mark.
        let pakistan = find(&article, "Pakistan");
        assert!(pakistan.mentions.iter().all(|m| m.text == "Pakistan"));
    }

    #[test]
    fn people_sharing_a_surname_and_shorter_full_names() {
        // A shorter full name joins the longer one it ends; a lone surname joins the person
        // whose full name was mentioned nearest before it, else nearest after it.
        let text = "Sharif visits London\n\
            LAHORE: Sharif said the trip was planned. Muhammad Shehbaz Sharif met Nawaz Sharif \
            in Lahore on Monday. Shehbaz Sharif said the talks went well. Later, Nawaz Sharif \
            left for London. Sharif told reporters he was pleased.";
        let article = crate::extract(text);
        check_spans(text, &article);
        let mentions = |name: &str| -> Vec<usize> {
            find(&article, name)
                .mentions
                .iter()
                .map(|m| m.start)
                .collect()
        };
        let at = |needle: &str, nth: usize| {
            text.match_indices(needle)
                .nth(nth)
                .map(|(i, _)| i)
                .unwrap_or_else(|| panic!("{needle:?} #{nth} not in the text"))
        };
        let shehbaz = mentions("Muhammad Shehbaz Sharif");
        assert!(
            shehbaz.contains(&at("Shehbaz Sharif said", 0)),
            "{shehbaz:?}"
        );
        let nawaz = mentions("Nawaz Sharif");
        // "Sharif told reporters" follows "Nawaz Sharif left": it is Nawaz.
        assert!(nawaz.contains(&at("Sharif told", 0)), "{nawaz:?}");
        assert!(!shehbaz.contains(&at("Sharif told", 0)));
        // The first "Sharif" of the body comes before every full name: it joins the nearest
        // one after it, Muhammad Shehbaz Sharif.
        assert!(
            shehbaz.contains(&at("Sharif said the trip", 0)),
            "{shehbaz:?}"
        );
        let people = article
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .count();
        assert_eq!(people, 2, "{:#?}", summary(&article));
    }

    #[test]
    fn acronyms_in_both_orders() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "The banned Tehreek-e-Taliban Pakistan (TTP) claimed the attack. The TTP denied it.",
                "Tehreek-e-Taliban Pakistan",
                "TTP",
            ),
            (
                "The TTP (Tehreek-e-Taliban Pakistan) claimed the attack. The TTP denied it.",
                "Tehreek-e-Taliban Pakistan",
                "TTP",
            ),
            (
                "The Pakistan Muslim League-Nawaz (PML-N) won. PML-N leaders celebrated.",
                "Pakistan Muslim League-Nawaz",
                "PML-N",
            ),
        ];
        for (text, name, acronym) in cases {
            let article = crate::extract(text);
            check_spans(text, &article);
            let entity = find(&article, name);
            assert_eq!(entity.kind, EntityKind::Organization, "{text}");
            assert_eq!(entity.acronym.as_deref(), Some(*acronym));
            let acronym_mentions = entity
                .mentions
                .iter()
                .filter(|m| m.text == *acronym)
                .count();
            assert_eq!(acronym_mentions, 2, "{text}: {:#?}", summary(&article));
            assert_eq!(article.acronyms.len(), 1);
            assert_eq!(
                (
                    article.acronyms[0].acronym.as_str(),
                    article.acronyms[0].expansion.as_str()
                ),
                (*acronym, *name)
            );
        }
    }

    #[test]
    fn ambiguous_names_by_context() {
        // (text, name of the entity, expected kind, expected country)
        let cases: &[(&str, &str, EntityKind, Option<&str>)] = &[
            (
                "Georgia's governor met officials in Atlanta, the state capital.",
                "Georgia",
                EntityKind::Location,
                Some("US"),
            ),
            (
                "TBILISI (Reuters) - Georgia's president said relations with Russia improved.",
                "Georgia",
                EntityKind::Location,
                Some("GE"),
            ),
            (
                "TBILISI (Reuters) - Georgia's president said relations with Russia improved.",
                "Tbilisi",
                EntityKind::Location,
                Some("GE"),
            ),
            (
                "Michael Jordan said he would retire.",
                "Michael Jordan",
                EntityKind::Person,
                None,
            ),
            (
                "King Abdullah of Jordan met the envoy in Amman.",
                "Jordan",
                EntityKind::Location,
                Some("JO"),
            ),
            (
                "Theresa May, the British prime minister, resigned in May.",
                "Theresa May",
                EntityKind::Person,
                None,
            ),
            (
                "George Washington was the first US president.",
                "George Washington",
                EntityKind::Person,
                None,
            ),
            (
                "The talks were held in Washington on Friday.",
                "Washington",
                EntityKind::Location,
                Some("US"),
            ),
            (
                "Turkey sent aid to Syria while Americans ate turkey.",
                "Turkey",
                EntityKind::Location,
                Some("TR"),
            ),
            (
                "Clashes in Hyderabad and Karachi killed three.",
                "Hyderabad",
                EntityKind::Location,
                Some("PK"),
            ),
        ];
        for (text, name, kind, country) in cases {
            let article = crate::extract(text);
            check_spans(text, &article);
            let entity = find(&article, name);
            assert_eq!(
                (entity.kind, entity.country.as_deref()),
                (*kind, *country),
                "{text}"
            );
        }
        // "May" the month and "turkey" the bird are not entities.
        let article = crate::extract("Theresa May, the British prime minister, resigned in May.");
        assert!(article
            .entities
            .iter()
            .all(|e| e.mentions.iter().all(|m| m.text != "May")));
        let article = crate::extract("Turkey sent aid to Syria while Americans ate turkey.");
        assert!(article
            .entities
            .iter()
            .all(|e| e.mentions.iter().all(|m| m.text != "turkey")));
    }

    #[test]
    fn companies_are_not_people() {
        let cases: &[(&str, &str)] = &[
            ("Boeing said on Monday that orders rose.", "Boeing"),
            (
                "Shares of Lockheed Martin fell after Ryanair cancelled.",
                "Lockheed Martin",
            ),
            (
                "Shares of Lockheed Martin fell after Ryanair cancelled.",
                "Ryanair",
            ),
            (
                "Comelf said its output rose. Comelf exported 59 percent of its output.",
                "Comelf",
            ),
        ];
        for (text, name) in cases {
            let article = crate::extract(text);
            check_spans(text, &article);
            assert_eq!(
                find(&article, name).kind,
                EntityKind::Organization,
                "{text}"
            );
        }
        // A one-word person with a title and "he" after the name stays a person.
        let article = crate::extract("Mr Shearer said he was delighted. Shearer scored twice.");
        assert_eq!(find(&article, "Shearer").kind, EntityKind::Person);
    }

    #[test]
    fn nationalities_carry_their_country() {
        let text = "Pakistani officials said Afghans and Chinese engineers were safe.";
        let article = crate::extract(text);
        check_spans(text, &article);
        for (name, country) in [("Pakistani", "PK"), ("Afghans", "AF"), ("Chinese", "CN")] {
            let entity = find(&article, name);
            assert_eq!(
                (entity.kind, entity.country.as_deref()),
                (EntityKind::Nationality, Some(country))
            );
        }
    }

    #[test]
    fn user_gazetteers_win_and_report_errors() {
        let extractor = Extractor::builder()
            .gazetteer_tsv(
                "names.tsv",
                "# name\tkind\tcanonical\tattributes\n\
                 Gwadar Port Authority\torganization\t\tacronym=GPA\tcountry=PK\n\
                 Imran\tperson\tImran Khan\n\
                 Kalat\tlocation\tKalat\tcountry=PK\tlat=29.02\tlon=66.59\tgeonames_id=1174062\n",
            )
            .build()
            .unwrap();
        let text = "The Gwadar Port Authority said Imran visited Kalat and Karachi.";
        let article = extractor.extract(text);
        check_spans(text, &article);
        let gpa = find(&article, "Gwadar Port Authority");
        assert_eq!(
            (gpa.kind, gpa.acronym.as_deref(), gpa.country.as_deref()),
            (EntityKind::Organization, Some("GPA"), Some("PK"))
        );
        assert_eq!(find(&article, "Imran Khan").mentions[0].text, "Imran");
        assert_eq!(
            find(&article, "Kalat").geo.map(|g| g.geonames_id),
            Some(1174062)
        );
        assert!(
            article.entities.iter().any(|e| e.name == "Karachi"),
            "built-in names still work"
        );
        let error = Extractor::builder()
            .gazetteer_tsv("bad.tsv", "Gwadar\tlocation\nKalat\tcity\n")
            .build()
            .unwrap_err();
        assert_eq!(
            error,
            crate::Error::Gazetteer {
                source_name: "bad.tsv".into(),
                line: 2,
                message: "unknown kind \"city\": expected person, organization, location, nationality or misc".into()
            }
        );
    }

    #[test]
    fn any_text_gives_valid_spans_deterministically() {
        let long_word = "x".repeat(100_000);
        let texts = [
            "",
            "   \n\n",
            "((((((",
            "ISLAMABAD:",
            "عمران خان نے لاہور میں کہا کہ پاکستان ترقی کرے گا۔ Imran Khan spoke in Lahore.",
            "“Zoë” said: ‘Pakistan’s’ Tehreek-e- -e- (TTP) (",
            long_word.as_str(),
            "A B C D E F G H I J K L M N O P Q R S T U V W X Y Z",
            "U.S.-Pakistan ties: Washington's and Islamabad's views\r\nDiffer.",
        ];
        for text in texts {
            let first = crate::extract(text);
            check_spans(text, &first);
            assert_eq!(first.to_json(), crate::extract(text).to_json());
        }
    }

    /// CPU time of this thread (Linux `schedstat`), so that other processes on a busy
    /// machine do not count; wall time elsewhere.
    fn cpu_time() -> std::time::Duration {
        let nanos = std::fs::read_to_string("/proc/thread-self/schedstat")
            .ok()
            .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok());
        match nanos {
            Some(n) => std::time::Duration::from_nanos(n),
            None => {
                static START: once_cell::sync::Lazy<std::time::Instant> =
                    once_cell::sync::Lazy::new(std::time::Instant::now);
                START.elapsed()
            }
        }
    }

    fn bbc_texts() -> Vec<String> {
        let root =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/bbc");
        let mut paths = Vec::new();
        for category in std::fs::read_dir(&root).expect("../shared/data/bbc") {
            let category = category.unwrap().path();
            if category.is_dir() {
                for file in std::fs::read_dir(&category).unwrap() {
                    paths.push(file.unwrap().path());
                }
            }
        }
        paths.sort();
        paths
            .iter()
            .map(|p| String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned())
            .collect()
    }

    /// Where the entity pass's CPU time goes on the BBC corpus (`../shared/data/bbc`, read at
    /// run time, never part of the repository), and the whole pipeline's throughput. Run with
    /// `cargo test --release -p newsextract --lib entities::tests::throughput -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn throughput() {
        use std::time::Duration;
        let texts = bbc_texts();
        let bytes: usize = texts.iter().map(|t| t.len()).sum();
        let start = cpu_time();
        let model = tagger::MODEL.as_ref().expect("model");
        let _ = (&*crate::gazetteer::NAMES, &*crate::gazetteer::TITLES);
        eprintln!(
            "first use of the gazetteers and the model: {:?}",
            cpu_time() - start
        );
        let config = Config {
            reference_date: None,
            passes: crate::Passes::ALL,
            threads: 1,
            max_input_bytes: None,
            user_gazetteer: None,
        };
        let (mut words_time, mut context_time, mut decode_time, mut entity_time) = (
            Duration::ZERO,
            Duration::ZERO,
            Duration::ZERO,
            Duration::ZERO,
        );
        let mut tokens = 0usize;
        for text in &texts {
            let t = cpu_time();
            let words = Words::new(text);
            let t1 = cpu_time();
            let context = Context::new(&words);
            let t2 = cpu_time();
            let tags = tagger::decode(&context, &tagger::Frozen(model));
            let t3 = cpu_time();
            let document = Document::new(text);
            let _ = extract(&document, &Structure::default(), &config);
            let t4 = cpu_time();
            words_time += t1 - t;
            context_time += t2 - t1;
            decode_time += t3 - t2;
            entity_time += t4 - t3;
            tokens += words.len();
            assert_eq!(tags.len(), words.len());
        }
        let mb = bytes as f64 / 1e6;
        eprintln!(
            "{} texts, {:.2} MB, {tokens} tokens; CPU: words {words_time:?}, context {context_time:?}, \
             decode {decode_time:?}; whole entity pass {entity_time:?} = {:.1} MB/s",
            texts.len(),
            mb,
            mb / entity_time.as_secs_f64()
        );
        let extractor = crate::Extractor::builder().threads(1).build().unwrap();
        let t = cpu_time();
        for text in &texts {
            let _ = extractor.extract(text);
        }
        let all = cpu_time() - t;
        eprintln!(
            "whole pipeline: {all:?} = {:.1} MB/s per core",
            mb / all.as_secs_f64()
        );
    }
}
