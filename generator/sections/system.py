"""The communication system: servers, platform, cards per slot, versions, failover and the overview."""

from __future__ import annotations

from generator.document import Document, Facts, Figure, Heading
from generator.sections.common import SectionContext, join, table
from generator.sections.figures import diagram_path
from generator.words import product


def build(ctx: SectionContext) -> list[Document]:
    doc = Document(ctx.w("system.title"), slug="system")
    servers = sorted(ctx.project.servers, key=lambda s: s.id)
    doc.add(table(
        [ctx.w("common.name"), ctx.w("system.model"), ctx.w("system.platform"), ctx.w("system.role"), ctx.w("system.software"), ctx.w("common.site")],
        [(s.name, product(s.vendor, s.model), ctx.label("platform", s.platform), ctx.label("server_role", s.role), s.software_version, ctx.site_name(s.site)) for s in servers],
    ))
    for server in servers:
        doc.add(*_server(ctx, server))
    if len(ctx.project.sites) > 1:
        for site in sorted(ctx.project.sites, key=lambda s: s.id):
            path = diagram_path(ctx.diagrams, "overview", site.id)
            if path:
                doc.add(Figure(path, ctx.w("system.site_overview_caption", site=site.name)))
    return [doc]


def _server(ctx: SectionContext, s) -> list:
    partner = ctx.project.server_by_id.get(s.failover_partner) if s.failover_partner else None
    items = [
        (ctx.w("system.model"), product(s.vendor, s.model)),
        (ctx.w("system.platform"), ctx.label("platform", s.platform)),
        (ctx.w("system.edition"), s.edition or ""),
        (ctx.w("system.software"), s.software_version),
        (ctx.w("system.firmware"), s.firmware_version or ""),
        (ctx.w("system.role"), ctx.label("server_role", s.role)),
        (ctx.w("system.failover_partner"), f"{partner.name} ({partner.id})" if partner else (s.failover_partner or "")),
        (ctx.w("common.site"), ctx.site_name(s.site)),
        (ctx.w("system.hostname"), s.hostname or ""),
        (ctx.w("common.ip_address"), s.address or ""),
        (ctx.w("system.host"), s.host or ""),
        (ctx.w("common.serial"), s.serial or ""),
        (ctx.w("system.power_supply"), ctx.w(f"system.psu.{s.power_supply}") if s.power_supply else ""),
        (ctx.w("system.redundant_fans"), ctx.yes_no(s.redundant_fans) if s.slots else ""),
        (ctx.w("domain.media.voip_channels"), ctx.number(s.voip_channels) if s.voip_channels is not None else ""),
        (ctx.w("domain.media.voip_mode"), ctx.label("voip_mode", s.voip_mode) if s.voip_mode else ""),
        (ctx.w("system.admin_url"), s.admin_url or ""),
        (ctx.w("system.admin_password"), ctx.secret(s.admin_password)),
        (ctx.w("common.notes"), s.notes or ""),
    ]
    blocks: list = [Heading(2, f"{s.name} ({s.id})"), Facts(tuple((k, v) for k, v in items if v))]
    if s.slots:
        blocks += [
            Heading(3, ctx.w("system.cards")),
            table(
                [ctx.w("system.slot"), ctx.w("system.card"), ctx.w("system.modules"), ctx.w("common.serial"), ctx.w("common.notes")],
                [(ctx.number(c.slot), c.type, join(c.modules), c.serial or "", c.notes or "") for c in sorted(s.slots, key=lambda c: c.slot)],
            ),
        ]
    blocks += _security(ctx, s)
    path = diagram_path(ctx.diagrams, "overview", s.id)
    if path:
        blocks.append(Figure(path, ctx.w("system.overview_caption", server=s.name)))
    return blocks


def _security(ctx: SectionContext, s) -> list:
    """The server's recorded hardening state and certificates."""
    sec = s.security
    if sec is None:
        return []
    w = ctx.w
    pin = join([w("domain.security.pin_value", length=ctx.number(sec.voicemail_pin_min_length)) if sec.voicemail_pin_min_length is not None else "",
                {True: w("domain.security.trivial_blocked"), False: w("domain.security.trivial_allowed")}.get(sec.voicemail_trivial_pins_blocked, "")])
    items = [
        (w("domain.security.ntp"), sec.ntp_server or ""),
        (w("domain.security.disa"), ctx.label("disa", sec.disa)),
        (w("domain.security.admin_exposed"), ctx.yes_no(sec.admin_exposed)),
        (w("domain.security.sip_exposed"), ctx.yes_no(sec.sip_exposed)),
        (w("domain.security.default_credentials"), join(sec.default_credentials) or w("common.none_recorded")),
        (w("domain.security.pin_policy"), pin),
    ]
    blocks: list = [Heading(3, w("domain.security.title")), Facts(tuple((k, v) for k, v in items if v))]
    if sec.certificates:
        blocks += [Heading(4, w("domain.security.certificates")), table(
            [w("domain.security.certificate"), w("domain.security.purpose"), w("domain.security.issuer"), w("domain.security.expiry")],
            [(c.name, ctx.label("certificate_purpose", c.purpose), c.issuer or "", join([ctx.date(c.expiry), ctx.relative(c.expiry)], " — "))
             for c in sorted(sec.certificates, key=lambda c: (c.expiry, c.name))],
        )]
    return blocks
