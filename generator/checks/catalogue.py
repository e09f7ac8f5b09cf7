"""The rule catalogue as readers see it: for `pbxdoc rules`, the documentation and SARIF metadata."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from generator.checks.registry import RULES
from generator.diagnostics import Severity
from generator.i18n import Translator


@dataclass(frozen=True)
class RuleInfo:
    id: str
    category: str
    severity: Severity
    title: str
    rationale: str
    remediation: str
    source: str


def catalogue(lang: str = "en") -> list[RuleInfo]:
    """Every registered rule with its words in one language, by category then id."""
    t = Translator(lang)
    infos = [
        RuleInfo(
            r.id,
            r.category.value,
            r.severity,
            t.t(f"checks.rules.{r.id}.title"),
            t.t(f"checks.rules.{r.id}.rationale"),
            t.t(f"checks.rules.{r.id}.remediation"),
            r.source,
        )
        for r in RULES.values()
    ]
    return sorted(infos, key=lambda i: (i.category, i.id))


def catalogue_digest() -> str:
    """A short fingerprint of the rules in force (ids, severities, sources): an audit names the
    criteria it applied, and two reports made with different catalogues can be told apart."""
    lines = sorted(f"{r.id}|{r.severity.value}|{r.source}" for r in RULES.values())
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:12]
