"""Type stubs for the native module newsextract._newsextract (checked by mypy.stubtest).

Offsets: ``start``/``end`` are code points into the text given to ``extract()``, so
``text[x.start:x.end] == x.text``; ``byte_start``/``byte_end`` are UTF-8 byte offsets.
``to_dict()`` is that Python view as plain data; ``to_json()`` is the contract JSON with BYTE
offsets in ``start``/``end``, exactly as the Rust core and the command line write it.
"""

import datetime
import os
from collections.abc import Iterable
from typing import Any, ClassVar, Literal, final

_DateLike = str | datetime.date | None
_Path = str | os.PathLike[str]
_Table = Literal["articles", "entities", "mentions", "quotes", "times", "quantities", "acronyms"]

__all__ = [
    "__version__",
    "SCHEMA_VERSION",
    "NewsExtractError",
    "extract",
    "Extractor",
    "Article",
    "TextSpan",
    "Headline",
    "Mention",
    "Dateline",
    "DatelineDate",
    "Byline",
    "Paragraph",
    "Sentence",
    "Related",
    "Boilerplate",
    "Entity",
    "Geo",
    "Quote",
    "Speaker",
    "TimeExpression",
    "Quantity",
    "Acronym",
    "to_records",
    "record_columns",
    "_restore",
    "_restore_article",
    "_restore_extractor",
    "_panic_for_tests",
]

__version__: str
SCHEMA_VERSION: int

class NewsExtractError(ValueError):
    """Bad arguments (a malformed date, text that is not valid Unicode, an input over the
    configured size) or an internal error. Extraction itself never fails."""

def extract(text: str, *, date: _DateLike = None) -> Article:
    """Extracts an Article from ``text`` with every pass on; ``date`` is the reference date
    ("YYYY-MM-DD" or a datetime.date). Runs without the GIL."""

