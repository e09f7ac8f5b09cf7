"""Backup flow: each system to its backup destinations (on site, off site, cloud), with method,
schedule, rotation and encryption on the edge; unencrypted copies and insecure transport (FTP,
e-mail) drawn in red. Manual backups of peripheral devices go to the customer's folder."""

from __future__ import annotations

from collections import defaultdict

from generator.diagrams.equipment import describe, item as equipment_item, kind_of, unknown
from generator.diagrams.graph import ALERT, INK, Graph, Html, esc, root_graph
from generator.diagrams.labels import PALETTE, card, cluster_label, cluster_style, group_table, styled, table
from generator.i18n import Translator
from generator.model.operations import BackupJob, BackupMethod
from generator.model.project import Project

INSECURE = {BackupMethod.FTP, BackupMethod.EMAIL}
LOCATIONS = ("onsite", "offsite", "cloud")
DESTINATION_ICONS = {"onsite": "nas", "offsite": "site", "cloud": "cloud"}
LABELLED_JOBS = 10  # up to this many jobs, each is a labelled line; more go into tables
DEVICE_ROWS = 16  # devices listed one per line up to this many, then counted by kind


def _rotation(job: BackupJob, t: Translator) -> str | None:
    r = job.rotation
    if r is None:
        return None
    parts = [t.t(f"diagrams.backup.keep_{unit}", count=n) for unit, n in (("daily", r.daily), ("weekly", r.weekly), ("monthly", r.monthly)) if n]
    return " · ".join(parts) or None


def _problems(job: BackupJob, t: Translator) -> list[str]:
    """What makes a job unsafe: insecure transport, no encryption."""
    problems = []
    if job.method in INSECURE:
        problems.append(t.t("diagrams.backup.insecure", method=t.label("backup_method", job.method)))
    if not job.encrypted:
        problems.append(t.t("diagrams.backup.unencrypted"))
    return problems


def _edge_label(job: BackupJob, t: Translator) -> tuple[Html, bool]:
    """The label of a job's edge and whether it is unsafe (unencrypted or insecure transport)."""
    lines = [styled(esc(f"{t.label('backup_method', job.method)} · {job.schedule or t.label('backup_schedule', 'on_demand')}", 34), 9, INK, True)]
    rotation = _rotation(job, t)
    if rotation:
        lines.append(styled(esc(rotation, 34)))
    if not job.automated:
        lines.append(styled(esc(t.t("diagrams.backup.manual_job"))))
    unsafe = _problems(job, t)
    lines += [styled(esc(u, 34), 9, ALERT, True) for u in unsafe]
    if not unsafe:
        lines.append(styled(esc(t.t("diagrams.backup.encrypted")), 9, PALETTE["backup"][0], True))
    return Html("<BR/>".join(lines)), bool(unsafe)


def build(project: Project, t: Translator, title: str) -> Graph:
    graph = root_graph(label=Html(styled(esc(title, 90), 16, INK, bold=True)), labelloc="t", labeljust="l", ranksep="2.2")
    jobs = sorted(project.backups.jobs, key=lambda j: (j.system, j.id))
    systems = sorted({j.system for j in jobs})
    rows = [equipment_item(project.equipment[i], t) if i in project.equipment else unknown(i) for i in systems]
    sources = graph.node(group_table(t.t("diagrams.backup.systems"), "server", rows))
    port = {system_id: f"{sources}:e{n}:e" for n, system_id in enumerate(systems)}
    draw = _job_edges if len(jobs) <= LABELLED_JOBS else _job_tables
    right = draw(project, t, graph, jobs, port)
    # Left column: the backed-up systems above the peripherals; right column: the destinations above
    # the customer folder and the list of what is not backed up.
    peripherals, folder, never = _manual(project, t, graph)
    graph.column([n for n in (sources, peripherals) if n])
    graph.column([n for n in (right[-1:] + [folder, never]) if n])
    return graph


def _job_edges(project: Project, t: Translator, graph: Graph, jobs: list[BackupJob], port: dict[str, str]) -> list[str]:
    """A few jobs: one card per destination, grouped by location, and one labelled line per job."""
    order = {system_id: n for n, system_id in enumerate(port)}
    nodes: dict[tuple[str, str], str] = {}
    for location in LOCATIONS:
        # Destinations in the order of the systems that feed them: fewer crossing lines.
        first_source: dict[tuple[str, str], int] = {}
        for j in jobs:
            if j.location == location:
                first_source.setdefault((j.destination, j.medium), order[j.system])
        if not first_source:
            continue
        cluster = graph.cluster(cluster_label(t.label("backup_location", location), "backup"), **cluster_style("backup"))
        for destination, medium in sorted(first_source, key=lambda key: (first_source[key], key)):
            nodes[(location, destination)] = cluster.node(card(DESTINATION_ICONS[location], medium, [destination], "backup"))
    for job in jobs:
        label, unsafe = _edge_label(job, t)
        graph.edge(port[job.system], nodes[(job.location, job.destination)], label=label, color=ALERT if unsafe else PALETTE["backup"][0], style="dashed" if job.method in INSECURE else "solid", penwidth="2" if unsafe else "1.4")
    return list(nodes.values())


