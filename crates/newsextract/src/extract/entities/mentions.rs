//! Mentions: the tagger's spans, typed, with user-gazetteer names laid over them.

use crate::gazetteer::lexicon::{Entry, Target};
use crate::gazetteer::user::UserGazetteer;
use crate::gazetteer::NAMES;
use crate::model::EntityKind;
use crate::text::tokens::Words;

use super::features::{Tag, TYPES};
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

/// Every built-in gazetteer entry for exactly the mention's tokens.
pub(crate) fn gazetteer_entries(words: &Words<'_>, first: usize, end: usize) -> Vec<Entry> {
    let mut out = Vec::new();
    NAMES.find_exact(words, first, end, |e| out.push(*e));
    out
}

/// The tagger's spans as mentions. MISC spans that are nationality words ("Pakistani",
/// "Afghans") become nationalities; the rest stay miscellaneous.
pub(crate) fn from_tags(words: &Words<'_>, tags: &[Tag]) -> Vec<Mention> {
    spans(tags)
        .into_iter()
        .map(|(first, end, ty)| {
            let kind = match TYPES.get(ty).copied() {
                Some("PER") => EntityKind::Person,
                Some("ORG") => EntityKind::Organization,
                Some("LOC") => EntityKind::Location,
                _ => {
                    let nationality = gazetteer_entries(words, first, end)
                        .iter()
                        .any(|e| matches!(e.target, Target::Nationality(_)));
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
pub(crate) fn apply_user_gazetteer(words: &Words<'_>, user: &UserGazetteer, mentions: &mut Vec<Mention>) {
    let mut matches = Vec::new();
    let mut start = 0;
    while start < words.len() {
        let mut longest: Option<(usize, Target)> = None;
        user.lexicon.find_at(words, start, |end, entry| {
            // Longer matches come later; among equal ones the first listed row wins.
            if longest.is_none_or(|(e, _)| end > e) {
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
    mentions.retain(|m| !matches.iter().any(|u| u.first < m.end && m.first < u.end));
    mentions.extend(matches);
    mentions.sort_by_key(|m| (m.first, m.end));
}
