"""Backup and restore runbooks, built from the model as Documents that the site and the PDF present.

`build_runbooks(project, translator)` gives one runbook per communication server and per
peripheral device with its own backup; `runbook_for(...)` gives one. Vendor steps are data in
`generator/knowledge/runbooks/` (and a project's `runbooks/` folder).
"""

from generator.runbooks.build import Runbook, UnknownSystem, build_runbooks, runbook_for, runbook_ids, slug_for
from generator.runbooks.prerequisites import Prerequisite, Status, restore_prerequisites
from generator.runbooks.subjects import Subject, subjects
from generator.runbooks.templates import TemplateError

__all__ = [
    "Runbook", "UnknownSystem", "build_runbooks", "runbook_for", "runbook_ids", "slug_for",
    "Prerequisite", "Status", "restore_prerequisites", "Subject", "subjects", "TemplateError",
]
