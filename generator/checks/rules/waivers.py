"""Waivers that name no rule of the catalogue accept nothing: reported so the typo is fixed."""

from __future__ import annotations

import difflib

from generator.checks.registry import RULES, Category, hit, rule
from generator.diagnostics import Severity


@rule("WVR-UNKNOWN-RULE", Category.WAIVERS, Severity.WARNING, "pbxdoc waivers (waivers.yaml): a waiver accepts the findings of one rule of the catalogue")
def unknown_rule(ctx):
    for waiver in ctx.project.waivers:
        if waiver.rule not in RULES:
            close = difflib.get_close_matches(waiver.rule, list(RULES), n=1)
            yield hit(waiver, "rule", object_id=waiver.rule, rule=waiver.rule, suggestion=close[0] if close else "—")
