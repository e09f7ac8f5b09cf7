"""Home: what needs attention first (open findings, what falls due), whom to call for a fault,
then who the customer is, where, and the key figures."""

from __future__ import annotations

import datetime as dt

from generator.audience import finding_object
from generator.checks.completeness import ITEMS
from generator.diagnostics import Severity
from generator.document import BulletList, Document, Facts, Heading, Paragraph, Text, escape, inline
from generator.model.findings import FindingStatus
from generator.model.operations import LicenceKind
from generator.sections.common import SectionContext, join, mail_link, note, phone, phone_link, table
from generator.sections.obligations import due_within, nearly_full_licences
from generator.words import product


def address_line(address) -> str:
    if address is None:
        return ""
    return join([address.street, f"{address.postcode} {address.city}", address.canton, address.country])


def build(ctx: SectionContext) -> list[Document]:
    p = ctx.project
    info = p.pbxdoc
    doc = Document(ctx.w("home.title", customer=info.customer.name), slug="index")
    doc.add(Paragraph((ctx.w("home.intro", customer=info.customer.name, integrator=info.integrator.name),)))
    # What a customer opens the page for comes first: how to report a fault, what needs attention,
    # then whom else to call and the state of the system.
    doc.add(*_report_fault(ctx), *_attention(ctx), *_contacts(ctx), *_key_figures(ctx), *_compliance(ctx),
            Heading(2, ctx.w("home.about")), _customer(ctx), *_sites(ctx), *_practices(ctx))
    return [doc]


def _practices(ctx: SectionContext) -> list:
    """How the installation is run: the customer file's conventions and procedures, and retention."""
    info = ctx.project.pbxdoc
    # The items of the customer file, titled as the completeness score names them.
    texts = [("naming_convention", info.naming_convention), ("labelling_principle", info.labelling_principle),
             ("special_procedures", info.special_procedures), ("automations", info.automations),
             ("data_processing", info.data_processing), ("confidentiality", info.confidentiality_clause_in(ctx.t.lang))]
    items = [(ctx.t.t(f"checks.completeness.{key}"), text) for key, text in texts if text]
    retention = info.retention
    if retention is not None:
        def days(value):
            return ctx.w("domain.practices.days", count=ctx.number(value)) if value is not None else ctx.w("domain.practices.not_set")

        value = ctx.w("domain.practices.retention_value", call_records=days(retention.call_records_days), recordings=days(retention.recordings_days),
                      voicemail=days(retention.voicemail_days), maximum=ctx.number(info.policy.retention_max_days))
        items.append((ctx.w("domain.practices.retention"), join([value, retention.notes], "\n")))
    if not items:
        return []
    return [Heading(2, ctx.w("domain.practices.title")), Facts(tuple(items))]


def _customer(ctx: SectionContext) -> Facts:
    info = ctx.project.pbxdoc
    items = [
        (ctx.w("home.customer"), info.customer.legal_name or info.customer.name),
        (ctx.w("common.address"), address_line(info.customer.address)),
        (ctx.w("home.website"), info.customer.website or ""),
        (ctx.w("home.integrator"), info.integrator.name),
        (ctx.w("domain.integrator_address"), address_line(info.integrator.address)),
        (ctx.w("home.website"), info.integrator.website or ""),
        (ctx.w("home.support_phone"), phone_link(info.integrator.phone)),
        (ctx.w("home.support_email"), mail_link(info.integrator.email)),
        (ctx.w("home.support_hours"), info.integrator.support_hours or ""),
        (ctx.w("home.version"), ctx.w("home.version_value", version=info.document.version, date=ctx.date(info.document.date), author=info.document.author)),
        (ctx.w("home.classification"), info.classification_in(ctx.t)),
    ]
    return Facts(tuple((k, v) for k, v in items if v))


def _key_figures(ctx: SectionContext) -> list:
    p = ctx.project
    terminals = sum(g.count for g in p.terminals.terminals)
    channels = sum(t.channels for t in p.interfaces.sip_trunks) + sum(line.channels for line in p.interfaces.isdn_lines)
    items = [
        (ctx.w("home.figures.sites"), ctx.number(len(p.sites))),
        (ctx.w("home.figures.servers"), join(f"{s.name} ({product(s.vendor, s.model)}, {s.software_version})" for s in sorted(p.servers, key=lambda s: s.id))),
        (ctx.w("home.figures.users"), ctx.number(len(p.users))),
        (ctx.w("home.figures.terminals"), ctx.number(terminals)),
        (ctx.w("home.figures.handsets"), ctx.number(len(p.handsets))),
        (ctx.w("home.figures.dect_bases"), ctx.number(len(p.dect.bases))),
        (ctx.w("home.figures.channels"), ctx.number(channels)),
        (ctx.w("home.figures.main_number"), phone(p.numbering.main_number)),
    ]
    return [Heading(2, ctx.w("home.figures.title")), Facts(tuple((k, v) for k, v in items if v))]


