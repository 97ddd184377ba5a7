"""docs/pipelines.md runs: every ```python cell, in order, from the repository's root.

The page is notebook-style: each cell may be followed by a ```text block holding its output (what
it printed, then the value of its last line when that is an expression, as a notebook shows it).
The test runs the cells and fails on any error, or on a cell that gives output but has no
output block; it does not compare outputs, which change as the extractors improve. After a
reviewed change regenerate them with

    NEWSEXTRACT_BLESS=1 python -m pytest python/tests/test_docs.py

Skipped without pandas and pyarrow; the polars cells are skipped without polars.
"""

from __future__ import annotations

import ast
import contextlib
import importlib.util
import io
import os
import re
from dataclasses import dataclass
from typing import Any

import pytest

from support import REPO

PAGE = REPO / "docs" / "pipelines.md"
CELL = re.compile(r"```python\n(?P<code>.*?)```\n(?:\n```text\n(?P<output>.*?)```\n)?", re.DOTALL)


@dataclass
class Cell:
    code: str
    start: int
    end: int
    has_output: bool


def cells(page: str) -> list[Cell]:
    return [
        Cell(match["code"], match.start(), match.end(), match["output"] is not None)
        for match in CELL.finditer(page)
    ]


def run(code: str, namespace: dict[str, Any]) -> str:
    """Runs a cell as a notebook does: what it prints, then the repr of its last expression."""
    tree = ast.parse(code)
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = ast.Expression(tree.body[-1].value)
        tree.body.pop()
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(tree, str(PAGE), "exec"), namespace)
        value = eval(compile(last, str(PAGE), "eval"), namespace) if last is not None else None
    out = printed.getvalue()
    if value is not None:
        out += f"{value!r}\n"
    return out


def test_pipelines_page_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    has_polars = importlib.util.find_spec("polars") is not None
    monkeypatch.chdir(REPO)
    page = PAGE.read_text(encoding="utf-8")
    found = cells(page)
    assert len(found) >= 10
    bless = os.environ.get("NEWSEXTRACT_BLESS") == "1"
    if bless:
        assert has_polars, "install polars to regenerate docs/pipelines.md"
    namespace: dict[str, Any] = {"__name__": "pipelines"}
    pieces: list[str] = []
    at = 0
    for cell in found:
        if re.search(r"\bpolars\b|\bpl\.", cell.code) and not has_polars:
            continue
        output = run(cell.code, namespace)
        if not bless:
            assert cell.has_output or not output, f"no output block; regenerate:\n{cell.code}"
            continue
        pieces.append(page[at : cell.start])
        pieces.append(f"```python\n{cell.code}```\n")
        if output:
            pieces.append(f"\n```text\n{output}```\n")
        at = cell.end
    if bless:
        pieces.append(page[at:])
        PAGE.write_text("".join(pieces), encoding="utf-8")