def _job_tables(project: Project, t: Translator, graph: Graph, jobs: list[BackupJob], port: dict[str, str]) -> list[str]:
    """Many jobs: one table per location, a row per job with what a line label would say, and a
    plain line from each system to each of its jobs (red when unsafe)."""
    header = [t.t("diagrams.backup.method"), t.t("diagrams.backup.rotation"), t.t("diagrams.backup.protection"), t.t("diagrams.backup.destination")]
    nodes = []
    for location in LOCATIONS:
        located = [j for j in jobs if j.location == location]
        if not located:
            continue
        rows = []
        for i, job in enumerate(located):
            problems = _problems(job, t)
            rows.append((f"j{i}", [f"{t.label('backup_method', job.method)} · {job.schedule or t.label('backup_schedule', 'on_demand')}", _rotation(job, t) or "—", ", ".join(problems) or t.t("diagrams.backup.encrypted"), f"{job.medium} — {job.destination}"]))
        node = graph.node(table(DESTINATION_ICONS[location], t.label("backup_location", location), header, rows, "backup", port_west=True))
        nodes.append(node)
        for i, job in enumerate(located):
            unsafe = bool(_problems(job, t))
            graph.edge(port[job.system], f"{node}:j{i}:w", color=ALERT if unsafe else PALETTE["backup"][0], style="dashed" if job.method in INSECURE else "solid", penwidth="2" if unsafe else "1.2")
    return nodes


def _manual(project: Project, t: Translator, graph: Graph) -> tuple[str | None, str | None, str | None]:
    """Peripheral devices backed up by hand before and after changes (with the customer folder they
    go to), and the equipment never backed up, as compact one-line-per-device tables."""
    by_device: dict[str, list] = defaultdict(list)
    for m in project.backups.manual_backups:
        by_device[m.device].append(m)
    header = [t.t("diagrams.backup.device"), t.t("diagrams.network.kind")]
    peripherals = folder = never = None
    if by_device:
        total = len(project.backups.manual_backups)
        columns = [*header, t.t("diagrams.backup.count"), t.t("diagrams.backup.last")]
        if len(by_device) <= DEVICE_ROWS:
            rows = [(None, [*_named(project, t, d), t.number(len(by_device[d])), t.date(max(m.date for m in by_device[d]))]) for d in sorted(by_device)]
        else:
            rows = [(None, [_group_name(project, t, ids), kind, t.number(sum(len(by_device[d]) for d in ids)), t.date(max(m.date for d in ids for m in by_device[d]))]) for kind, ids in _by_kind(project, t, by_device)]
        peripherals = graph.node(table("folder", t.t("diagrams.backup.peripherals"), columns, rows, "special"))
        folder = graph.node(card("folder", t.t("diagrams.backup.customer_folder"), [t.t("diagrams.backup.manual_count", count=total)], "backup"))
        graph.edge(peripherals, folder, label=t.t("diagrams.backup.before_after", count=total), color=PALETTE["special"][0])
    missing = sorted(obj.id for obj in project.equipment_records() if getattr(obj, "backup", None) == "none")
    if missing:
        title = t.t("diagrams.backup.not_backed_up", count=len(missing))
        if len(missing) <= DEVICE_ROWS:
            never = graph.node(table("alert", title, header, [(None, _named(project, t, i)) for i in missing], "alert"))
        else:
            rows = [(None, [_group_name(project, t, ids), kind]) for kind, ids in _by_kind(project, t, missing)]
            never = graph.node(table("alert", title, header, rows, "alert"))
    return peripherals, folder, never


def _by_kind(project: Project, t: Translator, ids) -> list[tuple[str, list[str]]]:
    """Device ids grouped by what they are, the largest group first."""
    groups: dict[str, list[str]] = defaultdict(list)
    for object_id in sorted(ids):
        groups[_named(project, t, object_id)[1] or object_id].append(object_id)
    return sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))


def _group_name(project: Project, t: Translator, ids: list[str]) -> str:
    """A group of devices of one kind: the device's own name when it is alone, else the count."""
    return _named(project, t, ids[0])[0] if len(ids) == 1 else t.t("diagrams.backup.devices", count=len(ids))


def _named(project: Project, t: Translator, object_id: str) -> list[str]:
    """Name and kind of a device, for a table row."""
    if object_id not in project.equipment:
        return [object_id, ""]
    obj = project.equipment[object_id]
    _, title, _ = describe(obj, t)
    return [title, kind_of(obj, t)]
