"""Fixtures of the section tests, imported by the test modules (a conftest.py here would shadow the
`conftest` module other tests import helpers from): the small example, built sections, Markdown->HTML."""

from __future__ import annotations

from tests.helpers import content_of

import datetime as dt
from html.parser import HTMLParser

import markdown
import pytest

from generator.document import MARKDOWN_EXTENSIONS, to_markdown
from generator.i18n import LANGUAGES, Translator
from generator.load import EXAMPLES, SMALL_EXAMPLE, load
from generator.sections import build_sections

TODAY = dt.date(2026, 11, 20)


@pytest.fixture(scope="session")
def small():
    return load(EXAMPLES / SMALL_EXAMPLE)


def _build_markdown(project, lang: str = "en", today: dt.date = TODAY) -> dict[str, str]:
    """Slug -> Markdown of every section of a project."""
    return {d.slug: to_markdown(d) for d in content_of(project, lang, today).sections}


def _to_html(md: str) -> str:
    return markdown.markdown(md, extensions=MARKDOWN_EXTENSIONS)


@pytest.fixture(scope="session")
def build_md():
    """build_md(project, lang='en') -> {slug: markdown}, counted from a fixed date."""
    return _build_markdown


@pytest.fixture(scope="session")
def to_html():
    """Markdown -> HTML the way the site and the PDF convert it."""
    return _to_html


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


@pytest.fixture(scope="session")
def html_tags():
    """html_tags(html) -> [(tag, attributes)] as a browser would parse them."""

    def parse(html: str) -> list[tuple[str, dict]]:
        parser = _Tags()
        parser.feed(html)
        return parser.tags

    return parse


@pytest.fixture(scope="session")
def today():
    return TODAY


@pytest.fixture(scope="session")
def small_md(small) -> dict[str, dict[str, str]]:
    """Language -> slug -> Markdown of the small example."""
    return {lang: _build_markdown(small, lang) for lang in LANGUAGES}
