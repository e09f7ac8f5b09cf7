"""Procès-verbal de mise en service: what was installed, what was tested, and whether it was accepted."""

from __future__ import annotations

import datetime as dt

from generator.document import Document, Facts, Heading, Paragraph, Table, Text
from generator.i18n import Translator
from generator.model.project import Project
from generator.model.callflow import call_flows
from generator.pdf.layout import Record, phone
from generator.routing_text import RoutingText
from generator.pdf.records.common import overview, result, signatories
from generator.words import product


def _numbers(blocks) -> str:
    return ", ".join(f"{phone(b.first)} – {phone(b.last)}" if b.last != b.first else phone(b.first) for b in blocks)


def system(project: Project, t: Translator) -> Document:
    doc = Document(t.t("pdf.commissioning.system"))
    doc.add(
        Table(
            tuple(t.t(f"pdf.col.{c}") for c in ("server", "model", "platform", "software", "site", "role")),
            tuple(
                (
                    f"{s.name} ({s.id})",
                    product(s.vendor, s.model) + (f" — {s.edition}" if s.edition else ""),
                    t.label("platform", s.platform),
                    s.software_version + (f" / {s.firmware_version}" if s.firmware_version else ""),
                    project.site_by_id[s.site].name if s.site in project.site_by_id else s.site,
                    t.label("server_role", s.role),
                )
                for s in project.servers
            ),
        )
    )
    cards = [(s, c) for s in project.servers for c in s.slots]
    if cards:
        doc.add(Heading(2, t.t("pdf.commissioning.cards")))
        doc.add(
            Table(
                tuple(t.t(f"pdf.col.{c}") for c in ("server", "slot", "card", "modules", "serial")),
                tuple((s.id, str(c.slot), c.type, ", ".join(c.modules), c.serial or "") for s, c in cards),
            )
        )
    return doc


def interfaces(project: Project, t: Translator) -> Document | None:
    i = project.interfaces
    doc = Document(t.t("pdf.commissioning.interfaces"))
    if i.sip_trunks:
        doc.add(Heading(2, t.t("pdf.commissioning.sip_trunks")))
        doc.add(Table(
            tuple(t.t(f"pdf.col.{c}") for c in ("id", "server", "provider", "channels", "numbers", "transport")),
            tuple((s.id, s.server, s.provider, str(s.channels), _numbers(s.number_blocks), s.transport.upper() + (" + SRTP" if s.srtp else "")) for s in i.sip_trunks),
        ))
    if i.isdn_lines:
        doc.add(Heading(2, t.t("pdf.commissioning.isdn_lines")))
        doc.add(Table(
            tuple(t.t(f"pdf.col.{c}") for c in ("id", "server", "kind", "provider", "channels", "numbers")),
            tuple((s.id, s.server, s.kind, s.provider, str(s.channels), _numbers(s.number_blocks)) for s in i.isdn_lines),
        ))
    if i.analogue_lines:
        doc.add(Heading(2, t.t("pdf.commissioning.analogue_lines")))
        doc.add(Table(
            tuple(t.t(f"pdf.col.{c}") for c in ("id", "server", "provider", "number", "purpose")),
            tuple((a.id, a.server, a.provider, phone(a.number), a.purpose or "") for a in i.analogue_lines),
        ))
    if i.private_lines:
        doc.add(Heading(2, t.t("pdf.commissioning.private_lines")))
        doc.add(Table(
            tuple(t.t(f"pdf.col.{c}") for c in ("id", "server", "remote_site", "protocol", "channels")),
            tuple((p.id, p.server, p.remote_site, p.protocol, "" if p.channels is None else str(p.channels)) for p in i.private_lines),
        ))
    if i.special_interfaces:
        doc.add(Heading(2, t.t("pdf.commissioning.special_interfaces")))
        doc.add(Table(
            tuple(t.t(f"pdf.col.{c}") for c in ("id", "kind", "name", "connection", "firmware")),
            tuple((s.id, t.label("special_interface_kind", s.kind), s.name, s.connection, s.firmware_version or "") for s in i.special_interfaces),
        ))
    return doc if doc.blocks else None


