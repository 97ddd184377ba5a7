"""Arguments: reference dates, text that is not valid Unicode, sizes, threads, and errors."""

from __future__ import annotations

import datetime
import itertools
import re
from typing import Any

import pytest

import newsextract

STORY = "LONDON (Reuters) - Shares rose on Monday.\n\nTraders said so."


def test_error_is_one_value_error_class() -> None:
    assert issubclass(newsextract.NewsExtractError, ValueError)
    assert newsextract.NewsExtractError is newsextract._newsextract.NewsExtractError


@pytest.mark.parametrize(
    "date",
    [
        None,
        "2023-05-09",
        datetime.date(2023, 5, 9),
        datetime.datetime(2023, 5, 9, 23, 59),
        "2024-02-29",
        "0001-01-01",
        "9999-12-31",
    ],
)
def test_accepted_dates(date: Any) -> None:
    newsextract.extract(STORY, date=date)
    newsextract.Extractor(date=date).extract(STORY)
    newsextract.Extractor().extract(STORY, date=date)
    newsextract.Extractor().extract_batch([STORY], [date])


def test_date_object_and_string_mean_the_same() -> None:
    as_string = newsextract.Extractor(date="2023-05-09")
    assert as_string == newsextract.Extractor(date=datetime.date(2023, 5, 9))
    assert as_string.date == "2023-05-09"
    assert newsextract.extract(STORY, date="2023-05-09") == newsextract.extract(
        STORY, date=datetime.date(2023, 5, 9)
    )


BAD_DATES = [
    "2023-13-01",
    "2023-02-29",
    "2023-5-9",
    "09/05/2023",
    "20230509",
    "",
    "2023-05-09T10:00",
    "２０２３-05-09",
    "yesterday",
]


@pytest.mark.parametrize("bad", BAD_DATES)
def test_malformed_date_names_the_value(bad: str) -> None:
    pattern = re.escape(f'invalid date "{bad}"')
    with pytest.raises(newsextract.NewsExtractError, match=pattern):
        newsextract.extract(STORY, date=bad)
    with pytest.raises(newsextract.NewsExtractError, match=pattern):
        newsextract.Extractor(date=bad)
    with pytest.raises(newsextract.NewsExtractError, match=pattern):
        newsextract.Extractor().extract(STORY, date=bad)
    with pytest.raises(newsextract.NewsExtractError, match=r"dates\[1\]: " + pattern):
        newsextract.Extractor().extract_batch([STORY, STORY], ["2023-05-09", bad])


def test_date_with_a_lone_surrogate_is_a_malformed_date() -> None:
    with pytest.raises(newsextract.NewsExtractError, match=r"invalid date '2023-05-0\\ud800'"):
        newsextract.extract(STORY, date="2023-05-0\ud800")


@pytest.mark.parametrize("bad", [20230509, 2023.5, b"2023-05-09", ["2023-05-09"]])
def test_date_of_another_type_is_a_type_error(bad: Any) -> None:
    with pytest.raises(TypeError, match="date must be"):
        newsextract.extract(STORY, date=bad)


def test_lone_surrogate_in_text_names_its_position() -> None:
    text = "Café “news”\ud83d and more"
    position = text.index("\ud83d")
    message = f"text contains a lone surrogate U+D83D at position {position}"
    with pytest.raises(newsextract.NewsExtractError, match=re.escape(message)):
        newsextract.extract(text)
    with pytest.raises(newsextract.NewsExtractError, match=re.escape(message)):
        newsextract.Extractor().extract(text)
    with pytest.raises(
        newsextract.NewsExtractError,
        match=re.escape(f"texts[2] contains a lone surrogate U+D83D at position {position}"),
    ):
        newsextract.Extractor().extract_batch([STORY, STORY, text])


def test_surrogate_pair_written_as_one_character_is_fine() -> None:
    text = "Emoji \U0001f600 here."
    article = newsextract.extract(text)
    assert newsextract.Article.from_json(article.to_json(), text) == article


