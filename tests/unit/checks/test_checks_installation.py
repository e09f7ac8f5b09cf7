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


def test_a_dect_base_is_full_when_its_cell_or_its_repeaters_take_every_call(small_project, knowledge):
    """W70B: 10 calls (an unconfirmed datasheet figure: a warning that says so); an RT30 takes up to 2."""
    from installation_cases import busy_base

    (busy,) = findings_of(busy_base(small_project, 11), "DIM-DECT-CALLS", knowledge)
    assert busy.variant == "busy" and "11 simultaneous calls" in busy.message and busy.severity.value == "warning"
    assert "W70B datasheet" in busy.message  # the unconfirmed figure is named
    (full,) = findings_of(busy_base(small_project, repeaters=4), "DIM-DECT-CALLS", knowledge)
    assert full.variant == "repeaters" and "The 5 repeaters" in full.message and "take 10 of its 10 calls" in full.message
    assert findings_of(busy_base(small_project, 10, repeaters=3), "DIM-DECT-CALLS", knowledge) == []


def test_a_base_of_unknown_calls_is_never_guessed(small_project, knowledge):
    unknown = busy_base_model(small_project, "Acme Base 9")
    assert findings_of(unknown, "DIM-DECT-CALLS", knowledge) == []


def busy_base_model(p, model):
    from installation_cases import busy_base

    p = busy_base(p, 50, repeaters=8)
    return p.replace(dect=section(p.dect, bases=at(p.dect.bases, 0, model=model)))
