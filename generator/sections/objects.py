"""A page per site and per asset (server, DECT system, trunk, UPS, network device, licence) with
everything that concerns it: its facts, cards, licences, backups, restore tests, runbook, open
findings and changes.

The pages are for the site, where a reader arrives from an identifier; the printed book keeps
its chapters. `object_pages` returns them with the path each is published under, so that the site
can link every identifier to its page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.document import Document, Facts, Heading, Paragraph, Text, escape
from generator.sections.common import SectionContext, group_by, join, number_blocks, phone, table, titled_table
from generator.words import product

FOLDER = "objects"
CHANGES_SHOWN = 30


@dataclass(frozen=True)
class ObjectPage:
    object_id: str
    kind: str  # site, server, dect, trunk, ups, device, licence
    name: str
    site: str  # site id ('' when the object has none)
    path: str  # site path of the Markdown page, e.g. objects/server-mtx-pbx-01.md
    document: Document


def _slug(kind: str, object_id: str, taken: set[str]) -> str:
    base = f"{kind}-" + (re.sub(r"[^a-z0-9]+", "-", object_id.lower()).strip("-") or "x")
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def objects_of(ctx: SectionContext) -> list[tuple[str, object, str, str]]:
    """(kind, record, name, site id) of every object that gets a page, in a stable order."""
    p = ctx.project
    found: list[tuple[str, object, str, str]] = []
    found += [("site", s, s.name, s.id) for s in sorted(p.sites, key=lambda s: s.id)]
    found += [("server", s, s.name, s.site) for s in sorted(p.servers, key=lambda s: s.id)]
    found += [("dect", d, d.name, d.site) for d in sorted(p.dect.systems, key=lambda d: d.id)]
    servers = {s.id: s.site for s in p.servers}
    trunks = [*p.interfaces.sip_trunks, *p.interfaces.isdn_lines, *p.interfaces.analogue_lines, *p.interfaces.private_lines]
    found += [("trunk", t, f"{t.provider if hasattr(t, 'provider') else t.protocol}", servers.get(t.server, "")) for t in sorted(trunks, key=lambda t: t.id)]
    found += [("ups", u, u.model, u.site) for u in sorted(p.availability.ups, key=lambda u: u.id)]
    found += [("device", d, d.name, d.site) for d in sorted(p.network.devices, key=lambda d: d.id)]
    found += [("licence", lic, lic.item, servers.get(lic.system, "")) for lic in sorted(p.licences, key=lambda lic: lic.id)]
    return found


def object_paths(ctx: SectionContext) -> dict[str, str]:
    """Object id -> the path of its page (the first kind wins when two objects share an id)."""
    taken: set[str] = set()
    paths: dict[str, str] = {}
    for kind, record, _, _ in objects_of(ctx):
        path = f"{FOLDER}/{_slug(kind, record.id, taken)}.md"
        paths.setdefault(record.id, path)
    return paths


def object_pages(ctx: SectionContext, runbooks: dict[str, str]) -> list[ObjectPage]:
    """Every object's page; runbooks maps a system id to the site path of its runbook page."""
    taken: set[str] = set()
    pages = []
    related = _Related.of(ctx.project)
    for kind, record, name, site in objects_of(ctx):
        path = f"{FOLDER}/{_slug(kind, record.id, taken)}.md"
        title = _title(ctx, kind, name, record.id)
        doc = Document(title, slug=path[len(FOLDER) + 1 : -3])
        doc.add(*_FACTS[kind](ctx, record))
        doc.add(*_concerns(ctx, kind, record, runbooks, related))
        pages.append(ObjectPage(record.id, kind, name, site, path, doc))
    return pages


def _title(ctx: SectionContext, kind: str, name: str, object_id: str) -> str:
    """"DECT system Multicell DECT (cdl-dect)" says DECT twice: the kind goes when the name has its word."""
    kind_words = ctx.w(f"objects.kind.{kind}")
    said = {w[:6] for w in re.findall(r"\w{4,}", name.casefold())}
    if any(w[:6] in said for w in re.findall(r"\w{4,}", kind_words.casefold())):
        return f"{name} ({object_id})"
    return ctx.w("objects.title", kind=kind_words, name=name, id=object_id)


