"""Addressing, licences, availability, backup, change log, compliance, documents and glossary."""

from __future__ import annotations

import datetime as dt

from generator.audience import Audience, for_audience
from generator.diagnostics import Location, Severity
from generator.model.findings import Finding, FindingStatus
from generator.model.operations import Change, Waiver
from sections_fixtures import build_md, small, small_md  # noqa: F401  (fixtures)


def test_addressing_plan(small, small_md):
    md = small_md["en"]["addressing"]
    assert "| 20 | VOICE | Téléphonie IP et DECT |" in md
    assert "option 66 https://rochat.3cx.example.ch/provisioning" in md
    for entry in small.addresses:
        assert f"| {entry.address} | {entry.hostname} |" in md
    # fixed addresses in numeric order: .6 before .10
    assert md.index("| 10.10.10.6 |") < md.index("| 10.10.20.10 |") < md.index("| 10.10.99.2 |") < md.index("| 10.10.99.11 |")
    assert "195\u00a0W" in md and "](diagrams/network.svg)" in md


def test_licences_days_left_status_and_price(small_md, small, build_md):
    md = small_md["en"]["licences"]
    assert "| 01/01/2026 – 31/12/2026 | Expires soon<br>in 41 days |" in md  # 20/11/2026 + 41 days; policy warns at 60
    assert "| 01/03/2026 – 28/02/2027 | Valid<br>in 100 days |" in md
    assert "since 01/05/2024" in md
    assert "No expiry" in md and "1,680.00" in md
    assert "](figures/licences-timeline.svg)" in md
    customer = build_md(for_audience(small, Audience.CUSTOMER), "en")["licences"]
    assert "Price" not in customer and "1,680.00" not in customer
    later = build_md(small, "en", today=dt.date(2027, 1, 15))["licences"]
    assert "| 01/01/2026 – 31/12/2026 | Expired<br>15 days ago |" in later


def test_availability(small_md):
    md = small_md["fr"]["availability"]
    assert "APC Smart-UPS 1500 VA" in md and "455\u00a0W" in md and "46" in md
    assert "Swisscom" in md and "Sunrise" in md and "Mobile 4G" in md
    assert "Peoplefone (trunk-peoplefone) | — aucun — |" in md
    assert "| **Durée maximale d'interruption (RTO)** | 4\u00a0h |" in md


def test_ups_above_the_policy_limit_is_flagged(small, build_md):
    ups = [small.availability.ups[0].model_copy(update={"load_w": 900})]
    md = build_md(small.replace(availability=small.availability.model_copy(update={"ups": ups})), "en")["availability"]
    assert "| 900\u00a0W (90%)<br>Above 75 % |" in md


def test_backup(small, small_md, build_md):
    md = small_md["en"]["backup"]
    assert "sftp://backup.leman-telecom.example.ch/clients/rochat/3cx" in md
    assert "7 daily, 4 weekly, 6 monthly" in md
    assert "| 3CX Fiduciaire Rochat (lau-pbx-01) | 3 | 2 | 1 | ✓ |" in md
    # the weekly cloud copy of the Hyper-V image (a job copying another job's destination) makes 3-2-1
    assert "| Serveur Hyper-V (lau-hv-01) | 3 | 2 | 1 | ✓ |" in md and "copies the files of job bkp-vm-image" in md
    alone = small.replace(backups=small.backups.model_copy(update={"jobs": [j for j in small.backups.jobs if j.id != "bkp-vm-cloud"]}))
    assert "| Serveur Hyper-V (lau-hv-01) | 2 | 1 | 0 | ✗ |" in build_md(alone, "en")["backup"]
    assert "22/09/2026 (59 days ago)" in md
    assert "backups/2025-09-17\\_lau-sw-01\\_avant.cfg" in md


def test_changelog_newest_first_and_bounded(small, small_md, build_md):
    md = small_md["de"]["changelog"]
    assert md.index("chg-2026-015") < md.index("chg-2026-009") < md.index("chg-2024-001")
    many = [Change(id=f"chg-{i:04d}", date=dt.date(2020, 1, 1) + dt.timedelta(days=i), author="A", description=f"change {i}") for i in range(250)]
    page = build_md(small.replace(changelog=many), "en")["changelog"]
    assert "chg-0249" in page and "chg-0150" in page and "chg-0149" not in page
    assert "latest 100 of 250" in page and "workbook" in page


