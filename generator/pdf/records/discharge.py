"""Décharge de responsabilité: what the integrator is not responsible for, signed by the customer."""

from __future__ import annotations

import datetime as dt

from generator.document import BulletList, Document, Paragraph, Table, Text
from generator.i18n import Translator
from generator.model.project import Project
from generator.pdf.layout import Record
from generator.pdf.records.common import record_facts, signatories


def build(project: Project, t: Translator, today: dt.date) -> Record | None:
    """The record, or None when the project holds no commissioning data (`today` is unused here)."""
    c = project.commissioning
    if c is None or not c.liability_exclusions:
        return None
    info = project.pbxdoc
    customer = info.customer.legal_name or info.customer.name
    overview = Document(t.t("pdf.discharge.object"))
    overview.add(record_facts(project, t, (t.t("pdf.commissioning.date"), t.date(c.date, "long"))))
    overview.add(Paragraph((t.t("pdf.discharge.preamble", customer=customer, integrator=info.integrator.name),)))
    exclusions = Document(t.t("pdf.discharge.exclusions"))
    exclusions.add(BulletList(tuple(c.liability_exclusions)))
    documents = [overview, exclusions]
    still_open = [p for p in c.open_points if not p.closed]
    if still_open or (c.acceptance and c.acceptance.reservations):
        reserve = Document(t.t("pdf.discharge.reservations"))
        if c.acceptance and c.acceptance.reservations:
            reserve.add(Paragraph((c.acceptance.reservations,)))
        if still_open:
            reserve.add(Table(
                tuple(t.t(f"pdf.col.{col}") for col in ("id", "description", "owner", "due")),
                tuple((p.id, p.description, p.owner, t.date(p.due, "short")) for p in still_open),
            ))
        documents.append(reserve)
    closing = Document(t.t("pdf.discharge.declaration"))
    closing.add(Paragraph((Text(t.t("pdf.discharge.declaration_text", customer=customer, integrator=info.integrator.name)),)))
    documents.append(closing)
    return Record(
        name="discharge",
        title=t.t("pdf.discharge.title"),
        kind=t.t("pdf.discharge.kind"),
        documents=documents,
        concerns=("pbxdoc", "sites", "contacts", "commissioning"),
        signatures=signatories(project, t, "pdf.signature_integrator", "pdf.signature_customer", customer_first=True),
        signature_statement=t.t("pdf.discharge.statement"),
    )
