"""Free seating (hot desking): the desks, who may log in to them, and the licence and right it needs."""

from __future__ import annotations

import re

from generator.document import Document, Paragraph
from generator.model.operations import LicenceKind
from generator.sections.common import SectionContext, titled_table
from generator.sections.interfaces import server_name

_HOT_DESKING = re.compile(r"hot.?desk|free.?seat|desk.?sharing", re.IGNORECASE)


def hot_desking_permissions(project) -> set[str]:
    """Permission ids that grant hot desking, recognised by their id or name."""
    return {perm.id for perm in project.rights.permissions if _HOT_DESKING.search(perm.id) or _HOT_DESKING.search(perm.name)}


def build(ctx: SectionContext) -> list[Document]:
    p = ctx.project
    w = ctx.w
    doc = Document(w("free_seating.title"), slug="free-seating")
    doc.add(Paragraph((w("free_seating.intro"),)))
    terminals = {g.id: g.model for g in p.terminals.terminals}
    doc.add(*titled_table(
        ctx, w("free_seating.desks"),
        [w("common.id"), w("common.site"), w("free_seating.location"), w("numbering.terminal"), w("numbering.extension")],
        [(d.id, ctx.site_name(d.site), d.location, terminals.get(d.terminal, d.terminal), d.extension or "")
         for d in sorted(p.numbering.hot_desks, key=lambda d: (d.site, d.id))],
    ))
    granting = hot_desking_permissions(p)
    profiles = {pr.id: pr for pr in p.rights.profiles}
    users = sorted((u for u in p.users if u.hot_desking), key=lambda u: (len(u.extension), u.extension, u.id))

    def has_right(user) -> str:
        profile = profiles.get(user.rights_profile)
        return "✓" if profile and granting & set(profile.permissions) else "✗"

    doc.add(*titled_table(
        ctx, w("free_seating.users"),
        [w("numbering.extension"), w("common.name"), w("numbering.department"), w("common.site"), w("numbering.profile"), w("free_seating.right")],
        [(u.extension, u.display_name, u.department or "", ctx.site_name(u.site),
          profiles[u.rights_profile].name if u.rights_profile in profiles else u.rights_profile, has_right(u)) for u in users],
        css_class="sortable",
    ))
    licences = sorted((lic for lic in p.licences if lic.kind in (LicenceKind.HOT_DESKING, LicenceKind.EDITION)), key=lambda lic: lic.id)
    doc.add(*titled_table(
        ctx, w("free_seating.licences"),
        [w("licences.item"), w("licences.kind"), w("common.server"), w("licences.quantity"), w("licences.used"), w("licences.expiry")],
        [(lic.item, ctx.label("licence_kind", lic.kind), server_name(ctx, lic.system), ctx.number(lic.quantity), ctx.number(lic.used), ctx.date(lic.expiry))
         for lic in licences],
    ))
    if users:
        doc.add(Paragraph((w("free_seating.summary", users=ctx.number(len(users)), desks=ctx.number(len(p.numbering.hot_desks))),)))
    return [doc]
