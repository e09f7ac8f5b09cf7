"""Terminals and DECT: the right of the interface overview, and the internal wireless systems."""

from __future__ import annotations

from generator.document import Document, Facts, Figure, Heading
from generator.sections.common import SectionContext, group_by, join, titled_table
from generator.sections.figures import diagram_path
from generator.sections.interfaces import server_name
from generator.words import product

INLINE_HANDSETS = 200


def build(ctx: SectionContext) -> list[Document]:
    doc = Document(ctx.w("terminals.title"), slug="terminals-dect")
    doc.add(*_terminals(ctx), *_cti(ctx), *_mobile(ctx), *_applications(ctx), *_dect(ctx))
    return [doc]


def _terminals(ctx: SectionContext) -> list:
    w = ctx.w
    groups = sorted(ctx.project.terminals.terminals, key=lambda g: (list(type(g.type)).index(g.type), g.site, g.id))
    by_type = group_by(groups, lambda g: g.type)
    blocks = titled_table(
        ctx, w("terminals.types"),
        [w("terminals.type"), w("terminals.count")],
        [(ctx.label("terminal_type", kind), ctx.number(sum(g.count for g in members))) for kind, members in by_type.items()],
    )
    if groups:
        # One server for every terminal (the usual case) needs no column of its own.
        with_server = len({g.server for g in groups}) > 1
        profiles = {p.id: p.name for p in ctx.project.rights.profiles}
        headers = [w("terminals.type"), w("terminals.model"), w("terminals.count"), w("common.site"), w("common.server"), w("common.firmware"), w("terminals.poe_class"),
                   w("domain.details.rights_profile"), w("common.notes")]
        rows = [(ctx.label("terminal_type", g.type), join([product(g.vendor, g.model), w("domain.details.fax") if g.fax else None], "\n"), ctx.number(g.count),
                 ctx.site_name(g.site), server_name(ctx, g.server), g.firmware_version or "", ctx.number(g.poe_class),
                 profiles.get(g.rights_profile, g.rights_profile or ""), g.notes or "") for g in groups]
        if not with_server:
            headers.pop(4)
            rows = [r[:4] + r[5:] for r in rows]
        blocks += titled_table(ctx, w("terminals.models"), headers, rows, level=3)
    return blocks


def _cti(ctx: SectionContext) -> list:
    w = ctx.w
    return titled_table(
        ctx, w("terminals.cti"),
        [w("common.name"), w("terminals.protocol"), w("terminals.product"), w("common.server"), w("terminals.users")],
        [(c.name, c.protocol, c.product or "", server_name(ctx, c.server), ctx.number(c.users)) for c in sorted(ctx.project.terminals.cti, key=lambda c: c.id)],
    )


def _mobile(ctx: SectionContext) -> list:
    w = ctx.w
    return titled_table(
        ctx, w("terminals.mobile"),
        [w("terminals.product"), w("terminals.kind"), w("common.server"), w("terminals.users"), w("common.notes")],
        [(m.product, w(f"terminals.mobile_kind.{m.kind}"), server_name(ctx, m.server), ctx.number(m.users), m.notes or "")
         for m in sorted(ctx.project.terminals.mobile_integration, key=lambda m: m.id)],
    )


def _applications(ctx: SectionContext) -> list:
    w = ctx.w
    return titled_table(
        ctx, w("terminals.applications"),
        [w("common.name"), w("terminals.kind"), w("terminals.product"), w("terminals.version"), w("terminals.host"), w("common.server"), w("common.backup")],
        [(a.name, w(f"terminals.app_kind.{a.kind}"), a.product, a.version or "", a.host or "", server_name(ctx, a.server), ctx.label("backup_kind", a.backup))
         for a in sorted(ctx.project.terminals.application_servers, key=lambda a: a.id)],
    )


def _dect(ctx: SectionContext) -> list:
    p = ctx.project
    w = ctx.w
    blocks: list = [Heading(2, w("terminals.dect"))]
    if not p.dect.systems:
        return blocks + [ctx.none()]
    for system in sorted(p.dect.systems, key=lambda s: s.id):
        bases = sorted(p.bases_of(system.id), key=lambda b: b.id)
        handsets = p.handsets_of(system.id)
        per_base = group_by(handsets, lambda h: h.base or "")
        repeaters = sorted((r for b in bases for r in p.repeaters_of(b.id)), key=lambda r: r.id)
        items = [
            (w("terminals.dect_kind"), ctx.label("dect_kind", system.kind)),
            (w("terminals.connection"), w(f"terminals.dect_connection.{system.connection}")),
            (w("common.server"), server_name(ctx, system.server)),
            (w("common.site"), ctx.site_name(system.site)),
            (w("terminals.vendor"), system.vendor),
            (w("terminals.manager"), join([system.manager_model, system.manager_version], " — ")),
            (w("common.ip_address"), system.manager_address or ""),
            (w("terminals.sync"), ctx.label("dect_sync", system.sync)),
            (w("terminals.counts"), w("terminals.counts_value", bases=ctx.number(len(bases)), repeaters=ctx.number(len(repeaters)), handsets=ctx.number(len(handsets)))),
            (w("system.admin_password"), ctx.secret(system.admin_password)),
            (w("common.notes"), system.notes or ""),
        ]
        blocks += [Heading(3, f"{system.name} ({system.id})"), Facts(tuple((k, v) for k, v in items if v))]
        blocks += titled_table(
            ctx, w("terminals.bases"),
            [w("common.id"), w("terminals.model_firmware"), w("terminals.location"), w("common.ip_address"),
             w("terminals.switch_port"), w("terminals.sync_cell"), w("terminals.repeaters"), w("terminals.handsets"), w("terminals.busy_calls")],
            [(b.id, join([b.model, b.firmware_version], "\n"), b.location, b.address or "",
              join([join([b.switch, b.switch_port], " / "), w("terminals.poe_class_value", value=b.poe_class) if b.poe_class is not None else None], "\n"),
              join([ctx.number(b.sync_cluster), ctx.number(b.sync_level)], " / "), ctx.number(len(p.repeaters_of(b.id))), ctx.number(len(per_base.get(b.id, []))), ctx.number(b.busy_calls))
             for b in bases],
            level=4,
        )
        if repeaters:
            blocks += titled_table(
                ctx, w("terminals.repeaters"),
                [w("common.id"), w("terminals.model"), w("terminals.location"), w("terminals.base")],
                [(r.id, r.model, r.location, r.base) for r in repeaters],
                level=4,
            )
        unassigned = len(per_base.get("", []))
        if unassigned:
            blocks.append(Facts(((w("terminals.handsets_without_base"), ctx.number(unassigned)),)))
        if handsets and len(handsets) <= INLINE_HANDSETS:
            blocks += titled_table(
                ctx, w("terminals.handset_list"),
                [w("numbering.extension"), w("terminals.user"), w("terminals.model"), w("terminals.ipei"), w("terminals.base"), w("common.notes")],
                [(h.extension or "", ctx.person_name(h.user), h.model, h.ipei or "", h.base or "", h.notes or "")
                 for h in sorted(handsets, key=lambda h: (len(h.extension or ""), h.extension or "", h.id))],
                level=4, css_class="sortable",
            )
        path = diagram_path(ctx.diagrams, "dect", system.id)
        if path:
            blocks.append(Figure(path, w("terminals.dect_caption", system=system.name)))
    return blocks
