"""Call routing: per number, what happens during opening hours, at lunch, at night and on holidays,
with its call-flow diagram; this year's holidays by date; the voice menus, groups, queues,
voicemail boxes and forwards the calls meet; and the management of the numbers themselves."""

from __future__ import annotations

from collections import Counter

from generator.document import Document, Facts, Figure, Heading, Paragraph
from generator.model.callflow import call_flows
from generator.routing_text import RoutingText, phone
from generator.sections.common import SectionContext, join, table, titled_table
from generator.sections.figures import diagram_path

SLUG = "routing"


def build(ctx: SectionContext) -> list[Document]:
    p = ctx.project
    w = ctx.w
    doc = Document(w("routing.title"), slug=SLUG)
    r = p.routing
    if not r.entry_points and not r.destinations():
        doc.add(ctx.none())
        return [doc]
    flows = call_flows(p)
    words = RoutingText(ctx.t, flows)
    doc.add(Paragraph((w("routing.intro"),)))
    for entry in sorted(r.entry_points, key=lambda e: e.numbers[0]):
        doc.add(Heading(2, f"{entry.name} — {', '.join(phone(n) for n in entry.numbers)}"))
        profile = flows.time_profiles.get(entry.time_profile or "")
        switch = flows.night_switches.get(entry.night_switch or "")
        calendar = flows.calendars.get(entry.calendar or "")
        facts = [
            (w("routing.site"), ctx.site_name(entry.site)),
            (w("routing.facts.time_profile"), profile.name if profile and not entry.always_open else ""),
            (w("routing.hours"), w("routing.always_open") if entry.always_open else words.hours(profile)),
            (w("routing.lunch"), words.lunch(profile)),
            (w("routing.calendar"), calendar.name if calendar else ""),
            (w("routing.night_switch"), join([switch.name, switch.how, _people(ctx, switch.set_by) and w("routing.set_by", people=_people(ctx, switch.set_by))], " — ") if switch else ""),
        ]
        doc.add(Facts(tuple((k, v) for k, v in facts if v)))
        rows = [(words.mode(mode), words.when(entry, mode), words.path(entry.routes.of(mode))) for mode in flows.modes(entry)]
        doc.add(table([w("routing.mode"), w("routing.when"), w("routing.what_happens")], rows))
        figure = diagram_path(ctx.diagrams, "callflow", entry.id)
        if figure:
            doc.add(Figure(figure, w("routing.figure_caption", name=entry.name)))
    doc.add(*_holidays(ctx, flows))
    doc.add(*_menus(ctx, words))
    doc.add(*_groups(ctx, words))
    doc.add(*_voicemails(ctx))
    if r.forwards:
        doc.add(*titled_table(ctx, w("routing.forwards"), [w("routing.name"), w("routing.number"), w("routing.line"), w("routing.answered_by")],
                              [(f.name, phone(f.number), f.trunk, f.answered_by or "") for f in r.forwards]))
    doc.add(*_numbers(ctx, flows, words))
    return [doc]


def _holidays(ctx: SectionContext, flows) -> list:
    year = ctx.today.year
    calendars = [c for c in flows.routing.calendars if c.covers(ctx.today.replace(month=1, day=1))]
    if not flows.routing.calendars:
        return []
    dated = sorted(((day, name, calendar.name) for calendar in calendars for day, name in calendar.dates(ctx.t.lang, year).items()), key=lambda x: (x[0], x[2]))
    rows = [(ctx.date(day), name, cal) for day, name, cal in dated]
    blocks = titled_table(ctx, ctx.w("routing.holidays", year=year), [ctx.w("routing.date"), ctx.w("routing.holiday"), ctx.w("routing.calendar")], rows)
    spans = [ctx.w("routing.calendar_years", name=c.name, first=c.first_year, last=c.last_year) for c in flows.routing.calendars]
    closures = sorted(((d, c) for c in flows.routing.calendars for d in c.closing_days), key=lambda x: (x[0].date, x[1].name))
    closing = titled_table(ctx, ctx.w("routing.facts.closing_days"), [ctx.w("routing.date"), ctx.w("routing.facts.closure"), ctx.w("routing.calendar")],
                           [(_days(ctx, d.date, d.last), d.name, c.name) for d, c in closures], level=3) if closures else []
    return [*blocks, Paragraph((join(spans, " "),)), *closing]


def _days(ctx: SectionContext, first, last) -> str:
    """One day, or the first and last day of a closure of several."""
    return ctx.date(first) if not last or last == first else f"{ctx.date(first)} – {ctx.date(last)}"


def _menus(ctx: SectionContext, words: RoutingText) -> list:
    blocks: list = []
    for menu in ctx.project.routing.ivr_menus:
        blocks.append(Heading(3, words.step(words.flows.targets[menu.id])))
        blocks.append(Paragraph((ctx.w("routing.announcement", text=menu.announcement),)))
        rows = [(o.key, o.label or "", words.path(o.to)) for o in menu.options]
        rows.append((ctx.w("routing.no_key", seconds=menu.timeout_seconds), "", words.path(menu.timeout)))
        if menu.invalid:
            rows.append((ctx.w("routing.invalid_key"), "", words.path(menu.invalid)))
        blocks.append(table([ctx.w("routing.key"), ctx.w("routing.choice"), ctx.w("routing.what_happens")], rows))
    return ([Heading(2, ctx.w("routing.menus"))] + blocks) if blocks else []


