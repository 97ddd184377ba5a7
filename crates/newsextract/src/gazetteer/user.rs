//! User gazetteers: names the caller adds, with their kind, canonical name and attributes.
//!
//! The format is UTF-8 TSV, one name per row; blank lines and lines starting with `#` are
//! skipped:
//!
//! ```text
//! # name            kind          canonical name                attributes (optional)
//! TTP               organization  Tehreek-e-Taliban Pakistan    acronym=TTP  country=PK
//! Imran Khan        person
//! Gwadar            location      Gwadar                        country=PK  lat=25.12  lon=62.32  geonames_id=1177446
//! Baloch            nationality                                 country=PK
//! ```
//!
//! `kind` is one of `person`, `organization`, `location`, `nationality`, `misc`. The canonical
//! name may be empty (the name itself is used). Attributes are `key=value` fields: `country`
//! (ISO 3166-1 alpha-2, upper case), `acronym`, and `lat`, `lon`, `geonames_id` (all three or
//! none). Names match like built-in ones: as written or in capitals. Where a user name and the
//! tagger disagree, the user name wins; when two rows list the same name, the first wins.

use crate::error::Error;
use crate::model::{EntityKind, Geo};

use super::lexicon::{Lexicon, LexiconBuilder, Target, MAX_NAME_TOKENS};

/// One row of a user gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct UserEntry {
    /// The kind of entity the name is.
    pub(crate) kind: EntityKind,
    /// The canonical name ("Tehreek-e-Taliban Pakistan").
    pub(crate) canonical: String,
    /// ISO 3166-1 alpha-2 code.
    pub(crate) country: Option<String>,
    /// The acronym the entity goes by.
    pub(crate) acronym: Option<String>,
    /// Coordinates and GeoNames id.
    pub(crate) geo: Option<Geo>,
}

/// The user's names, ready to match.
#[derive(Debug)]
pub(crate) struct UserGazetteer {
    /// The names, whose targets are `Target::User(index into entries)`.
    pub(crate) lexicon: Lexicon,
    /// The rows.
    pub(crate) entries: Vec<UserEntry>,
}

impl UserGazetteer {
    /// Parses every source, in order; the first malformed row is the error.
    pub(crate) fn parse(sources: &[(String, String)]) -> Result<UserGazetteer, Error> {
        let mut builder = LexiconBuilder::new();
        let mut entries = Vec::new();
        for (source_name, content) in sources {
            parse_source(source_name, content, &mut builder, &mut entries)?;
        }
        Ok(UserGazetteer {
            lexicon: builder.build(),
            entries,
        })
    }

    /// The row a user target stands for.
    pub(crate) fn entry(&self, target: Target) -> Option<&UserEntry> {
        match target {
            Target::User(i) => self.entries.get(i as usize),
            _ => None,
        }
    }
}

fn parse_source(
    source_name: &str,
    content: &str,
    builder: &mut LexiconBuilder,
    entries: &mut Vec<UserEntry>,
) -> Result<(), Error> {
    // A byte-order mark is what some editors put first; it is not part of the first name.
    let content = content.strip_prefix('\u{feff}').unwrap_or(content);
    for (number, line) in content.lines().enumerate() {
        let error = |message: String| Error::Gazetteer {
            source_name: source_name.to_string(),
            line: number + 1,
            message,
        };
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        let name = fields[0];
        if name.is_empty() {
            return Err(error("empty name".into()));
        }
        let Some(kind_field) = fields.get(1) else {
            return Err(error(format!(
                "expected at least 2 tab-separated fields (name, kind), found 1 in {name:?}"
            )));
        };
        let kind = parse_kind(kind_field).ok_or_else(|| {
            error(format!(
                "unknown kind {kind_field:?}: expected person, organization, location, \
                 nationality or misc"
            ))
        })?;
        let canonical = match fields.get(2) {
            Some(c) if !c.is_empty() => c.to_string(),
            _ => name.to_string(),
        };
        let mut entry = UserEntry {
            kind,
            canonical,
            country: None,
            acronym: None,
            geo: None,
        };
        let (mut lat, mut lon, mut geonames_id) = (None, None, None);
        for attribute in fields.iter().skip(3).filter(|f| !f.is_empty()) {
            let Some((key, value)) = attribute.split_once('=') else {
                return Err(error(format!("attribute {attribute:?} is not key=value")));
            };
            let value = value.trim();
            match key.trim() {
                "country" => {
                    if value.len() != 2 || !value.bytes().all(|b| b.is_ascii_uppercase()) {
                        return Err(error(format!(
                            "country {value:?} is not an ISO 3166-1 alpha-2 code such as PK"
                        )));
                    }
                    entry.country = Some(value.to_string());
                }
                "acronym" if !value.is_empty() => entry.acronym = Some(value.to_string()),
                "lat" => {
                    lat = Some(parse_degrees(value, 90.0).ok_or_else(|| {
                        error(format!("lat {value:?} is not a latitude in degrees"))
                    })?)
                }
                "lon" => {
                    lon = Some(parse_degrees(value, 180.0).ok_or_else(|| {
                        error(format!("lon {value:?} is not a longitude in degrees"))
                    })?)
                }
                "geonames_id" => {
                    geonames_id = Some(value.parse::<u64>().map_err(|_| {
                        error(format!("geonames_id {value:?} is not a whole number"))
                    })?)
                }
                other => {
                    return Err(error(format!(
                        "unknown attribute {other:?}: expected country, acronym, lat, lon or \
                         geonames_id"
                    )))
                }
            }
        }
        entry.geo = match (lat, lon, geonames_id) {
            (Some(lat), Some(lon), Some(geonames_id)) => Some(Geo {
                lat,
                lon,
                geonames_id,
            }),
            (None, None, None) => None,
            _ => {
                return Err(error(
                    "lat, lon and geonames_id go together: give all three or none".into(),
                ))
            }
        };
        let target = Target::User(u32::try_from(entries.len()).unwrap_or(u32::MAX));
        if !builder.insert(name, target) {
            return Err(error(format!(
                "name {name:?} has more than {MAX_NAME_TOKENS} words"
            )));
        }
        if let Some(acronym) = entry.acronym.as_deref().filter(|a| *a != name) {
            builder.insert(acronym, target);
        }
        entries.push(entry);
    }
    Ok(())
}

