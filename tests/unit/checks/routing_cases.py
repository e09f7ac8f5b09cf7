"""Trigger and clean fixtures of the call-routing rules (FLOW-*), on the small example's routing."""

from __future__ import annotations

from checks_helpers import by_id, section

from generator.model.routing import ExternalForward, NumberStatus
from generator.model.telephony import AnalogueLine


def routing(p, **update):
    return p.replace(routing=section(p.routing, **update))


def entry(p, **update):
    return routing(p, entry_points=by_id(p.routing.entry_points, "principal", **update))


def group(p, group_id, **update):
    return routing(p, groups=by_id(p.routing.groups, group_id, **update))


def forward_by(p, trunk: str):
    lines = [*p.interfaces.analogue_lines, AnalogueLine.model_validate({"id": "pots-1", "server": "lau-pbx-01", "provider": "Swisscom", "number": "+41215551299"})]
    forward = ExternalForward.model_validate({"id": "fwd-rochat", "name": "Natel de Mme Rochat", "number": "+41795554110", "trunk": trunk})
    p = p.replace(interfaces=section(p.interfaces, analogue_lines=lines))
    return routing(p, forwards=[forward], voicemails=p.routing.voicemails)


def all_reserved(p):
    return routing(p, number_status=[NumberStatus.model_validate({"first": "+41215551200", "last": "+41215551299", "status": "reserved"})])


ROUTING_CASES = {
    "FLOW-MODES": (lambda p: entry(p, routes=section(p.routing.entry_points[0].routes, night=None)), None),
    "FLOW-DEAD-END": (lambda p: routing(p, voicemails=by_id(p.routing.voicemails, "vm-general", listeners=[])), None),
    "FLOW-RING-TIME": (lambda p: group(p, "grp-compta", ring_seconds=45), lambda p: group(p, "grp-compta", ring_seconds=30)),
    "FLOW-HOLIDAYS": (lambda p: routing(p, calendars=by_id(p.routing.calendars, "vaud", last_year=2026)), None),
    "FLOW-MEMBER": (lambda p: p.replace(users=by_id(p.users, "u-golay", terminal=None)), None),
    "FLOW-FORWARD-TRUNK": (lambda p: forward_by(p, "pots-1"), lambda p: forward_by(p, "trunk-peoplefone")),
    "FLOW-FALLBACK": (lambda p: routing(p, blocks=[]), None),
    "FLOW-DID-NOWHERE": (lambda p: entry(p, numbers=["+41215551300"]), None),
    "FLOW-UNASSIGNED": (lambda p: p, all_reserved),
    "FLOW-NIGHT-SWITCH": (lambda p: routing(p, night_switches=by_id(p.routing.night_switches, "nuit-accueil", set_by=[])), None),
    "FLOW-EMERGENCY-CLI": (lambda p: routing(p, remote_access=[]), None),
}
