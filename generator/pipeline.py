"""The build, as a short script: prepare the content, run every renderer into a staging folder, swap.

Every command that makes files goes through `prepare` (generator.prepare) and the renderers listed
here; each stage is named so that progress can be shown and a failure says where it happened.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.audience import Audience
from generator.diagnostics import PbxdocError, Report
from generator.model.project import Project
from generator.output import Output
from generator.pdf.render import PdfOptions, PdfResult, make, plan
from generator.pdf.render import render as render_pdf
from generator.prepare import Prepared, StrictFailure, prepare
from generator.renderers import data, diagrams
from generator.workbook.render import render as render_workbook_files
from generator.renderers.base import Product, RenderContext, Renderer
from generator.site.build import render as render_site
from generator.workbook import render_workbook
from generator.workbook.files import atomic_write

RENDERERS: tuple[Renderer, ...] = (
    Renderer("diagrams", diagrams.render, "Interface overview, network, DECT, availability and backup diagrams (SVG, PNG)"),
    Renderer("data", data.render, "The validated model as JSON, for integrations"),
    Renderer("workbook", render_workbook_files, "The customer workbook: one sheet per tabular record (xlsx), per language", offers=True),
    Renderer("pdf", render_pdf, "PDF/A-3b records, runbooks and the documentation book, per language", offers=True),
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


@dataclass
class BuildResult:
    project: Project
    report: Report
    manifest: dict
    stages: list[tuple[str, float]] = field(default_factory=list)
    products: tuple[Product, ...] = ()


def _manifest_extra(prepared: Prepared) -> dict:
    """What the manifest says of the build besides its files. The project's own file names and
    digests are listed for the integrator only: other audiences receive filtered views, and a file
    name or the hash of a short file (a PIN) is itself something they must not see."""
    project = prepared.project
    extra = {"customer": project.pbxdoc.customer.id, "audience": prepared.audience.value, "languages": list(prepared.languages)}
    if prepared.audience is Audience.INTEGRATOR:
        extra["input_files"] = project.file_digests
    return extra


def render(prepared: Prepared, output: Output, renderers: tuple[Renderer, ...], progress: Callable[[str], None] = lambda stage: None) -> tuple[list[tuple[str, float]], tuple[Product, ...]]:
    """Run the renderers in order into the staging output; the site last, offered the others' files."""
    stages: list[tuple[str, float]] = []
    products: list[Product] = []
    for renderer in renderers:
        progress(renderer.name)
        started = time.perf_counter()
        made = renderer.render(RenderContext(prepared.contents, output, tuple(products)))
        if renderer.offers:
            products += made
        stages.append((renderer.name, time.perf_counter() - started))
    return stages, tuple(products)


def build(root: Path, options: BuildOptions, progress: Callable[[str], None] = lambda stage: None) -> BuildResult:
    started = time.perf_counter()
    progress("load")
    prepared = prepare(root, options.audience, options.lang, options.all_languages, options.strict)
    stages = [("load and check", time.perf_counter() - started)]
    chosen = tuple(r for r in RENDERERS if not options.only or r.name in options.only)
    unknown = sorted(set(options.only) - set(RENDERER_NAMES))
    if unknown:
        raise PbxdocError(f"unknown renderer {unknown[0]!r}; choose one of {', '.join(RENDERER_NAMES)}")
    output = Output(options.out)
    try:
        timings, products = render(prepared, output, chosen, progress)
        manifest = output.commit(prepared.project.digest, prepared.generated.isoformat(), _manifest_extra(prepared))
    except BaseException:
        output.discard()
        raise
    return BuildResult(prepared.project, prepared.report, manifest, stages + timings, products)


def build_pdfs(root: Path, out: Path, lang: str | None, audience: Audience, records: tuple[str, ...] = ()) -> tuple[list[PdfResult], list[str]]:
    """`pbxdoc pdf`: the PDF records alone (optionally some of them) into OUT/pdf, with a manifest."""
    prepared = prepare(root, audience, lang)
    output = Output(out)
    try:
        results, refused = make((job for job, _ in plan(prepared.content, PdfOptions(records=records))), output)
        output.commit(prepared.project.digest, prepared.generated.isoformat(), _manifest_extra(prepared))
    except BaseException:
        output.discard()
        raise
    return results, refused


def export_workbook(root: Path, target: Path | None, lang: str | None = None, audience: Audience | str = Audience.CUSTOMER) -> Path:
    """`pbxdoc export xlsx`: the workbook of one audience and language, written atomically."""
    content = prepare(root, audience, lang).content
    data = render_workbook(content.project, content.translator, content.generated)
    target = target or Path(Path(content.workbook_path).name)
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, data)
    return target