@pytest.mark.parametrize("bad", [None, b"bytes", 42])
def test_text_of_another_type_is_a_type_error(bad: Any) -> None:
    with pytest.raises(TypeError, match="text must be str"):
        newsextract.extract(bad)


def test_batch_arguments_of_the_wrong_shape() -> None:
    extractor = newsextract.Extractor()
    with pytest.raises(TypeError, match="not a single str"):
        extractor.extract_batch(STORY)
    with pytest.raises(TypeError, match=re.escape("texts[1] must be str, not int")):
        extractor.extract_batch([STORY, 7])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="not a single str"):
        extractor.extract_batch([STORY], "2023-05-09")
    with pytest.raises(newsextract.NewsExtractError, match="dates has 1 items but texts has 2"):
        extractor.extract_batch([STORY, STORY], ["2023-05-09"])
    with pytest.raises(
        newsextract.NewsExtractError, match=r"dates has more items than texts \(2\)"
    ):
        extractor.extract_batch([STORY, STORY], [None, None, None])
    with pytest.raises(newsextract.NewsExtractError, match="more items than texts"):
        extractor.extract_batch([STORY], itertools.repeat("2023-05-09"))


def test_max_bytes_counts_utf8_bytes() -> None:
    extractor = newsextract.Extractor(max_bytes=4)
    extractor.extract("éé")  # 4 bytes: at the limit
    with pytest.raises(
        newsextract.NewsExtractError, match="input of 6 bytes exceeds the maximum of 4 bytes"
    ):
        extractor.extract("ééé")  # 3 code points, 6 bytes
    with pytest.raises(newsextract.NewsExtractError, match=re.escape("texts[1]: input of 6 bytes")):
        extractor.extract_batch(["abcd", "ééé", "x"])
    assert len(extractor.extract_batch(["abcd", "éé"])) == 2


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"threads": 0}, "threads must be at least 1"),
        ({"threads": -2}, "threads must be at least 1"),
        ({"max_bytes": -1}, "max_bytes must be at least 0"),
    ],
)
def test_bad_counts(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(newsextract.NewsExtractError, match=message):
        newsextract.Extractor(**kwargs)


def test_extractor_arguments_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        newsextract.Extractor("2023-05-09")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        newsextract.extract(STORY, "2023-05-09")  # type: ignore[call-arg]


def test_extractor_repr_evaluates_to_an_equal_extractor() -> None:
    extractor = newsextract.Extractor(date="2023-05-09", entities=False, threads=2, max_bytes=100)
    assert repr(extractor) == (
        "Extractor(date='2023-05-09', entities=False, quotes=True, times=True, "
        "quantities=True, threads=2, max_bytes=100)"
    )
    assert eval(repr(extractor), {"Extractor": newsextract.Extractor}) == extractor


def test_switched_off_passes_give_empty_lists() -> None:
    extractor = newsextract.Extractor(entities=False, quotes=False, times=False, quantities=False)
    article = extractor.extract(STORY)
    assert (
        article.entities,
        article.quotes,
        article.times,
        article.quantities,
        article.acronyms,
    ) == (
        [],
        [],
        [],
        [],
        [],
    )


def test_a_panic_becomes_news_extract_error_and_python_goes_on() -> None:
    with pytest.raises(newsextract.NewsExtractError, match="internal error in newsextract"):
        newsextract._newsextract._panic_for_tests()
    assert newsextract.extract(STORY) == newsextract.extract(STORY)


def test_module_metadata() -> None:
    assert newsextract.SCHEMA_VERSION == 1
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", newsextract.__version__)
    native_public = {name for name in newsextract._newsextract.__all__ if not name.startswith("_")}
    assert set(newsextract.__all__) == native_public | {"__version__"}
    assert all(hasattr(newsextract, name) for name in newsextract.__all__)
