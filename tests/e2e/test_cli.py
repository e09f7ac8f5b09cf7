"""Acceptance tests: the CLI on real folders, exit codes and exact messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from tests.helpers import edit
from generator.cli import app

runner = CliRunner()
REPO = Path(__file__).resolve().parents[2]


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_validate_valid_example(small_path):
    result = invoke("validate", small_path)
    assert result.exit_code == 0, result.output
    assert "valid (25 users" in result.output


def test_validate_invalid_exit_1_with_location(small_copy):
    edit(small_copy / "servers.yaml", "platform: virtual", "platform: vm")
    result = invoke("validate", small_copy)
    assert result.exit_code == 1
    assert "servers.yaml:" in result.output and "servers[0].platform: invalid value, got 'vm'" in result.output


def test_validate_json(small_copy):
    edit(small_copy / "users.csv", "u-chevalley,Anne,Chevalley,211,", "u-chevalley,Anne,Chevalley,201,")
    result = invoke("validate", small_copy, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["valid"] is False and data["errors"] == 1
    assert data["diagnostics"][0]["location"] == {"file": "users.csv", "line": 6, "column": 4}


def test_usage_error_exit_2():
    result = invoke("validate", "--format", "yaml")
    assert result.exit_code == 2


def test_init_creates_a_valid_project(tmp_path):
    target = tmp_path / "acme"
    result = invoke("init", target)
    assert result.exit_code == 0, result.output
    assert (target / ".schemas" / "servers.schema.json").is_file()
    assert "$schema=./.schemas/servers.schema.json" in (target / "servers.yaml").read_text(encoding="utf-8")
    assert invoke("validate", target).exit_code == 0


def test_init_refuses_non_empty_folder(tmp_path):
    (tmp_path / "keep.txt").write_text("x")
    result = invoke("init", tmp_path)
    assert result.exit_code == 2
    assert (tmp_path / "keep.txt").read_text() == "x"


def test_schema_command(tmp_path):
    result = invoke("schema", "-o", tmp_path / "s")
    assert result.exit_code == 0
    assert len(list((tmp_path / "s").glob("*.schema.json"))) == 21


def test_build_data_only_is_deterministic_and_verifiable(small_path, tmp_path):
    out1, out2 = tmp_path / "o1", tmp_path / "o2"
    assert invoke("build", small_path, "-o", out1, "--only", "data").exit_code == 0
    assert invoke("build", small_path, "-o", out2, "--only", "data").exit_code == 0
    for name in ("manifest.json", "data/model.json"):
        assert (out1 / name).read_bytes() == (out2 / name).read_bytes()
    model = (out1 / "data/model.json").read_text(encoding="utf-8")
    assert "Fiduciaire Rochat SA" in model
    assert invoke("verify", out1).exit_code == 0
    path = out1 / "data/model.json"
    path.write_bytes(path.read_bytes().replace(b"Rochat", b"Rochet", 1))
    result = invoke("verify", out1)
    assert result.exit_code == 1 and "changed: data/model.json" in result.output


def test_failed_build_keeps_previous_output(small_copy, tmp_path):
    out = tmp_path / "out"
    assert invoke("build", small_copy, "-o", out, "--only", "data").exit_code == 0
    before = (out / "manifest.json").read_bytes()
    edit(small_copy / "servers.yaml", "platform: virtual", "platform: vm")
    assert invoke("build", small_copy, "-o", out, "--only", "data").exit_code == 1
    assert (out / "manifest.json").read_bytes() == before


def test_build_audience_customer_hides_access_and_commercial(small_path, tmp_path):
    out = tmp_path / "o"
    assert invoke("build", small_path, "-o", out, "--only", "data", "--audience", "customer").exit_code == 0
    model = (out / "data/model.json").read_text(encoding="utf-8")
    assert "vault:" not in model and "clé du local technique" not in model and "price_chf\": 1150" not in model
    assert "Nadia Berset" not in model


def test_source_date_epoch(small_path, tmp_path):
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
    out = tmp_path / "o"
    subprocess.run([sys.executable, "-m", "generator", "build", str(small_path), "-o", str(out), "--only", "data"], cwd=REPO, env=env, check=True, capture_output=True)
    assert json.loads((out / "manifest.json").read_text())["generated"] == "2026-01-01T00:00:00+00:00"


def test_help_is_complete():
    result = invoke("--help")
    for command in ("validate", "init", "schema", "build", "verify"):
        assert command in result.output
    for command in ("validate", "build"):
        sub = invoke(command, "--help")
        assert sub.exit_code == 0 and "PROJECT" in sub.output.upper()


AUDIENCE_COMMANDS = [("build",), ("pdf",), ("serve",), ("runbook",), ("export", "xlsx")]
LANG_COMMANDS = [*AUDIENCE_COMMANDS, ("check",), ("diagram",), ("rules",)]


def _help(command):
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.output


def test_audience_is_described_the_same_everywhere():
    """One audience filter, one description: every command says what each audience leaves out."""
    texts = set()
    for command in AUDIENCE_COMMANDS:
        after = _help(command).split("--audience <customer|auditor|integrator>", 1)[1]
        line = " ".join(after.split("\n  -", 1)[0].split())
        texts.add(line)
        for words in ("customer:", "auditor:", "integrator:", "premises", "prices", "vault:"):
            assert words in line, (command, line)
    assert len(texts) == 1, texts


def test_option_values_are_named_for_a_newcomer():
    """No Python type names (<str>, <list[str]>) as the value of an option."""
    for command in [*LANG_COMMANDS, ("build",), ("pdf",)]:
        text = _help(command)
        assert "<str>" not in text and "list[" not in text, (command, text)
        assert "--lang <fr|de|en>" in text, (command, text)


def test_build_only_unknown_renderer_is_a_usage_error(small_path, tmp_path):
    """`--only sites` (typo) must not swap an empty build into OUT and say it succeeded."""
    out = tmp_path / "out"
    result = invoke("build", small_path, "-o", out, "--only", "sites")
    assert result.exit_code == 2, result.output
    assert "unknown renderer 'sites'" in result.output and "site" in result.output
    assert not out.exists()


def test_verify_a_folder_that_is_no_build_says_so(tmp_path):
    """A mistyped OUT is a usage error, not 'is not as it was built'."""
    result = invoke("verify", tmp_path / "nothere")
    assert result.exit_code == 2, result.output
    assert "no such folder" in result.output and "not as it was built" not in result.output
    (tmp_path / "mine").mkdir()
    result = invoke("verify", tmp_path / "mine")
    assert result.exit_code == 2, result.output
    assert "no manifest.json" in result.output and "not as it was built" not in result.output


def test_build_strict_shows_the_warnings_it_fails_on(small_copy, tmp_path):
    """--strict refuses a build with warnings: the integrator must see which ones."""
    (small_copy / "notes.yaml").write_text("[]\n", encoding="utf-8")
    result = invoke("build", small_copy, "-o", tmp_path / "out", "--only", "data", "--strict")
    assert result.exit_code == 1, result.output
    assert "notes.yaml: not a pbxdoc data file" in result.output and "--strict" in result.output


def test_missing_project_folder_is_a_usage_error(tmp_path):
    for command in ("validate", "check", "build", "runbook"):
        result = invoke(command, tmp_path / "nope")
        assert result.exit_code == 2, (command, result.output)
        assert "is not a folder" in result.output


def test_serving_the_internal_edition_beyond_loopback_needs_consent(small_path):
    refused = CliRunner().invoke(app, ["serve", str(small_path), "--audience", "integrator", "--host", "0.0.0.0"])
    assert refused.exit_code == 2 and "--share-internal" in refused.output
    from generator.cli.site import loopback

    assert loopback("127.0.0.1") and loopback("::1") and loopback("localhost") and not loopback("0.0.0.0") and not loopback("192.0.2.1")