def terminals(project: Project, t: Translator) -> Document | None:
    groups = project.terminals.terminals
    if not groups:
        return None
    doc = Document(t.t("pdf.commissioning.terminals"))
    doc.add(Table(
        tuple(t.t(f"pdf.col.{c}") for c in ("type", "model", "count", "site", "server", "firmware")),
        tuple((t.label("terminal_type", g.type), product(g.vendor, g.model), str(g.count), g.site, g.server, g.firmware_version or "") for g in groups),
    ))
    doc.add(Paragraph((t.t("pdf.commissioning.terminal_total", count=sum(g.count for g in groups)),)))
    return doc


def tests(project: Project, t: Translator) -> Document:
    """Each test with its criterion, the value measured and the instrument it was measured with."""
    c = project.commissioning
    doc = Document(t.t("pdf.commissioning.tests"))
    counts = {r: sum(1 for x in c.tests if x.result == r) for r in ("passed", "failed", "not_tested")}
    doc.add(Paragraph((t.t("pdf.commissioning.tests_summary", total=len(c.tests), **counts),)))
    if c.tests:
        doc.add(Table(
            tuple(t.t(f"pdf.col.{col}") for col in ("id", "area", "test", "expected", "measured", "result", "date", "by")),
            tuple(
                (x.id, x.area, x.description + (f" — {x.notes}" if x.notes else ""), x.expected or "", (x.measured or "") + (f" [{x.instrument}]" if x.instrument else ""), result(t, x.result), t.date(x.date), x.by)
                for x in c.tests
            ),
        ))
    if c.instruments:
        doc.add(Heading(2, t.t("pdf.commissioning.instruments")))
        doc.add(Table(
            tuple(t.t(f"pdf.col.{col}") for col in ("id", "instrument", "serial", "calibrated")),
            tuple((i.id, i.name, i.serial or "", t.date(i.calibrated)) for i in c.instruments),
        ))
    return doc


CALL_FLOW_CONCERNS = ("numbering", "routing", "users")  # what call_flows reads beyond the interfaces


def test_calls(project: Project, t: Translator) -> Document | None:
    """One test call per entry point and time mode, with the destination it must reach, to tick."""
    flows = call_flows(project)
    words = RoutingText(t, flows)
    rows = [
        (", ".join(phone(n) for n in entry.numbers), words.mode(mode), words.when(entry, mode), words.expected(entry.routes.of(mode)), "☐")
        for entry in sorted(project.routing.entry_points, key=lambda e: e.numbers[0])
        for mode in flows.modes(entry)
    ]
    if not rows:
        return None
    doc = Document(t.t("pdf.test_calls.title"))
    doc.add(Paragraph((t.t("pdf.test_calls.intro"),)))
    doc.add(Table(tuple(t.t(f"pdf.test_calls.{c}") for c in ("number", "mode", "when", "expected", "ok")), tuple(rows)))
    return doc


def record_date(project: Project):
    """The date the record speaks of: acceptance, or commissioning when not accepted yet."""
    c = project.commissioning
    return c.acceptance.date if c.acceptance else c.date


def open_points(project: Project, t: Translator, today: dt.date) -> Document:
    """The points raised by the record's date, with when each was closed (a closure after the
    issue date is not known to the record: the point reads open)."""
    c = project.commissioning
    doc = Document(t.t("pdf.commissioning.open_points"))
    raised = [p for p in c.open_points if p.raised is None or p.raised <= record_date(project)]
    if not raised:
        doc.add(Paragraph((t.t("pdf.commissioning.no_open_points"),)))
        return doc

    def status(p) -> object:
        if not p.closed or (p.closed_on and p.closed_on > today):
            return Text(t.t("pdf.open"), strong=True)
        return t.t("pdf.closed_on", date=t.date(p.closed_on)) if p.closed_on else t.t("pdf.closed")

    doc.add(Table(
        tuple(t.t(f"pdf.col.{col}") for col in ("id", "description", "owner", "raised", "due", "status")),
        tuple((p.id, p.description, p.owner, t.date(p.raised), t.date(p.due), status(p)) for p in raised),
    ))
    return doc


