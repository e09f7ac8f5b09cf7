"""Every rule of the catalogue: one fixture that triggers it and one that does not.

Each case changes the small example in one place (or adds a Mitel 470 beside it); the clean
fixture is the example itself, or the example with the one thing fixed that the rule finds there.
"""

from __future__ import annotations

import datetime as dt

import pytest
from domain_cases import DOMAIN_CASES, KNOWLEDGE_CASES
from installation_cases import INSTALLATION_CASES
from checks_helpers import MITEL_ID, at, by_id, did_outside_block, findings_of, knowledge, section, with_mitel  # noqa: F401  (knowledge is a fixture)
from routing_cases import ROUTING_CASES

from generator.checks.registry import RULES
from generator.model.dect import DectBase, DectRepeater, Handset
from generator.model.operations import Licence, RestoreTest, Waiver
from generator.model.telephony import AnalogueLine, CommunicationServer, SipTrunk

D = dt.date


def backups(p, **update):
    return p.replace(backups=section(p.backups, **update))


def jobs(p, index, **update):
    return backups(p, jobs=at(p.backups.jobs, index, **update))


def dect(p, **update):
    return p.replace(dect=section(p.dect, **update))


def numbering(p, **update):
    return p.replace(numbering=section(p.numbering, **update))


def interfaces(p, **update):
    return p.replace(interfaces=section(p.interfaces, **update))


def availability(p, **update):
    return p.replace(availability=section(p.availability, **update))


def rights(p, **update):
    return p.replace(rights=section(p.rights, **update))


def ups(p, **update):
    return availability(p, ups=at(p.availability.ups, 0, **update))


def second_trunk(p):
    trunk = SipTrunk.model_validate({"id": "trunk-backup", "server": "lau-pbx-01", "provider": "Sipcall", "channels": 4, "transport": "tls", "srtp": True})
    return interfaces(p, sip_trunks=[*p.interfaces.sip_trunks, trunk])


def standby(p, version="20.0 Update 5", edition="PRO"):
    server = p.servers[0].model_copy(update={"id": "lau-pbx-02", "role": "standby", "failover_partner": "lau-pbx-01", "software_version": version, "edition": edition})
    primary = p.servers[0].model_copy(update={"role": "primary", "failover_partner": "lau-pbx-02", "edition": edition})
    return p.replace(servers=[primary, server])


def licence(**data):
    return Licence.model_validate({"id": "lic-test", "item": "test", "system": "lau-pbx-01", **data})


def multicell(p, bases: int, masters=(1,), switch_ptp=None, sync="radio", subnets=1):
    """The DECT system made multicell on a W80DM with `bases` bases (the ones in `masters` at sync level 1)."""
    system = p.dect.systems[0].model_copy(update={"kind": "multicell", "manager_model": "Yealink W80DM", "sync": sync})
    made = [
        DectBase.model_validate({
            "id": f"lau-dect-{i:02d}", "system": system.id, "site": "lau", "model": "Yealink W80B", "location": f"zone {i}",
            "address": f"10.10.{20 if i % subnets == 0 else 10}.{40 + i}", "switch": "lau-sw-01", "poe_class": 2, "sync_cluster": 1,
            "sync_level": 1 if i in masters else 2,
        })
        for i in range(1, bases + 1)
    ]
    handsets = [h.model_copy(update={"base": None}) for h in p.handsets]
    project = dect(p, systems=[system], bases=made, repeaters=[]).replace(handsets=handsets)
    if switch_ptp is not None:
        project = project.replace(network=section(project.network, devices=by_id(project.network.devices, "lau-sw-01", ptp=switch_ptp)))
    return project


def extra_handsets(p, count):
    made = [Handset.model_validate({"id": f"hs-x{i}", "system": "lau-dect", "model": "W73H", "base": "lau-dect-01"}) for i in range(count)]
    return p.replace(handsets=[*p.handsets, *made])


def named_terminals(p, model):
    """The Mitel's terminal groups given a model name the power table knows."""
    groups = [t.model_copy(update={"model": model}) if t.server == MITEL_ID else t for t in p.terminals.terminals]
    return p.replace(terminals=section(p.terminals, terminals=groups))


def restore_test(system, date, result="passed"):
    return RestoreTest.model_validate({"id": f"rt-{system}", "system": system, "date": date, "by": "test", "result": result})


