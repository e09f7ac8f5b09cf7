"""Small look-ups the records share: who a contact is, how a date or a result is printed."""

from __future__ import annotations

from generator.document import Document, Facts, Paragraph, Text
from generator.i18n import Translator
from generator.model.project import Project
from generator.pdf.layout import Signature


def contact_name(project: Project, contact_id: str | None) -> str:
    if not contact_id:
        return ""
    contact = project.contact_by_id.get(contact_id)
    return f"{contact.name} ({contact.organisation})" if contact else contact_id


def _signature(project: Project, t: Translator, role_key: str, contact_id: str | None, organisation: str) -> Signature:
    """A signature block; the name line stays empty for a contact the audience may not see."""
    contact = project.contact_by_id.get(contact_id) if contact_id else None
    return Signature(
        role=t.t(role_key),
        name=contact.name if contact else "",
        organisation=contact.organisation if contact else organisation,
    )


def result(t: Translator, value: str) -> Text:
    return Text(t.label("test_result", value), strong=value != "passed")


def yes_no(t: Translator, value: bool) -> str:
    return t.t("pdf.yes") if value else t.t("pdf.no")


def record_facts(project: Project, t: Translator, *extra: tuple[str, object]) -> Facts:
    """Who the record is about: customer, sites and integrator, plus record-specific lines."""
    info = project.pbxdoc
    sites = "; ".join(f"{s.name}, {s.address.street}, {s.address.postcode} {s.address.city}" for s in project.sites)
    items = [
        (t.t("pdf.customer"), info.customer.legal_name or info.customer.name),
        (t.t("pdf.sites"), sites),
        (t.t("pdf.integrator"), info.integrator.name),
    ]
    items += [(label, "" if value is None else str(value)) for label, value in extra]
    return Facts(tuple(items))


def signatories(project: Project, t: Translator, integrator_role: str, customer_role: str, customer_first: bool = False) -> tuple[Signature, ...]:
    """The two signature blocks of a record: the signatories named at acceptance."""
    a = project.commissioning.acceptance if project.commissioning else None
    integrator = _signature(project, t, integrator_role, a.integrator_signatory if a else None, project.pbxdoc.integrator.name)
    customer = _signature(project, t, customer_role, a.customer_signatory if a else None, project.pbxdoc.customer.name)
    return (customer, integrator) if customer_first else (integrator, customer)


def overview(project: Project, t: Translator, title_key: str) -> Document:
    """The opening part of the commissioning records: who, where, when, and the scope."""
    c = project.commissioning
    doc = Document(t.t(title_key))
    doc.add(record_facts(project, t, (t.t("pdf.commissioning.date"), t.date(c.date))))
    doc.add(Paragraph((c.scope,)))
    return doc
