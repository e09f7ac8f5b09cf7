"""Audit report: an audit in the sense of ISO 19011 — scope, criteria, method, period, auditor and
independence, every rule of the catalogue with its result, an opinion derived from the findings,
recommendations with owner and deadline, management's response, and the evidence tables.

Dates are measured against the generation date (data or SOURCE_DATE_EPOCH), never the clock, so
that the same input gives the same report. Findings and completeness are the whole project's, so
that every audience reads the same result.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from generator.audience import data_files, evidence, finding_object
from generator.checks import catalogue, catalogue_digest
from generator.checks.applicability import applicable
from generator.checks.report import tool_version
from generator.diagnostics import Severity
from generator.document import Admonition, BulletList, Document, Facts, Heading, Paragraph, Table, Text
from generator.i18n import Translator
from generator.model.audit import Auditor, Recommendation
from generator.model.findings import Finding, FindingStatus
from generator.model.project import Project
from generator.pdf.layout import Record, Signature
from generator.pdf.records import audit_evidence
from generator.pdf.records.common import record_facts

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
WRITE_IN = "\u00a0"  # an empty cell of a form, kept as a row to write in


def auditor_of(project: Project) -> tuple[Auditor, bool]:
    """Who audits, and whether they are independent of the integrator whose file they audit.
    Without an audit file, the document's author is the auditor: not independent."""
    info = project.pbxdoc
    audit = project.audit
    if audit is None:
        return Auditor(name=info.document.author, organisation=info.integrator.name), False
    a = audit.auditor
    integrator = info.integrator.name.casefold()
    own_people = {c.name.casefold() for c in project.unredacted.contacts if c.organisation.casefold() == integrator}
    independent = a.organisation.casefold() != integrator and a.name.casefold() not in own_people | {info.document.author.casefold()}
    return a, independent


def opinion(project: Project) -> str:
    """adverse with an open error, qualified with another open finding, else compliant."""
    active = [f for f in project.findings if f.active]
    if any(f.severity is Severity.ERROR for f in active):
        return "adverse"
    return "qualified" if active else "compliant"


def frame(project: Project, t: Translator, today: dt.date) -> Document:
    """Scope, criteria, method, period, auditor and independence."""
    info = project.pbxdoc
    audit = project.audit
    auditor, independent = auditor_of(project)
    doc = Document(t.t("pdf.audit.frame"))
    rules = catalogue(t.lang)
    period = (
        t.t("pdf.audit.period_range", start=t.date(audit.period_start), end=t.date(audit.period_end))
        if audit else t.t("pdf.audit.period_state", date=t.date(today))
    )
    doc.add(record_facts(
        project, t,
        (t.t("pdf.audit.period"), period),
        (t.t("pdf.audit.auditor"), ", ".join(v for v in (auditor.name, auditor.function, auditor.organisation) if v)),
    ))
    doc.add(Heading(2, t.t("pdf.audit.scope")))
    doc.add(Paragraph((t.t("pdf.audit.scope_text", files=data_files(project, t)),)))
    if audit and audit.scope:
        doc.add(Paragraph((audit.scope,)))
    doc.add(Heading(2, t.t("pdf.audit.criteria")))
    doc.add(Paragraph((t.t("pdf.audit.criteria_text", count=len(rules), version=tool_version(), digest=catalogue_digest()),)))
    policy = info.policy
    doc.add(BulletList((
        t.t("pdf.audit.policy_backup", days=policy.backup_max_age_days),
        t.t("pdf.audit.policy_restore", days=policy.restore_test_max_age_days),
        t.t("pdf.audit.policy_licence", days=policy.licence_warning_days),
        t.t("pdf.audit.policy_ups", percent=policy.ups_max_load_percent),
    )))
    doc.add(Heading(2, t.t("pdf.audit.method")))
    doc.add(Paragraph((t.t("pdf.audit.method_text", date=t.date(today), digest=project.digest[:12]),)))
    if audit and audit.method:
        doc.add(Paragraph((audit.method,)))
    else:
        doc.add(Paragraph((t.t("pdf.audit.method_data_only"),)))
    doc.add(Heading(2, t.t("pdf.audit.independence")))
    if independent:
        doc.add(Paragraph((t.t("pdf.audit.independent", auditor=auditor.name, organisation=auditor.organisation, integrator=info.integrator.name),)))
    else:
        doc.add(Admonition("warning", t.t("pdf.audit.not_independent_title"), (
            Paragraph((t.t("pdf.audit.not_independent", auditor=auditor.name, organisation=auditor.organisation, integrator=info.integrator.name),)),
        )))
    return doc