def waiver(rule):
    return Waiver.model_validate({"rule": rule, "object": "*", "justification": "test", "accepted_by": "test", "date": "2026-01-01", "expiry": "2027-01-01"})


# rule -> (trigger, clean); clean=None means the small example as it is.
CASES = {
    "BKP-JOB": (lambda p: backups(p, jobs=[j for j in p.backups.jobs if j.system != "lau-pbx-01"]), None),
    "BKP-ENCRYPT": (lambda p: jobs(p, 0, encrypted=False), None),
    "BKP-KEY": (lambda p: jobs(p, 0, encryption_key=None), None),
    "BKP-TRANSPORT": (lambda p: jobs(p, 1, method=type(p.backups.jobs[1].method)("ftp")), None),
    "BKP-ROTATION": (lambda p: jobs(p, 0, rotation=None), None),
    "BKP-OFFSITE": (lambda p: jobs(p, 1, location="onsite"), None),
    "BKP-321": (lambda p: jobs(p, 1, medium=p.backups.jobs[0].medium), None),
    "BKP-STALE": (lambda p: jobs(p, 0, last_success=D(2026, 11, 1)), None),
    "BKP-RESTORE-TEST": (lambda p: backups(p, restore_tests=[]), None),
    "BKP-RESTORE-SYSTEM": (lambda p: p, lambda p: backups(p, restore_tests=[*p.backups.restore_tests, restore_test("lau-hv-01", D(2026, 10, 1))])),
    "BKP-FIRMWARE": (lambda p: backups(p, firmware_archive=p.backups.firmware_archive[1:]), None),
    "BKP-CHANGE": (
        lambda p: backups(p, manual_backups=[m for m in p.backups.manual_backups if m.change != "chg-2026-009"]).replace(
            changelog=by_id(p.changelog, "chg-2026-009", backup_before=None)
        ),
        None,
    ),
    "LIC-EXPIRED": (lambda p: p.replace(licences=at(p.licences, 0, expiry=D(2026, 11, 1))), None),
    "LIC-EXPIRING": (lambda p: p, lambda p: p.replace(licences=by_id(p.licences, "lic-maint", expiry=D(2027, 12, 31)))),
    "LIC-OVERUSE": (
        lambda p: p.replace(licences=[*p.licences, licence(kind="hot_desking", quantity=2)]),
        lambda p: p.replace(licences=[*p.licences, licence(kind="hot_desking", quantity=10)]),
    ),
    "LIC-FEATURE": (
        lambda p: with_mitel(p, [(1, "CPU1")], {"ip": 1}).replace(users=at(p.users, 0, terminal="t-mx-ip", mobile_extension=True)),
        lambda p: with_mitel(p, [(1, "CPU1")], {"ip": 1}).replace(
            users=at(p.users, 0, terminal="t-mx-ip", mobile_extension=True),
            licences=[*p.licences, licence(kind="mobile_extension", quantity=5, system=MITEL_ID)],
        ),
    ),
    "LIC-EDITION": (lambda p: standby(p, edition="Standard"), lambda p: standby(p, edition="PRO")),
    "HW-SLOT": (lambda p: with_mitel(p, [(1, "CPU1"), (2, "8FXS")]), lambda p: with_mitel(p, [(1, "CPU1"), (3, "8FXS")])),
    "HW-CARD-COUNT": (
        lambda p: with_mitel(p, [(1, "CPU1")] + [(s, "8FXS") for s in range(3, 11)], power_supply="both"),
        lambda p: with_mitel(p, [(1, "CPU1")] + [(s, "8FXS") for s in range(3, 10)], power_supply="both"),
    ),
    "HW-PORTS": (lambda p: with_mitel(p, [(1, "CPU1")], {"analogue": 10}), lambda p: with_mitel(p, [(1, "CPU1"), (3, "8FXS")], {"analogue": 10})),
    "HW-FXS-HEAT": (
        lambda p: with_mitel(p, [(1, "CPU1"), (3, "32FXS")], {"analogue": 20}),
        lambda p: with_mitel(p, [(1, "CPU1"), (3, "16FXS"), (4, "16FXS")], {"analogue": 30}),
    ),
    "HW-POWER": (
        lambda p: named_terminals(with_mitel(p, [(1, "CPU1")] + [(s, "32DSI") for s in range(3, 7)], {"digital": 120}), "Mitel 5380"),
        lambda p: named_terminals(with_mitel(p, [(1, "CPU1")] + [(s, "32DSI") for s in range(3, 7)], {"digital": 120}, power_supply="both"), "Mitel 5380"),
    ),
    "HW-DSP": (
        lambda p: with_mitel(p, [(1, "CPU1", ["DSPX1", "DSPX1", "DSPX1"])]),
        lambda p: with_mitel(p, [(1, "CPU1", ["DSPX1", "DSPX1"])]),
    ),
    "HW-UNKNOWN": (lambda p: with_mitel(p, [(1, "CPU1"), (3, "ZZ99")]), lambda p: with_mitel(p, [(1, "CPU1"), (3, "4BRI")])),
    "DECT-MONOCELL": (lambda p: extra_handsets(p, 4), lambda p: extra_handsets(p, 3)),
    "DECT-CASCADE": (
        lambda p: dect(p, repeaters=[*p.dect.repeaters, DectRepeater.model_validate({"id": "lau-rt-02", "base": "lau-dect-01", "model": "Yealink RT30", "location": "x", "upstream": "lau-rt-01"})]),
        None,
    ),
    "DECT-MULTICELL": (lambda p: multicell(p, 31), lambda p: multicell(p, 30)),
    "DECT-SYNC-MASTER": (lambda p: multicell(p, 3, masters=()), lambda p: multicell(p, 3, masters=(1,))),
    "DECT-POE": (lambda p: p.replace(network=section(p.network, devices=by_id(p.network.devices, "lau-sw-01", poe_budget_w=5))), None),
    "DECT-LAN-SYNC": (lambda p: multicell(p, 3, sync="lan_ptp", switch_ptp=False), lambda p: multicell(p, 3, sync="lan_ptp", switch_ptp=True)),
    "DECT-PER-USER": (
        lambda p: with_mitel(p, [(1, "CPU1")]).replace(
            dect=section(p.dect, systems=at(p.dect.systems, 0, server=MITEL_ID, connection="proprietary")), handsets=[h.model_copy(update={"user": "u-aubert", "extension": None}) for h in p.handsets[:3]]
        ),
        lambda p: with_mitel(p, [(1, "CPU1")]).replace(
            dect=section(p.dect, systems=at(p.dect.systems, 0, server=MITEL_ID, connection="proprietary")), handsets=[h.model_copy(update={"user": "u-aubert", "extension": None}) for h in p.handsets[:2]]
        ),
    ),
    "NUM-E164": (lambda p: p.replace(users=at(p.users, 1, mobile="+4179555411")), None),
    "NUM-EMERGENCY": (lambda p: numbering(p, emergency_routes=[r for r in p.numbering.emergency_routes if r.number != "147"]), None),
    "NUM-EMERGENCY-BLOCK": (lambda p: rights(p, profiles=by_id(p.rights.profiles, "p-standard", blocked_prefixes=["1", "090"])), None),
    "NUM-DID-BLOCK": (did_outside_block, None),
    "AVL-WAN": (lambda p: availability(p, wan_links=p.availability.wan_links[:1]), None),
    "AVL-SIP-PROVIDER": (
        lambda p: p,
        lambda p: interfaces(p, analogue_lines=[AnalogueLine.model_validate({"id": "pots-1", "server": "lau-pbx-01", "provider": "Swisscom", "number": "+41215551299"})]),
    ),
    "AVL-ROUTE-FALLBACK": (
        second_trunk,
        lambda p: numbering(second_trunk(p), outbound_routes=at(p.numbering.outbound_routes, 0, trunks=["trunk-peoplefone", "trunk-backup"])),
    ),
    "AVL-UPS": (lambda p: ups(p, powers=[d for d in p.availability.ups[0].powers if d != "lau-hv-01"]), None),
    "AVL-UPS-LOAD": (lambda p: ups(p, load_w=900), lambda p: ups(p, load_w=750)),
    "AVL-UPS-NETWORK": (lambda p: ups(p, powers=[d for d in p.availability.ups[0].powers if d != "lau-sw-02"]), None),
    "AVL-FAILOVER-PAIR": (lambda p: standby(p, version="20.0 Update 4"), lambda p: standby(p)),
    "WKP-HOTDESK-RIGHT": (lambda p: rights(p, profiles=by_id(p.rights.profiles, "p-standard", permissions=["call-national", "mobile-app"])), None),
    "WKP-HOTDESK-LICENCE": (lambda p: p.replace(servers=at(p.servers, 0, edition="Standard")), None),
    "WKP-HOTDESK-DESK": (lambda p: numbering(p, hot_desks=[]), None),
    "WKP-CALLERID": (lambda p: p.replace(callerid=[]), None),
    "DOC-ITEM": (lambda p: p.replace(pbxdoc=section(p.pbxdoc, special_procedures=None)), None),
    "DOC-OPEN-POINT": (lambda p: p.replace(commissioning=section(p.commissioning, open_points=at(p.commissioning.open_points, 0, closed=False))), None),
    "DOC-ACCEPTANCE": (lambda p: p.replace(commissioning=section(p.commissioning, tests=at(p.commissioning.tests, 0, result="failed"))), None),
    "SEC-PLAINTEXT": (lambda p: p.replace(servers=at(p.servers, 0, notes="Compte de secours admin, password: Rochat2024!")), None),
    "SEC-ADMIN-NAMED": (lambda p: rights(p, admin_accounts=at(p.rights.admin_accounts, 0, person=None)), None),
    "SEC-SIP-TLS": (lambda p: interfaces(p, sip_trunks=at(p.interfaces.sip_trunks, 0, transport="udp")), None),
    "WVR-UNKNOWN-RULE": (lambda p: p.replace(waivers=[waiver("BKP-ENCRYP")]), lambda p: p.replace(waivers=[waiver("BKP-ENCRYPT")])),
}
CASES.update(ROUTING_CASES)


