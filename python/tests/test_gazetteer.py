"""User gazetteers from Python: Extractor(gazetteer=...) with paths, errors naming file and line,
and pickling that carries the gazetteer's content (a worker need not see the file)."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import pytest

import newsextract

# Invented names, so that only the user gazetteer can type them.
NAMES = (
    "# user names\n"
    "Zarqa Vonnegut-Ilyas\tperson\n"
    "Quillfeather Analytics\torganization\tQuillfeather Analytics Ltd.\tacronym=QFA\n"
)
PLACES = "Qasr-e-Nilofar\tlocation\t\tcountry=PK\n"
TEXT = (
    "LAHORE: Zarqa Vonnegut-Ilyas, who heads Quillfeather Analytics, said on Monday that the "
    "survey of Qasr-e-Nilofar was “nearly done”."
)


def write(directory: Path, name: str, content: str) -> Path:
    path = directory / name
    path.write_text(content, encoding="utf-8")
    return path


def entity(article: newsextract.Article, name: str) -> newsextract.Entity:
    found = [e for e in article.entities if e.name == name]
    assert found, [(e.name, e.kind) for e in article.entities]
    return found[0]


def test_path_adds_user_names_with_kinds_and_attributes(tmp_path: Path) -> None:
    path = write(tmp_path, "names.tsv", NAMES)
    forms: list[str | Path] = [str(path), path]
    for gazetteer in forms:
        extractor = newsextract.Extractor(gazetteer=gazetteer)
        assert extractor.gazetteer == [str(path)]
        article = extractor.extract(TEXT)
        person = entity(article, "Zarqa Vonnegut-Ilyas")
        assert person.kind == "person"
        company = entity(article, "Quillfeather Analytics Ltd.")
        assert (company.kind, company.acronym) == ("organization", "QFA")
        for mention in company.mentions:
            assert TEXT[mention.start : mention.end] == mention.text
    # Without the gazetteer nothing names the company "Quillfeather Analytics Ltd.".
    plain = newsextract.Extractor().extract(TEXT)
    assert all(e.name != "Quillfeather Analytics Ltd." for e in plain.entities)


def test_list_of_paths_merges_every_file(tmp_path: Path) -> None:
    names = write(tmp_path, "names.tsv", NAMES)
    places = write(tmp_path, "places.tsv", PLACES)
    forms: list[Any] = [[names, places], (str(names), places), iter([names, places])]
    for gazetteer in forms:
        extractor = newsextract.Extractor(gazetteer=gazetteer)
        assert extractor.gazetteer == [str(names), str(places)]
        article = extractor.extract(TEXT)
        place = entity(article, "Qasr-e-Nilofar")
        assert place.kind == "location" and place.country == "PK"
        entity(article, "Zarqa Vonnegut-Ilyas")
    assert newsextract.Extractor(gazetteer=[]).gazetteer is None
    assert newsextract.Extractor(gazetteer=[]) == newsextract.Extractor()


@pytest.mark.parametrize(
    ("content", "line", "expected"),
    [
        ("Good Name\tperson\nBad Row Without Kind\n", 2, "kind"),
        ("# comment\n\nSome Place\tlocation\t\tlat=91\tlon=0\tgeonames_id=1\n", 3, "lat"),
        ("Some Name\tplanet\n", 1, "planet"),
    ],
)
def test_malformed_row_names_file_and_line(
    tmp_path: Path, content: str, line: int, expected: str
) -> None:
    path = write(tmp_path, "bad.tsv", content)
    with pytest.raises(newsextract.NewsExtractError) as raised:
        newsextract.Extractor(gazetteer=path)
    message = str(raised.value)
    assert message.startswith(f"{path}:{line}: "), message
    assert expected in message, message


def test_unreadable_files_and_wrong_types_raise(tmp_path: Path) -> None:
    missing = tmp_path / "missing.tsv"
    with pytest.raises(newsextract.NewsExtractError, match=r"missing\.tsv: cannot read"):
        newsextract.Extractor(gazetteer=missing)
    latin1 = tmp_path / "latin1.tsv"
    latin1.write_bytes(b"Caf\xe9 Noir\torganization\n")
    with pytest.raises(newsextract.NewsExtractError, match=r"latin1\.tsv: cannot read"):
        newsextract.Extractor(gazetteer=latin1)
    bad: list[Any] = [42, [tmp_path / "names.tsv", 42], b"names.tsv"]
    for value in bad:
        with pytest.raises(newsextract.NewsExtractError, match="gazetteer"):
            newsextract.Extractor(gazetteer=value)


@pytest.mark.parametrize("protocol", range(2, pickle.HIGHEST_PROTOCOL + 1))
def test_pickle_carries_the_content_not_the_path(tmp_path: Path, protocol: int) -> None:
    path = write(tmp_path, "names.tsv", NAMES)
    extractor = newsextract.Extractor(date="2023-05-09", threads=1, gazetteer=[path])
    data = pickle.dumps(extractor, protocol=protocol)
    # A worker that cannot see the file still gets the names.
    path.unlink()
    again = pickle.loads(data)
    assert again == extractor and hash(again) == hash(extractor)
    assert repr(again) == repr(extractor)
    assert "gazetteer=[" in repr(extractor)
    assert again.gazetteer == [str(path)]
    assert again.extract(TEXT) == extractor.extract(TEXT)
    assert entity(again.extract(TEXT), "Quillfeather Analytics Ltd.").acronym == "QFA"


def test_same_path_with_other_content_is_another_extractor(tmp_path: Path) -> None:
    path = write(tmp_path, "names.tsv", NAMES)
    first = newsextract.Extractor(gazetteer=path)
    write(tmp_path, "names.tsv", PLACES)
    second = newsextract.Extractor(gazetteer=path)
    assert first != second
    assert first != newsextract.Extractor()
