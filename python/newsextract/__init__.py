"""newsextract: facts out of news text.

Turns the plain text of a news article into a typed, frozen :class:`Article`: headline,
dateline, byline, paragraphs and sentences, related-article lines, entities, quotes, time
expressions and quantities.

>>> import newsextract
>>> article = newsextract.extract("PARIS — Rain fell on Monday.")

Offsets: every ``start``/``end`` is a code-point offset into the text you passed, so
``text[x.start:x.end] == x.text``; ``byte_start``/``byte_end`` are the UTF-8 byte offsets.
``to_dict()`` gives that Python view as plain data. ``to_json()`` gives the contract JSON with
byte offsets, exactly as the Rust library and the ``newsextract`` command write it.

Tables: :func:`to_records` turns articles into flat rows (one table per ``what``: articles,
entities, mentions, quotes, times, quantities, acronyms) that ``pandas.DataFrame``,
``polars.DataFrame`` and ``pyarrow.Table.from_pylist`` take as they are.

Display: in a notebook a cell that ends with an :class:`Article` shows it marked up
(``_repr_html_``); ``Article.to_html()`` gives that self-contained HTML as a str.

Errors: bad arguments raise :class:`NewsExtractError`, a ``ValueError``; arguments of the wrong
type raise ``TypeError``. Extraction itself never fails.
"""

from newsextract._newsextract import (
    SCHEMA_VERSION,
    Acronym,
    Article,
    Boilerplate,
    Byline,
    Dateline,
    DatelineDate,
    Entity,
    Extractor,
    Geo,
    Headline,
    Mention,
    NewsExtractError,
    Paragraph,
    Quantity,
    Quote,
    Related,
    Sentence,
    Speaker,
    TextSpan,
    TimeExpression,
    __version__,
    extract,
    record_columns,
    to_records,
)

__all__ = [
    "SCHEMA_VERSION",
    "Acronym",
    "Article",
    "Boilerplate",
    "Byline",
    "Dateline",
    "DatelineDate",
    "Entity",
    "Extractor",
    "Geo",
    "Headline",
    "Mention",
    "NewsExtractError",
    "Paragraph",
    "Quantity",
    "Quote",
    "Related",
    "Sentence",
    "Speaker",
    "TextSpan",
    "TimeExpression",
    "__version__",
    "extract",
    "record_columns",
    "to_records",
]
