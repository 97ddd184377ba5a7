//! Embedded lists (countries, places, organisations, nationalities, titles), built lazily
//! once per process, and user gazetteers built once per extractor.
//!
//! Names are matched over tokens by [`lexicon::Lexicon`]; [`NAMES`] holds every built-in
//! name of a place, organisation or nationality, [`TITLES`] the titles and roles.

pub(crate) mod lexicon;
pub(crate) mod news_places;
pub(crate) mod places;
pub(crate) mod tables;
pub(crate) mod user;

use once_cell::sync::Lazy;

use lexicon::{Lexicon, LexiconBuilder, Target};
use tables::{aliases, RegionKind, TABLES};

/// Every built-in name of a country, city, region, organisation or nationality.
pub(crate) static NAMES: Lazy<Lexicon> = Lazy::new(|| {
    let t = &*TABLES;
    let mut b = LexiconBuilder::new();
    for (i, c) in t.countries.iter().enumerate() {
        let target = Target::Country(index(i));
        b.insert(c.name, target);
        for alias in aliases(c.aliases) {
            b.insert(alias, target);
        }
    }
    for (i, r) in t.regions.iter().enumerate() {
        let target = Target::Region(index(i));
        b.insert(r.name, target);
        for alias in aliases(r.aliases) {
            b.insert(alias, target);
        }
    }
    for (i, c) in t.cities.iter().enumerate() {
        let target = Target::City(index(i));
        b.insert(c.name, target);
        for alias in aliases(c.aliases) {
            b.insert(alias, target);
        }
    }
    for (i, o) in t.organizations.iter().enumerate() {
        let target = Target::Organization(index(i));
        b.insert(o.name, target);
        if let Some(acronym) = o.acronym {
            b.insert(acronym, target);
        }
        for alias in aliases(o.aliases) {
            b.insert(alias, target);
        }
    }
    for (i, n) in t.nationalities.iter().enumerate() {
        b.insert(n.word, Target::Nationality(index(i)));
    }
    b.build()
});

/// Titles and roles, matched in any case ("Defense Minister", "defence minister").
pub(crate) static TITLES: Lazy<Lexicon> = Lazy::new(|| {
    let mut b = LexiconBuilder::case_insensitive();
    for (i, t) in TABLES.titles.iter().enumerate() {
        b.insert(t.title, Target::Title(index(i)));
    }
    b.build()
});

fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// The classes of gazetteer names the tagger sees as features.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Category {
    /// A country name or alias.
    Country = 0,
    /// A nationality or people word.
    Nationality,
    /// A city of a million people or more.
    CityBig,
    /// A city of 100,000 to a million.
    CityMid,
    /// A town under 100,000.
    CitySmall,
    /// A state or province.
    Admin1,
    /// A region or continent.
    Region,
    /// An international body.
    OrgInternational,
    /// A government body.
    OrgGovernment,
    /// A news agency or outlet.
    OrgMedia,
    /// A political party.
    OrgParty,
    /// A militant group.
    OrgMilitant,
    /// A company.
    OrgCompany,
}

/// Number of [`Category`] values.
pub(crate) const CATEGORY_COUNT: usize = 13;

impl Category {
    /// The feature class of a built-in gazetteer target.
    pub(crate) fn of(target: Target) -> Option<Category> {
        let t = &*TABLES;
        Some(match target {
            Target::Country(_) => Category::Country,
            Target::Nationality(_) => Category::Nationality,
            Target::City(i) => match t.cities.get(i as usize)?.population {
                p if p >= 1_000_000 => Category::CityBig,
                p if p >= 100_000 => Category::CityMid,
                _ => Category::CitySmall,
            },
            Target::Region(i) => match t.regions.get(i as usize)?.kind {
                RegionKind::Admin1 => Category::Admin1,
                _ => Category::Region,
            },
            Target::Organization(i) => match t.organizations.get(i as usize)?.kind {
                "international" => Category::OrgInternational,
                "government" => Category::OrgGovernment,
                "media" => Category::OrgMedia,
                "militant" => Category::OrgMilitant,
                "company" => Category::OrgCompany,
                _ => Category::OrgParty,
            },
            Target::Title(_) | Target::User(_) => return None,
        })
    }
}
