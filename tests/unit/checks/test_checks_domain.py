"""The rule families of issue 15 beyond their trigger and non-trigger cases: lifecycle dates from a
vendors/ folder, the special-line power path, licence headroom as a policy, waivable failover."""

from __future__ import annotations

from checks_helpers import findings_of, knowledge  # noqa: F401  (knowledge is a fixture)
from domain_cases import MITEL_ID, certificate, interfaces, licence, mitel_gateway, special, users_licensed, wan

from generator.diagnostics import Severity
from generator.knowledge import load
from generator.model.telephony import IsdnLine, TerminalGroup

LIFECYCLE = """products:
  3cx:
    figures:
      lifecycle:
        end_of_sale: {value: 2026-06-30, source: "vendor notice A"}
        end_of_support: {value: 2027-06-30, source: "vendor notice B"}
      firmware_end_of_support:
        20.0 Update 5: {value: 2026-10-01, source: "vendor notice C"}
"""


def test_lifecycle_dates_come_from_the_vendor_catalogue(small_project, tmp_path):
    (tmp_path / "lifecycle.yaml").write_text(LIFECYCLE, encoding="utf-8")
    extended = load((tmp_path,))
    (sale,) = findings_of(small_project, "LCY-END-OF-SALE", extended)
    assert sale.object_id == "lau-pbx-01" and "vendor notice A" in sale.message and sale.severity is Severity.INFO
    (support,) = findings_of(small_project, "LCY-END-OF-SUPPORT", extended)
    assert support.variant == "firmware" and "20.0 Update 5" in support.message and "vendor notice C" in support.message
    assert findings_of(small_project, "LCY-END-OF-SALE", load()) == []
    assert findings_of(small_project, "LCY-END-OF-SUPPORT", load()) == []


def test_a_version_key_with_dots_is_one_figure(tmp_path):
    """Firmware versions hold dots; the catalogue keeps them as one key under firmware_end_of_support."""
    (tmp_path / "lifecycle.yaml").write_text(LIFECYCLE, encoding="utf-8")
    product = load((tmp_path,)).product("3cx")
    assert product.figure("firmware_end_of_support.20.0 Update 5") is not None


def test_an_alarm_line_through_the_adapter_lives_as_long_as_the_ups_behind_the_router(small_project, knowledge):
    """The small example's router lau-fw-01 is on a UPS with 38 min of runtime: short of an hour."""
    (f,) = findings_of(special(small_project, emergency_line="ip_adapter", test_call_days=3), "SPL-POWER", knowledge)
    assert "38 min" in f.message and "lau-4g-01" in f.message and "lau-fw-01" in f.message
    assert findings_of(special(small_project, emergency_line="copper", test_call_days=3), "SPL-POWER", knowledge) == []
    (unknown,) = findings_of(special(small_project, test_call_days=3), "SPL-POWER", knowledge)
    assert unknown.variant == "unknown"


def test_licence_headroom_is_a_policy(small_project, knowledge):
    """25 users on 26 licences is 96 %: a warning at the default 95 %, none with a 97 % policy."""
    project = users_licensed(small_project, 26)
    (f,) = findings_of(project, "LIC-HEADROOM", knowledge)
    assert "96 %" in f.message
    lenient = project.replace(pbxdoc=project.pbxdoc.model_copy(update={"policy": project.pbxdoc.policy.model_copy(update={"licence_headroom_percent": 97})}))
    assert findings_of(lenient, "LIC-HEADROOM", knowledge) == []
    assert findings_of(users_licensed(small_project, 20), "LIC-HEADROOM", knowledge) == []  # over 100 %: LIC-OVERUSE's


def test_no_failover_is_accepted_by_the_examples_waiver(small_project, knowledge):
    (f,) = findings_of(small_project, "AVL-NO-FAILOVER", knowledge)
    assert not f.active and "reprise en 4 heures" in f.waiver_justification


def test_certificate_and_wan_findings_name_what_is_at_fault(small_project, knowledge):
    (cert,) = findings_of(certificate(small_project, "2026-12-24"), "CERT-EXPIRING", knowledge, "fr")
    assert "SIP-TLS" in cert.message and "34 jours" in cert.message
    (link,) = findings_of(wan(small_project, 0.5), "DIM-WAN", knowledge)
    assert "0.7 Mbit/s" in link.message and "trunk-peoplefone" in link.message


def test_srtp_without_its_licence_rests_on_a_confirmed_mitel_figure(small_project, knowledge):
    """The Secure VoIP licence is read in the MiVoice Office 400 system manual: the finding is an
    error and names no unconfirmed figure; holding the licence clears it."""
    from domain_cases import mitel_srtp

    (f,) = findings_of(mitel_srtp(small_project), "SEC-SRTP-LICENCE", knowledge)
    assert f.severity is Severity.ERROR and "unconfirmed" not in f.message
    assert "Secure VoIP licence" in knowledge.product("mitel-470").figure("srtp_licence").source
    assert findings_of(mitel_srtp(small_project, "encryption"), "SEC-SRTP-LICENCE", knowledge) == []


