"""The evidence tables of the audit report: completeness, licences, backups and restore tests.

A cell that shows a breach is marked only from the finding that states it, and names that
finding's rule: the tables and the findings are one truth (a test walks every table).
"""

from __future__ import annotations

import datetime as dt

from generator.audience import where_kept
from generator.checks import completeness as assess
from generator.checks.rules.backup import allowed_age
from generator.document import Document, Heading, Paragraph, Table, Text
from generator.i18n import Translator
from generator.model.findings import Finding
from generator.model.project import Project


def finding_for(project: Project, rules: tuple[str, ...], object_id: str) -> Finding | None:
    """The first finding of one of the rules about this object (findings are sorted)."""
    return next((f for f in project.findings if f.rule in rules and f.object_id == object_id), None)


def marked(text: str, finding: Finding | None, t: Translator) -> object:
    """A cell: plain, or in bold with the rule of the finding that states the breach."""
    if finding is None:
        return text
    return Text(t.t("pdf.audit.breach", text=text, rule=finding.rule, status=t.t(f"pdf.audit.status.{finding.status.value}")), strong=True)


def completeness(project: Project, t: Translator) -> Document:
    """The items of the customer file (course 6.2); the score is the same for every audience, and an
    item this audience may not see reads "withheld", never "missing"."""
    score, items = assess(project)
    doc = Document(t.t("pdf.audit.completeness"))
    doc.add(Paragraph((t.t("pdf.audit.completeness_score", score=t.percent(score), present=sum(i.present for i in items), total=len(items)),)))
    if any(i.withheld for i in items):
        doc.add(Paragraph((t.t("pdf.audit.withheld_note"),)))

    def state(item) -> object:
        if item.withheld:
            return t.t("pdf.audit.withheld")
        if item.present:
            return t.t("pdf.yes")
        return marked(t.t("pdf.no"), finding_for(project, ("DOC-ITEM",), item.id), t)

    doc.add(Table(
        tuple(t.t(f"pdf.col.{c}") for c in ("item", "present", "where")),
        tuple((t.t(f"checks.completeness.{i.id}"), state(i), where_kept(i.concern, project, t)) for i in items),
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
            state = marked(t.t(f"pdf.audit.licence.{key}", days=abs(days)), finding_for(project, ("LIC-EXPIRED", "LIC-EXPIRING"), lic.id), t)
        rows.append((lic.item, lic.system, t.number(lic.quantity), t.date(lic.expiry), state))
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
            if job.last_success:
                age = (today - job.last_success).days
                last = t.t("pdf.audit.last_success", date=t.date(job.last_success), days=age)
            else:
                last = t.t("pdf.audit.never")
            accepted = t.t("pdf.audit.accepted_age", days=allowed_age(job, policy.backup_max_age_days)) if job.automated else t.t("pdf.audit.manual_job")
            rows.append((
                job.system, t.label("backup_method", job.method), t.label("backup_location", job.location), job.schedule or t.label("backup_schedule", "on_demand"),
                t.t("pdf.yes") if job.encrypted else marked(t.t("pdf.no"), finding_for(project, ("BKP-ENCRYPT",), job.id), t),
                marked(last, finding_for(project, ("BKP-STALE",), job.id), t), accepted,
            ))
        doc.add(Table(tuple(t.t(f"pdf.col.{c}") for c in ("system", "method", "location", "schedule", "encrypted", "last_success", "accepted_age")), tuple(rows)))
    else:
        doc.add(Paragraph((marked(t.t("pdf.audit.no_backup_jobs"), next((f for f in project.findings if f.rule == "BKP-JOB"), None), t),)))
    doc.add(Heading(2, t.t("pdf.audit.restore_tests")))
    systems = sorted({job.system for job in b.jobs} | {r.system for r in b.restore_tests} | {s.id for s in project.servers})
    rows = []
    for system in systems:
        finding = finding_for(project, ("BKP-RESTORE-TEST", "BKP-RESTORE-SYSTEM"), system)
        tests = sorted((r for r in b.restore_tests if r.system == system), key=lambda r: r.date)
        if not tests:
            rows.append((system, t.t("pdf.audit.never"), "", marked(t.t("pdf.audit.restore_missing"), finding, t)))
            continue
        last = tests[-1]
        age = (today - last.date).days
        rows.append((system, t.date(last.date), t.label("test_result", last.result), marked(t.t("pdf.audit.days_ago", days=age), finding, t)))
    doc.add(Table(tuple(t.t(f"pdf.col.{c}") for c in ("system", "last_test", "result", "status")), tuple(rows)))
    return doc
