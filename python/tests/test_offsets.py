"""Code-point and byte offsets on non-ASCII text: `text[x.start:x.end] == x.text` everywhere."""

from __future__ import annotations

import pytest

import newsextract
from support import FULL_TEXT, SAMPLES, check_spans, full_article, full_contract


def test_every_class_gets_code_point_offsets_from_byte_offsets() -> None:
    article = full_article()
    text = FULL_TEXT
    # One object of every spanned class, so no class can skip the conversion unnoticed.
    assert check_spans(article, text) == 18
    contract = full_contract()
    quote = article.quotes[0]
    assert (quote.byte_start, quote.byte_end) == (
        contract["quotes"][0]["start"],
        contract["quotes"][0]["end"],
    )
    # The emoji and curly quotes of the headline come before the quote: the units differ there.
    assert quote.byte_start > quote.start
    assert text[quote.start : quote.end] == "We stand with Pakistan,"
    speaker = quote.speaker
    assert speaker is not None and text[speaker.start : speaker.end] == "Miller"
    urdu = article.entities[1].mentions[0]
    assert text[urdu.start : urdu.end] == "اسلام آباد"
    assert urdu.byte_end - urdu.byte_start == len("اسلام آباد".encode())
    assert urdu.end - urdu.start == len("اسلام آباد")


def test_offsets_count_code_points_not_utf16_units() -> None:
    # 🤝 is one code point (one Python index) but two UTF-16 units and four UTF-8 bytes.
    article = full_article()
    headline = article.headline
    assert headline is not None
    assert headline.end == len("Pakistan, US share “an interest” 🤝")
    assert headline.byte_end == len("Pakistan, US share “an interest” 🤝".encode())


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_extracted_spans_slice_the_text(name: str) -> None:
    text = SAMPLES[name]
    article = newsextract.extract(text)
    check_spans(article, text)


@pytest.mark.parametrize("name", ["wire_story", "reuters_style", "one_line", "urdu_only"])
def test_body_text_gives_paragraphs_and_sentences(name: str) -> None:
    # Needs the structure pass: any text with a body has at least one paragraph and sentence.
    text = SAMPLES[name]
    article = newsextract.extract(text)
    assert article.paragraphs, article
    assert all(paragraph.sentences for paragraph in article.paragraphs), article
    assert check_spans(article, text) >= 2


def test_offsets_after_astral_and_combining_characters() -> None:
    text = SAMPLES["combining_marks"]
    article = newsextract.extract(text)
    check_spans(article, text)
    for paragraph in article.paragraphs:
        piece = text[paragraph.start : paragraph.end]
        assert (
            piece.encode("utf-8") == text.encode("utf-8")[paragraph.byte_start : paragraph.byte_end]
        )