def _finding(rule: str, severity: Severity, status: FindingStatus = FindingStatus.OPEN, **waiver) -> Finding:
    return Finding(rule, severity, "backup", f"title {rule}", f"message {rule}", "lau-pbx-01", Location("backups.yaml", 12), status, **waiver)


def test_compliance_by_severity_with_evidence_and_waivers(small, build_md):
    findings = (
        _finding("TST-ERROR", Severity.ERROR),  # rule ids the catalogue does not know: shown as given
        _finding("TST-WARNING", Severity.WARNING),
        _finding("DOC-NAMING", Severity.INFO, FindingStatus.WAIVED, waiver_justification="Nomenclature du client", waiver_accepted_by="S. Rochat", waiver_expiry="2027-06-30"),
    )
    waiver = Waiver(rule="DOC-NAMING", object="*", justification="Nomenclature du client", accepted_by="S. Rochat", date=dt.date(2026, 1, 5), expiry=dt.date(2027, 6, 30))
    pages = build_md(small.replace(findings=findings, waivers=[waiver]), "en")
    md = pages["compliance"]
    assert md.index("## Error (1)") < md.index("## Warning (1)")
    assert "| TST-ERROR | title TST-ERROR | lau-pbx-01 | message TST-ERROR | backups.yaml:12 | Open |" in md
    assert "Nomenclature du client" in md and "S. Rochat" in md and "30/06/2027" in md
    home = pages["index"]
    assert "Action needed" in home and "| Error | 1 |" in home and "| Accepted (waiver) | 1 |" in home


def test_documents_newest_first_and_commercial_hidden_from_customer(small, small_md, build_md):
    md = small_md["fr"]["documents"]
    assert md.index("Armoire R1") < md.index("Offre 2024-0388")
    assert "PV de mise en service" in md
    customer = build_md(for_audience(small, Audience.CUSTOMER), "fr")["documents"]
    assert "Offre 2024-0388" not in customer and "Facture" not in customer


def test_glossary_in_every_language(small_md):
    assert "**Répéteur**" in small_md["fr"]["glossary"] and "**PV de mise en service**" in small_md["fr"]["glossary"]
    assert "**3-2-1-Regel**" in small_md["de"]["glossary"]
    en = small_md["en"]["glossary"]
    for term in ("Monocell DECT", "Multicell DECT", "PoE budget", "PTP (IEEE 1588)", "E.164", "SIP trunk", "FXS", "FXO", "DSI", "DSP", "UPS", "Failover"):
        assert f"**{term}**" in en
    rows = [line for line in en.splitlines() if line.startswith("| **")]
    assert rows == sorted(rows, key=lambda r: r.lower())


def test_many_fixed_addresses_get_their_own_page(small, build_md):
    from generator.model.network import AddressEntry

    entries = [AddressEntry(address=f"10.10.{20 + i // 250}.{i % 250 + 1}", hostname=f"host-{i:04d}", subnet="net-voice") for i in range(600)]
    pages = build_md(small.replace(addresses=entries), "en")
    assert "host-0300" not in pages["addressing"] and "600 fixed addresses" in pages["addressing"]
    listing = pages["addressing-addresses"]
    assert "## Lausanne — siège (600 addresses)" in listing
    assert listing.index("| 10.10.20.2 |") < listing.index("| 10.10.20.10 |") < listing.index("| 10.10.21.1 |")


def test_backup_lists_the_runbooks_when_they_are_installed(small, small_md):
    import importlib.util

    md = small_md["en"]["backup"]
    if importlib.util.find_spec("generator.runbooks") is None:
        assert "## Backup and restore runbooks" not in md
    else:
        runbooks = md.split("## Backup and restore runbooks")[1]
        assert "3CX Fiduciaire Rochat (lau-pbx-01)" in runbooks


