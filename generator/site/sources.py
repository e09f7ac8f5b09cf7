"""Where the site's content comes from: the shared section, diagram and runbook builders.

One small function per source, so that the site follows the other modules' interfaces in one place.
Each gets the build's date, so that ages ("3 days ago") are those of the generation date.
"""

from __future__ import annotations

import datetime as dt

from generator.diagrams import render_all
from generator.document import Document
from generator.i18n import Translator
from generator.model.project import Project
from generator.runbooks import build_runbooks
from generator.sections import build_sections, extra_figures, section_context


def section_documents(project: Project, translator: Translator, today: dt.date) -> list[Document]:
    """The section pages in reading order (home first), shared with the PDF book."""
    return build_sections(project, translator, today)


def figures(project: Project, translator: Translator, today: dt.date) -> dict[str, bytes]:
    """SVG diagrams and section figures by their path relative to the site root (in a build, the
    diagrams renderer drew them already: render_all keeps its last drawings of the same model)."""
    found = {path: data for path, data in render_all(project, translator).items() if path.endswith(".svg")}
    found.update(extra_figures(project, translator, today))
    return dict(sorted(found.items()))


def runbook_documents(project: Project, translator: Translator, today: dt.date) -> list[tuple[str, Document]]:
    """One printable runbook per backed-up system: (short title for the nav, Document with slug)."""
    names = section_context(project, translator, today)
    books = sorted(build_runbooks(project, translator, on=today), key=lambda book: book.slug)
    return [(names.equipment_name(book.system_id), book.document) for book in books]
