"""`pbxdoc check --format json|sarif` on invalid data prints the validation errors in that format
(a tool reading the output gets every error at its place) and exits 1."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from generator.cli import app
from tests.helpers import edit, line_of

SCHEMA = Path(__file__).resolve().parents[2] / "data" / "sarif-schema-2.1.0.json"
runner = CliRunner()


@pytest.fixture
def invalid(small_copy):
    edit(small_copy / "servers.yaml", "platform: virtual", "platform: vm")
    edit(small_copy / "users.csv", "u-reception,Accueil,Fiduciaire,200,", "u-reception,Accueil,Fiduciaire,20a,")
    return small_copy


def test_json_lists_every_validation_error(invalid):
    result = runner.invoke(app, ["check", str(invalid), "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["valid"] is False and data["errors"] == 2
    where = {(d["location"]["file"], d["field"].split(".")[-1], d["severity"]) for d in data["diagnostics"]}
    assert {("servers.yaml", "platform", "error"), ("users.csv", "extension", "error")} <= where


def test_sarif_results_are_errors_at_their_file_line_and_column(invalid, tmp_path):
    target = tmp_path / "report.sarif"
    result = runner.invoke(app, ["check", str(invalid), "--format", "sarif", "--output", str(target)])
    assert result.exit_code == 1
    log = json.loads(target.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8")), format_checker=jsonschema.FormatChecker())
    assert sorted(map(str, validator.iter_errors(log))) == []
    results = log["runs"][0]["results"]
    assert [r["level"] for r in results] == ["error", "error"]
    places = {(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in results}
    assert places == {("servers.yaml", line_of(invalid / "servers.yaml", "platform: vm")), ("users.csv", 2)}
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)


def test_sarif_to_standard_output(invalid):
    result = runner.invoke(app, ["check", str(invalid), "--format", "sarif"])
    assert result.exit_code == 1
    assert len(json.loads(result.stdout)["runs"][0]["results"]) == 2


def test_valid_data_still_gives_the_findings(small_path):
    result = runner.invoke(app, ["check", str(small_path), "--format", "json", "--fail-on", "never"])
    assert result.exit_code == 0
    assert "findings" in json.loads(result.stdout)
