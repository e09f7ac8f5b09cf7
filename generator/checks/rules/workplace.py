"""Flexible workplaces (course 5.2) and caller identification (course 5.4)."""

from __future__ import annotations

from collections import Counter

from generator.checks.registry import Category, hit, rule
from generator.diagnostics import Severity

SEATING = "Course 5.2, flexible workplaces (hot desking)"


def hot_desk_users(ctx, server_id: str):
    return [u for u in ctx.users_of(server_id) if u.hot_desking]


@rule("WKP-HOTDESK-RIGHT", Category.WORKPLACE, Severity.ERROR, SEATING + ": the user must hold the right to log in on a free-seating desk; 3CX: 'hot desking' enabled per extension")
def hot_desk_right(ctx):
    names = {n.lower() for n in ctx.generic("pbxdoc-conventions").value("hot_desking_permissions")}
    profiles = {p.id: p for p in ctx.project.rights.profiles}
    for user in ctx.project.users:
        profile = profiles.get(user.rights_profile)
        if user.hot_desking and profile is not None and not any(p.lower() in names for p in profile.permissions):
            yield hit(user, "hot_desking", user=user.id, profile=profile.id)


@rule("WKP-HOTDESK-LICENCE", Category.WORKPLACE, Severity.ERROR, SEATING + "; 3CX admin manual: hot desking needs PRO or Enterprise", ("edition", "unknown_edition", "licence"))
def hot_desk_licence(ctx):
    for server in ctx.project.servers:
        users = hot_desk_users(ctx, server.id)
        product = ctx.product_of(server)
        if not users or product is None:
            continue
        feature = product.features.get("hot_desking")
        if feature is not None:
            edition = ctx.edition_of(server)
            if edition is None:
                yield hit(server, "edition", variant="unknown_edition", server=server.id, count=len(users), editions=feature.value)
            elif edition.lower() not in {e.lower() for e in feature.value}:
                yield hit(server, "edition", variant="edition", server=server.id, count=len(users), edition=edition, editions=feature.value)
        kind = product.licensed_features.get("hot_desking")
        if kind and not any(lic.kind.value == kind for lic in ctx.licences_by_system.get(server.id, [])):
            yield hit(server, "id", variant="licence", server=server.id, count=len(users))


@rule("WKP-HOTDESK-DESK", Category.WORKPLACE, Severity.WARNING, SEATING, ("no_desk", "no_user"))
def hot_desks(ctx):
    project = ctx.project
    desk_sites = {d.site for d in project.numbering.hot_desks}
    user_sites = Counter(u.site for u in project.users if u.hot_desking)
    for site in project.sites:
        if site.id in user_sites and site.id not in desk_sites:
            yield hit(site, "id", variant="no_desk", site=site.id, count=user_sites[site.id])
    for desk in project.numbering.hot_desks:
        if desk.site not in user_sites:
            yield hit(desk, "id", variant="no_user", desk=desk.id, site=desk.site)


@rule("WKP-CALLERID", Category.WORKPLACE, Severity.WARNING, "Course 5.4, caller identification from contact data (CRM, directories, phonebooks)")
def caller_id_source(ctx):
    served = {source.server for source in ctx.project.callerid}
    for server in ctx.project.servers:
        if ctx.users_of(server.id) and server.id not in served:
            yield hit(server, "id", server=server.id)
