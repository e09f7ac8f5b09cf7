"""Remise de l'installation: what the customer received (documents, training, access, hardware).

Access is listed by what was handed over and to whom; the data holds no secret and the record
prints none (passwords are handed over separately, as the data says).
"""

from __future__ import annotations

import datetime as dt

from generator.document import Document, Paragraph, Table
from generator.i18n import Translator
from generator.model.operations import COMMERCIAL_DOCUMENTS
from generator.model.project import Project
from generator.pdf.layout import Record
from generator.pdf.records.common import contact_name, overview, signatories

KINDS = ("document", "training", "access", "hardware", "other")


def items(project: Project, t: Translator) -> list[Document]:
    c = project.commissioning
    documents = []
    for kind in KINDS:
        rows = [h for h in c.handover if h.kind == kind]
        if not rows:
            continue
        doc = Document(t.t(f"pdf.handover.kinds.{kind}"))
        columns = ("item", "recipient", "date", "notes") if any(h.notes for h in rows) else ("item", "recipient", "date")
        doc.add(Table(
            tuple(t.t(f"pdf.col.{col}") for col in columns),
            tuple((h.item, contact_name(project, h.recipient), t.date(h.date, "short"), h.notes or "")[: len(columns)] for h in rows),
        ))
        documents.append(doc)
    return documents


def customer_file(project: Project, t: Translator) -> Document | None:
    """The documents of the customer file handed over: never commercial or internal ones, whatever
    the audience, since the customer signs this record."""
    documents = [d for d in project.documents if d.kind not in COMMERCIAL_DOCUMENTS and not d.internal]
    if not documents:
        return None
    doc = Document(t.t("pdf.handover.customer_file"))
    doc.add(Table(
        tuple(t.t(f"pdf.col.{col}") for col in ("id", "kind", "title", "date", "where")),
        tuple((d.id, t.label("document_kind", d.kind), d.title, t.date(d.date, "short"), d.file or d.reference or "") for d in documents),
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
