"""Every value of a runbook comes from the data: change it in the model, see it in the runbook."""

from __future__ import annotations

from generator.document import Admonition
from generator.runbooks import build_runbooks, runbook_for
from tests.unit.runbooks.fixtures import en, en_integrator, rochat  # noqa: F401  (fixtures)


def _jobs(project, **changes):
    job = project.backups.jobs[0].model_copy(update=changes)
    return project.replace(backups=project.backups.model_copy(update={"jobs": [job, *project.backups.jobs[1:]]}))


def test_one_runbook_per_server_and_device_with_a_backup(rochat, en):
    ids = [r.system_id for r in build_runbooks(rochat, en)]
    assert ids[0] == "lau-pbx-01"
    assert "lau-dect" in ids and "lau-door-01" in ids and "lau-sw-01" in ids
    assert "lau-ont-01" not in ids  # backup: none
    assert "app-voicemail" not in ids  # in the 3CX backup


def test_job_values_appear(rochat, en):
    changed = _jobs(rochat, destination="smb://nas-test-42/pbx", schedule="Every hour at :17", medium="Tape LTO-9")
    md = runbook_for(changed, en, "lau-pbx-01").markdown()
    assert "smb://nas-test-42/pbx" in md
    assert "Every hour at :17" in md
    assert "Tape LTO\\-9" in md or "Tape LTO-9" in md


def test_rotation_comes_from_the_data(rochat, en):
    job = rochat.backups.jobs[0]
    changed = _jobs(rochat, rotation=job.rotation.model_copy(update={"daily": 23, "monthly": 11}))
    md = runbook_for(changed, en, "lau-pbx-01").markdown()
    assert "23 daily" in md and "11 monthly" in md


def test_key_holder_is_the_contact_named_in_the_data(rochat, en):
    changed = _jobs(rochat, key_holder="c-bonvin")
    md = runbook_for(changed, en, "lau-pbx-01").markdown()
    assert "Marc Bonvin, Bonvin Informatique" in md


def test_version_and_archive_location_come_from_the_data(rochat, en):
    server = rochat.servers[0].model_copy(update={"software_version": "20.0 Update 9"})
    archive = rochat.backups.firmware_archive[0].model_copy(update={"version": "20.0 Update 9", "file": "smb://vault-17/3cx/u9.iso"})
    backups = rochat.backups.model_copy(update={"firmware_archive": [archive, *rochat.backups.firmware_archive[1:]]})
    md = runbook_for(rochat.replace(servers=[server], backups=backups), en, "lau-pbx-01").markdown()
    assert "20.0 Update 9" in md
    assert "smb://vault-17/3cx/u9.iso" in md


def test_version_not_archived_is_a_blocking_warning_at_the_top_of_the_restore(rochat, en):
    server = rochat.servers[0].model_copy(update={"software_version": "20.0 Update 7"})
    book = runbook_for(rochat.replace(servers=[server]), en, "lau-pbx-01")
    assert any("20.0 Update 7" in b for b in book.blocking)
    blocks = book.document.blocks
    restore = next(i for i, b in enumerate(blocks) if getattr(b, "anchor", None) == "runbook-lau-pbx-01-restore")
    first = blocks[restore + 1]
    assert isinstance(first, Admonition) and first.kind == "danger"
    assert "20.0 Update 7" in book.markdown().split("## Restore procedure")[1].split("### Prerequisites")[0]


def test_archived_version_is_not_blocking(rochat, en):
    book = runbook_for(rochat, en, "lau-pbx-01")
    assert book.blocking == ()
    assert "!!! danger" not in book.markdown()


def test_no_backup_job_is_blocking(rochat, en):
    book = runbook_for(rochat.replace(backups=rochat.backups.model_copy(update={"jobs": []})), en, "lau-pbx-01")
    assert any("No backup job" in b for b in book.blocking)
    assert "No backup job" in book.markdown().split("### Where the backups go")[1]


def test_an_image_of_the_host_is_a_way_back_but_not_the_systems_own_backup(rochat, en):
    backups = rochat.backups.model_copy(update={"jobs": [j for j in rochat.backups.jobs if j.system != "lau-pbx-01"]})
    book = runbook_for(rochat.replace(backups=backups), en, "lau-pbx-01")
    assert book.blocking == ()
    md = book.markdown()
    assert "| Backup to restore | No backup job for lau-pbx-01: there is no backup to restore. | **Warning** |" in md
    assert "Image of host lau-hv-01: bkp-vm-image, smb://lau-nas-01/backup/hyperv" in md


def test_expired_licence_is_blocking(rochat, en):
    import datetime as dt

    licences = [lic.model_copy(update={"expiry": dt.date(2026, 1, 31), "start": dt.date(2025, 2, 1)}) if lic.id == "lic-3cx-pro" else lic for lic in rochat.licences]
    book = runbook_for(rochat.replace(licences=licences), en, "lau-pbx-01")
    assert any("expired on 31/01/2026" in b for b in book.blocking)


def test_restore_duration_comes_from_the_restore_tests(rochat, en):
    tests = [t.model_copy(update={"duration_min": 47}) if t.id == "rt-2026-1" else t for t in rochat.backups.restore_tests]
    md = runbook_for(rochat.replace(backups=rochat.backups.model_copy(update={"restore_tests": tests})), en, "lau-pbx-01").markdown()
    assert "Last measured restore: 47 min" in md


def test_dect_base_id_finds_its_system_runbook(rochat, en):
    assert runbook_for(rochat, en, "lau-dect-01").system_id == "lau-dect"


def test_the_restore_steps_name_the_file_to_restore(rochat, en, en_integrator):
    steps = runbook_for(rochat, en_integrator, "lau-fw-01").markdown().split("### Steps")[1].split("###")[0]
    assert "Import the file **backups/2026-10-08\\_lau-fw-01\\_apres.conf** of the customer's folder" in steps
    # The customer's edition says which backup in words: the latest manual one, in the customer file.
    steps = runbook_for(rochat, en, "lau-fw-01").markdown().split("### Steps")[1].split("###")[0]
    assert "Import the latest manual backup, filed in the customer file" in steps and "backups/" not in steps
    steps = runbook_for(rochat, en, "lau-pbx-01").markdown().split("### Steps")[1].split("###")[0]
    assert "Copy the latest backup at **smb://lau-nas-01/backup/3cx** (a ZIP file)" in steps