CASES.update(DOMAIN_CASES)
CASES.update(INSTALLATION_CASES)


def test_every_rule_has_a_case():
    assert sorted(CASES) == sorted(set(RULES) - KNOWLEDGE_CASES)


def test_the_catalogue_has_at_least_thirty_rules():
    assert len(RULES) >= 30


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_triggers(rule_id, small_project, knowledge):
    trigger, _ = CASES[rule_id]
    found = findings_of(trigger(small_project), rule_id, knowledge)
    assert found, f"{rule_id} did not fire on its trigger fixture"
    for f in found:
        assert f.title and f.message and f.remediation and f.source
        assert "{" not in f.message


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_stays_quiet(rule_id, small_project, knowledge):
    _, clean = CASES[rule_id]
    project = clean(small_project) if clean else small_project
    assert findings_of(project, rule_id, knowledge) == []


def test_evidence_points_at_the_offending_field(small_project, knowledge):
    """The finding's location is the file:line of the field at fault, read from the data."""
    changed = jobs(small_project, 1, method=type(small_project.backups.jobs[1].method)("ftp"))
    (f,) = findings_of(changed, "BKP-TRANSPORT", knowledge)
    assert f.location == small_project.backups.jobs[1].where("method")
    assert f.location.file == "backups.yaml" and f.location.line
    assert f.object_id == "bkp-3cx-offsite"


