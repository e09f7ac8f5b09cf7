"""Every output in every language: an --all-languages build holds no sentence of another
language's catalogue (no French runbook box in English, no German banner in French...)."""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import openpyxl
import pytest

from generator.audience import Audience
from generator.i18n import LANGUAGES, catalogue
from generator.load import EXAMPLES, SMALL_EXAMPLE
from generator.pipeline import BuildOptions, build

MIN_WORDS = 4  # shorter pieces ("Version", "Total", "Contact") are words several languages share


def sentences(lang: str) -> set[str]:
    """The pieces of a catalogue's sentences between placeholders, long enough to be language,
    that no other catalogue says the same way."""
    others = {text for other in LANGUAGES if other != lang for text in catalogue(other).values()}
    found = set()
    for text in catalogue(lang).values():
        for piece in re.split(r"\{[^{}]*\}|[\n:;()«»\"]", text):
            piece = re.sub(r"\s+", " ", piece).strip(" .,–—-'")
            if len(piece.split()) >= MIN_WORDS and not any(piece in other for other in others):
                found.add(piece)
    return found


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def texts(out: Path, lang: str) -> dict[str, str]:
    """Readable text of every output of one language: site pages, PDFs, workbook cells, diagrams."""
    found: dict[str, str] = {}
    for page in sorted((out / "site" / lang).rglob("*.html")):
        body = re.sub(r"<(script|style)\b.*?</\1>", " ", page.read_text(encoding="utf-8"), flags=re.S)
        found[str(page.relative_to(out))] = _plain(html.unescape(re.sub(r"<[^>]+>", " ", body)))
    for pdf in sorted((out / "pdf").glob(f"*-{lang}-*.pdf")):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        found[str(pdf.relative_to(out))] = _plain(text)
    for book in sorted((out / "xlsx").glob(f"*-{lang}-*.xlsx")):
        workbook = openpyxl.load_workbook(book, read_only=True)
        cells = [ws.title for ws in workbook.worksheets]
        cells += [str(v) for ws in workbook.worksheets for row in ws.iter_rows(values_only=True) for v in row if v is not None]
        found[str(book.relative_to(out))] = _plain(" | ".join(cells))
    for svg in sorted((out / "diagrams" / lang).glob("*.svg")):
        found[str(svg.relative_to(out))] = _plain(html.unescape(re.sub(r"<[^>]+>", " ", svg.read_text(encoding="utf-8"))))
    return found


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("languages") / "out"
    build(EXAMPLES / SMALL_EXAMPLE, BuildOptions(out=out, all_languages=True, audience=Audience.INTEGRATOR))
    return out


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_sentence_of_another_language(built, lang):
    outputs = texts(built, lang)
    assert len(outputs) > 20 and any(name.endswith(".pdf") for name in outputs) and any(name.endswith(".xlsx") for name in outputs)
    leaks = []
    for other in LANGUAGES:
        if other == lang:
            continue
        for sentence in sorted(sentences(other)):
            leaks += [f"{name}: {other} «{sentence}»" for name, text in outputs.items() if sentence in text]
    assert leaks == [], f"{len(leaks)} sentences of another language in the {lang} outputs"


def _other_date_forms(lang: str) -> re.Pattern:
    """Dates written in any form but the language's one (`format.date`): with a month name
    (Babel's wide and abbreviated names of the language), with a two-digit year, or with the
    other languages' separator."""
    from babel import Locale

    from generator.i18n import LOCALES

    months = Locale.parse(LOCALES[lang]).months["format"]
    names = sorted({re.escape(n.rstrip(".")) for width in ("wide", "abbreviated") for n in months[width].values()}, key=len, reverse=True)
    other_separator = "/" if "." in catalogue(lang)["content.format.date"] else r"\."
    return re.compile(
        rf"\b\d{{1,2}}\.?\s(?:{'|'.join(names)})\.?\s\d{{4}}\b"  # 6 mai 2024, 6. Mai 2024, 6 May 2024
        rf"|(?<![\d.,/])\d{{1,2}}[./]\d{{1,2}}[./]\d{{2}}(?![\d.,/])"  # 06.05.24
        rf"|(?<![\d.,/])\d{{2}}{other_separator}\d{{2}}{other_separator}\d{{4}}(?![\d.,/])",  # 06/05/2024 in French
        re.IGNORECASE,
    )


def _could_be_a_date(text: str) -> bool:
    """Numbers like a firmware 00.07.09 or a switch port 1/0/24 are no date: day 1-31, month 1-12."""
    numbers = re.split(r"[./]", text)
    if len(numbers) != 3 or not all(n.isdigit() for n in numbers):
        return True  # written with a month name
    return 1 <= int(numbers[0]) <= 31 and 1 <= int(numbers[1]) <= 12


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGUAGES)
def test_one_date_form_in_every_output(built, lang):
    """Every date of every output of a language is written in its one form: no document shows
    two forms, and the workbook's date cells carry the same form as a number format."""
    other = _other_date_forms(lang)
    outputs = texts(built, lang)
    found = [f"{name}: {m.group(0)!r}" for name, text in outputs.items() for m in other.finditer(text) if _could_be_a_date(m.group(0))]
    assert not found, "\n".join(found[:40])
    workbook = openpyxl.load_workbook(next((built / "xlsx").glob(f"*-{lang}-*.xlsx")))
    formats = {c.number_format for ws in workbook.worksheets for row in ws.iter_rows() for c in row if c.is_date}
    from generator.i18n import Translator

    assert formats == {Translator(lang).spreadsheet_date_format()}
