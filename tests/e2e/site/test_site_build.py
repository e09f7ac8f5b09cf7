"""The site as `pbxdoc build` and `mkdocs build` produce it, inspected on disk."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.audience import Audience
from generator.load import EXAMPLES, REPO_ROOT, SMALL_EXAMPLE
from generator.output import Output
from generator.renderers.base import Product, RenderContext
from generator.i18n import Translator
from generator.prepare import prepare
from generator.site.build import render

pytestmark = pytest.mark.slow

EXTERNAL = re.compile(r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import\s+["']?(?:https?:)?//""", re.I)


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_single_language_site_has_pages_assets_and_search(small_site):
    assert (small_site / "index.html").is_file()
    assert (small_site / "search" / "search_index.js").is_file()
    assert (small_site / "assets" / "pbxdoc" / "tables.js").is_file()
    assert (small_site / "assets" / "pbxdoc" / "logo.svg").is_file()
    home = (small_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in home
    assert "<title>Fiduciaire Rochat SA</title>" in home
    assert "Léman Télécom Sàrl — intégrateur télécom certifié 3CX et Yealink" in home


def test_nothing_is_loaded_from_another_origin(small_site):
    for path in [*html_pages(small_site), *small_site.rglob("*.css")]:
        text = path.read_text(encoding="utf-8")
        found = EXTERNAL.search(text)
        assert found is None, f"{path.relative_to(small_site)} loads {text[found.start():found.start() + 80]!r}"
    assert "fonts.googleapis.com" not in (small_site / "index.html").read_text(encoding="utf-8")
    assert "assets/pbxdoc/vendor/iframe-worker/shim.js" in (small_site / "index.html").read_text(encoding="utf-8")


def test_sitemap_dates_come_from_the_data(small_site):
    """mkdocs stamps the sitemap (and its gzip header) with the build date unless told otherwise."""
    gz = (small_site / "sitemap.xml.gz").read_bytes()
    mtime = int.from_bytes(gz[4:8], "little")
    assert dt.datetime.fromtimestamp(mtime, dt.timezone.utc) == dt.datetime(2026, 11, 20, tzinfo=dt.timezone.utc)


def test_all_languages_side_by_side_with_a_switcher(multilingual_site):
    for lang in ("fr", "de", "en"):
        page = (multilingual_site / lang / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in page
        for other in ("fr", "de", "en"):
            assert f'href="../{other}/index.html" target="_self" hreflang="{other}"' in page
    root = (multilingual_site / "index.html").read_text(encoding="utf-8")
    assert 'url=fr/index.html' in root
    assert "Dokumente und Downloads" in (multilingual_site / "de" / "index.html").read_text(encoding="utf-8") or any(
        "Dokumente und Downloads" in p.read_text(encoding="utf-8") for p in html_pages(multilingual_site / "de")
    )


def test_customer_text_is_shown_as_text(hostile_site, hostile_text):
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
    for path in html_pages(hostile_site):
        text = path.read_text(encoding="utf-8")
        assert hostile_text not in text, path
        assert "javascript:" not in text.replace("javascript:alert(2))", ""), path
        assert 'href="javascript:' not in text, path
    home = (hostile_site / "index.html").read_text(encoding="utf-8")
    assert f"<title>{escaped}</title>" in home
    runbook = (hostile_site / "backup" / "runbook-lau-pbx-01.html").read_text(encoding="utf-8")
    assert f"<title>&lt;/title&gt;{escaped}" in runbook  # material's striptags would unescape it
    assert any(escaped in p.read_text(encoding="utf-8") for p in html_pages(hostile_site))


def test_rebuilds_are_byte_identical(tmp_path, site_builder):
    first = site_builder(EXAMPLES / SMALL_EXAMPLE, tmp_path / "a", all_languages=True)
    second = site_builder(EXAMPLES / SMALL_EXAMPLE, tmp_path / "b", all_languages=True)

    def digests(site: Path) -> dict[str, str]:
        return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*")) if p.is_file()}

    assert digests(first) == digests(second)


def test_downloads_page_offers_the_builds_pdfs_and_workbook(tmp_path):
    content = prepare(EXAMPLES / SMALL_EXAMPLE, Audience.INTEGRATOR, "en").content
    output = Output(tmp_path / "out")
    output.write("pdf/dossier-fr.pdf", b"%PDF-1.7 dossier")
    output.write("xlsx/inventaire.xlsx", b"PK inventaire")
    products = (Product("pdf/dossier-fr.pdf", "Dossier", "pdf", "en", Audience.INTEGRATOR), Product("xlsx/inventaire.xlsx", "Inventaire", "workbook", "en", Audience.INTEGRATOR))
    render(RenderContext((content,), output, products))
    site = output.staging / "site"
    assert (site / "downloads" / "pdf" / "dossier-fr.pdf").read_bytes() == b"%PDF-1.7 dossier"
    page = (site / "documents.html").read_text(encoding="utf-8")
    assert 'href="downloads/pdf/dossier-fr.pdf"' in page
    assert hashlib.sha256(b"%PDF-1.7 dossier").hexdigest() in page
    assert "16 bytes" in page
    output.discard()


def test_plain_mkdocs_build_at_the_repository_root(tmp_path):
    env = dict(os.environ, PBXDOC_PROJECT=str(EXAMPLES / SMALL_EXAMPLE), PBXDOC_LANG="de", NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert '<html lang="de"' in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def _site_text(site: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted([*site.rglob("*.html"), *site.rglob("search_index.json")]))


def test_audiences_see_what_they_may(small_site, multilingual_site):
    integrator, customer = _site_text(small_site), _site_text(multilingual_site / "fr")
    assert "vault:customers/rochat/veeam-key" in integrator
    assert "vault:" not in customer  # secret references are for the integrator only
    assert "Nadia Berset" in integrator
    assert "Nadia Berset" not in customer  # internal contact


def test_a_projects_own_templates_override_the_sites(tmp_path, site_builder):
    project = tmp_path / "project"
    shutil.copytree(EXAMPLES / SMALL_EXAMPLE, project)
    partials = project / "templates" / "site" / "partials"
    partials.mkdir(parents=True)
    (partials / "copyright.html").write_text('<div class="md-copyright">Hotline Rochat 24/7</div>\n', encoding="utf-8")
    site = site_builder(project, tmp_path / "out")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Hotline Rochat 24/7" in home
    assert "pbxdoc-provenance" not in home


def test_an_inheriting_mkdocs_yml_stacks_its_templates_on_pbxdocs(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mine" / "partials").mkdir(parents=True)
    (tmp_path / "mine" / "partials" / "copyright.html").write_text('<div class="md-copyright">Acme footer</div>\n', encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        f"INHERIT: {REPO_ROOT / 'mkdocs.yml'}\ndocs_dir: docs\ntheme:\n  custom_dir: mine\n"
        f"plugins:\n  - search\n  - offline\n  - pbxdoc:\n      project: {EXAMPLES / SMALL_EXAMPLE}\n      lang: en\n",
        encoding="utf-8",
    )
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(tmp_path / "mkdocs.yml"), "--site-dir", str(tmp_path / "site")],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "Acme footer" in home  # the integrator's template
    assert 'id="pbxdoc-labels"' in home  # pbxdoc's main.html still applies
    assert '<html lang="en"' in home
