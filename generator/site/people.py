"""Every person is a search result of their own that opens on their row of the directory.

mkdocs' search makes one result per heading, so the directory (a table) would be one result
holding every name. The plugin adds these entries to the index instead, and keeps the table
itself out of it; extensions and direct numbers, in the ways people type them, find the person too.
"""

from __future__ import annotations

import re

from generator.escaping import html_text
from generator.model.project import Project
from generator.sections import numbering
from generator.sections.common import SectionContext, join, phone
from generator.site.structure import SearchEntry, SitePage

_ANCHOR = re.compile(r'<span id="(person-[a-z0-9-]+)"></span>')


def number_forms(number: str | None) -> list[str]:
    """An E.164 number as stored, grouped, and dialled nationally (+41215551234 -> 0215551234)."""
    if not number:
        return []
    forms = [number, phone(number).replace("\u00a0", " ")]
    if number.startswith("+41"):
        forms.append("0" + number[3:])
    return list(dict.fromkeys(forms))


def search_entries(project: Project, pages: list[SitePage], ctx: SectionContext) -> list[SearchEntry]:
    """One entry per user, pointing at the directory part that holds their row."""
    anchors = {numbering.person_anchor(u.id): u for u in project.users}
    entries = []
    for page in pages:
        if not page.path.startswith(numbering.USERS_SLUG):
            continue
        for anchor in _ANCHOR.findall(page.markdown):
            user = anchors.get(anchor)
            if user is None:
                continue
            text = join([ctx.w("numbering.extension") + " " + user.extension, *number_forms(user.did), user.department,
                         ctx.site_name(user.site)], " · ")
            # The search shows titles and texts as HTML, as it does the pages' escaped headings.
            entries.append(SearchEntry(f"{page.path[:-3]}.html#{anchor}", html_text(user.display_name), html_text(text)))
    return entries
