"""Remise de l'installation: what the customer received (documents, training, access, hardware).

Access is listed by what was handed over and to whom; the data holds no secret and the record
prints none (passwords are handed over separately, as the data says).
"""

from __future__ import annotations

import datetime as dt

from generator.audience import data_file
from generator.document import Document, Facts, Paragraph, Table
from generator.i18n import Translator
from generator.model.operations import COMMERCIAL_DOCUMENTS
from generator.model.project import Project
from generator.pdf.layout import Record
from generator.pdf.records.common import contact_name, overview, signatories

KINDS = ("document", "training", "access", "hardware", "other")


# The columns of each kind of item: hardware is counted and identified, training names who gave it
# and who attended; every item says who received it and when.
COLUMNS = {
    "hardware": ("item", "quantity", "serials", "warranty_start", "recipient", "date"),
    "training": ("item", "trainer", "participants", "recipient", "date"),
}
DEFAULT_COLUMNS = ("item", "quantity", "recipient", "date")


def _cell(project: Project, t: Translator, h, column: str) -> str:
    if column == "item":
        return h.item + (f" — {h.notes}" if h.notes else "")
    if column == "quantity":
        return t.number(h.quantity) if h.quantity else ""
    if column == "serials":
        return ", ".join(h.serials)
    if column == "warranty_start":
        return t.date(h.warranty_start)
    if column == "trainer":
        return h.trainer or ""
    if column == "participants":
        return ", ".join(h.participants)
    if column == "recipient":
        return contact_name(project, h.recipient)
    return t.date(h.date)


def items(project: Project, t: Translator) -> list[Document]:
    c = project.commissioning
    documents = []
    for kind in KINDS:
        rows = [h for h in c.handover if h.kind == kind]
        if not rows:
            continue
        doc = Document(t.t(f"pdf.handover.kinds.{kind}"))
        columns = COLUMNS.get(kind, DEFAULT_COLUMNS)
        doc.add(Table(tuple(t.t(f"pdf.col.{col}") for col in columns), tuple(tuple(_cell(project, t, h, col) for col in columns) for h in rows)))
        documents.append(doc)
    return documents


def maintenance(project: Project, t: Translator) -> Document | None:
    """The maintenance contract and its service level, as agreed at handover."""
    m = project.commissioning.maintenance
    if m is None:
        return None
    doc = Document(t.t("pdf.handover.maintenance"))
    doc.add(Facts((
        (t.t("pdf.handover.contract"), f"{m.contract} — {m.provider}"),
        (t.t("pdf.handover.term"), t.t("pdf.handover.term_range", start=t.date(m.start), end=t.date(m.end)) if m.end else t.t("pdf.handover.term_open", start=t.date(m.start))),
        (t.t("pdf.handover.sla"), m.sla),
    )))
    return doc


def customer_file(project: Project, t: Translator) -> Document | None:
    """The documents of the customer file handed over: never commercial or internal ones, whatever
    the audience, since the customer signs this record."""
    documents = [d for d in project.documents if d.kind not in COMMERCIAL_DOCUMENTS and not d.internal]
    if not documents:
        return None
    doc = Document(t.t("pdf.handover.customer_file"))
    doc.add(Table(
        tuple(t.t(f"pdf.col.{col}") for col in ("id", "kind", "title", "date", "where")),
        tuple((d.id, t.label("document_kind", d.kind), d.title, t.date(d.date), data_file(d.file, t) or d.reference or "") for d in documents),
    ))
    return doc


def administration(project: Project, t: Translator) -> Document:
    doc = Document(t.t("pdf.handover.administration"))
    doc.add(Table(
        tuple(t.t(f"pdf.col.{col}") for col in ("server", "admin_url", "software")),
        tuple((f"{s.name} ({s.id})", s.admin_url or "", s.software_version) for s in project.servers),
    ))
    doc.add(Paragraph((t.t("pdf.handover.no_secrets"),)))
    return doc


def build(project: Project, t: Translator, today: dt.date) -> Record | None:
    """The record, or None when the project holds no commissioning data (`today` is unused here)."""
    c = project.commissioning
    if c is None or not c.handover:
        return None
    documents = [overview(project, t, "pdf.handover.object"), *items(project, t), administration(project, t)]
    contract = maintenance(project, t)
    if contract:
        documents.append(contract)
    file_doc = customer_file(project, t)
    if file_doc:
        documents.append(file_doc)
    return Record(
        name="handover",
        title=t.t("pdf.handover.title"),
        kind=t.t("pdf.handover.kind"),
        documents=documents,
        concerns=("pbxdoc", "sites", "contacts", "servers", "documents", "commissioning"),
        signatures=signatories(project, t, "pdf.handover.handed_by", "pdf.handover.received_by"),
        signature_statement=t.t("pdf.handover.statement"),
    )