def _contacts(ctx: SectionContext) -> list:
    contacts = sorted(ctx.project.contacts, key=lambda c: (c.escalation is None, c.escalation or 0, c.name, c.id))
    headers = [ctx.w("home.contacts.order"), ctx.w("common.name"), ctx.w("home.contacts.role"), ctx.w("home.contacts.organisation"),
               ctx.w("common.phone"), ctx.w("common.mobile"), ctx.w("common.email")]

    def row(c, order: str) -> tuple:
        role_label = ctx.label("contact_role", c.role)
        role = join([role_label, c.function if c.function != role_label else None], " — ")
        return (order, c.name, join([role, c.notes], "\n"), c.organisation, phone_link(c.phone), phone_link(c.mobile), mail_link(c.email))

    escalation = [row(c, ctx.number(c.escalation)) for c in contacts if c.escalation is not None]
    others = [row(c, "") for c in contacts if c.escalation is None]
    blocks: list = [Heading(2, ctx.w("home.contacts.title"))]
    if escalation:
        blocks += [Paragraph((ctx.w("home.contacts.escalation_intro"),)), table(headers, escalation)]
    if others:
        blocks += [Heading(3, ctx.w("home.contacts.others")), table(headers[1:], [r[1:] for r in others])]
    if not contacts:
        blocks.append(ctx.none())
    return blocks


def _sites(ctx: SectionContext) -> list:
    blocks: list = [Heading(2, ctx.w("home.sites.title"))]
    rows = [(s.name, ctx.label("site_role", s.role), address_line(s.address), s.notes or "") for s in sorted(ctx.project.sites, key=lambda s: s.id)]
    blocks.append(table([ctx.w("common.site"), ctx.w("home.sites.role"), ctx.w("common.address"), ctx.w("common.notes")], rows))
    for site in sorted(ctx.project.sites, key=lambda s: s.id):
        access = site.access
        if access is None:
            continue
        items = [
            (ctx.w("home.access.hours"), access.hours or ""),
            (ctx.w("home.access.procedure"), access.procedure or ""),
            (ctx.w("home.access.key_holder"), ctx.person_name(access.key_holder)),
            (ctx.w("home.access.badge"), ctx.yes_no(access.badge_required)),
            (ctx.w("home.access.technical_room"), access.technical_room or ""),
            (ctx.w("home.access.alarm_code"), ctx.secret(access.alarm_code)),
        ]
        blocks += [Heading(3, ctx.w("home.access.title", site=site.name)), Facts(tuple((k, v) for k, v in items if v))]
    return blocks


def _compliance(ctx: SectionContext) -> list:
    findings = ctx.project.findings
    blocks: list = [Heading(2, ctx.w("home.compliance.title"))]
    active = [f for f in findings if f.active]
    waived = sum(1 for f in findings if f.status is FindingStatus.WAIVED)
    rows = [(ctx.label("severity", sev), ctx.number(sum(1 for f in active if f.severity is sev))) for sev in Severity]
    rows.append((ctx.w("home.compliance.waived"), ctx.number(waived)))
    blocks.append(table([ctx.w("compliance.severity"), ctx.w("home.compliance.count")], rows))
    score, missing = completeness(ctx.project)
    blocks.append(Paragraph((ctx.w("home.compliance.completeness", score=ctx.t.percent(round(score, 2))),)))
    if missing:
        labels = tuple(ctx.t.t(f"checks.completeness.{i}") if ctx.t.has(f"checks.completeness.{i}") else i for i in missing)
        blocks += [Paragraph((ctx.w("home.compliance.missing"),)), BulletList(labels)]
    return blocks


def completeness(project) -> tuple[float, list[str]]:
    """(share of the customer-file items present, ids of the missing ones).

    Read from the checks' DOC-ITEM findings, not recomputed: the checks ran on the whole project,
    before the audience filter hid commercial documents and premises access, so their verdict
    holds for every audience (recomputing here would call offers missing on a customer's site).
    """
    missing = sorted({f.object_id for f in project.findings if f.rule == "DOC-ITEM" and f.object_id in ITEMS}, key=list(ITEMS).index)
    return 1 - len(missing) / len(ITEMS), missing


