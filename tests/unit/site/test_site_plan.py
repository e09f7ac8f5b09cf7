import html

import pytest

from generator.document import Document
from generator.site.build import language_chooser
from generator.site.plan import NavGroup, SitePage, SitePlan, plan_site, slug_of


def test_plan_of_the_small_example_has_a_home_and_downloads(small_project, fr, generated):
    plan = plan_site(small_project, fr, generated)
    paths = [p.path for p in plan.pages]
    assert paths[0] == "index.md"
    assert len(paths) == len(set(paths))
    assert any("Documents du dossier client" in p.markdown for p in plan.pages)
    assert plan.files["assets/pbxdoc/branding.css"].startswith(b"/* Generated")
    assert plan.copies["assets/pbxdoc/logo.svg"].name == "leman-telecom-logo.svg"


def test_every_nav_entry_is_a_page_of_the_plan(small_project, fr, generated):
    plan = plan_site(small_project, fr, generated)
    paths = {p.path for p in plan.pages}
    for entry in plan.nav:
        for page in entry.pages if isinstance(entry, NavGroup) else (entry,):
            assert page.path in paths


def test_nav_titles_are_escaped_for_material():
    hostile = SitePage("x.md", "<script>alert(1)</script>", "# x\n")
    plan = SitePlan("s", "fr", (hostile, NavGroup("A & <b>", (hostile,))), (hostile,), {})
    nav = plan.mkdocs_nav()
    assert nav[0] == {"&lt;script&gt;alert(1)&lt;/script&gt;": "x.md"}
    assert list(nav[1]) == ["A &amp; &lt;b&gt;"]


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
