"""Trigger and non-trigger fixtures of the rule families of hardening, dimensioning, special lines,
licence headroom, failover, lifecycle, time and certificates, and retention (merged into CASES)."""

from __future__ import annotations

import datetime as dt

from checks_helpers import MITEL_ID, at, by_id, section, with_mitel

from generator.model.hardening import Certificate, ServerSecurity
from generator.model.operations import Licence
from generator.model.telephony import SpecialInterface, TerminalGroup

D = dt.date


def rights(p, **update):
    return p.replace(rights=section(p.rights, **update))


def profile(p, profile_id, **update):
    return rights(p, profiles=by_id(p.rights.profiles, profile_id, **update))


def security(p, **update):
    server = p.servers[0]
    current = server.security or ServerSecurity()
    return p.replace(servers=at(p.servers, 0, security=current.model_copy(update=update)))


def interfaces(p, **update):
    return p.replace(interfaces=section(p.interfaces, **update))


def special(p, **data):
    itf = SpecialInterface.model_validate({"id": "lau-lift-01", "server": "lau-pbx-01", "kind": "lift", "name": "Ascenseur", "connection": "FXS via ATA", "site": "lau", **data})
    return interfaces(p, special_interfaces=[*p.interfaces.special_interfaces, itf])


def fax(p, **trunk):
    group = TerminalGroup.model_validate({"id": "t-fax", "type": "analogue", "vendor": "Brother", "model": "FAX-2940", "count": 1, "server": "lau-pbx-01", "site": "lau", "fax": True})
    p = p.replace(terminals=section(p.terminals, terminals=[*p.terminals.terminals, group]))
    return interfaces(p, sip_trunks=at(p.interfaces.sip_trunks, 0, **trunk)) if trunk else p


def licence(**data):
    return Licence.model_validate({"id": "lic-test", "item": "test", "system": "lau-pbx-01", **data})


# Rules whose trigger needs vendor knowledge the catalogue does not ship (dated lifecycle notices):
# tested with a project vendors/ folder in test_checks_domain.py.
KNOWLEDGE_CASES = {"LCY-END-OF-SALE", "LCY-END-OF-SUPPORT"}


def users_licensed(p, quantity):
    return p.replace(licences=[*p.licences, licence(kind="users", quantity=quantity)])


def mitel_srtp(p, *kinds):
    """A Mitel 470 with an encrypted SIP trunk, holding licences of the given kinds."""
    p = with_mitel(p, [(1, "CPU1")])
    trunk = p.interfaces.sip_trunks[0].model_copy(update={"id": "trunk-mx", "server": MITEL_ID, "number_blocks": [], "srtp": True})
    p = interfaces(p, sip_trunks=[*p.interfaces.sip_trunks, trunk])
    return p.replace(licences=[*p.licences, *(licence(id=f"lic-{k}", kind=k, quantity=1, system=MITEL_ID) for k in kinds)])


def mitel_gateway(p, *, trunk=None, licences=(), **server):
    """A Mitel 470 with 8 analogue and 10 IP phones and the 8-channel SIP trunk: 8 SIP trunk calls of
    analogue phones cross between IP and non-IP endpoints when every channel is busy."""
    p = with_mitel(p, [(1, "CPU1", ["DSPX1"])], {"analogue": 8, "ip": 10}, **server)
    line = p.interfaces.sip_trunks[0].model_copy(update={"id": "trunk-mx", "server": MITEL_ID, "number_blocks": [], **(trunk or {})})
    p = interfaces(p, sip_trunks=[*p.interfaces.sip_trunks, line])
    return p.replace(licences=[*p.licences, *(licence(id=f"lic-mx-{i}", system=MITEL_ID, **data) for i, data in enumerate(licences))])


def with_standby(p):
    standby = p.servers[0].model_copy(update={"id": "lau-pbx-02", "role": "standby", "failover_partner": "lau-pbx-01"})
    return p.replace(servers=[*at(p.servers, 0, role="primary", failover_partner="lau-pbx-02"), standby])


def certificate(p, expiry):
    return security(p, certificates=[Certificate.model_validate({"name": "pbx.example.ch", "purpose": "sip_tls", "expiry": expiry})])


def retention(p, **update):
    current = p.pbxdoc.retention
    return p.replace(pbxdoc=section(p.pbxdoc, retention=current.model_copy(update=update)))


def wan(p, uplink):
    links = at(p.availability.wan_links, 0, uplink_mbps=uplink)
    return p.replace(availability=section(p.availability, wan_links=links))


DOMAIN_CASES = {
    "TF-PREMIUM": (lambda p: profile(p, "p-admin", blocked_prefixes=[]), None),
    "TF-INTERNATIONAL": (lambda p: interfaces(p, special_interfaces=at(p.interfaces.special_interfaces, 0, rights_profile="p-direction")), None),
    "TF-OUT-OF-HOURS": (lambda p: profile(p, "p-admin", out_of_hours=None), None),
    "TF-VM-PIN": (lambda p: security(p, voicemail_pin_min_length=4), None),
    "TF-DISA": (lambda p: security(p, disa="open"), lambda p: security(p, disa="pin")),
    "SEC-EXPOSED": (lambda p: security(p, admin_exposed=True), None),
    "SEC-DEFAULT-CREDENTIALS": (lambda p: security(p, default_credentials=["admin"]), None),
    "SEC-SRTP-LICENCE": (lambda p: mitel_srtp(p), lambda p: mitel_srtp(p, "encryption")),
    "DIM-SIP-CHANNELS": (lambda p: p.replace(licences=by_id(p.licences, "lic-sip-channels", quantity=4)), None),
    "DIM-WAN": (lambda p: wan(p, 0.5), lambda p: wan(p, 1)),
    "DIM-VOIP-CHANNELS": (lambda p: mitel_gateway(p, voip_channels=6), lambda p: mitel_gateway(p, voip_channels=8)),
    "SPL-LIFT-TEST": (lambda p: special(p, emergency_line="copper", test_call_days=7), lambda p: special(p, emergency_line="copper", test_call_days=3)),
    "SPL-POWER": (
        lambda p: special(p, emergency_line="ip_adapter", test_call_days=3),
        lambda p: special(p, emergency_line="ip_adapter", test_call_days=3, battery_min=60),
    ),
    "SPL-FAX": (lambda p: fax(p), lambda p: fax(p, t38=True)),
    "LIC-HEADROOM": (lambda p: users_licensed(p, 26), lambda p: users_licensed(p, 30)),
    "AVL-NO-FAILOVER": (lambda p: p, with_standby),
    "TIME-NTP": (lambda p: security(p, ntp_server=None), None),
    "CERT-EXPIRED": (lambda p: certificate(p, D(2026, 11, 1)), lambda p: certificate(p, D(2027, 11, 1))),
    "CERT-EXPIRING": (lambda p: certificate(p, D(2026, 12, 24)), lambda p: certificate(p, D(2027, 11, 1))),
    "RET-PERIOD": (lambda p: retention(p, voicemail_days=None), None),
}
