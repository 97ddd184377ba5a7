"""The HTML view in a real browser: headless Chromium renders it, takes a screenshot and dumps
the DOM it built.

Chromium is looked for as `chromium`, `chromium-browser`, `google-chrome`; when none is there
and the test runs as root on Debian or Ubuntu, it installs Debian's `chromium` with apt-get
(set NEWSEXTRACT_NO_BROWSER_INSTALL=1 to forbid that). Where no browser can be had the tests
skip and say why. Once Chromium is installed the module takes a few seconds.
"""

from __future__ import annotations

import html.parser
import os
import shutil
import struct
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsextract
from support import ARTICLES

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
GOLDEN = ARTICLES / "pk_web_desk_us_security.txt"
# Generous: a cold first start of Chromium on a loaded machine can take a while.
RUN_TIMEOUT = 60


def find_browser() -> str | None:
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    return None


def install_browser() -> str:
    """Installs Debian's chromium; returns why it could not, or "" when it did."""
    if os.environ.get("NEWSEXTRACT_NO_BROWSER_INSTALL"):
        return "NEWSEXTRACT_NO_BROWSER_INSTALL is set"
    if shutil.which("apt-get") is None:
        return "apt-get is not available to install it"
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        return "installing it needs root (apt-get install chromium)"
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    install = ["apt-get", "install", "-y", "-q", "chromium"]
    try:
        done = subprocess.run(install, env=env, capture_output=True, timeout=900)
        if done.returncode != 0:
            # A fresh machine may not have the package lists yet.
            subprocess.run(
                ["apt-get", "update", "-q"], env=env, capture_output=True, timeout=600
            )
            done = subprocess.run(install, env=env, capture_output=True, timeout=900)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"apt-get install chromium failed: {error}"
    if done.returncode != 0:
        tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
        return f"apt-get install chromium failed: {' '.join(tail)}"
    return ""


@pytest.fixture(scope="module")
def browser() -> str:
    found = find_browser()
    if found is None:
        why = install_browser()
        found = find_browser()
        if found is None:
            pytest.skip(
                f"no Chromium ({', '.join(BROWSERS)}) on PATH and {why or 'it did not appear'}; "
                "the HTML view was not checked in a browser"
            )
    return found


@pytest.fixture()
def workdir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="newsextract-browser-") as name:
        yield Path(name)


def run_browser(browser: str, workdir: Path, page: Path, *action: str) -> subprocess.CompletedProcess[str]:
    profile = tempfile.mkdtemp(dir=workdir, prefix="profile-")
    command = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        f"--user-data-dir={profile}",
        "--enable-logging=stderr",
        "--v=0",
        *action,
        page.as_uri(),
    ]
    return subprocess.run(
        command, capture_output=True, text=True, errors="replace", timeout=RUN_TIMEOUT
    )


def console_messages(stderr: str) -> list[str]:
    """What the page logged: script errors, refused resources, CSP violations."""
    return [line for line in stderr.splitlines() if "CONSOLE" in line]


