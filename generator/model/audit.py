"""The audit of a customer file: who audits it, over which period, and what management answers.

The checks give the findings; this file gives what an audit report needs beyond them (ISO 19011:
auditor and independence, period, scope and method, recommendations with owner and deadline,
management response). Without it the report names the document's author as auditor and warns
that the audit is not independent.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from generator.model.base import Id, Record, Text


class Auditor(Record):
    name: str
    organisation: str
    function: str | None = None


class Recommendation(Record):
    """What is to be done about a finding, by whom and by when; and whether management agrees."""

    rule: str = Field(..., pattern=r"^[A-Z]+-[A-Z0-9-]+$")
    object: str = Field("*", description="Id of the object the finding concerns ('*' for every object of the rule)")
    owner: str = Field(..., description="Who carries it out (name or organisation)")
    due: dt.date
    response: Literal["accepted", "declined", "done"] | None = Field(None, description="Management's answer")
    comment: Text | None = None


class ManagementResponse(Record):
    by: Id = Field(..., description="Contact id of who answers for the customer's management")
    date: dt.date
    statement: Text


class Audit(Record):
    auditor: Auditor
    period_start: dt.date
    period_end: dt.date
    scope: Text | None = Field(None, description="What the audit covers, beyond the data files (sites, systems)")
    method: Text | None = Field(None, description="What the auditor did beyond applying the rule catalogue (interviews, on-site checks, samples)")
    recommendations: list[Recommendation] = Field(default_factory=list)
    management_response: ManagementResponse | None = None

    @model_validator(mode="after")
    def _period(self):
        if self.period_end < self.period_start:
            raise ValueError("period_end is before period_start")
        return self
