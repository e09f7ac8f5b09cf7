"""Where incoming calls go, derived once from the model: the destination behind each id, the path
a call takes in each time mode, and the inventory of every public number.

The checks judge these paths, and the call-routing section, the call-flow diagrams, the workbook
and the commissioning test calls present them, so that they all tell the same story.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from typing import Any, NamedTuple

from generator.model.project import Project
from generator.model.routing import EntryPoint, ExternalForward, Group, IvrMenu, Queue, Voicemail

MAX_BLOCK = 100_000  # numbers of one block listed at most
MAX_DEPTH = 64  # a call passed on more often than this is followed no further
KINDS = {IvrMenu: "ivr", Group: "group", Queue: "queue", Voicemail: "voicemail", ExternalForward: "forward"}


@dataclass(frozen=True)
class Target:
    """What a destination id names: its kind (user, ivr, group, queue, voicemail, forward) and record."""

    kind: str
    record: Any

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def name(self) -> str:
        return self.record.display_name if self.kind == "user" else self.record.name


@dataclass(frozen=True)
class Edge:
    """A way out of a destination: `label` is automatic (overflow, timeout, invalid) or a key."""

    label: str
    to: str | None
    automatic: bool


class NumberEntry(NamedTuple):
    """One public number: whose it is, its status (assigned, reserved, free) and porting record
    (a tuple: large customers have tens of thousands of numbers)."""

    number: str
    line: str  # trunk or line id carrying it
    block: str | None  # first number of its block (None for an analogue line)
    site: str | None
    status: str
    holder: str | None  # user, entry point or line id
    holder_kind: str | None  # user, entry_point, line, emergency
    note: str | None
    ported: Any | None  # Porting


class CallFlows:
    """Look-ups over `project.routing`, computed once per project."""

    def __init__(self, project: Project):
        self.project = project
        self.routing = project.routing

    @cached_property
    def targets(self) -> dict[str, Target]:
        found: dict[str, Target] = {}
        for record in self.routing.destinations():
            found.setdefault(record.id, Target(KINDS[type(record)], record))
        for user in self.project.users:
            found.setdefault(user.id, Target("user", user))
        return found

    def target(self, destination: str | None) -> Target | None:
        return self.targets.get(destination) if destination else None

    @cached_property
    def time_profiles(self) -> dict:
        return {p.id: p for p in self.routing.time_profiles}

    @cached_property
    def calendars(self) -> dict:
        return {c.id: c for c in self.routing.calendars}

    @cached_property
    def night_switches(self) -> dict:
        return {s.id: s for s in self.routing.night_switches}

    def modes(self, entry: EntryPoint) -> tuple[str, ...]:
        return entry.modes(self.time_profiles.get(entry.time_profile or ""))

    # --- paths ---------------------------------------------------------------------------------
    def edges(self, target: Target) -> list[Edge]:
        r = target.record
        if target.kind == "ivr":
            edges = [Edge(o.key, o.to, False) for o in r.options]
            edges.append(Edge("timeout", r.timeout, True))
            if r.invalid is not None:
                edges.append(Edge("invalid", r.invalid, True))
            return edges
        if target.kind in ("group", "queue"):
            return [Edge("overflow", r.overflow, True)]
        return []

    def reachable(self, start: str | None) -> list[str]:
        """Every destination id a call sent to `start` can reach (known ids, in a stable order)."""
        seen: list[str] = []
        stack = [start] if start else []
        while stack:
            current = stack.pop()
            target = self.target(current)
            if target is None or current in seen:
                continue
            seen.append(current)
            stack.extend(reversed([e.to for e in self.edges(target) if e.to]))
        return seen

    def answers(self, target: Target) -> bool:
        """A person picks up (a user, a group or queue with members, an external number) or a
        voicemail that somebody listens to regularly takes the message."""
        r = target.record
        if target.kind in ("user", "forward"):
            return True
        if target.kind in ("group", "queue"):
            return bool(r.members)
        if target.kind == "voicemail":
            return self.monitored(r)
        return False

    @staticmethod
    def monitored(box: Voicemail) -> bool:
        return bool(box.listeners) and box.check_every_hours is not None

    def loops(self) -> list[list[str]]:
        """Groups of destinations joined by automatic edges only (overflow, timeout, invalid) into
        a cycle: a call that nobody answers goes round them for ever. Each loop once, sorted."""
        graph = {
            tid: sorted({e.to for e in self.edges(t) if e.automatic and e.to in self.targets})
            for tid, t in self.targets.items()
            if t.kind in ("ivr", "group", "queue")
        }
        index: dict[str, int] = {}
        low: dict[str, int] = {}
        stack: list[str] = []
        on_stack: set[str] = set()
        found: list[list[str]] = []

        def visit(root: str) -> None:  # Tarjan's strongly connected components, without recursion
            work = [(root, 0)]
            while work:
                node, i = work.pop()
                if i == 0:
                    index[node] = low[node] = len(index)
                    stack.append(node)
                    on_stack.add(node)
                nexts = graph.get(node, [])
                if i > 0:
                    low[node] = min(low[node], low[nexts[i - 1]])
                while i < len(nexts) and nexts[i] in index:
                    if nexts[i] in on_stack:
                        low[node] = min(low[node], index[nexts[i]])
                    i += 1
                if i < len(nexts):
                    work.append((node, i + 1))
                    work.append((nexts[i], 0))
                    continue
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1 or node in nexts:
                        found.append(sorted(component))

        for node in sorted(graph):
            if node not in index:
                visit(node)
        return sorted(found)

    def worst_wait(self, destination: str | None, visiting: frozenset = frozenset()) -> int:
        """Longest a caller waits, ringing or queued, before a person or voicemail answers; loops
        and dead ends stop the count (they have findings of their own)."""
        target = self.target(destination)
        if target is None or destination in visiting or len(visiting) >= MAX_DEPTH:
            return 0
        visiting = visiting | {destination}
        r = target.record
        if target.kind == "user":
            return self.routing.policy.user_ring_seconds
        if target.kind == "forward":
            return r.ring_seconds or 0
        if target.kind == "voicemail":
            return 0
        if target.kind == "group":
            return r.ring_seconds + self.worst_wait(r.overflow, visiting)
        if target.kind == "queue":
            return r.max_wait_seconds + self.worst_wait(r.overflow, visiting)
        options = [self.worst_wait(o.to, visiting) for o in r.options]
        return max([*options, r.timeout_seconds + self.worst_wait(r.timeout, visiting)])

    def chain(self, destination: str | None, limit: int = 8) -> list[Target]:
        """The destinations a call meets one after the other when nobody answers (overflows,
        IVR timeouts), until one that answers for good; stops at a loop."""
        result: list[Target] = []
        current = destination
        while current and len(result) < limit:
            target = self.target(current)
            if target is None or any(t.id == current for t in result):
                break
            result.append(target)
            if target.kind in ("group", "queue"):
                current = target.record.overflow
            elif target.kind == "ivr":
                current = target.record.timeout
            else:
                break
        return result

    # --- holidays ------------------------------------------------------------------------------
    def holidays_in(self, entry: EntryPoint, year: int, language: str) -> dict[dt.date, str]:
        calendar = self.calendars.get(entry.calendar or "")
        return calendar.dates(language, year) if calendar else {}

    # --- numbers -------------------------------------------------------------------------------
    @cached_property
    def lines(self) -> list:
        itf = self.project.interfaces
        return [*itf.sip_trunks, *itf.isdn_lines]

    def carries(self, line_id: str, number: str) -> bool:
        line = self.line_by_id.get(line_id)
        if line is None:
            return False
        if hasattr(line, "number_blocks"):
            return any(b.contains(number) for b in line.number_blocks)
        return getattr(line, "number", None) == number

    @cached_property
    def line_by_id(self) -> dict:
        itf = self.project.interfaces
        return {x.id: x for x in [*itf.sip_trunks, *itf.isdn_lines, *itf.analogue_lines, *itf.private_lines]}

    @cached_property
    def block_routing(self) -> dict[str, Any]:
        return {b.first: b for b in self.routing.blocks}

    @cached_property
    def holders(self) -> dict[str, tuple[str, str]]:
        """Number -> (holder kind, holder id) for every number the data assigns."""
        held: dict[str, tuple[str, str]] = {}
        for user in self.project.users:
            if user.did:
                held.setdefault(user.did, ("user", user.id))
        for entry in self.routing.entry_points:
            for number in entry.numbers:
                held.setdefault(number, ("entry_point", entry.id))
        for line in self.project.interfaces.analogue_lines:
            held.setdefault(line.number, ("line", line.id))
        main = self.project.numbering.main_number
        if main:
            held.setdefault(main, ("main_number", "main_number"))
        for caller_id in self.routing.emergency_caller_ids:
            held.setdefault(caller_id.number, ("emergency", caller_id.site))
        for presented in self.routing.presentation:
            if presented.number:
                held.setdefault(presented.number, ("presentation", presented.route))
        return held

    def site_of_number(self, number: str) -> str | None:
        """The site a number belongs to: its block's site, else its holder's site."""
        for line in self.lines:
            for block in line.number_blocks:
                if block.contains(number):
                    routing = self.block_routing.get(block.first)
                    if routing and routing.site:
                        return routing.site
        kind, holder = self.holders.get(number, (None, None))
        if kind == "user":
            user = self.project.user_by_id.get(holder)
            return user.site if user else None
        if kind == "entry_point":
            return next((e.site for e in self.routing.entry_points if e.id == holder), None)
        if kind == "emergency":
            return holder
        if kind == "line":
            line = self.line_by_id.get(holder)
            server = self.project.server_by_id.get(line.server) if line else None
            return server.site if server else None
        return None

    def inventory(self) -> list[NumberEntry]:
        """Every number of every block and line, in order, with its status."""
        entries: list[NumberEntry] = []
        for line in sorted(self.lines, key=lambda x: x.id):
            for block in line.number_blocks:
                routing = self.block_routing.get(block.first)
                site = routing.site if routing and routing.site else None
                width, start, size = len(block.first), int(block.first[1:]), block.size()
                if size > MAX_BLOCK:
                    continue  # no real block is this large; listing it would exhaust memory
                marks = _by_offset(self.routing.number_status, block.first, start, size)
                ported = _by_offset(self.routing.porting, block.first, start, size)
                for i in range(size):
                    number = "+" + str(start + i).zfill(width - 1)
                    entries.append(self._entry(number, line.id, block.first, site, marks.get(i), ported.get(i)))
        for line in sorted(self.project.interfaces.analogue_lines, key=lambda x: x.id):
            value = int(line.number[1:])
            marks = _by_offset(self.routing.number_status, line.number, value, 1)
            ported = _by_offset(self.routing.porting, line.number, value, 1)
            entries.append(self._entry(line.number, line.id, None, None, marks.get(0), ported.get(0)))
        return entries

    def free_numbers(self, block) -> list[str]:
        """The numbers of a block nobody holds and nobody reserved (cheaper than the inventory)."""
        width, start, size = len(block.first), int(block.first[1:]), block.size()
        if size > MAX_BLOCK:
            return []
        marks = _by_offset(self.routing.number_status, block.first, start, size)
        holders = self.holders
        free = []
        for i in range(size):
            number = "+" + str(start + i).zfill(width - 1)
            if number not in holders and (i not in marks or marks[i].status == "free"):
                free.append(number)
        return free

    def _entry(self, number: str, line: str, block: str | None, site: str | None, mark, ported) -> NumberEntry:
        kind, holder = self.holders.get(number, (None, None))
        status = "assigned" if kind is not None else mark.status if mark is not None else "free"
        site = (site or self.site_of_number(number)) if kind else site
        return NumberEntry(number, line, block, site, status, holder, kind, mark.note if mark else None, ported)


def _by_offset(ranges, first: str, start: int, size: int) -> dict[int, Any]:
    """Offset in a block -> the first range record (reservation, porting) covering that number."""
    found: dict[int, Any] = {}
    for record in ranges:
        if len(record.first) != len(first):
            continue
        low = max(int(record.first[1:]), start)
        high = min(int((record.last or record.first)[1:]), start + size - 1)
        for value in range(low, high + 1):
            found.setdefault(value - start, record)
    return found


def call_flows(project: Project) -> CallFlows:
    return CallFlows(project)
