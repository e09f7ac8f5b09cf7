"""The build, as a short script: load, check, render every output into a staging folder, swap.

Each stage is named so that progress can be shown and a failure says where it happened.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.audience import Audience, for_audience
from generator.diagnostics import PbxdocError, Report
from generator.i18n import LANGUAGES, Translator
from generator.load import validate
from generator.diagnostics import InvalidProject
from generator.model.project import Project
from generator.output import Output
from generator.renderers import RENDERERS, RenderContext


class StrictFailure(PbxdocError):
    """--strict and the data produced warnings (kept in .report, to be shown)."""

    def __init__(self, message: str, report):
        super().__init__(message)
        self.report = report


@dataclass
class BuildOptions:
    out: Path
    lang: str | None = None  # None: the project's language
    all_languages: bool = False
    audience: Audience = Audience.INTEGRATOR
    strict: bool = False
    only: tuple[str, ...] = ()  # renderer names; empty = all


@dataclass
class BuildResult:
    project: Project
    report: Report
    manifest: dict
    stages: list[tuple[str, float]] = field(default_factory=list)


def generation_date(project: Project) -> dt.datetime:
    """The timestamp stamped on outputs: SOURCE_DATE_EPOCH when set, else the documentation date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    d = project.pbxdoc.document.date
    return dt.datetime(d.year, d.month, d.day, tzinfo=dt.timezone.utc)


def run_checks(project: Project) -> Project:
    """Attach the compliance findings to the model (no-op until a check catalogue is installed)."""
    try:
        from generator.checks import run as run_catalogue
    except ImportError:
        return project
    return project.with_findings(run_catalogue(project))


def load_checked(root: Path) -> tuple[Project, Report]:
    project, report = validate(root)
    if project is None:
        raise InvalidProject(report)
    return run_checks(project), report


def build(root: Path, options: BuildOptions, progress: Callable[[str], None] = lambda stage: None) -> BuildResult:
    import time

    stages: list[tuple[str, float]] = []
    start = time.perf_counter()
    progress("load")
    project, report = validate(root)
    if project is None:
        raise InvalidProject(report)
    if options.strict and report.warnings:
        raise StrictFailure(f"{len(report.warnings)} warning(s) and --strict is set", report)
    stages.append(("load", time.perf_counter() - start))
    progress("check")
    t = time.perf_counter()
    project = run_checks(project)
    stages.append(("check", time.perf_counter() - t))
    languages = LANGUAGES if options.all_languages else (options.lang or project.pbxdoc.language.value,)
    generated = generation_date(project)
    view = for_audience(project, options.audience)
    output = Output(options.out, project=root)
    try:
        for renderer in RENDERERS:
            if options.only and renderer.name not in options.only:
                continue
            progress(renderer.name)
            t = time.perf_counter()
            ctx = RenderContext(
                project=view,
                output=output,
                languages=tuple(languages),
                translator=Translator(languages[0]),
                audience=options.audience,
                generated=generated,
            )
            renderer.render(ctx)
            stages.append((renderer.name, time.perf_counter() - t))
        manifest = output.commit(
            project.digest,
            generated.isoformat(),
            {"customer": project.pbxdoc.customer.id, "audience": options.audience.value, "languages": list(languages), "input_files": project.file_digests},
        )
    except BaseException:
        output.discard()
        raise
    return BuildResult(project, report, manifest, stages)
