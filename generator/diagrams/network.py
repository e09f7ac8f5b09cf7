"""Network and sites: per site, the WAN links and their medium, the routers they end on, the VLANs
and subnets (with the communication servers and DECT equipment in each) and the other devices;
site interconnects between sites."""

from __future__ import annotations

import ipaddress
from collections import defaultdict

from generator.diagrams.graph import INK, Graph, Html, esc, root_graph
from generator.diagrams.labels import PALETTE, styled, card, cluster_label, cluster_style, table
from generator.i18n import Translator
from generator.model.network import DeviceKind, Subnet
from generator.model.project import Project
from generator.words import product

DEVICE_ICONS = {
    "router": "router", "firewall": "firewall", "switch": "switch", "ont": "router", "modem": "router", "gateway": "router",
    "ata": "analogue_phone", "sbc": "firewall", "hypervisor": "server", "nas": "nas", "server": "server", "access_point": "dect_base", "other": "other_system",
}
EDGE_KINDS = {DeviceKind.ROUTER, DeviceKind.FIREWALL, DeviceKind.SBC}
GRID_COLUMNS = 6  # site cards per row of a summary: fits A4 landscape


def subnet_of(subnets: list[Subnet], address: str | None) -> Subnet | None:
    if not address:
        return None
    ip = ipaddress.ip_address(address)
    return next((s for s in subnets if ip in ipaddress.ip_network(s.network)), None)


def ordered_sites(project: Project):
    """Main site first, then branches, DR and data centres, each by id: a stable top-to-bottom order."""
    rank = {"main": 0, "branch": 1, "datacentre": 2, "dr": 3}
    return sorted(project.sites, key=lambda s: (rank[s.role], s.id))


def _telephony(project: Project, t: Translator) -> dict[str | None, list[str]]:
    """What of the telephony sits in each subnet (by subnet id; None: no known subnet)."""
    subnets = project.network.subnets
    found: dict[str | None, list[str]] = defaultdict(list)
    for server in sorted(project.servers, key=lambda s: s.id):
        net = subnet_of(subnets, server.address)
        found[net.id if net else None].append(server.name)
    for system in sorted(project.dect.systems, key=lambda s: s.id):
        if system.manager_address:
            net = subnet_of(subnets, system.manager_address)
            found[net.id if net else None].append(t.t("diagrams.network.dect_manager", name=system.name))
    bases: dict[str | None, int] = defaultdict(int)
    for base in project.dect.bases:
        if base.address:
            net = subnet_of(subnets, base.address)
            bases[net.id if net else None] += 1
    for net_id, count in sorted(bases.items(), key=lambda kv: str(kv[0])):
        found[net_id].append(t.t("diagrams.network.dect_bases", count=count))
    return found


def sites_with_network(project: Project) -> list:
    used = {s.site for s in project.network.subnets} | {d.site for d in project.network.devices} | {w.site for w in project.availability.wan_links}
    return [s for s in ordered_sites(project) if s.id in used]


def _subnet_name(project: Project, t: Translator, subnet: Subnet, site_id: str) -> str:
    """A subnet stretched to this site from another says where it is routed from."""
    if subnet.site == site_id or subnet.site not in project.site_by_id:
        return subnet.name
    return t.t("diagrams.network.stretched", name=subnet.name, site=project.site_by_id[subnet.site].name)


