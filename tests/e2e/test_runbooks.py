"""`pbxdoc runbook` as a person runs it, on a copy of the example whose files are edited."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers import edit

REPO = Path(__file__).resolve().parents[2]


def runbook(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator", "runbook", str(project), *args],
        cwd=REPO, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )


def test_a_value_edited_in_the_files_shows_in_the_runbook(small_copy):
    edit(small_copy / "backups.yaml", "destination: smb://lau-nas-01/backup/3cx", "destination: smb://nas-e2e/pbx-archive")
    edit(small_copy / "backups.yaml", "schedule: Tous les jours à 02:30", "schedule: Toutes les heures à :45")
    result = runbook(small_copy, "--system", "lau-pbx-01", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "| **Destination** | smb://nas-e2e/pbx-archive |" in result.stdout
    assert "Toutes les heures à :45" in result.stdout
    assert "copy it to **smb://nas-e2e/pbx-archive**" in result.stdout


def test_a_version_missing_from_the_archive_blocks_the_restore(small_copy):
    edit(small_copy / "backups.yaml", 'version: "20.0 Update 5"', 'version: "20.0 Update 4"')
    result = runbook(small_copy, "--system", "lau-pbx-01", "--lang", "en")
    assert result.returncode == 0, result.stderr
    restore = result.stdout.split("## Restore procedure {#runbook-lau-pbx-01-restore}\n\n")[1]
    assert restore.startswith('!!! danger "Blocking: this restore cannot succeed as documented"')
    assert "Version 20.0 Update 5 (lau-pbx-01) is not in the firmware archive" in restore


def test_every_runbook_of_the_example_in_every_language(small_path):
    for lang, title in (("fr", "# Sauvegarde et restauration — "), ("de", "# Sicherung und Wiederherstellung — "), ("en", "# Backup and restore — ")):
        result = runbook(small_path, "--lang", lang)
        assert result.returncode == 0, result.stderr
        assert result.stdout.count(title) == 9
