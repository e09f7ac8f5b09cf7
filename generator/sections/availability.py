"""Availability (course 6.1): UPS, WAN links, providers and fallback routes, failover, disaster recovery."""

from __future__ import annotations

from generator.document import Document, Facts, Figure, Heading
from generator.sections.common import SectionContext, join, titled_table
from generator.sections.figures import diagram_path
from generator.sections.interfaces import server_name


def build(ctx: SectionContext) -> list[Document]:
    doc = Document(ctx.w("availability.title"), slug="availability")
    doc.add(*_ups(ctx), *_wan(ctx), *_routes(ctx), *_failover(ctx), *_recovery(ctx))
    path = diagram_path(ctx.diagrams, "availability")
    if path:
        doc.add(Figure(path, ctx.w("availability.caption")))
    return [doc]


def _ups(ctx: SectionContext) -> list:
    w = ctx.w
    limit = ctx.project.pbxdoc.policy.ups_max_load_percent
    rows = []
    for u in sorted(ctx.project.availability.ups, key=lambda u: (u.site, u.id)):
        load = u.load_w / u.capacity_w if u.load_w is not None else None
        state = "" if load is None else w("availability.load_ok") if load * 100 <= limit else w("availability.load_high", limit=ctx.number(limit))
        measured = "" if load is None else f"{w('addressing.watts', watts=ctx.number(u.load_w))} ({ctx.t.percent(round(load, 2))})\n{state}"
        rows.append((u.id, u.model, ctx.site_name(u.site), w("availability.capacity", va=ctx.number(u.capacity_va), w=ctx.number(u.capacity_w)), measured,
                     join([w("availability.minutes", minutes=ctx.number(u.runtime_min)) if u.runtime_min is not None else None,
                           w("domain.details.tested_on", date=ctx.date(u.runtime_tested)) if u.runtime_tested else None], "\n"),
                     ctx.date(u.battery_date), join(u.powers)))
    return titled_table(
        ctx, w("availability.ups"),
        [w("common.id"), w("availability.model"), w("common.site"), w("availability.capacity_header"), w("availability.load"), w("availability.runtime"), w("availability.battery"), w("availability.powers")],
        rows,
    )


def _wan(ctx: SectionContext) -> list:
    w = ctx.w
    return titled_table(
        ctx, w("availability.wan"),
        [w("common.id"), w("common.site"), w("availability.provider"), w("availability.medium"), w("availability.bandwidth"), w("availability.role"), w("availability.router")],
        [(link.id, ctx.site_name(link.site), link.provider, ctx.label("wan_medium", link.medium),
          join([link.bandwidth, ctx.w("domain.details.uplink_value", mbps=ctx.number(link.uplink_mbps)) if link.uplink_mbps else None], "\n"), w(f"availability.wan_role.{link.role}"),
          ctx.equipment_name(link.router) if link.router else "") for link in sorted(ctx.project.availability.wan_links, key=lambda x: (x.site, x.role != "primary", x.id))],
    )


def _routes(ctx: SectionContext) -> list:
    """Which provider carries the calls, and what takes over when it fails."""
    w = ctx.w
    i = ctx.project.interfaces
    providers = {t.id: f"{t.provider} ({t.id})" for t in i.sip_trunks}
    providers.update({line.id: f"{line.provider} {line.kind} ({line.id})" for line in i.isdn_lines})
    providers.update({line.id: f"{line.provider} ({line.id})" for line in i.analogue_lines})
    blocks = titled_table(
        ctx, w("availability.providers"),
        [w("common.id"), w("availability.provider"), w("interfaces.channels"), w("interfaces.wan_link")],
        [(t.id, t.provider, ctx.number(t.channels), t.wan_link or "") for t in sorted(i.sip_trunks, key=lambda t: t.id)],
    )
    routes = sorted(ctx.project.numbering.outbound_routes, key=lambda r: (r.server, r.id))
    blocks += titled_table(
        ctx, w("availability.fallback"),
        [w("common.id"), w("common.server"), w("numbering.pattern"), w("availability.primary"), w("availability.fallbacks")],
        [(r.id, server_name(ctx, r.server), r.pattern, providers.get(r.trunks[0], r.trunks[0]),
          join((providers.get(t, t) for t in r.trunks[1:]), " → ") or w("availability.no_fallback")) for r in routes],
        level=3,
    )
    return blocks


def _failover(ctx: SectionContext) -> list:
    w = ctx.w
    pairs = [s for s in sorted(ctx.project.servers, key=lambda s: s.id) if s.failover_partner]
    return titled_table(
        ctx, w("availability.failover"),
        [w("common.server"), w("system.role"), w("system.failover_partner"), w("common.site")],
        [(s.name, ctx.label("server_role", s.role), server_name(ctx, s.failover_partner), ctx.site_name(s.site)) for s in pairs],
    )


def _recovery(ctx: SectionContext) -> list:
    w = ctx.w
    a = ctx.project.availability
    blocks: list = [Heading(2, w("availability.recovery"))]
    dr = a.disaster_recovery
    items = []
    if dr:
        items += [
            (w("availability.dr_site"), ctx.site_name(dr.site)),
            (w("availability.dr_plan"), dr.description),
            (w("availability.rto"), w("availability.hours", hours=ctx.number(dr.rto_hours)) if dr.rto_hours is not None else ""),
            (w("availability.rpo"), w("availability.hours", hours=ctx.number(dr.rpo_hours)) if dr.rpo_hours is not None else ""),
        ]
    items.append((w("availability.generator"), a.generator or ""))
    items = [(k, v) for k, v in items if v]
    blocks.append(Facts(tuple(items)) if items else ctx.none())
    return blocks
