"""Where the evidence is, linked, in the customer and auditor editions.

Their findings say where the evidence is in words ("Section “Licences” of the documentation",
generator.audience.evidence) instead of the integrator's `licences.yaml:12:5`; on the site such a
table cell links the page that shows the same data.
"""

from __future__ import annotations

import html
import posixpath
import re

from generator.audience import where_kept
from generator.escaping import html_text
from generator.i18n import Translator
from generator.model.project import Project

# Which page shows the data of each concern file.
PAGE_OF_CONCERN = {
    "pbxdoc": "index.html", "sites": "index.html", "contacts": "index.html",
    "servers": "system.html", "interfaces": "interfaces.html", "terminals": "terminals-dect.html", "dect": "terminals-dect.html",
    "handsets": "terminals-dect.html", "users": "numbering-users.html", "numbering": "numbering.html", "rights": "rights.html",
    "network": "addressing.html", "addresses": "addressing.html", "licences": "licences.html", "changelog": "changelog.html",
    "availability": "availability.html", "callerid": "caller-id.html", "backups": "backup/index.html", "documents": "documents.html",
    "commissioning": "documents.html", "waivers": "compliance.html", "routing": "routing.html", "audit": "compliance.html",
}


def evidence_pages(project: Project, t: Translator, titles: dict[str, str]) -> dict[str, tuple[str, str]]:
    """The words saying where a concern's data is -> (site path, title) of the page that shows it
    (titles: path -> page title). The integrator's edition cites files and has none."""
    found = {}
    for concern in sorted(project.files):
        path = PAGE_OF_CONCERN.get(concern)
        words = where_kept(concern, project, t)
        if path and path in titles and words and words not in project.files.values():
            found.setdefault(words, (path, titles[path]))
    return found


def in_words(page: str, page_url: str, pages: dict[str, tuple[str, str]]) -> str:
    """Table cells saying where the evidence is link the page showing that data."""
    if not pages:
        return page
    base = posixpath.dirname(page_url)
    cells = re.compile("<td>(" + "|".join(re.escape(html_text(words)) for words in sorted(pages, key=len, reverse=True)) + ")</td>")

    def replace(m: re.Match) -> str:
        path, title = pages[html.unescape(m[1])]
        return f'<td><a href="{posixpath.relpath(path, base or ".")}">{html_text(title)}</a></td>'

    return cells.sub(replace, page)
