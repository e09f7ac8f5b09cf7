"""The records that concern each system, grouped once per build.

A large customer has thousands of changes and hundreds of systems: scanning every list for every
runbook would grow as their product, so each list is grouped by the id it names, once.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Iterable

from generator.audience import Audience, AudienceTranslator
from generator.model.project import Project


def _group(items: Iterable[Any], *keys) -> dict[str, list[Any]]:
    grouped: dict[str, list[Any]] = defaultdict(list)
    for item in items:
        for key in keys:
            for value in ([key(item)] if isinstance(key(item), str) else key(item)):
                grouped[value].append(item)
    return grouped


@dataclass(frozen=True)
class Records:
    jobs: dict[str, list]
    manual: dict[str, list]
    tests: dict[str, list]
    changes: dict[str, list]
    licences: dict[str, list]

    @classmethod
    def of(cls, project: Project) -> "Records":
        b = project.backups
        return cls(
            jobs=_group(b.jobs, lambda j: j.system),
            manual=_group(b.manual_backups, lambda m: m.device),
            tests=_group(b.restore_tests, lambda r: r.system),
            changes=_group(project.changelog, lambda c: c.devices),
            licences=_group(project.licences, lambda lic: lic.system),
        )

    def of_ids(self, kind: str, ids: Iterable[str]) -> list:
        """The records of this kind naming any of the ids, each once, in the order of the data."""
        seen: dict[int, Any] = {}
        for i in ids:
            for item in getattr(self, kind).get(i, ()):
                seen.setdefault(id(item), item)
        return list(seen.values())


class RunbookTranslator(AudienceTranslator):
    """A translator that formats each date once: the same dates recur across a customer's runbooks."""

    def __init__(self, lang: str, audience: Audience | str = Audience.CUSTOMER):
        super().__init__(lang, audience)
        self._dates: dict[dt.date | None, str] = {}

    def date(self, value: dt.date | None) -> str:
        if value not in self._dates:
            self._dates[value] = super().date(value)
        return self._dates[value]
