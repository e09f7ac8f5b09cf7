"""Section content of the customer file, written once, presented by the site and the PDF book.

`build_sections(ctx)` returns the sections as `generator.document.Document`s in reading order,
each with a stable slug; renderers decide pages and chapters from them. The build makes the
`SectionContext` (`generator.content`): the project for one audience and language, the date, and
the diagrams and runbooks it makes, so that sections never derive them again. The slugs
of SECTION_SLUGS are always there; LONG_LIST_SLUGS follow their section when a list is too long
to stay on its page.
`extra_figures(ctx)` returns the figures the sections draw themselves (paths
relative to the output root), which renderers write next to the pages or embed.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.document import Document
from generator.sections import (
    addressing,
    availability,
    backup,
    callerid,
    changelog,
    compliance,
    documents,
    free_seating,
    glossary,
    home,
    interfaces,
    licences,
    numbering,
    rights,
    system,
    terminals,
)
from generator.sections.common import SectionContext
from generator.sections.timeline import licences_timeline_svg

Builder = Callable[[SectionContext], list[Document]]

# Slug of the first document each builder returns, in reading order.
SECTIONS: tuple[tuple[str, Builder], ...] = (
    ("index", home.build),
    ("system", system.build),
    ("interfaces", interfaces.build),
    ("terminals-dect", terminals.build),
    ("numbering", numbering.build),
    ("free-seating", free_seating.build),
    ("caller-id", callerid.build),
    ("rights", rights.build),
    ("addressing", addressing.build),
    ("licences", licences.build),
    ("availability", availability.build),
    ("backup", backup.build),
    ("changelog", changelog.build),
    ("compliance", compliance.build),
    ("documents", documents.build),
    ("glossary", glossary.build),
)
SECTION_SLUGS: tuple[str, ...] = tuple(slug for slug, _ in SECTIONS)

# Documents that only large projects produce, each the complete list behind a section (users,
# fixed addresses): a printed book may leave them to the workbook and say so.
LONG_LIST_SLUGS: tuple[str, ...] = (numbering.USERS_SLUG, addressing.ADDRESSES_SLUG)


def build_sections(ctx: SectionContext) -> list[Document]:
    """Every section, in order."""
    documents: list[Document] = []
    for _, builder in SECTIONS:
        documents.extend(builder(ctx))
    return documents


def extra_figures(ctx: SectionContext) -> dict[str, bytes]:
    """Figures drawn by the sections themselves: output-relative path -> file content."""
    figures: dict[str, bytes] = {}
    timeline = licences_timeline_svg(ctx)
    if timeline is not None:
        figures[licences.TIMELINE] = timeline
    return figures
