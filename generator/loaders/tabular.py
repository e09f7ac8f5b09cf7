"""CSV and XLSX tables into the same raw records as YAML lists.

Headers become field names (normalised: lower case, spaces to underscores); empty cells are left
out so that optional fields stay unset. Each cell's position is kept for error messages.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime
from pathlib import Path

from generator.diagnostics import Location, Report
from generator.loaders.source import Source

LIST_SEPARATOR = ";"


def normalise_header(header: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", str(header).strip().lower()).strip("_")


def cell_name(row: int, col: int) -> str:
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row}"


def read_csv(text: str, file: str, report: Report) -> Source | None:
    """Read a CSV file (comma or semicolon separated, as Excel writes it in Swiss locales)."""
    if not text.strip():
        report.error("empty-file", "the file is empty", Location(file, 1, 1), expected="a header row and data rows")
        return None
    first_line = text.splitlines()[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except csv.Error as e:
        report.error("csv-syntax", f"CSV error: {e}", Location(file, 1, 1), expected="a CSV header row")
        return None
    fields = [normalise_header(h) for h in header]
    source = Source(file, [], {(): Location(file, 1, 1)})
    if not _check_header(header, fields, file, report, lambda i: Location(file, 1, i + 1)):
        return None
    source.columns = dict(zip(fields, header))
    line = 1
    try:
        while True:
            line = reader.line_num + 1  # where the row starts (a quoted cell may span lines)
            row = next(reader, None)
            if row is None:
                break
            if not any(cell.strip() for cell in row):
                continue
            index = len(source.data)
            if len(row) > len(fields):
                report.error(
                    "csv-columns",
                    f"row has {len(row)} cells but the header has {len(fields)} columns",
                    Location(file, line, len(fields) + 1),
                    expected=f"{len(fields)} cells",
                )
            record = {}
            source.positions[(index,)] = Location(file, line, 1)
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


def read_xlsx(path: Path, file: str, report: Report) -> Source | None:
    """Read the first sheet of a workbook; cells are located as Sheet!B7."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
        formulas = load_workbook(path, read_only=True, data_only=False)
    except Exception as e:  # openpyxl raises many kinds for a broken file
        report.error("xlsx-read", f"cannot read the workbook: {e.__class__.__name__}", Location(file), expected="an .xlsx workbook")
        return None
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = next(rows, None)
        if not header or not any(h is not None for h in header):
            report.error("empty-file", "the first sheet has no header row", Location(file, sheet=sheet.title, cell="A1"), expected="a header row and data rows")
            return None
        header = ["" if h is None else str(h) for h in header]
        while header and header[-1] == "":
            header.pop()
        fields = [normalise_header(h) for h in header]
        if not _check_header(header, fields, file, report, lambda i: Location(file, sheet=sheet.title, cell=cell_name(1, i))):
            return None
        source = Source(file, [], {(): Location(file, sheet=sheet.title, cell="A1")})
        source.columns = dict(zip(fields, header))
        formula_rows = formulas.worksheets[0].iter_rows(min_row=2, values_only=True)
        unsaved = 0
        for row_number, row in enumerate(rows, start=2):
            unsaved += _unsaved_formulas(row, next(formula_rows, ()), fields, file, sheet.title, row_number, len(source.data), report)
            if not row or all(c is None or str(c).strip() == "" for c in row):
                continue
            index = len(source.data)
            source.positions[(index,)] = Location(file, sheet=sheet.title, cell=cell_name(row_number, 0))
            record = {}
            for col, (name, value) in enumerate(zip(fields, row)):
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
    finally:
        workbook.close()
        formulas.close()


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
