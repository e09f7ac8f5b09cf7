"""Presenting the sheets as an .xlsx workbook with xlsxwriter, byte for byte reproducible.

xlsxwriter in constant-memory mode was chosen by measurement (bench/bench_workbook.py): rows are
streamed to disk, so memory stays bounded. Excel tables need the whole sheet in memory, so each
sheet gets an autofilter and a workbook-level named range instead.
"""

from __future__ import annotations

import io
import re
import struct
from generator import tempdirs
import textwrap
from collections.abc import Iterable

import xlsxwriter

from generator.i18n import Translator
from generator.workbook.rows import RowStream, cell_xml
from generator.workbook.sheets import BOOL, CHECK, DATE, DAYS, ENUM, FLOAT, INT, LIST, LIST_SEPARATOR, MONEY, Sheet

CHECK_MARK = "✓"
MAX_WIDTH, WIDE_WIDTH, MIN_WIDTH = 40, 60, 6
PAGE_WIDTH = 180  # characters across a landscape A4 page printed at about 75 %
LINE_HEIGHT = 12.75  # points per line of 10-point text
NARROWEST = 14  # a text column is not narrowed below this to fit the page
UNBROKEN_NARROWEST = 30  # nor a column of single words below this
ZIP_DOS_TIME = (0, (1980 - 1980) << 9 | 1 << 5 | 1)  # 1980-01-01 00:00:00 as MS-DOS (time, date)
FILE_MODE = struct.pack("<I", 0o600 << 16)  # external attributes: read-write for the owner
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def header_footer_text(text: str, limit: int = 70) -> str:
    """Customer text inside an Excel header/footer: '&' starts a control code there, and Excel
    drops a header of more than 255 characters, so each part is kept short."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text.replace("&", "&&")


def page_header(left: str, centre: str, right: str) -> str:
    """An Excel page header of three texts, the left one in bold."""
    return f"&L&B{header_footer_text(left)}&B&C{header_footer_text(centre)}&R{header_footer_text(right)}"


def page_footer(left: str, right: str) -> str:
    """An Excel page footer: two texts around 'page x / n'."""
    return f"&L{header_footer_text(left)}&C&P / &N&R{header_footer_text(right)}"


def sheet_name(title: str, taken: set[str]) -> str:
    name = SHEET_NAME_FORBIDDEN.sub(" ", title).strip("' ")[:31] or "Sheet"
    candidate, n = name, 2
    while candidate.lower() in taken:
        suffix = f" ({n})"
        candidate, n = name[: 31 - len(suffix)] + suffix, n + 1
    taken.add(candidate.lower())
    return candidate


def normalise_zip(data: bytes) -> bytes:
    """Give every member a fixed date and file mode (xlsxwriter zips temp files, which carry local
    ones). The headers are patched in place: recompressing would cost as much as
    writing the workbook."""
    package = bytearray(data)
    end = data.rindex(b"PK\x05\x06")
    count, _, directory = struct.unpack_from("<HII", data, end + 10)
    date_time = struct.pack("<HH", *ZIP_DOS_TIME)
    at = directory
    for _ in range(count):
        if data[at : at + 4] != b"PK\x01\x02":
            raise ValueError("unexpected zip central directory")
        names, extra, comment = struct.unpack_from("<HHH", data, at + 28)
        (local,) = struct.unpack_from("<I", data, at + 42)
        package[at + 5] = 0  # made on MS-DOS: no Unix permissions
        package[at + 12 : at + 16] = date_time
        package[at + 38 : at + 42] = FILE_MODE
        package[local + 10 : local + 14] = date_time
        at += 46 + names + extra + comment
    return bytes(package)


class Formats:
    """xlsxwriter formats made once per distinct set of properties."""

    BASE = {"font_name": "Calibri", "font_size": 10, "valign": "top"}

    def __init__(self, workbook, translator: Translator, primary: str):
        self.workbook = workbook
        self.primary = primary
        self.date_format = translator.spreadsheet_date_format()
        self._cache: dict[tuple, object] = {}

    def get(self, **props):
        key = tuple(sorted(props.items()))
        if key not in self._cache:
            self._cache[key] = self.workbook.add_format({**self.BASE, **props})
        return self._cache[key]

    def header(self, rotated: bool = False):
        props = {"bold": True, "font_color": "#FFFFFF", "bg_color": self.primary, "text_wrap": True, "border": 1, "border_color": "#BFBFBF", "valign": "vcenter"}
        if rotated:
            props.update(rotation=90, align="center", valign="bottom")
        return self.get(**props)

    def cell(self, kind: str, band: bool, wrap: bool = False, quoted: bool = False, bold: bool = False):
        props: dict = {"border": 1, "border_color": "#D9D9D9"}
        if band:
            props["bg_color"] = "#F2F6F8"
        if kind == DATE:
            props["num_format"] = self.date_format
            props["align"] = "left"
        elif kind in (INT, DAYS):
            props["num_format"] = "0"
        elif kind == MONEY:
            props["num_format"] = "#,##0.00"
        elif kind == FLOAT:
            props["num_format"] = "0.0#"
        elif kind in (BOOL, CHECK):
            props["align"] = "center"
        else:
            props["num_format"] = "@"
        if wrap:
            props["text_wrap"] = True
        if quoted:
            props["quote_prefix"] = True  # Excel keeps the text a text when the cell is edited
        if bold:
            props["bold"] = True
        return self.get(**props)

    def column(self, kind: str, wrap: bool) -> tuple[tuple, tuple]:
        """A column's formats for (odd, even) rows: plain, and quoted for formula-like text."""
        return (self.cell(kind, False, wrap), self.cell(kind, True, wrap)), (self.cell(kind, False, wrap, quoted=True), self.cell(kind, True, wrap, quoted=True))


