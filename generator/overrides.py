"""What a project replaces of pbxdoc's own presentation: site theme templates (`templates/site/`)
and runbook step templates (`runbooks/*.yaml`).

Validation lists them as notes, so that whoever builds a customer's folder sees which parts of the
output come from that folder rather than from pbxdoc. A template that is a link leaving the
project is an error: the site would otherwise publish whatever file it points at.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Diagnostic, Location, Report, Severity

SITE_TEMPLATES = "templates/site"
RUNBOOK_TEMPLATES = "runbooks"
SITE_NOTE = "overrides the site theme's template of this path (rendered in pbxdoc's template sandbox)"
RUNBOOK_NOTE = "adds runbook steps, or replaces the built-in steps with the same id"


@dataclass(frozen=True)
class Override:
    path: str  # relative to the project, with '/'
    note: str  # what it does, in words
    leaves_project: bool  # a link (or a link in its folder) that resolves outside the project


def _inside(root: Path, path: Path) -> bool:
    return path.resolve().is_relative_to(root)


def overrides(root: Path) -> list[Override]:
    """Every override file of the project, sorted; folders that are links out are not walked."""
    root = root.resolve()
    found: list[Override] = []
    site = root / SITE_TEMPLATES
    if site.is_dir():
        if not _inside(root, site):
            found.append(Override(SITE_TEMPLATES, "", True))
        else:
            for folder, dirs, files in os.walk(site, followlinks=False):
                dirs.sort()
                for name in [*files, *(d for d in dirs if (Path(folder) / d).is_symlink())]:
                    path = Path(folder) / name
                    found.append(Override(path.relative_to(root).as_posix(), SITE_NOTE, not _inside(root, path)))
    runbooks = root / RUNBOOK_TEMPLATES
    if runbooks.is_dir():
        for path in sorted(runbooks.glob("*.yaml")):
            found.append(Override(path.relative_to(root).as_posix(), RUNBOOK_NOTE, not _inside(root, path)))
    return sorted(found, key=lambda o: o.path)


def note_overrides(root: Path, report: Report) -> None:
    """A note per override (an error for one that leaves the project)."""
    for override in overrides(root):
        if override.leaves_project:
            report.error("link-leaves-project", "the file is a link that leaves the project folder; refused", Location(override.path))
        else:
            report.add(Diagnostic("override", override.note, Location(override.path), severity=Severity.INFO))
