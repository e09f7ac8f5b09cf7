"""What the site holds, decided from the model alone: pages, navigation, figures and downloads.

The plan is plain data; the mkdocs plugin only hands it over. Customer text reaches the pages as
escaped Markdown (generator.document) and the navigation as escaped titles.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.content import Content
from generator.document import Document, Paragraph, Text, escape, to_markdown
from generator.i18n import Translator
from generator.site import downloads
from generator.site.branding import Branding, branding_of
from generator.site.parts import split_document

ASSETS = Path(__file__).resolve().parent / "assets"
BACKUP_SLUG = "backup"  # its page becomes the index of a section holding the runbooks
DOWNLOADS_SLUG = "documents"  # the page that also offers the build's files


@dataclass(frozen=True)
class SitePage:
    path: str  # mkdocs src_uri, e.g. "licences.md"
    title: str  # plain text
    markdown: str


@dataclass(frozen=True)
class NavGroup:
    title: str
    pages: tuple[tuple[str, SitePage], ...]  # (nav title, page); the first is the section's index


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
class SitePlan:
    site_name: str
    lang: str
    nav: tuple[NavEntry, ...]
    pages: tuple[SitePage, ...]  # every page, including later parts of split pages
    files: dict[str, bytes]  # generated files (figures, CSS) by site path
    copies: dict[str, Path] = field(default_factory=dict)  # published copies of files on disk
    branding: Branding | None = None

    def mkdocs_nav(self) -> list:
        """The nav as mkdocs config, titles HTML-escaped (material prints them unescaped)."""
        return [
            {html.escape(e.title): [{html.escape(title): page.path} for title, page in e.pages]}
            if isinstance(e, NavGroup)
            else {html.escape(e.title): e.path}
            for e in self.nav
        ]


def slug_of(document: Document) -> str:
    slug = document.slug or re.sub(r"[^a-z0-9]+", "-", document.title.lower()).strip("-")
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug):
        raise ValueError(f"page slug {slug!r} of {document.title!r} is not a lowercase-dashed name")
    return slug


def _parts_nav(paths: list[str], index: int, t: Translator) -> Paragraph:
    """'Part 2 of 3: 1 · 2 · 3' with links to the other parts, relative to the part's own folder."""
    links = [f"**{i}**" if i == index + 1 else f"[{i}]({Path(path).name})" for i, path in enumerate(paths, start=1)]
    label = escape(t.t("site.parts.label", index=index + 1, count=len(paths)))
    return Paragraph((Text(f"{label} " + " · ".join(links), raw=True),))


def pages_of(document: Document, path: str, t: Translator) -> list[SitePage]:
    """A document as one page, or as numbered parts when its tables are too long for one."""
    parts = split_document(document)
    stem = path[: -len(".md")]
    paths = [path] + [f"{stem}-{i}.md" for i in range(2, len(parts) + 1)]
    pages = []
    for i, (part, part_path) in enumerate(zip(parts, paths)):
        if len(parts) > 1:
            part = Document(part.title, [_parts_nav(paths, i, t), *part.blocks], part.slug)
        pages.append(SitePage(part_path, document.title, to_markdown(part, figure_prefix="../" * part_path.count("/"))))
    return pages


DOWNLOADS_MARK = "<!-- pbxdoc:downloads -->"  # where the downloads table goes when it is made last


def plan_site(content: Content, outputs: list[downloads.Download] = (), deferred: bool = False) -> SitePlan:
    """Every page, figure and download of one language's site; outputs are the build's files
    offered for download (the PDFs and workbook of the same language). `deferred`: those files
    are still being made; the downloads table is written last (plugin.on_post_build), at the mark."""
    project, t, generated = content.project, content.translator, content.generated
    outputs = [] if deferred else list(outputs)
    attached = downloads.project_attachments(project)
    if deferred:  # the heading now (for the page's table of contents), what follows it at the end
        offered = [downloads.download_blocks([], {}, project, t, generated)[0], Paragraph((Text(DOWNLOADS_MARK, raw=True),))]
    else:
        offered = downloads.download_blocks(outputs, attached, project, t, generated)
    documents = list(content.sections)
    if not any(slug_of(d) == DOWNLOADS_SLUG for d in documents):
        documents.append(Document(t.t("site.downloads.title"), [], DOWNLOADS_SLUG))
    runbooks = [(content.equipment_name(book.system_id), book.document) for book in content.runbooks]

    nav: list[NavEntry] = []
    pages: list[SitePage] = []
    for i, document in enumerate(documents):
        slug = slug_of(document)
        if slug == DOWNLOADS_SLUG:
            document = Document(document.title, [*document.blocks, *offered], document.slug)
        if slug == BACKUP_SLUG:
            section = pages_of(document, f"{slug}/index.md", t)
            books = [(title, pages_of(book, f"{slug}/{slug_of(book)}.md", t)) for title, book in runbooks]
            pages += section + [p for _, book_pages in books for p in book_pages]
            nav.append(NavGroup(document.title, ((document.title, section[0]), *((title, p[0]) for title, p in books))))
            continue
        doc_pages = pages_of(document, "index.md" if i == 0 else f"{slug}.md", t)
        pages += doc_pages
        nav.append(NavLink(t.t("site.home"), doc_pages[0]) if i == 0 else doc_pages[0])

    branding = branding_of(project)
    files = dict(content.figures)
    files["assets/pbxdoc/branding.css"] = branding.css().encode()
    copies = {d.site_path: d.source for d in [*outputs, *attached.values()]}
    if branding.logo:
        copies[branding.logo_site_path] = branding.logo
    return SitePlan(
        site_name=project.pbxdoc.customer.name,
        lang=t.lang,
        nav=tuple(nav),
        pages=tuple(pages),
        files=files,
        copies=dict(sorted(copies.items())),
        branding=branding,
    )
