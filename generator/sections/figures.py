"""Where the diagrams of a project are, so sections can show them.

The build hands the sections an index of the diagrams it draws ((view, object id) -> SVG path);
a view it does not draw gets no figure.
"""

from __future__ import annotations

from collections.abc import Mapping


def diagram_path(index: Mapping[tuple[str, str | None], str], view: str, object_id: str | None = None) -> str | None:
    """Path (relative to the output root) of the diagram of `view` for `object_id`, or None."""
    return index.get((view, object_id))
