"""Where the diagrams of a project are, so sections can show them.

The diagrams renderer owns the files; until `generator.diagrams.views` is available the
conventional paths are used. This is the one place to change when it is.
"""

from __future__ import annotations

from generator.model.project import Project

CONVENTION = {
    "overview": "diagrams/overview-{id}.svg",
    "network": "diagrams/network.svg",
    "dect": "diagrams/dect.svg",
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
        entry_view, entry_id, path = (entry.view, entry.object_id, entry.path) if hasattr(entry, "view") else entry[:3]
        if entry_view == view and (object_id is None or entry_id == object_id):
            return str(path)
    return None
