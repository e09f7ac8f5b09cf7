"""Locations, diagnostics and the report that collects them.

Every problem pbxdoc reports points at a place in the integrator's files, so that it can be
fixed without searching. A file name or value quoted in a message may hold ANSI escapes or bidi
controls: every rendering of a diagnostic shows them as <U+XXXX>. Nothing here knows about the
model: stdlib only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import Enum

from generator.text import printable


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, order=True)
class Location:
    """A place in a project file: line/column for text files, sheet/cell for workbooks."""

    file: str
    line: int | None = None
    column: int | None = None
    sheet: str | None = None
    cell: str | None = None

    def __str__(self) -> str:
        if self.sheet:
            return f"{self.file}:{self.sheet}!{self.cell}" if self.cell else f"{self.file}:{self.sheet}"
        if self.line is None:
            return self.file
        if self.column is None:
            return f"{self.file}:{self.line}"
        return f"{self.file}:{self.line}:{self.column}"

    def to_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass(frozen=True)
class Diagnostic:
    """One problem found while loading or validating, with a stable code."""

    code: str
    message: str
    location: Location
    field: str = ""
    expected: str = ""
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        text = f"{self.location}: "
        if self.field:
            text += f"{self.field}: "
        text += self.message
        if self.expected:
            text += f" (expected {self.expected})"
        return printable(text)

    def sort_key(self) -> tuple:
        loc = self.location
        return (loc.file, loc.sheet or "", loc.line or 0, loc.column or 0, loc.cell or "", self.field, self.code)

    def to_dict(self) -> dict:
        location = self.location.to_dict()
        for key in ("file", "sheet"):
            if key in location:
                location[key] = printable(location[key])
        data = {
            "code": self.code,
            "severity": self.severity.value,
            "message": printable(self.message),
            "location": location,
            "text": str(self),
        }
        if self.field:
            data["field"] = printable(self.field)
        if self.expected:
            data["expected"] = printable(self.expected)
        return data


@dataclass
class Report:
    """Collects diagnostics from every stage so that one run shows every problem."""

    diagnostics: list[Diagnostic] = field(default_factory=list)

    def add(self, diagnostic: Diagnostic) -> None:
        self.diagnostics.append(diagnostic)

    def error(self, code: str, message: str, location: Location, field: str = "", expected: str = "") -> None:
        self.add(Diagnostic(code, message, location, field, expected, Severity.ERROR))

    def warning(self, code: str, message: str, location: Location, field: str = "", expected: str = "") -> None:
        self.add(Diagnostic(code, message, location, field, expected, Severity.WARNING))

    def extend(self, other: "Report") -> None:
        self.diagnostics.extend(other.diagnostics)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.sorted() if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.sorted() if d.severity is Severity.WARNING]

    def has_errors(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.diagnostics)

    def sorted(self) -> list[Diagnostic]:
        unique = {(d.sort_key(), d.message): d for d in self.diagnostics}
        return [unique[k] for k in sorted(unique)]

    def to_json(self) -> str:
        items = [d.to_dict() for d in self.sorted()]
        summary = {
            "valid": not self.has_errors(),
            "errors": sum(1 for d in items if d["severity"] == "error"),
            "warnings": sum(1 for d in items if d["severity"] == "warning"),
            "diagnostics": items,
        }
        return json.dumps(summary, indent=2, ensure_ascii=False, sort_keys=True)


class PbxdocError(Exception):
    """Base of pbxdoc's own exceptions: a failure that the CLI reports without a traceback."""


class InvalidProject(PbxdocError):
    """The project could not be loaded or validated; the report says why."""

    def __init__(self, report: Report):
        self.report = report
        count = len(report.errors)
        super().__init__(f"{count} error{'s' if count != 1 else ''} in the project data")
