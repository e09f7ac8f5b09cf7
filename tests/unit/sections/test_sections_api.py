"""The contract other renderers code against: order, slugs, languages, determinism, escaping."""

from __future__ import annotations

from tests.helpers import content_of

import re

import pytest

from generator.audience import Audience, for_audience
from generator.i18n import LANGUAGES, Translator, catalogue
from generator.sections import SECTION_SLUGS, build_sections, extra_figures
from sections_fixtures import build_md, html_tags, small, small_md, to_html, today  # noqa: F401  (fixtures)


HOSTILE = "<script>alert(1)</script> | *bold* [x](http://evil.example)"


def test_sections_come_in_order_with_unique_slugs(small, today):
    docs = content_of(small, "fr", today).sections
    slugs = [d.slug for d in docs]
    assert len(slugs) == len(set(slugs))
    assert [s for s in slugs if s in SECTION_SLUGS] == list(SECTION_SLUGS)
    assert all(d.title and d.blocks for d in docs)


def test_translation_files_have_the_same_keys():
    keys = {lang: {k for k in catalogue(lang) if k.startswith(("sections.", "glossary."))} for lang in LANGUAGES}
    assert keys["fr"] == keys["de"] == keys["en"]
    assert len(keys["fr"]) > 100


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_builds(small_md, lang):
    pages = small_md[lang]
    assert set(SECTION_SLUGS) <= set(pages)
    for md in pages.values():
        assert "{" not in re.sub(r"\{#[\w-]+\}", "", md), "unfilled placeholder"


def test_same_input_same_markdown(small, build_md, today):
    assert build_md(small, "de") == build_md(small, "de")
    assert extra_figures(content_of(small, "fr", today).section_context) == extra_figures(content_of(small, "fr", today).section_context)


def test_hostile_customer_text_is_escaped(small, build_md, to_html):
    users = [small.users[0].model_copy(update={"last_name": HOSTILE, "department": HOSTILE}), *small.users[1:]]
    server = small.servers[0].model_copy(update={"name": HOSTILE, "notes": HOSTILE})
    info = small.pbxdoc.model_copy(update={"customer": small.pbxdoc.customer.model_copy(update={"name": HOSTILE})})
    project = small.replace(users=users, servers=[server, *small.servers[1:]], pbxdoc=info)
    for slug, md in build_md(project, "fr").items():
        html = to_html(md)
        assert "<script" not in html, slug
        assert "href=\"http://evil" not in html, slug
        assert "<em>bold</em>" not in html, slug
    html = to_html(build_md(project, "fr")["numbering"])
    assert "&lt;script&gt;alert(1)&lt;/script&gt; | *bold*" in html


def test_secret_references_only_for_the_integrator(small, build_md):
    integrator = "\n".join(build_md(small, "en").values())
    assert "vault:customers/rochat/3cx-admin" in integrator
    for audience in (Audience.CUSTOMER, Audience.AUDITOR):
        text = "\n".join(build_md(for_audience(small, audience), "en").values())
        assert "vault:" not in text and "env:" not in text, audience


def test_every_figure_is_drawn_by_someone(small, today):
    """Diagram paths come from the diagrams renderer's list; figures/... from extra_figures."""
    from generator.diagrams import views
    from generator.document import Figure

    t = Translator("en")
    drawn = {v.path for v in views(small)} | set(extra_figures(content_of(small, t.lang, today).section_context))
    figures = [b for d in content_of(small, t.lang, today).sections for b in d.blocks if isinstance(b, Figure)]
    assert {f.path for f in figures} <= drawn
    assert {"diagrams/overview-lau-pbx-01.svg", "diagrams/network.svg", "diagrams/dect-lau-dect.svg", "diagrams/availability.svg",
            "diagrams/backup.svg", "figures/licences-timeline.svg"} <= {f.path for f in figures}


def _poison(value, text: str):
    """A copy of a model value whose free-text fields (plain str without a pattern) all hold `text`."""
    from enum import Enum

    from generator.model.base import Record

    if isinstance(value, list):
        return [_poison(v, text) for v in value]
    if not isinstance(value, Record):
        return value
    update = {}
    for name, field in type(value).model_fields.items():
        current = getattr(value, name)
        if isinstance(current, str) and not isinstance(current, Enum) and field.annotation in (str, str | None) and not field.metadata:
            update[name] = text
        elif isinstance(current, (list, Record)):
            update[name] = _poison(current, text)
    return value.model_copy(update=update)


def test_every_free_text_field_is_escaped_everywhere(small, build_md, to_html, html_tags, today):
    hostile = '<script>alert(1)</script><img src=x onerror=alert(2)> | *x* [a](http://evil.example) ![b](file:///etc/passwd)'
    names = ["pbxdoc", "sites", "contacts", "servers", "interfaces", "terminals", "dect", "handsets", "users", "numbering", "rights",
             "network", "addresses", "licences", "changelog", "availability", "callerid", "backups", "documents"]
    project = small.replace(**{n: _poison(getattr(small, n), hostile) for n in names})
    for lang in LANGUAGES:
        pages = build_md(project, lang)
        shown = 0
        for slug, md in pages.items():
            html = to_html(md)
            tags = html_tags(html)
            assert not [t for t, _ in tags if t in ("script", "em", "a")], (lang, slug)
            assert not [a for _, a in tags if "onerror" in a], (lang, slug)
            assert all(a["src"].startswith(("diagrams/", "figures/")) for t, a in tags if t == "img"), (lang, slug)
            shown += html.count("&lt;script&gt;alert(1)&lt;/script&gt;")
        assert shown > 100, lang
    svg = extra_figures(content_of(project, "fr", today).section_context)["figures/licences-timeline.svg"].decode()
    assert not [t for t, a in html_tags(svg) if t in ("script", "img", "a") or "onerror" in a]
