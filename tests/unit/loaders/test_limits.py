"""Bounded resources: every limit refuses with one error naming the file and the limit, a user can
raise it in pbxdoc.yaml, and links, loops and special files never make pbxdoc hang or misread."""

from __future__ import annotations

import os
import time
import tracemalloc
import zipfile

from openpyxl import Workbook

from generator.load import REPO_ROOT, validate
from generator.loaders.fs import sha256_file
from generator.model.organisation import Limits


def set_limits(project, **limits) -> None:
    with open(project / "pbxdoc.yaml", "a", encoding="utf-8") as f:
        f.write("limits:\n" + "".join(f"  {k}: {v}\n" for k, v in limits.items()))


def errors_of(project) -> list[str]:
    result, report = validate(project)
    assert result is None, "expected the project to be refused"
    return [str(d) for d in report.errors]


def users_xlsx(project, rows, extra=None) -> None:
    """users.csv replaced by a workbook of the same rows (plus optional extra cells)."""
    (project / "users.csv").unlink()
    book = Workbook()
    sheet = book.active
    sheet.title = "users"
    for row in rows:
        sheet.append(row)
    if extra:
        extra(sheet)
    book.save(project / "users.xlsx")


def test_defaults_are_documented_in_the_readme():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    for name, info in Limits.model_fields.items():
        ceiling = next(m.le for m in info.metadata if hasattr(m, "le"))
        assert f"| `{name}` | {info.default:,} | {ceiling:,} |" in readme, f"README limits table lacks {name} = {info.default:,} (up to {ceiling:,})"


def test_zip_bomb_workbook_is_refused_from_its_directory(small_copy):
    """A small xlsx that unpacks to far more than it weighs is refused before openpyxl reads it."""
    set_limits(small_copy, workbook_unpacked_mb=1)
    users_xlsx(small_copy, [["id", "first_name"], ["u1", "Anne"]])
    path = small_copy / "users.xlsx"
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/padding.xml", b" " * 3_000_000)
    assert path.stat().st_size < 100_000
    errors = errors_of(small_copy)
    assert any(e.startswith("users.xlsx: the workbook unpacks to 3 MB, over the 1 MB limit") and "workbook_unpacked_mb" in e for e in errors), errors


def test_huge_cell_is_refused_at_its_cell(small_copy):
    """openpyxl truncates what it writes, not what it reads: the long cell is planted in the XML."""
    users_xlsx(small_copy, [["id", "first_name", "notes"], ["u1", "Anne", "PLANTED"]])
    path = small_copy / "users.xlsx"
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data.replace(b"PLANTED", b"x" * 40_000))
    errors = errors_of(small_copy)
    assert any(e.startswith("users.xlsx:users!C2: the value has 40,000 characters, over the 32,767 limit") and "field_chars" in e for e in errors), errors


def test_too_many_rows_in_a_workbook(small_copy):
    set_limits(small_copy, rows=3)
    users_xlsx(small_copy, [["id", "first_name"]] + [[f"u{i}", "Anne"] for i in range(5)])
    errors = errors_of(small_copy)
    assert any(e.startswith("users.xlsx:users!A5: the table has more than 3 rows") and "`rows`" in e for e in errors), errors


def test_too_many_cells_in_a_workbook_row(small_copy):
    """One cell far to the right makes a row as wide as the sheet: counted, not believed."""
    set_limits(small_copy, cells=1000)
    users_xlsx(small_copy, [["id", "first_name"], ["u1", "Anne"]], extra=lambda sheet: sheet.cell(row=3, column=5000, value="x"))
    errors = errors_of(small_copy)
    assert any(e.startswith("users.xlsx:users!A") and "the table has more than 1,000 cells" in e for e in errors), errors


def test_too_many_rows_in_a_csv_names_the_line(small_copy):
    set_limits(small_copy, rows=10)
    errors = errors_of(small_copy)
    assert any(e.startswith("users.csv:12:1: the table has more than 10 rows; refused") and "`rows`" in e for e in errors), errors


def test_long_csv_field(small_copy):
    set_limits(small_copy, field_chars=1000)
    with open(small_copy / "users.csv", encoding="utf-8") as f:
        header = f.readline()
    (small_copy / "users.csv").write_text(header + "u1," + "x" * 1200 + "\n", encoding="utf-8")
    errors = errors_of(small_copy)
    assert any(e.startswith("users.csv:2:1: a value is longer than 1,000 characters; refused") and "field_chars" in e for e in errors), errors


def test_long_yaml_value_and_long_list(small_copy):
    set_limits(small_copy, field_chars=100, rows=50)
    (small_copy / "callerid.yaml").write_text(f"- id: crm\n  name: {'y' * 150}\n", encoding="utf-8")
    (small_copy / "waivers.yaml").write_text("".join(f"- {i}\n" for i in range(60)), encoding="utf-8")
    errors = errors_of(small_copy)
    assert any(e.startswith("callerid.yaml:2:9: the value has 150 characters, over the 100 limit") for e in errors), errors
    assert any(e.startswith("waivers.yaml:1:1: the list has 60 items, over the 50 limit") for e in errors), errors


