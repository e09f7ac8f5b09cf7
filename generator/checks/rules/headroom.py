"""Licence headroom and the failover server: what leaves no spare when something changes or breaks."""

from __future__ import annotations

from collections import defaultdict

from generator.checks.registry import Category, hit, rule
from generator.checks.rules.licences import USER_FLAGS, counted_use
from generator.diagnostics import Severity
from generator.model.operations import LicenceKind

# Licences a new employee or a replacement handset consumes; channels and editions are sized on purpose.
PER_PERSON = {LicenceKind.USERS, LicenceKind.HOT_DESKING, LicenceKind.MOBILE_EXTENSION, LicenceKind.DUAL_HOMING, LicenceKind.DECT, LicenceKind.APPLICATION}


@rule("LIC-HEADROOM", Category.LICENCES, Severity.WARNING, "pbxdoc domain notes: a licence at 100 % use leaves no spare for a replacement handset or a new employee; pbxdoc.policy licence_headroom_percent")
def headroom(ctx):
    threshold = ctx.policy.licence_headroom_percent
    groups = defaultdict(list)
    for lic in ctx.project.licences:
        if lic.kind in PER_PERSON:
            systems = ctx.pair_of(lic.system) if lic.kind in USER_FLAGS else (lic.system,)
            groups[(systems, lic.kind)].append(lic)
    for (systems, kind), lics in sorted(groups.items(), key=lambda item: (item[0][0], item[0][1].value)):
        quantity = sum(lic.quantity for lic in lics)
        used = max(sum(lic.used or 0 for lic in lics), counted_use(ctx, systems, kind) or 0)
        # At or above 100 % is LIC-OVERUSE's; this rule warns before the licence is full.
        if quantity and used <= quantity and used * 100 >= threshold * quantity:
            yield hit(lics[0], "used", object_id=f"{'+'.join(systems)}:{kind.value}", system=" + ".join(systems), kind_key=f"model.licence_kind.{kind.value}", used=used, quantity=quantity, percent=round(used * 100 / quantity), threshold=threshold)


@rule("AVL-NO-FAILOVER", Category.AVAILABILITY, Severity.WARNING, "Course 6.1 availability: without a failover server, a server failure stops telephony until the hardware is replaced and the backup restored; accept it with a waiver when that is the customer's choice")
def no_failover(ctx):
    for server in ctx.project.servers:
        if server.role == "standalone" and not server.failover_partner:
            yield hit(server, "failover_partner", server=server.id)