def build(project: Project, t: Translator, title: str, site_ids: set[str] | None = None) -> Graph:
    """The detailed view of every site (or of the given ones)."""
    graph = root_graph(label=Html(styled(esc(title, 90), 16, INK, bold=True)), labelloc="t", labeljust="l", ranksep="0.7")
    internet = graph.node(card("wan", t.t("diagrams.network.internet"), [], "public"))
    telephony = _telephony(project, t)
    anchors: dict[str, str] = {}  # site id -> the node site interconnects attach to
    devices = project.device_by_id
    for site in ordered_sites(project):
        if site_ids is not None and site.id not in site_ids:
            continue
        subnets = sorted((s for s in project.network.subnets if site.id in s.sites), key=lambda s: (s.vlan or 0, s.network))  # a stretched subnet at each site
        site_devices = sorted((d for d in project.network.devices if d.site == site.id), key=lambda d: d.id)
        wans = sorted((w for w in project.availability.wan_links if w.site == site.id), key=lambda w: (w.role != "primary", w.id))
        if not (subnets or site_devices or wans):
            continue
        # A one-site diagram is named for its site: no frame around it (and no cluster for dot to order).
        cluster = graph if site_ids is not None else graph.cluster(cluster_label(f"{site.name} — {t.label('site_role', site.role)}", "network"), **cluster_style("network"))
        wan_routers = {w.router for w in wans if w.router in devices}
        edge_devices = [d for d in site_devices if d.kind in EDGE_KINDS or d.id in wan_routers]
        edge_nodes = {d.id: cluster.node(card(DEVICE_ICONS[d.kind.value], d.name, [f"{t.label('device_kind', d.kind)} · {product(d.vendor, d.model)}", d.address], "network"), object_id=d.id) for d in edge_devices}
        rows = [(None, [str(s.vlan or "—"), _subnet_name(project, t, s, site.id), s.network, ", ".join(telephony.get(s.id, [])) or "—"]) for s in subnets]
        inner = cluster.node(table(None, t.t("diagrams.network.subnets"), [t.t("diagrams.network.vlan"), t.t("diagrams.network.name"), t.t("diagrams.network.network"), t.t("diagrams.network.telephony")], rows, "network")) if rows else None
        others = [d for d in site_devices if d.id not in edge_nodes]
        if others:
            device_rows = [(None, [t.label("device_kind", d.kind), d.name, product(d.vendor, d.model), d.address or "—"]) for d in others]
            other_node = cluster.node(table(None, t.t("diagrams.network.devices"), [t.t("diagrams.network.kind"), t.t("diagrams.network.name"), t.t("diagrams.network.model"), t.t("diagrams.network.address")], device_rows, "network"))
        else:
            other_node = None
        for w in wans:
            role = t.t(f"diagrams.wan_role.{w.role}")
            node = cluster.node(card("wan", f"{w.provider} — {t.label('wan_medium', w.medium)}", [w.bandwidth, role], "public"), object_id=w.id)
            graph.edge(internet, node, dir="none", style="dashed" if w.role == "backup" else "solid", color=PALETTE["public"][0])
            target = edge_nodes.get(w.router) or (next(iter(edge_nodes.values())) if edge_nodes else inner or other_node)
            if target:
                graph.edge(node, target, dir="none", color=PALETTE["public"][0])
        for node in edge_nodes.values():
            for target in (inner, other_node):
                if target:
                    graph.edge(node, target, dir="none")
        anchor = inner or other_node or next(iter(edge_nodes.values()), None)
        if anchor:
            anchors[site.id] = anchor
    graph.stack(list(anchors.values()))  # sites top to bottom: main site first
    for line in sorted(project.interfaces.private_lines, key=lambda pl: pl.id):
        here = project.server_by_id[line.server].site if line.server in project.server_by_id else None
        if here in anchors and line.remote_site in anchors and here != line.remote_site:
            label = " · ".join(x for x in (line.protocol, line.medium) if x)
            # xlabel, not label: a labelled edge that does not constrain ranks crashes dot ("trouble in init_rank").
            graph.edge(anchors[here], anchors[line.remote_site], xlabel=Html(styled(esc(label, 30), 9, PALETTE["private"][0])), style="dashed", color=PALETTE["private"][0], dir="both", constraint="false")
    return graph


def summary(project: Project, t: Translator, title: str) -> Graph:
    """Many sites: one card per site (WAN links, VLANs and subnets, telephony, interconnects) in a
    grid; each site has its own detailed diagram."""
    graph = root_graph(rankdir="TB", label=Html(styled(esc(title, 90), 16, INK, bold=True)), labelloc="t", labeljust="l", ranksep="0.3", nodesep="0.3")
    telephony = _telephony(project, t)
    nodes = []
    for site in sites_with_network(project):
        wans = sorted((w for w in project.availability.wan_links if w.site == site.id), key=lambda w: (w.role != "primary", w.id))
        subnets = [s for s in project.network.subnets if site.id in s.sites]
        vlans = {s.vlan for s in subnets if s.vlan}
        systems = sorted({name for s in subnets for name in telephony.get(s.id, [])})
        links = sorted({project.site_by_id[pl.remote_site].name for pl in project.interfaces.private_lines if getattr(project.server_by_id.get(pl.server), "site", None) == site.id and pl.remote_site in project.site_by_id})
        details = [t.label("site_role", site.role)]
        details += [f"{t.label('wan_medium', w.medium)} · {w.provider} · {t.t(f'diagrams.wan_role.{w.role}')}" for w in wans]
        details.append(t.t("diagrams.network.counts", vlans=len(vlans), subnets=len(subnets), devices=sum(1 for d in project.network.devices if d.site == site.id)))
        details += systems[:4]
        details += [t.t("diagrams.overview.to_site", site=name) for name in links]
        nodes.append(graph.node(card("site", site.name, details, "network")))
    graph.grid(nodes, GRID_COLUMNS)
    return graph
