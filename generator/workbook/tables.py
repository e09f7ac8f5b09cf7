"""Reading an integrator's table (an .xlsx sheet or a .csv file) with the place of every cell.

Unlike the project loaders, which read pbxdoc's own files, this reads foreign tables whose headers
are matched afterwards, so the headers are kept as written.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.utils.escape import unescape

from generator.diagnostics import Location, PbxdocError
from generator.loaders.limits import ReadLimits
from generator.loaders.tabular import UNSAVED_FORMULA_FIX, cell_name, unsaved_formulas, workbook_size_problem

LIMITS = ReadLimits()  # an imported file is bounded like a project's own: size, unpacked size, rows, cells, field


class TableError(PbxdocError):
    """The file cannot be read as a table."""


@dataclass
class Table:
    """One sheet or CSV file: its headers as written and the non-empty rows with their numbers."""

    file: str
    sheet: str | None
    headers: list[str]
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)  # (row number, cells)

    def location(self, row: int, column: int | None = None) -> Location:
        """Sheet!B7 in a workbook, line:column in a CSV file (column is 0-based)."""
        col = 0 if column is None else column
        if self.sheet is not None:
            return Location(self.file, sheet=self.sheet, cell=f"{get_column_letter(col + 1)}{row}")
        return Location(self.file, row, col + 1)

    @property
    def name(self) -> str:
        return f"{self.file}:{self.sheet}" if self.sheet is not None else self.file


def cell_value(value: Any) -> Any:
    """A cell as plain data: OOXML escapes decoded (openpyxl leaves _x000D_), text stripped,
    midnight datetimes as dates, empty as None."""
    if isinstance(value, str):
        text = unescape(value).strip()
        return text or None
    if isinstance(value, datetime) and value.time() == datetime.min.time():
        return value.date()
    return value


def _check_size(path: Path, limit_mb: int) -> None:
    if not path.is_file():
        raise TableError(f"{path}: no such file")
    size = path.stat().st_size
    if size > limit_mb * 1_000_000:
        raise TableError(f"{path.name}: the file is {size / 1e6:.1f} MB, over the {limit_mb:,} MB limit of an import; split it")


class _Bounds:
    """Counts what a table holds as it is read and refuses it at the loaders' limits, before a
    million-row export or a 10 MB cell is held in memory."""

    def __init__(self, table: Table):
        self.table, self.cells = table, 0

    def row(self, number: int, cells: list[Any]) -> None:
        if len(self.table.rows) >= LIMITS.rows:
            raise TableError(f"{self.table.name}: more than {LIMITS.rows:,} rows (refused at row {number}); split the file")
        self.cells += len(cells)
        if self.cells > LIMITS.cells:
            raise TableError(f"{self.table.name}: more than {LIMITS.cells:,} cells (refused at row {number}); split the file")
        for col, cell in enumerate(cells):
            if isinstance(cell, str) and len(cell) > LIMITS.field_chars:
                where = self.table.location(number, col)
                raise TableError(f"{where}: the cell holds {len(cell):,} characters, over the {LIMITS.field_chars:,} a spreadsheet cell can hold")


def _headers(cells) -> list[str]:
    headers = ["" if c is None else str(cell_value(c) or "") for c in cells]
    while headers and not headers[-1]:
        headers.pop()
    return headers


def read_xlsx_tables(path: Path, sheets: list[str] | None = None) -> list[Table]:
    """Every sheet (or the named ones) of a workbook; the first row holds the headers."""
    from openpyxl import load_workbook

    _check_size(path, LIMITS.workbook_mb)
    with path.open("rb") as stream:
        problem = workbook_size_problem(stream, LIMITS)
    if problem:
        raise TableError(f"{path.name}: {problem}; refused")
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
        formulas = load_workbook(path, read_only=True, data_only=False)
    except Exception as e:  # openpyxl raises many kinds for a broken file
        raise TableError(f"{path.name}: cannot read the workbook ({e.__class__.__name__})") from e
    try:
        if sheets:
            missing = [s for s in sheets if s not in workbook.sheetnames]
            if missing:
                raise TableError(f"{path.name}: no sheet named {', '.join(repr(m) for m in missing)}; the sheets are: {', '.join(workbook.sheetnames)}")
        tables = []
        for ws in workbook.worksheets:
            if sheets and ws.title not in sheets:
                continue
            rows = ws.iter_rows(values_only=True)
            formula_rows = formulas[ws.title].iter_rows(min_row=2, values_only=True)
            table = Table(path.name, ws.title, _headers(next(rows, ()) or ()))
            bounds = _Bounds(table)
            for number, row in enumerate(rows, start=2):
                for col, formula in unsaved_formulas(row[: len(table.headers)], next(formula_rows, ())):
                    raise TableError(f"{path.name}:{ws.title}!{cell_name(number, col)}: the cell holds a formula with no saved value ({formula}); expected {UNSAVED_FORMULA_FIX}")
                cells = [cell_value(c) for c in row[: len(table.headers)]]
                if any(c is not None for c in cells):
                    bounds.row(number, cells)
                    table.rows.append((number, cells))
            tables.append(table)
        return tables
    finally:
        workbook.close()
        formulas.close()


def exported_for(path: Path) -> str | None:
    """The audience a pbxdoc workbook was exported for (its `pbxdoc:audience` property), None for
    any other workbook."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True)
    except Exception:  # openpyxl raises many kinds for a broken file; read_xlsx_tables reports it
        return None
    try:
        found = [p.value for p in workbook.custom_doc_props.props if p.name == "pbxdoc:audience"]
    finally:
        workbook.close()
    return str(found[0]) if found else None


def read_csv_table(path: Path) -> Table:
    """A CSV file as Excel writes it: UTF-8 (with or without BOM) or Windows-1252, ',' or ';'."""
    _check_size(path, LIMITS.file_mb)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    if not text.strip():
        raise TableError(f"{path.name}: the file is empty")
    first = text.splitlines()[0]
    delimiter = ";" if first.count(";") > first.count(",") else ("\t" if first.count("\t") > first.count(",") else ",")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    line = 1
    try:
        table = Table(path.name, None, _headers(next(reader)))
        bounds = _Bounds(table)
        line = reader.line_num + 1
        while (row := next(reader, None)) is not None:
            cells = [cell_value(c) for c in row[: len(table.headers)]]
            cells += [None] * (len(table.headers) - len(cells))
            if any(c is not None for c in cells):
                bounds.row(reader.line_num, cells)
                table.rows.append((reader.line_num, cells))
            line = reader.line_num + 1
    except csv.Error as e:
        if "end of data" in str(e):  # without strict, every following row would become one cell
            raise TableError(f"{path.name}:{line}: a quote opened in this row is never closed") from e
        raise TableError(f"{path.name}:{reader.line_num}: CSV error: {e}") from e
    return table
