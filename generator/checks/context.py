"""What the rules share: the model, the vendor knowledge, the reference date and derived facts.

Derived facts (which server a user is on, which jobs back up a system) are computed once here so
that no rule repeats the look-up and the whole catalogue stays fast on large customers.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
from collections import defaultdict
from functools import cached_property

from generator.knowledge import Knowledge, Product
from generator.model.callflow import CallFlows
from generator.model.numbering import User
from generator.model.operations import BackupJob, Licence
from generator.model.organisation import Policy
from generator.model.project import Project
from generator.model.telephony import CommunicationServer, TerminalGroup


class Context:
    def __init__(self, project: Project, knowledge: Knowledge, today: dt.date):
        self.project = project
        self.knowledge = knowledge
        self.today = today

    @cached_property
    def call_flows(self) -> CallFlows:
        """Where incoming calls go (call-routing rules share one derivation)."""
        return CallFlows(self.project)

    @property
    def policy(self) -> Policy:
        return self.project.pbxdoc.policy

    def days_since(self, date: dt.date) -> int:
        return (self.today - date).days

    # --- servers and their products -------------------------------------------------------------
    def product_of(self, server: CommunicationServer) -> Product | None:
        return self.knowledge.find(f"{server.vendor} {server.model}", "communication_server")

    def generic(self, product_id: str) -> Product:
        product = self.knowledge.product(product_id)
        if product is None:
            raise KeyError(f"the vendor catalogue lacks the product {product_id!r}")
        return product

    def edition_of(self, server: CommunicationServer) -> str | None:
        if server.edition:
            return server.edition
        editions = [lic.edition for lic in self.licences_by_system.get(server.id, []) if lic.edition]
        return editions[0] if editions else None

    @cached_property
    def failover_pairs(self) -> dict[str, tuple[str, ...]]:
        """Server id -> the ids of its failover pair (itself alone when it has no partner), sorted.

        Licences such as Dual Homing sit on the backup server for the phones of the primary, so
        what a pair holds is counted together."""
        pairs = {s.id: {s.id} for s in self.project.servers}
        for s in self.project.servers:
            if s.failover_partner in pairs:
                pairs[s.id].add(s.failover_partner)
                pairs[s.failover_partner].add(s.id)
        return {sid: tuple(sorted(members)) for sid, members in pairs.items()}

    def pair_of(self, system_id: str) -> tuple[str, ...]:
        return self.failover_pairs.get(system_id, (system_id,))

    @cached_property
    def licences_by_system(self) -> dict[str, list[Licence]]:
        by: dict[str, list[Licence]] = defaultdict(list)
        for lic in self.project.licences:
            by[lic.system].append(lic)
        return by

    # --- users ------------------------------------------------------------------------------------
    @cached_property
    def terminal_group_by_id(self) -> dict[str, TerminalGroup]:
        return {t.id: t for t in self.project.terminals.terminals}

    @cached_property
    def users_by_server(self) -> dict[str, list[User]]:
        """A user belongs to the server of their terminal group, else to the server of their site,
        else to the only server of the project."""
        servers = self.project.servers
        by_site: dict[str, list[str]] = defaultdict(list)
        for s in servers:
            by_site[s.site].append(s.id)
        by: dict[str, list[User]] = defaultdict(list)
        for user in self.project.users:
            group = self.terminal_group_by_id.get(user.terminal) if user.terminal else None
            if group:
                server = group.server
            elif len(by_site.get(user.site, [])) == 1:
                server = by_site[user.site][0]
            elif len(servers) == 1:
                server = servers[0].id
            else:
                continue
            by[server].append(user)
        return by

    def users_of(self, server_id: str) -> list[User]:
        return self.users_by_server.get(server_id, [])

    @cached_property
    def server_of_user(self) -> dict[str, str]:
        return {u.id: server for server, users in self.users_by_server.items() for u in users}

    def terminals_of(self, server_id: str, *types: str) -> list[TerminalGroup]:
        return [t for t in self.project.terminals.terminals if t.server == server_id and (not types or t.type.value in types)]

    # --- backups ----------------------------------------------------------------------------------
    @cached_property
    def jobs_by_system(self) -> dict[str, list[BackupJob]]:
        by: dict[str, list[BackupJob]] = defaultdict(list)
        for job in self.project.backups.jobs:
            by[job.system].append(job)
        return by

    def jobs_of(self, system_id: str) -> list[BackupJob]:
        return self.jobs_by_system.get(system_id, [])

    # --- network ----------------------------------------------------------------------------------
    @cached_property
    def _networks(self) -> list[tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, str]]:
        return [(ipaddress.ip_network(s.network), s.id) for s in self.project.network.subnets]

    def subnet_of(self, address: str | None) -> str | None:
        """Id of the subnet of the addressing plan that holds an address."""
        if not address:
            return None
        ip = ipaddress.ip_address(address)
        return next((sid for net, sid in self._networks if ip in net), None)

    @cached_property
    def powered_by_ups(self) -> set[str]:
        return {item for ups in self.project.availability.ups for item in ups.powers}
