"""One PDF from one prepared job: weasyprint with the safe fetcher, tagged PDF/A-3a, fixed dates.

A job holds only plain data (HTML, bytes, dates) so that jobs can be typeset in worker processes.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from dataclasses import dataclass
from pathlib import Path

import pydyf

from generator.pdf.fetcher import SafeFetcher

PDF_VARIANT = "pdf/a-3a"  # tagged: a structure tree and reading order for screen readers and text extraction


@dataclass(frozen=True)
class SourceFile:
    """A data file embedded in the PDF (PDF/A-3 allows any file as an associated source)."""

    name: str
    description: str
    content: bytes


@dataclass(frozen=True)
class PdfJob:
    path: str  # output path, e.g. pdf/FRO-TEL-COMMISSIONING-1.3.pdf
    html: str
    resources: dict[str, bytes]
    allowed_data: frozenset[str]
    project_root: str
    sources: tuple[SourceFile, ...]
    generated: dt.datetime
    frozen: bytes | None = None  # an issued record: published as it was issued, never typeset again
    frozen_pages: int = 0


@dataclass(frozen=True)
class PdfResult:
    path: str
    content: bytes
    pages: int
    refused: tuple[str, ...]  # URLs the fetcher refused
    warnings: tuple[str, ...]  # other weasyprint warnings


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _single_associated_files(document, pdf) -> None:
    """weasyprint 70 lists each PDF/A-3 associated file twice in the catalogue's /AF; once is right."""
    associated = pdf.catalog.get("AF")
    if associated:
        unique = list(dict.fromkeys(associated))
        associated.clear()
        associated.extend(unique)


def _page_references(pdf) -> tuple[bytes, ...]:
    """pydyf 0.13 makes the tuple of every page's reference anew on each use, and weasyprint's tags
    use it once per tagged element: on a 236-page book, 14 million strings and 7 % of the time.
    The same tuple, made again only when a page was added (Kids only ever grows)."""
    kids = pdf.pages["Kids"]
    made = pdf.__dict__.get("_pbxdoc_page_references")
    if made is None or made[0] != len(kids):
        made = (len(kids), tuple(f"{number} 0 R".encode("ascii") for number in kids[::3]))
        pdf.__dict__["_pbxdoc_page_references"] = made
    return made[1]


def _faster_page_references() -> None:
    """Put _page_references in place of pydyf's property (pydyf is pinned: see pyproject.toml)."""
    if pydyf.PDF.page_references is not _PAGE_REFERENCES:
        pydyf.PDF.page_references = _PAGE_REFERENCES


_PAGE_REFERENCES = property(_page_references)
_PAGE_REFERENCES_OF_PYDYF = pydyf.PDF.page_references  # kept for the test that compares the bytes


def typeset(job: PdfJob) -> PdfResult:
    """Lay out and write one PDF; the same job always gives the same bytes."""
    if job.frozen is not None:
        return PdfResult(job.path, job.frozen, job.frozen_pages, (), ())
    from weasyprint import HTML, Attachment
    from weasyprint.text.fonts import FontConfiguration

    _faster_page_references()

    fetcher = SafeFetcher(job.resources, Path(job.project_root), job.allowed_data)
    collect = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collect)
    try:
        document = HTML(string=job.html, base_url="pbxdoc:", url_fetcher=fetcher).render(font_config=FontConfiguration())
        # Fixed dates: weasyprint would stamp the current time on each attachment.
        stamp = job.generated.astimezone(dt.timezone.utc).replace(tzinfo=None)
        attachments = [
            Attachment(file_obj=io.BytesIO(s.content), url_fetcher=fetcher, name=s.name, description=s.description, created=stamp, modified=stamp, relationship="Source")
            for s in job.sources
        ]
        content = document.write_pdf(pdf_variant=PDF_VARIANT, attachments=attachments, finisher=_single_associated_files)
    finally:
        logger.removeHandler(collect)
    # weasyprint logs each refusal again; keep its other warnings (missing anchors, layout).
    others = tuple(m for m in collect.messages if not any(url[:60] in m for url in fetcher.refused_urls))
    return PdfResult(job.path, content, len(document.pages), tuple(fetcher.refused), others)
