"""Where the evidence is, in words, for the customer and auditor editions.

Findings cite the data as `numbering.yaml:38:58`: right for the integrator who edits the files,
meaningless to a customer or an auditor, who read the documentation. In their editions a table
cell holding such a citation becomes the name of the page that shows the same data, linked.
"""

from __future__ import annotations

import html
import posixpath
import re

from generator.escaping import html_text
from generator.model.project import Project

# Which page shows the data of each concern file.
PAGE_OF_CONCERN = {
    "pbxdoc": "index.html", "sites": "index.html", "contacts": "index.html",
    "servers": "system.html", "interfaces": "interfaces.html", "terminals": "terminals-dect.html", "dect": "terminals-dect.html",
    "handsets": "terminals-dect.html", "users": "numbering-users.html", "numbering": "numbering.html", "rights": "rights.html",
    "network": "addressing.html", "addresses": "addressing.html", "licences": "licences.html", "changelog": "changelog.html",
    "availability": "availability.html", "callerid": "caller-id.html", "backups": "backup/index.html", "documents": "documents.html",
    "commissioning": "documents.html", "waivers": "compliance.html",
}
_CELL = re.compile(r"<td>([^<>:\s]+\.(?:ya?ml|csv|xlsx)(?::[^<>\s]*)?)</td>")


def evidence_pages(project: Project, titles: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Data file name -> (site path, title) of the page that shows its data (titles: path -> page title)."""
    found = {}
    for concern, file in project.files.items():
        path = PAGE_OF_CONCERN.get(concern)
        if path and path in titles:
            found[file] = (path, titles[path])
    return found


def in_words(page: str, page_url: str, pages: dict[str, tuple[str, str]], unknown: str) -> str:
    """Table cells citing a data file (file:line:column) name and link the page showing that data;
    a file no page shows becomes `unknown` (words saying the evidence is in the customer file)."""
    base = posixpath.dirname(page_url)

    def replace(m: re.Match) -> str:
        file = html.unescape(m[1]).split(":", 1)[0]
        if file not in pages:
            return f"<td>{html_text(unknown)}</td>"
        path, title = pages[file]
        return f'<td><a href="{posixpath.relpath(path, base or ".")}">{html_text(title)}</a></td>'

    return _CELL.sub(replace, page)
