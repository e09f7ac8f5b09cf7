"""The workbook read back with openpyxl and pandas holds exactly the data of the model."""

from __future__ import annotations

import datetime as dt
import zipfile

import openpyxl
import pandas as pd
import pytest

from generator.audience import Audience, AudienceTranslator, for_audience
from generator.diagnostics import Location, Severity
from generator.i18n import Translator
from generator.model.findings import Finding
from generator.workbook import build_sheets, render_workbook
from generator.workbook.headers import normalise
from generator.workbook.sheets import DATE, SHEET_ORDER
from generator.workbook.xlsx import CHECK_MARK, WorkbookWriter


FR = AudienceTranslator("fr", Audience.INTEGRATOR)  # the whole data, as the integrator's workbook shows it
GENERATED = dt.datetime(2026, 11, 20, tzinfo=dt.timezone.utc)  # the small example's documentation date


def expected_cells(project, translator=FR):
    """Sheet title -> (header labels, rows as openpyxl reads them)."""
    writer = WorkbookWriter(translator, {}, ("", ""), "", "#000000")
    result = {}
    for sheet in build_sheets(project, GENERATED.date(), translator):
        labels = [writer.label(c) for c in sheet.columns]
        rows = []
        for row in sheet.rows:
            cells = []
            for column, value in zip(sheet.columns, row):
                shown = writer.display(column, value)
                if column.kind == DATE and shown is not None:
                    shown = dt.datetime(shown.year, shown.month, shown.day)
                cells.append(shown)
            rows.append(cells)
        result[translator.t(f"workbook.sheet.{sheet.key}")] = (labels, rows)
    return result


def test_every_sheet_is_present_in_order(small_workbook):
    wb = openpyxl.load_workbook(small_workbook)
    assert wb.sheetnames == [FR.t(f"workbook.sheet.{key}") for key in SHEET_ORDER]


def test_openpyxl_reads_back_every_cell(small_workbook, small_project):
    wb = openpyxl.load_workbook(small_workbook)
    for title, (labels, rows) in expected_cells(small_project).items():
        ws = wb[title]
        values = [list(r) for r in ws.iter_rows(values_only=True)]
        assert values[0] == labels, title
        body = [r for r in values[1:] if any(v is not None for v in r)]
        assert body == rows, title


def test_pandas_reads_back_every_sheet(small_workbook, small_project):
    frames = pd.read_excel(small_workbook, sheet_name=None, dtype=object)
    for title, (labels, rows) in expected_cells(small_project).items():
        frame = frames[title].dropna(how="all")
        assert list(frame.columns) == labels, title
        got = [[None if pd.isna(v) else (v.to_pydatetime() if isinstance(v, pd.Timestamp) else v) for v in r] for r in frame.itertuples(index=False)]
        assert got == rows, title


def test_sheets_follow_the_model(small_workbook, small_project):
    """Independent of the writer: key columns against the model itself."""
    wb = openpyxl.load_workbook(small_workbook)
    users = list(wb[FR.t("workbook.sheet.users")].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[3]) for r in users] == [(u.id, u.extension) for u in small_project.users]
    assert all(isinstance(r[3], str) for r in users)  # extensions stay text: no lost leading zeros

    header = [c.value for c in wb[FR.t("workbook.sheet.licences")][1]]
    days = header.index(FR.t("workbook.column.days_to_expiry"))
    for row, lic in zip(wb[FR.t("workbook.sheet.licences")].iter_rows(min_row=2, values_only=True), small_project.licences):
        assert row[0] == lic.id
        assert row[days] == ((lic.expiry - GENERATED.date()).days if lic.expiry else None)

    rights = wb[FR.t("workbook.sheet.rights")]
    permission_names = [c.value for c in rights[1]][5:]
    assert permission_names == [p.name for p in small_project.rights.permissions]
    profiles = {p.id: p for p in small_project.rights.profiles}
    for row, user in zip(rights.iter_rows(min_row=2, values_only=True), small_project.users):
        granted = set(profiles[user.rights_profile].permissions)
        assert [v == CHECK_MARK for v in row[5:]] == [p.id in granted for p in small_project.rights.permissions]

    contacts = list(wb[FR.t("workbook.sheet.contacts")].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1], r[2], r[9]) for r in contacts] == [(c.id, c.name, FR.label("contact_role", c.role.value), c.escalation) for c in small_project.contacts]
    documents = list(wb[FR.t("workbook.sheet.documents")].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1], r[3], r[4], r[5]) for r in documents] == [
        (d.id, FR.label("document_kind", d.kind.value), dt.datetime.combine(d.date, dt.time()), d.file, d.reference) for d in small_project.documents
    ]

    inventory = list(wb[FR.t("workbook.sheet.inventory")].iter_rows(min_row=2, values_only=True))
    ids = [r[1] for r in inventory]
    for obj in (*small_project.servers, *small_project.network.devices, *small_project.dect.bases):
        assert obj.id in ids


def test_layout_freeze_filter_names_and_print(small_workbook):
    wb = openpyxl.load_workbook(small_workbook)
    users = wb[FR.t("workbook.sheet.users")]
    assert users.freeze_panes == "B2"
    assert users.auto_filter.ref.startswith("A1:")
    assert users.page_setup.orientation == "landscape"
    assert users.sheet_properties.pageSetUpPr.fitToPage and users.page_setup.fitToHeight == 0  # width 1 is the default
    assert users.print_title_rows == "$1:$1"
    assert "Fiduciaire Rochat SA" in users.oddHeader.left.text
    assert "pbx_users" in wb.defined_names
    assert users.column_dimensions["H"].width > 2 * users.column_dimensions["G"].width  # e-mail wider than site: sized to content
    licences = wb[FR.t("workbook.sheet.licences")]
    assert len(licences.conditional_formatting) == 1 and len(next(iter(licences.conditional_formatting)).rules) == 2


