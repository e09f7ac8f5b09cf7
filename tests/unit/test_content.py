"""Content is made once per language and read by every renderer, in that language."""

from __future__ import annotations

import collections

import pytest

from generator import content as content_module
from generator.audience import Audience
from generator.load import EXAMPLES, SMALL_EXAMPLE
from generator.pipeline import BuildOptions, build
from generator.prepare import languages_of, prepare


@pytest.fixture
def counted(monkeypatch):
    """Count the calls of every builder the content uses."""
    calls: collections.Counter = collections.Counter()
    for name in ("build_runbooks", "build_sections", "render_all", "extra_figures", "views"):
        original = getattr(content_module, name)

        def wrapper(*args, _original=original, _name=name, **kwargs):
            calls[_name] += 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(content_module, name, wrapper)
    return calls


def test_a_build_derives_each_part_once_per_language(counted, tmp_path):
    result = build(EXAMPLES / SMALL_EXAMPLE, BuildOptions(out=tmp_path / "out", all_languages=True, only=("diagrams", "data", "workbook", "site")))
    assert result.manifest["languages"] == ["fr", "de", "en"]
    assert counted == {"build_runbooks": 3, "build_sections": 3, "render_all": 3, "extra_figures": 3, "views": 3}
    files = set(result.manifest["files"])
    assert {f"xlsx/fiduciaire-rochat-{lang}-customer.xlsx" for lang in ("fr", "de", "en")} <= files
    assert {f"site/{lang}/index.html" for lang in ("fr", "de", "en")} <= files
    assert any(path.startswith("diagrams/de/") for path in files)


def test_findings_are_worded_in_the_content_s_language():
    prepared = prepare(EXAMPLES / SMALL_EXAMPLE, Audience.CUSTOMER, "en", all_languages=True)
    by_lang = {c.lang: c for c in prepared.contents}
    assert prepared.languages == ("en", "fr", "de")
    fr, en = by_lang["fr"].project.findings, by_lang["en"].project.findings
    assert [f.rule for f in fr] == [f.rule for f in en] and fr
    assert all(a.title != b.title for a, b in zip(fr, en))
    assert en[0].title == by_lang["en"].translator.t(f"checks.rules.{en[0].rule}.problem")  # a finding is titled with its problem


def test_the_least_privileged_audience_is_the_default():
    assert prepare(EXAMPLES / SMALL_EXAMPLE).audience is Audience.CUSTOMER
    assert BuildOptions(out=None).audience is Audience.CUSTOMER


def test_languages_put_the_asked_one_first(small_project):
    assert languages_of(small_project, None, False) == ("fr",)
    assert languages_of(small_project, "de", True) == ("de", "fr", "en")


def test_the_internal_edition_says_so_on_every_page_and_in_its_names(tmp_path):
    """The integrator's outputs are marked internal in their file names and on every page; the
    customer's are not."""
    import openpyxl

    for audience, marked in ((Audience.INTEGRATOR, True), (Audience.CUSTOMER, False)):
        out = tmp_path / audience.value
        result = build(EXAMPLES / SMALL_EXAMPLE, BuildOptions(out=out, audience=audience, only=("workbook", "site")))
        names = [name for name in result.manifest["files"] if name.startswith("xlsx/")]
        assert names == [f"xlsx/fiduciaire-rochat-fr-{'internal' if marked else 'customer'}.xlsx"]
        header = openpyxl.load_workbook(out / names[0]).worksheets[0].oddHeader.right.text or ""
        pages = sorted((out / "site").rglob("*.html"))
        banners = ["Interne — intégrateur uniquement" in p.read_text(encoding="utf-8") for p in pages]
        if marked:
            assert "Interne" in header and all(banners), [p.name for p, b in zip(pages, banners) if not b]
        else:
            assert "Interne" not in header and not any(banners)


def test_two_parts_are_made_at_once_and_each_only_once(small_project):
    """One lock per part: the diagrams can be drawn while the sections are made, and a part asked
    for by two threads at once is still made once."""
    import datetime as dt
    import threading
    from concurrent.futures import ThreadPoolExecutor

    content = content_module.Content(small_project, Audience.CUSTOMER, "fr", dt.datetime(2026, 11, 20, tzinfo=dt.timezone.utc))
    both_inside = threading.Barrier(2, timeout=10)
    made: collections.Counter = collections.Counter()

    def part(name: str):
        made[name] += 1
        both_inside.wait()  # a single lock for every part would keep the other thread out: BrokenBarrierError
        return name

    with ThreadPoolExecutor(max_workers=4) as pool:
        found = list(pool.map(lambda name: content._once(name, lambda: part(name)), ["a", "b", "a", "b"]))
    assert found == ["a", "b", "a", "b"] and made == {"a": 1, "b": 1}


def test_the_renderers_after_the_pdfs_wait_until_the_book_is_under_way(tmp_path):
    """The renderer running alongside (the PDFs) has the interpreter to itself until it says its
    longest work is under way; then the next renderers run while it goes on."""
    import threading
    import time

    from generator.output import Output
    from generator.pipeline import render
    from generator.renderers.base import Renderer

    prepared = prepare(EXAMPLES / SMALL_EXAMPLE)
    events: list[str] = []
    finish = threading.Event()

    def alongside(ctx):
        time.sleep(0.3)  # planning the book: without the wait, the next renderer would start first
        events.append("planning")
        ctx.under_way()
        finish.wait(10)  # the book is typeset in a worker; the next renderers run meanwhile
        events.append("alongside done")
        return []

    def next_one(ctx):
        events.append("next renderer")
        finish.set()
        return []

    output = Output(tmp_path / "out", project=prepared.project.root)
    try:
        render(prepared, output, (Renderer("pdf", alongside, "", alongside=True), Renderer("site", next_one, "")))
    finally:
        output.discard()
    assert events == ["planning", "next renderer", "alongside done"]


def test_a_renderer_alongside_that_never_says_it_is_under_way_lets_the_next_start_when_it_ends(tmp_path):
    from generator.output import Output
    from generator.pipeline import render
    from generator.renderers.base import Renderer

    prepared = prepare(EXAMPLES / SMALL_EXAMPLE)
    events: list[str] = []
    output = Output(tmp_path / "out", project=prepared.project.root)
    try:
        render(prepared, output, (Renderer("pdf", lambda ctx: events.append("alongside") or [], "", alongside=True), Renderer("site", lambda ctx: events.append("next") or [], "")))
    finally:
        output.discard()
    assert events == ["alongside", "next"]