fn parse_kind(field: &str) -> Option<EntityKind> {
    Some(match field.to_ascii_lowercase().as_str() {
        "person" | "per" => EntityKind::Person,
        "organization" | "organisation" | "org" => EntityKind::Organization,
        "location" | "place" | "loc" => EntityKind::Location,
        "nationality" => EntityKind::Nationality,
        "misc" => EntityKind::Misc,
        _ => return None,
    })
}

fn parse_degrees(value: &str, limit: f64) -> Option<f64> {
    let degrees: f64 = value.parse().ok()?;
    (degrees.is_finite() && degrees.abs() <= limit).then_some(degrees)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::Words;

    fn parse(content: &str) -> Result<UserGazetteer, Error> {
        UserGazetteer::parse(&[("names.tsv".to_string(), content.to_string())])
    }

    #[test]
    fn parses_rows_and_matches_names() {
        let g = parse(
            "\u{feff}# people and groups\n\
             Zoë Ångström\tperson\n\
             \n\
             TTP\torganization\tTehreek-e-Taliban Pakistan\tacronym=TTP\tcountry=PK\n\
             Gwadar\tlocation\t\tcountry=PK\tlat=25.12\tlon=62.32\tgeonames_id=1177446\n\
             بلوچ\tnationality\tBaloch\n",
        )
        .unwrap();
        assert_eq!(g.entries.len(), 4);
        assert_eq!(g.entries[0].canonical, "Zoë Ångström");
        assert_eq!(g.entries[1].country.as_deref(), Some("PK"));
        assert_eq!(g.entries[2].canonical, "Gwadar");
        assert_eq!(g.entries[2].geo.unwrap().geonames_id, 1177446);
        let text = "ZOË ÅNGSTRÖM met the TTP near Gwadar; بلوچ";
        let words = Words::new(text);
        let mut found = Vec::new();
        for start in 0..words.len() {
            g.lexicon.find_at(&words, start, |end, e| {
                let span = words.tokens[start].start..words.tokens[end - 1].end;
                found.push((&text[span], g.entry(e.target).unwrap().canonical.clone()));
            });
        }
        let canonical: Vec<(&str, &str)> = found.iter().map(|(a, b)| (*a, b.as_str())).collect();
        assert_eq!(
            canonical,
            [
                ("ZOË ÅNGSTRÖM", "Zoë Ångström"),
                ("TTP", "Tehreek-e-Taliban Pakistan"),
                ("Gwadar", "Gwadar"),
                ("بلوچ", "Baloch"),
            ]
        );
    }

    #[test]
    fn malformed_rows_name_the_source_and_line() {
        let cases: &[(&str, usize, &str)] = &[
            ("Imran Khan\n", 1, "at least 2"),
            ("# c\nImran Khan\tpolitician\n", 2, "unknown kind"),
            ("A\tperson\n\tperson\n", 2, "empty name"),
            ("A\tlocation\t\tcountry=pk\n", 1, "alpha-2"),
            (
                "A\tlocation\t\tlat=95\tlon=1\tgeonames_id=1\n",
                1,
                "latitude",
            ),
            ("A\tlocation\t\tlat=1\n", 1, "all three"),
            ("A\tlocation\t\tcolour=red\n", 1, "unknown attribute"),
            ("A\tlocation\t\tcountry\n", 1, "key=value"),
            ("A b c d e f g h i\tmisc\n", 1, "more than"),
        ];
        for (content, line, message) in cases {
            match parse(content) {
                Err(Error::Gazetteer {
                    source_name,
                    line: got,
                    message: m,
                }) => {
                    assert_eq!(source_name, "names.tsv");
                    assert_eq!(got, *line, "{content:?}");
                    assert!(m.contains(message), "{m} / {content:?}");
                }
                other => panic!("{content:?}: {other:?}"),
            }
        }
    }
}
