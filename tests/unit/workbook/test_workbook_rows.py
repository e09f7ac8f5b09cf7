"""The streamed rows (generator/workbook/rows.py) are the XML xlsxwriter writes itself, cell for
cell, so that bypassing its per-cell path changes nothing in the workbook."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import openpyxl
import pytest
import xlsxwriter
from openpyxl.utils.escape import unescape

from generator.i18n import Translator
from generator.workbook import render_workbook
from generator.workbook.rows import FORMULA_TRIGGERS, RowStream, cell_xml
from generator.workbook.sheets import DATE, FLOAT, INT, MONEY, TEXT, Sheet, TERMINAL_COLUMNS
from generator.workbook.xlsx import Formats

KINDS = (TEXT, INT, FLOAT, MONEY, DATE, TEXT)
LONG = "é" * 20000 + "😀" * 7000  # beyond Excel's 32,767 UTF-16 units: truncated, never mid-emoji
ROWS = [
    ("plain", 10000, 3.14159, 1234.5, dt.date(2026, 11, 27), None),
    ("a&b<c>d\"e'", 0, 1e20, 0.0, dt.date(1900, 3, 1), " leading"),
    ("trailing ", -5, None, None, None, "tab\tinside"),
    ("\tstarts with a tab", 7, 2.5, 99.95, dt.date(1999, 12, 31), "line\nbreak"),
    ("ends with a newline\n", None, 0.1, 1.0, dt.date(2026, 1, 1), "ctrl\x01char\x1f"),
    ("_x0041_ looks escaped", 1, 1.0, 2.0, dt.date(2000, 2, 29), "\ufffe\uffff"),
    ("=1+1", 2, 3.0, 4.0, dt.date(2026, 6, 30), "+41 22 555 00 00"),
    ("-2+3", 3, None, None, None, "@SUM(A1)"),
    ("\r=1+1", 4, None, None, None, "ünïcode ✓ 中文"),
    (LONG, 5, None, None, None, "\u00a0non-breaking space"),
]
HEIGHTS = [None, 27.5, None, 40.25, 14.6, None, 120.0, None, 27.5, None]


def _workbook(stream: bool) -> dict[str, bytes]:
    """The same sheet, written through xlsxwriter's public calls or through RowStream."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False})
    workbook.set_properties({"created": dt.datetime(2026, 11, 20)})  # not the current time
    formats = Formats(workbook, Translator("en"), "#0B5563")
    ws = workbook.add_worksheet("rows")
    ws.set_row(0, 30)
    for col, kind in enumerate(KINDS):
        ws.write_string(0, col, kind, formats.header())
    columns = [formats.column(kind, wrap=col == 5) for col, kind in enumerate(KINDS)]
    if stream:
        cells = [cell_xml(ws, "ABCDEF"[col], kind, *columns[col]) for col, kind in enumerate(KINDS)]
        rows = RowStream(ws, 1)
        for r, (row, height) in enumerate(zip(ROWS, HEIGHTS), start=1):
            rows.row(r, [cell(r + 1, value, r % 2 == 0) for cell, value in zip(cells, row)], height)
        rows.close(len(KINDS) - 1)
    else:
        for r, (row, height) in enumerate(zip(ROWS, HEIGHTS), start=1):
            band = r % 2 == 0
            if height is not None:
                ws.set_row(r, height)
            for col, (kind, value) in enumerate(zip(KINDS, row)):
                plain, quoted = columns[col]
                if value is None:
                    ws.write_blank(r, col, None, plain[band])
                elif kind == DATE:
                    ws.write_datetime(r, col, dt.datetime(value.year, value.month, value.day), plain[band])
                elif kind == TEXT:
                    ws.write_string(r, col, value, (quoted if value.startswith(FORMULA_TRIGGERS) else plain)[band])
                else:
                    ws.write_number(r, col, value, plain[band])
    ws.autofilter(0, 0, len(ROWS), len(KINDS) - 1)
    workbook.close()
    with zipfile.ZipFile(buffer) as z:
        return {name: z.read(name) for name in z.namelist()}


def test_streamed_rows_are_xlsxwriters_own_xml():
    assert _workbook(stream=True) == _workbook(stream=False)


def test_streamed_values_read_back(tmp_path):
    path = tmp_path / "rows.xlsx"
    parts = _workbook(stream=True)
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    ws = openpyxl.load_workbook(path).worksheets[0]
    assert ws.dimensions == f"A1:F{len(ROWS) + 1}"
    for row, expected in zip(ws.iter_rows(min_row=2, values_only=True), ROWS):
        for value, want in zip(row, expected):
            if isinstance(want, str):
                want = want if want is not LONG else LONG[: 20000 + (32767 - 20000) // 2]
                assert unescape(value) == want
            elif isinstance(want, dt.date):
                assert value == dt.datetime(want.year, want.month, want.day)
            else:
                assert value == want


@pytest.mark.parametrize("text", ["<r><t>rich</t></r>", "<r></t></is></c><c r=\"Z9\"><f>1+1</f></c><c><is><t></r>"])
def test_rich_text_markup_in_customer_data_stays_text(small_project, tmp_path, text):
    """xlsxwriter would write a text shaped '<r>...</r>' as raw XML; ours is escaped like any text."""
    sheet = Sheet("terminals", TERMINAL_COLUMNS, [("t-1", "ip", text, text, 1, "srv", "site", None, None, text)])
    path = tmp_path / "rich.xlsx"
    path.write_bytes(render_workbook(small_project, Translator("en"), dt.datetime(2026, 11, 20, tzinfo=dt.timezone.utc), sheets=[sheet]))
    with zipfile.ZipFile(path) as z:
        assert b"<f>" not in z.read("xl/worksheets/sheet1.xml")
    ws = openpyxl.load_workbook(path).worksheets[0]
    assert [ws.cell(2, c).value for c in (3, 4, 10)] == [text] * 3


def test_numbers_sheet_lists_every_number_with_its_status(small_project):
    from generator.workbook.sheets import build_sheets

    (sheet,) = [s for s in build_sheets(small_project, dt.date(2026, 11, 20)) if s.key == "numbers"]
    keys = [c.key for c in sheet.columns]
    rows = {row[0]: dict(zip(keys, row)) for row in sheet.rows}
    assert len(rows) == 100
    assert rows["+41215551201"]["number_status"] == "assigned" and rows["+41215551201"]["holder"] == "Sophie Rochat"
    assert rows["+41215551200"]["holder_kind"] == "user"
    assert rows["+41215551295"]["number_status"] == "reserved"
    assert rows["+41215551260"]["number_status"] == "free" and rows["+41215551260"]["holder"] is None
    assert rows["+41215551260"]["donor"] == "Swisscom" and rows["+41215551260"]["porting_date"] == dt.date(2024, 5, 6)
