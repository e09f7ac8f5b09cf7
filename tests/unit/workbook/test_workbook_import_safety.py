"""An import changes every file or none, even when it fails or is killed half way; it leaves no copy
of the project behind; it refuses text that a spreadsheet would run, and validation reports it."""

from __future__ import annotations

import errno
import hashlib
import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from generator.load import validate
from generator.workbook.files import JOURNAL
from generator.workbook.importer import Existing, import_table_file
from generator.workbook.threecx import import_3cx_users
from tests.helpers import edit

REPO = Path(__file__).resolve().parents[3]
EDITS = {"users.csv": (",Comptabilité,", ",Compta,"), "addresses.csv": ("Serveur 3CX", "PBX"), "handsets.csv": ("W73H", "W73H-old")}


def snapshot(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def edited(project_copy):
    for name, (old, new) in EDITS.items():
        edit(project_copy / name, old, new, count=-1)
    return project_copy


def test_a_failure_on_the_second_file_changes_no_file(edited, small_workbook, monkeypatch):
    before = snapshot(edited)
    replace, calls = os.replace, []

    def second_fails(src, dst, *args, **kwargs):
        if str(src).endswith(".pbxdoc-new"):
            calls.append(dst)
            if len(calls) == 2:
                raise OSError(errno.ENOSPC, "No space left on device", str(dst))
        return replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", second_fails)
    with pytest.raises(OSError):
        import_table_file(edited, small_workbook, existing=Existing.REPLACE)
    assert len(calls) == 2  # then every file is put back
    assert snapshot(edited) == before


CRASH = """
import os, sys
from pathlib import Path
from generator.workbook import importer
from generator.workbook.importer import Existing, import_table_file

project, workbook, where = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
if where == "commit":
    replace, calls = os.replace, []
    def crash(src, dst, *args, **kwargs):
        if Path(dst).suffix in (".csv", ".yaml") and not Path(dst).name.startswith("."):
            calls.append(dst)
            if len(calls) == 2:
                os._exit(9)  # as a kill -9 between the first and the second file
        return replace(src, dst, *args, **kwargs)
    os.replace = crash
else:
    validate, calls = importer.validate, []
    def crash(root):
        calls.append(root)
        if len(calls) == 2:  # validating the copy of the project with the new data
            os._exit(9)
        return validate(root)
    importer.validate = crash
import_table_file(project, workbook, existing=Existing.REPLACE)
"""


def crashed_import(project: Path, workbook: Path, where: str) -> int:
    result = subprocess.Popen([sys.executable, "-c", textwrap.dedent(CRASH), str(project), str(workbook), where], cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert result.wait(timeout=120) == 9
    return result.pid


def test_an_import_killed_between_two_files_is_rolled_back_by_the_next_one(edited, small_workbook):
    before = snapshot(edited)
    crashed_import(edited, small_workbook, "commit")
    assert (edited / JOURNAL).is_file()
    assert snapshot(edited) != before  # half an import: one file rewritten, backups beside the data
    result = import_table_file(edited, small_workbook, existing=Existing.REPLACE, dry_run=True)
    assert [d.code for d in result.report.warnings] == ["import-recovered"]
    assert snapshot(edited) == before


def test_an_import_killed_while_checking_leaves_no_copy_of_the_project(edited, small_workbook):
    pid = crashed_import(edited, small_workbook, "check")
    left = list(Path(tempfile.gettempdir()).glob(f"pbxdoc-import-{pid}-*"))
    assert left and (left[0] / edited.name / "users.csv").is_file()
    import_table_file(edited, small_workbook, existing=Existing.REPLACE, dry_run=True)
    assert not [p for p in left if p.exists()]


# --- formulas ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["=1+1", "+1+1", "-2+3 DNS", "@SUM(1)", "\tfoo", "\r=1", "cmd|' /C calc'!A0", " msexcel|x!y", "+41 21 555 12 00 =1"])
def test_formula_like_text(text):
    from generator.model.formulas import formula_like

    assert formula_like(text)


@pytest.mark.parametrize("text", ["+41215551200", "+41 21 555 12 00", "+1 (415) 555-0100", "Accueil", "a|b", "x@example.ch", "1-2"])
def test_text_that_is_no_formula(text):
    from generator.model.formulas import formula_like

    assert not formula_like(text)


HOSTILE = {
    "first_name": "=1+1",
    "last_name": "@SUM(1)",
    "department": "-2+3 DNS",
    "terminal": "cmd|' /C calc'!A0",
}


def users_csv(path: Path, source: Path, **cells: str) -> Path:
    lines = source.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    row = lines[1].split(",")
    for name, value in cells.items():
        row[header.index(name)] = value
    import csv

    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerow(row)
    return path


def test_formula_cells_are_refused_at_their_cell_and_nothing_is_written(project_copy, tmp_path):
    before = snapshot(project_copy)
    path = users_csv(tmp_path / "users.csv", project_copy / "users.csv", **HOSTILE, did="+41 21 555 12 00")
    result = import_table_file(project_copy, path, existing=Existing.MERGE)
    formulas = {d.field: str(d.location) for d in result.report.errors if d.code == "import-formula"}
    header = (project_copy / "users.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert formulas == {name: f"users.csv:2:{header.index(name) + 1}" for name in HOSTILE}
    assert snapshot(project_copy) == before


def test_e164_numbers_and_signed_numbers_in_numeric_fields_are_imported(project_copy, tmp_path):
    path = users_csv(tmp_path / "users.csv", project_copy / "users.csv", did="+41 21 555 12 00", mobile="+41795554110")
    result = import_table_file(project_copy, path, existing=Existing.MERGE)
    assert result.ok and result.written, [str(d) for d in result.report.sorted()]
    licences = tmp_path / "licences.csv"
    licences.write_text("id,item,kind,system,quantity,price_chf\nlic-x,Credit,other,lau-pbx-01,1,-120.5\n", encoding="utf-8")
    result = import_table_file(project_copy, licences, existing=Existing.MERGE)
    assert not [d for d in result.report.errors if d.code == "import-formula"]


def test_3cx_export_with_a_formula_is_refused(project_copy, tmp_path):
    before = snapshot(project_copy)
    path = tmp_path / "3cx.csv"
    path.write_text("Number,FirstName,LastName,MobileNumber\n288,=HYPERLINK(\"http://x\"),Neu,+41 79 111 22 33\n", encoding="utf-8")
    result = import_3cx_users(project_copy, path, rights_profile="p-standard", existing=Existing.MERGE)
    assert [(d.code, d.field, str(d.location)) for d in result.report.errors] == [("import-formula", "first_name", "3cx.csv:2:2")]
    assert snapshot(project_copy) == before


def test_validation_warns_of_formulas_in_table_files_only(project_copy):
    edit(project_copy / "users.csv", "u-reception,Accueil,", "u-reception,=1+1,")
    edit(project_copy / "changelog.yaml", "author: Laura Mottier", "author: '=1+1'")
    _, report = validate(project_copy)
    found = [(d.code, d.field, str(d.location)) for d in report.warnings if d.code == "formula-like"]
    assert found == [("formula-like", "first_name", "users.csv:2:2")]


def test_validation_finds_no_formula_in_the_examples(small_root):
    from generator.load import EXAMPLES

    for example in EXAMPLES.iterdir():
        _, report = validate(example)
        assert not [d for d in report.diagnostics if d.code == "formula-like"], example.name