class WorkbookWriter:
    """Writes a list of Sheets into one workbook."""

    def __init__(self, translator: Translator, properties: dict, header: tuple[str, str], footer: str, primary: str):
        self.t = translator
        self.properties = properties
        self.header = header
        self.footer = footer
        self.primary = primary

    def label(self, column) -> str:
        return column.label if column.label is not None else self.t.t(f"workbook.column.{column.key}")

    def display(self, column, value):
        """The value as the cell holds it: enums as words, lists joined, check marks."""
        if value is None:
            return None
        if column.kind == ENUM:
            key = f"{column.enum}.{value}" if "." in column.enum else f"workbook.label.{column.enum}.{value}"
            return self.t.t(key) if self.t.has(key) else self.t.label(column.enum, value)
        if column.kind == LIST:
            return LIST_SEPARATOR.join(value) if value else None
        if column.kind == CHECK:
            return CHECK_MARK if value else None
        if column.kind == BOOL:  # words, not TRUE/FALSE: Excel and LibreOffice show booleans differently
            return self.t.t("workbook.value.affirmative" if value else "workbook.value.negative")
        return value

    def _displayed(self, sheet: Sheet) -> list[list]:
        """The rows as the cells show them; only the columns whose values change are converted
        (once per distinct value)."""
        rows = [list(row) for row in sheet.rows]
        for i, column in enumerate(sheet.columns):
            if column.kind not in (ENUM, LIST, CHECK, BOOL):
                continue
            cache: dict = {}
            for row in rows:
                value = row[i]
                key = tuple(value) if isinstance(value, list) else value
                if key not in cache:
                    cache[key] = self.display(column, value)
                row[i] = cache[key]
        return rows

    def write(self, sheets: Iterable[Sheet]) -> bytes:
        with tempdirs.temporary("xlsx") as tmp:
            buffer = io.BytesIO()
            workbook = xlsxwriter.Workbook(
                buffer,
                {
                    "constant_memory": True,
                    "tmpdir": tmp,
                    "strings_to_formulas": False,
                    "strings_to_urls": False,
                    "strings_to_numbers": False,
                    "default_date_format": None,
                },
            )
            workbook.set_properties(self.properties["core"])
            for name, value in self.properties["custom"]:
                workbook.set_custom_property(name, value)
            formats = Formats(workbook, self.t, self.primary)
            taken: set[str] = set()
            for sheet in sheets:
                self._sheet(workbook, formats, sheet, sheet_name(self.t.t(f"workbook.sheet.{sheet.key}"), taken))
            workbook.close()
        return normalise_zip(buffer.getvalue())

    def _widths(self, sheet: Sheet, labels: list[str], rows: list[list]) -> list[float]:
        """Each column as wide as its content, then narrowed (their text wraps) so that the sheet
        fits a landscape page at a readable scale."""
        widths, floors = [], []
        for i, column in enumerate(sheet.columns):
            header = max((len(word) for word in labels[i].split()), default=0) + 2
            if column.kind == CHECK:
                widths.append(4.5)
                floors.append(4.5)
                continue
            values = [str(row[i]) for row in rows if row[i] is not None]
            content = 11 if column.kind == DATE else max(map(len, values), default=0)
            cap = WIDE_WIDTH if column.wide else MAX_WIDTH
            widths.append(float(min(max(content + 2, header, MIN_WIDTH), cap)))
            # single words (ids, e-mail addresses, URLs) are narrowed last: cut in pieces they read badly
            unbroken = not any(" " in v for v in values)
            floor = min(widths[-1], UNBROKEN_NARROWEST if unbroken else NARROWEST)
            floors.append(float(max(header, MIN_WIDTH, floor)))
        slack = sum(widths) - sum(floors)
        if sum(widths) > PAGE_WIDTH and slack > 0:  # every column gives up the same share of its slack
            keep = max(PAGE_WIDTH - sum(floors), 0) / slack
            widths = [round(f + (w - f) * keep, 1) for w, f in zip(widths, floors)]
        return widths

    def _sheet(self, workbook, formats: Formats, sheet: Sheet, name: str) -> None:
        ws = workbook.add_worksheet(name)
        labels = [self.label(c) for c in sheet.columns]
        rows = self._displayed(sheet)
        widths = self._widths(sheet, labels, rows)
        last_col = len(sheet.columns) - 1
        last_row = max(len(rows), 1)
        for col, (column, width) in enumerate(zip(sheet.columns, widths)):
            ws.set_column(col, col, width)
        ws.set_row(0, 110 if sheet.matrix else LINE_HEIGHT * max(2, max(_lines(label, width, bold=True) for label, width in zip(labels, widths))) + 4)
        for col, (column, label) in enumerate(zip(sheet.columns, labels)):
            ws.write_string(0, col, label, formats.header(rotated=sheet.matrix and column.kind == CHECK))
        wrap = [column.wide or any(len(str(row[i])) > widths[i] - 1 for row in rows if row[i] is not None) for i, column in enumerate(sheet.columns)]
        wrapped = [i for i, w in enumerate(wrap) if w]
        cells = [cell_xml(ws, _col(i), column.kind, *formats.column(column.kind, wrap[i])) for i, column in enumerate(sheet.columns)]
        stream = RowStream(ws, 1)
        for r, row in enumerate(rows, start=1):
            band = r % 2 == 0
            lines = max((_lines(str(row[i]), widths[i]) for i in wrapped if row[i] is not None), default=1)
            # neither Excel nor LibreOffice grows a row for wrapped text on opening
            stream.row(r, [cell(r + 1, value, band) for cell, value in zip(cells, row)], LINE_HEIGHT * lines + 2 if lines > 1 else None)
        stream.close(last_col)
        if not rows:  # an empty table still shows its frame under the header
            for col, column in enumerate(sheet.columns):
                ws.write_blank(1, col, None, formats.cell(column.kind, False))
        ws.freeze_panes(1, sheet.frozen_columns)
        ws.autofilter(0, 0, last_row, last_col)
        workbook.define_name(f"pbx_{sheet.key}", f"='{name.replace(chr(39), chr(39) * 2)}'!$A$1:${_col(last_col)}${last_row + 1}")
        self._conditional(ws, formats, sheet, last_row)
        ws.ignore_errors({"number_stored_as_text": f"A1:{_col(last_col)}{last_row + 1}"})  # extensions, numbers
        self._print_setup(ws, self.t.t(f"workbook.sheet.{sheet.key}"))

    def _conditional(self, ws, formats: Formats, sheet: Sheet, last_row: int) -> None:
        """Licences expired (red) or expiring within the policy's warning period (amber); findings
        coloured by severity."""
        keys = [c.key for c in sheet.columns]
        if not sheet.rows:
            return
        target = f"A2:{_col(len(keys) - 1)}{last_row + 1}"
        red = formats.get(bg_color="#F8D7DA", font_color="#842029")
        amber = formats.get(bg_color="#FFF3CD", font_color="#664D03")
        if "days_to_expiry" in keys:
            cell = f"${_col(keys.index('days_to_expiry'))}2"
            warning_days = sheet.extra.get("warning_days", 60)
            ws.conditional_format(target, {"type": "formula", "criteria": f"=AND(ISNUMBER({cell}),{cell}<0)", "format": red})
            ws.conditional_format(target, {"type": "formula", "criteria": f"=AND(ISNUMBER({cell}),{cell}>=0,{cell}<={warning_days})", "format": amber})
        if sheet.key == "findings":
            column = _col(keys.index("severity"))
            for severity, tone in (("error", red), ("warning", amber)):
                label = self.t.label("severity", severity).replace('"', '""')
                ws.conditional_format(f"{column}2:{column}{last_row + 1}", {"type": "cell", "criteria": "==", "value": f'"{label}"', "format": tone})

    def _print_setup(self, ws, title: str) -> None:
        ws.set_landscape()
        ws.set_paper(9)  # A4
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(0)
        ws.set_margins(left=0.4, right=0.4, top=0.7, bottom=0.6)
        ws.set_header(page_header(self.header[0], title, self.header[1]), {"margin": 0.3})
        ws.set_footer(self.footer, {"margin": 0.3})
        ws.hide_gridlines(0)


def _lines(text: str, width: float, bold: bool = False) -> int:
    """How many lines a text takes in a wrapped column (a little pessimistic, never cut off)."""
    chars = max(int(width * (1.0 if bold else 1.2)), 1)
    if len(text) <= chars and "\n" not in text:
        return 1
    return sum(max(len(textwrap.wrap(part, chars, break_long_words=True)), 1) for part in text.split("\n"))


def _col(index: int) -> str:
    return xlsxwriter.utility.xl_col_to_name(index)