def test_plaintext_secret_is_not_echoed(small_project, knowledge):
    changed = CASES["SEC-PLAINTEXT"][0](small_project)
    for lang in ("fr", "de", "en"):
        (f,) = findings_of(changed, "SEC-PLAINTEXT", knowledge, lang)
        assert "Rochat2024" not in f.message and "notes" in f.message


def test_message_variants_name_what_was_found(small_project, knowledge):
    """Rules with several messages choose the one that fits (here: only manual backups)."""
    manual = backups(small_project, jobs=[j.model_copy(update={"automated": False}) if j.system == "lau-pbx-01" else j for j in small_project.backups.jobs])
    (f,) = findings_of(manual, "BKP-JOB", knowledge)
    assert f.variant == "manual_only" and "by hand" in f.message
    misplaced = with_mitel(small_project, [(1, "8FXS"), (4, "CPU1")])
    assert sorted(f.variant for f in findings_of(misplaced, "HW-SLOT", knowledge)) == ["cpu", "cpu"]
    heat = with_mitel(small_project, [(1, "CPU1")] + [(s, "16FXS") for s in range(3, 7)], {"analogue": 60})
    assert [f.variant for f in findings_of(heat, "HW-FXS-HEAT", knowledge)] == ["system"]


def test_weekly_jobs_are_judged_on_their_period(small_project, knowledge):
    """The VM image job keeps only weekly copies: 5 days old is fresh for it, not for a daily job."""
    assert small_project.backups.jobs[2].last_success == D(2026, 11, 15)
    assert findings_of(small_project, "BKP-STALE", knowledge) == []
    daily = jobs(small_project, 2, rotation=small_project.backups.jobs[0].rotation)
    assert [f.object_id for f in findings_of(daily, "BKP-STALE", knowledge)] == ["bkp-vm-image"]


