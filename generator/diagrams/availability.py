"""Availability: what each UPS powers, the WAN links (primary and backup) and the SIP providers over
them, failover partners and the disaster-recovery arrangement. Single points of failure found by the
checks (findings of category availability) are marked in red on the object they concern."""

from __future__ import annotations

import re
from collections import defaultdict

from generator.diagrams.graph import INK, Graph, Html, esc, root_graph
from generator.diagrams.equipment import item as equipment_item, unknown
from generator.diagrams.labels import PALETTE, card, cluster_label, cluster_style, group_table, styled
from generator.diagrams.network import GRID_COLUMNS, ordered_sites
from generator.i18n import Translator
from generator.model.project import Project
from generator.model.telephony import CommunicationServer

CATEGORY = "availability"


def alerts_by_object(project: Project, t: Translator) -> dict[str, list[str]]:
    """Active findings of the availability category, as marker lines per object id."""
    marks: dict[str, list[str]] = defaultdict(list)
    for f in project.findings:
        if f.active and f.category.lower() == CATEGORY:
            marks[f.object_id].append(f"{f.rule}: {f.title}")
    return marks


def _host_id(project: Project, server: CommunicationServer) -> str | None:
    """The device a virtual server runs on, when its host text starts with a device id."""
    if not server.host:
        return None
    first = re.split(r"[\s(,;]", server.host.strip(), maxsplit=1)[0]
    return first if first in project.device_by_id else None


def build(project: Project, t: Translator, title: str, site_ids: set[str] | None = None) -> Graph:
    """The detailed view of every site (or of the given ones)."""
    graph = root_graph(label=Html(styled(esc(title, 90), 16, INK, bold=True)), labelloc="t", labeljust="l", ranksep="0.9")
    alerts = alerts_by_object(project, t)
    avail = project.availability
    equipment = project.equipment
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

    def row(obj_id: str):
        details = [feeds.get(obj_id) and t.t("diagrams.availability.feeds_bases", count=feeds[obj_id]), obj_id in providers and t.t("diagrams.availability.sip_providers", count=len(providers[obj_id]))]
        partner = getattr(equipment.get(obj_id), "failover_partner", None)
        if partner:
            details.append(t.t("diagrams.availability.failover_with", name=getattr(equipment.get(partner), "name", partner)))
        if hosts.get(obj_id):
            details.append(t.t("diagrams.availability.runs_on", host=getattr(equipment[hosts[obj_id]], "name", hosts[obj_id])))
        return equipment_item(equipment[obj_id], t, details, alerts.get(obj_id, [])) if obj_id in equipment else unknown(obj_id, details)

    def order(ids) -> list[str]:
        return sorted(set(ids), key=lambda i: (not isinstance(equipment.get(i), CommunicationServer), i))

    on_ups = set(powered_by) | {s for s, h in hosts.items() if h in powered_by}
    # Servers, WAN routers, hosts of virtual servers, and any equipment a finding points at.
    wanted = {s.id for s in project.servers} | {w.router for w in avail.wan_links if w.router in equipment} | {h for h in hosts.values() if h} | (set(alerts) & set(equipment))
    firsts: list[str] = []  # the first table of each site, to keep the sites in reading order
    place: dict[str, str] = {}  # object id -> "node:port" prefix of its row
    wan_nodes: dict[str, str] = {}
    for site in ordered_sites(project):
        if site_ids is not None and site.id not in site_ids:
            continue
        ups_here = sorted((u for u in avail.ups if u.site == site.id), key=lambda u: u.id)
        bare = order(i for i in wanted - on_ups if getattr(equipment.get(i), "site", None) == site.id)
        links = sorted((w for w in avail.wan_links if w.site == site.id), key=lambda w: (w.role != "primary", w.id))
        if not (ups_here or bare or links):
            continue
        # A one-site diagram is named for its site: no frame around it (and no cluster for dot to order).
        cluster = graph if site_ids is not None else graph.cluster(cluster_label(site.name, "network"), **cluster_style("network"))
        tables: list[str] = []
        for ups in ups_here:
            load = ups.load_w is not None and t.t("diagrams.availability.load", watts=t.number(ups.load_w, 0), percent=t.number(100 * ups.load_w / ups.capacity_w, 0))
            facts = [f"{ups.id} · {t.number(ups.capacity_va)} VA / {t.number(ups.capacity_w)} W", load, " · ".join(x for x in (ups.runtime_min is not None and t.t("diagrams.availability.runtime", minutes=ups.runtime_min), ups.battery_date and t.t("diagrams.availability.battery", date=t.date(ups.battery_date))) if x)]
            powered = order([*ups.powers, *(s for s, h in hosts.items() if h in ups.powers)])  # a VM draws on its host's UPS
            node = cluster.node(group_table(ups.model, "power", [row(i) for i in powered], icon="ups", facts=facts, alerts=alerts.get(ups.id, [])), object_id=ups.id)
            tables.append(node)
            for n, obj_id in enumerate(powered):
                place.setdefault(obj_id, f"{node}:{{side}}{n}")
        if bare:
            node = cluster.node(group_table(t.t("diagrams.availability.no_ups"), "network", [row(i) for i in bare], icon="alert"))
            tables.append(node)
            for n, obj_id in enumerate(bare):
                place.setdefault(obj_id, f"{node}:{{side}}{n}")
        firsts += tables[:1]
        for w in links:
            details = [w.bandwidth, t.t(f"diagrams.wan_role.{w.role}"), len(links) == 1 and t.t("diagrams.availability.single_wan")]
            wan_nodes[w.id] = cluster.node(card("wan", f"{w.provider} — {t.label('wan_medium', w.medium)}", details, "public", alerts.get(w.id, [])), object_id=w.id)
            if w.router in place:
                graph.edge(wan_nodes[w.id], place[w.router].format(side="w") + ":w", dir="none", style="dashed" if w.role == "backup" else "solid", color=PALETTE["public"][0])
        for trunk in sorted((tr for tr in project.interfaces.sip_trunks if getattr(project.server_by_id.get(tr.server), "site", None) == site.id), key=lambda tr: tr.id):
            node = cluster.node(card("sip_trunk", t.t("diagrams.overview.sip_trunk", provider=trunk.provider), [t.t("diagrams.overview.channels", count=trunk.channels)], "public", alerts.get(trunk.id, [])), object_id=trunk.id)
            place.setdefault(trunk.id, node)
            if trunk.wan_link in wan_nodes:
                graph.edge(node, wan_nodes[trunk.wan_link], dir="none", color=PALETTE["public"][0], style="dotted")
            elif trunk.server in place:
                graph.edge(node, place[trunk.server].format(side="w") + ":w", dir="none", color=PALETTE["public"][0], style="dotted")
    dr = avail.disaster_recovery
    if dr is not None and any(s.id in place for s in project.servers):
        rto = " · ".join(x for x in (dr.rto_hours is not None and f"RTO {t.number(dr.rto_hours)} h", dr.rpo_hours is not None and f"RPO {t.number(dr.rpo_hours)} h") if x)
        where = dr.site and (project.site_by_id[dr.site].name if dr.site in project.site_by_id else dr.site)
        summary = dr.description if len(dr.description) <= 120 else dr.description[:117].rstrip() + "…"
        dr_node = graph.node(card("site", t.t("diagrams.availability.dr"), [where, rto, summary], "private"))
        for server in sorted(project.servers, key=lambda s: s.id):
            if server.role != "standby" and server.id in place:
                graph.edge(place[server.id].format(side="e") + ":e", dr_node, style="dotted", color=PALETTE["private"][0])
    if avail.generator and site_ids is None:
        graph.node(card("generator", t.t("diagrams.availability.generator"), [avail.generator], "power"))
    marked = set(place) | set(wan_nodes) | {u.id for u in avail.ups}
    if site_ids is None:
        _other_findings(project, t, graph, marked)
    graph.stack(firsts)
    return graph


