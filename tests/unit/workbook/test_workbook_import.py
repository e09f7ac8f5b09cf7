"""Import: our own workbook comes back as the same data; foreign tables are matched and validated;
a bad row writes nothing and is reported at its sheet and cell."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import openpyxl
import pytest

from generator.audience import Audience, AudienceTranslator
from generator.i18n import Translator
from generator.load import load, validate
from generator.workbook.importer import Existing, ImportFailure, import_table_file
from tests.helpers import edit

FR = AudienceTranslator("fr", Audience.INTEGRATOR)  # the integrator's workbook: data file paths, which import back
TABLES = ("addresses", "users", "handsets", "licences", "changelog", "contacts", "documents")


def snapshot(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}


def dumps(project, concern):
    return [r.model_dump() for r in getattr(project, concern)]


EDITS = {
    "users.csv": (",Comptabilité,", ",Compta,"),
    "addresses.csv": ("Serveur 3CX", "PBX"),
    "handsets.csv": ("W73H", "W73H-old"),
    "licences.yaml": ("used: 8", "used: 7"),
    "changelog.yaml": ("author: Laura Mottier", "author: L. Mottier"),
    "contacts.yaml": ("escalation: 2}", "escalation: 4}"),
    "documents.yaml": ("kind: photo", "kind: other"),
}


def test_round_trip_gives_back_the_same_data(small_workbook, small_project, project_copy):
    """Every table edited in the project, then replaced from the workbook: the original data returns."""
    for name, (old, new) in EDITS.items():
        edit(project_copy / name, old, new, count=-1)
    edited = load(project_copy)
    assert all(dumps(edited, c) != dumps(small_project, c) for c in TABLES)
    result = import_table_file(project_copy, small_workbook, existing=Existing.REPLACE)
    assert result.ok, [str(d) for d in result.report.sorted()]
    assert sorted(w.concern for w in result.writes if not w.same) == sorted(TABLES)
    reloaded = load(project_copy)
    for concern in TABLES:
        assert dumps(reloaded, concern) == dumps(small_project, concern), concern


def test_reimport_of_unchanged_data_leaves_files_alone(small_workbook, project_copy):
    before = snapshot(project_copy)
    result = import_table_file(project_copy, small_workbook, existing=Existing.MERGE)
    assert result.ok and all(w.same for w in result.writes)
    assert snapshot(project_copy) == before


def test_bad_rows_write_nothing_and_name_sheet_and_cell(small_workbook, project_copy, tmp_path):
    bad = tmp_path / "bad.xlsx"
    wb = openpyxl.load_workbook(small_workbook)
    users = wb[FR.t("workbook.sheet.users")]
    users["D7"] = "12a"  # extension
    users["I9"] = "079 not a number"  # mobile
    wb[FR.t("workbook.sheet.licences")]["E3"] = -4  # quantity
    wb.save(bad)
    before = snapshot(project_copy)
    result = import_table_file(project_copy, bad, existing=Existing.REPLACE)
    assert not result.ok and not result.written
    texts = [str(d) for d in result.report.errors]
    sheet = FR.t("workbook.sheet.users")
    assert any(t.startswith(f"bad.xlsx:{sheet}!D7: users[5].extension (column 'N° interne'): value '12a' has the wrong form (expected") for t in texts), texts
    assert any(t.startswith(f"bad.xlsx:{sheet}!I9: users[7].mobile") and "E.164" in t for t in texts), texts
    assert any(t.startswith(f"bad.xlsx:{FR.t('workbook.sheet.licences')}!E3: licences[1].quantity") for t in texts), texts
    assert snapshot(project_copy) == before


def test_existing_data_is_not_overwritten_without_merge_or_replace(small_workbook, project_copy):
    before = snapshot(project_copy)
    result = import_table_file(project_copy, small_workbook, sheet=FR.t("workbook.sheet.users"))
    assert [d.code for d in result.report.errors] == ["import-exists"]
    assert "--merge" in result.report.errors[0].expected
    assert snapshot(project_copy) == before


def test_foreign_german_workbook_with_unknown_column(project_copy, tmp_path):
    path = tmp_path / "adressen.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tabelle1"
    ws.append(["IP-Adresse", "Rechnername", "Funktion", "Raum"])
    ws.append(["10.10.20.77", "lau-paging-01", "Lautsprecheranlage", "Keller"])
    ws.append(["10.10.10.6", "lau-nas-01", "NAS (neu)", "Serverraum"])
    wb.save(path)
    result = import_table_file(project_copy, path, existing=Existing.MERGE)
    assert result.ok, [str(d) for d in result.report.sorted()]
    assert [str(d) for d in result.report.warnings] == [
        "adressen.xlsx:Tabelle1!D1: column 'Raum' is not a field of addresses; left out (expected --map \"Raum=FIELD\" to import it, one of: address, hostname, subnet, device, mac, role)"
    ]
    project = load(project_copy)
    nas = next(a for a in project.addresses if a.address == "10.10.10.6")
    assert (nas.role, nas.subnet, nas.device) == ("NAS (neu)", "net-data", "lau-nas-01")  # merge keeps other fields
    assert project.addresses[-1].hostname == "lau-paging-01"
    assert (result.writes[0].added, result.writes[0].updated, result.writes[0].kept) == (1, 1, 9)


def test_csv_with_semicolons_swiss_dates_and_a_mapped_column(project_copy, tmp_path):
    path = tmp_path / "lizenzen.csv"
    path.write_text(
        "Kennung;Bezeichnung;Art;Anlage;Menge;Ablauf;Kommentar\n"
        "lic-rec;Enregistrement 3CX;Application;lau-pbx-01;4;31.12.2027;intern\n",
        encoding="cp1252",
    )
    result = import_table_file(project_copy, path, mapping=["Kommentar="], existing=Existing.MERGE)
    assert result.ok, [str(d) for d in result.report.sorted()]
    assert not result.report.warnings
    lic = next(x for x in load(project_copy).licences if x.id == "lic-rec")
    assert (lic.kind.value, lic.quantity, lic.expiry.isoformat()) == ("application", 4, "2027-12-31")


def test_map_names_a_column_the_matcher_does_not_know(project_copy, tmp_path):
    path = tmp_path / "postes.csv"
    path.write_text("Identifiant,Prénom,Nom,Apparat,Site,Profil\nu-new,Léa,Nouvel,299,lau,p-standard\n", encoding="utf-8")
    result = import_table_file(project_copy, path, concern="users", mapping=["Apparat=extension"], existing=Existing.MERGE)
    assert result.ok, [str(d) for d in result.report.sorted()]
    assert load(project_copy).user_by_id["u-new"].extension == "299"
    with pytest.raises(ImportFailure):
        import_table_file(project_copy, path, mapping=["Apparat"])


def test_rows_that_break_the_project_write_nothing(project_copy, tmp_path):
    path = tmp_path / "users.csv"
    path.write_text("id,first_name,last_name,extension,site,rights_profile\nu-x,Ann,Ghost,298,nowhere,p-standard\n", encoding="utf-8")
    before = snapshot(project_copy)
    result = import_table_file(project_copy, path, existing=Existing.MERGE)
    assert not result.ok and "import-invalid" in [d.code for d in result.report.errors]
    assert any("nowhere" in str(d) for d in result.report.errors)
    assert snapshot(project_copy) == before


def test_duplicate_ids_in_the_import_are_refused(project_copy, tmp_path):
    path = tmp_path / "dup.csv"
    path.write_text("id,first_name,last_name,extension,site,rights_profile\nu-x,A,B,296,lau,p-standard\nu-x,C,D,297,lau,p-standard\n", encoding="utf-8")
    result = import_table_file(project_copy, path, existing=Existing.MERGE)
    assert [str(d) for d in result.report.errors] == ["dup.csv:3:1: id: id 'u-x' is given twice (first at dup.csv:2:1) (expected a unique id)"]


def test_dry_run_reports_and_writes_nothing(small_workbook, project_copy):
    edit(project_copy / "users.csv", ",Comptabilité,", ",Compta,", count=-1)
    before = snapshot(project_copy)
    result = import_table_file(project_copy, small_workbook, sheet=FR.t("workbook.sheet.users"), existing=Existing.REPLACE, dry_run=True)
    assert result.ok and not result.written
    assert (result.writes[0].updated, result.writes[0].unchanged) == (5, 20)  # the five accountants
    assert snapshot(project_copy) == before


def test_xlsx_concern_file_becomes_csv(small_workbook, project_copy, tmp_path):
    """A concern kept as .xlsx in the project is rewritten as CSV; the workbook goes."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["id", "system", "model", "user", "extension", "ipei", "base"])
    for line in (project_copy / "handsets.csv").read_text(encoding="utf-8").splitlines()[1:]:
        ws.append(line.split(","))
    wb.save(project_copy / "handsets.xlsx")
    (project_copy / "handsets.csv").unlink()
    assert validate(project_copy)[0] is not None
    result = import_table_file(project_copy, small_workbook, sheet=FR.t("workbook.sheet.handsets"), existing=Existing.REPLACE)
    assert result.ok and result.written
    assert (project_copy / "handsets.csv").is_file() and not (project_copy / "handsets.xlsx").exists()
    assert len(load(project_copy).handsets) == 6
    shutil.rmtree(project_copy)


def test_unsaved_formula_and_unclosed_quote_are_refused_by_name(tmp_path):
    """A formula with no saved value read as empty, or an unclosed quote swallowing every later
    row, would import wrong data silently: both are refused, naming where."""
    from generator.workbook.tables import TableError, read_csv_table, read_xlsx_tables

    workbook = openpyxl.Workbook()
    workbook.active.title = "Users"
    workbook.active.append(["id", "first_name", "last_name"])
    workbook.active.append(["u-f", '=HYPERLINK("http://x","y")', "Test"])
    workbook.save(tmp_path / "f.xlsx")
    with pytest.raises(TableError, match=r"f\.xlsx:Users!B2: .*formula"):
        read_xlsx_tables(tmp_path / "f.xlsx")
    (tmp_path / "u.csv").write_text('id,first_name,last_name\nu1,"Anne,Dupont\nu2,Marc,Muller\n', encoding="utf-8")
    with pytest.raises(TableError, match=r"u\.csv:2: .*quote"):
        read_csv_table(tmp_path / "u.csv")
