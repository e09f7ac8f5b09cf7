"""The downloads page: the PDFs and workbook of the same build, and the customer file's documents.

Each download is an entry (path, title, kind, language, audience, size, sha256): the table names
files by what they are, for whom and in which language, and publishes them under a name saying
the same. The build's files are the products its renderers declare, never whatever lies in the folder.
Customer documents are published only in passive formats: an SVG or HTML file from the data could
run script in the site's origin, so those stay listed but unpublished.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from generator.document import Block, Heading, Paragraph, Table, Text, escape
from generator.escaping import url_path
from generator.i18n import Translator
from generator.model.project import Project
from generator.output import sha256_file

PASSIVE_FORMATS = {".pdf", ".txt", ".csv", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".xlsx", ".xls", ".ods", ".docx", ".doc", ".odt", ".zip", ".eml", ".msg"}


@dataclass(frozen=True)
class Download:
    source: Path  # the file to publish
    site_path: str  # where the site publishes it, relative to the site root
    title: str
    kind: str  # words: "PDF record", "Excel workbook", a document kind
    language: str  # fr, de, en; "" when unknown (a customer's file)
    audience: str  # the edition's audience; "" for a customer's file
    size: int
    sha256: str

    @classmethod
    def of(cls, source: Path, site_path: str, title: str, kind: str, language: str = "", audience: str = "") -> "Download":
        return cls(source, site_path, title, kind, language, audience, source.stat().st_size, sha256_file(source))


def file_name(*parts: str) -> str:
    """A published file's name from what it is (title, kind, language, audience): lowercase, dashed."""
    text = "-".join(p for p in parts if p)
    text = re.sub(r"[^a-z0-9]+", "-", text.lower().translate(str.maketrans("àâäçéèêëîïôöùûüß", "aaaceeeeiioouuus"))).strip("-")
    return text[:80].rstrip("-") or "file"


def build_outputs(staging: Path, products, t: Translator | None = None) -> list[Download]:
    """The files the build's renderers made (`generator.renderers.base.Product`s), as written in
    the staging folder, published under a name that starts with their title."""
    t = t or Translator("en")
    kinds = {"pdf": "site.downloads.format_pdf", "workbook": "site.downloads.format_xlsx"}
    found = []
    for p in sorted(products, key=lambda p: p.path):
        folder, name = p.path.rsplit("/", 1) if "/" in p.path else ("", p.path)
        stem, suffix = (name.rsplit(".", 1) + [""])[:2]
        site_path = "/".join(x for x in ("downloads", folder, file_name(p.title, stem) + (f".{suffix.lower()}" if suffix else "")) if x)
        found.append(Download.of(staging / p.path, site_path, p.title, t.t(kinds[p.kind]), p.lang, p.audience.value))
    return found


def project_attachments(project: Project, t: Translator | None = None) -> dict[str, Download]:
    """Document id -> the published copy of its file, for files in a passive format."""
    t = t or Translator("en")
    attached: dict[str, Download] = {}
    for document in project.documents:
        source = project.file(document.file)
        if source is not None and source.suffix.lower() in PASSIVE_FORMATS:
            name = file_name(document.id, document.title)
            attached[document.id] = Download.of(source, f"downloads/documents/{name}{source.suffix.lower()}", document.title,
                                                t.label("document_kind", document.kind))
    return attached


def human_size(size: int, t: Translator) -> str:
    if size < 1024:
        return t.t("site.downloads.bytes", value=t.number(size))
    if size < 1024 * 1024:
        return t.t("site.downloads.kib", value=t.number(size / 1024, 1))
    return t.t("site.downloads.mib", value=t.number(size / (1024 * 1024), 1))


def _link(text: str, href: str) -> Text:
    return Text(f"[{escape(text)}]({url_path(href)})", raw=True)


def download_blocks(outputs: list[Download], attached: dict[str, Download], project: Project, t: Translator, generated: dt.datetime) -> list[Block]:
    """One table of every file the site publishes: this build's PDFs and workbook, then the
    customer file's documents; or a sentence saying there are none."""
    blocks: list[Block] = [Heading(2, t.t("site.downloads.build_heading"), anchor="downloads")]
    dates = {d.id: d.date for d in project.documents}
    ordered = [*outputs, *(d for _, d in sorted(attached.items(), key=lambda item: (dates[item[0]], item[0])))]
    rows = [(_link(d.title, d.site_path), d.kind, t.t(f"site.language_names.{d.language}") if d.language else "",
             t.t(f"site.audience.{d.audience}") if d.audience else "", human_size(d.size, t), Text(f"`{d.sha256}`", raw=True)) for d in ordered]
    if not rows:
        return blocks + [Paragraph((t.t("site.downloads.none"),))]
    return blocks + [
        Paragraph((t.t("site.downloads.build_intro", date=t.date(generated.date())),)),
        Table((t.t("site.downloads.file"), t.t("site.downloads.kind"), t.t("site.downloads.language"), t.t("site.downloads.audience"),
               t.t("site.downloads.size"), t.t("site.downloads.sha256")), tuple(rows)),
    ]