def test_properties_name_customer_language_and_digest(small_workbook, small_project):
    wb = openpyxl.load_workbook(small_workbook)
    assert "Fiduciaire Rochat SA" in wb.properties.title
    assert small_project.digest in wb.properties.description
    assert wb.properties.created == dt.datetime(2026, 11, 20)
    custom = {p.name: p.value for p in wb.custom_doc_props.props}
    assert custom["pbxdoc:language"] == "fr"
    assert custom["pbxdoc:input-digest"] == small_project.digest
    assert custom["pbxdoc:customer-id"] == "fiduciaire-rochat"


def test_two_builds_are_byte_identical(small_project):
    first = render_workbook(small_project, FR, GENERATED)
    second = render_workbook(small_project, FR, GENERATED)
    assert first == second
    with zipfile.ZipFile(__import__("io").BytesIO(first)) as z:
        assert {info.date_time for info in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode()
    assert "2026-11-20T00:00:00Z" in core


@pytest.mark.parametrize("lang", ["de", "en"])
def test_labels_follow_the_language(small_project, tmp_path, lang):
    t = Translator(lang)
    path = tmp_path / "w.xlsx"
    path.write_bytes(render_workbook(small_project, t, GENERATED))
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == t.t("workbook.sheet.addresses")
    assert wb[t.t("workbook.sheet.users")]["B1"].value == t.t("workbook.column.last_name")


def test_commercial_and_secret_columns_only_for_the_integrator(small_project, tmp_path):
    t = Translator("en")
    for audience, present in ((Audience.INTEGRATOR, True), (Audience.CUSTOMER, False), (Audience.AUDITOR, False)):
        path = tmp_path / f"{audience.value}.xlsx"
        path.write_bytes(render_workbook(for_audience(small_project, audience), t, GENERATED))
        wb = openpyxl.load_workbook(path)
        licence_headers = [c.value for c in wb[t.t("workbook.sheet.licences")][1]]
        job_headers = [c.value for c in wb[t.t("workbook.sheet.backup_jobs")][1]]
        assert (t.t("workbook.column.price_chf") in licence_headers) is present, audience
        assert (t.t("workbook.column.encryption_key") in job_headers) is present, audience
        text = " ".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None)
        assert ("vault:" in text) is present, audience
        contacts = [r[0] for r in wb[t.t("workbook.sheet.contacts")].iter_rows(min_row=2, values_only=True)]
        assert ("c-lt-commercial" in contacts) is (audience is not Audience.CUSTOMER), audience  # integrator-internal
        documents = [r[0] for r in wb[t.t("workbook.sheet.documents")].iter_rows(min_row=2, values_only=True)]
        assert ("doc-invoice" in documents) is present, audience  # commercial


def test_empty_findings_sheet_keeps_its_headers(small_workbook):
    wb = openpyxl.load_workbook(small_workbook)
    ws = wb[FR.t("workbook.sheet.findings")]
    assert [c.value for c in ws[1]] == [FR.t(f"workbook.column.{k}") for k in ("severity", "status", "rule", "category", "title", "message", "object", "source")]
    assert all(c.value is None for row in ws.iter_rows(min_row=2) for c in row)


def test_findings_are_listed(small_project, tmp_path):
    finding = Finding("BKP-ENCRYPT", Severity.WARNING, "backup", "Unencrypted backup", "The job sends the backup unencrypted", "bkp-1", Location("backups.yaml", 3, 5))
    path = tmp_path / "f.xlsx"
    path.write_bytes(render_workbook(small_project.with_findings([finding]), FR, GENERATED))
    ws = openpyxl.load_workbook(path)[FR.t("workbook.sheet.findings")]
    row = next(ws.iter_rows(min_row=2, values_only=True))
    rules = [rule for cf in ws.conditional_formatting for rule in cf.rules]
    assert sorted(r.formula[0] for r in rules) == sorted(f'"{FR.label("severity", s)}"' for s in ("error", "warning"))
    assert row == (FR.label("severity", "warning"), FR.t("checks.status.open"), "BKP-ENCRYPT", FR.t("checks.category.backup"), "Unencrypted backup", "The job sends the backup unencrypted", "bkp-1", "backups.yaml:3:5")


@pytest.mark.parametrize("lang", ["fr", "de", "en"])
def test_headers_of_a_sheet_are_distinct(small_project, lang):
    """Two columns of one sheet under the same header could not be told apart on import."""
    writer = WorkbookWriter(Translator(lang), {}, ("", ""), "", "#000000")
    for sheet in build_sheets(small_project, GENERATED.date()):
        labels = [normalise(writer.label(c)) for c in sheet.columns]
        assert len(labels) == len(set(labels)), (lang, sheet.key, labels)


def test_findings_sheet_is_worded_in_the_workbook_language(small_project):
    """The checks word findings in the project's language (French); the English content re-words
    them, and the English workbook shows them so."""
    from generator.checks import describe, run
    from generator.i18n import Translator
    from tests.helpers import content_of

    findings = run(small_project)
    content = content_of(small_project.with_findings(findings), "en")
    sheets = {s.key: s for s in build_sheets(content.project, GENERATED.date(), content.translator)}
    f = findings[0]
    title, message, _ = describe(f.rule, f.variant, f.params, Translator("en"))
    row = next(r for r in sheets["findings"].rows if r[2] == f.rule and r[6] == f.object_id)
    assert (row[4], row[5]) == (title, message) != (f.title, f.message)
