//! Mentions: the tagger's spans, typed, with user-gazetteer names laid over them.

use crate::gazetteer::lexicon::{Entry, Target};
use crate::gazetteer::user::UserGazetteer;
use crate::gazetteer::{NAMES, TITLES};
use crate::model::EntityKind;
use crate::text::tokens::Words;

use super::features::{Context, Tag, TYPES};
use super::tagger::spans;

/// One mention of an entity: tokens `first..end` of the document.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mention {
    /// First token.
    pub(crate) first: usize,
    /// One past the last token.
    pub(crate) end: usize,
    /// What the mention names.
    pub(crate) kind: EntityKind,
    /// The user-gazetteer row it matched, when it did.
    pub(crate) user: Option<Target>,
}

impl Mention {
    /// Byte span in the text.
    pub(crate) fn span(&self, words: &Words<'_>) -> (usize, usize) {
        let start = words.tokens.get(self.first).map_or(0, |t| t.start);
        let end = words
            .tokens
            .get(self.end.saturating_sub(1))
            .map_or(start, |t| t.end);
        (start, end)
    }
}

/// False when no built-in gazetteer name covers exactly tokens `first..end`, as the context
/// shows: it looked for names at every token with a capital, none crossing a line break.
/// True when it cannot tell.
pub(crate) fn may_be_listed(context: &Context<'_, '_>, first: usize, end: usize) -> bool {
    let words = context.words;
    !words.flags(first).has_upper()
        || (first + 1..end).any(|k| words.tokens.get(k).is_some_and(|t| t.line_start))
        || context.starts_listed_name(first, false)
}

/// True when some built-in gazetteer entry for exactly tokens `first..end` passes `test`.
fn any_entry(words: &Words<'_>, first: usize, end: usize, test: impl Fn(&Entry) -> bool) -> bool {
    let mut found = false;
    NAMES.find_exact(words, first, end, |e| found = found || test(e));
    found
}

/// True for an entry that names a place: a country, a city or a region.
fn is_place(entry: &Entry) -> bool {
    matches!(
        entry.target,
        Target::Country(_) | Target::City(_) | Target::Region(_)
    )
}

/// The tagger's spans as mentions. MISC spans that are nationality words ("Pakistani",
/// "Afghans") become nationalities; the rest stay miscellaneous.
pub(crate) fn from_tags(context: &Context<'_, '_>, tags: &[Tag]) -> Vec<Mention> {
    let words = context.words;
    spans(tags)
        .into_iter()
        .map(|(first, end, ty)| {
            let kind = match TYPES.get(ty).copied() {
                Some("PER") => EntityKind::Person,
                Some("ORG") => EntityKind::Organization,
                Some("LOC") => EntityKind::Location,
                _ => {
                    let nationality = may_be_listed(context, first, end)
                        && any_entry(words, first, end, |e| {
                            matches!(e.target, Target::Nationality(_))
                        });
                    if nationality {
                        EntityKind::Nationality
                    } else {
                        EntityKind::Misc
                    }
                }
            };
            Mention {
                first,
                end,
                kind,
                user: None,
            }
        })
        .collect()
}

/// Lays the user's names over the tagger's mentions: each user match (leftmost, longest)
/// replaces every mention it overlaps.
pub(crate) fn apply_user_gazetteer(
    words: &Words<'_>,
    user: &UserGazetteer,
    mentions: &mut Vec<Mention>,
) {
    let mut matches = Vec::new();
    let mut start = 0;
    while start < words.len() {
        let mut longest: Option<(usize, Target)> = None;
        user.lexicon.find_at(words, start, |end, entry| {
            // Longer matches come later; among equal ones the first listed row wins.
            if longest.map_or(true, |(e, _)| end > e) {
                longest = Some((end, entry.target));
            }
        });
        match longest {
            Some((end, target)) => {
                if let Some(entry) = user.entry(target) {
                    matches.push(Mention {
                        first: start,
                        end,
                        kind: entry.kind,
                        user: Some(target),
                    });
                }
                start = end;
            }
            None => start += 1,
        }
    }
    if matches.is_empty() {
        return;
    }
    let mut taken = vec![false; words.len()];
    for u in &matches {
        for slot in taken.iter_mut().take(u.end).skip(u.first) {
            *slot = true;
        }
    }
    mentions.retain(|m| {
        !taken
            .get(m.first..m.end)
            .is_some_and(|t| t.iter().any(|&x| x))
    });
    mentions.extend(matches);
    mentions.sort_by_key(|m| (m.first, m.end));
}

