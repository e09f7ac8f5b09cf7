"""Compliance findings by severity, with their evidence (file:line for the integrator, the section
showing the data for the others), and the waivers that accept some."""

from __future__ import annotations

from generator.audience import evidence, finding_object
from generator.checks.registry import RULES
from generator.diagnostics import Severity
from generator.document import Document, Paragraph
from generator.model.findings import FindingStatus
from generator.sections.common import SectionContext, join, titled_table


def waiver_state(ctx: SectionContext, waiver) -> str:
    """Valid, expired, or naming a rule the catalogue does not have (then it accepts nothing)."""
    if waiver.rule not in RULES:
        return ctx.w("domain.details.unknown_rule")
    return ctx.w("compliance.waiver_state.expired") if waiver.expiry < ctx.today else ctx.w("compliance.waiver_state.valid")


def build(ctx: SectionContext) -> list[Document]:
    w = ctx.w
    doc = Document(w("compliance.title"), slug="compliance")
    findings = ctx.project.findings
    if not findings:
        doc.add(Paragraph((w("compliance.no_findings"),)))
    for severity in Severity:
        rows = [(f.rule, title, finding_object(f.object_id, ctx.t), join([message, remediation and w("compliance.remedy", remediation=remediation)], "\n"),
                 evidence(f.location, ctx.project, ctx.t), w(f"compliance.status.{f.status.value}"))
                for f in findings if f.severity is severity and f.status is not FindingStatus.WAIVED
                for title, message, remediation in [(f.title, f.message, f.remediation)]]
        if rows:
            doc.add(*titled_table(
                ctx, w("compliance.by_severity", severity=ctx.label("severity", severity), count=ctx.number(len(rows))),
                [w("compliance.rule"), w("compliance.finding"), w("compliance.object"), w("compliance.message"), w("compliance.evidence"), w("compliance.state")],
                rows,
            ))
    waived = [f for f in findings if f.status is FindingStatus.WAIVED]
    if waived:
        doc.add(*titled_table(
            ctx, w("compliance.waived"),
            [w("compliance.rule"), w("compliance.finding"), w("compliance.object"), w("compliance.evidence"), w("compliance.justification"),
             w("compliance.accepted_by"), w("compliance.expiry")],
            [(f.rule, f.title, finding_object(f.object_id, ctx.t), evidence(f.location, ctx.project, ctx.t), f.waiver_justification or "", f.waiver_accepted_by or "", f.waiver_expiry or "") for f in waived],
        ))
    waivers = sorted(ctx.project.waivers, key=lambda x: (x.rule, x.object))
    doc.add(*titled_table(
        ctx, w("compliance.waivers"),
        [w("compliance.rule"), w("compliance.object"), w("compliance.justification"), w("compliance.accepted_by"), w("compliance.accepted_on"),
         w("compliance.expiry"), w("compliance.state")],
        [(x.rule, x.object, x.justification, x.accepted_by, ctx.date(x.date), ctx.date(x.expiry),
          waiver_state(ctx, x)) for x in waivers],
    ))
    return [doc]
