"""Hostile or broken input gets a clear error, never a traceback."""

from __future__ import annotations

import os

from tests.helpers import edit
from generator.load import validate


def only_errors(root):
    project, report = validate(root)
    assert project is None
    return [str(d) for d in report.errors]


def test_yaml_syntax_error_has_line(small_copy):
    edit(small_copy / "servers.yaml", "  vendor: 3CX", "  vendor: [3CX")
    errors = only_errors(small_copy)
    assert any(e.startswith("servers.yaml:") and "YAML syntax error" in e for e in errors), errors


def test_non_utf8_bytes(small_copy):
    path = small_copy / "contacts.yaml"
    path.write_bytes(path.read_bytes().replace("Léman".encode(), "L\xe9man".encode("latin-1"), 1))
    errors = only_errors(small_copy)
    assert any(e.startswith("contacts.yaml:") and "not valid UTF-8" in e and "saved as UTF-8" in e for e in errors), errors


def test_alias_bomb_is_refused(small_copy):
    bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        name = chr(ord("a") + i)
        bomb.append(f"{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]")
    (small_copy / "callerid.yaml").write_text("\n".join(bomb) + "\n", encoding="utf-8")
    errors = only_errors(small_copy)
    assert any(e.startswith("callerid.yaml:1:1") and "alias" in e for e in errors), errors


def test_huge_file_is_refused(small_copy):
    with open(small_copy / "pbxdoc.yaml", "a", encoding="utf-8") as f:
        f.write("limits:\n  file_mb: 1\n")
    with open(small_copy / "users.csv", "a", encoding="utf-8") as f:
        f.write("\n" * 1_100_000)
    errors = only_errors(small_copy)
    assert any(e.startswith("users.csv") and "over the 1 MB limit" in e and "file_mb" in e for e in errors), errors


def test_empty_file(small_copy):
    (small_copy / "callerid.yaml").write_text("# only a comment\n", encoding="utf-8")
    errors = only_errors(small_copy)
    assert any(e.startswith("callerid.yaml:1:1") and "empty" in e for e in errors), errors


def test_zero_byte_file(small_copy):
    (small_copy / "waivers.yaml").write_bytes(b"")
    errors = only_errors(small_copy)
    assert any(e.startswith("waivers.yaml") and "empty" in e for e in errors), errors


def test_document_path_leaving_project(small_copy):
    edit(small_copy / "documents.yaml", "file: documents/traitement-donnees.txt", "file: ../../../../etc/passwd")
    errors = only_errors(small_copy)
    assert any("path leaves the project folder" in e for e in errors), errors


def test_absolute_path_refused(small_copy):
    edit(small_copy / "documents.yaml", "file: documents/traitement-donnees.txt", "file: /etc/passwd")
    errors = only_errors(small_copy)
    assert any("relative to the project folder" in e for e in errors), errors


def test_symlink_leaving_project(small_copy, tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("secret", encoding="utf-8")
    link = small_copy / "documents" / "link.txt"
    os.symlink(outside, link)
    edit(small_copy / "documents.yaml", "file: documents/traitement-donnees.txt", "file: documents/link.txt")
    errors = only_errors(small_copy)
    assert any("leaves the project folder" in e for e in errors), errors


def test_data_file_symlink_leaving_project(small_copy, tmp_path):
    outside = tmp_path / "callerid.yaml"
    outside.write_text((small_copy / "callerid.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (small_copy / "callerid.yaml").unlink()
    os.symlink(outside, small_copy / "callerid.yaml")
    errors = only_errors(small_copy)
    assert any(e.startswith("callerid.yaml") and "leaves the project folder" in e for e in errors), errors


def test_duplicate_yaml_key(small_copy):
    edit(small_copy / "servers.yaml", "  vendor: 3CX\n", "  vendor: 3CX\n  vendor: Mitel\n")
    errors = only_errors(small_copy)
    assert any("key 'vendor' appears twice" in e for e in errors), errors


def test_python_tags_are_not_executed(small_copy):
    (small_copy / "callerid.yaml").write_text("- !!python/object/apply:os.system ['echo pwned']\n", encoding="utf-8")
    errors = only_errors(small_copy)
    assert any(e.startswith("callerid.yaml:1:") for e in errors), errors


def test_binary_file(small_copy):
    (small_copy / "waivers.yaml").write_bytes(b"\x00\x01\x02garbage")
    errors = only_errors(small_copy)
    assert any(e.startswith("waivers.yaml") for e in errors), errors


def test_not_a_project(tmp_path):
    errors = only_errors(tmp_path)
    assert any("no pbxdoc.yaml" in e for e in errors), errors


def test_concern_given_twice(small_copy):
    (small_copy / "users.yaml").write_text("[]\n", encoding="utf-8")
    errors = only_errors(small_copy)
    assert any("users is given by several files" in e for e in errors), errors


def test_input_files_are_never_modified(small_copy):
    before = {p: p.read_bytes() for p in small_copy.rglob("*") if p.is_file()}
    validate(small_copy)
    after = {p: p.read_bytes() for p in small_copy.rglob("*") if p.is_file()}
    assert before == after


def test_csv_saved_by_excel_in_windows_1252_says_how_to_fix(small_copy):
    """Excel's plain 'CSV' is Windows-1252: name the character and the way out."""
    path = small_copy / "users.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252"))
    errors = [e for e in only_errors(small_copy) if e.startswith("users.csv:")]
    assert len(errors) == 1, errors
    assert "'é'" in errors[0] and "Windows-1252" in errors[0] and "CSV UTF-8" in errors[0], errors


def test_wrong_indentation_says_indentation(small_copy):
    """PyYAML's 'mapping values are not allowed here' means nothing to a newcomer: name indentation."""
    edit(small_copy / "sites.yaml", "    key_holder: c-rochat", "  key_holder: c-rochat")
    errors = only_errors(small_copy)
    assert len(errors) == 1 and errors[0].startswith("sites.yaml:") and "indentation" in errors[0], errors
