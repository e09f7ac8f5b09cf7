"""What a portfolio run did, per customer: built, unchanged or failed with the reason."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from generator.words import counted

STATUSES = ("built", "unchanged", "failed")


@dataclass(frozen=True)
class Entry:
    id: str
    status: str  # built | unchanged | failed
    reason: str = ""
    seconds: float = 0.0


@dataclass
class Summary:
    entries: list[Entry] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. customers dropped from the dashboard
    dashboard: str | None = None  # the dashboard written, relative to OUT

    def count(self, status: str) -> int:
        return sum(1 for e in self.entries if e.status == status)

    @property
    def exit_code(self) -> int:
        """0 when every customer is built or unchanged, 1 when any failed."""
        return 1 if self.count("failed") else 0

    def sorted(self) -> list[Entry]:
        return sorted(self.entries, key=lambda e: (STATUSES.index(e.status), e.id))

    def to_json(self) -> str:
        data = {
            "counts": {s: self.count(s) for s in STATUSES},
            "exit_code": self.exit_code,
            "customers": [{k: (round(v, 2) if k == "seconds" else v) for k, v in asdict(e).items()} for e in self.sorted()],
            "notes": self.notes,
            "dashboard": self.dashboard,
        }
        return json.dumps(data, indent=2, ensure_ascii=False)

    def to_text(self) -> str:
        lines = []
        for e in self.sorted():
            line = f"{e.status:<9} {e.id}"
            if e.status == "built":
                line += f" ({e.seconds:.1f}s)"
            if e.reason:
                line += f": {e.reason}"
            lines.append(line)
        lines.extend(self.notes)
        counts = ", ".join(f"{self.count(s)} {s}" for s in STATUSES)
        lines.append(f"{counted(len(self.entries), 'customer')}: {counts}" + (f"; dashboard {self.dashboard}" if self.dashboard else ""))
        return "\n".join(lines)
