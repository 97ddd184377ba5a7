"""Hostile input from Python: shapes no article should have, lone surrogates, size limits,
and a Rust panic that must surface as NewsExtractError instead of aborting the interpreter."""

from __future__ import annotations

import pickle
import re
import threading

import pytest

import newsextract
from support import check_spans

STORY = (
    "Karachi’s “water crisis” deepens 😟\n\n"
    "KARACHI: (Web Desk) Sindh’s chief minister said on Monday that “the city will get more "
    "water by June,” adding that 1,200 tankers were deployed.\n\n"
    "کراچی میں پانی کی قلت ہے۔ شہری پریشان ہیں۔\n\n"
)

# Each about 16 KB: enough for every line-length and nesting threshold, quick in a test.
SIZE = 16_000


def repeat_to(piece: str, size: int = SIZE) -> str:
    return piece * max(1, size // len(piece.encode("utf-8")) + 1)


HOSTILE = {
    "empty": "",
    "blank": " \n\t\r\n\u3000\u00a0",
    "one_line": repeat_to(STORY.replace("\n", " ")),
    "straight_quotes": '"' * SIZE,
    "curly_quotes": repeat_to("“"),
    "open_parentheses": "(" * SIZE,
    "nested_quotes": "“He said ‘" * 500 + "x" + "’”" * 500,
    "all_caps": repeat_to(STORY.upper()),
    "right_to_left": repeat_to(
        "\u200fاسلام آباد: وزیر اعظم نے کہا «معیشت بہتر ہے»۔ \u202bשלום\u202c\n"
    ),
    "mixed_scripts": repeat_to("Zoë 東京 “नमस्ते” Россия 👩‍👩‍👧 e\u0301\u0301 \u2067عربي\u2069.\n"),
    "control_characters": repeat_to("\x00\x01\x07\x1b[31m\x7f\x85\u2028\u2029\ufeff\u202eword\r"),
    "html": repeat_to(
        "<html><head><script>if (a < b) {}</script></head><body>\n"
        "<p>PARIS (AFP) &mdash; Rain fell, said &Eacute;lodie.</p>\n</body></html>\n"
    ),
    "json": repeat_to(
        '{"id": 1, "text": "PARIS \\u2014 Rain \\"fell\\".", "tags": [1, {"a": null}]}\n'
    ),
    "no_spaces": "a" * SIZE,
    "newlines": "\n" * SIZE,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_text_gives_valid_spans(name: str) -> None:
    text = HOSTILE[name]
    article = newsextract.extract(text)
    check_spans(article, text)
    dated = newsextract.extract(text, date="2023-05-09")
    check_spans(dated, text)
    assert newsextract.Article.from_json(article.to_json(), text) == article


def test_hostile_batch_equals_one_by_one() -> None:
    texts = list(HOSTILE.values())
    extractor = newsextract.Extractor(threads=2)
    assert extractor.extract_batch(texts) == [extractor.extract(text) for text in texts]


def test_empty_text_gives_an_empty_article() -> None:
    article = newsextract.extract("")
    assert article.headline is None and article.dateline is None and article.byline is None
    assert article.paragraphs == [] and article.entities == [] and article.quotes == []
    assert article.schema_version == newsextract.SCHEMA_VERSION


@pytest.mark.parametrize(
    ("text", "code_point", "position"),
    [
        ("\ud800 at the start", "D800", 0),
        ("at the end \udfff", "DFFF", 11),
        # Code points, not UTF-16 units or bytes: each emoji before it counts once.
        ("😀😀“é” \udc80 after astral characters", "DC80", 6),
        # What bytes.decode("utf-8", "surrogateescape") leaves for an invalid byte.
        (b"caf\xe9 said".decode("utf-8", "surrogateescape"), "DCE9", 3),
    ],
)
def test_lone_surrogate_is_an_error_naming_its_position(
    text: str, code_point: str, position: int
) -> None:
    message = f"text contains a lone surrogate U+{code_point} at position {position}"
    with pytest.raises(newsextract.NewsExtractError, match=re.escape(message)):
        newsextract.extract(text)
    with pytest.raises(newsextract.NewsExtractError, match=re.escape("texts[1] contains")):
        newsextract.Extractor().extract_batch(["fine", text])
    # The error is an ordinary exception: the interpreter and the module go on.
    assert newsextract.extract("fine").paragraphs


def test_lone_surrogate_deep_in_a_long_text() -> None:
    text = repeat_to(STORY, 200_000) + "\ud801"
    with pytest.raises(newsextract.NewsExtractError, match=f"U\\+D801 at position {len(text) - 1}"):
        newsextract.extract(text)


def test_max_bytes_limits_each_text_and_survives_pickling() -> None:
    extractor = newsextract.Extractor(max_bytes=8)
    assert extractor.max_bytes == 8
    extractor.extract("😀😀")  # two code points, eight bytes: at the limit
    with pytest.raises(
        newsextract.NewsExtractError, match="input of 9 bytes exceeds the maximum of 8 bytes"
    ):
        extractor.extract("😀😀!")
    restored = pickle.loads(pickle.dumps(extractor))
    assert restored.max_bytes == 8
    with pytest.raises(newsextract.NewsExtractError, match="exceeds the maximum of 8 bytes"):
        restored.extract("😀😀!")
    with pytest.raises(newsextract.NewsExtractError, match=re.escape("texts[2]: input of 9")):
        restored.extract_batch(["a", "b", "😀😀!"])

    zero = newsextract.Extractor(max_bytes=0)
    zero.extract("")
    with pytest.raises(newsextract.NewsExtractError, match="maximum of 0 bytes"):
        zero.extract(" ")

    unlimited = newsextract.Extractor()
    assert unlimited.max_bytes is None
    large = repeat_to(STORY, 256 << 10)
    article = unlimited.extract(large)
    # Slices by code points are cheap: check the spans that carry text, not every offset.
    assert article.quotes and all(large[q.start : q.end] == q.text for q in article.quotes)
    assert article.paragraphs[-1].end <= len(large)


def test_panics_in_many_threads_become_errors() -> None:
    errors: list[str] = []
    lock = threading.Lock()

    def panic_once() -> None:
        try:
            newsextract._newsextract._panic_for_tests()
        except newsextract.NewsExtractError as error:
            with lock:
                errors.append(str(error))

    threads = [threading.Thread(target=panic_once) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(errors) == 8
    assert all("internal error in newsextract" in error for error in errors)
    # Extraction still works after the caught panics, in batches too.
    texts = [HOSTILE["html"], HOSTILE["json"]]
    assert newsextract.Extractor(threads=2).extract_batch(texts) == [
        newsextract.extract(text) for text in texts
    ]
