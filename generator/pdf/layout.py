"""From Documents to one HTML page and its in-memory resources (fonts, stylesheet, logo, figures).

Documents are converted with the site's Markdown extensions, so a section reads the same in the
book as on the site. Customer text was escaped when the Markdown was written; the template
escapes everything else it prints (autoescape), in the sandbox of generator.templating.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import jinja2
import markdown
from markupsafe import Markup

from generator.audience import Audience
from generator.checks.report import tool_version
from generator.content import AUDIENCE_TAGS
from generator.escaping import html_text
from generator.document import MARKDOWN_EXTENSIONS, Document, to_markdown
from generator.i18n import Translator
from generator.logo import logo_of
from generator.model.project import Project
from generator.pdf.columns import fixed_columns
from generator.pdf.fetcher import resource_url
from generator.pdf.watermark import draft_svg
from generator.phones import readable
from generator.templating import Sandbox, environment

TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "pdf"
FONTS = (
    "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationSans-Italic.ttf", "LiberationSans-BoldItalic.ttf",
    "LiberationMono-Regular.ttf", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf",
)
_SVG_SIZE = re.compile(rb'<svg[^>]*?\swidth="([\d.]+)pt"[^>]*?\sheight="([\d.]+)pt"', re.S)
_IMG = re.compile(r'(<figure>\s*<p>)?<img ([^>]*?)src="pbxdoc:([^"]+\.svg)"')
TEXT_WIDTH_PT = (210 - 20 - 18) / 25.4 * 72  # A4 minus the page margins of pdf.css.j2
TEXT_HEIGHT_PT = 200 / 25.4 * 72  # leave room for the caption and the heading
LANDSCAPE_WIDTH_PT = (297 - 14 - 14) / 25.4 * 72  # A4 landscape minus the margins of @page landscape
LANDSCAPE_HEIGHT_PT = (210 - 17 - 16 - 10) / 25.4 * 72  # minus room for the caption
_DATA_URI = re.compile(r"""data:[a-z]+/[a-z0-9.+-]+(?:;[a-z0-9=.-]+)*,[^"')\s]+""", re.IGNORECASE)


@dataclass(frozen=True)
class Signature:
    role: str
    name: str
    organisation: str


@dataclass(frozen=True)
class Record:
    """What one PDF is made of: its documents, who signs it, and which source files it attaches."""

    name: str  # record name in the document id, e.g. commissioning
    title: str
    kind: str  # the line above the title (e.g. "Procès-verbal")
    documents: list[Document]
    concerns: tuple[str, ...]  # project files attached as the record's sources
    signatures: tuple[Signature, ...] = ()
    signature_statement: str = ""
    toc: bool = False
    break_between_parts: bool = False
    figures: dict[str, bytes] = field(default_factory=dict)  # output path -> bytes (diagrams)
    draft: bool = False  # a record not issued yet: DRAFT on every page
    control: bool = False  # document control (revisions, distribution, prepared / reviewed / approved)
    doc_id: str = ""  # set for an issue (a reissue has its own id); else made from the project
    bodies: tuple[str, ...] = ()  # each document's HTML (document_html), when made beforehand


@lru_cache(maxsize=1)
def _environment() -> Sandbox:
    return environment(jinja2.FileSystemLoader(str(TEMPLATES)), trim_blocks=True, lstrip_blocks=True)


@lru_cache(maxsize=1)
def font_resources() -> dict[str, bytes]:
    return {f"fonts/{name}": (TEMPLATES / "fonts" / name).read_bytes() for name in FONTS}


def document_id(project: Project, record: str, lang: str, audience: str) -> str:
    """The record's id and file name: each language and audience edition is a different content,
    so each has its own id (CDL-TEL-AUDIT-3.2-fr-auditor); one id never names two contents."""
    info = project.pbxdoc.document
    return f"{info.id_prefix}-{record.upper()}-{info.version}-{lang}-{AUDIENCE_TAGS[Audience(audience)]}"


_TABLE_HEAD = re.compile(r"<table>(\s*<thead>.*?</thead>)", re.S)
WIDE_TABLE_COLUMNS = 7  # from this many columns a table gets tighter cells, to stay readable in portrait
TABLE_SIZE = "8pt"  # the one type size of every table of a record
# The padding each side of a table cell's text, plain and .wide tables: pdf.css.j2 prints it, and
# generator.pdf.columns counts it in the widths it works out.
CELL_SIDE_MM = {False: 1.8, True: 1.1}
_TEXT_NODE = re.compile(r">([^<>]+)<")
# A URL (https://mtx-pbx-01.cdl.local/provisioning), a phone number as printed (+41 21 555 80 00), or
# a token joined by - : / (LAU-PBX-01, 10.20.30.0/24, FLOW-UNASSIGNED, trunk-peoplefone): printed
# whole, never broken at a line end (a long one only after its slashes).
_UNBREAKABLE = re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s<>\"]+[^\s<>\".,;:)]|\+\d{1,3}(?: \d{1,4}){2,6}(?!\d)|(?<![\w.:/-])\w[\w.]*(?:[-:/][\w.]+)+")
MAX_UNBREAKABLE = 40  # characters; a longer token (a URL) wraps after its slashes rather than overflow its column
_AFTER_SLASHES = re.compile(r"[^/]*/+|[^/]+")


