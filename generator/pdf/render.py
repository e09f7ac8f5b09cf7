"""The PDF renderer: plan every record, typeset them in worker processes, write pdf/<doc-id>.pdf.

Planning (documents, figures, HTML) runs here, one record at a time; typesetting is the slow part
and runs in a process pool (one worker per core, at most two), each job as soon as it is planned,
so the book (planned first) is typeset while the other records are planned. Each job is
independent and deterministic: the order in which workers finish changes nothing.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import multiprocessing
import os
import re
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

from generator.cache import NO_CACHE, Cache
from generator.cache import key as cache_key

from generator.content import Content
from generator.document import Document, Paragraph, Table
from generator.forking import forking
from generator.i18n import Translator
from generator.pdf import issued
from generator.pdf.layout import Record, document_html, document_id, page
from generator.pdf.records import RECORDS
from generator.pdf.sources import source_files
from generator.pdf.typeset import PDF_VARIANT, PdfJob, PdfResult, typeset
from generator.renderers.base import Product, RenderContext

LOG = logging.getLogger(__name__)

MAX_TABLE_ROWS = 600  # table rows a section may print in the book and runbooks; the rest go to the workbook


@dataclass(frozen=True)
class PdfOptions:
    records: tuple[str, ...] = ()  # empty: every record; names of RECORDS, "book", "runbook"
    max_table_rows: int = MAX_TABLE_ROWS  # per section; 0: never leave a table to the workbook
    workers: int = 0  # 0: one per core, at most 2


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


def book(content: Content, max_rows: int) -> Record:
    """Every section of the site in one document. Graphviz draws its figures while the sections
    are made and turned into HTML: the book is the longest job of a build, and starts sooner."""
    t = content.translator
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pbxdoc-figures") as drawing:
        drawn = drawing.submit(lambda: content.figures)
        documents = [shorten_tables(d, t, max_rows, content.workbook_path) for d in content.sections]
        bodies = tuple(document_html(d) for d in documents)
        figures = drawn.result()
    return Record(
        name="book",
        title=t.t("pdf.book.title"),
        kind=t.t("pdf.book.kind"),
        documents=documents,
        concerns=tuple(sorted(content.project.files)),
        toc=True,
        break_between_parts=True,
        figures=figures,
        control=True,
        bodies=bodies,
    )


def runbooks(content: Content, max_rows: int) -> list[Record]:
    """One backup and restore runbook PDF per communication server (peripherals stay on the site)."""
    t = content.translator
    return [
        Record(
            name=f"runbook-{runbook.system_id}",
            title=runbook.title,
            kind=t.t("pdf.runbook.kind"),
            documents=[shorten_tables(runbook.document, t, max_rows, content.workbook_path)],
            concerns=("pbxdoc", "servers", "backups", "contacts"),
            control=True,
        )
        for runbook in content.runbooks
        if runbook.system_id in content.project.server_by_id
    ]


def records(content: Content, options: PdfOptions) -> Iterator[Record]:
    """Every record wanted, the book first because it takes longest to typeset."""
    wanted = set(options.records)
    if not wanted or "book" in wanted:
        yield book(content, options.max_table_rows)
    for name, build in RECORDS.items():
        if not wanted or name in wanted:
            record = build(content.project, content.translator, content.today)
            if record is not None:
                yield record
    if not wanted or "runbook" in wanted:
        yield from runbooks(content, options.max_table_rows)


def record_path(content: Content, name: str) -> str:
    """Where a record of this content is written: its document id names it."""
    return f"pdf/{document_id(content.project, name, content.lang, content.audience.value)}.pdf"


def sources_digest(sources) -> str:
    """The digest a record prints: over the data files it embeds (name and SHA-256 of each), so a
    reader can recompute it from the attachments, and a change elsewhere leaves the record alone."""
    digest = hashlib.sha256()
    for source in sorted(sources, key=lambda s: s.name):
        digest.update(f"{source.name}\0{hashlib.sha256(source.content).hexdigest()}\n".encode())
    return digest.hexdigest()


def plan(content: Content, options: PdfOptions) -> Iterator[tuple[PdfJob, Product]]:
    """Every PDF of one language as a job, made one at a time so that typesetting can start early."""
    project, t, audience = content.project, content.translator, content.audience
    for record in records(content, options):
        if record.name in issued.ISSUABLE:  # a record issued is published as issued; else a draft
            done = issued.issues(project, record.name, content.lang, audience.value)
            if done:
                path = f"pdf/{done[-1].doc_id}.pdf"
                yield PdfJob(path, "", {}, frozenset(), str(project.root), (), content.generated, issued.published(project, done[-1]), done[-1].pages), Product(path, record.title, "pdf", content.lang, audience)
                continue
            record = issued.as_draft(record, project, t, audience, content.today)
        sources = source_files(project, record.concerns, audience)
        html, resources, allowed_data = page(record, project, t, audience.value, content.generated, [s.name for s in sources], sources_digest(sources))
        path = record_path(content, record.name)
        job = PdfJob(
            path=path,
            html=html,
            resources=resources,
            allowed_data=allowed_data,
            project_root=str(project.root),
            sources=sources,
            generated=content.generated,
        )
        yield job, Product(path, record.title, "pdf", content.lang, audience)


# The niceness of the workers typesetting the short records: the lowest priority, so that they
# run on what the book and the main thread leave idle (at 10 they still took a fifth of a core from
# the book, the longest job of a build, while the site was made).
YIELDING = 19
# Typesetting makes millions of objects that live until the PDF is written: with Python's default
# thresholds (700, 10, 10) the collector scans them again and again. Measured on the large
# customer's book: a sixth less CPU time at these, and the same peak memory (758 MB).
WORKER_GC_THRESHOLDS = (50_000, 20, 100)


def _worker_start(niceness: int) -> None:
    """Set up a typesetting worker: its priority and its garbage collector."""
    if niceness:
        os.nice(niceness)
    gc.set_threshold(*WORKER_GC_THRESHOLDS)


def _typeset_in_worker(job: PdfJob) -> PdfResult:
    """One job in a worker, its garbage collected before the next: at those thresholds the cycles
    of one book would otherwise still be there while the next language's is typeset (1.4 GB with
    --all-languages on the large customer)."""
    try:
        return typeset(job)
    finally:
        gc.collect()


class _Pools:
    """Worker processes, made when first needed: long jobs (the books) at normal priority, the
    others at a lower one, so that the longest job of a build is never slowed by short ones and
    the short ones still fill every idle core. After a failed job or SIGTERM nothing more is
    typeset and the workers stop."""

    def __init__(self, workers: int):
        self.workers = workers
        self.pools: dict[bool, ProcessPoolExecutor] = {}

    def submit(self, call: Callable, argument, long: bool) -> Future:
        if long in self.pools:
            return self.pools[long].submit(call, argument)
        with forking():  # the workers are forked at the first submit, never while Graphviz runs
            self.pools[long] = ProcessPoolExecutor(max_workers=self.workers, initializer=_worker_start, initargs=(0 if long else YIELDING,))
            return self.pools[long].submit(call, argument)

    def stop(self, wait: bool) -> None:
        for pool in self.pools.values():
            pool.shutdown(wait=wait, cancel_futures=not wait)


@contextmanager
def _pools(workers: int) -> Iterator[_Pools]:
    pools = _Pools(workers)
    try:
        yield pools
    except BaseException:
        pools.stop(wait=False)
        for worker in multiprocessing.active_children():
            worker.terminate()
        raise
    pools.stop(wait=True)


_FILE_URL = re.compile(r"file://[^\s\"'<>)]+")


def job_key(job: PdfJob) -> str:
    """Everything that decides a job's bytes: its HTML, generated resources, attachments, date,
    the project files its HTML links to, and the typesetter's version."""
    import weasyprint

    parts: list[bytes | str] = [weasyprint.__version__, PDF_VARIANT, job.path, job.html, job.generated.isoformat(), *sorted(job.allowed_data)]
    for name in sorted(job.resources):
        parts += [name, job.resources[name]]
    for source in job.sources:
        parts += [source.name, source.description, source.content]
    root = Path(job.project_root).resolve()
    for url in sorted(set(_FILE_URL.findall(job.html))):
        path = Path(unquote(urlsplit(url).path)).resolve()
        parts += [url, path.read_bytes() if path.is_relative_to(root) and path.is_file() else b""]
    return cache_key(*parts)


