"""Licences (course 6.2 licence management; vendor licensing rules)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from generator.checks.registry import Category, hit, rule
from generator.diagnostics import Severity
from generator.model.operations import LicenceKind

COURSE = "Course 6.2: licence management and expiry dates"
MITEL = "Mitel MiVoice Office 400 licensing: one Mobile Phone Extension licence per integrated mobile, one Dual Homing licence per phone"

# Licence kinds whose use pbxdoc counts from the data (user flags, handsets); others rely on `used`.
USER_FLAGS = {LicenceKind.HOT_DESKING: "hot_desking", LicenceKind.MOBILE_EXTENSION: "mobile_extension", LicenceKind.DUAL_HOMING: "dual_homing"}


@rule("LIC-EXPIRED", Category.LICENCES, Severity.ERROR, COURSE)
def expired(ctx):
    for lic in ctx.project.licences:
        if lic.expiry and lic.expiry < ctx.today:
            yield hit(lic, "expiry", licence=lic.id, item=lic.item, date=lic.expiry)


@rule("LIC-EXPIRING", Category.LICENCES, Severity.WARNING, COURSE + "; pbxdoc.policy licence_warning_days")
def expiring(ctx):
    horizon = ctx.today + dt.timedelta(days=ctx.policy.licence_warning_days)
    for lic in ctx.project.licences:
        if lic.expiry and ctx.today <= lic.expiry <= horizon:
            yield hit(lic, "expiry", licence=lic.id, item=lic.item, date=lic.expiry, days=(lic.expiry - ctx.today).days)


def counted_use(ctx, systems: tuple[str, ...], kind: LicenceKind) -> int | None:
    """Use of a licence kind on a server (or failover pair) counted from the data, or None when the data cannot tell."""
    if kind in USER_FLAGS:
        return sum(1 for s in systems for u in ctx.users_of(s) if getattr(u, USER_FLAGS[kind]))
    if kind is LicenceKind.USERS:
        return sum(len(ctx.users_of(s)) for s in systems)
    if kind is LicenceKind.DECT:
        dect_systems = {d.id for d in ctx.project.dect.systems if d.server in systems}
        return sum(1 for h in ctx.project.handsets if h.system in dect_systems)
    return None


@rule("LIC-OVERUSE", Category.LICENCES, Severity.ERROR, COURSE + "; vendor licensing (hot desking, mobile extensions, dual homing, audio channels)")
def overuse(ctx):
    groups = defaultdict(list)
    for lic in ctx.project.licences:
        # Licences of user features are pooled over a failover pair (Dual Homing sits on the backup server).
        systems = ctx.pair_of(lic.system) if lic.kind in USER_FLAGS else (lic.system,)
        groups[(systems, lic.kind)].append(lic)
    for (systems, kind), lics in sorted(groups.items(), key=lambda item: (item[0][0], item[0][1].value)):
        quantity = sum(lic.quantity for lic in lics)
        stated = sum(lic.used or 0 for lic in lics)
        counted = counted_use(ctx, systems, kind)
        used = max(stated, counted or 0)
        if used > quantity:
            yield hit(lics[0], "quantity", system=" + ".join(systems), kind_key=f"model.licence_kind.{kind.value}", used=used, quantity=quantity)


@rule("LIC-FEATURE", Category.LICENCES, Severity.ERROR, MITEL)
def feature_licensed(ctx):
    for server in ctx.project.servers:
        product = ctx.product_of(server)
        if product is None:
            continue
        held = {lic.kind.value for member in ctx.pair_of(server.id) for lic in ctx.licences_by_system.get(member, [])}
        for flag, kind in sorted(product.licensed_features.items()):
            users = [u.id for u in ctx.users_of(server.id) if getattr(u, flag, False)]
            if users and kind not in held:
                yield hit(server, "id", object_id=f"{server.id}:{kind}", server=server.id, kind_key=f"model.licence_kind.{kind}", count=len(users), users=users[:5])


@rule("LIC-EDITION", Category.LICENCES, Severity.ERROR, "3CX admin manual: failover (active/passive) needs PRO or Enterprise", ("message", "unknown"))
def edition_for_failover(ctx):
    for server in ctx.project.servers:
        product = ctx.product_of(server)
        feature = product.features.get("failover") if product else None
        if feature is None or not (server.failover_partner or server.role != "standalone"):
            continue
        edition = ctx.edition_of(server)
        editions = [e.lower() for e in feature.value]
        if edition is None:
            yield hit(server, "edition", variant="unknown", server=server.id, editions=feature.value)
        elif edition.lower() not in editions:
            yield hit(server, "edition", server=server.id, edition=edition, editions=feature.value)
