"""CSV and XLSX tables load like YAML lists, with row/column locations."""

from __future__ import annotations

from openpyxl import Workbook

from generator.diagnostics import Report
from generator.load import validate
from generator.loaders.tabular import normalise_header, read_csv


def test_semicolon_csv_as_excel_writes_it():
    report = Report()
    source = read_csv("id;First name;Extension\nu1;Anne;201\n", "users.csv", report)
    assert source.data == [{"id": "u1", "first_name": "Anne", "extension": "201"}]
    assert str(source.locate((0, "extension"))) == "users.csv:2:3"
    assert source.columns["first_name"] == "First name"


def test_blank_cells_are_left_out_and_blank_rows_skipped():
    report = Report()
    source = read_csv("id,mobile\nu1,\n,\nu2,+41795550000\n", "users.csv", report)
    assert source.data == [{"id": "u1"}, {"id": "u2", "mobile": "+41795550000"}]
    assert str(source.locate((1, "mobile"))) == "users.csv:4:2"


def test_duplicate_header_is_an_error():
    report = Report()
    assert read_csv("id,ID\n1,2\n", "users.csv", report) is None
    assert "appears twice" in str(report.errors[0])


def test_header_normalisation():
    assert normalise_header(" Rights profile ") == "rights_profile"
    assert normalise_header("E-mail") == "e_mail"


def _users_as_xlsx(small_copy, **cells):
    """users.csv of the project replaced by users.xlsx (sheet 'Users'), with some cells overwritten."""
    import csv

    rows = list(csv.reader((small_copy / "users.csv").read_text(encoding="utf-8").splitlines()))
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Users"
    for row in rows:
        sheet.append(row)
    for cell, value in cells.items():
        sheet[cell] = value
    workbook.save(small_copy / "users.xlsx")
    (small_copy / "users.csv").unlink()


def test_users_as_xlsx_report_sheet_and_cell(small_copy):
    _users_as_xlsx(small_copy, D5="21O")  # letter O instead of zero
    project, report = validate(small_copy)
    assert project is None
    assert any(str(d).startswith("users.xlsx:Users!D5: users[3].extension") for d in report.errors), [str(d) for d in report.errors]


def test_valid_xlsx_loads(small_copy):
    import csv

    rows = list(csv.reader((small_copy / "users.csv").read_text(encoding="utf-8").splitlines()))
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(small_copy / "users.xlsx")
    (small_copy / "users.csv").unlink()
    project, report = validate(small_copy)
    assert project is not None, [str(d) for d in report.errors]
    assert project.users[1].last_name == "Rochat"
    assert str(project.users[1].where("extension")).startswith("users.xlsx:Sheet!D3")


def test_xlsx_formula_without_saved_value_is_named(small_copy):
    """A formula written by a script (no value saved by Excel) is reported at its cell as a
    formula, not as a missing field at the start of the row."""
    _users_as_xlsx(small_copy, D3="=200+1")
    project, report = validate(small_copy)
    assert project is None
    errors = [str(d) for d in report.errors]
    assert any(e.startswith("users.xlsx:Users!D3: users[1].extension") and "formula" in e for e in errors), errors
    assert not any("required field is missing" in e for e in errors), errors


def test_unclosed_quote_is_an_error_not_lost_rows():
    """A quote never closed would swallow every following row into one cell, silently."""
    report = Report()
    source = read_csv('id,first_name,last_name\nu1,"Anne,Dupont\nu2,Marc,Muller\nu3,Eva,Roth\n', "users.csv", report)
    assert source is None
    errors = [str(d) for d in report.errors]
    assert len(errors) == 1 and errors[0].startswith("users.csv:2:") and "quote" in errors[0], errors


def test_quoted_cell_over_several_lines_is_kept():
    report = Report()
    source = read_csv('id,first_name,notes\nu1,Anne,"line one\nline two"\nu2,Marc,\n', "users.csv", report)
    assert not report.diagnostics and [r["id"] for r in source.data] == ["u1", "u2"]
    assert source.data[0]["notes"] == "line one\nline two" and str(source.locate((1,))) == "users.csv:4:1"
