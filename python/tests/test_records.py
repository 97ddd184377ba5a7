"""to_records: flat rows for data frames, with the same keys and types in every row."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

import pytest

import newsextract
from support import ARTICLES, FULL_TEXT, SAMPLES, full_article

Table = Literal["articles", "entities", "mentions", "quotes", "times", "quantities", "acronyms"]
TABLES: list[Table] = [
    "articles",
    "entities",
    "mentions",
    "quotes",
    "times",
    "quantities",
    "acronyms",
]

# Hand-made articles (every kind of object, non-ASCII text) first, then what the extractor
# finds in the samples and the golden articles today.
TEXTS = [FULL_TEXT, *SAMPLES.values()] + [
    path.read_text(encoding="utf-8") for path in sorted(ARTICLES.glob("*.txt"))
]


def articles() -> list[newsextract.Article]:
    extracted = newsextract.Extractor(date="2023-05-09").extract_batch(TEXTS[1:])
    return [full_article(), *extracted]


def spans_of(row: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(prefix, text column) for every span in a row: `start` with `text`, `speaker_start`
    with `speaker_text`, `cue_start` with `cue`."""
    for prefix, text_column in [("", "text"), ("speaker_", "speaker_text"), ("cue_", "cue")]:
        if f"{prefix}start" in row:
            yield prefix, text_column


@pytest.mark.parametrize("what", TABLES)
def test_every_row_has_the_columns_in_order_and_one_type_per_column(what: Table) -> None:
    rows = newsextract.to_records(articles(), what)
    columns = newsextract.record_columns(what)
    assert columns[0] == "article_id"
    assert len(set(columns)) == len(columns)
    types: dict[str, set[type]] = {column: set() for column in columns}
    for row in rows:
        assert list(row) == columns
        for column, value in row.items():
            if value is not None:
                types[column].add(type(value))
    for column, seen in types.items():
        assert len(seen) <= 1, (what, column, seen)
    # The hand-made article has an object of every kind, so every table has rows.
    assert rows, what


@pytest.mark.parametrize("what", TABLES)
def test_offsets_are_code_points_and_bytes_into_the_text(what: Table) -> None:
    checked = 0
    for row in newsextract.to_records(articles(), what):
        text = TEXTS[row["article_id"]]
        encoded = text.encode("utf-8")
        for prefix, text_column in spans_of(row):
            start, end = row[f"{prefix}start"], row[f"{prefix}end"]
            if start is None:
                assert row[text_column] is None
                assert row[f"{prefix}byte_start"] is None and row[f"{prefix}byte_end"] is None
                continue
            piece = text[start:end]
            assert piece == row[text_column], (what, prefix, row)
            byte_piece = encoded[row[f"{prefix}byte_start"] : row[f"{prefix}byte_end"]]
            assert byte_piece.decode("utf-8") == piece, (what, prefix, row)
            checked += 1
    if what != "articles":
        assert checked > 0, what


