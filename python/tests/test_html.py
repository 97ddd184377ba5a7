"""Article.to_html() and _repr_html_(): the text kept for display, escaping, and articles
without their text (unpickled) or with another text."""

from __future__ import annotations

import html.parser
import pickle

import pytest

import newsextract
from support import ARTICLES, SAMPLES

GOLDEN = (ARTICLES / "pk_web_desk_us_security.txt").read_text(encoding="utf-8")


class Elements(html.parser.HTMLParser):
    """Every start tag with its attributes, and the text, as a browser's parser sees them."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def with_class(self, name: str) -> list[dict[str, str | None]]:
        return [a for _, a in self.tags if name in (a.get("class") or "").split()]


def test_repr_html_is_to_html_and_marks_the_golden_article() -> None:
    article = newsextract.extract(GOLDEN)
    markup = article._repr_html_()
    assert markup == article.to_html() == article.to_html(GOLDEN)
    assert markup.startswith('<div class="newsextract"')
    parsed = Elements(markup)
    mentions = sum(len(e.mentions) for e in article.entities)
    shown = parsed.with_class("ne-ent")
    # Every mention is marked (plus the table's name cells and the legend's swatches).
    assert len([a for a in shown if a.get("data-entity") is not None]) == mentions
    assert len([a for a in parsed.with_class("ne-quote") if a.get("id")]) == len(article.quotes)
    assert {a["data-value"] for a in parsed.with_class("ne-time") if "data-value" in a} == {
        t.value for t in article.times
    }
    assert len([a for a in parsed.with_class("ne-qty") if "data-value" in a]) == len(
        article.quantities
    )
    miller = next(e for e in article.entities if e.name == "Matthew Miller")
    titles = [a["title"] for a in shown if a.get("data-entity") == str(miller.id)]
    assert titles and all(
        t is not None and "US State Department Spokesperson" in t for t in titles
    )
    # Speaker badges link to rows that exist.
    ids = {a["id"] for _, a in parsed.tags if a.get("id")}
    links = [a["href"] for a in parsed.with_class("ne-speaker") if a.get("href")]
    assert links and all(link is not None and link[1:] in ids for link in links)
    assert not [t for t, _ in parsed.tags if t in ("script", "img", "iframe", "link")]


def test_batch_and_from_json_keep_the_text() -> None:
    single = newsextract.extract(GOLDEN)
    [batched] = newsextract.Extractor().extract_batch([GOLDEN])
    again = newsextract.Article.from_json(single.to_json(), GOLDEN)
    assert batched.to_html() == single.to_html() == again.to_html()


def test_unpickled_article_has_no_body_until_given_its_text() -> None:
    article = newsextract.extract(GOLDEN)
    again = pickle.loads(pickle.dumps(article))
    assert again == article
    bare = again.to_html()
    assert "its body is not shown" in bare
    # The headline and the related line have their own text.
    assert "Pakistan, US have a shared interest" in "".join(Elements(bare).text)
    assert again.to_html(GOLDEN) == article.to_html()


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_every_sample_renders_its_paragraphs(name: str) -> None:
    text = SAMPLES[name]
    article = newsextract.extract(text)
    markup = article.to_html()
    assert 'class="ne-note"' not in markup
    shown = "".join(Elements(markup).text)
    for paragraph in article.paragraphs:
        for word in text[paragraph.start : paragraph.end].split():
            assert word in shown, word


def test_hostile_text_is_escaped() -> None:
    text = (
        "<script>alert(1)</script> headline\n\n"
        "PARIS — Mr. Smith said \"<img src=x onerror=alert(2)>\" and '\"><svg onload=alert(3)>' "
        "on Monday & left.\n"
    )
    markup = newsextract.extract(text).to_html()
    parsed = Elements(markup)
    assert [t for t, _ in parsed.tags if t in ("script", "img", "svg")] == []
    shown = "".join(parsed.text)
    assert "<script>alert(1)</script>" in shown
    assert "<img src=x onerror=alert(2)>" in shown
    assert "'\"><svg onload=alert(3)>'" in shown


def test_another_text_gives_a_note() -> None:
    article = newsextract.extract(GOLDEN)
    markup = article.to_html("Something else entirely.")
    assert "did not fit the text" in markup
    with pytest.raises(newsextract.NewsExtractError, match="lone surrogate"):
        article.to_html("bad \udc80")
    with pytest.raises(TypeError):
        article.to_html(b"bytes")  # type: ignore[arg-type]
