//! Resolving place mentions to one gazetteer entry with what the document says.
//!
//! Each name's candidates start from their prior ([`Place::prior`]: countries, then regions,
//! then big cities and first-level divisions, then towns by population). The document adds
//! evidence: the countries of places named unambiguously elsewhere in it, of its nationality
//! words and of its dateline. "Georgia" in a story that also names Atlanta and the United
//! States is the state; in one that names Tbilisi it is the country. "Hyderabad" next to
//! Karachi is in Pakistan.

use crate::gazetteer::places::{Place, PlaceKind};

/// How much a candidate gains when its country is named elsewhere in the document.
const COUNTRY_NAMED: f32 = 2.5;
/// How much a city or division gains when another city or division of its country is named.
const NEIGHBOUR_NAMED: f32 = 2.0;
/// How much a candidate gains when it lies in the dateline's country.
const DATELINE_COUNTRY: f32 = 1.0;

/// The country every candidate shares, when they share one.
fn sole_country(candidates: &[Place]) -> Option<&'static str> {
    let first = candidates.first()?.country?;
    candidates
        .iter()
        .all(|p| p.country == Some(first))
        .then_some(first)
}

/// Chooses one place per mention. `candidates[m]` are the places mention `m` may be;
/// `countries` are countries the document names otherwise (nationality words);
/// `dateline_country` is the dateline's.
pub(crate) fn resolve(
    candidates: &[&[Place]],
    countries: &[&str],
    dateline_country: Option<&str>,
) -> Vec<Option<Place>> {
    // Sets of countries, as short lists: a document names a few dozen countries at most,
    // and there are no more than the tables hold.
    fn add<'a>(set: &mut Vec<&'a str>, country: &'a str) {
        if !set.contains(&country) {
            set.push(country);
        }
    }
    let mut named: Vec<&str> = Vec::new();
    let mut neighbours: Vec<&str> = Vec::new();
    for list in candidates {
        if let Some(country) = sole_country(list) {
            add(&mut named, country);
            if list
                .iter()
                .all(|p| matches!(p.kind, PlaceKind::City | PlaceKind::Admin1))
            {
                add(&mut neighbours, country);
            }
        }
    }
    for &country in countries {
        add(&mut named, country);
    }
    if let Some(country) = dateline_country {
        add(&mut named, country);
    }
    candidates
        .iter()
        .map(|list| {
            let mut best: Option<(f32, Place)> = None;
            for place in list.iter() {
                let mut score = place.prior();
                if let Some(country) = place.country {
                    if named.contains(&country) {
                        score += COUNTRY_NAMED;
                    }
                    if matches!(place.kind, PlaceKind::City | PlaceKind::Admin1)
                        && neighbours.contains(&country)
                    {
                        score += NEIGHBOUR_NAMED;
                    }
                    if dateline_country == Some(country) {
                        score += DATELINE_COUNTRY;
                    }
                }
                // Ties keep the first candidate, in the tables' order: deterministic.
                if best.map_or(true, |(s, _)| score > s) {
                    best = Some((score, *place));
                }
            }
            best.map(|(_, place)| place)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::places::lookup;

    fn resolve_names(
        names: &[&str],
        countries: &[&str],
        dateline: Option<&str>,
    ) -> Vec<(String, Option<String>)> {
        let candidates: Vec<Vec<Place>> = names.iter().map(|n| lookup(n)).collect();
        let lists: Vec<&[Place]> = candidates.iter().map(Vec::as_slice).collect();
        resolve(&lists, countries, dateline)
            .into_iter()
            .map(|p| match p {
                Some(p) => (format!("{:?}", p.kind), p.country.map(str::to_string)),
                None => ("none".into(), None),
            })
            .collect()
    }

    #[test]
    fn context_decides() {
        let kind_country = |k: &str, c: &str| (k.to_string(), Some(c.to_string()));
        assert_eq!(
            resolve_names(&["Georgia"], &[], None)[0],
            kind_country("Country", "GE")
        );
        assert_eq!(
            resolve_names(&["Georgia", "Atlanta", "United States"], &[], None)[0],
            kind_country("Admin1", "US")
        );
        assert_eq!(
            resolve_names(&["Georgia", "Tbilisi", "United States"], &[], None)[0],
            kind_country("Country", "GE")
        );
        assert_eq!(
            resolve_names(&["Hyderabad"], &[], None)[0],
            kind_country("City", "IN")
        );
        assert_eq!(
            resolve_names(&["Hyderabad", "Karachi"], &[], None)[0],
            kind_country("City", "PK")
        );
        assert_eq!(
            resolve_names(&["Hyderabad"], &["PK"], None)[0],
            kind_country("City", "PK")
        );
        assert_eq!(
            resolve_names(&["Punjab"], &[], Some("PK"))[0],
            kind_country("Admin1", "PK")
        );
        assert_eq!(
            resolve_names(&["Washington"], &[], None)[0],
            kind_country("City", "US")
        );
        assert_eq!(
            resolve_names(&["Jordan"], &[], None)[0],
            kind_country("Country", "JO")
        );
        assert_eq!(
            resolve_names(&["Nowhere"], &[], None)[0],
            ("none".to_string(), None)
        );
    }
}
