"""Trigger and non-trigger fixtures of the rules on what installations really have (trunk roles)
and of calls per DECT base (merged into CASES)."""

from __future__ import annotations

from checks_helpers import at, section


def fallback_trunk(p, first: bool, role: str = "fallback"):
    """The small example plus a fallback-only SIP account on its server, tried first or last."""
    backup = p.interfaces.sip_trunks[0].model_copy(update={"id": "trunk-secours", "provider": "Sipcall", "number_blocks": [], "role": role})
    p = p.replace(interfaces=section(p.interfaces, sip_trunks=[*p.interfaces.sip_trunks, backup]))
    trunks = ["trunk-secours", "trunk-peoplefone"] if first else ["trunk-peoplefone", "trunk-secours"]
    return p.replace(numbering=section(p.numbering, outbound_routes=at(p.numbering.outbound_routes, 0, trunks=trunks)))


def busy_base(p, calls: int | None = None, repeaters: int = 0):
    """The small example's W70B base with its busiest calls and extra RT30 repeaters."""
    dect = p.dect
    extra = [dect.repeaters[0].model_copy(update={"id": f"lau-rt-x{i}"}) for i in range(repeaters)]
    return p.replace(dect=section(dect, bases=at(dect.bases, 0, busy_calls=calls), repeaters=[*dect.repeaters, *extra]))


INSTALLATION_CASES = {
    "DIM-DECT-CALLS": (lambda p: busy_base(p, 11), lambda p: busy_base(p, 10, repeaters=3)),
    "AVL-TRUNK-ROLE": (lambda p: fallback_trunk(p, first=True), lambda p: fallback_trunk(p, first=False)),
}