def _mark_wide(match: re.Match) -> str:
    columns = match.group(1).count("<th")
    return ('<table class="wide">' if columns >= WIDE_TABLE_COLUMNS else "<table>") + match.group(1)


def document_html(document: Document) -> str:
    """A Document's blocks as HTML (its title is printed by the template, with an anchor);
    checklist items get a printed tick box, tables with many columns a smaller type."""
    md = to_markdown(document, figure_prefix=resource_url(""), title_level=0)
    html = markdown.markdown(md, extensions=MARKDOWN_EXTENSIONS).replace("<li>[ ] ", '<li class="tick">')
    return _TABLE_HEAD.sub(_mark_wide, html)


def unbreakable(html: str) -> str:
    """Identifiers and phone numbers in the text of the HTML kept on one line (a span that does not
    wrap): a reader copies or dials them from paper."""

    def whole(text: str) -> str:
        return f'<span class="nobr">{text}</span>' if len(text) <= MAX_UNBREAKABLE else text

    def mark(token: re.Match) -> str:
        """A long token (a URL) in pieces ending at its slashes: it may wrap there, never inside a
        host name's hyphens (https://mtx-pbx-01.cdl.local/provisioning)."""
        text = token.group(0)
        return whole(text) if len(text) <= MAX_UNBREAKABLE else "".join(whole(piece) for piece in _AFTER_SLASHES.findall(text))

    return _TEXT_NODE.sub(lambda node: ">" + _UNBREAKABLE.sub(mark, node.group(1)) + "<", html)


def phone(number: str | None) -> str:
    """An E.164 number grouped as its country prints it (+41 21 555 80 00), with plain spaces."""
    return readable(number, " ")


MIN_PRINT_FONT_PT = 6.0  # no diagram text smaller than this on paper
_SVG_VIEWBOX = re.compile(rb'<svg[^>]*?\sviewBox="[\d.-]+ [\d.-]+ ([\d.]+) [\d.]+"', re.S)
_SVG_FONT = re.compile(rb'font-size(?:="|:\s*)([\d.]+)')
_SVG_GRAPH_SCALE = re.compile(rb'<g\b[^>]*\bclass="graph"[^>]*\btransform="scale\(([\d.]+)(?:[ ,]+([\d.]+))?\)')  # Graphviz's outer group


def smallest_font(svg: bytes) -> float | None:
    """The smallest text of an SVG in points at its own size (font sizes are in user units, inside
    the graph's own scale: Graphviz shrinks a drawing larger than its size attribute that way)."""
    sizes = [float(x) for x in _SVG_FONT.findall(svg)]
    found, box = _SVG_SIZE.search(svg[:2000]), _SVG_VIEWBOX.search(svg[:2000])
    if not sizes or not found:
        return None
    unit = float(found.group(1)) / float(box.group(1)) if box and float(box.group(1)) else 1.0
    scaled = _SVG_GRAPH_SCALE.search(svg[:3000])
    if scaled:
        unit *= min(abs(float(scaled.group(1))), abs(float(scaled.group(2) or scaled.group(1))))
    return min(sizes) * unit


def sized_figures(html: str, figures: dict[str, bytes], too_small: Callable[[str], str] = lambda path: "") -> str:
    """Give each generated SVG an explicit size (its own, scaled down to the text block): weasyprint
    otherwise derives the height from the fonts installed on the machine. A wide diagram that a
    portrait page would shrink below readability gets a landscape page of its own; one whose text
    would still print under 6 pt is not printed: `too_small(path)` says where to find it."""

    def size(match: re.Match) -> str:
        opening, attributes, path = match.group(1) or "", match.group(2), match.group(3)
        svg = figures.get(path, b"")
        found = _SVG_SIZE.search(svg[:2000])
        if not found:
            return match.group(0)
        width, height = float(found.group(1)), float(found.group(2))
        scale = min(1.0, TEXT_WIDTH_PT / width, TEXT_HEIGHT_PT / height)
        landscape = min(1.0, LANDSCAPE_WIDTH_PT / width, LANDSCAPE_HEIGHT_PT / height)
        font = smallest_font(svg) or MIN_PRINT_FONT_PT
        if opening and landscape > scale and (font * scale < MIN_PRINT_FONT_PT or (width > height and scale < 0.75 and landscape > scale * 1.25)):
            opening = opening.replace("<figure>", '<figure class="landscape">')
            scale = landscape
        if font * scale < MIN_PRINT_FONT_PT - 1e-6:
            return f'{opening}<span class="too-small">{too_small(path)}</span><img style="display: none" {attributes}src="pbxdoc:{path}"'
        return f'{opening}<img style="width: {width * scale:.1f}pt; height: {height * scale:.1f}pt" {attributes}src="pbxdoc:{path}"'

    return _IMG.sub(size, html)


