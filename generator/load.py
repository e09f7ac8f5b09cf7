"""The load stage: a project folder into a validated Project, or a report of every problem."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pydantic import ValidationError

from generator.diagnostics import Diagnostic, InvalidProject, Location, Report, Severity
from generator.loaders.files import read_project_files
from generator.loaders.limits import ReadLimits
from generator.loaders.source import Source
from generator.model.build import build_project
from generator.model.organisation import Limits
from generator.model.project import CONCERNS, Project
from generator.model.references import check_invisible_text, check_references

REPO_ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = REPO_ROOT / "data" / "examples"
DEFAULT_EXAMPLE = "clinique-du-lac"
SMALL_EXAMPLE = "fiduciaire-rochat"


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Loading creates hundreds of thousands of objects that all live as long as the project; the
    cyclic garbage collector would rescan them over and over (time grows with the square of the
    project size) without finding garbage. Pause it while loading, restore it afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def validate(root: Path) -> tuple[Project | None, Report]:
    """Read, validate and cross-check a project; the Project is None when any error was found."""
    with _collector_paused():
        return _validate(root)


def _validate(root: Path) -> tuple[Project | None, Report]:
    report = Report()
    files = read_project_files(root, report, CONCERNS, project_limits)
    if not files.is_project:
        return None, report
    if "pbxdoc" in files.unreadable:  # every other file is still validated: one run shows every error
        report.add(Diagnostic(
            "checks-skipped",
            "pbxdoc.yaml could not be read, so the other files were validated with the default limits, "
            "the logo path was not checked, and the compliance checks and outputs cannot run until it is fixed",
            Location("pbxdoc.yaml"),
            severity=Severity.INFO,
        ))
    project, _failed, failed_ids = build_project(files.sources, report)
    check_references(project, root, failed_ids, report, frozenset(files.unreadable))
    check_invisible_text(project, report, [name for name, source in files.sources.items() if source.hidden_text])
    if report.has_errors():
        return None, report
    project._root = root
    project._files = {name: src.file for name, src in files.sources.items()}
    project._file_digests = dict(files.digests)
    project._digest = files.digest()
    return project, report


def project_limits(source: Source | None) -> ReadLimits:
    """The limits pbxdoc.yaml sets, or the defaults (an invalid `limits:` is reported with the
    rest of pbxdoc.yaml)."""
    raw = source.data.get("limits") if source is not None and isinstance(source.data, dict) else None
    try:
        return Limits.model_validate(raw if isinstance(raw, dict) else {}).for_loaders()
    except ValidationError:
        return ReadLimits()


def load(root: Path) -> Project:
    """A valid Project, or InvalidProject carrying the report."""
    project, report = validate(root)
    if project is None:
        raise InvalidProject(report)
    return project