def test_million_row_csv_is_refused_without_holding_it(small_copy):
    """1,000,000 rows (about 13 MB, under the size limit): refused at the row limit, read as a
    stream, so memory stays bounded by the rows read, not the file."""
    set_limits(small_copy, rows=1000)
    with open(small_copy / "users.csv", encoding="utf-8") as f:
        header = f.readline()
    with open(small_copy / "users.csv", "w", encoding="utf-8") as f:
        f.write(header)
        f.writelines(f"u{i},{i}\n" for i in range(1_000_000))
    tracemalloc.start()
    try:
        errors = errors_of(small_copy)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert any(e.startswith("users.csv:1002:1: the table has more than 1,000 rows") for e in errors), errors
    assert peak < 5_000_000, f"peak {peak / 1e6:.0f} MB"


def test_limits_can_be_raised_but_not_without_bound(small_copy):
    set_limits(small_copy, rows=10_000_000)
    errors = errors_of(small_copy)
    assert any(e.startswith("pbxdoc.yaml:") and "limits.rows" in e for e in errors), errors


def test_project_file_count(small_copy):
    set_limits(small_copy, project_files=5)
    errors = errors_of(small_copy)
    assert any("the project holds more than 5 files" in e and "project_files" in e for e in errors), errors


def test_project_size(small_copy):
    set_limits(small_copy, project_mb=1)
    with open(small_copy / "backups" / "big.bin", "wb") as f:
        f.truncate(2_000_000)
    errors = errors_of(small_copy)
    assert any("the project folder is over 1 MB" in e and "project_mb" in e for e in errors), errors


def test_other_files_are_hashed_by_streaming(small_copy):
    """A large backup export in the project is hashed without being read whole."""
    with open(small_copy / "backups" / "big.bin", "wb") as f:
        f.truncate(200_000_000)  # sparse: costs no disk
    tracemalloc.start()
    try:
        project, report = validate(small_copy)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert project is not None, [str(d) for d in report.errors]
    assert project.file_digests["backups/big.bin"] == sha256_file(small_copy / "backups" / "big.bin")
    assert peak < 50_000_000, f"peak {peak / 1e6:.0f} MB"


def test_folder_links_are_never_followed(small_copy):
    """`documents/up -> ..` (twice) made validate run for minutes: exponential in the links."""
    os.symlink("..", small_copy / "documents" / "up")
    os.symlink("..", small_copy / "documents" / "up2")
    os.symlink("../backups", small_copy / "documents" / "archive")
    start = time.perf_counter()
    project, report = validate(small_copy)
    assert time.perf_counter() - start < 5
    assert project is not None, [str(d) for d in report.errors]
    warned = {str(d.location) for d in report.warnings if d.code == "folder-link"}
    assert warned == {"documents/up", "documents/up2", "documents/archive"}
    assert not any(name.startswith("documents/up") or name.startswith("documents/archive") for name in project.file_digests)


def test_a_document_named_through_a_folder_link_is_refused(small_copy):
    os.symlink("../backups", small_copy / "documents" / "archive")
    target = next(p.name for p in sorted((small_copy / "backups").iterdir()))
    text = (small_copy / "documents.yaml").read_text(encoding="utf-8")
    (small_copy / "documents.yaml").write_text(text.replace("file: documents/traitement-donnees.txt", f"file: documents/archive/{target}", 1), encoding="utf-8")
    errors = errors_of(small_copy)
    assert any("goes through 'documents/archive', a link to a folder" in e for e in errors), errors


def test_fifo_as_a_data_file_is_refused_without_opening_it(small_copy):
    (small_copy / "callerid.yaml").unlink()
    os.mkfifo(small_copy / "callerid.yaml")
    start = time.perf_counter()
    errors = errors_of(small_copy)
    assert time.perf_counter() - start < 5
    assert any(e.startswith("callerid.yaml: the file is a named pipe (FIFO), not a regular file") for e in errors), errors


def test_link_to_dev_zero_as_a_data_file_is_refused(small_copy):
    (small_copy / "waivers.yaml").unlink()
    os.symlink("/dev/zero", small_copy / "waivers.yaml")
    errors = errors_of(small_copy)
    assert any(e.startswith("waivers.yaml: the file is a character device, not a regular file") for e in errors), errors


def test_special_file_elsewhere_in_the_project_is_refused(small_copy):
    os.mkfifo(small_copy / "backups" / "pipe")
    errors = errors_of(small_copy)
    assert any(e.startswith("backups/pipe: the file is a named pipe (FIFO)") for e in errors), errors


def test_special_file_named_by_the_data(small_copy):
    os.mkfifo(small_copy / "documents" / "pipe.txt")
    text = (small_copy / "documents.yaml").read_text(encoding="utf-8")
    (small_copy / "documents.yaml").write_text(text.replace("file: documents/traitement-donnees.txt", "file: documents/pipe.txt", 1), encoding="utf-8")
    errors = errors_of(small_copy)
    assert any("'documents/pipe.txt' is a named pipe (FIFO), not a regular file" in e for e in errors), errors
