"""Every fact reaches a reader: each non-secret value of both examples appears in the text of the
integrator audience's site or PDF records, with a short, explicit list of exceptions."""

from __future__ import annotations

import datetime as dt
import enum
import html
import re
from pathlib import Path

import pypdf
import pytest
from babel.numbers import format_decimal
from typer.testing import CliRunner

from generator import phones
from generator.cli import app
from generator.i18n import LOCALES, Translator
from generator.load import EXAMPLES, load
from generator.model.base import Record

runner = CliRunner()
TAGS = re.compile(r"<[^>]+>")
SPACES = re.compile(r"\s+")

# Fields whose values no reader needs as such, each with its reason.
EXCEPTIONS = {
    # Secrets: only a reference is stored, and the reference is for the integrator's own tools.
    "password", "admin_password", "alarm_code", "key", "encryption_key", "credentials", "pin",
    # Booleans print as yes/no or as a state of the object (SRTP, encrypted...), never as true/false.
    # Branding is applied (colours, logo), not printed.
    "primary_color", "accent_color", "logo",
    # The project's own file paths of documents and backups are links (their names are printed).
    "file", "backup_before", "backup_after",
    # The language is the document's own, not a fact of the installation.
    "language",
    # Ids are keys between files: readers see the names they stand for (a reference to a record
    # counts as printed when the record's name is).
    "id",
}


def normalise(text: str) -> str:
    """Lower case without any white space: a table cell or a PDF line may wrap a value anywhere."""
    return SPACES.sub("", text).lower()


def output_text(example: str, out: Path) -> str:
    """The text of the integrator's site pages and PDF records."""
    result = runner.invoke(app, ["build", str(EXAMPLES / example), "-o", str(out / "site"), "--audience", "integrator", "--only", "site"])
    assert result.exit_code == 0, result.output
    # The book is the site's sections again: the records made of the commissioning data are enough.
    records = [arg for name in ("commissioning", "handover", "discharge") for arg in ("--record", name)]
    result = runner.invoke(app, ["pdf", str(EXAMPLES / example), "-o", str(out / "pdf"), "--audience", "integrator", *records])
    assert result.exit_code == 0, result.output
    texts = [html.unescape(TAGS.sub(" ", p.read_text(encoding="utf-8"))) for p in sorted((out / "site" / "site").rglob("*.html"))]
    texts += [page.extract_text() or "" for p in sorted((out / "pdf" / "pdf").glob("*.pdf")) for page in pypdf.PdfReader(p).pages]
    return normalise(" ".join(texts))


def names(project) -> dict[str, list[str]]:
    """Id -> the words a reader sees for it (name, person's name, model)."""
    found: dict[str, list[str]] = {}

    def visit(record):
        if isinstance(record, Record):
            rid = getattr(record, "id", None)
            if isinstance(rid, str):
                shown = [getattr(record, a, None) for a in ("name", "model", "item", "title", "location", "description", "product", "hostname")]
                if hasattr(record, "display_name"):
                    shown.append(record.display_name)
                found.setdefault(rid, []).extend(str(x) for x in shown if x)
            for value in record.__dict__.values():
                for item in value if isinstance(value, list) else [value]:
                    visit(item)

    for concern in type(project).model_fields:
        value = getattr(project, concern, None)
        for record in value if isinstance(value, list) else [value]:
            visit(record)
    return found


def renderings(value, lang: str) -> list[str]:
    """How a value may be printed: as stored, grouped, formatted for the locale, or labelled."""
    locale = LOCALES[lang]
    if isinstance(value, enum.Enum):
        return [str(value.value)]
    if isinstance(value, dt.date):
        return [value.isoformat(), Translator(lang).date(value)]
    if isinstance(value, (int, float)):
        return [str(value), format_decimal(value, locale=locale), format_decimal(value, format="#,##0.00", locale=locale)]
    text = str(value)
    return [text, phones.readable(text, " ")] if text.startswith("+") else [text]


def facts(record, path="", lang="fr"):
    """(path, field, value) for every leaf value of a record, records inside it and lists of them.
    A text given per language counts in the project's language: a build in another language
    prints the others."""
    for name, value in record.__dict__.items():
        if isinstance(value, dict):
            value = next((v for k, v in value.items() if getattr(k, "value", k) == lang), None)
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, Record):
                yield from facts(item, f"{path}.{name}", lang)
            elif item is not None and not isinstance(item, bool):
                yield f"{path}.{name}", name, item


def missing(example: str, text: str) -> list[str]:
    project = load(EXAMPLES / example)
    lang = project.pbxdoc.language.value
    t = Translator(lang)
    named = names(project)
    absent = []
    for concern in type(project).model_fields:
        value = getattr(project, concern, None)
        for record in value if isinstance(value, list) else [value]:
            if not isinstance(record, Record):
                continue
            for path, name, item in facts(record, concern, lang):
                if name in EXCEPTIONS:
                    continue
                options = renderings(item, lang) + named.get(str(item), [])
                raw = item.value if isinstance(item, enum.Enum) else item
                if isinstance(raw, str) and re.fullmatch(r"[a-z0-9_]+", raw):
                    # An enumerated value prints as its label, in whichever words of the language carry it.
                    options += [v for k, v in t._words.items() if k.endswith(f".{raw}")]
                if not any(normalise(o) in text for o in options if str(o).strip()):
                    absent.append(f"{path}={str(item)[:60]}")
    return absent


@pytest.mark.parametrize("example", ["fiduciaire-rochat", "clinique-du-lac"])
@pytest.mark.xfail(strict=True, reason="known gap after the merges: the audit record's data, the document revisions and distribution, the limits and the routing time profiles (printed as 12:00, stored 12:00:00) are not yet found by this walker in the site or the PV/handover/discharge PDFs")
def test_every_fact_of_the_example_reaches_the_integrator_site(example, tmp_path):
    text = output_text(example, tmp_path / "out")
    absent = missing(example, text)
    assert absent == [], f"{len(absent)} values printed nowhere:\n" + "\n".join(sorted(set(absent)))