def test_findings_of_the_checks_are_worded_in_the_page_language(small, build_md):
    import importlib.util

    if importlib.util.find_spec("generator.checks") is None:
        assert build_md(small, "de")["compliance"].count("## ") == 1  # waivers only
        return
    from generator.prepare import checked

    checked = checked(small)
    assert checked.findings, "the small example is expected to raise at least one finding"
    de, en = build_md(checked, "de")["compliance"], build_md(checked, "en")["compliance"]
    assert "Zu tun:" in de and "To do:" in en
    assert all(f.rule in de for f in checked.findings)


def test_facts_of_issue_15_reach_their_sections(small, build_md):
    """Counted licence use, the firmware archive's SHA-256, a one-number block, a waiver for an
    unknown rule, practices and retention, the server's security state."""
    from generator.model.operations import Licence, Waiver

    users = [u.model_copy(update={"hot_desking": True}) for u in small.users[:6]]
    lic = Licence.model_validate({"id": "lic-hd", "item": "Hot desking", "kind": "hot_desking", "system": "lau-pbx-01", "quantity": 4})
    waiver = Waiver.model_validate({"rule": "BKP-ENCRYP", "object": "*", "justification": "typo", "accepted_by": "x", "date": "2026-01-01", "expiry": "2027-01-01"})
    trunk = small.interfaces.sip_trunks[0]
    block = trunk.number_blocks[0].model_copy(update={"last": trunk.number_blocks[0].first})
    archive = [small.backups.firmware_archive[0].model_copy(update={"sha256": "ab" * 32}), *small.backups.firmware_archive[1:]]
    project = small.replace(users=[*users, *small.users[6:]], licences=[*small.licences, lic], waivers=[waiver],
                            backups=small.backups.model_copy(update={"firmware_archive": archive}),
                            interfaces=small.interfaces.model_copy(update={"sip_trunks": [trunk.model_copy(update={"number_blocks": [block]})]}))
    md = build_md(project, "en")
    hot_desking = sum(1 for u in project.users if u.hot_desking)
    assert f"{hot_desking} / 4 (counted from the data; — recorded)" in md["licences"]
    assert "ab" * 32 in md["backup"]
    assert "+41 21 555 12 00 –" not in md["interfaces"].replace("\u00a0", " ") and "(1 numbers)" not in md["interfaces"]
    assert "Unknown rule: not valid" in md["compliance"]
    home = md["index"]
    assert "Practices and procedures" in home and "Naming convention of the devices" in home and "Voicemail: 90 days" in home.replace("voicemail", "Voicemail")
    assert "pool.ntp.org" in md["system"] and "Let's Encrypt" in md["system"]


def test_what_installations_really_have_is_printed(small, build_md):
    """A backup job that copies another's destination, the system a restore test ran on, a UPS runtime measured on a date."""
    jobs = [small.backups.jobs[0], small.backups.jobs[1].model_copy(update={"copies_job": small.backups.jobs[0].id}), *small.backups.jobs[2:]]
    tests = [small.backups.restore_tests[0].model_copy(update={"ran_on": "spare VM"}), *small.backups.restore_tests[1:]]
    ups = [small.availability.ups[0].model_copy(update={"runtime_tested": dt.date(2026, 3, 10)})]
    project = small.replace(backups=small.backups.model_copy(update={"jobs": jobs, "restore_tests": tests}),
                            availability=small.availability.model_copy(update={"ups": ups}))
    md = build_md(project, "en")
    assert f"copies the files of job {small.backups.jobs[0].id}" in md["backup"] and "restored on spare VM" in md["backup"]
    assert "measured on 10/03/2026" in md["availability"]


def test_certificates_are_on_the_expiry_timeline(small):
    from generator.i18n import Translator
    from generator.sections.common import SectionContext
    from generator.sections.timeline import licences_timeline_svg

    svg = licences_timeline_svg(SectionContext(small, Translator("en"), dt.date(2026, 11, 20))).decode()
    assert "Certificate rochat.3cx.example.ch" in svg and "Expiry timeline of licences and certificates" in svg
