"""A broken pbxdoc.yaml does not hide the errors of the other files."""

from __future__ import annotations

from typer.testing import CliRunner

from generator.cli import app
from generator.load import validate
from tests.helpers import edit


def plant_errors(project) -> None:
    edit(project / "servers.yaml", "  vendor: 3CX", "  vendor: 3CX\n  colour: blue")
    edit(project / "sites.yaml", "- id: lau", "- id: lau site")


def test_syntax_error_in_root_file_still_reports_every_other_file(small_copy):
    edit(small_copy / "pbxdoc.yaml", "customer:", "customer: [", 1)
    plant_errors(small_copy)
    project, report = validate(small_copy)
    assert project is None
    files = {d.location.file for d in report.errors}
    assert {"pbxdoc.yaml", "servers.yaml", "sites.yaml"} <= files, [str(d) for d in report.errors]
    assert any("unknown key 'colour'" in str(d) for d in report.errors)
    skipped = [d for d in report.diagnostics if d.code == "checks-skipped"]
    assert len(skipped) == 1 and "default limits" in skipped[0].message and "compliance checks" in skipped[0].message


def test_unreadable_root_file_in_the_cli(small_copy):
    (small_copy / "pbxdoc.yaml").write_bytes(b"customer: \xff\xfe\n")
    plant_errors(small_copy)
    result = CliRunner().invoke(app, ["validate", str(small_copy)])
    assert result.exit_code == 1
    assert "pbxdoc.yaml:1:" in result.output and "servers.yaml:" in result.output and "sites.yaml:" in result.output
    assert "could not be read" in result.output


def test_valid_root_file_has_no_skipped_checks(small_copy):
    plant_errors(small_copy)
    project, report = validate(small_copy)
    assert not [d for d in report.diagnostics if d.code == "checks-skipped"]


def test_folder_without_root_file_is_no_project(tmp_path):
    (tmp_path / "servers.yaml").write_text("- id: x\n", encoding="utf-8")
    project, report = validate(tmp_path)
    assert [d.code for d in report.diagnostics] == ["no-project"]
