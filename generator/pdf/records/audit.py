"""Audit report: findings by severity with evidence, waivers, completeness, licences, backups.

Dates are measured against the generation date (data or SOURCE_DATE_EPOCH), never the clock, so
that the same input gives the same report.
"""

from __future__ import annotations

import datetime as dt

from generator.diagnostics import Severity
from generator.document import Document, Heading, Paragraph, Table, Text
from generator.i18n import Translator
from generator.checks import completeness as assess
from generator.model.findings import FindingStatus
from generator.model.project import Project
from generator.pdf.layout import Record

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def summary(project: Project, t: Translator) -> Document:
    doc = Document(t.t("pdf.audit.summary"))
    rows = []
    for severity in SEVERITIES:
        found = [f for f in project.findings if f.severity is severity]
        rows.append((
            t.label("severity", severity),
            str(sum(1 for f in found if f.status is FindingStatus.OPEN)),
            str(sum(1 for f in found if f.status is FindingStatus.WAIVED)),
            str(sum(1 for f in found if f.status is FindingStatus.WAIVER_EXPIRED)),
        ))
    doc.add(Table(tuple(t.t(f"pdf.col.{c}") for c in ("severity", "open", "waived", "waiver_expired")), tuple(rows)))
    return doc


def _status(finding, t: Translator) -> str:
    """Open, or waived with who accepted it, until when and why."""
    status = t.t(f"pdf.audit.status.{finding.status.value}")
    if finding.status is FindingStatus.OPEN or not finding.waiver_justification:
        return status
    return f"{status}: {finding.waiver_justification} ({finding.waiver_accepted_by}, {finding.waiver_expiry})"


def findings(project: Project, t: Translator) -> list[Document]:
    documents = []
    for severity in SEVERITIES:
        found = [f for f in project.findings if f.severity is severity]
        if not found:
            continue
        doc = Document(t.t("pdf.audit.findings_of", severity=t.label("severity", severity)))
        doc.add(Table(
            tuple(t.t(f"pdf.col.{c}") for c in ("rule", "finding", "object", "evidence", "status")),
            tuple(
                (
                    f.rule,
                    f"{f.title} — {f.message}",
                    f.object_id,
                    str(f.location),
                    _status(f, t),
                )
                for f in found
            ),
        ))
        documents.append(doc)
    return documents


def waivers(project: Project, t: Translator, today: dt.date) -> Document:
    doc = Document(t.t("pdf.audit.waivers"))
    if not project.waivers:
        doc.add(Paragraph((t.t("pdf.audit.no_waivers"),)))
        return doc
    doc.add(Table(
        tuple(t.t(f"pdf.col.{c}") for c in ("rule", "object", "justification", "accepted_by", "date", "expiry")),
        tuple(
            (
                w.rule,
                w.object,
                w.justification,
                w.accepted_by,
                t.date(w.date, "short"),
                Text(t.date(w.expiry, "short") + (f" ({t.t('pdf.audit.expired')})" if w.expiry < today else ""), strong=w.expiry < today),
            )
            for w in sorted(project.waivers, key=lambda w: (w.expiry, w.rule, w.object))
        ),
    ))
    return doc


def completeness(project: Project, t: Translator) -> Document:
    """The items of the customer file (course 6.2) as the checks assess them."""
    score, items = assess(project)
    files = project.files
    doc = Document(t.t("pdf.audit.completeness"))
    doc.add(Paragraph((t.t("pdf.audit.completeness_score", score=t.percent(score), present=sum(i.present for i in items), total=len(items)),)))
    doc.add(Table(
        tuple(t.t(f"pdf.col.{c}") for c in ("item", "present", "where")),
        tuple(
            (
                t.t(f"checks.completeness.{item.id}") if t.has(f"checks.completeness.{item.id}") else item.id,
                t.t("pdf.yes") if item.present else Text(t.t("pdf.no"), strong=True),
                files.get(item.concern, ""),
            )
            for item in items
        ),
    ))
    return doc


