"""CSV and XLSX tables into the same raw records as YAML lists.

Headers become field names (normalised: lower case, spaces to underscores); empty cells are left
out so that optional fields stay unset. Each cell's position is kept for error messages.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
import zipfile
import zlib
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import IO, BinaryIO
from xml.etree.ElementTree import ParseError

from generator.diagnostics import Location, Report
from generator.loaders.source import Source
from generator.loaders.limits import ReadLimits, report_too_large
from generator.text import has_invisible

LIST_SEPARATOR = ";"


class _Refused(Exception):
    """A table went over a limit; the error is already reported."""


def _refuse(report: Report, what: str, name: str, location: Location) -> None:
    report_too_large(report, what, name, location)
    raise _Refused


class _Budget:
    """Counts rows and cells as a table is read, and refuses the first value over a limit."""

    def __init__(self, limits: ReadLimits, file: str, report: Report):
        self.limits, self.file, self.report = limits, file, report
        self.cells = 0

    def row(self, index: int, width: int, where: Location) -> None:
        if index >= self.limits.rows:
            _refuse(self.report, f"the table has more than {self.limits.rows:,} rows", "rows", where)
        self.cells += width
        if self.cells > self.limits.cells:
            _refuse(self.report, f"the table has more than {self.limits.cells:,} cells", "cells", where)

    def value(self, value, where: Location) -> None:
        if isinstance(value, str) and len(value) > self.limits.field_chars:
            _refuse(self.report, f"the value has {len(value):,} characters, over the {self.limits.field_chars:,} limit", "field_chars", where)


@contextmanager
def _csv_field_limit(chars: int):
    """The csv module's own field limit is global: raise it to ours for one read, then restore."""
    before = csv.field_size_limit()
    csv.field_size_limit(chars + 1)
    try:
        yield
    finally:
        csv.field_size_limit(before)


def workbook_size_problem(stream: BinaryIO, limits: ReadLimits) -> str | None:
    """What is wrong with the size of a workbook once unpacked (a 5 MB zip can hold 2 GB of sheet
    XML), read from the zip directory without unpacking anything; None when it fits.

    Python's zipfile never inflates an entry beyond the size its directory declares (and then
    fails its CRC check), so the declared sizes bound what openpyxl can be made to read.
    """
    try:
        with zipfile.ZipFile(stream) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None  # not a zip: openpyxl's read reports the broken workbook
    if unpacked > limits.workbook_unpacked_mb * 1_000_000:
        return f"the workbook unpacks to {unpacked / 1e6:,.0f} MB, over the {limits.workbook_unpacked_mb:,} MB limit"
    return None


def normalise_header(header: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", str(header).strip().lower()).strip("_")


def cell_name(row: int, col: int) -> str:
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row}"


def read_csv(text: str | IO[str], file: str, report: Report, limits: ReadLimits | None = None) -> Source | None:
    """Read a CSV file (comma or semicolon separated, as Excel writes it in Swiss locales) row by
    row from text or a text stream, refusing it at the first limit it crosses."""
    limits = limits or ReadLimits()
    stream = io.StringIO(text, newline="") if isinstance(text, str) else text
    first_line = stream.readline()
    skipped = 0
    while first_line and not first_line.strip():
        skipped += 1
        first_line = stream.readline()
    if not first_line:
        report.error("empty-file", "the file is empty", Location(file, 1, 1), expected="a header row and data rows")
        return None
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    budget = _Budget(limits, file, report)
    with _csv_field_limit(limits.field_chars):
        try:
            return _read_csv_rows(itertools.chain([first_line], stream), skipped, delimiter, file, report, budget)
        except _Refused:
            return None