def _address_lines(address) -> list[str]:
    if address is None:
        return []
    return [address.street, f"{address.postcode} {address.city}"]


def _logo(project: Project) -> tuple[str, bytes] | None:
    """The integrator's logo, read only from inside the project folder; an SVG as a PNG."""
    logo = logo_of(project)
    return (f"project/logo{logo.suffix}", logo.content) if logo else None


def page(record: Record, project: Project, t: Translator, audience: str, generated: dt.datetime, attachments: list[str], digest: str | None = None) -> tuple[str, dict[str, bytes], frozenset[str]]:
    """The record's HTML, the resources it may load, and the data: URIs found in generated figures.
    `digest` is that of the data the record was built from (its attached files)."""
    info = project.pbxdoc
    branding = info.integrator.branding
    resources: dict[str, bytes] = dict(font_resources())
    css = _environment().get_template("pdf.css.j2").render(
        primary=branding.primary_color, accent=branding.accent_color, page_label=t.t("pdf.page").replace('"', ""),
        draft_label=t.t("pdf.issue.draft_mark").replace('"', "") if record.draft else "", table_size=TABLE_SIZE,
        cell_side=f"{CELL_SIDE_MM[False]}mm", wide_cell_side=f"{CELL_SIDE_MM[True]}mm",
    )
    resources["pdf.css"] = css.encode("utf-8")
    if record.draft:
        resources["draft.svg"] = draft_svg(t.t("pdf.issue.draft_mark"), resources["fonts/LiberationSans-Bold.ttf"])
    logo = _logo(project)
    if logo:
        resources[logo[0]] = logo[1]
    allowed_data: set[str] = set()
    for path, content in sorted(record.figures.items()):
        resources[path] = content
        if path.endswith(".svg"):
            allowed_data.update(_DATA_URI.findall(content.decode("utf-8", "replace")))
    integrator_lines = _address_lines(info.integrator.address) + [v for v in (phone(info.integrator.phone), info.integrator.email) if v]
    meta = {
        "lang": t.lang,
        "title": record.title,
        "kind": record.kind,
        "customer": info.customer.name,
        "customer_lines": _address_lines(info.customer.address),
        "integrator": info.integrator.name,
        "integrator_lines": integrator_lines,
        "author": info.document.author,
        "doc_id": record.doc_id or document_id(project, record.name, t.lang, audience),
        "draft": record.draft,
        "generator": f"pbxdoc {tool_version()}",
        "version": info.document.version,
        "generated_date": t.date(generated.date()),
        "generated_iso": generated.isoformat(),
        "classification": info.classification_in(t) + (f" · {t.t('content.internal_short')}" if audience == "integrator" else ""),
        "audience": t.t(f"pdf.audiences.{audience}"),
        "digest": digest or project.digest,
        "logo": resource_url(logo[0]) if logo else None,
        "confidentiality": info.confidentiality_clause_in(t.lang),
        "attachments": attachments,
    }
    doc = info.document
    control = {
        "revisions": [(r.version, t.date(r.date), r.author, r.description) for r in doc.revisions if r.date <= generated.date()],
        "distribution": [(r.name, r.organisation, r.receives or "") for r in doc.distribution],
        "roles": [(t.t("pdf.control.prepared"), doc.author), (t.t("pdf.control.reviewed"), doc.reviewed_by or ""), (t.t("pdf.control.approved"), doc.approved_by or "")],
    } if record.control else None
    if record.bodies and len(record.bodies) != len(record.documents):
        raise ValueError(f"record {record.name}: {len(record.bodies)} HTML bodies for {len(record.documents)} documents")
    parts = []
    for i, document in enumerate(record.documents):
        anchor = f"part-{i + 1}"
        body = record.bodies[i] if record.bodies else document_html(document)
        html = sized_figures(body, record.figures, lambda path: html_text(t.t("pdf.figure_too_small", path=path)))
        parts.append({"anchor": anchor, "title": document.title, "html": Markup(html), "break_before": record.break_between_parts and i > 0})
    toc = [{"anchor": p["anchor"], "title": p["title"]} for p in parts] if record.toc else []
    html = _environment().get_template("record.html.j2").render(
        meta=meta,
        parts=parts,
        toc=toc,
        control=control,
        signatures=[dataclasses.asdict(s) for s in record.signatures],  # plain data: the sandbox gives templates no objects
        signature_statement=record.signature_statement,
        book=record.break_between_parts,
        t=t.t,
    )
    head, body = html.split("<body>", 1)
    sides = {wide: side / 25.4 * 72 for wide, side in CELL_SIDE_MM.items()}
    body = fixed_columns(unbreakable(body), TEMPLATES / "fonts", float(TABLE_SIZE.removesuffix("pt")), TEXT_WIDTH_PT, sides)
    return f"{head}<body>{body}", resources, frozenset(allowed_data)
