"""A compliance finding as renderers see it; the checks produce them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from generator.diagnostics import Location, Severity


class FindingStatus(str, Enum):
    OPEN = "open"
    WAIVED = "waived"
    WAIVER_EXPIRED = "waiver_expired"


@dataclass(frozen=True)
class Finding:
    rule: str  # stable rule id, e.g. BKP-ENCRYPT
    severity: Severity
    category: str
    title: str
    message: str
    object_id: str
    location: Location
    status: FindingStatus = FindingStatus.OPEN
    waiver_justification: str | None = None
    waiver_accepted_by: str | None = None
    waiver_expiry: str | None = None
    remediation: str = ""  # what to do, in the same language as title and message
    source: str = ""  # where the rule comes from (course objective, vendor manual)
    variant: str = "message"  # which message of the rule; with params, lets a renderer re-word it in another language
    params: tuple[tuple[str, str], ...] = ()

    @property
    def active(self) -> bool:
        """A finding counts unless a valid waiver accepts it."""
        return self.status is not FindingStatus.WAIVED

    def sort_key(self) -> tuple:
        order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
        return (order[self.severity], self.category, self.rule, self.object_id, str(self.location))
