"""The customer and auditor editions say in words what to record and where the evidence is: no
data file name, `knowledge/` path, `file:line` location or data key of the model reaches any of
their outputs (site pages, PDFs, workbook cells, diagrams). The integrator's edition keeps them."""

from __future__ import annotations

import html
import inspect
import pkgutil
import re
import subprocess
from pathlib import Path

import openpyxl
import pydantic
import pytest

import generator.model
from generator.audience import Audience
from generator.load import EXAMPLES
from generator.model.project import Project
from generator.pipeline import BuildOptions, build

# The examples, each in a language of its own (every language's variants are worded the same way).
EDITIONS = [(example, lang, audience) for example, lang in (("clinique-du-lac", "fr"), ("fiduciaire-rochat", "de"))
            for audience in (Audience.CUSTOMER, Audience.AUDITOR)]

# Top-level keys of the model that are also plain words of an edition's language, or a name.
PLAIN_WORDS = {
    "pbxdoc",  # the product's name ("pbxdoc verify")
    "audit", "contacts", "dect", "documents", "interfaces", "licences", "sites",  # French or German words
}
# A PDF record carries the data it states as PDF/A-3 attachments (`backups.customer.yaml`); its list
# of attachments names files the reader opens from the PDF itself, not the integrator's folder.
ATTACHMENT = re.compile(r"\b[\w-]+\.(?:customer|auditor)\.(?:yaml|csv)\b")
LOCATION = re.compile(r"[\w./-]+\.(?:ya?ml|csv|xlsx|json):\d+")


def model_keys() -> set[str]:
    """Every field name of the model's records: the keys a data file is written with."""
    keys = set(Project.model_fields)
    for info in pkgutil.iter_modules(generator.model.__path__):
        module = __import__(f"generator.model.{info.name}", fromlist=["_"])
        for value in vars(module).values():
            if inspect.isclass(value) and issubclass(value, pydantic.BaseModel):
                keys |= set(value.model_fields)
    return keys


def forbidden_keys() -> re.Pattern:
    """Keys written as keys: snake_case field names, and the top-level keys (the data files' names)
    that are no plain word."""
    keys = {k for k in model_keys() if "_" in k} | (set(Project.model_fields) - PLAIN_WORDS)
    return re.compile(r"(?<![\w/.-])(" + "|".join(sorted(map(re.escape, keys), key=len, reverse=True)) + r")(?![\w/-])")


def project_files(root: Path) -> set[str]:
    """The project's files by relative path and by name (a name with an extension is no plain word)."""
    paths = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    return paths | {Path(p).name for p in paths}


def texts(out: Path) -> dict[str, str]:
    """Readable text of every output: site pages (not the vendored libraries' licences), PDFs,
    workbook cells, diagrams."""
    found: dict[str, str] = {}
    for page in sorted((out / "site").rglob("*.html")):
        if "assets" in page.relative_to(out / "site").parts:
            continue
        body = re.sub(r"<(script|style)\b.*?</\1>", " ", page.read_text(encoding="utf-8"), flags=re.S)
        found[str(page.relative_to(out))] = html.unescape(re.sub(r"<[^>]+>", " ", body))
    for pdf in sorted((out / "pdf").glob("*.pdf")):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        found[str(pdf.relative_to(out))] = ATTACHMENT.sub(" ", text)
    for book in sorted((out / "xlsx").glob("*.xlsx")):
        workbook = openpyxl.load_workbook(book, read_only=True)
        cells = [str(v) for ws in workbook.worksheets for row in ws.iter_rows(values_only=True) for v in row if v is not None]
        found[str(book.relative_to(out))] = "\n".join(cells)
    for svg in sorted((out / "diagrams").glob("*.svg")):
        found[str(svg.relative_to(out))] = html.unescape(re.sub(r"<[^>]+>", " ", svg.read_text(encoding="utf-8")))
    return found


def leaks(text: str, files: set[str], keys: re.Pattern) -> set[str]:
    found = {m[0] for m in LOCATION.finditer(text)} | {m[0] for m in keys.finditer(text)}
    found |= {m[0] for m in re.finditer(r"\S*knowledge/\S*", text)}
    found |= {f for f in files if f in text and re.search(r"(?<![\w/-])" + re.escape(f) + r"(?![\w/-])", text)}
    return found


@pytest.mark.slow
@pytest.mark.parametrize("example, lang, audience", EDITIONS, ids=[f"{e}-{a.value}" for e, _, a in EDITIONS])
def test_no_data_file_key_or_location_in_the_customer_and_auditor_editions(tmp_path, example, lang, audience):
    out = tmp_path / "out"  # one build per test, so that the workers share the four editions
    build(EXAMPLES / example, BuildOptions(out=out, lang=lang, audience=audience))
    outputs = texts(out)
    assert any(n.endswith(".pdf") for n in outputs) and any(n.endswith(".xlsx") for n in outputs) and any(n.startswith("site/backup/runbook-") for n in outputs)
    files, keys = project_files(EXAMPLES / example), forbidden_keys()
    found = sorted(f"{name}: {leak}" for name, text in outputs.items() for leak in leaks(text, files, keys))
    assert not found, "\n".join(found[:40])


@pytest.mark.slow
def test_the_integrator_edition_keeps_the_files_keys_and_locations(tmp_path):
    """The same scan finds what the integrator needs: file:line:column evidence, data keys, backup files."""
    out = tmp_path / "out"
    build(EXAMPLES / "fiduciaire-rochat", BuildOptions(out=out, lang="de", audience=Audience.INTEGRATOR, only=("diagrams", "site")))
    outputs = texts(out)
    found = {leak for text in outputs.values() for leak in leaks(text, project_files(EXAMPLES / "fiduciaire-rochat"), forbidden_keys())}
    assert any(LOCATION.fullmatch(leak) for leak in found)  # the findings' evidence
    assert {"backups.yaml", "last_success", "restore_tests"} <= found  # the runbooks say where and what to record
    assert any(leak.startswith("knowledge/runbooks/") for leak in found)  # and where their steps come from
