"""Numbering and users: the number plan, departments, emergency and outbound routing, the users.

Small installations list their users on the numbering page, grouped by department. Beyond
`INLINE_USERS` the page keeps the per-department summary and the full list becomes a page of its
own (`numbering-users`), one sortable table per site, so the numbering page stays readable and
the site's table filter works on one table per site.
"""

from __future__ import annotations

from generator.document import Document, Facts, Heading, Paragraph
from generator.sections.common import SectionContext, group_by, join, number_blocks, phone, table, titled_table
from generator.sections.interfaces import server_name

INLINE_USERS = 200
USERS_SLUG = "numbering-users"


def _extension_key(user) -> tuple:
    return (len(user.extension), user.extension, user.id)


def build(ctx: SectionContext) -> list[Document]:
    p = ctx.project
    doc = Document(ctx.w("numbering.title"), slug="numbering")
    blocks = [b for t in p.interfaces.sip_trunks for b in t.number_blocks] + [b for line in p.interfaces.isdn_lines for b in line.number_blocks]
    items = [
        (ctx.w("numbering.main_number"), phone(p.numbering.main_number)),
        (ctx.w("numbering.extension_range"), p.numbering.extension_range or ""),
        (ctx.w("numbering.did_blocks"), number_blocks(ctx, sorted(blocks, key=lambda b: b.first))),
        (ctx.w("numbering.users"), ctx.number(len(p.users))),
    ]
    doc.add(Facts(tuple((k, v) for k, v in items if v)))
    doc.add(*_departments(ctx), *_emergency(ctx), *_outbound(ctx))
    if len(p.users) <= INLINE_USERS:
        doc.add(*_users_by_department(ctx))
        return [doc]
    doc.add(Heading(2, ctx.w("numbering.users_title")),
            Paragraph((ctx.w("numbering.users_elsewhere", count=ctx.number(len(p.users)), title=ctx.w("numbering.users_page_title")),)))
    return [doc, users_document(ctx)]


def departments(ctx: SectionContext) -> dict[str, list]:
    """Users by department, in the order the numbering plan lists departments, then the others
    alphabetically, then users without a department (key '')."""
    groups = group_by(ctx.project.users, lambda u: u.department or "")
    names = list(dict.fromkeys([*ctx.project.numbering.departments, *sorted(n for n in groups if n)]))
    if "" in groups:
        names.append("")
    return {name: groups.get(name, []) for name in names}


def _departments(ctx: SectionContext) -> list:
    rows = []
    for name, members in departments(ctx).items():
        sites = join(sorted({ctx.site_name(u.site) for u in members}))
        extensions = sorted((u.extension for u in members), key=lambda e: (len(e), e))
        span = f"{extensions[0]} – {extensions[-1]}" if extensions else ""
        rows.append((name or ctx.w("numbering.no_department"), ctx.number(len(members)), span, sites))
    if not rows:
        return []
    return [Heading(2, ctx.w("numbering.departments")),
            table([ctx.w("numbering.department"), ctx.w("numbering.users"), ctx.w("numbering.extensions"), ctx.w("common.site")], rows)]


def _emergency(ctx: SectionContext) -> list:
    """One row per site and routing: the numbers that leave by the same trunks with the same location."""
    groups = group_by(sorted(ctx.project.numbering.emergency_routes, key=lambda r: (r.site, r.number)),
                      lambda r: (r.site, tuple(r.trunks), r.location_info or ""))
    return titled_table(
        ctx, ctx.w("numbering.emergency"),
        [ctx.w("common.site"), ctx.w("numbering.emergency_number"), ctx.w("numbering.trunks"), ctx.w("numbering.location_info")],
        [(ctx.site_name(site), "\n".join(f"{r.number} — {ctx.w('numbering.emergency_service.' + r.number)}" for r in routes), " → ".join(trunks), location)
         for (site, trunks, location), routes in groups.items()],
    )


def _outbound(ctx: SectionContext) -> list:
    routes = sorted(ctx.project.numbering.outbound_routes, key=lambda r: (r.server, r.id))
    return titled_table(
        ctx, ctx.w("numbering.outbound"),
        [ctx.w("common.id"), ctx.w("common.server"), ctx.w("numbering.pattern"), ctx.w("numbering.trunks")],
        [(r.id, server_name(ctx, r.server), r.pattern, " → ".join(r.trunks)) for r in routes],
    )


def _user_rows(ctx: SectionContext, users, with_department: bool, with_site: bool):
    terminals = {g.id: g.model for g in ctx.project.terminals.terminals}
    profiles = {pr.id: pr.name for pr in ctx.project.rights.profiles}
    for u in sorted(users, key=_extension_key):
        features = [ctx.w(f"numbering.feature.{f}") for f in ("hot_desking", "mobile_extension", "dual_homing") if getattr(u, f)]
        if not u.voicemail:
            features.append(ctx.w("numbering.feature.no_voicemail"))
        row = [u.extension, u.display_name]
        if with_department:
            row.append(u.department or "")
        if with_site:
            row.append(ctx.site_name(u.site))
        row += [phone(u.did), terminals.get(u.terminal, u.terminal or ""), profiles.get(u.rights_profile, u.rights_profile), join(features),
                join([phone(u.mobile), u.email], "\n")]
        yield tuple(row)


def _user_headers(ctx: SectionContext, with_department: bool, with_site: bool) -> list[str]:
    headers = [ctx.w("numbering.extension"), ctx.w("common.name")]
    if with_department:
        headers.append(ctx.w("numbering.department"))
    if with_site:
        headers.append(ctx.w("common.site"))
    return headers + [ctx.w("numbering.did"), ctx.w("numbering.terminal"), ctx.w("numbering.profile"), ctx.w("numbering.features"), ctx.w("domain.details.contact")]


def _users_by_department(ctx: SectionContext) -> list:
    users = ctx.project.users
    blocks: list = [Heading(2, ctx.w("numbering.users_title"))]
    if not users:
        return blocks + [ctx.none()]
    with_site = len({u.site for u in users}) > 1
    for name, members in departments(ctx).items():
        if not members:
            continue
        blocks += [Heading(3, name or ctx.w("numbering.no_department")),
                   table(_user_headers(ctx, False, with_site), _user_rows(ctx, members, False, with_site), css_class="sortable")]
    return blocks


def users_document(ctx: SectionContext) -> Document:
    """Every user, one sortable table per site, ordered by extension."""
    doc = Document(ctx.w("numbering.users_page_title"), slug=USERS_SLUG)
    doc.add(Paragraph((ctx.w("numbering.users_page_intro", count=ctx.number(len(ctx.project.users))),)))
    for site in sorted(ctx.project.sites, key=lambda s: s.id):
        members = ctx.project.users_of_site(site.id)
        if members:
            doc.add(Heading(2, ctx.w("numbering.users_at_site", site=site.name, count=ctx.number(len(members)))),
                    table(_user_headers(ctx, True, False), _user_rows(ctx, members, True, False), css_class="sortable"))
    return doc
