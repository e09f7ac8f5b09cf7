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
                    f"{s.vendor} {s.model}" + (f" — {s.edition}" if s.edition else ""),
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
        tuple((t.label("terminal_type", g.type), f"{g.vendor} {g.model}", str(g.count), g.site, g.server, g.firmware_version or "") for g in groups),
    ))
    doc.add(Paragraph((t.t("pdf.commissioning.terminal_total", count=sum(g.count for g in groups)),)))
    return doc


def tests(project: Project, t: Translator) -> Document:
    c = project.commissioning
    doc = Document(t.t("pdf.commissioning.tests"))
    counts = {r: sum(1 for x in c.tests if x.result == r) for r in ("passed", "failed", "not_tested")}
    doc.add(Paragraph((t.t("pdf.commissioning.tests_summary", total=len(c.tests), **counts),)))
    if c.tests:
        doc.add(Table(
            tuple(t.t(f"pdf.col.{col}") for col in ("id", "area", "test", "result", "date", "by")),
            tuple((x.id, x.area, x.description + (f" — {x.notes}" if x.notes else ""), result(t, x.result), t.date(x.date, "short"), x.by) for x in c.tests),
        ))
    return doc


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


def open_points(project: Project, t: Translator) -> Document:
    c = project.commissioning
    doc = Document(t.t("pdf.commissioning.open_points"))
    if not c.open_points:
        doc.add(Paragraph((t.t("pdf.commissioning.no_open_points"),)))
        return doc
    doc.add(Table(
        tuple(t.t(f"pdf.col.{col}") for col in ("id", "description", "owner", "due", "status")),
        tuple((p.id, p.description, p.owner, t.date(p.due, "short"), t.t("pdf.closed") if p.closed else Text(t.t("pdf.open"), strong=True)) for p in c.open_points),
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
    doc.add(Paragraph((Text(t.t(verdict, date=t.date(a.date, "long")), strong=True),)))
    doc.add(Facts(((t.t("pdf.commissioning.reservations"), a.reservations or t.t("pdf.none")),)))
    return doc


def build(project: Project, t: Translator, today: dt.date) -> Record | None:
    """The record, or None when the project holds no commissioning data (`today` is unused here)."""
    c = project.commissioning
    if c is None:
        return None
    documents = [overview(project, t, "pdf.commissioning.object"), system(project, t), interfaces(project, t), terminals(project, t), tests(project, t), test_calls(project, t), open_points(project, t), acceptance(project, t)]
    return Record(
        name="commissioning",
        title=t.t("pdf.commissioning.title"),
        kind=t.t("pdf.commissioning.kind"),
        documents=[d for d in documents if d is not None],
        concerns=("pbxdoc", "sites", "contacts", "servers", "interfaces", "terminals", "commissioning"),
        signatures=signatories(project, t, "pdf.signature_integrator", "pdf.signature_customer"),
        signature_statement=t.t("pdf.commissioning.statement"),
    )
