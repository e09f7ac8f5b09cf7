"""The downloads page: the PDFs and workbook of the same build, and the customer file's documents.

Files are listed with size and SHA-256 so that a customer can check what they received. Customer
documents are published only in passive formats: an SVG or HTML file from the data could run
script in the site's origin, so those stay listed but unpublished.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generator.document import Block, Heading, Paragraph, Table, Text, escape
from generator.i18n import Translator
from generator.model.project import Project
from generator.output import sha256_file

PASSIVE_FORMATS = {".pdf", ".txt", ".csv", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".xlsx", ".xls", ".ods", ".docx", ".doc", ".odt", ".zip", ".eml", ".msg"}


@dataclass(frozen=True)
class Download:
    source: Path
    site_path: str  # where the site publishes it, relative to the site root
    size: int
    sha256: str
    title: str = ""  # the document's title, when the build made it

    @classmethod
    def of(cls, source: Path, site_path: str, title: str = "") -> "Download":
        return cls(source, site_path, source.stat().st_size, sha256_file(source), title)


def build_outputs(staging: Path, products) -> list[Download]:
    """The files the build's renderers made (`generator.renderers.base.Product`s), as written in
    the staging folder, by path."""
    return [Download.of(staging / p.path, "downloads/" + p.path, p.title) for p in sorted(products, key=lambda p: p.path)]


def project_attachments(project: Project) -> dict[str, Download]:
    """Document id -> the published copy of its file, for files in a passive format."""
    attached: dict[str, Download] = {}
    for document in project.documents:
        if not document.file:
            continue
        source = project.root / document.file
        if source.suffix.lower() in PASSIVE_FORMATS and source.is_file():
            attached[document.id] = Download.of(source, f"downloads/documents/{document.id}{source.suffix.lower()}")
    return attached


def human_size(size: int, t: Translator) -> str:
    if size < 1024:
        return t.t("site.downloads.bytes", value=t.number(size))
    if size < 1024 * 1024:
        return t.t("site.downloads.kib", value=t.number(size / 1024, 1))
    return t.t("site.downloads.mib", value=t.number(size / (1024 * 1024), 1))


def _link(text: str, href: str) -> Text:
    return Text(f"[{escape(text)}]({href})", raw=True)


def _format(path: str, t: Translator) -> str:
    suffix = Path(path).suffix.lower()
    return t.t({".pdf": "site.downloads.format_pdf", ".xlsx": "site.downloads.format_xlsx"}.get(suffix, "site.downloads.format_other"))


def download_blocks(outputs: list[Download], attached: dict[str, Download], project: Project, t: Translator, generated: dt.datetime) -> list[Block]:
    """One table of every file the site publishes: this build's PDFs and workbook, then the
    customer file's documents; or a sentence saying there are none."""
    blocks: list[Block] = [Heading(2, t.t("site.downloads.build_heading"), anchor="downloads")]
    rows = [(_link(Path(d.site_path).name, d.site_path), _format(d.site_path, t), human_size(d.size, t), Text(f"`{d.sha256}`", raw=True)) for d in outputs]
    titles = {d.id: d for d in project.documents}
    for doc_id, d in sorted(attached.items(), key=lambda item: (titles[item[0]].date, item[0])):
        rows.append((_link(titles[doc_id].title, d.site_path), t.label("document_kind", titles[doc_id].kind), human_size(d.size, t), Text(f"`{d.sha256}`", raw=True)))
    if not rows:
        return blocks + [Paragraph((t.t("site.downloads.none"),))]
    return blocks + [
        Paragraph((t.t("site.downloads.build_intro", date=t.date(generated.date(), "long")),)),
        Table((t.t("site.downloads.file"), t.t("site.downloads.kind"), t.t("site.downloads.size"), t.t("site.downloads.sha256")), tuple(rows)),
    ]
