"""Diagrams of a customer installation, drawn from the model alone.

Five views (interface overview, network and sites, DECT, availability, backup flow), each a module
that turns the model into a Graphviz graph; `render` turns graphs into self-contained SVG and PNG.
Other renderers embed the files by the paths `views()` lists, without importing anything else here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.diagrams.graph import Graph
from generator.i18n import Translator
from generator.model.project import Project

VIEWS = ("overview", "network", "dect", "availability", "backup")
FOLDER = "diagrams"


@dataclass(frozen=True)
class DiagramView:
    """One diagram: which view, of which object (None for project-wide views), where, and its title."""

    view: str
    object_id: str | None
    path: str  # the SVG, relative to the output folder (vector: the site and weasyprint embed it)
    title: str

    @property
    def png(self) -> str:
        return self.path[: -len(".svg")] + ".png"


def _file_id(object_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", object_id)


def _path(stem: str) -> str:
    return f"{FOLDER}/{stem}.svg"


def _plans(project: Project, t: Translator) -> list[tuple[DiagramView, Callable[[], Graph]]]:
    """Every diagram the project calls for, with the function that draws it (in a stable order)."""
    from generator.diagrams import availability, backup, dect, network, overview

    plans: list[tuple[DiagramView, Callable[[], Graph]]] = []
    for server in sorted(project.servers, key=lambda s: s.id):
        title = t.t("diagrams.title.overview", name=server.name)
        plans.append((DiagramView("overview", server.id, _path(f"overview-{_file_id(server.id)}"), title), lambda s=server, ti=title: overview.build(project, t, [s], None, ti)))
    if len(project.sites) > 1:
        for site in sorted(project.sites, key=lambda s: s.id):
            servers = overview.servers_of_site(project, site.id)
            if not servers:
                continue
            title = t.t("diagrams.title.overview_site", name=site.name)
            plans.append((DiagramView("overview", site.id, _path(f"overview-site-{_file_id(site.id)}"), title), lambda s=site, sv=servers, ti=title: overview.build(project, t, sv, s.id, ti)))
    if project.network.subnets or project.network.devices or project.availability.wan_links:
        title = t.t("diagrams.title.network")
        plans.append((DiagramView("network", None, _path("network"), title), lambda ti=title: network.build(project, t, ti)))
    for system in sorted(project.dect.systems, key=lambda s: s.id):
        title = t.t("diagrams.title.dect", name=system.name)
        plans.append((DiagramView("dect", system.id, _path(f"dect-{_file_id(system.id)}"), title), lambda s=system, ti=title: dect.build(project, t, s, ti)))
    if project.availability.ups or project.availability.wan_links or any(s.failover_partner for s in project.servers):
        title = t.t("diagrams.title.availability")
        plans.append((DiagramView("availability", None, _path("availability"), title), lambda ti=title: availability.build(project, t, ti)))
    if project.backups.jobs or project.backups.manual_backups:
        title = t.t("diagrams.title.backup")
        plans.append((DiagramView("backup", None, _path("backup"), title), lambda ti=title: backup.build(project, t, ti)))
    return plans


def _translator(project: Project, translator: Translator | None) -> Translator:
    return translator or Translator(project.pbxdoc.language.value)


def views(project: Project, translator: Translator | None = None) -> list[DiagramView]:
    """The diagrams `render_all` writes: view, object id, SVG path (PNG beside it) and title."""
    return [view for view, _ in _plans(project, _translator(project, translator))]


def render_view(project: Project, translator: Translator | None, view: str, object_id: str | None = None) -> dict[str, bytes]:
    """One diagram as {svg path: bytes, png path: bytes}; object_id picks the server, site or DECT
    system (default: the first one of that view)."""
    from generator.diagrams.render import DiagramError

    if view not in VIEWS:
        raise DiagramError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")
    plans = [(v, draw) for v, draw in _plans(project, _translator(project, translator)) if v.view == view]
    if object_id is not None:
        plans = [(v, draw) for v, draw in plans if v.object_id == object_id]
    if not plans:
        known = ", ".join(str(v.object_id) for v, _ in _plans(project, _translator(project, translator)) if v.view == view)
        raise DiagramError(f"no {view} diagram for {object_id or 'this project'}" + (f"; this project has: {known}" if known else ""))
    return _render(*plans[0])


def render_all(project: Project, translator: Translator | None = None) -> dict[str, bytes]:
    """Every diagram of the project, SVG and PNG, by relative output path."""
    files: dict[str, bytes] = {}
    for plan in _plans(project, _translator(project, translator)):
        files.update(_render(*plan))
    return files


def render_svgs(project: Project, translator: Translator | None = None) -> dict[str, bytes]:
    """Every diagram as SVG only, for embedding as vector (the PDF): a tenth of the time of render_all."""
    from generator.diagrams import render

    return {view.path: render.svg(draw(), view.title) for view, draw in _plans(project, _translator(project, translator))}


def _render(view: DiagramView, draw: Callable[[], Graph]) -> dict[str, bytes]:
    from generator.diagrams import render

    svg = render.svg(draw(), view.title)
    return {view.path: svg, view.png: render.png(svg)}