/// Repairs the tagger's spans with the built-in gazetteer: a listed name of two tokens or
/// more that the tagger split into pieces, all inside it ("Tehreek-e-Taliban" + "Pakistan"
/// for "Tehreek-e-Taliban Pakistan", "New York" for "New York Times"), becomes one mention
/// of the listed kind. A name tagged as a place or a person that is a listed organisation and
/// no listed place ("Dawn", "Boeing", "Lockheed Martin") becomes an organisation.
pub(crate) fn repair_with_gazetteer(context: &Context<'_, '_>, mentions: &mut Vec<Mention>) {
    let words = context.words;
    // Which mention covers each token (mentions do not overlap), NONE for none: four bytes
    // a token, filled rather than zeroed.
    const NONE: u32 = u32::MAX;
    let mut cover: Vec<u32> = vec![NONE; words.len()];
    for (m, mention) in mentions.iter().enumerate() {
        for slot in cover.iter_mut().take(mention.end).skip(mention.first) {
            *slot = u32::try_from(m).unwrap_or(NONE);
        }
    }
    let mut replacements: Vec<Mention> = Vec::new();
    let mut dropped = vec![false; mentions.len()];
    // A name can replace only mentions inside it, so it starts where a mention (the last one
    // covering that token) starts: only those tokens are looked at, in text order.
    // Sized once: collected through a filter, it would grow from nothing.
    let mut starts: Vec<usize> = Vec::with_capacity(mentions.len());
    for (m, mention) in mentions.iter().enumerate() {
        if mention.user.is_none() && cover.get(mention.first) == Some(&(m as u32)) {
            starts.push(mention.first);
        }
    }
    starts.sort_unstable();
    starts.dedup();
    // Tokens before `next` belong to a name already made a mention.
    let mut next = 0;
    let mut inside: Vec<usize> = Vec::new();
    for start in starts {
        // The context knows where listed names of several tokens start (it scanned every
        // token with a capital): elsewhere there is nothing to look up.
        if start < next
            || !words.flags(start).has_upper()
            || !context.starts_listed_name(start, true)
        {
            continue;
        }
        let mut longest: Option<(usize, EntityKind)> = None;
        NAMES.find_at_hashed(words, start, context.word_hash(start), |end, entry| {
            let kind = match entry.target {
                Target::Organization(_) => EntityKind::Organization,
                Target::Country(_) | Target::City(_) | Target::Region(_) => EntityKind::Location,
                _ => return,
            };
            if end - start >= 2 && longest.map_or(true, |(e, _)| end > e) {
                longest = Some((end, kind));
            }
        });
        let Some((end, kind)) = longest else {
            continue;
        };
        inside.clear();
        inside.extend(
            cover[start..end]
                .iter()
                .filter(|&&m| m != NONE)
                .map(|&m| m as usize),
        );
        inside.dedup();
        let all_inside = inside.iter().all(|&m| {
            mentions[m].first >= start && mentions[m].end <= end && mentions[m].user.is_none()
        });
        let exact = inside
            .iter()
            .any(|&m| mentions[m].first == start && mentions[m].end == end);
        if all_inside && !exact && !inside.is_empty() {
            for &m in &inside {
                dropped[m] = true;
            }
            replacements.push(Mention {
                first: start,
                end,
                kind,
                user: None,
            });
            next = end;
        }
    }
    if !replacements.is_empty() {
        let mut index = 0;
        mentions.retain(|_| {
            index += 1;
            !dropped[index - 1]
        });
        mentions.extend(replacements);
    }
    for mention in mentions.iter_mut() {
        if !matches!(mention.kind, EntityKind::Location | EntityKind::Person)
            || mention.user.is_some()
            || !may_be_listed(context, mention.first, mention.end)
        {
            continue;
        }
        let (mut place, mut organization) = (false, false);
        NAMES.find_exact(words, mention.first, mention.end, |e| {
            place |= is_place(e);
            organization |= matches!(e.target, Target::Organization(_));
        });
        if organization && !place {
            mention.kind = EntityKind::Organization;
        }
    }
    mentions.sort_by_key(|m| (m.first, m.end));
}

/// Makes each acronym definition's expansion one mention when the tagger found only pieces
/// of it, with the kind of the acronym's mention (or of its first piece).
pub(crate) fn join_expansions(
    definitions: &[super::acronyms::Definition],
    mentions: &mut Vec<Mention>,
) {
    if definitions.is_empty() {
        return;
    }
    let tokens = mentions.iter().map(|m| m.end).max().unwrap_or(0);
    let mut cover: Vec<Option<usize>> = vec![None; tokens];
    for (m, mention) in mentions.iter().enumerate() {
        for slot in cover.iter_mut().take(mention.end).skip(mention.first) {
            *slot = Some(m);
        }
    }
    let mut dropped = vec![false; mentions.len()];
    let mut added = Vec::new();
    for d in definitions {
        let (first, end) = d.expansion;
        let mut pieces: Vec<usize> = cover
            .get(first..end.min(tokens))
            .unwrap_or(&[])
            .iter()
            .flatten()
            .copied()
            .collect();
        pieces.dedup();
        let whole = pieces
            .iter()
            .any(|&m| mentions[m].first == first && mentions[m].end == end);
        if whole
            || pieces.is_empty()
            || pieces.iter().any(|&m| {
                dropped[m]
                    || mentions[m].first < first
                    || mentions[m].end > end
                    || mentions[m].user.is_some()
            })
        {
            continue;
        }
        let kind = cover
            .get(d.acronym)
            .copied()
            .flatten()
            .filter(|&m| mentions[m].first == d.acronym && mentions[m].end == d.acronym + 1)
            .map_or(mentions[pieces[0]].kind, |m| mentions[m].kind);
        for &m in &pieces {
            dropped[m] = true;
        }
        added.push(Mention {
            first,
            end,
            kind,
            user: None,
        });
    }
    if !added.is_empty() {
        let mut index = 0;
        mentions.retain(|_| {
            index += 1;
            !dropped[index - 1]
        });
        mentions.extend(added);
        mentions.sort_by_key(|m| (m.first, m.end));
    }
}

