"""The site's navigation: sections grouped by the reader's tasks, shown as tabs.

Overview, installation, users and numbers, operations, compliance, documents. A section this
module does not know yet (a new one) joins the installation tab, so that it is never lost.
"""

from __future__ import annotations

from generator.i18n import Translator
from generator.site.structure import NavGroup, NavLink

TABS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("overview", ("index",)),
    ("installation", ("system", "interfaces", "terminals-dect", "availability", "addressing", "addressing-addresses", "objects")),
    ("people", ("numbering", "numbering-users", "free-seating", "caller-id", "rights")),
    ("operations", ("backup", "changelog", "licences")),
    ("compliance", ("compliance",)),
    ("documents", ("documents", "glossary")),
)
DEFAULT_TAB = "installation"


def _child(entry) -> tuple:
    if isinstance(entry, NavGroup):
        return (entry.title, entry)
    if isinstance(entry, NavLink):
        return (entry.title, entry.page)
    return (entry.title, entry)


def tabs(sections: list[tuple[str, object]], t: Translator) -> list:
    """One group per tab with its sections in reading order; tabs without a section are left out."""
    tab_of = {slug: tab for tab, slugs in TABS for slug in slugs}
    grouped: dict[str, list] = {tab: [] for tab, _ in TABS}
    for slug, entry in sections:
        grouped[tab_of.get(slug, DEFAULT_TAB)].append(entry)
    return [_tab(t.t(f"site.nav.tabs.{tab}"), entries) for tab, entries in grouped.items() if entries]


def _tab(title: str, entries: list):
    """A tab of one page is that page under the tab's name: a page of its own keeps its table of
    contents in the sidebar (a section's index page would not show it)."""
    if len(entries) == 1 and not isinstance(entries[0], NavGroup):
        return NavLink(title, _child(entries[0])[1])
    return NavGroup(title, tuple(_child(e) for e in entries))
