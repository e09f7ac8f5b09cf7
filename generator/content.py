"""What every renderer presents, derived once per build, audience and language.

A `Content` holds the audience's view of the checked project with its findings worded in one
language, and makes on first use, once, everything derived from it: runbooks, diagrams (with their
bytes), section figures, sections, and the names of the files they become. Renderers only read it,
so the site, the PDF book and the workbook can no longer derive the same thing twice or in two
languages. Parts are made lazily so that `pbxdoc runbook` does not draw diagrams; a lock per part
makes each part once even when renderers run side by side, and lets two parts be made at once
(the diagrams in Graphviz while the sections are made in Python).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import TypeVar

from generator.audience import Audience, AudienceTranslator
from generator.cache import NO_CACHE, Cache
from generator.checks import in_language
from generator.diagrams import DiagramView, render_all, views
from generator.document import Document
from generator.model.project import Project
from generator.runbooks import Runbook, build_runbooks
from generator.sections import build_sections, extra_figures
from generator.sections.common import SectionContext

T = TypeVar("T")

# How an audience is named in file names: what an integrator receives is internal.
AUDIENCE_TAGS = {Audience.CUSTOMER: "customer", Audience.AUDITOR: "auditor", Audience.INTEGRATOR: "internal"}


class Content:
    """One language's content for one audience; every part made once, on first use."""

    def __init__(self, project: Project, audience: Audience, lang: str, generated: dt.datetime, cache: Cache = NO_CACHE):
        self.translator = AudienceTranslator(lang, audience)  # words for the audience: data file names for the integrator only
        self.lang = lang
        self.audience = Audience(audience)
        self.generated = generated
        self.today = generated.date()
        self.cache = cache  # drawings of earlier builds
        # The audience's view, its findings worded in this language (checked once, worded per language).
        self.project = project.with_findings(in_language(project.findings, self.translator))
        self._lock = threading.Lock()  # guards _locks; each part has a lock of its own
        self._locks: dict[str, threading.Lock] = {}
        self._made: dict[str, object] = {}

    def _once(self, name: str, make: Callable[[], T]) -> T:
        """The part, made on first use; parts only use parts made before them, so the locks are
        always taken in the same order."""
        with self._lock:
            lock = self._locks.setdefault(name, threading.Lock())
        with lock:
            if name not in self._made:
                self._made[name] = make()
            return self._made[name]  # type: ignore[return-value]

    # -- file names ------------------------------------------------------------------------------

    @property
    def file_tag(self) -> str:
        """What every file name of this content carries: language and audience (`fr-customer`)."""
        return f"{self.lang}-{AUDIENCE_TAGS[self.audience]}"

    @property
    def workbook_path(self) -> str:
        return f"xlsx/{self.project.pbxdoc.customer.id}-{self.file_tag}.xlsx"

    # -- derived parts ---------------------------------------------------------------------------

    @property
    def runbooks(self) -> list[Runbook]:
        """One backup and restore runbook per backed-up system, by slug."""
        return self._once("runbooks", lambda: sorted(build_runbooks(self.project, self.translator, on=self.today), key=lambda book: book.slug))

    @property
    def diagram_views(self) -> list[DiagramView]:
        """The diagrams of this project: view, object, SVG path (PNG beside it) and title."""
        return self._once("views", lambda: views(self.project, self.translator))

    @property
    def diagrams(self) -> dict[str, bytes]:
        """Every diagram, SVG and PNG, by output path."""
        return self._once("diagrams", lambda: render_all(self.project, self.translator, self.cache))

    @property
    def section_context(self) -> SectionContext:
        return self._once("section_context", lambda: SectionContext(
            self.project,
            self.translator,
            self.today,
            diagrams={(v.view, v.object_id): v.path for v in self.diagram_views},
            runbooks=tuple(self.runbooks),
        ))

    @property
    def figures(self) -> dict[str, bytes]:
        """Every vector figure a page or the book may show: the SVG diagrams and the sections' own."""
        def make() -> dict[str, bytes]:
            found = {path: data for path, data in self.diagrams.items() if path.endswith(".svg")}
            found.update(extra_figures(self.section_context))
            return dict(sorted(found.items()))

        return self._once("figures", make)

    @property
    def sections(self) -> list[Document]:
        """The sections in reading order (home first): the site's pages and the book's chapters."""
        return self._once("sections", lambda: build_sections(self.section_context))

    def equipment_name(self, object_id: str) -> str:
        """How the sections name a system (for runbook titles in menus)."""
        return self.section_context.equipment_name(object_id)