def test_rows_of_the_hand_made_article() -> None:
    article = full_article()
    text = FULL_TEXT

    def span(piece: str, occurrence: int = 0) -> dict[str, int]:
        index = -1
        for _ in range(occurrence + 1):
            index = text.index(piece, index + 1)
        byte_start = len(text[:index].encode("utf-8"))
        return {
            "start": index,
            "end": index + len(piece),
            "byte_start": byte_start,
            "byte_end": byte_start + len(piece.encode("utf-8")),
        }

    [row] = newsextract.to_records([article], "articles", ids=["pk-1"])
    assert row == {
        "article_id": "pk-1",
        "headline": "Pakistan, US share “an interest” 🤝",
        "dateline": "ISLAMABAD, May 9 (APP)",
        "location": "Islamabad",
        "region": None,
        "country": "PK",
        "source": "APP",
        "date": "2023-05-09",
        "date_anchored": True,
        "byline": "By Zoë Khan",
        "authors": ["Zoë Khan"],
        "paragraphs": 1,
        "sentences": 2,
        "related": 1,
        "boilerplate": 1,
        "entities": 2,
        "quotes": 1,
        "times": 1,
        "quantities": 1,
        "acronyms": 1,
    }
    entities = newsextract.to_records([article], "entities")
    assert entities == [
        {
            "article_id": 0,
            "entity_id": 1,
            "kind": "person",
            "name": "Matthew Miller",
            "titles": ["US State Department Spokesperson"],
            "acronym": None,
            "country": None,
            "lat": None,
            "lon": None,
            "geonames_id": None,
            "mentions": 2,
            "text": "Matthew Miller",
            **span("Matthew Miller"),
        },
        {
            "article_id": 0,
            "entity_id": 2,
            "kind": "location",
            "name": "Islamabad",
            "titles": [],
            "acronym": None,
            "country": "PK",
            "lat": 33.72148,
            "lon": 73.04329,
            "geonames_id": 1176615,
            "mentions": 1,
            "text": "اسلام آباد",
            **span("اسلام آباد"),
        },
    ]
    mentions = newsextract.to_records([article], "mentions")
    assert [(m["entity_id"], m["name"], m["text"], m["start"]) for m in mentions] == [
        (1, "Matthew Miller", "Matthew Miller", span("Matthew Miller")["start"]),
        (1, "Matthew Miller", "Miller", span("Miller", 1)["start"]),
        (2, "Islamabad", "اسلام آباد", span("اسلام آباد")["start"]),
    ]
    speaker = {f"speaker_{key}": value for key, value in span("Miller", 1).items()}
    cue = {f"cue_{key}": value for key, value in span("told reporters").items()}
    assert newsextract.to_records([article], "quotes") == [
        {
            "article_id": 0,
            "kind": "direct",
            "text": "We stand with Pakistan,",
            **span("We stand with Pakistan,"),
            "speaker": "Matthew Miller",
            "speaker_entity_id": 1,
            "speaker_text": "Miller",
            **speaker,
            "cue": "told reporters",
            **cue,
        }
    ]
    assert newsextract.to_records([article], "times") == [
        {
            "article_id": 0,
            "kind": "date",
            "value": "2023-05-08",
            "anchored": True,
            "text": "on Monday",
            **span("on Monday"),
        }
    ]
    assert newsextract.to_records([article], "quantities") == [
        {
            "article_id": 0,
            "value": 103.0,
            "noun": "people",
            "qualifier": "at_least",
            "unit": None,
            "text": "at least 103 people",
            **span("at least 103 people"),
        }
    ]
    assert newsextract.to_records([article], "acronyms") == [
        {
            "article_id": 0,
            "acronym": "TTP",
            "expansion": "Tehreek-e-Taliban Pakistan",
            "text": "Tehreek-e-Taliban Pakistan (TTP)",
            **span("Tehreek-e-Taliban Pakistan (TTP)"),
        }
    ]


def test_rows_follow_the_articles_in_order() -> None:
    batch = articles()
    lists: list[Table] = ["entities", "quotes", "times", "quantities", "acronyms"]
    for what in lists:
        rows = newsextract.to_records(batch, what)
        expected = [
            (i, item.text if what != "entities" else item.name)
            for i, article in enumerate(batch)
            for item in getattr(article, what)
        ]
        label = "text" if what != "entities" else "name"
        got = [(row["article_id"], row[label]) for row in rows]
        assert got == expected, what
    mentions = newsextract.to_records(batch, "mentions")
    assert len(mentions) == sum(len(e.mentions) for a in batch for e in a.entities)
    summary = newsextract.to_records(batch, "articles")
    assert [row["article_id"] for row in summary] == list(range(len(batch)))
    for row, article in zip(summary, batch):
        assert row["entities"] == len(article.entities)
        assert row["quotes"] == len(article.quotes)
        assert row["sentences"] == sum(len(p.sentences) for p in article.paragraphs)
        assert row["headline"] == (article.headline.text if article.headline else None)


