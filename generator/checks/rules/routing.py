"""Call routing: every incoming call reaches somebody in every time mode, and emergency calls
present a number of the place they are made from."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from generator.checks.registry import Category, hit, rule
from generator.diagnostics import Severity
from generator.model.callflow import CallFlows

COURSE = "Course 6.2 (documentation: the installation's automatic processes) and good practice of call routing"
FALLBACK = "Course 6.1: SIP connections with a fallback call destination configured at the provider"
EMERGENCY_LOCATION = "OFCOM, Arcep, Bundesnetzagentur: rescue services locate an emergency caller by the presented number"


def _flows(ctx) -> CallFlows:
    return ctx.call_flows


def mode_key(mode: str) -> str:
    return f"checks.flow_mode.{mode}"


def _reached_by(flows: CallFlows) -> dict[str, list[str]]:
    """Destination id -> the entry points whose calls can reach it (any mode)."""
    reached: dict[str, set[str]] = defaultdict(set)
    for entry in flows.routing.entry_points:
        for mode in flows.modes(entry):
            for target in flows.reachable(entry.routes.of(mode)):
                reached[target].add(entry.name)
    return {k: sorted(v) for k, v in reached.items()}


@rule("FLOW-MODES", Category.ROUTING, Severity.ERROR, COURSE, ("route", "profile", "calendar"))
def modes_exist(ctx):
    flows = _flows(ctx)
    for entry in flows.routing.entry_points:
        if entry.always_open:
            if entry.routes.open is None:
                yield hit(entry, "routes", object_id=f"{entry.id}:open", variant="route", entry=entry.name, mode_key=mode_key("open"))
            continue
        if entry.time_profile is None:
            yield hit(entry, "id", object_id=f"{entry.id}:profile", variant="profile", entry=entry.name)
        if entry.calendar is None:
            yield hit(entry, "id", object_id=f"{entry.id}:calendar", variant="calendar", entry=entry.name)
        for mode in flows.modes(entry):
            if entry.routes.of(mode) is None:
                yield hit(entry, "routes", object_id=f"{entry.id}:{mode}", variant="route", entry=entry.name, mode_key=mode_key(mode))


@rule("FLOW-DEAD-END", Category.ROUTING, Severity.ERROR, COURSE, ("empty", "no_overflow", "unrouted_option", "no_timeout", "unmonitored", "loop"))
def dead_ends(ctx):
    flows = _flows(ctx)
    reached = _reached_by(flows)
    for target_id in sorted(reached):
        target = flows.targets[target_id]
        r, entries = target.record, reached[target_id]
        if target.kind in ("group", "queue"):
            if not r.members:
                yield hit(r, "members", object_id=f"{r.id}:empty", variant="empty", target=r.name, entries=entries)
            if r.overflow is None:
                seconds = r.ring_seconds if target.kind == "group" else r.max_wait_seconds
                yield hit(r, "overflow", object_id=f"{r.id}:overflow", variant="no_overflow", target=r.name, seconds=seconds, entries=entries)
        elif target.kind == "ivr":
            keys = [o.key for o in r.options if o.to is None]
            if keys:
                yield hit(r, "options", object_id=f"{r.id}:options", variant="unrouted_option", target=r.name, keys=keys, entries=entries)
            if r.timeout is None:
                yield hit(r, "timeout", object_id=f"{r.id}:timeout", variant="no_timeout", target=r.name, entries=entries)
        elif target.kind == "voicemail" and not flows.monitored(r):
            yield hit(r, "listeners", object_id=f"{r.id}:unmonitored", variant="unmonitored", target=r.name, entries=entries)
    for loop in flows.loops():
        if any(member in reached for member in loop):
            first = flows.targets[loop[0]].record
            yield hit(first, "id", object_id="loop:" + "+".join(loop), variant="loop", targets=[flows.targets[m].name for m in loop])


@rule("FLOW-RING-TIME", Category.ROUTING, Severity.WARNING, "Good practice: a caller reaches a person or a voicemail within the customer's stated time (routing.yaml policy)")
def ring_time(ctx):
    flows = _flows(ctx)
    limit = flows.routing.policy.max_ring_seconds
    for entry in flows.routing.entry_points:
        for mode in flows.modes(entry):
            seconds = flows.worst_wait(entry.routes.of(mode))
            if seconds > limit:
                yield hit(entry.routes, mode, object_id=f"{entry.id}:{mode}", entry=entry.name, mode_key=mode_key(mode), seconds=seconds, limit=limit)


@rule("FLOW-HOLIDAYS", Category.ROUTING, Severity.WARNING, "Good practice: the holiday calendar covers the next 12 months", ("ends", "starts"))
def holidays_ahead(ctx):
    flows = _flows(ctx)
    until = ctx.today + dt.timedelta(days=365)
    used = {e.calendar for e in flows.routing.entry_points if e.calendar}
    for calendar in flows.routing.calendars:
        if calendar.id not in used:
            continue
        if calendar.first_year > ctx.today.year:
            yield hit(calendar, "first_year", object_id=f"{calendar.id}:starts", variant="starts", calendar=calendar.name, first_year=calendar.first_year)
        elif calendar.last_year < until.year:
            yield hit(calendar, "last_year", object_id=f"{calendar.id}:ends", variant="ends", calendar=calendar.name, last_year=calendar.last_year, until=until.isoformat())


@rule("FLOW-MEMBER", Category.ROUTING, Severity.ERROR, "Good practice: every member of a group or queue has a terminal and a user licence", ("no_terminal", "no_licence"))
def members_can_answer(ctx):
    flows = _flows(ctx)
    users = ctx.project.user_by_id
    licensed = {system for system, lics in ctx.licences_by_system.items() if any(lic.kind.value in ("users", "edition") for lic in lics)}
    for target in [*flows.routing.groups, *flows.routing.queues]:
        for member in target.members:
            user = users.get(member)
            if user is None:
                continue
            if user.terminal is None:
                yield hit(target, "members", object_id=f"{target.id}:{member}:terminal", variant="no_terminal", user=user.display_name, target=target.name)
                continue
            server = ctx.server_of_user.get(user.id)
            if server is not None and not licensed.intersection(ctx.pair_of(server)):
                yield hit(target, "members", object_id=f"{target.id}:{member}:licence", variant="no_licence", user=user.display_name, target=target.name, server=server)


@rule("FLOW-FORWARD-TRUNK", Category.ROUTING, Severity.ERROR, "Good practice: a forwarded call holds a channel in and a channel out", ("channels", "private"))
def forward_trunk(ctx):
    flows = _flows(ctx)
    private = {p.id for p in ctx.project.interfaces.private_lines}
    analogue = {a.id for a in ctx.project.interfaces.analogue_lines}
    for forward in flows.routing.forwards:
        line = flows.line_by_id.get(forward.trunk)
        if line is None:
            continue
        if forward.trunk in private:
            yield hit(forward, "trunk", object_id=f"{forward.id}:private", variant="private", target=forward.name, trunk=forward.trunk)
            continue
        channels = 1 if forward.trunk in analogue else line.channels
        if channels < 2:
            yield hit(forward, "trunk", object_id=f"{forward.id}:channels", variant="channels", target=forward.name, number=forward.number, trunk=forward.trunk, channels=channels)


@rule("FLOW-FALLBACK", Category.ROUTING, Severity.WARNING, FALLBACK)
def block_fallback(ctx):
    flows = _flows(ctx)
    for line in flows.lines:
        for block in line.number_blocks:
            routing = flows.block_routing.get(block.first)
            if routing is None or routing.fallback is None:
                yield hit(block, "first", object_id=f"{line.id}:{block.first}", first=block.first, last=block.last, trunk=line.id)


@rule("FLOW-DID-NOWHERE", Category.ROUTING, Severity.ERROR, "Course 6.2 (interface overview, public network lines): every public number leads to somebody", ("outside", "no_terminal"))
def did_nowhere(ctx):
    flows = _flows(ctx)
    carried = lambda number: any(b.contains(number) for line in flows.lines for b in line.number_blocks) or any(a.number == number for a in ctx.project.interfaces.analogue_lines)  # noqa: E731
    for entry in flows.routing.entry_points:
        for number in entry.numbers:
            if flows.lines and not carried(number):
                yield hit(entry, "numbers", object_id=f"{entry.id}:{number}", variant="outside", number=number, entry=entry.name)
    if not flows.routing.entry_points and not flows.routing.destinations():
        return  # no routing recorded: the other rules say so, not one finding per user
    for user in ctx.project.users:
        if user.did and user.terminal is None and not user.voicemail:
            yield hit(user, "did", object_id=f"{user.id}:did", variant="no_terminal", number=user.did, user=user.display_name)


def _ranges(numbers: list[str]) -> list[str]:
    """Consecutive numbers folded into 'first–last'."""
    runs: list[list[str]] = []
    for number in numbers:
        if runs and int(number[1:]) == int(runs[-1][-1][1:]) + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return [run[0] if len(run) == 1 else f"{run[0]}–{run[-1][-2:]}" for run in runs]


@rule("FLOW-UNASSIGNED", Category.ROUTING, Severity.INFO, "Number management: free numbers of each block are known, so that none is handed out twice or forgotten")
def unassigned(ctx):
    flows = _flows(ctx)
    if not flows.routing.entry_points:
        return
    for line in sorted(flows.lines, key=lambda x: x.id):
        for block in line.number_blocks:
            numbers = flows.free_numbers(block)
            if not numbers:
                continue
            ranges = _ranges(numbers)
            shown = ranges[:12] + (["…"] if len(ranges) > 12 else [])
            yield hit(block, "first", object_id=f"{line.id}:{block.first}", first=block.first, last=block.last, trunk=line.id, count=len(numbers), ranges=shown)


@rule("FLOW-NIGHT-SWITCH", Category.ROUTING, Severity.WARNING, "Good practice: who may set the manual night switch is stated")
def night_switch_owner(ctx):
    for switch in _flows(ctx).routing.night_switches:
        if not switch.set_by:
            yield hit(switch, "set_by", switch=switch.name)


# --- emergency calls per site ---------------------------------------------------------------------

def _site_numbers(flows: CallFlows) -> dict[str, list[str]]:
    """Site -> the numbers its calls may present: DIDs of its users, its entry points' numbers."""
    numbers: dict[str, list[str]] = defaultdict(list)
    for user in flows.project.users:
        if user.did:
            numbers[user.site].append(user.did)
    for entry in flows.routing.entry_points:
        numbers[entry.site].extend(entry.numbers)
    return numbers


