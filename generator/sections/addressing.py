"""The addressing plan: VLANs, subnets with DHCP, fixed addresses, network devices, network diagram."""

from __future__ import annotations

import ipaddress

from generator.document import Document, Figure
from generator.sections.common import SectionContext, join, product, titled_table
from generator.sections.figures import diagram_path


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
        [(s.network, s.name, ctx.number(s.vlan), ctx.site_name(s.site), s.gateway or "", _dhcp(ctx, s.dhcp), join(s.dns)) for s in subnets],
    ))
    subnet_names = {s.id: s.name for s in p.network.subnets}
    doc.add(*titled_table(
        ctx, w("addressing.fixed"),
        [w("common.ip_address"), w("addressing.hostname"), w("addressing.subnet"), w("addressing.device"), w("addressing.mac"), w("addressing.role")],
        [(a.address, a.hostname, subnet_names.get(a.subnet, a.subnet or ""), ctx.equipment_name(a.device) if a.device else "", a.mac or "", a.role or "")
         for a in sorted(p.addresses, key=lambda a: _ip_key(a.address))],
        css_class="sortable",
    ))
    devices = sorted(p.network.devices, key=lambda d: (d.site, d.kind.value, d.id))
    doc.add(*titled_table(
        ctx, w("addressing.devices"),
        [w("common.name"), w("addressing.kind"), w("addressing.product"), w("common.site"), w("common.ip_address"), w("common.firmware"),
         w("addressing.location"), w("addressing.poe_budget"), w("addressing.ptp"), w("common.backup")],
        [(f"{d.name} ({d.id})", ctx.label("device_kind", d.kind), product(d.vendor, d.model), ctx.site_name(d.site), d.address or "", d.firmware_version or "",
          d.location or "", w("addressing.watts", watts=ctx.number(d.poe_budget_w)) if d.poe_budget_w is not None else "", ctx.yes_no(d.ptp),
          ctx.label("backup_kind", d.backup)) for d in devices],
    ))
    secrets = [(f"{d.name} ({d.id})", ctx.secret(d.admin_password)) for d in devices if d.admin_password]
    if secrets:
        doc.add(*titled_table(ctx, w("addressing.credentials"), [w("common.name"), w("system.admin_password")], secrets, level=3))
    path = diagram_path(p, "network")
    if path:
        doc.add(Figure(path, w("addressing.network_caption")))
    return [doc]


def _dhcp(ctx: SectionContext, dhcp) -> str:
    if dhcp is None:
        return ""
    text = f"{dhcp.start} – {dhcp.end}"
    if dhcp.server:
        text += " " + ctx.w("addressing.served_by", server=ctx.equipment_name(dhcp.server) if dhcp.server in ctx.project.equipment else dhcp.server)
    return text + (f"\n{dhcp.options}" if dhcp.options else "")
