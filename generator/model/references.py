"""Cross-record validation: ids, references, numbers, addresses and files.

Types say each record is well-formed; these rules say the records fit together. A rule whose
concern failed to load is skipped, so one mistake is reported once.
"""

from __future__ import annotations

import ipaddress
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from generator.diagnostics import Report
from generator.loaders.files import inside
from generator.loaders.fs import describe, folder_link_on
from generator.model.base import Record
from generator.model.formulas import formula_like
from generator.model.project import CONCERNS, Project
from generator.text import describe_invisible, invisible_characters
from generator.words import noun


EQUIPMENT = ("servers", "network", "dect", "interfaces", "terminals", "availability")


def _file_name(identifier: str) -> str:
    """The form an id takes in page, runbook and file names (lowercase, punctuation as '-')."""
    return re.sub(r"[^a-z0-9]+", "-", identifier.lower()).strip("-")


class _Checker:
    def __init__(self, project: Project, root: Path, failed_ids: set[str], report: Report, unreadable: frozenset[str] = frozenset()):
        self.p = project
        self.unreadable = unreadable
        self.root = root
        self.failed_ids = failed_ids
        self.report = report

    def ok(self, *concerns: str) -> bool:
        """Every rule runs on the valid part of the data, but not when one of its concerns could not
        be read at all (missing, not UTF-8, YAML syntax error): that file's error is the one to fix,
        not a reference to each of its ids from every other file."""
        return not self.unreadable.intersection(concerns)

    # --- ids ----------------------------------------------------------------------------------
    def unique(self, items: Iterable[Record], what: str, key: str = "id") -> set:
        seen: dict[Any, Record] = {}
        for item in items:
            value = getattr(item, key)
            if value is None:
                continue
            if value in seen:
                first = seen[value].where(key)
                self.report.error("duplicate-id", f"{what} '{value}' is defined twice (first at {first})", item.where(key), key, f"a unique {key}")
            else:
                seen[value] = item
        return set(seen)

    def distinct_names(self, items: Iterable[Record], what: str) -> None:
        """Ids that differ only in case or punctuation (PBX-1, pbx-1, pbx.1, pbx:1) name one page,
        runbook and diagram file: the site and a case-insensitive disk would show one for both."""
        seen: dict[str, Record] = {}
        for item in items:
            if item.id is None:
                continue
            name = _file_name(item.id)
            first = seen.setdefault(name, item)
            if first.id != item.id:
                self.report.error(
                    "id-collision",
                    f"{what} '{item.id}' and '{first.id}' (at {first.where('id')}) differ only in case or punctuation: their pages, runbooks and diagram files would be one",
                    item.where("id"),
                    "id",
                    "ids that differ in a letter or digit",
                )

    def ref(self, items: Iterable[Record], field: str, targets: set, what: str, hint: str = "") -> None:
        for item in items:
            value = getattr(item, field)
            values = value if isinstance(value, list) else [value]
            for v in values:
                if v is not None and v not in targets and str(v) not in self.failed_ids:
                    known = ", ".join(sorted(map(str, targets))[:8]) + (" ..." if len(targets) > 8 else "")
                    self.report.error(
                        "unknown-reference",
                        f"unknown {what} '{v}'",
                        item.where(field),
                        field,
                        f"the id of an existing {what}{hint}" + (f" ({known})" if known else f" (there is none{'' if hint else ' defined'})"),
                    )

    # --- rules --------------------------------------------------------------------------------
    def run(self) -> None:
        p = self.p
        sites = self.unique(p.sites, "site")
        self.distinct_names(p.sites, "site")
        contacts = self.unique(p.contacts, "contact")
        servers = self.unique(p.servers, "communication server")
        itf = p.interfaces
        interface_ids = self.unique([*itf.sip_trunks, *itf.isdn_lines, *itf.analogue_lines, *itf.private_lines, *itf.special_interfaces], "interface")
        trunk_ids = {t.id for t in [*itf.sip_trunks, *itf.isdn_lines, *itf.analogue_lines, *itf.private_lines]}
        t = p.terminals
        terminal_groups = self.unique(t.terminals, "terminal group")
        self.unique([*t.cti, *t.mobile_integration, *t.application_servers], "terminal-side interface")
        dect_systems = self.unique(p.dect.systems, "DECT system")
        bases = self.unique(p.dect.bases, "DECT base")
        repeaters = self.unique(p.dect.repeaters, "DECT repeater")
        self.unique(p.handsets, "handset")
        self.unique([h for h in p.handsets if h.ipei], "handset IPEI", "ipei")
        users = self.unique(p.users, "user")
        permissions = self.unique(p.rights.permissions, "permission")
        profiles = self.unique(p.rights.profiles, "rights profile")
        self.unique(p.rights.admin_accounts, "admin account")
        self.unique(p.numbering.hot_desks, "hot desk")
        self.unique(p.numbering.outbound_routes, "outbound route")
        vlans = self.unique(p.network.vlans, "VLAN")
        subnets = self.unique(p.network.subnets, "subnet")
        devices = self.unique(p.network.devices, "device")
        self.unique(p.licences, "licence")
        changes = self.unique(p.changelog, "change")
        self.unique(p.availability.ups, "UPS")
        wan_links = self.unique(p.availability.wan_links, "WAN link")
        self.unique(p.callerid, "caller-ID source")
        jobs = self.unique(p.backups.jobs, "backup job")
        self.unique(p.backups.manual_backups, "manual backup")
        self.unique(p.backups.restore_tests, "restore test")
        self.unique(p.documents, "document")
        if p.commissioning:
            self.unique(p.commissioning.tests, "acceptance test")
            self.unique(p.commissioning.open_points, "open point")
        equipment = self.unique(p.equipment_records(), "equipment id (servers, devices, DECT, special interfaces, application servers and UPS share one namespace)")
        self.distinct_names(p.equipment_records(), "equipment id")
        people = contacts | users

        ok = self.ok
        self.ref(p.backups.jobs, "copies_job", jobs, "backup job")
        if ok("sites", "contacts"):
            self.ref(p.contacts, "site", sites, "site")
            self.ref([s.access for s in p.sites if s.access], "key_holder", contacts, "contact")
        if ok("servers", "sites"):
            self.ref(p.servers, "site", sites, "site")
            self.ref(p.servers, "failover_partner", servers, "communication server")
            for s in p.servers:
                if s.failover_partner == s.id:
                    self.report.error("self-reference", "a server cannot be its own failover partner", s.where("failover_partner"), "failover_partner", "the id of another server")
        if ok("interfaces", "servers", "sites", "availability"):
            self.ref([*itf.sip_trunks, *itf.isdn_lines, *itf.analogue_lines, *itf.private_lines, *itf.special_interfaces], "server", servers, "communication server")
            self.ref(itf.private_lines, "remote_site", sites, "site")
            self.ref(itf.private_lines, "remote_server", servers, "communication server")
            self.ref(itf.special_interfaces, "site", sites, "site")
            self.ref(itf.sip_trunks, "wan_link", wan_links, "WAN link")
        if ok("terminals", "servers", "sites"):
            self.ref([*t.terminals, *t.cti, *t.mobile_integration, *t.application_servers], "server", servers, "communication server")
            self.ref(t.terminals, "site", sites, "site")
        if ok("dect", "servers", "sites", "network"):
            self.ref(p.dect.systems, "server", servers, "communication server")
            self.ref([*p.dect.systems, *p.dect.bases], "site", sites, "site")
            self.ref(p.dect.bases, "system", dect_systems, "DECT system")
            switches = {d.id for d in p.network.devices if d.kind.value == "switch"}
            self.ref(p.dect.bases, "switch", switches, "switch", " (a network device of kind switch)")
            self.ref(p.dect.repeaters, "base", bases, "DECT base")
            self.ref(p.dect.repeaters, "upstream", repeaters, "DECT repeater")
        if ok("handsets", "dect", "users"):
            self.ref(p.handsets, "system", dect_systems, "DECT system")
            self.ref(p.handsets, "base", bases, "DECT base")
            self.ref(p.handsets, "user", users, "user")
            for h in p.handsets:
                base = p.base_by_id.get(h.base) if h.base else None
                if base and base.system != h.system:
                    self.report.error("dect-base-system", f"base '{h.base}' belongs to DECT system '{base.system}', not '{h.system}'", h.where("base"), "base", f"a base of system '{h.system}'")
                user = p.user_by_id.get(h.user) if h.user else None
                if user and h.extension and h.extension != user.extension:
                    self.report.error("handset-extension", f"extension {h.extension} differs from the extension of user '{user.id}' ({user.extension})", h.where("extension"), "extension", f"{user.extension} or no extension")
        if ok("users", "sites", "rights", "terminals"):
            self.ref(p.users, "site", sites, "site")
            if p.rights.profiles or "rights" in p.files:
                self.ref(p.users, "rights_profile", profiles, "rights profile", " in rights.yaml")
            self.ref(p.users, "terminal", terminal_groups, "terminal group")
        if ok("rights"):
            self.ref(p.rights.profiles, "permissions", permissions, "permission")
            self.ref(p.rights.profiles, "out_of_hours", profiles, "rights profile")
        if ok("rights", "terminals", "interfaces") and (p.rights.profiles or "rights" in p.files):
            self.ref([*p.terminals.terminals, *p.interfaces.special_interfaces], "rights_profile", profiles, "rights profile", " in rights.yaml")
        if ok("rights", "contacts", "users", *EQUIPMENT):
            self.ref(p.rights.admin_accounts, "system", equipment, "system")
            self.ref(p.rights.admin_accounts, "profile", profiles, "rights profile")
            self.ref(p.rights.admin_accounts, "person", people, "person", " (contact or user)")
        if ok("numbering", "sites", "terminals", "interfaces", "servers"):
            n = p.numbering
            self.ref(n.hot_desks, "site", sites, "site")
            self.ref(n.hot_desks, "terminal", terminal_groups, "terminal group")
            self.ref(n.emergency_routes, "site", sites, "site")
            self.ref([*n.emergency_routes, *n.outbound_routes], "trunks", trunk_ids, "trunk or line")
            self.ref(n.outbound_routes, "server", servers, "communication server")
            self.unique_emergency(n.emergency_routes)
        if ok("users", "numbering"):
            self.numbers()
        if ok("routing", "users", "sites", "contacts", "interfaces", "numbering", "terminals", "documents"):
            self.routing(sites, users, people, trunk_ids, terminal_groups)
        if ok("network", "sites"):
            self.ref(p.network.subnets, "site", sites, "site")
            self.ref(p.network.subnets, "spans", sites, "site")
            self.ref(p.network.devices, "site", sites, "site")
            if p.network.vlans:
                self.ref(p.network.subnets, "vlan", vlans, "VLAN")
            self.subnets()
        if ok("addresses", *EQUIPMENT):
            self.ref(p.addresses, "subnet", subnets, "subnet")
            self.ref(p.addresses, "device", equipment, "device", " (server, device, DECT base...)")
            self.addresses()
        if ok("licences", *EQUIPMENT):
            self.ref(p.licences, "system", equipment, "system", " (server or device)")
        if ok("changelog", *EQUIPMENT):
            self.ref(p.changelog, "devices", equipment, "device", " (server, device, DECT base...)")
        if ok("sites", *EQUIPMENT):
            a = p.availability
            self.ref([*a.ups, *a.wan_links], "site", sites, "site")
            self.ref(a.ups, "powers", equipment, "device", " (server, device, DECT base...)")
            self.ref(a.wan_links, "router", devices, "network device")
            if a.disaster_recovery:
                self.ref([a.disaster_recovery], "site", sites, "site")
        if ok("callerid", "servers"):
            self.ref(p.callerid, "server", servers, "communication server")
        if ok("backups", "contacts", "changelog", *EQUIPMENT):
            b = p.backups
            self.ref([*b.jobs, *b.restore_tests, *b.firmware_archive], "system", equipment, "system", " (server or device)")
            self.ref(b.manual_backups, "device", equipment, "device")
            self.ref(b.manual_backups, "change", changes, "change")
            self.ref(b.jobs, "key_holder", contacts, "contact")
        if ok("commissioning", "contacts") and p.commissioning:
            c = p.commissioning
            if c.acceptance:
                self.ref([c.acceptance], "integrator_signatory", contacts, "contact")
                self.ref([c.acceptance], "customer_signatory", contacts, "contact")
            self.ref(c.handover, "recipient", contacts, "contact")
            self.unique(c.instruments, "instrument")
            self.ref(c.tests, "instrument", {i.id for i in c.instruments}, "instrument")
        if ok("commissioning", "licences") and p.commissioning and p.commissioning.maintenance:
            self.ref([p.commissioning.maintenance], "licence", {lic.id for lic in p.licences}, "licence")
        if ok("audit", "contacts") and p.audit and p.audit.management_response:
            self.ref([p.audit.management_response], "by", contacts, "contact")
        self.files()
        self.formulas()

    def routing(self, sites: set, users: set, people: set, trunk_ids: set, terminal_groups: set) -> None:
        """Call routing: its ids, what each route points at, and the numbers it names."""
        r = self.p.routing
        destinations = self.unique(r.destinations(), "routing destination (IVR menus, groups, queues, voicemails and forwards share one namespace)")
        for record in r.destinations():
            if record.id in users:
                self.report.error("duplicate-id", f"routing destination '{record.id}' has the id of a user: a route to it would be ambiguous", record.where("id"), "id", "an id no user has")
        self.unique(r.time_profiles, "time profile")
        self.unique(r.calendars, "holiday calendar")
        self.unique(r.night_switches, "night switch")
        self.unique(r.entry_points, "entry point")
        self.unique(r.remote_access, "remote access group")
        targets = destinations | users
        hint = " (user, IVR menu, group, queue, voicemail or forward)"
        self.ref(r.entry_points, "site", sites, "site")
        self.ref(r.entry_points, "time_profile", {t.id for t in r.time_profiles}, "time profile")
        self.ref(r.entry_points, "calendar", {c.id for c in r.calendars}, "holiday calendar")
        self.ref(r.entry_points, "night_switch", {s.id for s in r.night_switches}, "night switch")
        self.ref([e.routes for e in r.entry_points], "open", targets, "destination", hint)
        for mode in ("lunch", "night", "holiday"):
            self.ref([e.routes for e in r.entry_points], mode, targets, "destination", hint)
        self.ref([o for m in r.ivr_menus for o in m.options], "to", targets, "destination", hint)
        self.ref(r.ivr_menus, "timeout", targets, "destination", hint)
        self.ref(r.ivr_menus, "invalid", targets, "destination", hint)
        self.ref([*r.groups, *r.queues], "overflow", targets, "destination", hint)
        self.ref([*r.groups, *r.queues], "members", users, "user")
        self.ref(r.voicemails, "owner", users, "user")
        self.ref(r.voicemails, "listeners", people, "person", " (contact or user)")
        self.ref(r.night_switches, "set_by", people, "person", " (contact or user)")
        self.ref(r.forwards, "trunk", trunk_ids | {a.id for a in self.p.interfaces.analogue_lines}, "trunk or line")
        self.ref(r.presentation, "route", {o.id for o in self.p.numbering.outbound_routes}, "outbound route", " in numbering.yaml")
        self.ref(r.emergency_caller_ids, "site", sites, "site")
        self.unique_by(r.emergency_caller_ids, lambda e: e.site, "emergency caller ID for site", "site")
        self.ref(r.remote_access, "users", users, "user")
        self.ref(r.remote_access, "terminal_groups", terminal_groups, "terminal group")
        self.ref(r.porting, "authorisation", {d.id for d in self.p.documents}, "document", " in documents.yaml")
        firsts = {b.first for line in [*self.p.interfaces.sip_trunks, *self.p.interfaces.isdn_lines] for b in line.number_blocks}
        for block in r.blocks:
            if block.first not in firsts:
                self.report.error("unknown-reference", f"{block.first} is the first number of no number block", block.where("first"), "first", "the first number of a number block of a trunk or line in interfaces.yaml")
        self.ref(r.blocks, "site", sites, "site")
        self.unique_by(r.blocks, lambda b: b.first, "routing of number block", "first")
        self.entry_numbers()

    def entry_numbers(self) -> None:
        seen: dict[str, Record] = {}
        for entry in self.p.routing.entry_points:
            for number in entry.numbers:
                if number in seen:
                    self.report.error("duplicate", f"number {number} is given to two entry points (first at {seen[number].where('numbers')})", entry.where("numbers"), "numbers", "each number in one entry point")
                else:
                    seen[number] = entry

    def unique_emergency(self, routes) -> None:
        self.unique_by(routes, lambda r: (r.site, r.number), "emergency route for site and number", "number")

    def unique_by(self, items, key, what, field) -> None:
        seen = {}
        for item in items:
            k = key(item)
            if k in seen:
                self.report.error("duplicate", f"{what} {k} is defined twice (first at {seen[k].where(field)})", item.where(field), field, "one entry")
            else:
                seen[k] = item

    def numbers(self) -> None:
        p = self.p
        owners: dict[str, Record] = {}
        for item, field in [*((u, "extension") for u in p.users), *((d, "extension") for d in p.numbering.hot_desks if d.extension)]:
            number = getattr(item, field)
            if number in owners:
                self.report.error("duplicate-extension", f"extension {number} is already used (at {owners[number].where(field)})", item.where(field), field, "a number used once")
            else:
                owners[number] = item
        self.unique_by([u for u in p.users if u.did], lambda u: u.did, "DID", "did")

    def subnets(self) -> None:
        nets = [(s, ipaddress.ip_network(s.network)) for s in self.p.network.subnets]
        index = _NetworkIndex([net for _, net in nets])
        # Two CIDR networks overlap only when one holds the other: look up each one's supernets.
        pairs = {(min(i, j), max(i, j)) for i, (_, net) in enumerate(nets) for j in index.holding(net) if j != i}
        for first, later in sorted(pairs):
            s, other = nets[later][0], nets[first][0]
            self.report.error("subnet-overlap", f"{s.network} overlaps subnet '{other.id}' ({other.network}, at {other.where('network')})", s.where("network"), "network", "subnets that do not overlap")
        for s, net in nets:
            if s.gateway and ipaddress.ip_address(s.gateway) not in net:
                self.report.error("gateway-outside", f"gateway {s.gateway} is outside {s.network}", s.where("gateway"), "gateway", f"an address inside {s.network}")
            if s.dhcp:
                start, end = ipaddress.ip_address(s.dhcp.start), ipaddress.ip_address(s.dhcp.end)
                for name, addr in (("start", start), ("end", end)):
                    if addr not in net:
                        self.report.error("dhcp-outside", f"DHCP {name} {addr} is outside {s.network}", s.dhcp.where(name), f"dhcp.{name}", f"an address inside {s.network}")
                if start > end:
                    self.report.error("dhcp-order", f"DHCP range starts at {start} after its end {end}", s.dhcp.where("start"), "dhcp.start", "start <= end")

    def addresses(self) -> None:
        p = self.p
        nets = [(s, ipaddress.ip_network(s.network)) for s in p.network.subnets]
        index = _NetworkIndex([net for _, net in nets])
        by_id = {s.id: net for s, net in nets}
        used: dict[str, tuple[str, Record, str]] = {}

        def claim(address: str | None, owner: str, item: Record, field: str) -> None:
            if address is None:
                return
            if address in used and used[address][0] != owner:
                first = used[address]
                self.report.error("duplicate-address", f"{address} is already given to '{first[0]}' (at {first[1].where(first[2])})", item.where(field), field, "one device per address")
            else:
                used.setdefault(address, (owner, item, field))

        for entry in p.addresses:
            addr = ipaddress.ip_address(entry.address)
            holders = [nets[i][1] for i in index.holding(addr)]
            if entry.subnet in by_id and addr not in by_id[entry.subnet]:
                self.report.error("address-outside", f"{entry.address} is outside subnet '{entry.subnet}' ({by_id[entry.subnet]})", entry.where("address"), "address", f"an address inside {by_id[entry.subnet]}")
            elif entry.subnet is None and nets and not holders:
                self.report.error("address-outside", f"{entry.address} is in no subnet of the addressing plan", entry.where("address"), "address", "an address inside one of the subnets in network.yaml")
            for net in holders:
                if addr == net.network_address or (net.version == 4 and net.prefixlen < 31 and addr == net.broadcast_address):
                    self.report.error("address-reserved", f"{entry.address} is the network or broadcast address of {net}", entry.where("address"), "address", "a host address")
            claim(entry.address, entry.device or entry.hostname, entry, "address")
        for group in (p.servers, p.network.devices, p.dect.bases):
            for obj in group:
                claim(obj.address, obj.id, obj, "address")
        for system in p.dect.systems:
            claim(system.manager_address, system.id, system, "manager_address")

    def formulas(self) -> None:
        """Text in a table file that a spreadsheet opening it would run as a formula."""
        for concern in CONCERNS:
            for record in getattr(self.p, concern.name) if concern.tabular else ():
                name = record.where().file
                if not name.lower().endswith((".csv", ".xlsx")):
                    break
                for field, value in record:
                    for text in value if isinstance(value, list) else [value]:
                        if isinstance(text, str) and formula_like(text):
                            shown = ascii(text[:40])[1:-1]
                            self.report.warning(
                                "formula-like",
                                f"'{shown}' starts like a spreadsheet formula: a spreadsheet opening {name} may run it",
                                record.where(field),
                                field,
                                "text that does not start with = + - @ (a phone number in E.164 form is fine)",
                            )

    def files(self) -> None:
        p = self.p
        refs: list[tuple[Record, str]] = []
        if p.pbxdoc is not None and p.pbxdoc.integrator.branding.logo:
            refs.append((p.pbxdoc.integrator.branding, "logo"))
        refs += [(d, "file") for d in p.documents if d.file]
        refs += [(c, f) for c in p.changelog for f in ("backup_before", "backup_after") if getattr(c, f)]
        refs += [(m, "file") for m in p.backups.manual_backups if m.file]
        for item, field in refs:
            rel = getattr(item, field)
            path = self.root / rel
            kind = describe(path)
            link = folder_link_on(self.root, rel)
            if not inside(self.root, path):
                self.report.error("path-outside", f"'{rel}' leaves the project folder (through a link)", item.where(field), field, "a file inside the project folder")
            elif link:
                self.report.error("path-through-link", f"'{rel}' goes through '{link}', a link to a folder, which pbxdoc does not follow", item.where(field), field, "the path of the folder itself")
            elif kind == "missing" or kind == "a broken link":
                self.report.error("file-not-found", f"file '{rel}' does not exist", item.where(field), field, "the path of a file inside the project folder")
            elif kind is not None:
                self.report.error("special-file", f"'{rel}' is {kind}, not a regular file; refused without reading it", item.where(field), field, "the path of a regular file")