def _read_csv_rows(lines, skipped: int, delimiter: str, file: str, report: Report, budget: _Budget) -> Source | None:
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    line = skipped + 1
    try:
        header = next(reader)
        if any("\x00" in h for h in header):
            report.error("encoding", "the file contains NUL characters (binary file?)", Location(file, line, 1), expected="a text file")
            return None
        for col, h in enumerate(header):
            budget.value(h, Location(file, line, col + 1))
        fields = [normalise_header(h) for h in header]
        source = Source(file, [], {(): Location(file, 1, 1)})
        if not _check_header(header, fields, file, report, lambda i: Location(file, line, i + 1)):
            return None
        source.columns = dict(zip(fields, header))
        while True:
            line = skipped + reader.line_num + 1  # where the row starts (a quoted cell may span lines)
            row = next(reader, None)
            if row is None:
                break
            if not any(cell.strip() for cell in row):
                continue
            index = len(source.data)
            budget.row(index, len(row), Location(file, line, 1))
            if len(row) > len(fields):
                report.error(
                    "csv-columns",
                    f"row has {len(row)} cells but the header has {len(fields)} columns",
                    Location(file, line, len(fields) + 1),
                    expected=f"{len(fields)} cells",
                )
            record = {}
            source.positions[(index,)] = Location(file, line, 1)
            joined = "\x1f".join(row)  # one scan of the row instead of one per cell
            if "\x00" in joined or len(joined) > budget.limits.field_chars:
                for col, cell in enumerate(row):
                    if "\x00" in cell:
                        report.error("encoding", "the file contains NUL characters (binary file?)", Location(file, line, col + 1), expected="a text file")
                        return None
                    budget.value(cell, Location(file, line, col + 1))
            if not source.hidden_text and has_invisible(joined):
                source.hidden_text = True
            for col, (name, cell) in enumerate(zip(fields, row)):
                cell = cell.strip()
                if cell == "":
                    continue
                record[name] = cell
                source.positions[(index, name)] = Location(file, line, col + 1)
            source.data.append(record)
    except csv.Error as e:
        if "end of data" in str(e):
            report.error("csv-syntax", "a quote opened in this row is never closed: every following row would be one cell", Location(file, line, 1), expected='a closing " for each opening "')
        elif "field larger than field limit" in str(e):
            _refuse(report, f"a value is longer than {budget.limits.field_chars:,} characters", "field_chars", Location(file, line, 1))
        else:
            report.error("csv-syntax", f"CSV error: {e}", Location(file, line, 1), expected="valid CSV")
        return None
    return source


def _check_header(header, fields, file, report, where) -> bool:
    ok = True
    seen: dict[str, int] = {}
    for i, (raw, name) in enumerate(zip(header, fields)):
        if not name:
            report.error("table-header", "a column has no header", where(i), expected="a header for every column")
            ok = False
        elif name in seen:
            report.error("table-header", f"column '{raw}' appears twice", where(i), expected="unique column headers")
            ok = False
        seen[name] = i
    return ok


def read_xlsx(workbook_file: Path | BinaryIO, file: str, report: Report, limits: ReadLimits | None = None) -> Source | None:
    """Read the first sheet of a workbook; cells are located as Sheet!B7. Rows are read one at a
    time and the sheet is refused at the first limit it crosses."""
    from openpyxl import load_workbook

    limits = limits or ReadLimits()
    try:
        workbook = load_workbook(workbook_file, read_only=True, data_only=True)
        if not isinstance(workbook_file, Path):
            workbook_file.seek(0)
        formulas = load_workbook(workbook_file, read_only=True, data_only=False)
    except Exception as e:  # openpyxl raises many kinds for a broken file
        report.error("xlsx-read", f"cannot read the workbook: {e.__class__.__name__}", Location(file), expected="an .xlsx workbook")
        return None
    try:
        return _read_sheet(workbook, formulas, file, report, _Budget(limits, file, report))
    except _Refused:
        return None
    except (zipfile.BadZipFile, zlib.error, EOFError, ParseError, ValueError, KeyError) as e:  # a sheet broken past its header (bad XML, wrong CRC)
        report.error("xlsx-read", f"cannot read the workbook: {e.__class__.__name__}", Location(file), expected="an .xlsx workbook")
        return None
    finally:
        workbook.close()
        formulas.close()


