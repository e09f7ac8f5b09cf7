"""Where the diagrams of a project are, so sections can show them.

The diagrams renderer owns the files and lists them with `generator.diagrams.views` (entries with
view, object_id, path, title); a view it does not draw gets no figure. Without that module the
conventional paths are used. This is the one place that knows either.
"""

from __future__ import annotations

from generator.model.project import Project

CONVENTION = {
    "overview": "diagrams/overview-{id}.svg",
    "network": "diagrams/network.svg",
    "dect": "diagrams/dect-{id}.svg",
    "availability": "diagrams/availability.svg",
    "backup": "diagrams/backup.svg",
}


def diagram_index(project: Project) -> dict[tuple[str, str | None], str] | None:
    """(view, object id) -> SVG path of every diagram drawn, or None without the diagrams module."""
    try:
        from generator.diagrams import views
    except ImportError:
        return None
    return {(v.view, v.object_id): v.path for v in views(project)}


def diagram_path(index: dict[tuple[str, str | None], str] | None, view: str, object_id: str | None = None) -> str | None:
    """Path (relative to the output root) of the diagram of `view` for `object_id`, or None."""
    if index is None:
        template = CONVENTION.get(view)
        return template.format(id=object_id) if template else None
    return index.get((view, object_id))
