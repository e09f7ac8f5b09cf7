"""Availability: what each UPS powers, the WAN links (primary and backup) and the SIP providers over
them, failover partners and the disaster-recovery arrangement. Single points of failure found by the
checks (findings of category availability) are marked in red on the object they concern."""

from __future__ import annotations

import re
from collections import defaultdict

from generator.diagrams.graph import ALERT, INK, Graph, Html, esc, root_graph
from generator.diagrams.labels import PALETTE, _line, card, cluster_label, cluster_style
from generator.diagrams.network import DEVICE_ICONS, ordered_sites
from generator.diagrams.overview import SPECIAL_ICONS
from generator.i18n import Translator
from generator.model.dect import DectBase, DectSystem
from generator.model.network import Device
from generator.model.project import Project
from generator.model.telephony import ApplicationServer, CommunicationServer, SpecialInterface

CATEGORY = "availability"


def alerts_by_object(project: Project) -> dict[str, list[str]]:
    """Active findings of the availability category, as marker lines per object id."""
    marks: dict[str, list[str]] = defaultdict(list)
    for f in project.findings:
        if f.active and f.category.lower() == CATEGORY:
            marks[f.object_id].append(f"{f.rule}: {f.title}")
    return marks


def _equipment_card(project: Project, t: Translator, obj, details: list[str], alerts: list[str]) -> Html:
    if isinstance(obj, CommunicationServer):
        return card("server", obj.name, [f"{obj.model} · {t.label('server_role', obj.role)}", *details], "server", alerts)
    if isinstance(obj, Device):
        return card(DEVICE_ICONS[obj.kind.value], obj.name, [f"{t.label('device_kind', obj.kind)} · {obj.vendor} {obj.model}", *details], "network", alerts)
    if isinstance(obj, DectSystem):
        return card("dect_manager", obj.name, [obj.manager_model or t.label("dect_kind", obj.kind), *details], "terminal", alerts)
    if isinstance(obj, DectBase):
        return card("dect_base", obj.id, [obj.model, *details], "terminal", alerts)
    if isinstance(obj, SpecialInterface):
        return card(SPECIAL_ICONS[obj.kind.value], obj.name, [t.label("special_interface_kind", obj.kind), *details], "special", alerts)
    if isinstance(obj, ApplicationServer):
        return card("application", obj.name, [obj.product, *details], "application", alerts)
    return card("other_system", getattr(obj, "name", obj.id), details, "network", alerts)


def _host_id(project: Project, server: CommunicationServer) -> str | None:
    """The device a virtual server runs on, when its host text starts with a device id."""
    if not server.host:
        return None
    first = re.split(r"[\s(,;]", server.host.strip(), maxsplit=1)[0]
    return first if first in project.device_by_id else None


