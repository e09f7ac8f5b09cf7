"""A rule with nothing to judge is 'not applicable' in the audit, never 'passed': lifecycle rules
where the catalogue knows no dates for the equipment, licence rules where the vendor gives no
figure or the system licenses nothing of the kind."""

from __future__ import annotations

import shutil

import pytest
from test_checks_domain import LIFECYCLE

from generator.checks import catalogue
from generator.checks.applicability import applicable
from generator.load import EXAMPLES, load
from generator.model.operations import LicenceKind


@pytest.fixture(scope="module")
def examples():
    return {name: load(EXAMPLES / name) for name in ("clinique-du-lac", "fiduciaire-rochat")}


def _category(rule_id: str) -> str:
    return next(r.category for r in catalogue() if r.id == rule_id)


def test_srtp_licence_is_judged_only_where_the_vendor_gives_the_figure(examples):
    clinic, office = examples["clinique-du-lac"], examples["fiduciaire-rochat"]
    assert applicable("SEC-SRTP-LICENCE", _category("SEC-SRTP-LICENCE"), clinic)  # Mitel: a licensed feature
    assert not applicable("SEC-SRTP-LICENCE", _category("SEC-SRTP-LICENCE"), office)  # 3CX: no figure


def test_lifecycle_rules_are_judged_only_for_equipment_with_known_dates(examples, tmp_path):
    """The shipped catalogue dates no product; a project's vendors/ folder may (a vendor notice)."""
    office = examples["fiduciaire-rochat"]
    for rule_id in ("LCY-END-OF-SALE", "LCY-END-OF-SUPPORT"):
        assert not applicable(rule_id, _category(rule_id), office)
    copy = tmp_path / "office"
    shutil.copytree(EXAMPLES / "fiduciaire-rochat", copy)
    (copy / "vendors").mkdir(exist_ok=True)
    (copy / "vendors" / "lifecycle.yaml").write_text(LIFECYCLE, encoding="utf-8")
    dated = load(copy)
    for rule_id in ("LCY-END-OF-SALE", "LCY-END-OF-SUPPORT"):
        assert applicable(rule_id, _category(rule_id), dated)


def test_sip_channel_licences_are_judged_only_where_channels_are_licensed(examples):
    office = examples["fiduciaire-rochat"]
    licensed = any(lic.kind is LicenceKind.SIP_CHANNELS for lic in office.licences)
    assert applicable("DIM-SIP-CHANNELS", _category("DIM-SIP-CHANNELS"), office) is licensed
    without = office.model_copy(update={"licences": [lic for lic in office.licences if lic.kind is not LicenceKind.SIP_CHANNELS]})
    assert not applicable("DIM-SIP-CHANNELS", _category("DIM-SIP-CHANNELS"), without)