def licences(project: Project, t: Translator, today: dt.date) -> Document:
    doc = Document(t.t("pdf.audit.licences"))
    if not project.licences:
        doc.add(Paragraph((t.t("pdf.audit.no_licences"),)))
        return doc
    warn = project.pbxdoc.policy.licence_warning_days
    rows = []
    for lic in sorted(project.licences, key=lambda x: (x.expiry or dt.date.max, x.id)):
        if lic.expiry is None:
            state: object = t.t("pdf.audit.no_expiry")
        else:
            days = (lic.expiry - today).days
            key = "expired" if days < 0 else "expires_soon" if days <= warn else "valid"
            state = Text(t.t(f"pdf.audit.licence.{key}", days=abs(days)), strong=key != "valid")
        rows.append((lic.item, lic.system, t.number(lic.quantity), t.date(lic.expiry, "short"), state))
    doc.add(Paragraph((t.t("pdf.audit.licence_policy", days=warn),)))
    doc.add(Table(tuple(t.t(f"pdf.col.{c}") for c in ("licence", "system", "quantity", "expiry", "status")), tuple(rows)))
    return doc


def backups(project: Project, t: Translator, today: dt.date) -> Document:
    policy = project.pbxdoc.policy
    b = project.backups
    doc = Document(t.t("pdf.audit.backups"))
    doc.add(Paragraph((t.t("pdf.audit.backup_policy", backup_days=policy.backup_max_age_days, restore_days=policy.restore_test_max_age_days),)))
    doc.add(Heading(2, t.t("pdf.audit.backup_jobs")))
    if b.jobs:
        rows = []
        for job in b.jobs:
            age = (today - job.last_success).days if job.last_success else None
            late = age is None or age > policy.backup_max_age_days
            last = t.date(job.last_success, "short") + (f" ({t.t('pdf.audit.days_ago', days=age)})" if age is not None else "") if job.last_success else t.t("pdf.audit.never")
            rows.append((job.system, t.label("backup_method", job.method), t.label("backup_location", job.location), job.schedule, t.t("pdf.yes") if job.encrypted else Text(t.t("pdf.no"), strong=True), Text(last, strong=late)))
        doc.add(Table(tuple(t.t(f"pdf.col.{c}") for c in ("system", "method", "location", "schedule", "encrypted", "last_success")), tuple(rows)))
    else:
        doc.add(Paragraph((Text(t.t("pdf.audit.no_backup_jobs"), strong=True),)))
    doc.add(Heading(2, t.t("pdf.audit.restore_tests")))
    systems = sorted({job.system for job in b.jobs} | {r.system for r in b.restore_tests})
    rows = []
    for system in systems:
        tests = sorted((r for r in b.restore_tests if r.system == system), key=lambda r: r.date)
        if not tests:
            rows.append((system, t.t("pdf.audit.never"), "", Text(t.t("pdf.audit.restore_missing"), strong=True)))
            continue
        last = tests[-1]
        age = (today - last.date).days
        overdue = age > policy.restore_test_max_age_days
        state = Text(t.t("pdf.audit.restore_overdue", days=age), strong=True) if overdue else t.t("pdf.audit.days_ago", days=age)
        rows.append((system, t.date(last.date, "short"), t.label("test_result", last.result), state))
    if rows:
        doc.add(Table(tuple(t.t(f"pdf.col.{c}") for c in ("system", "last_test", "result", "status")), tuple(rows)))
    return doc


def _evidence_concerns(project: Project) -> tuple[str, ...]:
    """The files the report rests on: those it always reads, and each file a finding points to."""
    cited = {f.location.file for f in project.findings}
    base = ("pbxdoc", "contacts", "servers", "licences", "backups", "documents", "waivers")
    return base + tuple(sorted(c for c, name in project.files.items() if name in cited and c not in base))


def build(project: Project, t: Translator, today: dt.date) -> Record:
    documents = [summary(project, t), *findings(project, t), waivers(project, t, today), completeness(project, t)]
    documents += [licences(project, t, today), backups(project, t, today)]
    return Record(
        name="audit",
        title=t.t("pdf.audit.title"),
        kind=t.t("pdf.audit.kind"),
        documents=documents,
        concerns=_evidence_concerns(project),
        toc=True,
    )
