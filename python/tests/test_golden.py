"""The golden articles shared with the Rust tests: `extract(...).to_json()` equals NAME.json.

tests/articles/NAME.txt is the input, NAME.json the reviewed contract JSON, and the optional
tests/articles/dates.tsv gives a reference date per article (`NAME<TAB>YYYY-MM-DD`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsextract
from support import ARTICLES, check_spans


def reference_dates() -> dict[str, str]:
    dates: dict[str, str] = {}
    path = ARTICLES / "dates.tsv"
    if not path.exists():
        return dates
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if number == 1 and fields[0].strip().lower() in {"name", "file", "article"}:
            continue
        assert len(fields) >= 2, f"dates.tsv:{number}: expected NAME<TAB>YYYY-MM-DD"
        name = fields[0].strip().removesuffix(".txt")
        dates[name] = fields[1].strip()
    return dates


BLESS = (
    "the extracted article differs from the golden JSON; after reviewing the change, "
    "regenerate with NEWSEXTRACT_BLESS=1 cargo test -p newsextract --test integration golden"
)

GOLDEN = sorted(path for path in ARTICLES.glob("*.txt") if path.with_suffix(".json").exists())


def read_text(path: Path) -> str:
    # Bytes as they are, so \r\n and a missing final newline reach the extractor unchanged.
    return path.read_bytes().decode("utf-8")


@pytest.mark.skipif(not GOLDEN, reason=f"no golden articles (NAME.txt + NAME.json) in {ARTICLES}")
@pytest.mark.parametrize("path", GOLDEN, ids=[path.stem for path in GOLDEN])
def test_golden_article(path: Path) -> None:
    text = read_text(path)
    date = reference_dates().get(path.stem)
    article = newsextract.extract(text, date=date)
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert json.loads(article.to_json()) == expected, f"{path.stem}: {BLESS}"
    check_spans(article, text)
    assert newsextract.Article.from_json(article.to_json(), text) == article


@pytest.mark.skipif(not GOLDEN, reason=f"no golden articles in {ARTICLES}")
def test_golden_batch_equals_golden_files() -> None:
    dates = reference_dates()
    texts = [read_text(path) for path in GOLDEN]
    batch = newsextract.Extractor().extract_batch(texts, [dates.get(p.stem) for p in GOLDEN])
    for path, article in zip(GOLDEN, batch):
        expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        assert json.loads(article.to_json()) == expected, f"{path.stem}: {BLESS}"


def test_dates_file_names_only_golden_articles() -> None:
    names = {path.stem for path in ARTICLES.glob("*.txt")}
    unknown = set(reference_dates()) - names
    assert not unknown, f"dates.tsv names articles that do not exist: {sorted(unknown)}"