def build(project: Project, t: Translator, title: str) -> Graph:
    graph = root_graph(label=Html(_line(esc(title, 90), 16, INK, bold=True)), labelloc="t", labeljust="l", ranksep="0.8")
    alerts = alerts_by_object(project)
    avail = project.availability
    powered_by: dict[str, list[str]] = defaultdict(list)
    for ups in avail.ups:
        for obj_id in ups.powers:
            powered_by[obj_id].append(ups.id)
    feeds: dict[str, int] = defaultdict(int)
    for base in project.dect.bases:
        if base.switch:
            feeds[base.switch] += 1
    hosts = {s.id: _host_id(project, s) for s in project.servers}
    providers: dict[str, set[str]] = defaultdict(set)
    for trunk in project.interfaces.sip_trunks:
        providers[trunk.server].add(trunk.provider)
    shown: set[str] = {s.id for s in project.servers} | set(powered_by) | {w.router for w in avail.wan_links if w.router} | {h for h in hosts.values() if h}
    shown = {i for i in shown if i in project.equipment}
    site_of = {i: getattr(project.equipment[i], "site", None) for i in shown}
    nodes: dict[str, str] = {}
    clusters: dict[str | None, Graph] = {}
    for site in ordered_sites(project):
        clusters[site.id] = graph.cluster(cluster_label(site.name, "network"), **cluster_style("network"))
    for obj_id in sorted(shown, key=lambda i: (not isinstance(project.equipment[i], CommunicationServer), i)):
        obj = project.equipment[obj_id]
        on_ups = obj_id in powered_by or (obj_id in hosts and hosts[obj_id] in powered_by)
        details = [None if on_ups else t.t("diagrams.availability.no_ups"), obj_id in providers and t.t("diagrams.availability.sip_providers", count=len(providers[obj_id])), feeds.get(obj_id) and t.t("diagrams.availability.feeds_bases", count=feeds[obj_id])]
        target = clusters.get(site_of[obj_id], graph)
        nodes[obj_id] = target.node(_equipment_card(project, t, obj, [d for d in details if d], alerts.get(obj_id, [])))
    for ups in sorted(avail.ups, key=lambda u: u.id):
        load = ups.load_w is not None and t.t("diagrams.availability.load", watts=t.number(ups.load_w, 0), percent=t.number(100 * ups.load_w / ups.capacity_w, 0))
        details = [f"{t.number(ups.capacity_va)} VA / {t.number(ups.capacity_w)} W", load, ups.runtime_min is not None and t.t("diagrams.availability.runtime", minutes=ups.runtime_min), ups.battery_date and t.t("diagrams.availability.battery", date=t.date(ups.battery_date))]
        node = clusters.get(ups.site, graph).node(card("ups", ups.model, [ups.id, *details], "power", alerts.get(ups.id, [])))
        nodes[ups.id] = node
        for obj_id in ups.powers:
            if obj_id in nodes:
                graph.edge(node, nodes[obj_id], color=PALETTE["power"][0])
    for server in project.servers:
        if hosts[server.id]:
            graph.edge(nodes[hosts[server.id]], nodes[server.id], label=t.t("diagrams.availability.hosts"), style="dotted", dir="none")
    wan_nodes: dict[str, str] = {}
    for site in ordered_sites(project):
        links = sorted((w for w in avail.wan_links if w.site == site.id), key=lambda w: (w.role != "primary", w.id))
        for w in links:
            details = [w.bandwidth, t.t(f"diagrams.wan_role.{w.role}")]
            if len(links) == 1:
                details.append(t.t("diagrams.availability.single_wan"))
            wan_nodes[w.id] = clusters[site.id].node(card("wan", f"{w.provider} — {t.label('wan_medium', w.medium)}", details, "public", alerts.get(w.id, [])))
            if w.router in nodes:
                graph.edge(wan_nodes[w.id], nodes[w.router], dir="none", style="dashed" if w.role == "backup" else "solid", color=PALETTE["public"][0])
    for trunk in sorted(project.interfaces.sip_trunks, key=lambda tr: tr.id):
        home = clusters.get(project.server_by_id[trunk.server].site if trunk.server in project.server_by_id else None, graph)
        node = home.node(card("sip_trunk", t.t("diagrams.overview.sip_trunk", provider=trunk.provider), [t.t("diagrams.overview.channels", count=trunk.channels)], "public", alerts.get(trunk.id, [])))
        nodes[trunk.id] = node
        if trunk.wan_link in wan_nodes:
            graph.edge(node, wan_nodes[trunk.wan_link], dir="none", color=PALETTE["public"][0], style="dotted")
        elif trunk.server in nodes:
            graph.edge(node, nodes[trunk.server], dir="none", color=PALETTE["public"][0])
    pairs = sorted({tuple(sorted((s.id, s.failover_partner))) for s in project.servers if s.failover_partner and s.failover_partner in nodes})
    for a, b in pairs:
        graph.edge(nodes[a], nodes[b], label=Html(_line(esc(t.t("diagrams.availability.failover")), 10, PALETTE["server"][0], True)), dir="both", style="bold", color=PALETTE["server"][0], constraint="false")
    dr = avail.disaster_recovery
    if dr is not None:
        rto = " · ".join(x for x in (dr.rto_hours is not None and f"RTO {t.number(dr.rto_hours)} h", dr.rpo_hours is not None and f"RPO {t.number(dr.rpo_hours)} h") if x)
        where = dr.site and (project.site_by_id[dr.site].name if dr.site in project.site_by_id else dr.site)
        summary = dr.description if len(dr.description) <= 120 else dr.description[:117].rstrip() + "…"
        dr_node = graph.node(card("site", t.t("diagrams.availability.dr"), [where, rto, summary], "private"))
        for server in sorted(project.servers, key=lambda s: s.id):
            if server.role != "standby":
                graph.edge(nodes[server.id], dr_node, style="dotted", color=PALETTE["private"][0])
    if avail.generator:
        graph.node(card("generator", t.t("diagrams.availability.generator"), [avail.generator], "power"))
    unplaced = sorted((f for f in project.findings if f.active and f.category.lower() == CATEGORY and f.object_id not in nodes), key=lambda f: (f.rule, f.object_id))
    if unplaced:
        lines = [f"{f.object_id} — {f.rule}: {f.title}" for f in unplaced]
        graph.node(card("alert", t.t("diagrams.availability.other_findings"), lines, "alert"))
    return graph