def _read_sheet(workbook, formulas, file: str, report: Report, budget: _Budget) -> Source | None:
    if not workbook.worksheets:
        report.error("empty-file", "the workbook has no sheet", Location(file), expected="a header row and data rows")
        return None
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = next(rows, None)
    if not header or not any(h is not None for h in header):
        report.error("empty-file", "the first sheet has no header row", Location(file, sheet=sheet.title, cell="A1"), expected="a header row and data rows")
        return None
    budget.row(0, len(header), Location(file, sheet=sheet.title, cell="A1"))
    header = ["" if h is None else str(h) for h in header]
    for col, h in enumerate(header):
        budget.value(h, Location(file, sheet=sheet.title, cell=cell_name(1, col)))
    while header and header[-1] == "":
        header.pop()
    fields = [normalise_header(h) for h in header]
    if not _check_header(header, fields, file, report, lambda i: Location(file, sheet=sheet.title, cell=cell_name(1, i))):
        return None
    source = Source(file, [], {(): Location(file, sheet=sheet.title, cell="A1")})
    source.columns = dict(zip(fields, header))
    formula_rows = formulas.worksheets[0].iter_rows(min_row=2, values_only=True) if formulas.worksheets else iter(())
    unsaved = 0
    for row_number, row in enumerate(rows, start=2):
        budget.row(row_number - 2, len(row or ()), Location(file, sheet=sheet.title, cell=cell_name(row_number, 0)))
        unsaved += _unsaved_formulas(row, next(formula_rows, ()), fields, file, sheet.title, row_number, len(source.data), report)
        if not row or all(c is None or str(c).strip() == "" for c in row):
            continue
        index = len(source.data)
        source.positions[(index,)] = Location(file, sheet=sheet.title, cell=cell_name(row_number, 0))
        record = {}
        for col, (name, value) in enumerate(zip(fields, row)):
            if isinstance(value, str):
                budget.value(value, Location(file, sheet=sheet.title, cell=cell_name(row_number, col)))
                if not source.hidden_text and has_invisible(value):
                    source.hidden_text = True
            if value is None or (isinstance(value, str) and value.strip() == ""):
                continue
            if isinstance(value, datetime) and value.time() == datetime.min.time():
                value = value.date()
            elif isinstance(value, (date, int, float, bool)):
                pass
            else:
                value = str(value).strip()
            record[name] = value
            source.positions[(index, name)] = Location(file, sheet=sheet.title, cell=cell_name(row_number, col))
        source.data.append(record)
    return None if unsaved else source


def _unsaved_formulas(row, formula_row, fields, file, sheet, row_number, index, report) -> int:
    """Report the cells of a row that hold a formula without a saved value (a workbook written by a
    script, never opened in Excel): read as empty, they would show as missing fields."""
    found = unsaved_formulas(row[: len(fields)] if row else (), formula_row)
    for col, formula in found:
        report.error(
            "xlsx-formula",
            f"the cell holds a formula with no saved value ({formula})",
            Location(file, sheet=sheet, cell=cell_name(row_number, col)),
            f"{Path(file).stem.lower()}[{index}].{fields[col]}",
            UNSAVED_FORMULA_FIX,
        )
    return len(found)


UNSAVED_FORMULA_FIX = "a plain value, or the workbook saved once in Excel or LibreOffice so that the value is stored"


def unsaved_formulas(row, formula_row) -> list[tuple[int, str]]:
    """(column, formula shortened) of the cells that hold a formula without a saved value: a
    workbook written by a script and never opened in Excel reads them as empty."""
    return [
        (col, formula if len(formula) <= 40 else formula[:37] + "...")
        for col, (value, formula) in enumerate(zip(row or (), formula_row or ()))
        if value is None and isinstance(formula, str) and formula.startswith("=")
    ]
