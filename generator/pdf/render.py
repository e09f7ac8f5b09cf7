"""The PDF renderer: plan every record, typeset them in worker processes, write pdf/<doc-id>.pdf.

Planning (documents, figures, HTML) runs here, one record at a time; typesetting is the slow part
and runs in a process pool (one worker per core, at most two), each job as soon as it is planned,
so the book (planned first) is typeset while the other records are planned. Each job is
independent and deterministic: the order in which workers finish changes nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace

from generator.audience import Audience
from generator.document import Document, Paragraph, Table
from generator.i18n import Translator
from generator.model.project import Project
from generator.pdf import issued
from generator.pdf.layout import Record, document_id, page
from generator.pdf.records import RECORDS
from generator.pdf.sources import source_files
from generator.pdf.typeset import PdfJob, PdfResult, typeset

LOG = logging.getLogger(__name__)

MAX_TABLE_ROWS = 600  # table rows a section may print in the book and runbooks; the rest go to the workbook


def workbook_path(project: Project) -> str:
    """Where the workbook renderer writes the customer's tables (named in the print, not imported)."""
    return f"xlsx/{project.pbxdoc.customer.id}.xlsx"


@dataclass(frozen=True)
class PdfOptions:
    records: tuple[str, ...] = ()  # empty: every record; names of RECORDS, "book", "runbook"
    max_table_rows: int = MAX_TABLE_ROWS  # per section; 0: never leave a table to the workbook
    workers: int = 0  # 0: one per core, at most 2


def _optional(module: str, name: str):
    """A function of a module another part of pbxdoc provides; None until it is installed."""
    try:
        imported = __import__(module, fromlist=[name])
    except ImportError:
        return None
    return getattr(imported, name, None)


def shorten_tables(document: Document, t: Translator, max_rows: int, workbook: str) -> Document:
    """Keep a section's tables within max_rows in print: its longest tables are left to the
    workbook, each replaced by a sentence saying where it is (0 keeps everything)."""
    tables = sorted((i for i, b in enumerate(document.blocks) if isinstance(b, Table)), key=lambda i: (-len(document.blocks[i].rows), i))
    total = sum(len(document.blocks[i].rows) for i in tables)
    if max_rows <= 0 or total <= max_rows:
        return document
    blocks = list(document.blocks)
    for i in tables:
        if total <= max_rows:
            break
        total -= len(blocks[i].rows)
        blocks[i] = Paragraph((t.t("pdf.large_table", rows=t.number(len(blocks[i].rows)), workbook=workbook),))
    return replace(document, blocks=blocks)


def figures(project: Project, t: Translator) -> dict[str, bytes]:
    """Every generated vector figure the book may show (diagrams, section figures). A diagram
    Graphviz cannot draw is left out and reported; the book then shows its caption only."""
    found: dict[str, bytes] = {}
    diagrams = _optional("generator.diagrams", "render_all")  # cached: in a build, the diagrams renderer drew them
    if diagrams is not None:
        try:
            found.update(diagrams(project, t))
        except Exception as e:  # noqa: BLE001 (Graphviz failures have several types)
            LOG.warning("diagrams: %s; drawing them one by one", str(e).splitlines()[0])
            found.update(_diagrams_one_by_one(project, t))
    extra = _optional("generator.sections", "extra_figures")
    if extra is not None:
        found.update(extra(project, t))
    return {path: content for path, content in found.items() if path.endswith(".svg")}


def _diagrams_one_by_one(project: Project, t: Translator) -> dict[str, bytes]:
    from generator.diagrams import render_view, views

    found: dict[str, bytes] = {}
    for view in views(project, t):
        try:
            found.update(render_view(project, t, view.view, view.object_id))
        except Exception as e:  # noqa: BLE001
            LOG.warning("diagram %s left out of the PDF: %s", view.path, str(e).splitlines()[0])
    return found


def book(project: Project, t: Translator, today: dt.date, figs: dict[str, bytes], max_rows: int) -> Record | None:
    """Every section of the site in one document."""
    build_sections = _optional("generator.sections", "build_sections")
    if build_sections is None:
        return None
    documents = [shorten_tables(d, t, max_rows, workbook_path(project)) for d in build_sections(project, t, today)]
    return Record(
        name="book",
        title=t.t("pdf.book.title"),
        kind=t.t("pdf.book.kind"),
        documents=documents,
        concerns=tuple(sorted(project.files)),
        toc=True,
        break_between_parts=True,
        figures=figs,
    )