def test_dual_homing_licence_on_the_backup_server_covers_the_primary(small_project, knowledge):
    """Mitel: the Dual Homing licence sits on the backup server for the phones of the primary."""
    primary = with_mitel(small_project, [(1, "CPU1")], {"ip": 2}, failover_partner="lau-vmo-01", role="primary")
    backup = CommunicationServer.model_validate(
        {"id": "lau-vmo-01", "name": "backup", "site": "lau", "vendor": "Mitel", "model": "MiVoice Office 400 Virtual Appliance", "platform": "virtual",
         "software_version": "R6.2 SP1", "failover_partner": MITEL_ID, "role": "standby"}
    )
    users = at(at(small_project.users, 0, terminal="t-mx-ip", dual_homing=True), 3, terminal="t-mx-ip", dual_homing=True)
    project = primary.replace(servers=[*primary.servers, backup], users=users)
    assert [f.object_id for f in findings_of(project, "LIC-FEATURE", knowledge)] == [f"{MITEL_ID}:dual_homing"]
    covered = project.replace(licences=[*project.licences, licence(kind="dual_homing", quantity=1, system="lau-vmo-01")])
    assert findings_of(covered, "LIC-FEATURE", knowledge) == []
    (over,) = findings_of(covered, "LIC-OVERUSE", knowledge)
    assert "2 in use for 1 licensed" in over.message


def test_lan_sync_segments_are_judged_per_cluster(small_project, knowledge):
    """Two sites, one cluster each, each in its own subnet: fine; one cluster over two subnets: not."""
    two_clusters = multicell(small_project, 4, masters=(1, 2), sync="lan_ptp", switch_ptp=True, subnets=2)
    two_clusters = dect(two_clusters, bases=[b.model_copy(update={"sync_cluster": 1 if b.address.startswith("10.10.20.") else 2}) for b in two_clusters.dect.bases])
    assert findings_of(two_clusters, "DECT-LAN-SYNC", knowledge) == []
    one_cluster = multicell(small_project, 4, masters=(1,), sync="lan_ptp", switch_ptp=True, subnets=2)
    assert [f.variant for f in findings_of(one_cluster, "DECT-LAN-SYNC", knowledge)] == ["segment"]


def test_an_appliance_the_catalogue_does_not_know_is_named(small_project, knowledge):
    other = with_mitel(small_project, [(1, "CPU1")], vendor="Auerswald", model="COMpact 5500R")
    (f,) = findings_of(other, "HW-UNKNOWN", knowledge)
    assert f.variant == "model" and "Auerswald COMpact 5500R" in f.message


def test_3cx_failover_between_premises_and_cloud_is_reported(small_project, knowledge):
    project = standby(small_project)
    project = project.replace(servers=at(project.servers, 1, platform=type(project.servers[1].platform)("cloud"), host=None))
    assert [f.variant for f in findings_of(project, "AVL-FAILOVER-PAIR", knowledge)] == ["hosting"]


def test_restore_tests_of_systems_beyond_the_servers(small_project, knowledge):
    """The hypervisor is backed up but never restored: a finding; a stale or failed test is one too."""
    (f,) = findings_of(small_project, "BKP-RESTORE-SYSTEM", knowledge)
    assert (f.object_id, f.variant, f.location.file) == ("lau-hv-01", "never", "backups.yaml")
    old = backups(small_project, restore_tests=[*small_project.backups.restore_tests, restore_test("lau-hv-01", D(2026, 1, 5))])
    assert [f.variant for f in findings_of(old, "BKP-RESTORE-SYSTEM", knowledge)] == ["stale"]
    failed = backups(small_project, restore_tests=[*small_project.backups.restore_tests, restore_test("lau-hv-01", D(2026, 11, 1), "failed")])
    assert [f.variant for f in findings_of(failed, "BKP-RESTORE-SYSTEM", knowledge)] == ["failed"]
    assert findings_of(small_project, "BKP-RESTORE-TEST", knowledge) == []  # the servers' rule stays on servers
