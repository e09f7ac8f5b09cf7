"""The engine: waivers, the reference date, determinism, and the findings the build attaches."""

from __future__ import annotations

import datetime as dt

from checks_helpers import did_outside_block, findings_of, knowledge  # noqa: F401  (knowledge is a fixture)

from generator.checks import completeness, evaluate, reference_date, run
from generator.model.findings import FindingStatus
from generator.model.operations import Waiver
from generator.prepare import checked


def waiver(rule: str, obj: str, expiry: str) -> Waiver:
    return Waiver.model_validate(
        {"rule": rule, "object": obj, "justification": "Un seul opérateur accepté par la direction", "accepted_by": "Sophie Rochat", "date": "2026-01-10", "expiry": expiry}
    )


def test_waiver_in_force_keeps_the_finding_visible_as_waived(small_project, knowledge):
    project = small_project.replace(waivers=[waiver("AVL-SIP-PROVIDER", "lau-pbx-01", "2027-01-10")])
    (f,) = findings_of(project, "AVL-SIP-PROVIDER", knowledge)
    assert f.status is FindingStatus.WAIVED and not f.active
    assert f.waiver_accepted_by == "Sophie Rochat" and f.waiver_expiry == "2027-01-10"


def test_expired_waiver_turns_the_finding_back(small_project, knowledge):
    project = small_project.replace(waivers=[waiver("AVL-SIP-PROVIDER", "lau-pbx-01", "2026-06-30")])
    (f,) = findings_of(project, "AVL-SIP-PROVIDER", knowledge)
    assert f.status is FindingStatus.WAIVER_EXPIRED and f.active


def test_waiver_for_another_object_accepts_nothing_and_star_accepts_all(small_project, knowledge):
    planted = did_outside_block(small_project)
    other = planted.replace(waivers=[waiver("NUM-DID-BLOCK", "u-aubert", "2027-01-10")])
    assert all(f.active for f in findings_of(other, "NUM-DID-BLOCK", knowledge))
    star = planted.replace(waivers=[waiver("NUM-DID-BLOCK", "*", "2027-01-10")])
    found = findings_of(star, "NUM-DID-BLOCK", knowledge)
    assert found and not any(f.active for f in found)


def test_reference_date_is_the_documentation_date_or_source_date_epoch(small_project, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert reference_date(small_project) == small_project.pbxdoc.document.date
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2027, 1, 15, tzinfo=dt.timezone.utc).timestamp())))
    assert reference_date(small_project) == dt.date(2027, 1, 15)
    # lic-maint ended on 2026-12-31: by that date it is expired, no longer expiring.
    rules = {f.rule for f in run(small_project) if f.object_id == "lic-maint"}
    assert rules == {"LIC-EXPIRED"}


def test_findings_are_deterministic_and_sorted(small_project, knowledge):
    first = evaluate(small_project, knowledge=knowledge)
    assert first == evaluate(small_project, knowledge=knowledge)
    assert first == sorted(first, key=type(first[0]).sort_key)


def test_small_example_findings_are_few_and_plausible(small_project):
    found = {(f.rule, f.object_id) for f in run(small_project)}
    assert found == {
        ("LIC-EXPIRING", "lic-maint"),
        ("AVL-SIP-PROVIDER", "lau-pbx-01"),
        ("FLOW-UNASSIGNED", "trunk-peoplefone:+41215551200"),
        ("AVL-NO-FAILOVER", "lau-pbx-01"),  # waived in waivers.yaml
        ("BKP-RESTORE-SYSTEM", "lau-hv-01"),  # the hypervisor's VM image was never restored
    }


def test_the_build_attaches_the_findings(small_project):
    project = checked(small_project)
    assert project.findings and project.findings == tuple(run(small_project))


def test_messages_follow_the_language(small_project, knowledge):
    (fr,) = findings_of(small_project, "LIC-EXPIRING", knowledge, "fr")
    (de,) = findings_of(small_project, "LIC-EXPIRING", knowledge, "de")
    (en,) = findings_of(small_project, "LIC-EXPIRING", knowledge, "en")
    assert "arrive à échéance" in fr.message and "31.12.2026" in fr.message
    assert "läuft am" in de.message and "expires on" in en.message
    assert fr.params == de.params == en.params


def test_completeness_score(small_project):
    score, items = completeness(small_project)
    assert score == 1.0
    assert [i.id for i in items if not i.present] == []
    bare = small_project.replace(documents=[], changelog=[])
    lower, _ = completeness(bare)
    assert lower < score
