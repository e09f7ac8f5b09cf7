"""Compliance checks: a catalogue of rules over the validated model, grounded in the course and in
vendor figures (`generator/knowledge`). `run(project)` is what the pipeline calls."""

from __future__ import annotations

from generator.checks import rules  # noqa: F401  (registers the catalogue)
from generator.checks.catalogue import RuleInfo, catalogue
from generator.checks.completeness import completeness
from generator.checks.engine import describe, evaluate, in_language, reference_date
from generator.model.findings import Finding
from generator.model.project import Project


def run(project: Project) -> list[Finding]:
    """The findings of the whole catalogue on the project, in the project's language."""
    return evaluate(project)


__all__ = ["run", "evaluate", "catalogue", "RuleInfo", "completeness", "describe", "reference_date", "in_language"]
