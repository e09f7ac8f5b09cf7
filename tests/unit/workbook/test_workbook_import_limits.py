"""A file given to `pbxdoc import` is bounded like the project's own files: its size, the size its
workbook unpacks to, its rows, cells and the length of one cell. A hostile export is refused with
its name and where, before it is held in memory; nothing is written."""

from __future__ import annotations

import dataclasses
import zipfile

import pytest
from openpyxl import Workbook

from generator.workbook import tables
from generator.workbook.importer import ImportFailure, import_table_file
from generator.workbook.tables import TableError, read_csv_table, read_xlsx_tables


@pytest.fixture
def small_limits(monkeypatch):
    def apply(**values):
        monkeypatch.setattr(tables, "LIMITS", dataclasses.replace(tables.LIMITS, **values))
    return apply


def write_csv(path, rows):
    path.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_a_csv_over_the_row_limit_is_refused_at_the_row(tmp_path, small_limits):
    small_limits(rows=3)
    path = write_csv(tmp_path / "users.csv", [["first_name", "last_name"]] + [[f"A{i}", "B"] for i in range(10)])
    with pytest.raises(TableError, match=r"users\.csv: more than 3 rows \(refused at row 5\)"):
        read_csv_table(path)
    small_limits(rows=10)
    assert len(read_csv_table(path).rows) == 10


def test_a_csv_over_the_cell_limit_is_refused(tmp_path, small_limits):
    small_limits(cells=5)
    path = write_csv(tmp_path / "users.csv", [["a", "b"]] + [["1", "2"]] * 3)
    with pytest.raises(TableError, match="more than 5 cells"):
        read_csv_table(path)


def test_a_cell_longer_than_a_spreadsheet_cell_is_refused_at_its_place(tmp_path, small_limits):
    small_limits(field_chars=10)
    path = write_csv(tmp_path / "users.csv", [["first_name", "last_name"], ["Ann", "B" * 11]])
    with pytest.raises(TableError, match=r"users\.csv:2:2: the cell holds 11 characters, over the 10"):
        read_csv_table(path)


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path, small_limits):
    small_limits(file_mb=1)
    path = write_csv(tmp_path / "users.csv", [["a"]] + [["x" * 100]] * 11_000)
    with pytest.raises(TableError, match=r"the file is 1\.1 MB, over the 1 MB limit of an import"):
        read_csv_table(path)


def test_a_workbook_that_unpacks_beyond_the_limit_is_refused_before_openpyxl_reads_it(tmp_path, small_limits, monkeypatch):
    path = tmp_path / "users.xlsx"
    book = Workbook()
    book.active.append(["first_name", "last_name"])
    book.save(path)
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/padding.bin", b"\0" * 3_000_000)  # compresses to a few kB
    assert path.stat().st_size < 100_000
    small_limits(workbook_unpacked_mb=2)
    opened = []
    monkeypatch.setattr("openpyxl.load_workbook", lambda *a, **k: opened.append(a))
    with pytest.raises(TableError, match=r"users\.xlsx: the workbook unpacks to 3 MB, over the 2 MB limit; refused"):
        read_xlsx_tables(path)
    assert opened == []


def test_a_workbook_sheet_over_the_row_limit_is_refused(tmp_path, small_limits):
    path = tmp_path / "users.xlsx"
    book = Workbook()
    book.active.title = "users"
    book.active.append(["first_name", "last_name"])
    for i in range(6):
        book.active.append([f"A{i}", "B"])
    book.save(path)
    small_limits(rows=4)
    with pytest.raises(TableError, match=r"users\.xlsx:users: more than 4 rows \(refused at row 6\)"):
        read_xlsx_tables(path)


def test_the_import_command_reports_the_refusal_and_writes_nothing(project_copy, tmp_path, small_limits):
    small_limits(rows=2)
    before = sorted((p.relative_to(project_copy).as_posix(), p.read_bytes()) for p in project_copy.rglob("*") if p.is_file())
    path = write_csv(tmp_path / "users.csv", [(project_copy / "users.csv").read_text(encoding="utf-8").splitlines()[0].split(",")] + [["x"]] * 5)
    with pytest.raises((ImportFailure, TableError), match="more than 2 rows"):
        import_table_file(project_copy, path)
    after = sorted((p.relative_to(project_copy).as_posix(), p.read_bytes()) for p in project_copy.rglob("*") if p.is_file())
    assert after == before
