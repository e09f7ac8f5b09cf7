"""End to end: `pbxdoc build` writes the workbook, LibreOffice opens it and sees the same values,
and the import commands behave at the command line."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from generator.load import EXAMPLES, SMALL_EXAMPLE
from generator.workbook.sheets import SHEET_ORDER
from tests.helpers import edit

SMALL = EXAMPLES / SMALL_EXAMPLE
REPO = Path(__file__).resolve().parents[2]
WORKBOOK = "xlsx/fiduciaire-rochat-fr-customer.xlsx"


def pbxdoc(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=REPO, capture_output=True, text=True, env=environment, timeout=300)


HOSTILE = {"first_name": "=1+1", "department": "@SUM(1)", "role": "-2+3 DNS"}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """The small example with customer text that a spreadsheet would take for formulas."""
    root = tmp_path_factory.mktemp("project") / "fiduciaire-rochat"
    shutil.copytree(SMALL, root)
    edit(root / "users.csv", "u-reception,Accueil,Fiduciaire,200,+41215551200,Accueil,", f"u-reception,{HOSTILE['first_name']},Fiduciaire,200,+41215551200,{HOSTILE['department']},")
    edit(root / "addresses.csv", "Contrôleur de domaine / DNS", HOSTILE["role"])
    return root


@pytest.fixture(scope="module")
def built(project, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build") / "out"
    result = pbxdoc("build", str(project), "-o", str(out), "--only", "workbook")
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def for_integrator(project, tmp_path_factory) -> Path:
    """The integrator's workbook: the one made to be edited and imported back."""
    target = tmp_path_factory.mktemp("export") / "integrator.xlsx"
    result = pbxdoc("export", "xlsx", str(project), "-o", str(target), "--audience", "integrator")
    assert result.returncode == 0, result.stderr
    return target