/// Takes titles and honorifics off the front of person mentions ("King Abdullah", "Ms
/// Ångström", "President Joe Biden"): the name is what follows, the title is found again by
/// the title rules.
pub(crate) fn strip_titles(context: &Context<'_, '_>, mentions: &mut [Mention]) {
    let words = context.words;
    for mention in mentions.iter_mut() {
        if mention.kind != EntityKind::Person || mention.user.is_some() {
            continue;
        }
        loop {
            let mut title_end = None;
            TITLES.find_at_hashed(
                words,
                mention.first,
                context.word_hash(mention.first),
                |end, _| title_end = Some(end),
            );
            match title_end {
                Some(end) if end < mention.end => mention.first = end,
                _ => break,
            }
        }
    }
}

/// Makes the place that opens a dateline a place whatever the tagger said: `TBILISI
/// (Reuters) -` names a city, not an organisation.
pub(crate) fn dateline_places(
    words: &Words<'_>,
    dateline: Option<(usize, usize)>,
    mentions: &mut [Mention],
) {
    let Some((start, end)) = dateline else {
        return;
    };
    for mention in mentions.iter_mut() {
        let (m_start, m_end) = mention.span(words);
        if m_start < start
            || m_end > end
            || mention.user.is_some()
            || mention.kind == EntityKind::Location
        {
            continue;
        }
        if any_entry(words, mention.first, mention.end, is_place) {
            mention.kind = EntityKind::Location;
        }
    }
}

/// Splits "Abdullah of Jordan" into the person and the place: a person mention with "of"
/// inside whose tail is a listed place.
pub(crate) fn split_person_of_place(words: &Words<'_>, mentions: &mut Vec<Mention>) {
    let mut added = Vec::new();
    for mention in mentions.iter_mut() {
        if mention.kind != EntityKind::Person || mention.user.is_some() {
            continue;
        }
        let Some(of) =
            (mention.first + 1..mention.end.saturating_sub(1)).find(|&k| words.lower(k) == "of")
        else {
            continue;
        };
        if any_entry(words, of + 1, mention.end, is_place) {
            added.push(Mention {
                first: of + 1,
                end: mention.end,
                kind: EntityKind::Location,
                user: None,
            });
            mention.end = of;
        }
    }
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| (m.first, m.end));
    }
}

/// Adds the listed organisations and countries the tagger passed over ("Boeing said on
/// Monday ..." as a whole text): a name written exactly as listed, capitalised and not in
/// capitals (a wire headline in capitals is the tagger's to read), covered by no mention.
pub(crate) fn add_missed_names(context: &Context<'_, '_>, mentions: &mut Vec<Mention>) {
    let words = context.words;
    let mut covered = vec![false; words.len()];
    for m in mentions.iter() {
        for slot in covered.iter_mut().take(m.end).skip(m.first) {
            *slot = true;
        }
    }
    let mut added = Vec::new();
    // Tokens before `next` belong to a name just added.
    let mut next = 0;
    for start in context.listed_name_starts(false) {
        let flags = words.flags(start);
        if start < next
            || covered.get(start).copied().unwrap_or(true)
            || !flags.first_upper()
            || !flags.has_lower()
        {
            continue;
        }
        let mut longest: Option<(usize, EntityKind)> = None;
        NAMES.find_at_hashed(words, start, context.word_hash(start), |end, entry| {
            let kind = match entry.target {
                Target::Organization(_) => EntityKind::Organization,
                Target::Country(_) => EntityKind::Location,
                _ => return,
            };
            if longest.map_or(true, |(e, _)| end > e) {
                longest = Some((end, kind));
            }
        });
        match longest {
            Some((end, kind)) if !covered[start..end].iter().any(|&c| c) => {
                added.push(Mention {
                    first: start,
                    end,
                    kind,
                    user: None,
                });
                next = end;
            }
            _ => {}
        }
    }
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| (m.first, m.end));
    }
}
