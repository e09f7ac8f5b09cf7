"""Interfaces and trunks: the left of the interface overview (public, private and special lines)."""

from __future__ import annotations

from generator.document import Document
from generator.sections.common import SectionContext, join, number_blocks, phone, table, titled_table
from generator.words import product


def server_name(ctx: SectionContext, server_id: str | None) -> str:
    """The name of a server (or of other equipment, such as a DECT system), else the id."""
    if not server_id:
        return ""
    obj = ctx.project.server_by_id.get(server_id) or ctx.project.equipment.get(server_id)
    return getattr(obj, "name", None) or server_id


def build(ctx: SectionContext) -> list[Document]:
    i = ctx.project.interfaces
    w = ctx.w
    doc = Document(w("interfaces.title"), slug="interfaces")
    trunks = sorted(i.sip_trunks, key=lambda t: t.id)
    doc.add(*titled_table(
        ctx, w("interfaces.sip"),
        [w("common.id"), w("interfaces.provider"), w("interfaces.line_role.title"), w("common.server"), w("interfaces.channels"), w("interfaces.numbers"),
         w("interfaces.registrar"), w("interfaces.transport"), w("interfaces.wan_link")],
        [(t.id, t.provider, w(f"interfaces.line_role.{t.role}"), server_name(ctx, t.server), ctx.number(t.channels), number_blocks(ctx, t.number_blocks), t.registrar or "",
          join([t.transport.upper() + (" + SRTP" if t.srtp else ""), t.codec, "T.38" if t.t38 else None]), t.wan_link or "") for t in trunks],
    ))
    accounts = [(t.id, t.account or "", ctx.secret(t.password), t.notes or "") for t in trunks if t.password or t.account or t.notes]
    if accounts:
        doc.add(table([w("common.id"), w("interfaces.account"), w("interfaces.password"), w("common.notes")], accounts))
    doc.add(*titled_table(
        ctx, w("interfaces.isdn"),
        [w("common.id"), w("interfaces.kind"), w("interfaces.provider"), w("interfaces.line_role.title"), w("common.server"), w("system.slot"),
         w("interfaces.channels"), w("interfaces.numbers"), w("common.notes")],
        [(x.id, x.kind, x.provider, w(f"interfaces.line_role.{x.role}"), server_name(ctx, x.server), ctx.number(x.slot), ctx.number(x.channels),
          number_blocks(ctx, x.number_blocks), x.notes or "") for x in sorted(i.isdn_lines, key=lambda x: x.id)],
    ))
    doc.add(*titled_table(
        ctx, w("interfaces.analogue"),
        [w("common.id"), w("interfaces.provider"), w("interfaces.line_role.title"), w("common.server"), w("interfaces.number"), w("interfaces.purpose")],
        [(x.id, x.provider, w(f"interfaces.line_role.{x.role}"), server_name(ctx, x.server), phone(x.number), x.purpose or "") for x in sorted(i.analogue_lines, key=lambda x: x.id)],
    ))
    doc.add(*titled_table(
        ctx, w("interfaces.private"),
        [w("common.id"), w("common.server"), w("interfaces.remote_site"), w("interfaces.remote_server"), w("interfaces.protocol"),
         w("interfaces.channels"), w("interfaces.medium"), w("common.notes")],
        [(x.id, server_name(ctx, x.server), ctx.site_name(x.remote_site), server_name(ctx, x.remote_server), x.protocol,
          ctx.number(x.channels), x.medium or "", x.notes or "") for x in sorted(i.private_lines, key=lambda x: x.id)],
    ))
    doc.add(*titled_table(
        ctx, w("interfaces.special"),
        [w("common.name"), w("interfaces.kind"), w("interfaces.product"), w("interfaces.connection"), w("common.site"),
         w("common.firmware"), w("common.backup")],
        [(x.name, ctx.label("special_interface_kind", x.kind), product(x.vendor, x.model), x.connection, ctx.site_name(x.site),
          x.firmware_version or "", ctx.label("backup_kind", x.backup)) for x in sorted(i.special_interfaces, key=lambda x: x.id)],
    ))
    profiles = {p.id: p.name for p in ctx.project.rights.profiles}
    details = [
        (x.name, join(x.functions), profiles.get(x.rights_profile, x.rights_profile or ""), ctx.label("emergency_line", x.emergency_line),
         w("domain.details.test_call_value", days=ctx.number(x.test_call_days)) if x.test_call_days else "",
         w("domain.details.battery_value", minutes=ctx.number(x.battery_min)) if x.battery_min is not None else "", x.notes or "")
        for x in sorted(i.special_interfaces, key=lambda x: x.id)
        if x.functions or x.rights_profile or x.emergency_line or x.test_call_days or x.battery_min is not None or x.notes
    ]
    if details:
        doc.add(*titled_table(
            ctx, w("domain.details.special_title"),
            [w("common.name"), w("domain.details.functions"), w("domain.details.rights_profile"), w("domain.details.emergency_line"),
             w("domain.details.test_call"), w("domain.details.battery"), w("common.notes")],
            details, level=3,
        ))
    return [doc]