def index_document(ctx: SectionContext, pages: list[ObjectPage]) -> Document:
    """The list of every object page, by kind: where the reader starts to browse the installation."""
    doc = Document(ctx.w("objects.index_title"), slug=f"{FOLDER}-index")
    doc.add(Paragraph((ctx.w("objects.index_intro"),)))
    rows = [(ctx.w(f"objects.kind.{p.kind}"), Text(f"[{escape(p.object_id)}]({p.path[len(FOLDER) + 1:]})", raw=True), p.name, ctx.site_name(p.site))
            for p in pages]
    doc.add(table([ctx.w("objects.kind_header"), ctx.w("common.id"), ctx.w("common.name"), ctx.w("common.site")], rows))
    return doc


def _facts(*items) -> list:
    kept = tuple((k, v) for k, v in items if v not in (None, ""))
    return [Facts(kept)] if kept else []


def _named_site(ctx: SectionContext, site_id: str | None) -> str:
    """A site as its reader knows it, with the id that links its page: Montreux — clinique (mtx)."""
    name = ctx.site_name(site_id)
    return f"{name} ({site_id})" if name and name != site_id else (site_id or "")


def _site(ctx: SectionContext, s) -> list:
    from generator.sections.home import address_line

    p = ctx.project
    blocks = _facts((ctx.w("common.address"), address_line(s.address)), (ctx.w("home.sites.role"), ctx.label("site_role", s.role)),
                    (ctx.w("home.figures.users"), ctx.number(len(p.users_of_site(s.id)))), (ctx.w("common.notes"), s.notes or ""))
    equipment = [(ctx.w("objects.kind.server"), x.id, x.name) for x in p.servers if x.site == s.id]
    equipment += [(ctx.w("objects.kind.dect"), x.id, x.name) for x in p.dect.systems if x.site == s.id]
    equipment += [(ctx.w("objects.kind.ups"), x.id, x.model) for x in p.availability.ups if x.site == s.id]
    equipment += [(ctx.w("objects.kind.device"), x.id, x.name) for x in sorted(p.network.devices, key=lambda d: d.id) if x.site == s.id]
    blocks += titled_table(ctx, ctx.w("objects.equipment"), [ctx.w("objects.kind_header"), ctx.w("common.id"), ctx.w("common.name")], equipment)
    contacts = [(c.name, c.function or ctx.label("contact_role", c.role), phone(c.phone)) for c in sorted(p.contacts, key=lambda c: c.id) if c.site == s.id]
    if contacts:
        blocks += titled_table(ctx, ctx.w("objects.contacts"), [ctx.w("common.name"), ctx.w("home.contacts.role"), ctx.w("common.phone")], contacts)
    return blocks


def _server(ctx: SectionContext, s) -> list:
    w = ctx.w
    blocks = _facts((w("system.model"), product(s.vendor, s.model)), (w("system.platform"), ctx.label("platform", s.platform)),
                    (w("system.role"), ctx.label("server_role", s.role)), (w("common.site"), _named_site(ctx, s.site)),
                    (w("system.software"), s.software_version), (w("system.firmware"), s.firmware_version or ""),
                    (w("system.edition"), s.edition or ""), (w("system.failover_partner"), ctx.equipment_name(s.failover_partner) if s.failover_partner else ""),
                    (w("system.hostname"), s.hostname or ""), (w("common.ip_address"), str(s.address or "")), (w("system.host"), s.host or ""),
                    (w("common.serial"), s.serial or ""))
    if s.slots:
        blocks += titled_table(ctx, w("system.cards"), [w("system.slot"), w("system.card"), w("system.modules"), w("common.serial")],
                               [(str(c.slot), c.type, join(c.modules), c.serial or "") for c in sorted(s.slots, key=lambda c: c.slot)])
    p = ctx.project
    trunks = [(t.id, getattr(t, "provider", None) or getattr(t, "protocol", ""), ctx.number(getattr(t, "channels", None) or 0))
              for t in [*p.interfaces.sip_trunks, *p.interfaces.isdn_lines, *p.interfaces.analogue_lines, *p.interfaces.private_lines] if t.server == s.id]
    if trunks:
        blocks += titled_table(ctx, w("objects.trunks"), [w("common.id"), w("objects.provider"), w("objects.channels")], trunks)
    dect = [(d.id, d.name) for d in p.dect.systems if d.server == s.id]
    if dect:
        blocks += titled_table(ctx, w("objects.dect_systems"), [w("common.id"), w("common.name")], dect)
    return blocks


