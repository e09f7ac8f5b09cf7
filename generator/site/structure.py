"""The pieces a site plan is made of: pages, navigation entries and extra search results."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SitePage:
    path: str  # mkdocs src_uri, e.g. "licences.md"
    title: str  # plain text
    markdown: str


@dataclass(frozen=True)
class NavGroup:
    title: str
    pages: tuple[tuple[str, "SitePage | NavGroup"], ...]  # (nav title, page or sub-group); a first page is the section's index


@dataclass(frozen=True)
class NavLink:
    """A page listed under a shorter title than its own (the home page)."""

    title: str
    page: SitePage

    @property
    def path(self) -> str:
        return self.page.path


NavEntry = SitePage | NavLink | NavGroup


@dataclass(frozen=True)
class SearchEntry:
    """One result of the site's search that no heading makes (a person in the directory)."""

    location: str  # site-relative URL with its anchor
    title: str
    text: str
