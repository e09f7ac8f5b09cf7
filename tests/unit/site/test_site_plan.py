import html

import pytest

from generator.document import Document
from generator.site.build import language_chooser
from generator.site.plan import NavGroup, SitePage, SitePlan, slug_of


def test_plan_of_the_small_example(small_plan):
    plan = small_plan
    paths = [p.path for p in plan.pages]
    assert paths[0] == "index.md"
    assert len(paths) == len(set(paths))
    documents = next(p for p in plan.pages if p.path == "documents.md")
    assert "## Téléchargements" in documents.markdown
    assert "(downloads/documents/doc-pv-pv-de-mise-en-service-3cx.txt)" in documents.markdown
    assert plan.links["doc-pv"] == "downloads/documents/doc-pv-pv-de-mise-en-service-3cx.txt"  # the register links to it
    assert plan.files["assets/pbxdoc/branding.css"].startswith(b"/* Generated")
    assert plan.files["assets/pbxdoc/logo.png"].startswith(b"\x89PNG\r\n")  # the SVG logo, rasterised
    assert not any("logo" in path for path in plan.copies)


def _nav_pages(entries):
    for entry in entries:
        if isinstance(entry, NavGroup):
            yield from _nav_pages(p for _, p in entry.pages)
        else:
            yield entry


def _groups(entries):
    for entry in entries:
        if isinstance(entry, NavGroup):
            yield entry
            yield from _groups(p for _, p in entry.pages)


def test_every_nav_entry_is_a_page_of_the_plan(small_plan):
    plan = small_plan
    paths = {p.path for p in plan.pages}
    for page in _nav_pages(plan.nav):
        assert page.path in paths


def test_sections_are_grouped_in_tabs_by_task(small_plan):
    tabs = [(e.title, [p.path for _, p in e.pages if not isinstance(p, NavGroup)] if isinstance(e, NavGroup) else [e.path]) for e in small_plan.nav]
    assert [title for title, _ in tabs] == ["Vue d'ensemble", "Installation", "Utilisateurs et numéros", "Exploitation", "Conformité", "Documents"]
    assert tabs[0][1] == ["index.md"]  # a tab of one page is the page itself, with its table of contents
    assert {"numbering.md", "numbering-users.md"} <= set(tabs[2][1])
    assert "compliance.md" in tabs[4][1]


def test_runbooks_are_pages_of_the_backup_section(small_plan):
    plan = small_plan
    backup = next(e for e in _groups(plan.nav) if e.title == "Sauvegarde et restauration")
    assert backup.pages[0][1].path == "backup/index.md"
    assert ("3CX Fiduciaire Rochat (lau-pbx-01)", "backup/runbook-lau-pbx-01.md") in [(t, p.path) for t, p in backup.pages]
    runbook = next(p for p in plan.pages if p.path == "backup/runbook-lau-pbx-01.md")
    assert "- [ ] " in runbook.markdown  # printable checklists


def test_nav_titles_are_escaped_for_material():
    hostile = SitePage("x.md", "<script>alert(1)</script>", "# x\n")
    plan = SitePlan("s", "fr", (hostile, NavGroup("A & <b>", (("<i>", hostile),))), (hostile,), {})
    nav = plan.mkdocs_nav()
    assert nav[0] == {"&lt;script&gt;alert(1)&lt;/script&gt;": "x.md"}
    assert nav[1] == {"A &amp; &lt;b&gt;": [{"&lt;i&gt;": "x.md"}]}


def test_slugs_must_be_file_names():
    assert slug_of(Document("Plan d'adressage", [], "")) == "plan-d-adressage"
    with pytest.raises(ValueError):
        slug_of(Document("x", [], "../etc"))


def test_language_chooser_links_every_language():
    page = language_chooser(("de", "fr", "en"))
    assert '<html lang="de">' in page
    assert 'url=de/index.html' in page
    for lang, name in (("fr", "Français"), ("de", "Deutsch"), ("en", "English")):
        assert f'<a href="{lang}/index.html" hreflang="{lang}" lang="{lang}">{html.escape(name)}</a>' in page