def _cached(cache: Cache, job: PdfJob) -> tuple[str, PdfResult | None]:
    """The job's cache key and the result the cache holds for it (no key without a cache)."""
    if cache.folder is None:
        return "", None
    entry = job_key(job)
    found = cache.get("pdf", entry)
    if found is None:
        return entry, None
    header, content = found
    return entry, PdfResult(job.path, content, int(header["pages"]), tuple(header["refused"]), tuple(header["warnings"]))


def _keep(cache: Cache, entry: str, result: PdfResult) -> PdfResult:
    cache.put("pdf", entry, result.content, {"pages": result.pages, "refused": list(result.refused), "warnings": list(result.warnings)})
    return result


def run(
    jobs: Iterable[PdfJob],
    workers: int = 0,
    cache: Cache = NO_CACHE,
    done: Callable[[PdfResult], None] = lambda result: None,
    long: Callable[[PdfJob], bool] = lambda job: False,
) -> list[PdfResult]:
    """Typeset the jobs in worker processes, each as soon as it is planned (the book is planned
    first and typeset while the other records are planned); a job the cache holds is not typeset
    again; the long ones (see _Pools) go first in line for the cores. Results in the order of the
    jobs."""
    workers = workers or min(2, os.cpu_count() or 1)
    results: dict[int, PdfResult] = {}
    running: list[tuple[int, str, Future]] = []

    def finished(i: int, entry: str, result: PdfResult) -> None:
        results[i] = _keep(cache, entry, result) if entry else result
        done(result)

    with _pools(workers) as pools:
        for i, job in enumerate(jobs):
            entry, found = _cached(cache, job)
            if found is not None:
                results[i] = found
                done(found)
            elif workers <= 1:
                finished(i, entry, typeset(job))
            else:
                running.append((i, entry, pools.submit(_typeset_in_worker, job, long(job))))
        for i, entry, future in running:
            finished(i, entry, future.result())
    return [results[i] for i in range(len(results))]


