"""How much the loaders read before they refuse a file.

The defaults live here, below the model; `limits:` in pbxdoc.yaml (the model's `Limits`, which
documents and bounds each one) can raise them for one project.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.diagnostics import Location, Report

HINT = "raise `{name}` under `limits:` in pbxdoc.yaml if this file is genuine"


@dataclass(frozen=True)
class ReadLimits:
    file_mb: int = 20
    workbook_mb: int = 50
    workbook_unpacked_mb: int = 100
    rows: int = 100_000
    cells: int = 2_000_000
    field_chars: int = 32_767
    project_files: int = 10_000
    project_mb: int = 4_000


def report_too_large(report: Report, what: str, name: str, location: Location) -> None:
    """One refusal: what is too large, and the limit (by its name in pbxdoc.yaml) that refused it."""
    report.error("too-large", f"{what}; refused", location, expected=HINT.format(name=name))