def test_voip_channels_count_every_call_between_ip_and_non_ip_endpoints(small_project, knowledge):
    """8 analogue phones on the 8-channel SIP trunk, 10 IP phones on a 4-channel ISDN line and on
    2 audio channels: 8 + 4 + 2 calls need a VoIP channel each; fallback lines and DECT-on-card count too."""
    isdn = IsdnLine.model_validate({"id": "bri-mx", "server": MITEL_ID, "kind": "BRI", "provider": "Swisscom", "channels": 4})
    p = mitel_gateway(small_project, voip_channels=13)
    p = interfaces(p, isdn_lines=[isdn])
    p = p.replace(licences=[*p.licences, licence(id="lic-mx-audio", system=MITEL_ID, kind="audio_channels", quantity=2)])
    (f,) = findings_of(p, "DIM-VOIP-CHANNELS", knowledge)
    assert f.variant == "configured" and f.severity is Severity.WARNING and f.object_id == f"{MITEL_ID}:voip-channels"
    assert "13 VoIP channels" in f.message and "14 calls" in f.message and "(8 SIP trunk calls" in f.message and "4 ISDN" in f.message and "2 IP endpoints" in f.message
    assert findings_of(p.replace(servers=[s.model_copy(update={"voip_channels": 14}) if s.id == MITEL_ID else s for s in p.servers]), "DIM-VOIP-CHANNELS", knowledge) == []
    # a fallback-only ISDN line carries no everyday calls: 8 + 2 fit in 13 channels
    fallback = interfaces(p, isdn_lines=[isdn.model_copy(update={"role": "fallback"})])
    assert findings_of(fallback, "DIM-VOIP-CHANNELS", knowledge) == []


def test_voip_channels_are_judged_against_their_licences(small_project, knowledge):
    """Without a configured count, the VoIP channel licences are the supply; G.711 adds 2 free
    channels. The Mitel 470's licence figure is read in the 415/430 manual: the finding says so."""
    (f,) = findings_of(mitel_gateway(small_project, licences=[{"kind": "voip_channels", "quantity": 6}]), "DIM-VOIP-CHANNELS", knowledge)
    assert f.variant == "licensed" and "licences for 6 VoIP channels" in f.message and "415/430" in f.message
    assert findings_of(mitel_gateway(small_project, voip_mode="g711", licences=[{"kind": "voip_channels", "quantity": 6}]), "DIM-VOIP-CHANNELS", knowledge) == []
    # configured beyond the licences: the licences decide
    (g,) = findings_of(mitel_gateway(small_project, voip_channels=16, licences=[{"kind": "voip_channels", "quantity": 6}]), "DIM-VOIP-CHANNELS", knowledge)
    assert g.variant == "licensed"
    # nothing recorded, or a system without a media gateway in the catalogue (3CX): no verdict
    assert findings_of(mitel_gateway(small_project), "DIM-VOIP-CHANNELS", knowledge) == []
    assert findings_of(small_project, "DIM-VOIP-CHANNELS", knowledge) == []


def test_voip_channel_demand_counts_dect_on_card_but_not_sip_dect(small_project, knowledge):
    def handsets(kind):
        return TerminalGroup.model_validate({"id": "t-mx-dect", "type": kind, "vendor": "Mitel", "model": "handset", "count": 4, "server": MITEL_ID, "site": "lau"})

    base = mitel_gateway(small_project, voip_channels=8, trunk={"channels": 12})
    for kind, fires in (("dect", True), ("sip_dect", False)):
        p = base.replace(terminals=base.terminals.model_copy(update={"terminals": [*base.terminals.terminals, handsets(kind)]}))
        assert bool(findings_of(p, "DIM-VOIP-CHANNELS", knowledge)) is fires, kind


def test_a_secure_voip_mode_needs_the_secure_voip_licence(small_project, knowledge):
    (f,) = findings_of(mitel_gateway(small_project, trunk={"srtp": False}, voip_mode="secure_g711_g729"), "SEC-SRTP-LICENCE", knowledge)
    assert f.variant == "mode" and "Secure G.711/G.729 (SRTP)" in f.message and "Encryption (SRTP/TLS)" in f.message
    assert findings_of(mitel_gateway(small_project, trunk={"srtp": False}, voip_mode="g711_g729"), "SEC-SRTP-LICENCE", knowledge) == []
    assert findings_of(mitel_gateway(small_project, trunk={"srtp": False}, voip_mode="secure_g711", licences=[{"kind": "encryption", "quantity": 1}]), "SEC-SRTP-LICENCE", knowledge) == []
