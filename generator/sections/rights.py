"""The rights matrix: profiles x permissions, users per profile, and who holds the admin accounts."""

from __future__ import annotations

from generator.document import Document, Paragraph
from generator.sections.common import SectionContext, group_by, join, titled_table
from generator.sections.interfaces import server_name


def build(ctx: SectionContext) -> list[Document]:
    r = ctx.project.rights
    w = ctx.w
    doc = Document(w("rights.title"), slug="rights")
    # Profiles and permissions keep the order of rights.yaml: the integrator orders them from the
    # most restricted to the most powerful, which is how the matrix reads best.
    profiles = list(r.profiles)
    users = group_by(ctx.project.users, lambda u: u.rights_profile)
    doc.add(*titled_table(
        ctx, w("rights.profiles"),
        [w("rights.profile"), w("rights.outgoing"), w("rights.blocked"), w("rights.pin"), w("domain.details.out_of_hours"), w("rights.users")],
        [(pr.name, ctx.label("outgoing", pr.outgoing), join(pr.blocked_prefixes), join(pr.pin_required_for),
          next((o.name for o in profiles if o.id == pr.out_of_hours), pr.out_of_hours or ""), ctx.number(len(users.get(pr.id, []))))
         for pr in profiles],
    ))
    permissions = list(r.permissions)
    if permissions and profiles:
        doc.add(*titled_table(
            ctx, w("rights.matrix"),
            [w("rights.permission"), *(pr.name for pr in profiles)],
            [(perm.name + (f" ({w('rights.admin')})" if perm.admin else ""), *("✓" if perm.id in pr.permissions else "" for pr in profiles))
             for perm in permissions],
        ))
        described = [(perm.name, perm.description) for perm in permissions if perm.description]
        if described:
            doc.add(*titled_table(ctx, w("rights.descriptions"), [w("rights.permission"), w("rights.description")], described, level=3))
    names = {pr.id: pr.name for pr in profiles}
    accounts = sorted(r.admin_accounts, key=lambda a: (a.system, a.id))
    doc.add(*titled_table(
        ctx, w("rights.admins"),
        [w("rights.account"), w("common.server"), w("rights.person"), w("rights.profile"), w("rights.password")],
        [(a.id, server_name(ctx, a.system), ctx.person_name(a.person) if a.person else w("rights.no_person"), names.get(a.profile, a.profile), ctx.secret(a.password))
         for a in accounts],
    ))
    if accounts:
        doc.add(Paragraph((w("rights.admins_rule"),)))
    return [doc]