def report(results: list[PdfResult]) -> list[str]:
    """Every refused resource and weasyprint warning, one line each, for the build log."""
    lines = []
    for result in results:
        lines += [f"{result.path}: refused {url}" for url in result.refused]
        lines += [f"{result.path}: {message}" for message in result.warnings]
    for line in lines:
        LOG.warning(line)
    return lines


def make(
    jobs: Iterable[PdfJob],
    output,
    workers: int = 0,
    cache: Cache = NO_CACHE,
    done: Callable[[PdfResult], None] = lambda result: None,
    long: Callable[[PdfJob], bool] = lambda job: False,
) -> tuple[list[PdfResult], list[str]]:
    """Typeset, write through the build output (signed when the build signs), and report what was refused."""
    results = run(jobs, workers, cache, done, long)
    for result in results:  # signed as written: the cache keeps the unsigned bytes
        output.write(result.path, output.signer.sign_pdf(result.content) if output.signer else result.content)
    return results, report(results)


def render(ctx: RenderContext, options: PdfOptions = PdfOptions()) -> list[Product]:
    """The records of every language built, in pdf/ with language and audience in their names."""
    products: list[Product] = []
    made: list[str] = []
    books = {record_path(c, "book") for c in ctx.contents}

    def jobs() -> Iterator[PdfJob]:
        for content in ctx.contents:
            for job, product in plan(content, options):
                products.append(product)
                ctx.progress(f"records planned: {len(products)}, typeset: {len(made)}")
                yield job
                if job.path in books:  # asked for the next job: the book is in a worker (or was cached)
                    ctx.under_way()

    def done(result: PdfResult) -> None:
        made.append(result.path)
        ctx.progress(f"records typeset: {len(made)} of {len(products)} (last: {result.path})")

    make(jobs(), ctx.output, options.workers, ctx.cache, done, long=lambda job: job.path in books)
    return products
