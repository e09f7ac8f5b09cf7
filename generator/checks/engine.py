"""Run the catalogue over a project: every rule, then the waivers, into sorted translated findings."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
import re
from typing import Any

from generator import knowledge as vendor_knowledge
from generator import phones
from generator.dates import generation_date
from generator.checks.context import Context
from generator.checks.registry import RULES, Hit, Rule
from generator.diagnostics import Severity
from generator.i18n import Translator
from generator.knowledge import Knowledge
from generator.model.findings import Finding, FindingStatus
from generator.model.operations import Waiver
from generator.model.project import Project

NUMBER = "_number"
UNCONFIRMED = "unconfirmed_figure"  # parameter holding the sources of unconfirmed figures a finding rests on
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# An E.164 number inside a parameter (alone, in a list or opening a range such as +41215551203–09).
PHONE = re.compile(r"\+[1-9]\d{5,14}")


def reference_date(project: Project) -> dt.date:
    """The date the checks judge ages against: SOURCE_DATE_EPOCH or the documentation date, never today."""
    return generation_date(project).date()


def _text(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.1f}".rstrip("0").rstrip(".")
    if isinstance(value, (list, tuple, set)):
        return ", ".join(_text(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


UNFILLED = re.compile(r"\{[a-z_]+\}")


def describe(rule_id: str, variant: str, params: dict[str, str] | tuple, translator: Translator) -> tuple[str, str, str]:
    """Title, message and remediation of a finding in the translator's language. The title is the
    rule's `problem` (what is wrong); the rule's `title` is its goal, for the catalogue."""
    key = f"checks.rules.{rule_id}"
    values = {}
    for name, value in dict(params).items():
        # A parameter named x_key holds a translation key: the message shows its words as {x}.
        if name.endswith("_key"):
            values[name[: -len("_key")]] = translator.t(value) if translator.has(value) else value.rsplit(".", 1)[-1]
        elif name.endswith(NUMBER):  # a decimal number, written the way the language writes it
            values[name[: -len(NUMBER)]] = translator.number(float(value))
        elif isinstance(value, str) and ISO_DATE.fullmatch(value):
            values[name] = translator.date(dt.date.fromisoformat(value))
        elif isinstance(value, str) and "+" in value:
            # numbers read in a finding as in every table: grouped the way their country prints them
            values[name] = PHONE.sub(lambda m: phones.readable(m.group(0)), value)
        else:
            values[name] = value
    message = translator.t(f"{key}.{variant}", **{k: v for k, v in values.items() if k != UNCONFIRMED})
    if values.get(UNCONFIRMED):
        message = translator.t("checks.unconfirmed_figure", message=message, source=values[UNCONFIRMED])
    return translator.t(f"{key}.problem" if translator.has(f"{key}.problem") else f"{key}.title"), message, translator.t(f"{key}.remediation")


def in_language(findings: list[Finding] | tuple[Finding, ...], translator: Translator) -> list[Finding]:
    """The findings worded in the translator's language (the build words them once per language;
    the checks word them in the project's language and keep each rule's variant and parameters)."""
    result = []
    for f in findings:
        title, message, remediation = worded(f, translator)
        result.append(f if (title, message, remediation) == (f.title, f.message, f.remediation) else replace(f, title=title, message=message, remediation=remediation))
    return result


def worded(finding: Finding, translator: Translator) -> tuple[str, str, str]:
    """Title, message and remediation of a finding in the translator's language."""
    try:
        title, message, remediation = describe(finding.rule, getattr(finding, "variant", "message"), getattr(finding, "params", ()), translator)
    except KeyError:  # a rule this catalogue does not know (findings from another version)
        return finding.title, finding.message, getattr(finding, "remediation", "")
    if UNFILLED.search(message):  # a finding made without its parameters: keep its own words
        return finding.title, finding.message, getattr(finding, "remediation", "")
    return title, message, remediation


def _finding(rule: Rule, found: Hit, translator: Translator) -> Finding:
    values = {**found.params, UNCONFIRMED: "; ".join(found.unconfirmed)} if found.unconfirmed else found.params
    params = tuple(sorted((f"{k}{NUMBER}" if isinstance(v, float) else k, _text(v)) for k, v in values.items()))
    title, message, remediation = describe(rule.id, found.variant, params, translator)
    # A verdict resting on an unconfirmed or defaulted figure is never an error.
    severity = Severity.WARNING if found.unconfirmed and rule.severity is Severity.ERROR else rule.severity
    return Finding(
        rule=rule.id,
        severity=severity,
        category=rule.category.value,
        title=title,
        message=message,
        object_id=found.object_id,
        location=found.location,
        remediation=remediation,
        source=rule.source,
        variant=found.variant,
        params=params,
    )


def apply_waivers(findings: list[Finding], waivers: list[Waiver], today: dt.date) -> list[Finding]:
    """A finding accepted by a waiver in force is WAIVED; one whose waivers all expired is WAIVER_EXPIRED."""
    result = []
    for f in findings:
        matching = sorted((w for w in waivers if w.rule == f.rule and w.object in (f.object_id, "*")), key=lambda w: (w.expiry, w.object != "*"))
        if not matching:
            result.append(f)
            continue
        waiver = matching[-1]
        status = FindingStatus.WAIVED if waiver.expiry >= today else FindingStatus.WAIVER_EXPIRED
        result.append(
            replace(f, status=status, waiver_justification=waiver.justification, waiver_accepted_by=waiver.accepted_by, waiver_expiry=waiver.expiry.isoformat())
        )
    return result


def evaluate(project: Project, knowledge: Knowledge | None = None, lang: str | None = None, today: dt.date | None = None) -> list[Finding]:
    """Every finding of every rule on the project, waivers applied, in a stable order."""
    if knowledge is None:
        knowledge = vendor_knowledge.for_project(project._root)
    today = today or reference_date(project)
    ctx = Context(project, knowledge, today)
    translator = Translator(lang or project.pbxdoc.language.value)
    findings = [_finding(rule, found, translator) for rule_id, rule in sorted(RULES.items()) for found in rule.check(ctx)]
    unique = {(f.rule, f.object_id, f.variant, f.params, str(f.location)): f for f in findings}
    return sorted(apply_waivers(list(unique.values()), project.waivers, today), key=Finding.sort_key)
