"""A runbook states the compliance findings that concern its system, whatever their rule."""

from __future__ import annotations

from generator.diagnostics import Location, Severity
from generator.model.findings import Finding, FindingStatus
from generator.runbooks import runbook_for
from tests.unit.runbooks.fixtures import en, rochat  # noqa: F401  (fixtures)


def _finding(rule: str, object_id: str, severity=Severity.ERROR, status=FindingStatus.OPEN, category="backup") -> Finding:
    return Finding(rule, severity, category, f"title of {rule}", f"message about {object_id}", object_id, Location("backups.yaml", 3), status)


def test_no_finding(rochat, en):
    assert "No compliance finding concerns this system." in runbook_for(rochat, en, "lau-pbx-01").markdown()


def test_findings_on_the_system_and_its_jobs_are_listed(rochat, en):
    project = rochat.with_findings([
        _finding("BKP-ENCRYPT", "bkp-3cx-local"),
        _finding("BKP-RESTORE-TEST", "lau-pbx-01", Severity.WARNING),
        _finding("BKP-FIRMWARE", "lau-dect-01", Severity.WARNING),
        _finding("LIC-EXPIRY", "lic-3cx-pro", Severity.WARNING, FindingStatus.WAIVED, category="licences"),
        _finding("NUM-DID-BLOCK", "chg-2026-003", Severity.ERROR, category="numbering"),  # on a change, not about backups
    ])
    md = runbook_for(project, en, "lau-pbx-01").markdown()
    assert '!!! danger "Compliance findings concerning this system: 3"' in md
    assert "BKP\\-ENCRYPT" in md or "BKP-ENCRYPT" in md
    assert "message about bkp\\-3cx\\-local" in md or "message about bkp-3cx-local" in md
    assert "title of BKP\\-RESTORE\\-TEST" in md or "title of BKP-RESTORE-TEST" in md
    assert "Waived" in md
    assert "NUM" not in md
    assert "lau-dect-01" not in md.split("## Backup procedure")[0]
    dect = runbook_for(project, en, "lau-dect").markdown()
    assert "message about lau" in dect and "Compliance findings concerning this system: 1" in dect


def test_only_warnings_make_a_warning_box(rochat, en):
    project = rochat.with_findings([_finding("BKP-STALE", "bkp-3cx-offsite", Severity.WARNING)])
    assert '!!! warning "Compliance findings concerning this system: 1"' in runbook_for(project, en, "lau-pbx-01").markdown()
