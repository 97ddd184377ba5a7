"""Shared test data and checks: sample texts and the span invariant for every object."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Union

import newsextract

REPO = Path(__file__).resolve().parents[2]
ARTICLES = REPO / "tests" / "articles"

Spanned = Union[
    newsextract.TextSpan,
    newsextract.Dateline,
    newsextract.DatelineDate,
    newsextract.Byline,
    newsextract.Paragraph,
    newsextract.Sentence,
    newsextract.Related,
    newsextract.Boilerplate,
    newsextract.Quote,
    newsextract.Speaker,
    newsextract.TimeExpression,
    newsextract.Quantity,
    newsextract.Acronym,
]

# Written for these tests. Each mixes ASCII with text whose UTF-8 form is longer than its code
# points (curly quotes, accents, emoji outside the BMP, Urdu), so byte and code-point offsets
# differ and a mix-up shows.
WIRE_STORY = (
    "Karachi’s “water crisis” deepens as tankers queue 😟\n"
    "\n"
    "KARACHI: (Web Desk) Sindh’s chief minister said on Monday that “the city will get more "
    "water by June,” adding that 1,200 tankers were deployed.\n"
    "\n"
    "Café owner Zoë Lefèvre told reporters: “We can’t open without water.” She said 40 "
    "percent of shops in Saddar were shut.\n"
    "\n"
    "کراچی میں پانی کی قلت ہے۔ شہری پریشان ہیں۔\n"
)

REUTERS_STYLE = (
    "Müller’s firm expands in São Paulo\n"
    "By Renée Dubois, Reuters\n"
    "SÃO PAULO, May 3 (Reuters) - German engineering group Müller AG said on Tuesday it would "
    "hire about 300 people in Brazil. “Growth is here,” chief executive Jürgen Weiß said.\n"
    "Also read: Brazil’s economy grows 2.9% 🇧🇷\n"
)

SAMPLES = {
    "wire_story": WIRE_STORY,
    "reuters_style": REUTERS_STYLE,
    "one_line": "PARIS — Rain fell on “Monday”, said Élodie. ☔",
    "urdu_only": "اسلام آباد: وزیر اعظم نے پیر کو کہا کہ “معیشت بہتر ہو رہی ہے”۔",
    "crlf_lines": "Headline with é\r\n\r\nLONDON (Reuters) - Body “text” here.\r\nMore text.\r\n",
    "combining_marks": (
        "Cafe\u0301 owners in Zo\u0308e\u0308’s street said so.\n\nNext 👩‍👩‍👧 family."
    ),
    "empty": "",
    "blank_lines": "\n\n  \n",
}


def spanned_objects(article: newsextract.Article) -> Iterator[tuple[str, Spanned]]:
    """Every object of the article that has start/end, with a path naming it."""
    if article.headline is not None:
        yield "headline", article.headline
    if article.dateline is not None:
        yield "dateline", article.dateline
        if article.dateline.date is not None:
            yield "dateline.date", article.dateline.date
    if article.byline is not None:
        yield "byline", article.byline
    for i, paragraph in enumerate(article.paragraphs):
        yield f"paragraphs[{i}]", paragraph
        for j, sentence in enumerate(paragraph.sentences):
            yield f"paragraphs[{i}].sentences[{j}]", sentence
    for i, related in enumerate(article.related):
        yield f"related[{i}]", related
    for i, boilerplate in enumerate(article.boilerplate):
        yield f"boilerplate[{i}]", boilerplate
    for i, entity in enumerate(article.entities):
        for j, mention in enumerate(entity.mentions):
            yield f"entities[{i}].mentions[{j}]", mention
    for i, quote in enumerate(article.quotes):
        yield f"quotes[{i}]", quote
        if quote.speaker is not None:
            yield f"quotes[{i}].speaker", quote.speaker
        if quote.cue is not None:
            yield f"quotes[{i}].cue", quote.cue
    for i, time in enumerate(article.times):
        yield f"times[{i}]", time
    for i, quantity in enumerate(article.quantities):
        yield f"quantities[{i}]", quantity
    for i, acronym in enumerate(article.acronyms):
        yield f"acronyms[{i}]", acronym


def check_spans(article: newsextract.Article, text: str) -> int:
    """Asserts the span invariant on every object; returns how many objects it checked."""
    encoded = text.encode("utf-8")
    count = 0
    for path, item in spanned_objects(article):
        assert 0 <= item.start <= item.end <= len(text), (path, item)
        piece = text[item.start : item.end]
        assert encoded[item.byte_start : item.byte_end].decode("utf-8") == piece, (path, item)
        assert len(text[: item.start].encode("utf-8")) == item.byte_start, (path, item)
        expected = getattr(item, "text", None)
        if expected is not None:
            assert piece == expected, (path, item, piece)
        count += 1
    return count


def to_contract(view: Any) -> Any:
    """The contract form of a to_dict() result: byte offsets in start/end, no byte_* keys."""
    if isinstance(view, list):
        return [to_contract(item) for item in view]
    if isinstance(view, dict):
        out = {key: to_contract(value) for key, value in view.items()}
        if "byte_start" in out:
            out["start"] = out.pop("byte_start")
            out["end"] = out.pop("byte_end")
        return out
    return view


def byte_span(text: str, piece: str, occurrence: int = 0) -> tuple[int, int]:
    """The byte offsets of the `occurrence`-th `piece` in `text`."""
    index = -1
    for _ in range(occurrence + 1):
        index = text.index(piece, index + 1)
    start = len(text[:index].encode("utf-8"))
    return start, start + len(piece.encode("utf-8"))


def text_span(text: str, piece: str, occurrence: int = 0) -> dict[str, Any]:
    """A contract `{text, start, end}` for `piece` in `text`."""
    start, end = byte_span(text, piece, occurrence)
    return {"text": piece, "start": start, "end": end}


# A text with every kind of object, and its contract JSON built by hand: it exercises the
# classes the later passes fill (entities, quotes, times, quantities, acronyms) whatever the
# core finds today.
FULL_TEXT = (
    "Pakistan, US share “an interest” 🤝\n"
    "By Zoë Khan\n"
    "ISLAMABAD, May 9 (APP): US State Department Spokesperson Matthew Miller said on Monday "
    "that the Tehreek-e-Taliban Pakistan (TTP) killed at least 103 people. “We stand with "
    "Pakistan,” Miller told reporters. اسلام آباد میں\n"
    "Also read: Café talks resume\n"
    "Follow us on Twitter\n"
)


def full_contract() -> dict[str, Any]:
    """The hand-made contract JSON of FULL_TEXT, as a dict."""
    text = FULL_TEXT
    headline = text_span(text, "Pakistan, US share “an interest” 🤝")
    byline = text_span(text, "By Zoë Khan")
    dateline = text_span(text, "ISLAMABAD, May 9 (APP)")
    date = text_span(text, "May 9")
    body_start, _ = byte_span(text, "US State Department")
    _, body_end = byte_span(text, "اسلام آباد میں")
    _, first_end = byte_span(text, "103 people.")
    second_start, second_end = byte_span(text, "“We stand with Pakistan,” Miller told reporters.")
    related = text_span(text, "Also read: Café talks resume")
    follow = text_span(text, "Follow us on Twitter")
    return {
        "schema_version": 1,
        "headline": headline,
        "dateline": {
            **dateline,
            "location": "Islamabad",
            "region": None,
            "country": "PK",
            "source": "APP",
            "date": {**date, "value": "2023-05-09", "anchored": True},
        },
        "byline": {**byline, "authors": ["Zoë Khan"]},
        "paragraphs": [
            {
                "start": body_start,
                "end": body_end,
                "sentences": [
                    {"start": body_start, "end": first_end},
                    {"start": second_start, "end": second_end},
                ],
            }
        ],
        "related": [{**related, "title": "Café talks resume", "kind": "also_read"}],
        "boilerplate": [{**follow, "kind": "social"}],
        "entities": [
            {
                "id": 1,
                "kind": "person",
                "name": "Matthew Miller",
                "mentions": [
                    text_span(text, "Matthew Miller"),
                    text_span(text, "Miller", 1),
                ],
                "titles": ["US State Department Spokesperson"],
                "acronym": None,
                "country": None,
                "geo": None,
            },
            {
                "id": 2,
                "kind": "location",
                "name": "Islamabad",
                "mentions": [text_span(text, "اسلام آباد")],
                "titles": [],
                "acronym": None,
                "country": "PK",
                "geo": {"lat": 33.72148, "lon": 73.04329, "geonames_id": 1176615},
            },
        ],
        "quotes": [
            {
                **text_span(text, "We stand with Pakistan,"),
                "kind": "direct",
                "speaker": {"name": "Matthew Miller", "entity": 1, **text_span(text, "Miller", 1)},
                "cue": text_span(text, "told reporters"),
            }
        ],
        "times": [
            {
                **text_span(text, "on Monday"),
                "kind": "date",
                "value": "2023-05-08",
                "anchored": True,
            }
        ],
        "quantities": [
            {
                **text_span(text, "at least 103 people"),
                "value": 103.0,
                "noun": "people",
                "qualifier": "at_least",
                "unit": None,
            }
        ],
        "acronyms": [
            {
                "acronym": "TTP",
                "expansion": "Tehreek-e-Taliban Pakistan",
                **text_span(text, "Tehreek-e-Taliban Pakistan (TTP)"),
            }
        ],
    }


def full_article() -> newsextract.Article:
    """FULL_TEXT's hand-made article, read through Article.from_json."""
    return newsextract.Article.from_json(json.dumps(full_contract()), FULL_TEXT)