def _dect(ctx: SectionContext, d) -> list:
    p = ctx.project
    return _facts((ctx.w("common.site"), _named_site(ctx, d.site)), (ctx.w("common.server"), ctx.equipment_name(d.server) if d.server else ""), (ctx.w("objects.vendor"), product(d.vendor, d.manager_model)),
                  (ctx.w("objects.dect_kind"), ctx.label("dect_kind", d.kind)), (ctx.w("common.ip_address"), str(d.manager_address or "")),
                  (ctx.w("system.software"), d.manager_version or ""),
                  (ctx.w("home.figures.dect_bases"), ctx.number(len(p.bases_of(d.id)))), (ctx.w("home.figures.handsets"), ctx.number(len(p.handsets_of(d.id)))))


def _trunk(ctx: SectionContext, t) -> list:
    blocks = getattr(t, "number_blocks", [])
    return _facts((ctx.w("common.server"), ctx.equipment_name(t.server) if t.server else ""), (ctx.w("objects.provider"), getattr(t, "provider", "")),
                  (ctx.w("objects.protocol"), getattr(t, "protocol", None) or getattr(t, "kind", None) or ""),
                  (ctx.w("objects.channels"), ctx.number(t.channels) if getattr(t, "channels", None) else ""),
                  (ctx.w("objects.numbers"), number_blocks(ctx, blocks) if blocks else phone(getattr(t, "number", None))),
                  (ctx.w("objects.purpose"), getattr(t, "purpose", None) or ""), (ctx.w("common.notes"), getattr(t, "notes", None) or ""))


def _ups(ctx: SectionContext, u) -> list:
    return _facts((ctx.w("common.site"), _named_site(ctx, u.site)), (ctx.w("objects.capacity"), f"{ctx.number(u.capacity_va)} VA / {ctx.number(u.capacity_w)} W"),
                  (ctx.w("objects.load"), f"{ctx.number(u.load_w)} W" if u.load_w is not None else ""),
                  (ctx.w("objects.runtime"), ctx.w("objects.minutes", count=ctx.number(u.runtime_min)) if u.runtime_min is not None else ""),
                  (ctx.w("objects.battery"), ctx.date(u.battery_date) if u.battery_date else ""), (ctx.w("objects.powers"), join(u.powers)))


def _device(ctx: SectionContext, d) -> list:
    return _facts((ctx.w("objects.kind_header"), ctx.label("device_kind", d.kind)), (ctx.w("common.site"), _named_site(ctx, d.site)),
                  (ctx.w("objects.vendor"), product(d.vendor, d.model)), (ctx.w("common.firmware"), d.firmware_version or ""),
                  (ctx.w("common.ip_address"), str(d.address or "")), (ctx.w("objects.location"), d.location or ""), (ctx.w("common.notes"), d.notes or ""))


def _licence(ctx: SectionContext, lic) -> list:
    w = ctx.w
    return _facts((w("licences.item"), lic.item), (w("licences.kind"), ctx.label("licence_kind", lic.kind)), (w("licences.system"), ctx.equipment_name(lic.system) if lic.system else ""),
                  (w("licences.used_of"), f"{ctx.number(lic.used) if lic.used is not None else '–'} / {ctx.number(lic.quantity)}"),
                  (w("objects.start"), ctx.date(lic.start) if lic.start else ""), (w("licences.expiry"), ctx.date(lic.expiry) if lic.expiry else ""),
                  (w("licences.contract"), lic.contract or ""))