def _groups(ctx: SectionContext, words: RoutingText) -> list:
    r = ctx.project.routing
    rows = []
    for g in r.groups:
        rows.append((g.name, ctx.w(f"routing.kind.{g.kind}_group") + " · " + ctx.w(f"routing.strategy.{g.strategy}"), _people(ctx, g.members),
                     f"{g.ring_seconds} s", words.name(g.overflow) if g.overflow else words.w("nowhere")))
    for q in r.queues:
        rows.append((join([q.name, *(ctx.w("routing.quoted", text=a) for a in q.announcements)], "\n"), ctx.w("routing.kind.queue"), _people(ctx, q.members),
                     f"{q.max_wait_seconds} s", words.name(q.overflow) if q.overflow else words.w("nowhere")))
    if not rows:
        return []
    return titled_table(ctx, ctx.w("routing.groups"), [ctx.w("routing.name"), ctx.w("routing.kind_col"), ctx.w("routing.members"), ctx.w("routing.ring_time"), ctx.w("routing.overflow")], rows)


def _voicemails(ctx: SectionContext) -> list:
    boxes = ctx.project.routing.voicemails
    if not boxes:
        return []
    rows = [(v.name, _people(ctx, v.listeners) or ctx.w("routing.nobody"),
             ctx.w("routing.every_hours", hours=v.check_every_hours) if v.check_every_hours else ctx.w("routing.not_stated"), v.notify or "")
            for v in boxes]
    return titled_table(ctx, ctx.w("routing.voicemails"), [ctx.w("routing.name"), ctx.w("routing.listeners"), ctx.w("routing.how_often"), ctx.w("routing.notify")], rows)


def _numbers(ctx: SectionContext, flows, words: RoutingText) -> list:
    w = ctx.w
    r = ctx.project.routing
    per_block: dict[tuple[str, str | None], Counter] = {}
    for entry in flows.inventory():
        per_block.setdefault((entry.line, entry.block), Counter())[entry.status] += 1
    blocks: list = [Heading(2, w("routing.numbers"))]
    rows = []
    for line in sorted(flows.lines, key=lambda x: x.id):
        for block in line.number_blocks:
            routing = flows.block_routing.get(block.first)
            statuses = per_block.get((line.id, block.first), Counter())
            rows.append((f"{phone(block.first)} – {phone(block.last)}", line.id, ctx.site_name(routing.site) if routing and routing.site else "",
                         ctx.number(statuses["assigned"]), ctx.number(statuses["reserved"]), ctx.number(statuses["free"]),
                         join([phone(routing.fallback) if routing and routing.fallback else w("routing.no_fallback"), routing.fallback_note if routing else None], " — ")))
    blocks.append(table([w("routing.block"), w("routing.line"), w("routing.site"), w("routing.status.assigned"), w("routing.status.reserved"), w("routing.status.free"), w("routing.fallback")], rows) if rows else ctx.none())
    if r.number_status:
        blocks += titled_table(ctx, w("routing.set_aside"), [w("routing.numbers_col"), w("routing.status_col"), w("routing.note")],
                               [(_span(s.first, s.last), w(f"routing.status.{s.status}"), s.note or "") for s in r.number_status], level=3)
    if r.porting:
        documents = {d.id: d for d in ctx.project.documents}
        blocks += titled_table(ctx, w("routing.porting"), [w("routing.numbers_col"), w("routing.donor"), w("routing.date"), w("routing.authorisation")],
                               [(_span(x.first, x.last), x.donor, ctx.date(x.date), documents[x.authorisation].title if x.authorisation in documents else "" if x.authorisation else w("routing.not_stated"))
                                for x in r.porting], level=3)
    if r.presentation:
        blocks += titled_table(ctx, w("routing.presentation"), [w("routing.route"), w("routing.caller_id")],
                               [(x.route, w("routing.clir") if x.mode == "clir" else w("routing.clip_fixed", number=phone(x.number)) if x.number else w("routing.clip_own")) for x in r.presentation], level=3)
    if r.emergency_caller_ids:
        blocks += titled_table(ctx, w("routing.emergency_caller_ids"), [w("routing.site"), w("routing.number")],
                               [(ctx.site_name(x.site), phone(x.number)) for x in r.emergency_caller_ids], level=3)
    if r.remote_access:
        blocks += titled_table(ctx, w("routing.remote_access"), [w("routing.name"), w("routing.who"), w("routing.emergency_handling")],
                               [(x.name, join([*x.terminal_groups, _people(ctx, x.users)]), x.emergency_handling or w("routing.not_stated")) for x in r.remote_access], level=3)
    return blocks


def _people(ctx: SectionContext, ids) -> str:
    """Names of the users and contacts this audience may see (internal contacts are left out)."""
    p = ctx.project
    return join(ctx.person_name(x) for x in ids if x in p.contact_by_id or x in p.user_by_id)


def _span(first: str, last: str | None) -> str:
    return phone(first) if not last or last == first else f"{phone(first)} – {phone(last)}"