def _report_fault(ctx: SectionContext) -> list:
    """Whom to call for a fault, as links a phone dials: the first in the escalation order, the
    integrator's support, its hours and the maintenance contract to quote."""
    info = ctx.project.pbxdoc
    ordered = sorted((c for c in ctx.project.contacts if c.escalation is not None), key=lambda c: (c.escalation, c.name, c.id))
    first = [c for c in ordered if c.escalation == ordered[0].escalation]
    contracts = sorted({lic.contract for lic in ctx.project.licences
                        if lic.kind is LicenceKind.MAINTENANCE and lic.contract and (lic.expiry is None or lic.expiry >= ctx.today)})
    items = [(ctx.w("attention.fault.call_first"), Text(join([escape(c.name + ", " + c.organisation), _md(phone_link(c.phone or c.mobile))], " — "), raw=True))
             for c in first]
    items += [
        (ctx.w("home.support_phone"), phone_link(info.integrator.phone)),
        (ctx.w("home.support_email"), mail_link(info.integrator.email)),
        (ctx.w("home.support_hours"), info.integrator.support_hours or ""),
        (ctx.w("attention.fault.contract"), join(contracts)),
    ]
    return [Heading(2, ctx.w("attention.fault.title"), anchor="report-a-fault"),
            Paragraph((ctx.w("attention.fault.intro", integrator=info.integrator.name),)),
            Facts(tuple((k, v) for k, v in items if v))]


def _md(value) -> str:
    return inline(value) if value else ""


def _attention(ctx: SectionContext) -> list:
    """Open findings by severity and what falls due within the policy window, each naming the
    object it concerns (the site links identifiers to their pages)."""
    days = ctx.project.pbxdoc.policy.licence_warning_days
    blocks: list = [Heading(2, ctx.w("attention.title"), anchor="attention")]
    active = [f for f in ctx.project.findings if f.active and f.severity is not Severity.INFO]
    due = due_within(ctx.project, ctx.today)
    full = nearly_full_licences(ctx.project)
    blocks.append(_status(ctx, active, due))
    if active:
        rows = [(ctx.label("severity", f.severity), title, finding_object(f.object_id, ctx.t), message, f.rule)
                for f in active for title, message in [(f.title, f.message)]]
        blocks += [Heading(3, ctx.w("attention.findings", count=ctx.number(len(rows)))),
                   table([ctx.w("compliance.severity"), ctx.w("compliance.finding"), ctx.w("compliance.object"), ctx.w("compliance.message"), ctx.w("compliance.rule")], rows)]
    if due:
        rows = [(ctx.date(o.due), ctx.relative(o.due), ctx.w(f"attention.kind.{o.kind.value}"), o.object_id, o.subject,
                 _since(ctx, o.kind.value, o.since), o.reference) for o in due]
        blocks += [Heading(3, ctx.w("attention.due", days=ctx.number(days))),
                   table([ctx.w("attention.due_date"), ctx.w("attention.when"), ctx.w("attention.what"), ctx.w("compliance.object"),
                          ctx.w("attention.subject"), ctx.w("attention.since"), ctx.w("attention.reference")], rows)]
    if full:
        rows = [(u.licence_id, u.item, ctx.w("attention.use_value", used=ctx.number(u.used), quantity=ctx.number(u.quantity)),
                 ctx.t.percent(round(u.used / u.quantity, 2))) for u in full]
        blocks += [Heading(3, ctx.w("attention.licence_use")),
                   table([ctx.w("compliance.object"), ctx.w("attention.subject"), ctx.w("attention.used"), ctx.w("attention.share")], rows)]
    return blocks


def _status(ctx: SectionContext, active: list, due: list):
    """One sentence on the state: danger with an open error, warning with an open warning or
    something due; 'nothing to do' only when neither."""
    errors = sum(1 for f in active if f.severity is Severity.ERROR)
    warnings = sum(1 for f in active if f.severity is Severity.WARNING)
    days = ctx.number(ctx.project.pbxdoc.policy.licence_warning_days)
    if errors:
        return note("danger", ctx.w("home.compliance.errors_title"), ctx.w("attention.errors", errors=ctx.number(errors), warnings=ctx.number(warnings), due=ctx.number(len(due))))
    if warnings or due:
        return note("warning", ctx.w("attention.warnings_title"), ctx.w("attention.warnings", warnings=ctx.number(warnings), due=ctx.number(len(due)), days=days))
    return note("success", ctx.w("attention.nothing_title"), ctx.w("attention.nothing", days=days))


def _since(ctx: SectionContext, kind: str, day: dt.date | None) -> str:
    if day is None:
        return ctx.w("attention.never_tested") if kind == "restore_test" else ""
    return ctx.date(day)
