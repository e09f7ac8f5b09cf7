"""Diagrams of a customer installation, drawn from the model alone.

Five views (interface overview, network and sites, DECT, availability, backup flow), each a module
that turns the model into a Graphviz graph; `render` turns graphs into self-contained SVG and PNG.
Other renderers embed the files by the paths `views()` lists, without importing anything else here.
"""

from __future__ import annotations

import os
import re
from concurrent.futures import ThreadPoolExecutor
from collections.abc import Callable
from dataclasses import dataclass

from generator.cache import NO_CACHE, Cache
from generator.cache import key as cache_key
from generator.diagrams import programs, render
from generator.diagrams.graph import Graph
from generator.i18n import Translator
from generator.model.project import Project

VIEWS = ("overview", "network", "dect", "availability", "backup")
FOLDER = "diagrams"
DETAILED_SITES = 3  # up to this many sites, the network and availability views show every site in detail


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
    plans += _by_site(project, t, "network", network.sites_with_network(project), network.build, network.summary)
    for system in sorted(project.dect.systems, key=lambda s: s.id):
        title = t.t("diagrams.title.dect", name=system.name)
        plans.append((DiagramView("dect", system.id, _path(f"dect-{_file_id(system.id)}"), title), lambda s=system, ti=title: dect.build(project, t, s, ti)))
    plans += _by_site(project, t, "availability", availability.sites_with_availability(project), availability.build, availability.summary)
    if project.backups.jobs or project.backups.manual_backups:
        title = t.t("diagrams.title.backup")
        plans.append((DiagramView("backup", None, _path("backup"), title), lambda ti=title: backup.build(project, t, ti)))
    return plans


def _by_site(project: Project, t: Translator, view: str, sites: list, detailed, summary) -> list[tuple[DiagramView, Callable[[], Graph]]]:
    """A site-by-site view: one detailed diagram for a few sites; for more, a summary of every site
    and a detailed diagram per site, so that each stays readable on one page."""
    if not sites:
        return []
    title = t.t(f"diagrams.title.{view}")
    if len(sites) <= DETAILED_SITES:
        return [(DiagramView(view, None, _path(view), title), lambda: detailed(project, t, title))]
    plans = [(DiagramView(view, None, _path(view), title), lambda: summary(project, t, title))]
    for site in sites:
        site_title = t.t(f"diagrams.title.{view}_site", name=site.name)
        plans.append((DiagramView(view, site.id, _path(f"{view}-site-{_file_id(site.id)}"), site_title), lambda s=site, ti=site_title: detailed(project, t, ti, {s.id})))
    return plans


def _translator(project: Project, translator: Translator | None) -> Translator:
    return translator or Translator(project.pbxdoc.language.value)


def views(project: Project, translator: Translator | None = None) -> list[DiagramView]:
    """The diagrams `render_all` writes: view, object id, SVG path (PNG beside it) and title."""
    return [view for view, _ in _plans(project, _translator(project, translator))]


def render_view(project: Project, translator: Translator | None, view: str, object_id: str | None = None) -> dict[str, bytes]:
    """One diagram as {svg path: bytes, png path: bytes}; object_id picks the server, site or DECT
    system (default: the first one of that view)."""
    from generator.diagrams.programs import DiagramError

    if view not in VIEWS:
        raise DiagramError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")
    plans = [(v, draw) for v, draw in _plans(project, _translator(project, translator)) if v.view == view]
    if object_id is not None:
        plans = [(v, draw) for v, draw in plans if v.object_id == object_id]
    if not plans:
        known = ", ".join(str(v.object_id) for v, _ in _plans(project, _translator(project, translator)) if v.view == view)
        raise DiagramError(f"no {view} diagram for {object_id or 'this project'}" + (f"; this project has: {known}" if known else ""))
    return _render(*plans[0])


def render_all(project: Project, translator: Translator | None = None, cache: Cache = NO_CACHE) -> dict[str, bytes]:
    """Every diagram of the project, SVG and PNG, by relative output path (a build draws them once,
    in `generator.content`, and every renderer reads them there)."""
    t = _translator(project, translator)
    plans = _plans(project, t)
    drawings = [(draw(), view.title) for view, draw in plans]
    drawn = _draw_all(drawings, cache)
    files: dict[str, bytes] = {}
    for (view, _), (svg, png) in zip(plans, drawn):
        files[view.path] = svg
        files[view.png] = png
    return files


def _draw_all(drawings: list[tuple[Graph, str]], cache: Cache = NO_CACHE) -> list[tuple[bytes, bytes]]:
    """(SVG, PNG) of every drawing, in order, on every core; drawings the cache holds are not drawn.

    Starting Graphviz costs about as much as a small drawing, so drawings without clusters share
    one run per core. Drawings with clusters get a run each: in a run that drew before, dot orders
    clusters by memory address, which changes from run to run (Graphviz 2.43).
    """
    workers = max(1, os.cpu_count() or 1)
    drawn: dict[int, tuple[bytes, bytes]] = {}
    entries: dict[int, str] = {}
    if cache.folder is not None:
        tool = programs.version("dot", "graphviz")
        for i, (graph, title) in enumerate(drawings):
            entries[i] = cache_key(tool, str(render.PNG_DPI), graph.source(), title)
            found = cache.get("diagram", entries[i])
            if found is not None:
                header, both = found
                drawn[i] = (both[: header["svg_bytes"]], both[header["svg_bytes"] :])
    todo = [i for i in range(len(drawings)) if i not in drawn]
    plain = [i for i in todo if not drawings[i][0].has_clusters()]
    share = max(1, -(-len(plain) // workers))
    jobs = [plain[i : i + share] for i in range(0, len(plain), share)]
    jobs += [[i] for i in todo if drawings[i][0].has_clusters()]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = pool.map(lambda job: render.draw_many([drawings[i] for i in job]), jobs)
        for job, pairs in zip(jobs, results):
            for i, (svg, png) in zip(job, pairs):
                drawn[i] = (svg, png)
                if i in entries:
                    cache.put("diagram", entries[i], svg + png, {"svg_bytes": len(svg)})
    return [drawn[i] for i in range(len(drawings))]


def _render(view: DiagramView, draw: Callable[[], Graph]) -> dict[str, bytes]:
    svg, png = render.draw(draw(), view.title)
    return {view.path: svg, view.png: png}
