"""The rules on what installations really have, beyond their trigger and non-trigger cases."""

from __future__ import annotations

from checks_helpers import at, findings_of, knowledge, section  # noqa: F401  (knowledge is a fixture)
from installation_cases import fallback_trunk


def test_a_fallback_line_first_is_named_with_its_route(small_project, knowledge):
    (f,) = findings_of(fallback_trunk(small_project, first=True), "AVL-TRUNK-ROLE", knowledge)
    assert f.object_id == "out-all" and "trunk-secours" in f.message and f.location.line


def test_a_route_of_fallback_lines_alone_has_nothing_better_to_try(small_project, knowledge):
    """A standby server's route by its fallback account, or a fallback line after a primary: no finding."""
    itf = small_project.interfaces
    standby = small_project.replace(interfaces=section(itf, sip_trunks=at(itf.sip_trunks, 0, role="fallback")))
    assert findings_of(standby, "AVL-TRUNK-ROLE", knowledge) == []
    assert findings_of(fallback_trunk(small_project, first=True, role="primary"), "AVL-TRUNK-ROLE", knowledge) == []


def test_a_system_whose_only_jobs_run_by_hand_has_no_automated_backup(small_project, knowledge):
    """Manual jobs need no schedule; a server backed up only by them is a finding, one automated job is enough."""
    jobs = small_project.backups.jobs
    manual = [j.model_copy(update={"automated": False, "schedule": None}) if j.system == "lau-pbx-01" else j for j in jobs]
    (f,) = findings_of(small_project.replace(backups=section(small_project.backups, jobs=manual)), "BKP-JOB", knowledge)
    assert f.variant == "manual_only" and f.object_id == "lau-pbx-01"
    one_automated = at(manual, 0, automated=True, schedule="daily 02:30")
    assert findings_of(small_project.replace(backups=section(small_project.backups, jobs=one_automated)), "BKP-JOB", knowledge) == []
