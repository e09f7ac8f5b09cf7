"""The generation date: the one timestamp every output carries, so rebuilds are byte-identical.

A parameter of every stage that needs it, computed once here (checks and sections used to import
the pipeline for it, an import running back up the stages).
"""

from __future__ import annotations

import datetime as dt
import os

from generator.model.project import Project


def generation_date(project: Project) -> dt.datetime:
    """SOURCE_DATE_EPOCH when set, else the project's documentation date (never the clock)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    d = project.pbxdoc.document.date
    return dt.datetime(d.year, d.month, d.day, tzinfo=dt.timezone.utc)
