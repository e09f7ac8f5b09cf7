"""Records as professionals write them: measured values and instruments, every base, the licences
and backup of acceptance; quantities, serials, warranty, training and maintenance at handover; the
risks the customer accepted and the limits of the law in the discharge."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.checks import run
from generator.document import BulletList, Document, Facts, Paragraph, Table
from generator.i18n import Translator
from generator.load import EXAMPLES, load
from generator.pdf.records import RECORDS

TODAY = dt.date(2026, 11, 20)


@pytest.fixture(scope="module")
def clinic():
    project = load(EXAMPLES / "clinique-du-lac")
    return project.with_findings(run(project))


def _text(record) -> str:
    out = []
    for d in record.documents:
        out.append(d.title)
        for b in d.blocks:
            if isinstance(b, Table):
                out += [str(getattr(c, "value", c)) for row in b.rows for c in row] + [str(h) for h in b.headers]
            elif isinstance(b, Facts):
                out += [str(getattr(v, "value", v)) for item in b.items for v in item]
            elif isinstance(b, Paragraph):
                out += [str(getattr(p, "value", p)) for p in b.parts]
            elif isinstance(b, BulletList):
                out += [str(i) for i in b.items]
    return "\n".join(out)


def test_commissioning_has_measured_values_instruments_bases_licences_and_backup(clinic):
    text = _text(RECORDS["commissioning"](clinic, Translator("fr"), TODAY))
    assert "Resynchronisation en 22 s [in-linkiq]" in text and "Resynchronisation en moins de 60 s" in text
    assert "Testeur réseau et PoE Fluke Networks LinkIQ" in text and "15.01.2025" in text  # calibration date
    for base in clinic.dect.bases:
        assert base.id in text
    assert "lic-vmo400" in text and "lic-msa" not in text  # in force on 10.04.2025; the MSA started in July 2025
    assert "Sauvegarde prise à la réception" in text and "at-10" in text
    assert "op-01" in text and "Clos le 14.04.2025" in text
    assert "op-03" not in text  # raised in 2026, after the acceptance this record states
    assert "Mitel Mitel" not in text


def test_handover_has_quantities_serials_warranty_training_and_maintenance(clinic):
    text = _text(RECORDS["handover"](clinic, Translator("en"), TODAY))
    assert "W90B-2503-00871, W90B-2503-00872, W90B-2503-00874" in text and "Warranty from" in text
    assert "48" in text and "Quantity" in text
    assert "Laura Mottier" in text and "Claudia Bernasconi, Sandra Pittet, Marc Aebischer" in text
    assert "LT-MAINT-2024-0077 — Léman Télécom Sàrl" in text and "Piquet 24/7" in text


@pytest.mark.parametrize("lang, law", [("fr", "art. 100 al. 1 CO"), ("de", "Art. 100 Abs. 1 OR"), ("en", "art. 100 para. 1 CO")])
def test_discharge_lists_the_accepted_risks_within_the_law(clinic, lang, law):
    record = RECORDS["discharge"](clinic, Translator(lang), TODAY)
    text = _text(record)
    assert law in text and "1231-3" in text
    risks = next(d for d in record.documents if d.title == Translator(lang).t("pdf.discharge.accepted_risks"))
    rules = [row[0] for b in risks.blocks if isinstance(b, Table) for row in b.rows]
    assert rules == ["HW-FXS-HEAT", "AVL-ROUTE-FALLBACK"]  # the waiver, then the recommendation management declined
    assert "toute responsabilité" not in text and "any liability" not in text and "jeder Haftung" not in text
    assert "op-02" not in text.replace("op-02 ne conditionne", "")  # closed on 29.09.2026; named only in the dated acceptance reservations


def test_recommendations_are_a_form_with_rows_to_write_in(clinic):
    from generator.pdf.layout import page

    record = RECORDS["audit"](load(EXAMPLES / "fiduciaire-rochat"), Translator("en"), TODAY)
    html, resources, _ = page(record, clinic, Translator("en"), "integrator", dt.datetime(2026, 11, 20, tzinfo=dt.timezone.utc), [])
    assert '<div class="form">' in html
    assert b".form td { height: 9mm" in resources["pdf.css"]


@pytest.mark.parametrize("value", ["6. Mai 2024", "12. Dezember 2026", "- dash", "+ plus"])
def test_a_cell_that_starts_like_a_list_prints_as_written(value):
    """German dates start with "6." : a Markdown list marker, escaped as "6\\." (once "\\6.", printed)."""
    from generator.pdf.layout import document_html

    html = document_html(Document("t", [Facts((("Datum", value),)), Paragraph((value,))]))
    assert "\\" not in html and "<ol" not in html and "<ul" not in html
    assert html.count(value) == 2


def test_the_generator_and_its_version_are_in_the_pdf_metadata(clinic):
    from generator.checks.report import tool_version
    from generator.pdf.layout import page

    record = RECORDS["discharge"](clinic, Translator("en"), TODAY)
    html, _, _ = page(record, clinic, Translator("en"), "customer", dt.datetime(2026, 11, 20, tzinfo=dt.timezone.utc), [])
    assert f'<meta name="generator" content="pbxdoc {tool_version()}">' in html  # weasyprint writes it as the PDF Creator


def test_document_control_on_the_book_audit_and_runbooks(clinic):
    """Revision table (from the data, up to the record's date), distribution list and the
    prepared / reviewed / approved block, on the audit report; not on a signed record."""
    from generator.pdf.layout import page

    t = Translator("en")
    generated = dt.datetime(2026, 1, 31, tzinfo=dt.timezone.utc)
    html, _, _ = page(RECORDS["audit"](clinic, t, generated.date()), clinic, t, "auditor", generated, [])
    assert "Document control" in html and "Revisions" in html and "Distribution list" in html
    assert "Mise à jour MiVoice Office 400 R6.3 SP1" in html  # revision 3.1 of 20.01.2026
    assert "Audit annuel" not in html  # revision 3.2 is dated after this record
    assert "Reviewed by</td><td>Laura Mottier" in html and "Approved by</td><td>Stéphane Monnier" in html
    assert "Rossier Audit &amp; Conseil Sàrl" in html
    signed, _, _ = page(RECORDS["discharge"](clinic, t, generated.date()), clinic, t, "auditor", generated, [])
    assert "Document control" not in signed


def test_the_discharge_lists_the_points_open_on_its_date(clinic):
    """Dated 20.11.2026, the discharge lists op-03 (raised in October 2026, open) and not op-02 (closed
    on 29.09.2026); the reservations of the acceptance are quoted with their date, not as today's."""
    t = Translator("en")
    record = RECORDS["discharge"](clinic, t, TODAY)
    reserve = next(d for d in record.documents if d.title == t.t("pdf.discharge.reservations"))
    (table,) = [b for b in reserve.blocks if isinstance(b, Table)]
    assert [row[0] for row in table.rows] == ["op-03"]
    paragraph = next(b for b in reserve.blocks if isinstance(b, Paragraph))
    assert paragraph.parts[0].startswith(f"Reservations at acceptance on {t.date(dt.date(2025, 4, 10))}: ")
    on_acceptance = RECORDS["discharge"](clinic, t, dt.date(2025, 4, 10))  # the day of acceptance: op-01 and op-02 were open
    reserve = next(d for d in on_acceptance.documents if d.title == t.t("pdf.discharge.reservations"))
    assert [row[0] for b in reserve.blocks if isinstance(b, Table) for row in b.rows] == ["op-01", "op-02"]