def _presented(flows: CallFlows, trunk: str, own: list[str]) -> tuple[str | None, bool]:
    """The number an emergency call presents on a trunk, and whether it is one of `own`: a trunk
    presents a caller's number only when it carries it, else the first number it carries."""
    for number in own:
        if flows.carries(trunk, number):
            return number, True
    line = flows.line_by_id.get(trunk)
    blocks = getattr(line, "number_blocks", None)
    if blocks:
        return blocks[0].first, False
    return getattr(line, "number", None), False


@rule("FLOW-EMERGENCY-CLI", Category.ROUTING, Severity.ERROR, EMERGENCY_LOCATION, ("route", "no_number", "hot_desk", "softphone", "remote"))
def emergency_caller_id(ctx):
    flows = _flows(ctx)
    p = ctx.project
    fixed = {c.site: c.number for c in flows.routing.emergency_caller_ids}
    site_numbers = _site_numbers(flows)
    grouped: dict[tuple[str, str, int, int], list] = defaultdict(list)
    for route in p.numbering.emergency_routes:
        for position, trunk in enumerate(route.trunks, start=1):
            grouped[(route.site, trunk, position, len(route.trunks))].append(route)
    for (site, trunk, position, count), routes in sorted(grouped.items()):
        if trunk not in flows.line_by_id:
            continue
        own = [fixed[site]] if site in fixed else site_numbers.get(site, [])
        presented, ok = _presented(flows, trunk, own)
        if ok:
            continue
        numbers = [r.number for r in routes]
        where = dict(site=ctx_site(p, site), numbers=numbers, trunk=trunk, position=position, count=count)
        other = flows.site_of_number(presented) if presented else None
        if presented and other == site:
            continue
        if presented:
            yield hit(routes[0], "trunks", object_id=f"{site}:{trunk}", variant="route", presented=presented, other=ctx_site(p, other) if other else "?", **where)
        else:
            yield hit(routes[0], "trunks", object_id=f"{site}:{trunk}", variant="no_number", **where)
    desks_by_site: dict[str, list] = defaultdict(list)
    for desk in p.numbering.hot_desks:
        desks_by_site[desk.site].append(desk)
    for site, desks in sorted(desks_by_site.items()):
        if site in fixed:
            continue
        visitors: dict[str, int] = defaultdict(int)
        for user in p.users:
            if user.hot_desking and user.site != site:
                visitors[user.site] += 1
        for home, count in sorted(visitors.items()):
            yield hit(desks[0], "site", object_id=f"{site}:hot-desk:{home}", variant="hot_desk", count=count, home=ctx_site(p, home), site=ctx_site(p, site), desks=[d.id for d in desks])
    covered = {g for r in flows.routing.remote_access if r.emergency_handling for g in r.terminal_groups}
    for group in p.terminals.terminals:
        if group.type.value == "softphone" and group.count and group.id not in covered:
            yield hit(group, "type", object_id=f"{group.id}:softphone", variant="softphone", group=group.id, count=group.count, site=ctx_site(p, group.site))
    for remote in flows.routing.remote_access:
        if not remote.emergency_handling:
            yield hit(remote, "emergency_handling", object_id=f"{remote.id}:remote", variant="remote", group=remote.name)


def ctx_site(project, site_id: str) -> str:
    site = project.site_by_id.get(site_id)
    return site.name if site else site_id

