"""Where the diagrams of a project are, so sections can show them.

The diagrams renderer owns the files and lists them with `generator.diagrams.views` (entries with
view, object_id, path, title); a view it does not draw gets no figure. Until that module is
merged, the conventional paths are used.
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


def diagram_path(project: Project, view: str, object_id: str | None = None) -> str | None:
    """Path (relative to the output root) of the diagram of `view` for `object_id`, or None."""
    try:
        from generator.diagrams import views
    except ImportError:
        template = CONVENTION.get(view)
        return template.format(id=object_id) if template else None
    for entry in views(project):
        if entry.view == view and (object_id is None or entry.object_id == object_id):
            return entry.path
    return None