def test_ids_and_iterables() -> None:
    batch = articles()[:3]
    ids = ["a", "b", "c"]
    from_generator = newsextract.to_records((a for a in batch), "articles", ids=iter(ids))
    assert [row["article_id"] for row in from_generator] == ids
    assert newsextract.to_records(batch, "articles", ids=None) == newsextract.to_records(
        tuple(batch), "articles"
    )
    assert newsextract.to_records([], "quotes") == []


def test_bad_arguments() -> None:
    batch = articles()[:2]
    message = '"people" is not a table: use one of "articles", "entities"'
    with pytest.raises(newsextract.NewsExtractError, match=message):
        newsextract.to_records(batch, "people")  # type: ignore[arg-type]
    with pytest.raises(newsextract.NewsExtractError, match='"people"'):
        newsextract.record_columns("people")  # type: ignore[arg-type]
    with pytest.raises(newsextract.NewsExtractError, match="ids has 1 items but articles has 2"):
        newsextract.to_records(batch, "entities", ids=[1])
    with pytest.raises(newsextract.NewsExtractError, match="ids has more items"):
        newsextract.to_records(batch, "entities", ids=range(10**9))
    with pytest.raises(TypeError, match="not a single str"):
        newsextract.to_records(batch, "entities", ids="ab")
    with pytest.raises(TypeError, match=r"articles\[1\] must be an Article, not str"):
        newsextract.to_records([batch[0], "text"], "entities")  # type: ignore[list-item]
    with pytest.raises(TypeError, match="wrap one Article in a list"):
        newsextract.to_records(batch[0], "entities")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not a str"):
        newsextract.to_records("text", "entities")  # type: ignore[arg-type]


@pytest.mark.parametrize("what", TABLES)
def test_data_frame_libraries_take_the_rows_as_they_are(what: Table) -> None:
    pandas = pytest.importorskip("pandas")
    pyarrow = pytest.importorskip("pyarrow")
    rows = newsextract.to_records(articles(), what)
    columns = newsextract.record_columns(what)
    frame = pandas.DataFrame(rows)
    assert list(frame.columns) == columns
    assert len(frame) == len(rows)
    table = pyarrow.Table.from_pylist(rows)
    assert table.column_names == columns
    assert table.num_rows == len(rows)
    assert table.to_pylist() == rows
    # With data in every column, no column is left with pyarrow's "null" type.
    for field in table.schema:
        if any(row[field.name] not in (None, []) for row in rows):
            assert not pyarrow.types.is_null(field.type), (what, field)
    empty = pandas.DataFrame(newsextract.to_records([], what), columns=columns)
    assert list(empty.columns) == columns


@pytest.mark.parametrize("what", TABLES)
def test_polars_takes_the_rows(what: Table) -> None:
    polars = pytest.importorskip("polars")
    rows = newsextract.to_records(articles(), what)
    # polars guesses column types from the first 100 rows by default; a column that is None
    # there and set later needs the whole scan.
    frame = polars.DataFrame(rows, infer_schema_length=None)
    assert frame.columns == newsextract.record_columns(what)
    assert frame.to_dicts() == rows


def test_pandas_groupby_of_entities_and_quotes_per_speaker() -> None:
    pandas = pytest.importorskip("pandas")
    batch = [full_article(), full_article()]
    entities = pandas.DataFrame(newsextract.to_records(batch, "entities", ids=["x", "y"]))
    per_kind = entities.groupby("kind")["name"].count().to_dict()
    assert per_kind == {"location": 2, "person": 2}
    quotes = pandas.DataFrame(newsextract.to_records(batch, "quotes"))
    assert quotes.groupby("speaker").size().to_dict() == {"Matthew Miller": 2}