_FACTS = {"site": _site, "server": _server, "dect": _dect, "trunk": _trunk, "ups": _ups, "device": _device, "licence": _licence}


@dataclass(frozen=True)
class _Related:
    """What concerns each object, grouped once (a large customer has 10,000 changes)."""

    licences: dict[str, list]
    jobs: dict[str, list]
    tests: dict[str, list]
    findings: dict[str, list]
    changes: dict[str, list]

    @classmethod
    def of(cls, p) -> "_Related":
        changes: dict[str, list] = {}
        for c in p.changelog:
            for device in dict.fromkeys(c.devices):
                changes.setdefault(device, []).append(c)
        return cls(group_by(p.licences, lambda lic: lic.system), group_by(p.backups.jobs, lambda j: j.system),
                   group_by(sorted(p.backups.restore_tests, key=lambda t: t.date, reverse=True), lambda t: t.system),
                   group_by(p.findings, lambda f: f.object_id), changes)


def _concerns(ctx: SectionContext, kind: str, record, runbooks: dict[str, str], related: _Related) -> list:
    """Licences, backups, restore tests, runbook, findings and changes of one object."""
    w, oid = ctx.w, record.id
    blocks: list = []
    if kind != "licence":
        licences = [(lic.id, lic.item, f"{ctx.number(lic.used) if lic.used is not None else '–'} / {ctx.number(lic.quantity)}",
                     ctx.date(lic.expiry) if lic.expiry else "") for lic in related.licences.get(oid, [])]
        if licences:
            blocks += titled_table(ctx, w("licences.title"), [w("common.id"), w("licences.item"), w("licences.used_of"), w("licences.expiry")], licences)
    jobs = [(j.id, ctx.label("backup_method", j.method), j.schedule or ctx.label("backup_schedule", "on_demand"), ctx.date(j.last_success) if j.last_success else "") for j in related.jobs.get(oid, [])]
    if jobs:
        blocks += titled_table(ctx, w("backup.jobs"), [w("backup.job"), w("backup.method"), w("backup.schedule"), w("backup.last_success")], jobs)
    tests = [(ctx.date(t.date), t.by, ctx.label("test_result", t.result)) for t in related.tests.get(oid, [])]
    if tests:
        blocks += titled_table(ctx, w("objects.restore_tests"), [w("changelog.date"), w("objects.by"), w("objects.result")], tests)
    if oid in runbooks:
        blocks += [Heading(2, w("objects.runbook")), Paragraph((Text(f"[{escape(w('objects.runbook_open', id=oid))}](../{runbooks[oid]})", raw=True),))]
    findings = [(ctx.label("severity", f.severity), title, message, f.rule, w(f"compliance.status.{f.status.value}"))
                for f in related.findings.get(oid, [])
                for title, message in [(f.title, f.message)]]
    blocks += titled_table(ctx, w("objects.findings"), [w("compliance.severity"), w("compliance.finding"), w("compliance.message"), w("compliance.rule"), w("compliance.state")], findings)
    changes = sorted(related.changes.get(oid, []), key=lambda c: (c.date, c.id), reverse=True)
    if changes:
        blocks += titled_table(ctx, w("objects.changes", count=ctx.number(len(changes))), [w("changelog.date"), w("changelog.ticket"), w("changelog.description")],
                               [(ctx.date(c.date), c.ticket or "", c.description) for c in changes[:CHANGES_SHOWN]])
        if len(changes) > CHANGES_SHOWN:
            blocks.append(Paragraph((w("common.more_in_workbook", shown=ctx.number(CHANGES_SHOWN), total=ctx.number(len(changes))),)))
    return blocks
