"""Reports for tools and people: SARIF 2.1.0 validated against the official schema, JSON, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from checks_helpers import did_outside_block

from generator.checks import run
from generator.checks.report import to_json, to_sarif
from generator.cli import app
from generator.model.operations import Waiver

SCHEMA = Path(__file__).resolve().parents[2] / "data" / "sarif-schema-2.1.0.json"
runner = CliRunner()


@pytest.fixture(scope="module")
def sarif_validator():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


def waived(project):
    waiver = Waiver.model_validate({"rule": "AVL-SIP-PROVIDER", "object": "lau-pbx-01", "justification": "accepté", "accepted_by": "S. Rochat", "date": "2026-01-01", "expiry": "2027-06-30"})
    return project.replace(waivers=[waiver])


def test_sarif_is_valid_and_points_at_the_data_files(small_project, sarif_validator):
    project = waived(did_outside_block(small_project))
    log = json.loads(to_sarif(project, run(project), "en"))
    errors = sorted(sarif_validator.iter_errors(log), key=str)
    assert errors == [], errors[0].message if errors else ""
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert len(rules) >= 30 and all(r["shortDescription"]["text"] and r["help"]["text"] for r in rules)
    by_rule = {r["ruleId"]: r for r in run_["results"]}
    did = by_rule["NUM-DID-BLOCK"]
    region = did["locations"][0]["physicalLocation"]
    assert region["artifactLocation"]["uri"] == "users.csv" and region["region"]["startLine"] > 1 and region["region"]["startColumn"] >= 1
    assert rules[did["ruleIndex"]]["id"] == "NUM-DID-BLOCK"
    assert by_rule["AVL-SIP-PROVIDER"]["suppressions"][0]["status"] == "accepted"
    assert "suppressions" not in did


def test_json_report(small_project):
    data = json.loads(to_json(small_project, run(small_project), "fr"))
    assert data["summary"] == {"errors": 0, "warnings": 3, "infos": 1, "waived": 1}
    assert data["completeness"]["score"] == 1.0
    assert {f["rule"] for f in data["findings"]} == {"LIC-EXPIRING", "AVL-SIP-PROVIDER", "AVL-NO-FAILOVER", "FLOW-UNASSIGNED", "BKP-RESTORE-SYSTEM"}


def test_check_exit_codes_follow_fail_on(small_copy):
    path = small_copy / "users.csv"  # plant an error: a DID outside the trunk's number block
    path.write_text(path.read_text(encoding="utf-8").replace("+41215551270", "+41215551300"), encoding="utf-8")
    assert runner.invoke(app, ["check", str(small_copy)]).exit_code == 1
    assert runner.invoke(app, ["check", str(small_copy), "--fail-on", "never"]).exit_code == 0
    bad = runner.invoke(app, ["check", str(small_copy), "--fail-on", "sometimes"])
    assert bad.exit_code == 2


def test_check_fails_on_warnings_only_when_asked(small_copy):
    # The small example has warnings only.
    assert runner.invoke(app, ["check", str(small_copy)]).exit_code == 0
    assert runner.invoke(app, ["check", str(small_copy), "--fail-on", "warning"]).exit_code == 1


def test_check_text_table_groups_by_category(small_path):
    result = runner.invoke(app, ["check", str(small_path), "--lang", "en", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    text = result.output
    assert text.index("Licences") < text.index("Availability")
    assert "LIC-EXPIRING" in text and "licences.yaml:3" in text
    assert "0 errors, 3 warnings, 1 note, 1 waived" in text
    assert "Documentation completeness: 100 %" in text


def test_check_sarif_to_a_file(small_path, tmp_path, sarif_validator):
    target = tmp_path / "pbxdoc.sarif"
    result = runner.invoke(app, ["check", str(small_path), "--format", "sarif", "--output", str(target), "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    assert list(sarif_validator.iter_errors(json.loads(target.read_text(encoding="utf-8")))) == []


def test_check_on_invalid_data_reports_validation_errors(small_copy):
    path = small_copy / "servers.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("platform: virtual", "platform: vm"), encoding="utf-8")
    result = runner.invoke(app, ["check", str(small_copy)])
    assert result.exit_code == 1 and "servers.yaml:" in result.output


def test_rules_lists_the_documented_catalogue():
    result = runner.invoke(app, ["rules", "--lang", "de"])
    assert result.exit_code == 0, result.output
    assert "BKP-ENCRYPT" in result.output and "Sicherungen sind verschlüsselt" in result.output and "Quelle:" in result.output
    data = json.loads(runner.invoke(app, ["rules", "--format", "json"]).output)
    assert {"id", "title", "rationale", "remediation", "source", "severity", "category"} <= set(data[0])


def test_check_shows_waived_and_expired_waivers(small_copy):
    (small_copy / "waivers.yaml").write_text(
        "- {rule: AVL-SIP-PROVIDER, object: lau-pbx-01, justification: One provider accepted, accepted_by: Sophie Rochat, date: 2026-01-10, expiry: 2027-01-10}\n"
        "- {rule: AVL-UPS-NETWORK, object: lau-sw-02, justification: No critical phone, accepted_by: Sophie Rochat, date: 2025-01-10, expiry: 2026-01-10}\n",
        encoding="utf-8",
    )
    availability = small_copy / "availability.yaml"  # take lau-sw-02 off the UPS so that the expired waiver matters
    availability.write_text(availability.read_text(encoding="utf-8").replace("lau-sw-01, lau-sw-02,", "lau-sw-01,"), encoding="utf-8")
    # Written to a file, the table has a fixed width (a terminal's may wrap any sentence).
    target = small_copy.parent / "report.txt"
    result = runner.invoke(app, ["check", str(small_copy), "--lang", "en", "--fail-on", "never", "--output", str(target)])
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "Waived" in text and "waived by Sophie Rochat until 10/01/2027: One provider accepted" in text
    assert "Waiver expired" in text and "waiver expired on 10/01/2026 (accepted by Sophie Rochat)" in text
    # The file replaced the example's own waiver of AVL-NO-FAILOVER: that finding counts again.
    assert "0 errors, 4 warnings, 1 note, 1 waived" in text


def test_check_reads_the_project_vendors_folder(small_copy):
    (small_copy / "vendors").mkdir()
    (small_copy / "vendors" / "w70b.yaml").write_text("products:\n  yealink-w70b:\n    figures: {max_handsets: 6}\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(small_copy), "--format", "json", "--fail-on", "never"])
    assert any(f["rule"] == "DECT-MONOCELL" for f in json.loads(result.output)["findings"])
    (small_copy / "vendors" / "broken.yaml").write_text("products: [not, a, mapping]\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(small_copy)])
    assert result.exit_code == 1 and "broken.yaml: a vendor catalogue file holds `products:`" in result.output


def test_numbers_in_findings_read_as_in_every_table(small_project):
    """A finding names numbers the way the site and the PDF tables print them (phonenumbers'
    grouping, no-break spaces), ranges too; an invalid number stays as stored."""
    from generator.checks import evaluate

    (free,) = [f for f in evaluate(small_project, lang="fr") if f.rule == "FLOW-UNASSIGNED"]
    assert "+41\u00a021\u00a0555\u00a012\u00a000 – +41\u00a021\u00a0555\u00a012\u00a099" in free.message
    assert "+41\u00a021\u00a0555\u00a012\u00a003–09" in free.message and "+41215551203" not in free.message
    invalid = small_project.replace(users=[u.model_copy(update={"mobile": "+4179555411"}) if u.id == "u-admin" else u for u in small_project.users])
    (bad,) = [f for f in evaluate(invalid, lang="en") if f.rule == "NUM-E164"]
    assert "+4179555411" in bad.message
