"""Record content from the small example: what each record says is what the data says."""

from __future__ import annotations

import re

from tests.helpers import content_of

import datetime as dt

import pytest

from generator.document import BulletList, Document, Paragraph, Table
from generator.i18n import LANGUAGES, Translator, catalogue
from generator.model.operations import COMMERCIAL_DOCUMENTS
from generator.pdf.layout import page, phone
from generator.pdf.records import RECORDS
from generator.pdf.records import audit, audit_evidence
from generator.pdf.render import shorten_tables

TODAY = dt.date(2026, 11, 20)


def _tables(record) -> list[Table]:
    return [b for d in record.documents for b in d.blocks if isinstance(b, Table)]


def _cells(record) -> str:
    return "\n".join(str(getattr(c, "value", c)) for table in _tables(record) for row in table.rows for c in row)


def test_pdf_words_exist_in_every_language():
    keys = [{k for k in catalogue(lang) if k.startswith("pdf.")} for lang in LANGUAGES]
    assert keys[0] == keys[1] == keys[2] and len(keys[0]) > 150


@pytest.mark.parametrize("lang, title", [("fr", "Procès-verbal de mise en service"), ("de", "Inbetriebnahmeprotokoll"), ("en", "Commissioning record")])
def test_commissioning_in_each_language(small_project, lang, title):
    t = Translator(lang)
    record = RECORDS["commissioning"](small_project, t, TODAY)
    html, resources, _ = page(record, small_project, t, "integrator", dt.datetime(2026, 11, 20, tzinfo=dt.timezone.utc), [])
    shown = re.sub(r'<span class="nobr">(.*?)</span>', r"\1", html)  # joined words are kept on one line
    assert f"<h1 class=\"doc-title\">{title}</h1>" in shown and f'<html lang="{lang}">' in html
    assert {"pdf.css", "fonts/LiberationSans-Regular.ttf", "project/logo.png"} <= set(resources)
    assert [s.name for s in record.signatures] == ["Julien Favre", "Sophie Rochat"]
    for test in small_project.commissioning.tests:
        assert test.description in _cells(record)


def test_handover_lists_no_commercial_or_internal_document(small_project):
    record = RECORDS["handover"](small_project, Translator("fr"), TODAY)
    cells = _cells(record)
    for document in small_project.documents:
        shown = document.title in cells
        assert shown == (document.kind not in COMMERCIAL_DOCUMENTS and not document.internal), document.id
    for item in small_project.commissioning.handover:
        assert item.item in cells


def test_discharge_lists_every_exclusion_and_is_signed_by_the_customer_first(small_project):
    record = RECORDS["discharge"](small_project, Translator("en"), TODAY)
    lists = [b for d in record.documents for b in d.blocks if isinstance(b, BulletList)]
    assert [lst.items for lst in lists] == [tuple(small_project.commissioning.liability_exclusions)]
    assert [s.role for s in record.signatures] == ["For the customer", "For the integrator"]


def test_audit_measures_licences_and_backups_against_the_generation_date(small_project):
    t = Translator("en")
    later = audit_evidence.licences(small_project, t, dt.date(2030, 1, 1))
    earlier = audit_evidence.licences(small_project, t, dt.date(2026, 11, 20))
    expiring = [lic for lic in small_project.licences if lic.expiry]
    assert expiring
    later_states = [str(getattr(row[-1], "value", row[-1])) for row in later.blocks[-1].rows]
    assert sum("Expired" in s for s in later_states) == len(expiring)
    earlier_states = [str(getattr(row[-1], "value", row[-1])) for row in earlier.blocks[-1].rows]
    assert any("Expires in 41 days" == s for s in earlier_states)
    restore = audit_evidence.backups(small_project, t, dt.date(2026, 11, 20))
    assert "No restore test" in "".join(str(getattr(c, "value", c)) for b in restore.blocks if isinstance(b, Table) for r in b.rows for c in r)


def test_long_tables_are_left_to_the_workbook():
    t = Translator("fr")
    long = Table(("a", "b"), tuple((str(i), "x") for i in range(301)))
    short = Table(("a",), (("1",),))
    shortened = shorten_tables(Document("Users", [short, long]), t, 300, "xlsx/x.xlsx")
    assert shortened.blocks[0] is short
    assert isinstance(shortened.blocks[1], Paragraph)
    assert "301 lignes" in shortened.blocks[1].parts[0] and "classeur Excel (xlsx/x.xlsx)" in shortened.blocks[1].parts[0]
    assert shorten_tables(Document("Users", [long]), t, 0, "xlsx/x.xlsx").blocks == [long]
    # Many medium tables: the longest go first, until the section fits its budget.
    medium = [Table(("a",), tuple((str(i),) for i in range(n))) for n in (120, 200, 150, 90)]
    kept = shorten_tables(Document("Users", medium), t, 300, "xlsx/x.xlsx").blocks
    assert [len(b.rows) if isinstance(b, Table) else "workbook" for b in kept] == [120, "workbook", "workbook", 90]


