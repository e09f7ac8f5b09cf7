"""Legible on paper, measured on the records of both examples: identifiers and phone numbers whole,
diagram text at least 6 pt at print size, one table type size per record, no word said twice."""

from __future__ import annotations

import html as html_lib
import re
import subprocess
from pathlib import Path

import pytest
from weasyprint import HTML
from weasyprint.formatting_structure import boxes
from weasyprint.text.fonts import FontConfiguration

from generator.audience import Audience
from generator.checks.catalogue import catalogue
from generator.load import EXAMPLES, load
from generator.pdf.fetcher import SafeFetcher
from generator.pdf.layout import MIN_PRINT_FONT_PT, _SVG_SIZE, smallest_font
from generator.pdf.render import PdfOptions, plan
from generator.phones import readable
from generator.pipeline import build_pdfs
from generator.prepare import prepare
from tests.pdf_text import broken_tokens

pytestmark = pytest.mark.slow

EXAMPLE_NAMES = ("fiduciaire-rochat", "clinique-du-lac")
_FIGURE = re.compile(r'<img style="width: ([\d.]+)pt; height: [\d.]+pt" [^>]*src="pbxdoc:([^"]+\.svg)"')


@pytest.fixture(scope="module")
def jobs() -> dict[str, list]:
    """Every typeset record (not the issued ones, published as they were) of both examples, in
    every language, for the integrator, who sees the most."""
    found = {}
    for name in EXAMPLE_NAMES:
        prepared = prepare(EXAMPLES / name, Audience.INTEGRATOR, None, all_languages=True)
        found[name] = [job for content in prepared.contents for job, _ in plan(content, PdfOptions()) if job.html]
    return found


def _tokens(project) -> set[str]:
    """Every id of the data and every phone number as printed, of the example (rule ids are added)."""
    found: set[str] = set()

    def walk(value) -> None:
        if hasattr(type(value), "model_fields"):
            for field in type(value).model_fields:
                item = getattr(value, field)
                if field == "id" and isinstance(item, str):
                    found.add(item)
                walk(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, str) and re.fullmatch(r"\+\d{7,15}", value):
            found.update({value, readable(value, " ")})

    walk(project)
    return found


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_identifiers_and_phone_numbers_are_never_broken(name, tmp_path):
    out = tmp_path / "out"
    build_pdfs(EXAMPLES / name, out, "en", Audience.CUSTOMER)  # the narrowest columns: English words, the customer's tables
    tokens = _tokens(load(EXAMPLES / name)) | {rule.id for rule in catalogue()}
    assert len(tokens) > 50
    texts = {}
    for path in sorted((out / "pdf").glob("*.pdf")):
        texts[path.name] = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
        assert broken_tokens(texts[path.name], tokens) == set(), path.name
    layout = "\n".join(subprocess.run(["pdftotext", "-layout", str(p), "-"], check=True, capture_output=True, text=True).stdout for p in sorted((out / "pdf").glob("*.pdf")))
    assert len({t for t in tokens if t in layout}) > 40  # the test reads real records: many are printed, each whole


def test_no_diagram_text_under_6_pt_at_print_size(jobs):
    checked = 0
    for name, found in jobs.items():
        for job in found:
            for match in _FIGURE.finditer(job.html):
                svg = job.resources[match.group(2)]
                width = float(_SVG_SIZE.search(svg[:2000]).group(1))
                font = smallest_font(svg)
                assert font is not None, match.group(2)
                printed = font * float(match.group(1)) / width
                assert printed >= MIN_PRINT_FONT_PT - 0.05, (name, job.path, match.group(2), round(printed, 2))
                checked += 1
    assert checked >= 20


def _words(job) -> list[str]:
    """The record's text, one line per text node (a table cell, a paragraph run)."""
    body = re.sub(r"<head>.*?</head>", " ", job.html, flags=re.S)
    return [line.strip() for line in html_lib.unescape(re.sub(r"<[^>]+>", "\n", body)).splitlines() if line.strip()]


_TWICE = re.compile(r"(?<![\w-])([^\W\d][\w-]*)\s+\1(?![\w-])", re.IGNORECASE)
GRAMMATICAL = {"die die", "der der", "das das"}  # German: a relative pronoun before its article


def test_no_word_is_said_twice_in_a_row(jobs):
    repeated = []
    for name, found in jobs.items():
        for job in found:
            for line in _words(job):
                for match in _TWICE.finditer(line):
                    if match.group(0).lower() not in GRAMMATICAL:
                        repeated.append((job.path, line[:90]))
    assert repeated == []


def test_the_detector_finds_a_repeated_word():
    assert _TWICE.search("Système DECT DECT Fiduciaire") and _TWICE.search("Mitel mitel 470")
    assert not _TWICE.search("+41 21 555 20 20") and not _TWICE.search("Système DECT Fiduciaire")


def _table_sizes(job) -> set[float]:
    """Type sizes of every text laid out inside a table of the record."""
    fetcher = SafeFetcher(job.resources, Path(job.project_root), job.allowed_data)
    document = HTML(string=job.html, base_url="pbxdoc:", url_fetcher=fetcher).render(font_config=FontConfiguration())
    sizes: set[float] = set()

    def walk(box, in_table: bool) -> None:
        in_table = in_table or isinstance(box, boxes.TableBox)
        if in_table and isinstance(box, boxes.TextBox) and box.text.strip():
            sizes.add(round(box.style["font_size"], 2))
        for child in getattr(box, "children", ()):
            walk(child, in_table)

    for page in document.pages:
        walk(page._page_box, False)
    return sizes


def test_one_table_type_size_per_record(jobs):
    """Measured in the layout: every table text of a record, the title page's too, at one size."""
    small = [job for job in jobs["fiduciaire-rochat"] if "-fr-" in job.path]
    assert len(small) >= 5
    for job in small:
        sizes = _table_sizes(job)
        assert len(sizes) == 1, (job.path, sizes)