def _other_findings(project: Project, t: Translator, graph: Graph, marked: set[str]) -> None:
    """Findings on objects the diagram has no place for (a site, a DR plan...), listed apart."""
    unplaced = sorted((f for f in project.findings if f.active and f.category.lower() == CATEGORY and f.object_id not in marked), key=lambda f: (f.rule, f.object_id))
    if unplaced:
        lines = [f"{f.object_id} — {f.rule}: {f.title}" for f in unplaced]
        graph.node(card("alert", t.t("diagrams.availability.other_findings"), lines, "alert"))


def sites_with_availability(project: Project) -> list:
    used = {u.site for u in project.availability.ups} | {w.site for w in project.availability.wan_links} | {s.site for s in project.servers}
    return [s for s in ordered_sites(project) if s.id in used]


def _site_of(project: Project, object_id: str) -> str | None:
    """The site an object of a finding stands on, when the data says so."""
    if object_id in project.site_by_id:
        return object_id
    for records in (project.equipment, {w.id: w for w in project.availability.wan_links}, {tr.id: project.server_by_id.get(tr.server) for tr in project.interfaces.sip_trunks}):
        if object_id in records:
            return getattr(records[object_id], "site", None)
    return None


def summary(project: Project, t: Translator, title: str) -> Graph:
    """Many sites: one card per site (UPS load and runtime, WAN redundancy, servers and failover,
    findings of the site in red) in a grid; each site has its own detailed diagram."""
    graph = root_graph(rankdir="TB", label=Html(styled(esc(title, 90), 16, INK, bold=True)), labelloc="t", labeljust="l", ranksep="0.3", nodesep="0.3")
    alerts = alerts_by_object(project, t)
    avail = project.availability
    by_site: dict[str, list[str]] = defaultdict(list)
    for object_id, lines in sorted(alerts.items()):
        site_id = _site_of(project, object_id)
        if site_id is not None:
            by_site[site_id] += lines
    nodes = []
    for site in sites_with_availability(project):
        details = []
        for ups in sorted((u for u in avail.ups if u.site == site.id), key=lambda u: u.id):
            load = f"{t.number(100 * ups.load_w / ups.capacity_w, 0)} %" if ups.load_w is not None else "—"
            runtime = f"{ups.runtime_min} min" if ups.runtime_min is not None else "—"
            details.append(t.t("diagrams.availability.ups_line", model=ups.model, load=load, runtime=runtime, count=len(ups.powers)))
        links = [w for w in avail.wan_links if w.site == site.id]
        details.append(t.t("diagrams.availability.wan_line", count=len(links), media=", ".join(sorted({t.label("wan_medium", w.medium) for w in links})) or "—"))
        for server in sorted((s for s in project.servers if s.site == site.id), key=lambda s: s.id):
            partner = server.failover_partner and getattr(project.server_by_id.get(server.failover_partner), "name", server.failover_partner)
            details.append(server.name + (f" ⇄ {partner}" if partner else ""))
        nodes.append(graph.node(card("ups", site.name, details, "power", by_site.get(site.id, []))))
    graph.grid(nodes, GRID_COLUMNS)
    placed = {i for i in alerts if _site_of(project, i) is not None}
    _other_findings(project, t, graph, placed)
    return graph
