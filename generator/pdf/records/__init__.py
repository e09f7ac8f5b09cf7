"""The PDF-only documents: records that are signed or filed (commissioning, handover, discharge,
audit). Each module builds a `layout.Record` from the model; the wording lives in pdf.yaml."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from generator.i18n import Translator
from generator.model.project import Project
from generator.pdf.layout import Record
from generator.pdf.records import audit, commissioning, discharge, handover

RecordBuilder = Callable[[Project, Translator, dt.date], "Record | None"]

# name -> builder(project, translator, generation date); None when the project holds no data for it.
RECORDS: dict[str, RecordBuilder] = {
    "commissioning": commissioning.build,
    "handover": handover.build,
    "discharge": discharge.build,
    "audit": audit.build,
}
