"""The addressing plan: VLANs, subnets with DHCP, fixed addresses, network devices, network diagram.

Beyond `INLINE_ADDRESSES` fixed addresses the list moves to a page of its own
(`addressing-addresses`), one sortable table per site, as the users list does.
"""

from __future__ import annotations

import ipaddress

from generator.document import Document, Figure, Heading, Paragraph
from generator.sections.common import SectionContext, group_by, join, titled_table
from generator.sections.figures import diagram_path
from generator.words import product

INLINE_ADDRESSES = 300
ADDRESSES_SLUG = "addressing-addresses"


def _ip_key(address: str | None) -> tuple:
    if not address:
        return (2, 0, "")
    ip = ipaddress.ip_address(address)
    return (ip.version, int(ip), address)


def build(ctx: SectionContext) -> list[Document]:
    p = ctx.project
    w = ctx.w
    doc = Document(w("addressing.title"), slug="addressing")
    doc.add(*titled_table(
        ctx, w("addressing.vlans"), [w("addressing.vlan"), w("common.name"), w("addressing.purpose")],
        [(ctx.number(v.id), v.name, v.purpose or "") for v in sorted(p.network.vlans, key=lambda v: v.id)],
    ))
    subnets = sorted(p.network.subnets, key=lambda s: (s.site, ipaddress.ip_network(s.network).version, int(ipaddress.ip_network(s.network).network_address)))
    doc.add(*titled_table(
        ctx, w("addressing.subnets"),
        [w("addressing.network"), w("common.name"), w("addressing.vlan"), w("common.site"), w("addressing.gateway"), w("addressing.dhcp"), w("addressing.dns")],
        [(s.network, s.name, ctx.number(s.vlan), join(ctx.site_name(x) for x in s.sites), s.gateway or "", _dhcp(ctx, s.dhcp), join(s.dns)) for s in subnets],
    ))
    inline = len(p.addresses) <= INLINE_ADDRESSES
    if inline:
        doc.add(*_addresses(ctx, w("addressing.fixed"), p.addresses, level=2))
    else:
        doc.add(Heading(2, w("addressing.fixed")),
                Paragraph((w("addressing.fixed_elsewhere", count=ctx.number(len(p.addresses)), title=w("addressing.fixed_page_title")),)))
    devices = sorted(p.network.devices, key=lambda d: (d.site, d.kind.value, d.id))
    doc.add(*titled_table(
        ctx, w("addressing.devices"),
        [w("common.name"), w("addressing.kind"), w("addressing.product_firmware"), w("addressing.site_location"), w("common.ip_address"),
         w("addressing.poe_ptp"), w("common.backup")],
        [(f"{d.name} ({d.id})", ctx.label("device_kind", d.kind), join([product(d.vendor, d.model), d.firmware_version], "\n"),
          join([ctx.site_name(d.site), d.location], "\n"), d.address or "", _poe_ptp(ctx, d), ctx.label("backup_kind", d.backup)) for d in devices],
    ))
    secrets = [(f"{d.name} ({d.id})", ctx.secret(d.admin_password)) for d in devices if d.admin_password]
    if secrets:
        doc.add(*titled_table(ctx, w("addressing.credentials"), [w("common.name"), w("system.admin_password")], secrets, level=3))
    path = diagram_path(ctx.diagrams, "network")
    if path:
        doc.add(Figure(path, w("addressing.network_caption")))
    return [doc] if inline else [doc, addresses_document(ctx)]


def _addresses(ctx: SectionContext, title: str, entries, level: int) -> list:
    w = ctx.w
    subnet_names = {s.id: s.name for s in ctx.project.network.subnets}
    return titled_table(
        ctx, title,
        [w("common.ip_address"), w("addressing.hostname"), w("addressing.subnet"), w("addressing.device"), w("addressing.mac"), w("addressing.role")],
        [(a.address, a.hostname, subnet_names.get(a.subnet, a.subnet or ""), ctx.equipment_name(a.device) if a.device else "", a.mac or "", a.role or "")
         for a in sorted(entries, key=lambda a: _ip_key(a.address))],
        level=level, css_class="sortable",
    )


def addresses_document(ctx: SectionContext) -> Document:
    """Every fixed address, one table per site (by the site of its subnet), in address order."""
    doc = Document(ctx.w("addressing.fixed_page_title"), slug=ADDRESSES_SLUG)
    site_of = {s.id: s.site for s in ctx.project.network.subnets}
    by_site = group_by(ctx.project.addresses, lambda a: site_of.get(a.subnet, ""))
    for site in [*sorted(ctx.project.sites, key=lambda s: s.id), None]:
        entries = by_site.get(site.id if site else "", [])
        if entries:
            title = ctx.w("addressing.at_site", site=site.name if site else ctx.w("addressing.no_site"), count=ctx.number(len(entries)))
            doc.add(*_addresses(ctx, title, entries, level=2))
    return doc


def _poe_ptp(ctx: SectionContext, device) -> str:
    """What a switch offers the phones and DECT bases: its PoE budget and PTP support."""
    parts = []
    if device.poe_budget_w is not None:
        parts.append(ctx.w("addressing.watts", watts=ctx.number(device.poe_budget_w)))
    if device.ptp is not None:
        parts.append(ctx.w("addressing.ptp_value", value=ctx.yes_no(device.ptp)))
    return "\n".join(parts)


def _dhcp(ctx: SectionContext, dhcp) -> str:
    if dhcp is None:
        return ""
    text = f"{dhcp.start} – {dhcp.end}"
    if dhcp.server:
        text += " " + ctx.w("addressing.served_by", server=ctx.equipment_name(dhcp.server) if dhcp.server in ctx.project.equipment else dhcp.server)
    return text + (f"\n{dhcp.options}" if dhcp.options else "")
