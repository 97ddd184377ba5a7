//! Places of the built-in gazetteer: countries, first-level divisions, regions, continents
//! and GeoNames cities, with what a bare mention of a name most likely means.

use super::lexicon::Target;
use super::tables::{GeoPoint, RegionKind, TABLES};
use super::NAMES;

/// What kind of place a gazetteer row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlaceKind {
    /// A country.
    Country,
    /// A state, province or constituent country.
    Admin1,
    /// A named area (Middle East, Kashmir).
    Region,
    /// A continent.
    Continent,
    /// A city or town.
    City,
}

/// One place a name may stand for.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Place {
    /// Where the place is in the tables.
    pub(crate) target: Target,
    /// Its canonical name ("Islamabad", "United States").
    pub(crate) name: &'static str,
    /// What kind of place it is.
    pub(crate) kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code of its country (itself for a country).
    pub(crate) country: Option<&'static str>,
    /// Coordinates and GeoNames id, when known.
    pub(crate) geo: Option<GeoPoint>,
    /// Population of a city (0 for other places).
    pub(crate) population: u32,
}

impl Place {
    /// The place a gazetteer target stands for, when it is a place.
    pub(crate) fn of(target: Target) -> Option<Place> {
        let t = &*TABLES;
        match target {
            Target::Country(i) => {
                let c = t.countries.get(i as usize)?;
                Some(Place {
                    target,
                    name: c.name,
                    kind: PlaceKind::Country,
                    country: Some(c.iso2),
                    geo: c.geo,
                    population: 0,
                })
            }
            Target::City(i) => {
                let c = t.cities.get(i as usize)?;
                Some(Place {
                    target,
                    name: c.name,
                    kind: PlaceKind::City,
                    country: Some(c.country),
                    geo: Some(c.geo),
                    population: c.population,
                })
            }
            Target::Region(i) => {
                let r = t.regions.get(i as usize)?;
                Some(Place {
                    target,
                    name: r.name,
                    kind: match r.kind {
                        RegionKind::Admin1 => PlaceKind::Admin1,
                        RegionKind::Region => PlaceKind::Region,
                        RegionKind::Continent => PlaceKind::Continent,
                    },
                    country: r.country,
                    geo: r.geo,
                    population: 0,
                })
            }
            _ => None,
        }
    }

    /// How likely a bare mention of the name means this place, before any context: countries
    /// first, then continents and regions, then big cities, states and provinces, then
    /// smaller towns by population. Washington is the city of 690,000 before the state.
    pub(crate) fn prior(&self) -> f32 {
        match self.kind {
            PlaceKind::Country => 10.0,
            PlaceKind::Continent => 9.5,
            PlaceKind::Region => 9.0,
            PlaceKind::Admin1 => 5.7,
            // 15,000 -> 3.4, 100,000 -> 5.0, 1,000,000 -> 7.0, 10,000,000 -> 9.0
            PlaceKind::City => 2.0 * (self.population.max(1) as f32).log10() - 5.0,
        }
    }
}

/// The places called `name` in any casing ("ISLAMABAD", "Islamabad"), most likely first.
pub(crate) fn lookup(name: &str) -> Vec<Place> {
    let entries = NAMES.lookup(name);
    let mut places: Vec<Place> = entries.iter().filter_map(|e| Place::of(e.target)).collect();
    // Stable: equal priors keep the tables' order, so the answer is deterministic.
    places.sort_by(|a, b| b.prior().total_cmp(&a.prior()));
    places
}

/// The ISO 3166-1 alpha-2 code of the country a bare mention of the place `name` means, in any
/// casing: "ISLAMABAD" -> PK, "Georgia" -> GE, "Texas" -> US, "Washington" -> US.
///
/// This reads the full gazetteer (34,000 GeoNames cities, first-level divisions, countries and
/// their aliases); the first call builds it.
pub(crate) fn country_of(name: &str) -> Option<&'static str> {
    lookup(name).into_iter().find_map(|p| p.country)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_mentions() {
        let cases: &[(&str, Option<&str>)] = &[
            ("ISLAMABAD", Some("PK")),
            ("Islamabad", Some("PK")),
            ("Karachi", Some("PK")),
            ("Peshawar", Some("PK")),
            ("Khyber Pakhtunkhwa", Some("PK")),
            ("Georgia", Some("GE")),
            ("Jordan", Some("JO")),
            ("Turkey", Some("TR")),
            ("Türkiye", Some("TR")),
            ("Washington", Some("US")),
            ("Texas", Some("US")),
            ("U.S.", Some("US")),
            ("Britain", Some("GB")),
            ("London", Some("GB")),
            ("Zürich", Some("CH")),
            ("Zurich", Some("CH")),
            ("São Paulo", Some("BR")),
            ("Bombay", Some("IN")),
            ("Kashmir", None),
            ("turkey", None),
            ("Nowhere-on-Earth", None),
            ("", None),
        ];
        for (name, country) in cases {
            assert_eq!(country_of(name), *country, "{name}");
        }
        let washington = lookup("Washington");
        assert_eq!(washington[0].kind, PlaceKind::City);
        assert_eq!(washington[0].geo.unwrap().geonames_id, 4140963);
    }
}
