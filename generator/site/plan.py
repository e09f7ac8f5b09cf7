"""What the site holds, decided from the build's content: pages, navigation, figures and downloads.

The plan is plain data; the mkdocs plugin only hands it over. Customer text reaches the pages as
escaped Markdown (generator.document) and the navigation as escaped titles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.content import Content
from generator.document import Document, Heading, Paragraph, Text, escape, to_markdown
from generator.escaping import html_markup
from generator.i18n import Translator
from generator.runbooks import slug_for
from generator.sections import numbering, objects
from generator.site import calendar, downloads, evidence, navigation, people, printing
from generator.site.branding import Branding, branding_of
from generator.site.parts import split_document
from generator.site.structure import NavEntry, NavGroup, NavLink, SearchEntry, SitePage

ASSETS = Path(__file__).resolve().parent / "assets"
BACKUP_SLUG = "backup"  # its page becomes the index of a section holding the runbooks
DOWNLOADS_SLUG = "documents"  # the page that also offers the build's files


@dataclass(frozen=True)
class SitePlan:
    site_name: str
    lang: str
    nav: tuple[NavEntry, ...]
    pages: tuple[SitePage, ...]  # every page, including later parts of split pages
    files: dict[str, bytes]  # generated files (figures, CSS) by site path
    copies: dict[str, Path] = field(default_factory=dict)  # published copies of files on disk
    branding: Branding | None = None
    links: dict[str, str] = field(default_factory=dict)  # identifier -> site path (.html) of its page
    search_entries: tuple[SearchEntry, ...] = ()  # index entries added to the pages' own
    evidence: dict[str, tuple[str, str]] = field(default_factory=dict)  # where evidence is, in words -> (path, title) of the page showing it

    def mkdocs_nav(self) -> list:
        """The nav as mkdocs config, titles HTML-escaped (material prints them unescaped)."""

        def entry(title: str, e) -> dict:
            if isinstance(e, NavGroup):
                return {html_markup(title): [entry(t, p) for t, p in e.pages]}
            return {html_markup(title): e.path}

        return [entry(e.title, e) for e in self.nav]


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
    ctx = content.section_context
    outputs = [] if deferred else list(outputs)
    attached = downloads.project_attachments(project, t)
    if deferred:  # the heading now (for the page's table of contents), what follows it at the end
        offered = [downloads.download_blocks([], {}, project, t, generated)[0], Paragraph((Text(DOWNLOADS_MARK, raw=True),))]
    else:
        offered = downloads.download_blocks(outputs, attached, project, t, generated)
    documents = list(content.sections)
    slugs = [slug_of(d) for d in documents]
    if numbering.USERS_SLUG not in slugs:  # the directory of people is on every site, however small
        documents.insert(slugs.index("numbering") + 1 if "numbering" in slugs else len(documents), numbering.users_document(ctx))
    if not any(slug_of(d) == DOWNLOADS_SLUG for d in documents):
        documents.append(Document(t.t("site.downloads.title"), [], DOWNLOADS_SLUG))
    runbooks = [(content.equipment_name(book.system_id), book.document) for book in content.runbooks]

    sections: list[tuple[str, NavEntry]] = []
    pages: list[SitePage] = []
    for i, document in enumerate(documents):
        slug = slug_of(document)
        if slug == DOWNLOADS_SLUG:
            document = Document(document.title, [*document.blocks, *offered], document.slug)
        if i == 0:
            document = _with_calendar_link(document, t)
        if slug == BACKUP_SLUG:
            section = pages_of(document, f"{slug}/index.md", t)
            books = [(title, pages_of(book, f"{slug}/{slug_of(book)}.md", t)) for title, book in runbooks]
            pages += section + [p for _, book_pages in books for p in book_pages]
            sections.append((slug, NavGroup(document.title, ((document.title, section[0]), *((title, p[0]) for title, p in books)))))
            continue
        doc_pages = pages_of(document, "index.md" if i == 0 else f"{slug}.md", t)
        pages += doc_pages
        sections.append((slug, NavLink(t.t("site.home"), doc_pages[0]) if i == 0 else doc_pages[0]))

    paths = {p.path for p in pages}
    runbook_paths = {sid: f"{BACKUP_SLUG}/{slug_for(sid)}.md" for sid in sorted(project.equipment) if f"{BACKUP_SLUG}/{slug_for(sid)}.md" in paths}
    object_group, object_pages_ = _object_pages(ctx, t, runbook_paths)
    pages += object_pages_
    sections.append((objects.FOLDER, object_group))
    nav = navigation.tabs(sections, t)

    branding = branding_of(project)
    files = dict(content.figures)
    files["assets/pbxdoc/branding.css"] = branding.css().encode()
    files["assets/pbxdoc/print.css"] = printing.print_css(project, t, generated).encode()
    files[calendar.PATH] = calendar.calendar_feed(project, t, generated)
    copies = {d.site_path: d.source for d in [*outputs, *attached.values()]}
    if branding.logo:
        files[branding.logo_site_path] = branding.logo.content
    links = {object_id: path[:-3] + ".html" for object_id, path in objects.object_paths(ctx).items()}
    links.update({f.rule: "compliance.html" for f in project.findings})
    links.update({doc_id: d.site_path for doc_id, d in attached.items()})  # the register links to the files
    return SitePlan(
        site_name=project.pbxdoc.customer.name,
        lang=t.lang,
        nav=tuple(nav),
        pages=tuple(pages),
        files=files,
        copies=dict(sorted(copies.items())),
        branding=branding,
        links=dict(sorted(links.items())),
        search_entries=tuple(people.search_entries(project, pages, ctx)),
        evidence=evidence.evidence_pages(project, t, {p.path[:-3] + ".html": p.title for p in pages}),
    )


def _with_calendar_link(home: Document, t: Translator) -> Document:
    """The home page offers the calendar of due dates at the end of what needs attention."""
    blocks = list(home.blocks)
    start = next((i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.anchor == "attention"), None)
    if start is None:
        return home
    end = next((i for i in range(start + 1, len(blocks)) if isinstance(blocks[i], Heading) and blocks[i].level <= 2), len(blocks))
    link = Paragraph((Text(f"{escape(t.t('site.calendar.intro'))} [{escape(t.t('site.calendar.link'))}]({calendar.PATH})", raw=True),))
    return Document(home.title, [*blocks[:end], link, *blocks[end:]], home.slug)


def _object_pages(ctx, t: Translator, runbooks: dict[str, str]) -> tuple[NavGroup, list[SitePage]]:
    """The page of every site and asset, and their nav: the list first, then one group per kind."""
    found = objects.object_pages(ctx, runbooks)
    index = pages_of(objects.index_document(ctx, found), f"{objects.FOLDER}/index.md", t)
    pages = index + [SitePage(o.path, o.document.title, to_markdown(o.document, figure_prefix="../")) for o in found]
    by_kind: dict[str, list[tuple[str, SitePage]]] = {}
    for o, page in zip(found, pages[len(index):]):
        by_kind.setdefault(o.kind, []).append((f"{o.name} ({o.object_id})" if o.name != o.object_id else o.object_id, page))
    kinds = tuple((t.t(f"site.nav.objects.{kind}"), NavGroup(t.t(f"site.nav.objects.{kind}"), tuple(entries))) for kind, entries in by_kind.items())
    return NavGroup(index[0].title, ((index[0].title, index[0]), *kinds)), pages
