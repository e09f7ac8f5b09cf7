"""The rule catalogue: each rule is a small function over the model, registered here with its id.

A rule yields `Hit`s (the record at fault, the field, the message variant and its values); the
engine turns them into translated `Finding`s. The words of each rule (title, rationale, remediation,
messages) live in `translations/<lang>/checks.yaml`, never in code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from generator.diagnostics import Location, Severity


class Category(str, Enum):
    BACKUP = "backup"
    LICENCES = "licences"
    HARDWARE = "hardware"
    DECT = "dect"
    NUMBERING = "numbering"
    AVAILABILITY = "availability"
    WORKPLACE = "workplace"
    DOCUMENTATION = "documentation"
    SECURITY = "security"
    DIMENSIONING = "dimensioning"
    SPECIAL_LINES = "special_lines"
    LIFECYCLE = "lifecycle"
    TIME = "time"
    PRIVACY = "privacy"
    WAIVERS = "waivers"


@dataclass(frozen=True)
class Hit:
    """What a rule found: the record (for its file:line), the field at fault and the message values."""

    record: Any
    field: str | None
    object_id: str
    variant: str = "message"
    params: dict[str, Any] = field(default_factory=dict)
    unconfirmed: tuple[str, ...] = ()  # sources of unconfirmed or defaulted figures the verdict rests on

    @property
    def location(self) -> Location:
        where = getattr(self.record, "where", None)
        return where(self.field) if where else Location("?")


def hit(record: Any, at: str | None = None, *, object_id: str | None = None, variant: str = "message", figures: Iterable[Any] = (), **params: Any) -> Hit:
    """A finding on a record; `figures` are the vendor figures the verdict rests on: when one is
    unconfirmed (or a default for an unknown model) the finding is at most a warning and says so."""
    unconfirmed = tuple(sorted({f.source for f in figures if f is not None and not f.confirmed}))
    return Hit(record, at, object_id if object_id is not None else str(getattr(record, "id", "")), variant, params, unconfirmed)


@dataclass(frozen=True)
class Rule:
    id: str
    category: Category
    severity: Severity
    source: str  # bibliographic reference: course objective or vendor manual (not translated)
    check: Callable[[Any], Iterable[Hit]]

    @property
    def variants(self) -> tuple[str, ...]:
        """Message variants the rule may yield, declared on the function (default: 'message')."""
        return getattr(self.check, "variants", ("message",))


RULES: dict[str, Rule] = {}


def rule(rule_id: str, category: Category, severity: Severity, source: str, variants: tuple[str, ...] = ("message",)):
    """Register a check function under a stable rule id."""

    def register(fn: Callable[[Any], Iterable[Hit]]):
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id} is registered twice")
        fn.variants = variants
        RULES[rule_id] = Rule(rule_id, category, severity, source, fn)
        return fn

    return register
