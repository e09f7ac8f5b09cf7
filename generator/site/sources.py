"""Where the site's content comes from: the shared section, diagram and runbook builders.

One small function per source, so that the site follows the other modules' interfaces in one place.
Each gets the build's date, so that ages ("3 days ago") are those of the generation date.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.diagrams import render_all, views
from generator.document import Document
from generator.i18n import Translator
from generator.model.project import Project
from generator.runbooks import build_runbooks
from generator.sections import build_sections, extra_figures, section_context


def section_documents(project: Project, translator: Translator, today: dt.date) -> list[Document]:
    """The section pages in reading order (home first), shared with the PDF book."""
    return build_sections(project, translator, today)


def figures(project: Project, translator: Translator, today: dt.date, drawn: Path | None = None) -> dict[str, bytes]:
    """SVG diagrams and section figures by their path relative to the site root.

    `drawn` is a build folder where the diagrams renderer already wrote this language's diagrams:
    they are reused rather than drawn again (drawing also rasterises PNGs the site does not need).
    """
    paths = [view.path for view in views(project, translator)]
    if drawn is not None and all((drawn / path).is_file() for path in paths):
        found = {path: (drawn / path).read_bytes() for path in paths}
    else:
        found = {path: data for path, data in render_all(project, translator).items() if path.endswith(".svg")}
    found.update(extra_figures(project, translator, today))
    return dict(sorted(found.items()))


def runbook_documents(project: Project, translator: Translator, today: dt.date) -> list[tuple[str, Document]]:
    """One printable runbook per backed-up system: (short title for the nav, Document with slug)."""
    names = section_context(project, translator, today)
    books = sorted(build_runbooks(project, translator, on=today), key=lambda book: book.slug)
    return [(names.equipment_name(book.system_id), book.document) for book in books]