def test_numbers_are_grouped_per_country():
    assert phone("+41215558000") == "+41 21 555 80 00"
    assert phone("+33142685300") == "+33 1 42 68 53 00"  # grouped as France does
    assert phone("+4179555411") == "+4179555411"  # an invalid number stays as stored
    assert phone(None) == ""


def test_audit_lists_findings_by_severity_with_their_evidence(small_project):
    from generator.audience import Audience, AudienceTranslator
    from generator.diagnostics import Location, Severity
    from generator.model.findings import Finding, FindingStatus

    findings = [
        Finding("BKP-ENCRYPT", Severity.ERROR, "backup", "Backup not encrypted", "The job stores the backup in clear.", "job-1", Location("backups.yaml", 12)),
        Finding("LIC-EXPIRY", Severity.WARNING, "licences", "Licence expires soon", "Expires in 41 days.", "lic-1", Location("licences.yaml", 3), FindingStatus.WAIVED, "Renewal ordered", "S. Rochat", "2027-01-31"),
    ]
    project = small_project.with_findings(findings)
    record = audit.build(project, Translator("en"), TODAY)
    titles = [d.title for d in record.documents]
    assert titles[:4] == ["Scope, criteria and method", "Opinion", "Findings — Error", "Findings — Warning"]
    error_rows = [b for b in record.documents[2].blocks if isinstance(b, Table)][0].rows
    # The auditor reads where the evidence is in words; the integrator's edition cites file and line.
    assert error_rows == (("BKP-ENCRYPT", "Backup not encrypted — The job stores the backup in clear.", "job-1", "Section “Backup and restore” of the documentation", "Open"),)
    warning_rows = [b for b in record.documents[3].blocks if isinstance(b, Table)][0].rows
    assert warning_rows[0][-1] == "Waived: Renewal ordered (S. Rochat, 31/01/2027)" and warning_rows[0][3] == "Section “Licences” of the documentation"
    internal = audit.build(project, AudienceTranslator("en", Audience.INTEGRATOR), TODAY)
    assert [b for b in internal.documents[2].blocks if isinstance(b, Table)][0].rows[0][3] == "backups.yaml:12"
    summary = [b for b in record.documents[1].blocks if isinstance(b, Table)][0].rows
    assert summary == (("Error", "1", "0", "0"), ("Warning", "0", "1", "0"), ("Information", "0", "0", "0"))
    cited = audit.build(project.with_findings([*findings, Finding("USR-X", Severity.INFO, "users", "t", "m", "u-1", Location("users.csv", 4))]), Translator("en"), TODAY)
    assert "users" in cited.concerns and "users" not in record.concerns


def test_the_book_embeds_the_build_s_figures(small_project):
    """The book embeds the SVG diagrams the diagrams renderer writes and the sections' own figures."""
    from generator.pdf.render import book
    from generator.sections import extra_figures

    content = content_of(small_project, "fr")
    expected = {path: data for path, data in content.diagrams.items() if path.endswith(".svg")}
    expected.update(extra_figures(content.section_context))
    assert book(content, 600).figures == expected and expected


def test_every_language_gets_its_records_named_by_language_and_audience(small_project, tmp_path):
    from generator.output import Output
    from generator.pdf.render import PdfOptions, render
    from generator.renderers.base import RenderContext

    output = Output(tmp_path / "out", project=small_project.root)
    ctx = RenderContext(tuple(content_of(small_project, lang) for lang in ("fr", "de")), output)
    products = render(ctx, PdfOptions(records=("discharge",), workers=1))
    assert [p.path for p in products] == ["pdf/FRO-TEL-DISCHARGE-1.3-fr-internal.pdf", "pdf/FRO-TEL-DISCHARGE-1.3-de-internal.pdf"]
    results = [type("R", (), {"content": output.path(p.path).read_bytes()}) for p in products]
    import io

    import pypdf

    assert [pypdf.PdfReader(io.BytesIO(r.content)).trailer["/Root"]["/Lang"] for r in results] == ["fr", "de"]
    output.discard()


def test_audit_words_findings_in_the_record_language(small_project):
    """The checks word findings in the project's language (French here); an English audit report
    re-words them in English, like the site does."""
    from generator.checks import describe, run

    findings = run(small_project)
    assert findings and small_project.pbxdoc.language.value == "fr"
    content = content_of(small_project.with_findings(findings), "en")
    record = audit.build(content.project, content.translator, TODAY)
    cells = _cells(record)
    f = findings[0]
    title, message, _ = describe(f.rule, f.variant, f.params, Translator("en"))
    assert f"{title} — {message}" in cells
    assert f"{f.title} — {f.message}" not in cells
