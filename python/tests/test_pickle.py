"""Pickling: an Extractor travels by its configuration, results by their data."""

from __future__ import annotations

import copy
import pickle
from typing import Any

import pytest

import newsextract
from support import FULL_TEXT, SAMPLES, check_spans, full_article

PROTOCOLS = range(2, pickle.HIGHEST_PROTOCOL + 1)


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_extractor_pickles_by_configuration(protocol: int) -> None:
    extractor = newsextract.Extractor(
        date="2023-05-09", quotes=False, quantities=False, threads=3, max_bytes=10_000
    )
    again = pickle.loads(pickle.dumps(extractor, protocol=protocol))
    assert again == extractor and hash(again) == hash(extractor)
    assert repr(again) == repr(extractor)
    assert (again.date, again.quotes, again.quantities, again.threads, again.max_bytes) == (
        "2023-05-09",
        False,
        False,
        3,
        10_000,
    )
    text = SAMPLES["wire_story"]
    assert again.extract(text) == extractor.extract(text)


def test_default_extractor_keeps_one_thread_per_core_after_pickling() -> None:
    # threads=None must stay None, so a worker uses its own cores, not the sender's count.
    again = pickle.loads(pickle.dumps(newsextract.Extractor()))
    assert again.threads is None
    assert again == newsextract.Extractor()


def test_extractors_with_other_settings_differ() -> None:
    assert newsextract.Extractor(times=False) != newsextract.Extractor()
    assert newsextract.Extractor(date="2023-05-09") != newsextract.Extractor(date="2023-05-10")


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_article_pickles_with_both_offset_units(protocol: int) -> None:
    article = full_article()
    again = pickle.loads(pickle.dumps(article, protocol=protocol))
    assert again == article
    assert again.to_dict() == article.to_dict()
    assert again.to_json() == article.to_json()
    check_spans(again, FULL_TEXT)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_extracted_article_pickles(name: str) -> None:
    article = newsextract.extract(SAMPLES[name])
    assert pickle.loads(pickle.dumps(article)) == article


def every_result_object(article: newsextract.Article) -> list[Any]:
    dateline = article.dateline
    assert dateline is not None and dateline.date is not None
    entity = article.entities[1]
    quote = article.quotes[0]
    return [
        article.headline,
        dateline,
        dateline.date,
        article.byline,
        article.paragraphs[0],
        article.paragraphs[0].sentences[0],
        article.related[0],
        article.boilerplate[0],
        entity,
        entity.mentions[0],
        entity.geo,
        quote,
        quote.speaker,
        quote.cue,
        article.times[0],
        article.quantities[0],
        article.acronyms[0],
    ]


def test_every_result_class_pickles_and_copies() -> None:
    objects = every_result_object(full_article())
    assert len({type(obj).__name__ for obj in objects}) == 15
    for obj in objects:
        again = pickle.loads(pickle.dumps(obj))
        assert type(again) is type(obj)
        assert again == obj, obj
        assert again.to_dict() == obj.to_dict()
        assert copy.copy(obj) == obj and copy.deepcopy(obj) == obj


def test_damaged_article_pickle_is_an_error() -> None:
    restore, (json_text, offsets) = full_article().__reduce__()
    with pytest.raises(newsextract.NewsExtractError, match="do not match"):
        restore(json_text, offsets[:-1])
    with pytest.raises(newsextract.NewsExtractError, match="cannot unpickle"):
        restore("{", offsets)


def test_unknown_class_in_pickle_is_an_error() -> None:
    with pytest.raises(newsextract.NewsExtractError, match="unknown class"):
        newsextract._newsextract._restore("Nope", "{}", "{}")


def test_article_equality_and_pickling_do_not_depend_on_what_was_read() -> None:
    # An Article makes its code-point copy on the first attribute read; nothing observable
    # may depend on whether that has happened.
    untouched = full_article()
    read = full_article()
    assert read.entities and read.to_dict()
    assert untouched == read and read == untouched
    assert untouched.to_json() == read.to_json()
    for article in (untouched, full_article(), read):
        again = pickle.loads(pickle.dumps(article))
        assert again == read
        check_spans(again, FULL_TEXT)
    fresh = full_article()
    rows = newsextract.to_records([fresh], "entities")
    assert rows == newsextract.to_records([read], "entities")
    assert copy.deepcopy(fresh) == read
