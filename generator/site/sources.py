"""Where the site's content comes from: the shared section, diagram and runbook builders.

One small function per source, so that the site follows the other modules' interfaces in one place.
A source whose module is not installed contributes nothing; an error inside one is not hidden.
"""

from __future__ import annotations

import importlib
import importlib.util

from generator.document import Document
from generator.i18n import Translator
from generator.model.project import Project


def _module(name: str):
    """The module, or None when it is not part of this installation."""
    if importlib.util.find_spec(name) is None:
        return None
    return importlib.import_module(name)


def section_documents(project: Project, translator: Translator) -> list[Document]:
    """The section pages (home first), shared with the PDF book."""
    sections = _module("generator.sections")
    return list(sections.build_sections(project, translator)) if sections else []


def figures(project: Project, translator: Translator) -> dict[str, bytes]:
    """Diagrams and other figures by their path relative to the site root (e.g. diagrams/x.svg)."""
    found: dict[str, bytes] = {}
    diagrams = _module("generator.diagrams")
    if diagrams:
        found.update(diagrams.render_all(project, translator))
    sections = _module("generator.sections")
    if sections and hasattr(sections, "extra_figures"):
        found.update(sections.extra_figures(project, translator))
    return dict(sorted(found.items()))


def runbook_documents(project: Project, translator: Translator) -> list[Document]:
    """One printable runbook per backed-up system."""
    runbooks = _module("generator.runbooks")
    if not runbooks:
        return []
    return [runbook.document for runbook in runbooks.build_runbooks(project, translator)]
