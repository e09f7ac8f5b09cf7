"""Trigger and non-trigger fixtures of the rules on what installations really have: trunk roles
(merged into CASES)."""

from __future__ import annotations

from checks_helpers import at, section


def fallback_trunk(p, first: bool, role: str = "fallback"):
    """The small example plus a fallback-only SIP account on its server, tried first or last."""
    backup = p.interfaces.sip_trunks[0].model_copy(update={"id": "trunk-secours", "provider": "Sipcall", "number_blocks": [], "role": role})
    p = p.replace(interfaces=section(p.interfaces, sip_trunks=[*p.interfaces.sip_trunks, backup]))
    trunks = ["trunk-secours", "trunk-peoplefone"] if first else ["trunk-peoplefone", "trunk-secours"]
    return p.replace(numbering=section(p.numbering, outbound_routes=at(p.numbering.outbound_routes, 0, trunks=trunks)))


INSTALLATION_CASES = {
    "AVL-TRUNK-ROLE": (lambda p: fallback_trunk(p, first=True), lambda p: fallback_trunk(p, first=False)),
}