class _NetworkIndex:
    """Networks keyed by (version, prefix length, network bits).

    Finds the networks holding an address or a network with one look-up per prefix length in
    use, instead of trying every subnet: large plans have hundreds of subnets and thousands of
    addresses.
    """

    def __init__(self, networks: list):
        self.keys: dict[tuple, list[int]] = defaultdict(list)
        self.prefixes: dict[int, set[int]] = defaultdict(set)
        for i, net in enumerate(networks):
            self.keys[(net.version, net.prefixlen, int(net.network_address) >> (net.max_prefixlen - net.prefixlen))].append(i)
            self.prefixes[net.version].add(net.prefixlen)

    def holding(self, item) -> list[int]:
        """Indices (in input order) of the networks that contain an address, or a network (itself included)."""
        if isinstance(item, (ipaddress.IPv4Network, ipaddress.IPv6Network)):
            value, longest = int(item.network_address), item.prefixlen
        else:
            value, longest = int(item), item.max_prefixlen
        found: list[int] = []
        for prefix in self.prefixes[item.version]:
            if prefix <= longest:
                found += self.keys.get((item.version, prefix, value >> (item.max_prefixlen - prefix)), ())
        return sorted(found)


def check_references(project: Project, root: Path, failed_ids: set[str], report: Report, unreadable: frozenset[str] = frozenset()) -> None:
    """Cross-check the records; references to records that failed validation, or into a file that
    could not be read, are not re-reported."""
    _Checker(project, root, failed_ids, report, unreadable).run()