def test_build_writes_the_workbook_listed_in_the_manifest(built):
    path = built / WORKBOOK
    manifest = json.loads((built / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["files"][WORKBOOK]["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    wb = openpyxl.load_workbook(path)
    assert wb.properties.title.endswith("Fiduciaire Rochat SA")
    assert len(wb.sheetnames) == len(SHEET_ORDER)


def test_two_builds_give_the_same_bytes(project, built, tmp_path):
    result = pbxdoc("build", str(project), "-o", str(tmp_path / "again"), "--only", "workbook")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "again" / WORKBOOK).read_bytes() == (built / WORKBOOK).read_bytes()


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _lo_text(text: str) -> str:
    """LibreOffice writes dates in its locale's short form (m/d/Y here); compare them as ISO."""
    for fmt in ("%m/%d/%Y", "%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return text


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="LibreOffice (libreoffice --headless) is not installed")
def test_libreoffice_sees_the_same_values(built, tmp_path):
    """One conversion of every sheet to CSV (filter option 12 = -1: all sheets)."""
    out = tmp_path / "csv"
    profile = tmp_path / "lo-profile"  # a private profile: parallel LibreOffice runs would lock a shared one
    result = subprocess.run(
        [
            "libreoffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            "--outdir",
            str(out),
            str(built / WORKBOOK),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr
    wb = openpyxl.load_workbook(built / WORKBOOK)
    for ws in wb.worksheets:
        converted = out / f"{Path(WORKBOOK).stem}-{ws.title}.csv"
        assert converted.is_file(), sorted(p.name for p in out.iterdir())
        with converted.open(encoding="utf-8", newline="") as f:
            seen = [[_lo_text(c) for c in row] for row in csv.reader(f) if any(row)]
        expected = [[_as_text(v) for v in row] for row in ws.iter_rows(values_only=True) if any(v is not None for v in row)]
        width = len(expected[0])
        assert [r + [""] * (width - len(r)) for r in seen] == expected, ws.title
        if ws.title == "Utilisateurs et postes":  # LibreOffice shows the text, computes no formula
            assert seen[1][2] == HOSTILE["first_name"] and seen[1][5] == HOSTILE["department"]
        if ws.title == "Plan d'adressage":
            assert seen[1][5] == HOSTILE["role"]


def test_export_command_for_the_customer_in_english(tmp_path):
    target = tmp_path / "customer.xlsx"
    result = pbxdoc("export", "xlsx", str(SMALL), "-o", str(target), "--lang", "en", "--audience", "customer")
    assert result.returncode == 0, result.stderr
    wb = openpyxl.load_workbook(target)
    headers = [c.value for c in wb["Licences"][1]]
    assert "Price (CHF)" not in headers and "Days to expiry" in headers


def test_a_workbook_made_for_the_customer_is_merged_without_its_worded_columns(built, tmp_path):
    """A customer's copy is merged back without the columns it may not see (kept) and without the
    columns that say in words where a file is kept (not values); replacing with it is refused."""
    project = tmp_path / "project"
    shutil.copytree(SMALL, project)
    before = {p.name: p.read_bytes() for p in project.iterdir() if p.is_file()}
    refused = pbxdoc("import", "xlsx", str(built / WORKBOOK), "--into", str(project), "--replace")
    assert refused.returncode == 2
    assert "was exported for the customer audience" in refused.stderr and "--merge" in refused.stderr
    assert {p.name: p.read_bytes() for p in project.iterdir() if p.is_file()} == before
    merged = pbxdoc("import", "xlsx", str(built / WORKBOOK), "--into", str(project), "--merge", "--sheet", "Documents du dossier")
    assert merged.returncode == 0, merged.stderr
    assert "says in words where the file is kept, not its path; left out" in merged.stderr
    after = (project / "documents.yaml").read_text(encoding="utf-8")
    assert after == before["documents.yaml"].decode("utf-8")  # every path kept, nothing else changed


def test_import_command_refuses_a_bad_workbook_and_says_where(for_integrator, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(SMALL, project)
    before = {p.name: p.read_bytes() for p in project.iterdir() if p.is_file()}
    bad = tmp_path / "bad.xlsx"
    wb = openpyxl.load_workbook(for_integrator)
    wb["Utilisateurs et postes"]["D7"] = "12a"
    wb.save(bad)
    result = pbxdoc("import", "xlsx", str(bad), "--into", str(project), "--replace")
    assert result.returncode == 1
    assert "bad.xlsx:Utilisateurs et postes!D7: users[5].extension (column 'N° interne'): value '12a' has the wrong form" in result.stderr
    assert "nothing was written" in result.stderr
    assert {p.name: p.read_bytes() for p in project.iterdir() if p.is_file()} == before


def test_formula_like_text_is_refused_when_imported_back(project, for_integrator, tmp_path):
    """Shown as text in the workbook, but never written into the project's CSV files: a spreadsheet
    opening them would run it."""
    copy = tmp_path / "copy"
    shutil.copytree(project, copy)
    before = {p.name: p.read_bytes() for p in copy.iterdir() if p.is_file()}
    result = pbxdoc("import", "xlsx", str(for_integrator), "--into", str(copy), "--merge")
    assert result.returncode == 1
    refused = [line for line in result.stderr.splitlines() if "would run as a formula" in line]
    assert len(refused) == 3 and "Utilisateurs et postes!C2: first_name: '=1+1'" in refused[1], result.stderr
    assert {p.name: p.read_bytes() for p in copy.iterdir() if p.is_file()} == before


def test_import_commands_write_and_report(built, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(SMALL, project)
    export = tmp_path / "users.csv"
    export.write_text("Number,FirstName,LastName,EmailAddress,MobileNumber,AuthPassword\n288,Nina,Neu,nina@example.ch,0791112233,hunter2\n", encoding="utf-8")
    result = pbxdoc("import", "3cx-users", str(export), "--into", str(project), "--merge", "--rights-profile", "p-standard")
    assert result.returncode == 0, result.stderr
    assert "wrote users.csv: 26 records, 1 new" in result.stderr
    text = (project / "users.csv").read_text(encoding="utf-8")
    assert "u-288,Nina,Neu,288" in text and "hunter2" not in text
    assert pbxdoc("validate", str(project)).returncode == 0
    assert pbxdoc("import", "csv", str(export), "--into", str(project), "--merge", "--replace").returncode == 2