def conclusion(project: Project, t: Translator) -> Document:
    """The opinion, derived from the findings, and their counts by severity and status."""
    doc = Document(t.t("pdf.audit.opinion_title"))
    verdict = opinion(project)
    active = Counter(f.severity for f in project.findings if f.active)
    doc.add(Paragraph((Text(t.t(f"pdf.audit.opinion.{verdict}"), strong=True),)))
    doc.add(Paragraph((t.t(
        "pdf.audit.opinion_basis",
        errors=active[Severity.ERROR], warnings=active[Severity.WARNING], infos=active[Severity.INFO],
        waived=sum(1 for f in project.findings if f.status is FindingStatus.WAIVED),
    ),)))
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


def _status(finding: Finding, t: Translator) -> str:
    """Open, or waived with who accepted it, until when and why."""
    status = t.t(f"pdf.audit.status.{finding.status.value}")
    if finding.status is FindingStatus.OPEN or not finding.waiver_justification:
        return status
    expiry = t.date(dt.date.fromisoformat(finding.waiver_expiry)) if finding.waiver_expiry else ""
    return f"{status}: {finding.waiver_justification} ({finding.waiver_accepted_by}, {expiry})"


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
                (f.rule, f"{f.title} — {f.message}", finding_object(f.object_id, t), evidence(f.location, project, t), _status(f, t))
                for f in found
            ),
        ))
        documents.append(doc)
    return documents


def rules_applied(project: Project, t: Translator) -> Document:
    """Every rule of the catalogue with its result: passed, finding, waived or not applicable."""
    doc = Document(t.t("pdf.audit.rules_applied"))
    by_rule: dict[str, list[Finding]] = {}
    for f in project.findings:
        by_rule.setdefault(f.rule, []).append(f)
    rows = []
    counts: Counter = Counter()
    for info in catalogue(t.lang):
        found = by_rule.get(info.id, [])
        if any(f.active for f in found):
            result, strong = t.t("pdf.audit.result.finding", count=sum(1 for f in found if f.active)), True
            counts["finding"] += 1
        elif found:
            result, strong = t.t("pdf.audit.result.waived"), False
            counts["waived"] += 1
        elif applicable(info.id, info.category, project):
            result, strong = t.t("pdf.audit.result.passed"), False
            counts["passed"] += 1
        else:
            result, strong = t.t("pdf.audit.result.not_applicable"), False
            counts["not_applicable"] += 1
        rows.append((info.id, info.title, t.label("severity", info.severity), Text(result, strong=strong)))
    doc.add(Paragraph((t.t("pdf.audit.rules_summary", total=len(rows), passed=counts["passed"], finding=counts["finding"], waived=counts["waived"], not_applicable=counts["not_applicable"]),)))
    doc.add(Table(tuple(t.t(f"pdf.col.{c}") for c in ("rule", "goal", "severity", "result")), tuple(rows)))
    return doc


def _recommendation(project: Project, f: Finding) -> Recommendation | None:
    planned = project.audit.recommendations if project.audit else []
    exact = [r for r in planned if r.rule == f.rule and r.object == f.object_id]
    return (exact or [r for r in planned if r.rule == f.rule and r.object == "*"] or [None])[0]


