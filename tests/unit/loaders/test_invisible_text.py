"""Text that cannot lie: bidi controls and zero-width characters are errors in numbers,
identifiers and file names, warnings elsewhere, and every message shows them (and terminal
control characters) as visible escapes."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from generator.cli import app
from generator.diagnostics import Diagnostic, Location
from generator.load import validate
from generator.text import printable, reveal
from tests.helpers import edit

RLO = "\u202e"
ZWSP = "\u200b"


def diagnostics(project):
    result, report = validate(project)
    return result, [str(d) for d in report.errors], [str(d) for d in report.warnings]


def test_reveal_and_printable():
    assert reveal(f"+41 21{RLO} 555") == "+41 21<U+202E> 555"
    assert reveal("a\u2066b\u200fc\u061cd\ufeffe\u2060") == "a<U+2066>b<U+200F>c<U+061C>d<U+FEFF>e<U+2060>"
    assert reveal("Zürich – 021 555 12 00") == "Zürich – 021 555 12 00"
    assert printable("\x1b[2Jname\n\x9b") == "<U+001B>[2Jname<U+000A><U+009B>"


def test_bidi_in_a_phone_number_is_an_error_with_its_location(small_copy):
    edit(small_copy / "contacts.yaml", "phone: +41 21 555 12 00", f"phone: +41 21 {RLO}555 12 00")
    result, errors, _ = diagnostics(small_copy)
    assert result is None
    assert any(e.startswith("contacts.yaml:") and "<U+202E> (RIGHT-TO-LEFT OVERRIDE)" in e for e in errors), errors


def test_zero_width_in_an_identifier_is_an_error(small_copy):
    edit(small_copy / "sites.yaml", "- id: lau", f"- id: la{ZWSP}u")
    result, errors, _ = diagnostics(small_copy)
    assert any(e.startswith("sites.yaml:") and "<U+200B> (ZERO WIDTH SPACE)" in e for e in errors), errors


def test_bidi_in_a_file_path_is_an_error(small_copy):
    edit(small_copy / "documents.yaml", "file: documents/traitement-donnees.txt", f"file: documents/traitement{RLO}-donnees.txt")
    result, errors, _ = diagnostics(small_copy)
    assert any(e.startswith("documents.yaml:") and "file: contains the invisible character <U+202E>" in e for e in errors), errors


def test_bidi_in_free_text_is_a_warning_with_its_location(small_copy):
    edit(small_copy / "sites.yaml", "name: ", f"name: {RLO}", 1)
    result, errors, warnings = diagnostics(small_copy)
    assert result is not None, errors
    assert any(w.startswith("sites.yaml:") and "name: contains the invisible character <U+202E>" in w for w in warnings), warnings


def test_plain_text_has_no_warning(small_project):
    """The examples hold accents, dashes and apostrophes: none of them is reported."""
    result, report = validate(small_project.root)
    assert not [d for d in report.warnings if d.code == "invisible-character"]


def test_file_name_with_control_or_bidi_characters_is_an_error_printed_escaped(small_copy):
    (small_copy / "documents" / "\x1b[2Jevil.txt").write_text("x", encoding="utf-8")
    (small_copy / "documents" / f"photo{RLO}gpj.exe").write_text("x", encoding="utf-8")
    result, errors, _ = diagnostics(small_copy)
    assert result is None
    assert "documents/<U+001B>[2Jevil.txt: the name contains <U+001B>" in "\n".join(errors), errors
    assert any(e.startswith("documents/photo<U+202E>gpj.exe: the name contains <U+202E>") for e in errors), errors
    assert not any("\x1b" in e or RLO in e for e in errors)


def test_cli_prints_file_names_escaped(small_copy):
    (small_copy / "\x1b]0;owned\x07users.yaml").write_text("[]\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(small_copy)])
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "<U+001B>]0;owned<U+0007>users.yaml" in result.output
    result = CliRunner().invoke(app, ["validate", str(small_copy), "--format", "json"])
    data = json.loads(result.output)
    assert all("\x1b" not in json.dumps(d, ensure_ascii=False) for d in data["diagnostics"])
    assert any(d["location"]["file"].startswith("<U+001B>]0;owned") for d in data["diagnostics"])


def test_every_rendering_of_a_diagnostic_is_escaped():
    d = Diagnostic("x", f"value '{RLO}1' in\nline", Location("a\x1bb.csv", sheet="s\x9b", cell="A1"), field="f\u2066", expected="e\x07")
    rendered = str(d) + json.dumps(d.to_dict(), ensure_ascii=False)
    assert not any(c in rendered for c in (RLO, "\x1b", "\x9b", "\u2066", "\x07", "\n"))


def test_bidi_in_a_csv_cell_is_a_warning_at_its_cell(small_copy):
    edit(small_copy / "users.csv", ",Sophie,", f",So{RLO}phie,")
    result, errors, warnings = diagnostics(small_copy)
    assert result is not None, errors
    assert any(w.startswith("users.csv:3:2: first_name: contains the invisible character <U+202E>") for w in warnings), warnings
