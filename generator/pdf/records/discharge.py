"""Décharge de responsabilité: the risks this customer accepted (waived findings, declined
recommendations) and the agreed limits, within what the law allows, signed by the customer.

Swiss law (CO art. 100 para. 1) voids any advance exclusion of liability for unlawful intent or
gross negligence; French law (Code civil art. 1231-3 and 1170) keeps liability for gross or wilful
misconduct and voids a clause that empties the essential obligation. The record says so instead
of disclaiming "any liability"."""

from __future__ import annotations

import datetime as dt

from generator.document import BulletList, Document, Paragraph, Table, Text
from generator.model.findings import FindingStatus
from generator.i18n import Translator
from generator.model.project import Project
from generator.pdf.layout import Record
from generator.pdf.records.common import record_facts, signatories


def accepted_risks(project: Project, t: Translator) -> Document:
    """Each risk the customer accepted: a finding waived (with who accepted it, why, until when)
    and each recommendation of the audit that management declined."""
    doc = Document(t.t("pdf.discharge.accepted_risks"))
    rows = []
    for f in project.findings:
        if f.status is FindingStatus.OPEN:
            continue
        rows.append((f.rule, f"{f.title} — {f.message}", t.t("pdf.discharge.by_waiver", by=f.waiver_accepted_by, until=t.date(dt.date.fromisoformat(f.waiver_expiry)) if f.waiver_expiry else "", why=f.waiver_justification)))
    declined = [r for r in (project.audit.recommendations if project.audit else []) if r.response == "declined"]
    for r in declined:
        found = [f for f in project.findings if f.rule == r.rule and r.object in (f.object_id, "*")]
        what = " ; ".join(f"{f.title} — {f.message}" for f in found) or f"{r.rule} · {r.object}"
        rows.append((r.rule, what, t.t("pdf.discharge.by_declining", comment=r.comment or "")))
    if not rows:
        doc.add(Paragraph((t.t("pdf.discharge.no_accepted_risks"),)))
        return doc
    doc.add(Paragraph((t.t("pdf.discharge.accepted_risks_intro"),)))
    doc.add(Table(tuple(t.t(f"pdf.col.{col}") for col in ("rule", "finding", "acceptance")), tuple(rows)))
    return doc


def open_on(points, day: dt.date) -> list:
    """The points open on the record's date: raised by then and not closed by then (a point raised
    after acceptance is open all the same; one closed since is not)."""
    return [p for p in points if (p.raised is None or p.raised <= day) and (not p.closed or (p.closed_on is not None and p.closed_on > day))]


def build(project: Project, t: Translator, today: dt.date) -> Record | None:
    """The record, dated `today`, or None when the project holds no commissioning data."""
    c = project.commissioning
    if c is None or not c.liability_exclusions:
        return None
    info = project.pbxdoc
    customer = info.customer.legal_name or info.customer.name
    overview = Document(t.t("pdf.discharge.object"))
    overview.add(record_facts(project, t, (t.t("pdf.commissioning.date"), t.date(c.date))))
    overview.add(Paragraph((t.t("pdf.discharge.preamble", customer=customer, integrator=info.integrator.name),)))
    exclusions = Document(t.t("pdf.discharge.exclusions"))
    exclusions.add(BulletList(tuple(c.liability_exclusions)))
    documents = [overview, accepted_risks(project, t), exclusions]
    still_open = open_on(c.open_points, today)
    if still_open or (c.acceptance and c.acceptance.reservations):
        reserve = Document(t.t("pdf.discharge.reservations"))
        if c.acceptance and c.acceptance.reservations:  # words of the acceptance day, dated as such
            reserve.add(Paragraph((t.t("pdf.discharge.reservations_at", date=t.date(c.acceptance.date), text=c.acceptance.reservations),)))
        if still_open:
            reserve.add(Table(
                tuple(t.t(f"pdf.col.{col}") for col in ("id", "description", "owner", "due")),
                tuple((p.id, p.description, p.owner, t.date(p.due)) for p in still_open),
            ))
        documents.append(reserve)
    closing = Document(t.t("pdf.discharge.declaration"))
    closing.add(Paragraph((t.t("pdf.discharge.legal_limits"),)))
    closing.add(Paragraph((Text(t.t("pdf.discharge.declaration_text", customer=customer, integrator=info.integrator.name)),)))
    documents.append(closing)
    return Record(
        name="discharge",
        title=t.t("pdf.discharge.title"),
        kind=t.t("pdf.discharge.kind"),
        documents=documents,
        concerns=("pbxdoc", "sites", "contacts", "commissioning", "waivers", "audit"),
        signatures=signatories(project, t, "pdf.signature_integrator", "pdf.signature_customer", customer_first=True),
        signature_statement=t.t("pdf.discharge.statement"),
    )