def recommendations(project: Project, t: Translator) -> Document:
    """One recommendation per active finding: what to do, who, by when, and management's answer.
    Owner, deadline and answer come from the audit file; a row without them is left to write in."""
    doc = Document(t.t("pdf.audit.recommendations"))
    active = [f for f in project.findings if f.active]
    if not active:
        doc.add(Paragraph((t.t("pdf.audit.no_recommendations"),)))
        return doc
    rows = []
    for i, f in enumerate(active, 1):
        remediation = f.remediation
        r = _recommendation(project, f)
        answer = "" if r is None or r.response is None else t.t(f"pdf.audit.response.{r.response}") + (f" — {r.comment}" if r.comment else "")
        rows.append((f"R{i}", f"{f.rule} · {finding_object(f.object_id, t)}", remediation, r.owner if r else WRITE_IN, t.date(r.due) if r else WRITE_IN, answer or WRITE_IN))
    doc.add(Table(tuple(t.t(f"pdf.col.{c}") for c in ("id", "finding", "recommendation", "owner", "due", "response")), tuple(rows), css_class="form"))
    return doc


def management_response(project: Project, t: Translator) -> tuple[Document, tuple[Signature, ...]]:
    """Management's statement (or lines to write it) and the signature blocks of auditor and management."""
    doc = Document(t.t("pdf.audit.management_response"))
    response = project.audit.management_response if project.audit else None
    auditor, _ = auditor_of(project)
    acceptance = project.commissioning.acceptance if project.commissioning else None
    manager_id = response.by if response else (acceptance.customer_signatory if acceptance else None)
    manager = project.contact_by_id.get(manager_id) if manager_id else None
    if response:
        doc.add(Paragraph((response.statement,)))
        doc.add(Paragraph((t.t("pdf.audit.response_by", name=manager.name if manager else t.t("pdf.withheld"), date=t.date(response.date)),)))
    else:
        doc.add(Paragraph((t.t("pdf.audit.response_blank"),)))
        doc.add(Table((t.t("pdf.audit.management_response"),), ((WRITE_IN,), (WRITE_IN,), (WRITE_IN,), (WRITE_IN,)), css_class="form"))
    signatures = (
        Signature(role=t.t("pdf.audit.signature_auditor"), name=auditor.name, organisation=auditor.organisation),
        Signature(role=t.t("pdf.audit.signature_management"), name=manager.name if manager else "", organisation=project.pbxdoc.customer.name),
    )
    return doc, signatures


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
                t.date(w.date),
                audit_evidence.marked(
                    t.date(w.expiry) + (f" ({t.t('pdf.audit.expired')})" if w.expiry < today else ""),
                    next((f for f in project.findings if f.rule == w.rule and f.status is FindingStatus.WAIVER_EXPIRED and w.object in (f.object_id, "*")), None),
                    t,
                ),
            )
            for w in sorted(project.waivers, key=lambda w: (w.expiry, w.rule, w.object))
        ),
    ))
    return doc


def _evidence_concerns(project: Project) -> tuple[str, ...]:
    """The files the report rests on: those it always reads, and each file a finding points to."""
    cited = {f.location.file for f in project.findings}
    base = ("pbxdoc", "contacts", "servers", "licences", "backups", "documents", "waivers", "audit")
    return base + tuple(sorted(c for c, name in project.files.items() if name in cited and c not in base))


def build(project: Project, t: Translator, today: dt.date) -> Record:
    response, signatures = management_response(project, t)
    documents = [
        frame(project, t, today),
        conclusion(project, t),
        *findings(project, t),
        recommendations(project, t),
        rules_applied(project, t),
        waivers(project, t, today),
        audit_evidence.completeness(project, t),
        audit_evidence.licences(project, t, today),
        audit_evidence.backups(project, t, today),
        response,
    ]
    return Record(
        name="audit",
        title=t.t("pdf.audit.title"),
        kind=t.t("pdf.audit.kind"),
        documents=documents,
        concerns=_evidence_concerns(project),
        toc=True,
        control=True,
        signatures=signatures,
        signature_statement=t.t("pdf.audit.statement"),
    )