@final
class Extractor:
    """Extracts articles with one configuration; pickles by that configuration."""

    def __new__(
        cls,
        *,
        date: _DateLike = None,
        entities: bool = True,
        quotes: bool = True,
        times: bool = True,
        quantities: bool = True,
        threads: int | None = None,
        max_bytes: int | None = None,
        gazetteer: _Path | Iterable[_Path] | None = None,
    ) -> Extractor: ...
    @property
    def date(self) -> str | None: ...
    @property
    def entities(self) -> bool: ...
    @property
    def quotes(self) -> bool: ...
    @property
    def times(self) -> bool: ...
    @property
    def quantities(self) -> bool: ...
    @property
    def threads(self) -> int | None: ...
    @property
    def max_bytes(self) -> int | None: ...
    @property
    def gazetteer(self) -> list[str] | None: ...
    def extract(self, text: str, *, date: _DateLike = None) -> Article: ...
    def extract_batch(
        self, texts: Iterable[str], dates: Iterable[_DateLike] | None = None
    ) -> list[Article]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Article:
    """Everything newsextract found in one article."""

    @property
    def schema_version(self) -> int: ...
    @property
    def headline(self) -> TextSpan | None: ...
    @property
    def dateline(self) -> Dateline | None: ...
    @property
    def byline(self) -> Byline | None: ...
    @property
    def paragraphs(self) -> list[Paragraph]: ...
    @property
    def related(self) -> list[Related]: ...
    @property
    def boilerplate(self) -> list[Boilerplate]: ...
    @property
    def entities(self) -> list[Entity]: ...
    @property
    def quotes(self) -> list[Quote]: ...
    @property
    def times(self) -> list[TimeExpression]: ...
    @property
    def quantities(self) -> list[Quantity]: ...
    @property
    def acronyms(self) -> list[Acronym]: ...
    @staticmethod
    def from_json(json: str, text: str) -> Article:
        """Reads back an Article from its contract JSON and the text it came from."""
    def to_dict(self) -> dict[str, Any]:
        """The Python view: code-point start/end plus byte_start/byte_end."""
    def to_json(self) -> str:
        """The contract JSON, with BYTE offsets in start/end."""
    def to_html(self, text: str | None = None) -> str:
        """The article marked up as a self-contained HTML fragment (no script, scoped CSS).

        `text` defaults to the text kept from extraction; an unpickled Article has none.
        """
    def _repr_html_(self) -> str:
        """What a notebook shows: `to_html()`."""
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class TextSpan:
    """A piece of the input: the headline, an entity mention, a quote cue."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def byte_start(self) -> int: ...
    @property
    def byte_end(self) -> int: ...
    def to_dict(self) -> dict[str, Any]:
        """The Python view: code-point start/end plus byte_start/byte_end."""
    def to_json(self) -> str:
        """The contract JSON of this object, with BYTE offsets in start/end."""
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __reduce__(self) -> tuple[Any, ...]: ...

Headline = TextSpan
Mention = TextSpan

@final
class Dateline:
    """The dateline, ``LONDON, May 3 (Reuters) -``, and its parts."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def byte_start(self) -> int: ...
    @property
    def byte_end(self) -> int: ...
    @property
    def location(self) -> str | None: ...
    @property
    def region(self) -> str | None: ...
    @property
    def country(self) -> str | None: ...
    @property
    def source(self) -> str | None: ...
    @property
    def date(self) -> DatelineDate | None: ...
    def to_dict(self) -> dict[str, Any]:
        """The Python view: code-point start/end plus byte_start/byte_end."""
    def to_json(self) -> str:
        """The contract JSON of this object, with BYTE offsets in start/end."""
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class DatelineDate:
    """A date written in a dateline, normalised."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def byte_start(self) -> int: ...
    @property
    def byte_end(self) -> int: ...
    @property
    def value(self) -> str: ...
    @property
    def anchored(self) -> bool: ...
    def to_dict(self) -> dict[str, Any]:
        """The Python view: code-point start/end plus byte_start/byte_end."""
    def to_json(self) -> str:
        """The contract JSON of this object, with BYTE offsets in start/end."""
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Byline:
    """The byline and the authors it names."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def byte_start(self) -> int: ...
    @property
    def byte_end(self) -> int: ...
    @property
    def authors(self) -> list[str]: ...
    def to_dict(self) -> dict[str, Any]:
        """The Python view: code-point start/end plus byte_start/byte_end."""
    def to_json(self) -> str:
        """The contract JSON of this object, with BYTE offsets in start/end."""
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Paragraph:
    """A body paragraph with its sentences."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def byte_start(self) -> int: ...
    @property
    def byte_end(self) -> int: ...
    @property
    def sentences(self) -> list[Sentence]: ...
    def to_dict(self) -> dict[str, Any]:
        """The Python view: code-point start/end plus byte_start/byte_end."""
    def to_json(self) -> str:
        """The contract JSON of this object, with BYTE offsets in start/end."""
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Sentence:
    """A sentence inside a paragraph."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def byte_start(self) -> int: ...
    @property
    def byte_end(self) -> int: ...
    def to_dict(self) -> dict[str, Any]:
        """The Python view: code-point start/end plus byte_start/byte_end."""
    def to_json(self) -> str:
        """The contract JSON of this object, with BYTE offsets in start/end."""
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Related:
    """A line pointing at another article ("Also read: ...")."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def byte_start(self) -> int: ...
    @property
    def byte_end(self) -> int: ...
    @property
    def title(self) -> str: ...
    @property
    def kind(self) -> str: ...
    def to_dict(self) -> dict[str, Any]:
        """The Python view: code-point start/end plus byte_start/byte_end."""
    def to_json(self) -> str:
        """The contract JSON of this object, with BYTE offsets in start/end."""
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Boilerplate:
    """A line that is neither body text nor a related-article link."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def byte_start(self) -> int: ...
    @property
    def byte_end(self) -> int: ...
    @property
    def kind(self) -> str: ...
    def to_dict(self) -> dict[str, Any]:
        """The Python view: code-point start/end plus byte_start/byte_end."""
    def to_json(self) -> str:
        """The contract JSON of this object, with BYTE offsets in start/end."""
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Entity:
    """A named entity and all its mentions."""

    @property
    def id(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def mentions(self) -> list[TextSpan]: ...
    @property
    def titles(self) -> list[str]: ...
    @property
    def acronym(self) -> str | None: ...
    @property
    def country(self) -> str | None: ...
    @property
    def geo(self) -> Geo | None: ...
    def to_dict(self) -> dict[str, Any]:
        """The Python view: code-point start/end plus byte_start/byte_end."""
    def to_json(self) -> str:
        """The contract JSON of this object, with BYTE offsets in start/end."""
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Geo:
    """Coordinates of a place from GeoNames."""

    @property
    def lat(self) -> float: ...
    @property
    def lon(self) -> float: ...
    @property
    def geonames_id(self) -> int: ...
    def to_dict(self) -> dict[str, Any]:
        """The Python view: code-point start/end plus byte_start/byte_end."""
    def to_json(self) -> str:
        """The contract JSON of this object, with BYTE offsets in start/end."""
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Quote:
    """Something someone said."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def byte_start(self) -> int: ...
    @property
    def byte_end(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def speaker(self) -> Speaker | None: ...
    @property
    def cue(self) -> TextSpan | None: ...
    def to_dict(self) -> dict[str, Any]:
        """The Python view: code-point start/end plus byte_start/byte_end."""
    def to_json(self) -> str:
        """The contract JSON of this object, with BYTE offsets in start/end."""
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Speaker:
    """The speaker of a quote."""

    @property
    def name(self) -> str: ...
    @property
    def entity(self) -> int | None: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def byte_start(self) -> int: ...
    @property
    def byte_end(self) -> int: ...
    def to_dict(self) -> dict[str, Any]:
        """The Python view: code-point start/end plus byte_start/byte_end."""
    def to_json(self) -> str:
        """The contract JSON of this object, with BYTE offsets in start/end."""
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class TimeExpression:
    """A time expression with its TIMEX3-style value."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def byte_start(self) -> int: ...
    @property
    def byte_end(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def value(self) -> str: ...
    @property
    def anchored(self) -> bool: ...
    def to_dict(self) -> dict[str, Any]:
        """The Python view: code-point start/end plus byte_start/byte_end."""
    def to_json(self) -> str:
        """The contract JSON of this object, with BYTE offsets in start/end."""
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Quantity:
    """A number with what it counts."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def byte_start(self) -> int: ...
    @property
    def byte_end(self) -> int: ...
    @property
    def value(self) -> float: ...
    @property
    def noun(self) -> str | None: ...
    @property
    def qualifier(self) -> str: ...
    @property
    def unit(self) -> str | None: ...
    def to_dict(self) -> dict[str, Any]:
        """The Python view: code-point start/end plus byte_start/byte_end."""
    def to_json(self) -> str:
        """The contract JSON of this object, with BYTE offsets in start/end."""
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Acronym:
    """An acronym defined in the text."""

    @property
    def acronym(self) -> str: ...
    @property
    def expansion(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def byte_start(self) -> int: ...
    @property
    def byte_end(self) -> int: ...
    def to_dict(self) -> dict[str, Any]:
        """The Python view: code-point start/end plus byte_start/byte_end."""
    def to_json(self) -> str:
        """The contract JSON of this object, with BYTE offsets in start/end."""
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __reduce__(self) -> tuple[Any, ...]: ...

def to_records(
    articles: Iterable[Article], what: _Table, ids: Iterable[Any] | None = None
) -> list[dict[str, Any]]:
    """Rows of one table (``what``) for many articles: flat dicts with the same keys
    (``record_columns(what)``) in every row, for pandas, polars and pyarrow. ``article_id`` is
    the article's index, or the matching item of ``ids``."""

def record_columns(what: _Table) -> list[str]:
    """The columns of a ``to_records`` table, in row order."""

def _restore(name: str, bytes_json: str, chars_json: str) -> Any: ...
def _restore_article(json: str, char_offsets: list[int]) -> Article: ...
def _restore_extractor(
    kwargs: dict[str, Any], gazetteers: list[tuple[str, str]] = ...
) -> Extractor: ...
def _panic_for_tests() -> None: ...