def runbooks(project: Project, t: Translator, today: dt.date, max_rows: int) -> list[Record]:
    """One backup and restore runbook PDF per communication server (peripherals stay on the site)."""
    build_runbooks = _optional("generator.runbooks", "build_runbooks")
    if build_runbooks is None:
        return []
    return [
        Record(
            name=f"runbook-{runbook.system_id}",
            title=runbook.title,
            kind=t.t("pdf.runbook.kind"),
            documents=[shorten_tables(runbook.document, t, max_rows, workbook_path(project))],
            concerns=("pbxdoc", "servers", "backups", "contacts"),
        )
        for runbook in build_runbooks(project, t, today)
        if runbook.system_id in project.server_by_id
    ]


def records(project: Project, t: Translator, today: dt.date, options: PdfOptions) -> Iterator[Record]:
    """Every record wanted, the book first because it takes longest to typeset."""
    wanted = set(options.records)
    if not wanted or "book" in wanted:
        the_book = book(project, t, today, figures(project, t), options.max_table_rows)
        if the_book:
            yield the_book
    for name, build in RECORDS.items():
        if not wanted or name in wanted:
            record = build(project, t, today)
            if record is not None:
                yield record
    if not wanted or "runbook" in wanted:
        yield from runbooks(project, t, today, options.max_table_rows)


def plan(project: Project, t: Translator, audience: Audience, generated: dt.datetime, options: PdfOptions, folder: str = "pdf") -> Iterator[PdfJob]:
    """Every PDF of this project as a job, made one at a time so that typesetting can start early."""
    for record in records(project, t, generated.date(), options):
        if record.name in issued.ISSUABLE:  # a record issued is published as issued; else a draft
            done = issued.issues(project, record.name, t.lang, audience.value)
            if done:
                yield PdfJob(f"{folder}/{done[-1].doc_id}.pdf", "", {}, frozenset(), str(project.root), (), generated, issued.published(project, done[-1]), done[-1].pages)
                continue
            record = replace(record, draft=True)
        sources = source_files(project, record.concerns, audience)
        html, resources, allowed_data = page(record, project, t, audience.value, generated, [s.name for s in sources])
        yield PdfJob(
            path=f"{folder}/{record.doc_id or document_id(project, record.name, t.lang, audience.value)}.pdf",
            html=html,
            resources=resources,
            allowed_data=allowed_data,
            project_root=str(project.root),
            sources=sources,
            generated=generated,
        )


def run(jobs: Iterable[PdfJob], workers: int = 0) -> list[PdfResult]:
    """Typeset the jobs in worker processes, each as soon as it is planned (the book is planned
    first and typeset while the other records are planned); results in the order of the jobs."""
    workers = workers or min(2, os.cpu_count() or 1)
    if workers <= 1:
        return [typeset(job) for job in jobs]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(typeset, job) for job in jobs]
        return [future.result() for future in futures]


def report(results: list[PdfResult]) -> list[str]:
    """Every refused resource and weasyprint warning, one line each, for the build log."""
    lines = []
    for result in results:
        lines += [f"{result.path}: refused {url}" for url in result.refused]
        lines += [f"{result.path}: {message}" for message in result.warnings]
    for line in lines:
        LOG.warning(line)
    return lines


def make(jobs: Iterable[PdfJob], output, workers: int = 0) -> tuple[list[PdfResult], list[str]]:
    """Typeset, write through the build output, and report what was refused."""
    results = run(jobs, workers)
    for result in results:
        output.write(result.path, result.content)
    return results, report(results)


def render_context(ctx, options: PdfOptions = PdfOptions()) -> list[PdfResult]:
    """The build's entry point: one set of PDFs per language (in pdf/<lang>/ when several)."""

    def jobs() -> Iterator[PdfJob]:
        for lang in ctx.languages:
            t = ctx.translator if lang == ctx.translator.lang else Translator(lang)
            folder = "pdf" if len(ctx.languages) == 1 else f"pdf/{lang}"
            yield from plan(ctx.project, t, ctx.audience, ctx.generated, options, folder)

    return make(jobs(), ctx.output, options.workers)[0]
