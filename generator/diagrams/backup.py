"""Backup flow: each system to its backup destinations (on site, off site, cloud), with method,
schedule, rotation and encryption on the edge; unencrypted copies and insecure transport (FTP,
e-mail) drawn in red. Manual backups of peripheral devices go to the customer's folder."""

from __future__ import annotations

from collections import defaultdict

from generator.diagrams.availability import _equipment_card
from generator.diagrams.graph import ALERT, INK, Graph, Html, esc, root_graph
from generator.diagrams.labels import PALETTE, _line, card, cluster_label, cluster_style
from generator.i18n import Translator
from generator.model.operations import BackupJob, BackupMethod
from generator.model.project import Project

INSECURE = {BackupMethod.FTP, BackupMethod.EMAIL}
LOCATIONS = ("onsite", "offsite", "cloud")
DESTINATION_ICONS = {"onsite": "nas", "offsite": "site", "cloud": "cloud"}
MANUAL_NODES_UP_TO = 8  # more devices than this are summed up by kind


def _rotation(job: BackupJob, t: Translator) -> str | None:
    r = job.rotation
    if r is None:
        return None
    parts = [t.t(f"diagrams.backup.keep_{unit}", count=n) for unit, n in (("daily", r.daily), ("weekly", r.weekly), ("monthly", r.monthly)) if n]
    return " · ".join(parts) or None


def _edge_label(job: BackupJob, t: Translator) -> tuple[Html, bool]:
    """The label of a job's edge and whether it is unsafe (unencrypted or insecure transport)."""
    lines = [_line(esc(f"{t.label('backup_method', job.method)} · {job.schedule}", 34), 9, INK, True)]
    rotation = _rotation(job, t)
    if rotation:
        lines.append(_line(esc(rotation, 34)))
    if not job.automated:
        lines.append(_line(esc(t.t("diagrams.backup.manual_job"))))
    unsafe = []
    if job.method in INSECURE:
        unsafe.append(t.t("diagrams.backup.insecure", method=t.label("backup_method", job.method)))
    if not job.encrypted:
        unsafe.append(t.t("diagrams.backup.unencrypted"))
    lines += [_line(esc(u, 34), 9, ALERT, True) for u in unsafe]
    if not unsafe:
        lines.append(_line(esc(t.t("diagrams.backup.encrypted")), 9, PALETTE["backup"][0], True))
    return Html("<BR/>".join(lines)), bool(unsafe)


def build(project: Project, t: Translator, title: str) -> Graph:
    graph = root_graph(label=Html(_line(esc(title, 90), 16, INK, bold=True)), labelloc="t", labeljust="l", ranksep="2.2")
    jobs = sorted(project.backups.jobs, key=lambda j: (j.system, j.id))
    systems = sorted({j.system for j in jobs})
    source_cluster = graph.cluster(cluster_label(t.t("diagrams.backup.systems"), "server"), **cluster_style("server"))
    sources = {}
    for system_id in systems:
        obj = project.equipment.get(system_id)
        sources[system_id] = source_cluster.node(_equipment_card(project, t, obj, [], []) if obj is not None else card("other_system", system_id, [], "server"))
    destination_nodes: dict[tuple[str, str], str] = {}
    location_clusters: dict[str, Graph] = {}
    for location in LOCATIONS:
        located = sorted({(j.destination, j.medium) for j in jobs if j.location == location})
        if not located:
            continue
        location_clusters[location] = cluster = graph.cluster(cluster_label(t.label("backup_location", location), "backup"), **cluster_style("backup"))
        for destination, medium in located:
            destination_nodes[(location, destination)] = cluster.node(card(DESTINATION_ICONS[location], medium, [destination], "backup"))
    for job in jobs:
        label, unsafe = _edge_label(job, t)
        graph.edge(sources[job.system], destination_nodes[(job.location, job.destination)], label=label, color=ALERT if unsafe else PALETTE["backup"][0], style="dashed" if job.method in INSECURE else "solid", penwidth="2" if unsafe else "1.4")
    _manual(project, t, graph)
    return graph


def _manual(project: Project, t: Translator, graph: Graph) -> None:
    """Peripheral devices backed up by hand before and after changes, and those never backed up."""
    manual = project.backups.manual_backups
    by_device: dict[str, list] = defaultdict(list)
    for m in manual:
        by_device[m.device].append(m)
    if by_device:
        cluster = graph.cluster(cluster_label(t.t("diagrams.backup.peripherals"), "special"), **cluster_style("special"))
        folder = graph.node(card("folder", t.t("diagrams.backup.customer_folder"), [t.t("diagrams.backup.manual_count", count=len(manual))], "backup"))
        if len(by_device) <= MANUAL_NODES_UP_TO:
            for device_id in sorted(by_device):
                obj = project.equipment.get(device_id)
                last = max(m.date for m in by_device[device_id])
                details = [t.t("diagrams.backup.last_manual", date=t.date(last))]
                node = cluster.node(_equipment_card(project, t, obj, details, []) if obj is not None else card("other_system", device_id, details, "special"))
                graph.edge(node, folder, label=t.t("diagrams.backup.before_after", count=len(by_device[device_id])), color=PALETTE["special"][0])
        else:
            names = sorted(getattr(project.equipment.get(d), "name", d) for d in by_device)
            node = cluster.node(card("other_system", t.t("diagrams.backup.devices", count=len(by_device)), [", ".join(names[:12]) + (" …" if len(names) > 12 else "")], "special"))
            graph.edge(node, folder, label=t.t("diagrams.backup.before_after", count=len(manual)), color=PALETTE["special"][0])
    never = sorted(obj.id for obj in project.equipment_records() if getattr(obj, "backup", None) == "none")
    if never:
        names = [getattr(project.equipment[i], "name", i) for i in never]
        graph.node(card("alert", t.t("diagrams.backup.not_backed_up", count=len(never)), [", ".join(names[:12]) + (" …" if len(names) > 12 else "")], "alert"))
