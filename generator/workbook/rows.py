"""A sheet's data rows as the XML that xlsxwriter streams in constant-memory mode, made per column
instead of per cell.

On 50,000 rows most of the workbook's time went into xlsxwriter's per-cell path (argument
decoding, a cell tuple, attribute escaping, two control-character regexes) for values that mostly
repeat down a column. Here a column knows its styles and kind once, each distinct text is escaped
once, and whole rows go into the worksheet's row-data file. The XML is xlsxwriter's own
(tests/unit/workbook/test_workbook_rows.py compares both byte for byte) with one deliberate
difference: a text is always escaped, whereas xlsxwriter writes a text of the form "<r>...</r>" as
raw rich-text XML, which customer data must never become.

This leans on xlsxwriter's constant-memory internals (`fh`, `previous_row`, `_write_single_row`,
`_check_dimensions`, `_convert_date_time`), hence the pinned version in constraints.txt.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable

from generator.model.formulas import FORMULA_TRIGGERS
from generator.workbook.sheets import DATE, DAYS, FLOAT, INT, MONEY


XLS_STRMAX = 32767  # Excel's longest text, in UTF-16 units
ESCAPED_ESCAPE = re.compile("(_x[0-9a-fA-F]{4}_)")  # a literal "_x0041_" must not read as an escape
CONTROL = re.compile(r"([\x00-\x08\x0b-\x1f])")
OUTER_SPACE = re.compile(r"^\s|\s$")
PLAIN = re.compile(r"[^&<>\x00-\x1f_\ufffe\uffff]*")  # nothing to escape, unless at the ends
ROWS_PER_WRITE = 500

CellXml = Callable[[int, object, bool], str]
"""(1-based row number, value, banded row) -> the cell's XML."""


def _utf16_truncate(text: str) -> str:
    length = 0
    for index, char in enumerate(text):
        length += 2 if ord(char) > 0xFFFF else 1
        if length > XLS_STRMAX:
            return text[:index]
    return text


def inline_text(text: str) -> str:
    """The end of an inline-string cell holding `text`, escaped as Excel expects."""
    if len(text) > XLS_STRMAX // 2:
        text = _utf16_truncate(text)
    if not (PLAIN.fullmatch(text) and not OUTER_SPACE.search(text)):
        text = ESCAPED_ESCAPE.sub(r"_x005F\1", text)
        text = CONTROL.sub(lambda m: f"_x{ord(m.group(1)):04X}_", text)
        text = text.replace("\ufffe", "_xFFFE_").replace("\uffff", "_xFFFF_")
        preserve = ' xml:space="preserve"' if OUTER_SPACE.search(text) else ""
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return f' t="inlineStr"><is><t{preserve}>{text}</t></is></c>'
    return f' t="inlineStr"><is><t>{text}</t></is></c>'


def _style(fmt) -> int:
    """The format's style index; xlsxwriter numbers formats in the order cells first use them."""
    return fmt.xf_index or fmt._get_xf_index()


def cell_xml(ws, letter: str, kind: str, plain: tuple, quoted: tuple) -> CellXml:
    """The cell writer of one column: `plain` and `quoted` are its formats for (odd, even) rows;
    a text that a spreadsheet would take for a formula gets the quoted format and stays a text."""
    tails: dict = {}

    def blank(n: int, band: bool) -> str:
        return f'<c r="{letter}{n}" s="{_style(plain[band])}"/>'

    if kind in (INT, FLOAT, MONEY, DAYS):

        def number(n: int, value, band: bool) -> str:
            if value is None:
                return blank(n, band)
            if not math.isfinite(value):
                raise TypeError(f"cell {letter}{n}: NAN/INF cannot be written as a number")
            return f'<c r="{letter}{n}" s="{_style(plain[band])}"><v>{value:.16G}</v></c>'

        return number

    if kind == DATE:

        def date(n: int, value, band: bool) -> str:
            if value is None:
                return blank(n, band)
            tail = tails.get(value)
            if tail is None:
                serial = ws._convert_date_time(dt.datetime(value.year, value.month, value.day))
                tail = tails[value] = f"><v>{serial:.16G}</v></c>"
            return f'<c r="{letter}{n}" s="{_style(plain[band])}"{tail}'

        return date

    def text(n: int, value, band: bool) -> str:
        if value is None:
            return blank(n, band)
        known = tails.get(value)
        if known is None:
            string = str(value)
            known = tails[value] = (quoted if string.startswith(FORMULA_TRIGGERS) else plain, inline_text(string))
        formats, tail = known
        return f'<c r="{letter}{n}" s="{_style(formats[band])}"{tail}'

    return text


class RowStream:
    """Appends whole rows to a constant-memory worksheet whose rows above `first_row` are written
    through xlsxwriter (the header)."""

    def __init__(self, ws, first_row: int):
        ws._write_single_row(first_row)  # the header row goes out with its height
        self.ws = ws
        self.pending: list[str] = []
        self.last_row: int | None = None

    def row(self, r: int, cells: list[str], height: float | None = None) -> None:
        """Row `r` (0-based) of cells; `height` in points as for `set_row`."""
        if height is None:
            self.pending.append(f'<row r="{r + 1}">{"".join(cells)}</row>')
        else:
            points = int(height * 4.0 / 3.0 + 0.5) * 0.75  # xlsxwriter keeps heights in whole pixels
            self.pending.append(f'<row r="{r + 1}" ht="{points:.16g}" customHeight="1">{"".join(cells)}</row>')
        self.last_row = r
        if len(self.pending) >= ROWS_PER_WRITE:
            self.flush()

    def flush(self) -> None:
        self.ws.fh.write("".join(self.pending))
        self.pending.clear()

    def close(self, last_col: int) -> None:
        self.flush()
        if self.last_row is not None:
            self.ws._check_dimensions(self.last_row, last_col)
            self.ws.previous_row = self.last_row  # nothing of it left to write at close
