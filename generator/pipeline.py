"""The build, as a short script: prepare the content, run every renderer into a staging folder, swap.

Every command that makes files goes through `prepare` (generator.prepare) and the renderers listed
here; each stage is named so that progress can be shown and a failure says where it happened.
"""

from __future__ import annotations

import json
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.audience import Audience
from generator.diagnostics import PbxdocError, Report
from generator.model.project import Project
from generator.cache import NO_CACHE, Cache, default_folder
from generator.cache import key as cache_key
from generator.inputs import input_key
from generator.output import MANIFEST, Output, verify
from generator.pdf.render import PdfOptions, PdfResult, make, plan
from generator.pdf.render import render as render_pdf
from generator.prepare import Prepared, StrictFailure, prepare
from generator.signing import Signer
from generator.renderers import data, diagrams
from generator.workbook.render import render as render_workbook_files
from generator.renderers.base import Product, RenderContext, Renderer
from generator.site.build import render as render_site
from generator.workbook import render_workbook
from generator.workbook.files import atomic_write

# The PDFs first: they run alongside (worker processes typeset them) and the book is the longest
# single job of a build, so it starts before the other renderers take the main thread.
RENDERERS: tuple[Renderer, ...] = (
    Renderer("pdf", render_pdf, "Tagged PDF/A-3a records, runbooks and the documentation book, per language", offers=True, alongside=True),
    Renderer("diagrams", diagrams.render, "Interface overview, network, DECT, availability and backup diagrams (SVG, PNG)"),
    Renderer("data", data.render, "The validated model as JSON, for integrations"),
    Renderer("workbook", render_workbook_files, "The customer workbook: one sheet per tabular record (xlsx), per language", offers=True),
    Renderer("site", render_site, "The customer documentation site (mkdocs-material), in OUT/site"),
)
RENDERER_NAMES: tuple[str, ...] = tuple(r.name for r in RENDERERS)

__all__ = ["BuildOptions", "BuildResult", "RENDERERS", "RENDERER_NAMES", "StrictFailure", "build", "build_pdfs", "export_workbook"]


@dataclass
class BuildOptions:
    out: Path
    lang: str | None = None  # None: the project's language
    all_languages: bool = False
    audience: Audience = Audience.CUSTOMER
    strict: bool = False
    only: tuple[str, ...] = ()  # renderer names; empty = all
    cache: bool = True  # reuse typeset PDFs and drawn diagrams of earlier builds (generator.cache)
    signer: Signer | None = None  # pbxdoc build --sign: records and manifest signed (generator.signing)


@dataclass
class BuildResult:
    project: Project | None  # None when OUT already held this build, told from the inputs alone
    report: Report
    manifest: dict
    stages: list[tuple[str, float]] = field(default_factory=list)
    products: tuple[Product, ...] = ()
    unchanged: bool = False  # OUT already held this very build: nothing was rendered


def build_key(prepared: Prepared, renderers: tuple[Renderer, ...]) -> str:
    """What decides a build's bytes: the inputs, the options, the date and pbxdoc's version."""
    return cache_key(prepared.project.digest, prepared.audience.value, *prepared.languages, "|", *(r.name for r in renderers), prepared.generated.isoformat())


def _inputs_of(root: Path, options: BuildOptions, renderers: tuple[Renderer, ...]) -> str | None:
    """The build's key from its inputs alone (project files, options, pbxdoc and its tools)."""
    said = (options.lang or "", str(options.all_languages), Audience(options.audience).value, str(options.strict), *(r.name for r in renderers),
            *((f"signed-{options.signer.fingerprint}",) if options.signer else ()))
    return input_key(root, said)


def _already_built(out: Path, key: str, field: str = "build_key") -> dict | None:
    """OUT's manifest when OUT holds exactly the build of this key, every file as listed."""
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(manifest, dict) or manifest.get(field) != key or verify(out):
        return None
    return manifest


def _manifest_extra(prepared: Prepared) -> dict:
    """What the manifest says of the build besides its files. The project's own file names and
    digests are listed for the integrator only: other audiences receive filtered views, and a file
    name or the hash of a short file (a PIN) is itself something they must not see."""
    project = prepared.project
    extra = {"customer": project.pbxdoc.customer.id, "audience": prepared.audience.value, "languages": list(prepared.languages)}
    if prepared.audience is Audience.INTEGRATOR:
        extra["input_files"] = project.file_digests
    return extra


