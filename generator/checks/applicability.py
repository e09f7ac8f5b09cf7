"""Whether a rule of the catalogue had anything to judge in a project. A rule with nothing to judge
(no hot desking, no lifecycle dates known for the equipment, no figure for the system) is "not
applicable" in the audit, never "passed": a pass claims a judgement that was not made."""

from __future__ import annotations

from collections.abc import Callable

from generator import knowledge as vendor_knowledge
from generator.checks.context import Context
from generator.checks.engine import reference_date
from generator.checks.rules.lifecycle import dated
from generator.model.operations import LicenceKind
from generator.model.project import Project
from generator.model.telephony import Platform


def _appliances(p: Project) -> bool:
    return any(s.platform is Platform.APPLIANCE for s in p.servers)


def _figure(name: str) -> Callable[[Context], bool]:
    """A rule that judges a system only where the vendor catalogue gives the figure it needs."""
    return lambda ctx: any((product := ctx.product_of(s)) is not None and product.figure(name) is not None for s in ctx.project.servers)


# Keyed by rule id, then by category; a rule not listed is applicable.
APPLICABLE_BY_RULE: dict[str, Callable[[Project], bool]] = {
    "AVL-FAILOVER-PAIR": lambda p: any(s.failover_partner for s in p.servers),
    "LIC-EDITION": lambda p: any(s.failover_partner for s in p.servers),
    "AVL-UPS-LOAD": lambda p: bool(p.availability.ups),
    "WKP-HOTDESK-DESK": lambda p: any(u.hot_desking for u in p.users) or bool(p.numbering.hot_desks),
    "WKP-HOTDESK-LICENCE": lambda p: any(u.hot_desking for u in p.users),
    "WKP-HOTDESK-RIGHT": lambda p: any(u.hot_desking for u in p.users),
    "BKP-CHANGE": lambda p: bool(p.changelog),
    "BKP-KEY": lambda p: any(j.encrypted for j in p.backups.jobs),
    "DOC-ACCEPTANCE": lambda p: p.commissioning is not None,
    "DOC-OPEN-POINT": lambda p: bool(p.commissioning and p.commissioning.open_points),
    "WVR-UNKNOWN-RULE": lambda p: bool(p.waivers),
    "DECT-MONOCELL": lambda p: any(s.kind == "monocell" for s in p.dect.systems),
    "DECT-MULTICELL": lambda p: any(s.kind == "multicell" for s in p.dect.systems),
    "DECT-CASCADE": lambda p: bool(p.dect.repeaters),
    "BKP-RESTORE-SYSTEM": lambda p: any(j.system not in p.server_by_id for j in p.backups.jobs),
    "DIM-VOIP-CHANNELS": lambda p: any(s.voip_channels is not None for s in p.servers) or any(lic.kind is LicenceKind.VOIP_CHANNELS for lic in p.licences),
    "DIM-SIP-CHANNELS": lambda p: any(lic.kind is LicenceKind.SIP_CHANNELS for lic in p.licences),
}
# Rules whose subject is known from the vendor catalogue.
APPLICABLE_BY_KNOWLEDGE: dict[str, Callable[[Context], bool]] = {
    "LCY-END-OF-SALE": lambda ctx: any(True for _ in dated(ctx, "end_of_sale")),
    "LCY-END-OF-SUPPORT": lambda ctx: any(True for _ in dated(ctx, "end_of_support")),
    "SEC-SRTP-LICENCE": _figure("srtp_licence"),
}
APPLICABLE_BY_CATEGORY: dict[str, Callable[[Project], bool]] = {
    "dect": lambda p: bool(p.dect.systems),
    "hardware": _appliances,
}


def applicable(rule_id: str, category: str, project: Project) -> bool:
    if rule_id in APPLICABLE_BY_KNOWLEDGE:
        ctx = Context(project, vendor_knowledge.for_project(project._root), reference_date(project))
        return bool(APPLICABLE_BY_KNOWLEDGE[rule_id](ctx))
    check = APPLICABLE_BY_RULE.get(rule_id) or APPLICABLE_BY_CATEGORY.get(category)
    return check is None or bool(check(project))
