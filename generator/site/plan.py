"""What the site holds, decided from the model alone: pages, navigation, figures and downloads.

The plan is plain data; the mkdocs plugin only hands it over. Customer text reaches the pages as
escaped Markdown (generator.document) and the navigation as escaped titles.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.document import Document, Paragraph, Text, escape, to_markdown
from generator.i18n import Translator
from generator.model.project import Project
from generator.site import downloads, sources
from generator.site.branding import Branding, branding_of
from generator.site.parts import split_document

ASSETS = Path(__file__).resolve().parent / "assets"
RUNBOOK_FOLDER = "runbooks"
DOWNLOAD_SLUGS = ("downloads", "documents")


@dataclass(frozen=True)
class SitePage:
    path: str  # mkdocs src_uri, e.g. "licences.md"
    title: str  # plain text
    markdown: str

    @property
    def depth_prefix(self) -> str:
        return "../" * self.path.count("/")


@dataclass(frozen=True)
class NavGroup:
    title: str
    pages: tuple[SitePage, ...]


NavEntry = SitePage | NavGroup


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
        def entry(page: SitePage) -> dict:
            return {html.escape(page.title): page.path}

        return [
            {html.escape(e.title): [entry(p) for p in e.pages]} if isinstance(e, NavGroup) else entry(e)
            for e in self.nav
        ]


def slug_of(document: Document) -> str:
    slug = document.slug or re.sub(r"[^a-z0-9]+", "-", document.title.lower()).strip("-")
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug):
        raise ValueError(f"page slug {slug!r} of {document.title!r} is not a lowercase-dashed name")
    return slug


def _parts_nav(path_of: list[str], index: int, t: Translator) -> Paragraph:
    """'Part 2 of 3: 1 · 2 · 3' with links to the other parts, relative to the part's own folder."""
    links = []
    for i, path in enumerate(path_of, start=1):
        name = Path(path).name
        links.append(f"**{i}**" if i == index + 1 else f"[{i}]({name})")
    label = escape(t.t("site.parts.label", index=index + 1, count=len(path_of)))
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
        prefix = "../" * part_path.count("/")
        pages.append(SitePage(part_path, document.title, to_markdown(part, figure_prefix=prefix)))
    return pages


def downloads_document(project: Project, t: Translator, generated: dt.datetime, outputs, attached, section: Document | None) -> Document:
    """The section's own documents page with this build's files on top, or a page of its own."""
    build_blocks = downloads.build_output_blocks(outputs, t, generated)
    if section is not None:
        return Document(section.title, [*build_blocks, *section.blocks], section.slug)
    return Document(
        t.t("site.downloads.title"),
        [*build_blocks, *downloads.project_document_blocks(project, attached, t)],
        "downloads",
    )


def plan_site(
    project: Project,
    t: Translator,
    generated: dt.datetime,
    staging: Path | None = None,
) -> SitePlan:
    """Every page, figure and download of one language's site."""
    sections = sources.section_documents(project, t)
    runbooks = sources.runbook_documents(project, t)
    outputs = downloads.build_outputs(staging)
    section_downloads = next((d for d in sections if slug_of(d) in DOWNLOAD_SLUGS), None)
    attached = {} if section_downloads else downloads.project_attachments(project)
    download_doc = downloads_document(project, t, generated, outputs, attached, section_downloads)

    documents = [d for d in sections if d is not section_downloads]
    glossary = next((i for i, d in enumerate(documents) if slug_of(d) == "glossary"), len(documents))
    documents.insert(glossary, download_doc)

    nav: list[NavEntry] = []
    pages: list[SitePage] = []
    for i, document in enumerate(documents):
        doc_pages = pages_of(document, "index.md" if i == 0 else f"{slug_of(document)}.md", t)
        pages += doc_pages
        nav.append(doc_pages[0])
        if runbooks and "backup" in slug_of(document):
            group = _runbook_group(runbooks, t)
            pages += group[1]
            nav.append(group[0])
            runbooks = []
    if runbooks:
        group = _runbook_group(runbooks, t)
        pages += group[1]
        nav.append(group[0])

    branding = branding_of(project)
    files = dict(sources.figures(project, t))
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


def _runbook_group(runbooks: list[Document], t: Translator) -> tuple[NavGroup, list[SitePage]]:
    pages: list[SitePage] = []
    first: list[SitePage] = []
    for document in runbooks:
        doc_pages = pages_of(document, f"{RUNBOOK_FOLDER}/{slug_of(document)}.md", t)
        pages += doc_pages
        first.append(doc_pages[0])
    return NavGroup(t.t("site.nav.runbooks"), tuple(first)), pages
