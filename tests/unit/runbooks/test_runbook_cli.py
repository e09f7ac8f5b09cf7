"""`pbxdoc runbook`: Markdown on standard output, one system or all, in a chosen language."""

from __future__ import annotations

from typer.testing import CliRunner

from generator.cli import app
from generator.load import EXAMPLES, SMALL_EXAMPLE

PROJECT = str(EXAMPLES / SMALL_EXAMPLE)


def run(*args: str):
    return CliRunner().invoke(app, ["runbook", PROJECT, *args])


def test_all_runbooks_in_the_project_language():
    result = run()
    assert result.exit_code == 0, result.output
    assert result.stdout.count("\n# Sauvegarde et restauration — ") + result.stdout.startswith("# Sauvegarde") >= 9
    assert "## Procédure de restauration" in result.stdout


def test_one_system_in_german():
    result = run("--system", "lau-pbx-01", "--lang", "de")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Sicherung und Wiederherstellung — 3CX Fiduciaire Rochat (lau-pbx-01)")
    assert result.stdout.count("\n# ") == 0


def test_customer_audience_hides_references():
    result = run("--system", "lau-pbx-01", "--audience", "customer")
    assert result.exit_code == 0
    assert "vault:" not in result.stdout.replace("\\", "")


def test_unknown_system_is_a_usage_error_that_lists_the_systems():
    result = run("--system", "nope")
    assert result.exit_code == 2
    assert "no runbook for 'nope'" in result.output and "lau-pbx-01" in result.output


def test_unknown_language_is_a_usage_error():
    result = run("--lang", "it")
    assert result.exit_code == 2
    assert "unknown language 'it'" in result.output