def render(
    prepared: Prepared, output: Output, renderers: tuple[Renderer, ...], progress: Callable[[str], None] = lambda stage: None, cache: Cache = NO_CACHE
) -> tuple[list[tuple[str, float]], tuple[Product, ...]]:
    """Run the renderers in order into the staging output; the site last, offered the others' files.

    A renderer marked `alongside` (the PDFs: worker processes do the typesetting) runs in a thread
    of its own while the next ones run; they start once its longest work is under way (or it has
    ended), so that the thread planning the book has the interpreter to itself until the book is
    being typeset. The site writes its downloads table last, after waiting for it. Its failure
    fails the build like any other."""
    stages: list[tuple[str, float]] = []
    products: list[Product] = []
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pbxdoc-alongside")
    running: list[tuple[Renderer, Future]] = []

    def context(renderer: Renderer, later=None, under_way=lambda: None) -> RenderContext:
        return RenderContext(prepared.contents, output, tuple(products), cache, lambda detail, name=renderer.name: progress(f"{name}: {detail}"), later, under_way)

    def timed(renderer: Renderer, ctx: RenderContext) -> tuple[list[Product], float]:
        started = time.perf_counter()
        return renderer.render(ctx), time.perf_counter() - started

    alongside: list[Product] = []

    def finish() -> tuple[Product, ...]:
        """Wait for the renderers running alongside; every product they made (asked again, the same)."""
        while running:
            renderer, future = running.pop(0)
            result, seconds = future.result()
            stages.append((renderer.name, seconds))
            if renderer.offers:
                alongside.extend(result)
                products.extend(result)
        return tuple(alongside)

    try:
        for renderer in renderers:
            progress(renderer.name)
            if renderer.alongside:
                under_way = threading.Event()
                future = pool.submit(timed, renderer, context(renderer, under_way=under_way.set))
                future.add_done_callback(lambda _, event=under_way: event.set())
                running.append((renderer, future))
                under_way.wait()
                continue
            result, seconds = timed(renderer, context(renderer, finish if running else None))
            stages.append((renderer.name, seconds))
            if renderer.offers:
                products += result
        finish()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return stages, tuple(products)


def build(root: Path, options: BuildOptions, progress: Callable[[str], None] = lambda stage: None) -> BuildResult:
    """Validate, check and render into a staging folder swapped in at the end; nothing at all when
    OUT already holds the build of the same inputs (told first from the files, before loading)."""
    started = time.perf_counter()
    chosen = tuple(r for r in RENDERERS if not options.only or r.name in options.only)
    unknown = sorted(set(options.only) - set(RENDERER_NAMES))
    if unknown:
        raise PbxdocError(f"unknown renderer {unknown[0]!r}; choose one of {', '.join(RENDERER_NAMES)}")
    inputs = _inputs_of(root, options, chosen) if options.cache else None
    if inputs is not None:
        previous = _already_built(options.out, inputs, "input_key")
        if previous is not None:
            return BuildResult(None, Report(), previous, [("inputs", time.perf_counter() - started)], unchanged=True)
    progress("load")
    cache = Cache(default_folder()) if options.cache else NO_CACHE
    prepared = prepare(root, options.audience, options.lang, options.all_languages, options.strict, cache)
    stages = [("load and check", time.perf_counter() - started)]
    key = build_key(prepared, chosen) + (f"+signed-{options.signer.fingerprint}" if options.signer else "")
    if options.cache:
        previous = _already_built(options.out, key)
        if previous is not None:
            return BuildResult(prepared.project, prepared.report, previous, stages, unchanged=True)
    output = Output(options.out, project=root, signer=options.signer.at(prepared.generated) if options.signer else None)
    try:
        timings, products = render(prepared, output, chosen, progress, cache)
        # The inputs' key only when the files did not change while they were read and rendered.
        same = inputs is not None and _inputs_of(root, options, chosen) == inputs
        manifest = output.commit(prepared.project.digest, prepared.generated.isoformat(), {**_manifest_extra(prepared), "build_key": key, **({"input_key": inputs} if same else {})})
    except BaseException:
        output.discard()
        raise
    cache.prune()
    return BuildResult(prepared.project, prepared.report, manifest, stages + timings, products)


def build_pdfs(root: Path, out: Path, lang: str | None, audience: Audience, records: tuple[str, ...] = (), signer: Signer | None = None) -> tuple[list[PdfResult], list[str]]:
    """`pbxdoc pdf`: the PDF records alone (optionally some of them) into OUT/pdf, with a manifest."""
    cache = Cache(default_folder())
    prepared = prepare(root, audience, lang, cache=cache)
    output = Output(out, project=root, signer=signer.at(prepared.generated) if signer else None)
    try:
        results, refused = make((job for job, _ in plan(prepared.content, PdfOptions(records=records))), output, cache=cache)
        output.commit(prepared.project.digest, prepared.generated.isoformat(), _manifest_extra(prepared))
    except BaseException:
        output.discard()
        raise
    return results, refused


def export_workbook(root: Path, target: Path | None, lang: str | None = None, audience: Audience | str = Audience.CUSTOMER) -> Path:
    """`pbxdoc export xlsx`: the workbook of one audience and language, written atomically."""
    content = prepare(root, audience, lang).content
    data = render_workbook(content.project, content.translator, content.generated, audience=content.audience)
    target = target or Path(Path(content.workbook_path).name)
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, data)
    return target
