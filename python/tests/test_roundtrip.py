"""to_dict(), to_json() and from_json(): the Python view and the contract JSON agree."""

from __future__ import annotations

import json
from typing import Any

import pytest

import newsextract
from support import FULL_TEXT, SAMPLES, full_article, full_contract, to_contract


def test_to_json_is_the_contract_json() -> None:
    article = full_article()
    assert json.loads(article.to_json()) == full_contract()
    # Compact, as the core writes it.
    assert "\n" not in article.to_json() and ": " not in article.to_json()[:40]


def test_to_dict_is_the_contract_with_code_point_offsets() -> None:
    article = full_article()
    view = article.to_dict()
    assert to_contract(view) == json.loads(article.to_json())
    assert view["headline"]["end"] == len("Pakistan, US share “an interest” 🤝")
    assert view["quotes"][0]["speaker"]["start"] == FULL_TEXT.index("Miller told")


def test_to_dict_keys_are_the_attributes() -> None:
    def check(obj: Any, view: dict[str, Any], path: str) -> None:
        for key, value in view.items():
            attribute = getattr(obj, key)
            if isinstance(value, dict):
                check(attribute, value, f"{path}.{key}")
            elif isinstance(value, list) and value and isinstance(value[0], dict):
                assert len(attribute) == len(value), f"{path}.{key}"
                for i, (item, item_view) in enumerate(zip(attribute, value)):
                    check(item, item_view, f"{path}.{key}[{i}]")
            else:
                assert attribute == value, f"{path}.{key}"
        assert obj.to_dict() == view, path

    article = full_article()
    check(article, article.to_dict(), "article")


def test_every_contract_field_is_in_to_dict() -> None:
    # A field added to the core's model but not to the binding shows here.
    def keys(value: Any, path: str = "") -> set[str]:
        found: set[str] = set()
        if isinstance(value, dict):
            for key, item in value.items():
                found.add(f"{path}.{key}")
                found |= keys(item, f"{path}.{key}")
        elif isinstance(value, list):
            for item in value:
                found |= keys(item, f"{path}[]")
        return found

    article = full_article()
    contract_keys = keys(json.loads(article.to_json()))
    view_keys = keys(article.to_dict())
    assert contract_keys <= view_keys
    extra = {key.rsplit(".", 1)[1] for key in view_keys - contract_keys}
    assert extra == {"byte_start", "byte_end"}


def test_child_to_json_is_its_contract_json() -> None:
    article = full_article()
    contract = full_contract()
    assert json.loads(article.quotes[0].to_json()) == contract["quotes"][0]
    assert json.loads(article.entities[1].to_json()) == contract["entities"][1]
    dateline = article.dateline
    assert dateline is not None and dateline.date is not None
    assert json.loads(dateline.date.to_json()) == contract["dateline"]["date"]
    assert (
        json.loads(article.paragraphs[0].sentences[1].to_json())
        == (contract["paragraphs"][0]["sentences"][1])
    )


def test_from_json_reads_back_what_extract_wrote() -> None:
    for text in SAMPLES.values():
        article = newsextract.extract(text)
        again = newsextract.Article.from_json(article.to_json(), text)
        assert again == article
        assert again.to_dict() == article.to_dict()


def test_kinds_are_contract_strings() -> None:
    article = full_article()
    assert article.entities[0].kind == "person"
    assert article.quotes[0].kind == "direct"
    assert article.times[0].kind == "date"
    assert article.quantities[0].qualifier == "at_least"
    assert article.related[0].kind == "also_read"
    assert article.boilerplate[0].kind == "social"


def test_from_json_rejects_json_of_another_text() -> None:
    contract = json.dumps(full_contract())
    with pytest.raises(newsextract.NewsExtractError, match="reads"):
        newsextract.Article.from_json(contract, "X" + FULL_TEXT[1:])
    with pytest.raises(newsextract.NewsExtractError, match="does not fit"):
        newsextract.Article.from_json(contract, FULL_TEXT[:20])


def test_from_json_rejects_a_span_inside_a_character() -> None:
    contract = full_contract()
    start, _ = contract["headline"]["start"], contract["headline"]["end"]
    # Byte 1 of "“" (3 bytes) is inside the character.
    quote_mark = FULL_TEXT.index("“")
    inside = len(FULL_TEXT[:quote_mark].encode("utf-8")) + 1
    contract["headline"] = {"text": "x", "start": start, "end": inside}
    with pytest.raises(newsextract.NewsExtractError, match="does not fit"):
        newsextract.Article.from_json(json.dumps(contract), FULL_TEXT)


@pytest.mark.parametrize(
    ("json_text", "message"),
    [
        ("{", "not a newsextract article JSON"),
        ("[]", "not a newsextract article JSON"),
        ('{"schema_version": 1}', "not a newsextract article JSON"),
    ],
)
def test_from_json_rejects_malformed_json(json_text: str, message: str) -> None:
    with pytest.raises(newsextract.NewsExtractError, match=message):
        newsextract.Article.from_json(json_text, "text")


def test_from_json_rejects_another_schema_version() -> None:
    contract = full_contract()
    contract["schema_version"] = 2
    with pytest.raises(newsextract.NewsExtractError, match="schema_version 2"):
        newsextract.Article.from_json(json.dumps(contract), FULL_TEXT)


def test_repr_shows_fields_in_code_points() -> None:
    article = full_article()
    quote = article.quotes[0]
    start = FULL_TEXT.index("We stand")
    assert repr(quote) == (
        f"Quote(text='We stand with Pakistan,', start={start}, end={start + 23}, "
        f"kind='direct', speaker={quote.speaker!r}, cue={quote.cue!r})"
    )
    assert repr(article.entities[1].geo) == "Geo(lat=33.72148, lon=73.04329, geonames_id=1176615)"
    assert repr(article).startswith("Article(headline='Pakistan, US share “an interest” 🤝', ")
    assert "entities=2, quotes=1, times=1, quantities=1, acronyms=1)" in repr(article)


def test_results_are_frozen_comparable_and_unhashable() -> None:
    article = full_article()
    with pytest.raises(AttributeError):
        article.headline = None  # type: ignore[misc]
    with pytest.raises(AttributeError):
        article.quotes[0].start = 0  # type: ignore[misc]
    assert article == full_article()
    assert article.quotes[0] == full_article().quotes[0]
    assert article.quotes[0] != article.headline
    assert article != "article"
    with pytest.raises(TypeError):
        hash(article)
    with pytest.raises(TypeError):
        hash(article.quotes[0])


def test_results_cannot_be_made_directly() -> None:
    with pytest.raises(TypeError):
        newsextract.Article()
    with pytest.raises(TypeError):
        newsextract.Quote()


def test_headline_and_mention_are_text_spans() -> None:
    assert newsextract.Headline is newsextract.TextSpan
    assert newsextract.Mention is newsextract.TextSpan
    article = full_article()
    assert isinstance(article.headline, newsextract.Headline)
    assert isinstance(article.entities[0].mentions[0], newsextract.Mention)