def dect_bases(project: Project, t: Translator) -> Document | None:
    """Every DECT base of the installation, where it hangs and how it is synchronised."""
    bases = project.dect.bases
    if not bases:
        return None
    doc = Document(t.t("pdf.commissioning.dect_bases"))
    doc.add(Paragraph((t.t("pdf.commissioning.dect_bases_total", count=len(bases)),)))
    doc.add(Table(
        tuple(t.t(f"pdf.col.{col}") for col in ("id", "model", "site", "location", "sync", "switch_port", "firmware")),
        tuple(
            (
                b.id, b.model, b.site, b.location,
                t.t("pdf.commissioning.sync", cluster=b.sync_cluster, level=b.sync_level) if b.sync_cluster and b.sync_level else "",
                f"{b.switch} {b.switch_port}".strip() if b.switch else "",
                b.firmware_version or "",
            )
            for b in bases
        ),
    ))
    return doc


def licences(project: Project, t: Translator) -> Document | None:
    """The licences in force at the record's date (those started later are not part of it)."""
    date = record_date(project)
    held = [lic for lic in project.licences if (lic.start is None or lic.start <= date) and (lic.expiry is None or lic.expiry >= date)]
    if not held:
        return None
    doc = Document(t.t("pdf.commissioning.licences"))
    doc.add(Paragraph((t.t("pdf.commissioning.licences_at", date=t.date(date)),)))
    doc.add(Table(
        tuple(t.t(f"pdf.col.{col}") for col in ("id", "licence", "system", "quantity", "start", "expiry")),
        tuple((lic.id, lic.item, lic.system, t.number(lic.quantity), t.date(lic.start), t.date(lic.expiry)) for lic in held),
    ))
    return doc


def acceptance(project: Project, t: Translator) -> Document:
    c = project.commissioning
    a = c.acceptance
    doc = Document(t.t("pdf.commissioning.acceptance"))
    if a is None:
        doc.add(Paragraph((t.t("pdf.commissioning.not_accepted_yet"),)))
        return doc
    verdict = "pdf.commissioning.accepted" if a.accepted else "pdf.commissioning.refused"
    doc.add(Paragraph((Text(t.t(verdict, date=t.date(a.date)), strong=True),)))
    facts = [(t.t("pdf.commissioning.reservations"), a.reservations or t.t("pdf.none"))]
    if a.backup:
        facts.append((t.t("pdf.commissioning.acceptance_backup"), ", ".join(v for v in (t.date(a.backup.date), a.backup.file or "", a.backup.reference or "") if v)))
    doc.add(Facts(tuple(facts)))
    return doc


def build(project: Project, t: Translator, today: dt.date) -> Record | None:
    """The record, or None when the project holds no commissioning data."""
    c = project.commissioning
    if c is None:
        return None
    calls = test_calls(project, t)
    documents = [
        overview(project, t, "pdf.commissioning.object"), system(project, t), interfaces(project, t), terminals(project, t), dect_bases(project, t),
        licences(project, t), tests(project, t), calls, open_points(project, t, today), acceptance(project, t),
    ]
    return Record(
        name="commissioning",
        title=t.t("pdf.commissioning.title"),
        kind=t.t("pdf.commissioning.kind"),
        documents=[d for d in documents if d is not None],
        # the test calls are read from the call routing, its numbers and users: embedded and digested with the rest
        concerns=("pbxdoc", "sites", "contacts", "servers", "interfaces", "terminals", "dect", "licences", "commissioning", *(CALL_FLOW_CONCERNS if calls else ())),
        signatures=signatories(project, t, "pdf.signature_integrator", "pdf.signature_customer"),
        signature_statement=t.t("pdf.commissioning.statement"),
    )