def check_invisible_text(project: Project, report: Report, concerns: Iterable[str]) -> None:
    """Warn about bidi controls and zero-width characters in free text (names, notes, versions):
    they can make a reader see something else than what is written. Numbers, identifiers and
    file names refuse them as errors in their types. Only the concerns whose file holds such a
    character are walked (the loaders tell)."""
    for record in _records([getattr(project, name) for name in sorted(concerns)]):
        for name in type(record).model_fields:
            value = getattr(record, name)
            texts = [value] if isinstance(value, str) else [v for v in value if isinstance(v, str)] if isinstance(value, (list, tuple)) else []
            hidden = [c for text in texts for c in invisible_characters(text)]
            if hidden:
                report.warning(
                    "invisible-character",
                    f"contains the invisible {noun(len(set(hidden)), 'character')} {describe_invisible(list(dict.fromkeys(hidden)))}, which can make the text read differently from what it is; outputs show them as <U+…>",
                    record.where(name),
                    name,
                    "plain text; remove the character unless it is really meant",
                )


def _records(value: Any) -> Iterable[Record]:
    """Every record of the project (depth first), for rules that look at every field."""
    if isinstance(value, Record):
        yield value
        for name in type(value).model_fields:
            yield from _records(getattr(value, name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _records(item)
    elif isinstance(value, Project):
        for name in type(value).model_fields:
            yield from _records(getattr(value, name))