class Dom(html.parser.HTMLParser):
    """The elements of a DOM dump with their attributes, and its text without the speaker
    badges (which stand between a quote and the words after it)."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.in_badge = False
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        self.elements.append((tag, attributes))
        self.in_badge = "ne-speaker" in attributes.get("class", "").split()

    def handle_endtag(self, tag: str) -> None:
        self.in_badge = False

    def handle_data(self, data: str) -> None:
        if not self.in_badge:
            self.text.append(data)

    def having(self, tag: str, css_class: str) -> list[dict[str, str]]:
        return [
            attrs
            for name, attrs in self.elements
            if name == tag and css_class in attrs.get("class", "").split()
        ]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_golden_article_renders_in_chromium(browser: str, workdir: Path) -> None:
    text = GOLDEN.read_text(encoding="utf-8")
    article = newsextract.extract(text)
    page = workdir / "article.html"
    # The fragment in a document that forbids scripts and fetches, like the CLI's page.
    page.write_text(_page(article.to_html()), encoding="utf-8")

    screenshot = workdir / "article.png"
    shot = run_browser(
        browser, workdir, page, f"--screenshot={screenshot}", "--window-size=1200,2000"
    )
    assert shot.returncode == 0, shot.stderr[-2000:]
    assert screenshot.exists(), shot.stderr[-2000:]
    assert png_size(screenshot) == (1200, 2000)
    # A blank page of that size compresses to a few kilobytes; the marked-up article is far
    # larger.
    assert screenshot.stat().st_size > 50_000, screenshot.stat().st_size

    dumped = run_browser(browser, workdir, page, "--dump-dom")
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    assert console_messages(dumped.stderr) == []
    dom = Dom(dumped.stdout)
    mentions = [a for a in dom.having("span", "ne-ent") if "data-entity" in a]
    assert len(mentions) == sum(len(e.mentions) for e in article.entities)
    assert {a["data-entity"] for a in mentions} == {str(e.id) for e in article.entities}
    for kind in ("person", "organization", "location", "nationality"):
        assert [a for a in mentions if f"ne-{kind}" in a["class"].split()], kind
    quotes = [a for a in dom.having("span", "ne-quote") if "id" in a]
    assert len(quotes) == len(article.quotes)
    assert {a["data-value"] for a in dom.having("span", "ne-time") if "data-value" in a} == {
        t.value for t in article.times
    }
    assert len([a for a in dom.having("span", "ne-qty") if "data-value" in a]) == len(
        article.quantities
    )
    ids = {attrs["id"] for _, attrs in dom.elements if "id" in attrs}
    badges = dom.having("a", "ne-speaker")
    assert badges and all(a["href"].lstrip("#") in ids for a in badges)
    assert len(dom.having("table", "ne-entities")) == 1
    assert len(dom.having("table", "ne-quotes")) == 1
    rows = [attrs for name, attrs in dom.elements if name == "tr" and "id" in attrs]
    assert len(rows) == len(article.entities)
    assert dom.having("section", "ne-related")
    assert not [name for name, _ in dom.elements if name in ("script", "img", "iframe")]


def test_hostile_article_stays_text_in_chromium(browser: str, workdir: Path) -> None:
    text = (
        "Breaking <script>document.title='pwned-1'</script> news\n\n"
        "PARIS — Mr. Smith said \"<img src=x onerror=\"document.title='pwned-2'\">\" and "
        "'\"><svg onload=document.title='pwned-3'> on Monday. “<b>We</b> & <i>they</i>,” he "
        "said.\n\n"
        "Also read: <iframe src=\"https://example.com\"></iframe>\n"
    )
    article = newsextract.extract(text)
    page = workdir / "hostile.html"
    # As a notebook shows it: the fragment alone in a page, no CSP to hide a mistake behind.
    page.write_text(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>safe</title></head><body>"
        + article._repr_html_()
        + "</body></html>",
        encoding="utf-8",
    )
    dumped = run_browser(browser, workdir, page, "--dump-dom")
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    assert console_messages(dumped.stderr) == []
    dom = Dom(dumped.stdout)
    tags = {name for name, _ in dom.elements}
    assert not tags & {"script", "img", "svg", "iframe", "b", "i"}, tags
    assert "pwned" not in dumped.stdout.split("</title>")[0]
    shown = "".join(dom.text)
    for literal in (
        "<script>document.title='pwned-1'</script>",
        "<img src=x onerror=\"document.title='pwned-2'\">",
        "'\"><svg onload=document.title='pwned-3'>",
        "<b>We</b> & <i>they</i>",
        "<iframe src=\"https://example.com\"></iframe>",
    ):
        assert literal in shown, literal


def test_long_right_to_left_article_does_not_overflow(browser: str, workdir: Path) -> None:
    paragraph = (
        "ISLAMABAD: Prime Minister شہباز شریف met עמית כהן and Mr. Ahmed, who said “the "
        "talks went well” on Monday, as at least 12 people waited. "
    )
    long_word = "https://example.com/" + "a" * 400
    text = (
        "A long day: شہباز شریف in Islamabad\n\n"
        + "\n\n".join(paragraph * 8 + long_word for _ in range(40))
        + "\n"
    )
    assert len(text.split()) > 5_000
    article = newsextract.extract(text)
    page = workdir / "long.html"
    # A test page around the fragment: the script is the test's own, outside the fragment,
    # and records the layout widths where --dump-dom shows them.
    page.write_text(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>"
        + article.to_html()
        + "<script>const d = document.documentElement;"
        "document.body.setAttribute('data-widths', d.scrollWidth + ' ' + d.clientWidth);"
        "</script></body></html>",
        encoding="utf-8",
    )
    dumped = run_browser(browser, workdir, page, "--dump-dom", "--window-size=700,900")
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    body = next(attrs for name, attrs in Dom(dumped.stdout).elements if name == "body")
    scroll, client = (int(n) for n in body["data-widths"].split())
    assert scroll <= client, f"horizontal overflow: content {scroll}px in {client}px"


def _page(fragment: str) -> str:
    """A document around `fragment` with the same content security policy as the CLI's."""
    return (
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\"><title>article</title></head><body>"
        + fragment
        + "</body></html>\n"
    )
