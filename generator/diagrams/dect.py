"""DECT: the manager of one system, its bases grouped by site and sync cluster (with handsets,
repeaters and the PoE switch of each base), and the handsets as counts per model."""

from __future__ import annotations

from collections import defaultdict

from generator.diagrams.graph import INK, Graph, Html, esc, root_graph
from generator.diagrams.labels import PALETTE, styled, card, cluster_label, cluster_style, table
from generator.i18n import Translator
from generator.model.dect import DectSystem
from generator.model.project import Project

REPEATER_NODES_UP_TO = 24  # more repeaters than this stay counts in the base table


def _counted(values) -> list[tuple[str, int]]:
    totals: dict[str, int] = defaultdict(int)
    for v in values:
        totals[v] += 1
    return sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))


def build(project: Project, t: Translator, system: DectSystem, title: str) -> Graph:
    graph = root_graph(label=Html(styled(esc(title, 90), 16, INK, bold=True)), labelloc="t", labeljust="l", ranksep="0.8")
    server = project.server_by_id.get(system.server)
    manager_facts = [
        f"{system.vendor} · {t.label('dect_kind', system.kind)}",
        t.t("diagrams.dect.sync", mode=t.label("dect_sync", system.sync)),
        system.manager_address,
        system.manager_version and t.t("diagrams.overview.software", version=system.manager_version),
    ]
    manager = graph.node(card("dect_manager", system.manager_model or system.name, [system.name if system.manager_model else None, *manager_facts], "terminal"), object_id=system.id)
    if server is not None:
        server_node = graph.node(card("server", server.name, [server.model, t.t("diagrams.dect.connection", kind=system.connection.upper())], "server"), object_id=server.id)
        graph.edge(server_node, manager, dir="none", color=PALETTE["server"][0])
    handsets = project.handsets_of(system.id)
    per_base: dict[str | None, int] = defaultdict(int)
    for h in handsets:
        per_base[h.base] += 1
    models = [f"{t.number(n)} × {m}" for m, n in _counted(h.model for h in handsets)]
    unplaced = per_base.get(None, 0) + sum(n for b, n in per_base.items() if b is not None and b not in project.base_by_id)
    if handsets:
        handset_node = graph.node(card("dect_handset", t.t("diagrams.dect.handsets", count=t.number(len(handsets))), [*models[:6], unplaced and t.t("diagrams.dect.no_base", count=t.number(unplaced))], "terminal"))
        graph.edge(server_node if server is not None else manager, handset_node, dir="none", style="dotted")
    bases = project.bases_of(system.id)
    repeaters = [r for b in bases for r in project.repeaters_of(b.id)]
    draw_repeaters = len(repeaters) <= REPEATER_NODES_UP_TO
    devices = project.device_by_id
    sites = sorted({b.site for b in bases})
    header = [t.t("diagrams.dect.base"), t.t("diagrams.dect.location"), t.t("diagrams.dect.sync_level"), t.t("diagrams.dect.handset_count"), t.t("diagrams.dect.repeaters"), t.t("diagrams.dect.poe_switch")]
    for site_id in sites:
        site = project.site_by_id.get(site_id)
        site_cluster = graph.cluster(cluster_label(site.name if site else site_id, "network"), **cluster_style("network"))
        clusters = sorted({b.sync_cluster for b in bases if b.site == site_id}, key=lambda c: (c is None, c or 0))
        for sync_cluster in clusters:
            members = sorted((b for b in bases if b.site == site_id and b.sync_cluster == sync_cluster), key=lambda b: (b.sync_level != 1, b.id))
            rows = []
            for i, b in enumerate(members):
                switch = devices.get(b.switch).name if b.switch in devices else b.switch
                level = "—" if b.sync_level is None else (t.t("diagrams.dect.master") if b.sync_level == 1 else str(b.sync_level))
                poe = " · ".join(x for x in (switch, b.switch_port, b.poe_class is not None and f"PoE {b.poe_class}") if x) or "—"
                rows.append((f"b{i}", [f"{b.id} ({b.model})", b.location, level, t.number(per_base.get(b.id, 0)), t.number(len(project.repeaters_of(b.id))), poe]))
            title_key = "diagrams.dect.sync_cluster" if sync_cluster is not None else ("diagrams.dect.no_sync_cluster" if system.kind == "multicell" else "diagrams.dect.bases")
            node = site_cluster.node(table("dect_base", t.t(title_key, number=sync_cluster), header, rows, "terminal", subtitle=t.t("diagrams.dect.base_count", count=len(members))))
            graph.edge(manager, node, dir="none", color=PALETTE["terminal"][0])
            if not draw_repeaters:
                continue
            for i, b in enumerate(members):
                for r in sorted(project.repeaters_of(b.id), key=lambda r: r.id):
                    alerts = [t.t("diagrams.dect.cascaded", upstream=r.upstream)] if r.upstream else []
                    rep = site_cluster.node(card("repeater", r.id, [r.model, r.location], "terminal", alerts=alerts), object_id=r.id)
                    graph.edge(f"{node}:b{i}:e", rep, dir="none", color=PALETTE["terminal"][0], style="dashed")
    return graph
