"""The whole customer installation: one validated, immutable object handed to checks and renderers."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, PrivateAttr

from generator.model.audit import Audit
from generator.model.dect import Dect, DectBase, DectRepeater, DectSystem, Handset
from generator.model.findings import Finding
from generator.model.network import AddressEntry, Device, NetworkPlan
from generator.model.numbering import Numbering, Rights, User
from generator.model.operations import Availability, Backups, Change, Commissioning, Document, Licence, Waiver
from generator.model.organisation import Contact, ProjectInfo, Site
from generator.model.routing import Routing
from generator.model.telephony import CommunicationServer, Interfaces, LookupSource, Terminals


@dataclass(frozen=True)
class Concern:
    """One file of a project: its name (file stem), the type it holds, and whether it may be a table."""

    name: str
    type: Any
    tabular: bool
    required: bool
    summary: str

    @property
    def extensions(self) -> tuple[str, ...]:
        return (".yaml", ".yml", ".csv", ".xlsx") if self.tabular else (".yaml", ".yml")


CONCERNS: tuple[Concern, ...] = (
    Concern("pbxdoc", ProjectInfo, False, True, "Customer, integrator, language, document metadata, policies"),
    Concern("sites", list[Site], False, True, "Sites with address and premises access"),
    Concern("contacts", list[Contact], True, True, "Contacts and stakeholders"),
    Concern("servers", list[CommunicationServer], False, True, "Communication servers, slots and cards"),
    Concern("interfaces", Interfaces, False, False, "SIP trunks, ISDN and analogue lines, private lines, special interfaces"),
    Concern("terminals", Terminals, False, False, "Terminal types and counts, CTI, mobile integration, application servers"),
    Concern("dect", Dect, False, False, "DECT systems, bases and repeaters"),
    Concern("handsets", list[Handset], True, False, "DECT handsets"),
    Concern("users", list[User], True, False, "Users and extensions"),
    Concern("numbering", Numbering, False, False, "Departments, free-seating desks, emergency and outbound routing"),
    Concern("routing", Routing, False, False, "Incoming call routing: entry points, time modes, holidays, IVR, groups, queues, voicemail; number management"),
    Concern("rights", Rights, False, False, "Rights matrix: permissions, profiles, admin accounts"),
    Concern("network", NetworkPlan, False, False, "VLANs, subnets and network devices"),
    Concern("addresses", list[AddressEntry], True, False, "Fixed addresses of the addressing plan"),
    Concern("licences", list[Licence], True, False, "Licences with quantities and expiry dates"),
    Concern("changelog", list[Change], True, False, "Change log"),
    Concern("availability", Availability, False, False, "UPS, WAN links, disaster recovery"),
    Concern("callerid", list[LookupSource], False, False, "Caller-ID lookup sources"),
    Concern("backups", Backups, False, False, "Backup jobs, manual backups, firmware archive, restore tests"),
    Concern("documents", list[Document], True, False, "Documents of the customer file"),
    Concern("commissioning", Commissioning, False, False, "Acceptance tests, open points, handover"),
    Concern("waivers", list[Waiver], False, False, "Accepted compliance findings"),
    Concern("audit", Audit, False, False, "Auditor, period, scope and method, recommendations, management response"),
)
CONCERN_BY_NAME = {c.name: c for c in CONCERNS}


class Project(BaseModel):
    """Everything pbxdoc knows about one customer, validated and cross-checked."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    pbxdoc: ProjectInfo
    sites: list[Site]
    contacts: list[Contact]
    servers: list[CommunicationServer]
    interfaces: Interfaces = Interfaces()
    terminals: Terminals = Terminals()
    dect: Dect = Dect()
    handsets: list[Handset] = []
    users: list[User] = []
    numbering: Numbering = Numbering()
    routing: Routing = Routing()
    rights: Rights = Rights()
    network: NetworkPlan = NetworkPlan()
    addresses: list[AddressEntry] = []
    licences: list[Licence] = []
    changelog: list[Change] = []
    availability: Availability = Availability()
    callerid: list[LookupSource] = []
    backups: Backups = Backups()
    documents: list[Document] = []
    commissioning: Commissioning | None = None
    waivers: list[Waiver] = []
    audit: Audit | None = None
    findings: tuple[Finding, ...] = ()

    _root: Path | None = PrivateAttr(default=None)
    _files: dict[str, str] = PrivateAttr(default_factory=dict)  # concern -> relative file name
    _file_digests: dict[str, str] = PrivateAttr(default_factory=dict)  # relative file -> sha256
    _digest: str = PrivateAttr(default="")
    _unredacted: "Project | None" = PrivateAttr(default=None)  # the whole project behind an audience's view

    # --- provenance -------------------------------------------------------------------------
    @property
    def root(self) -> Path:
        assert self._root is not None
        return self._root

    @property
    def digest(self) -> str:
        """SHA-256 over every data file read: auditors compare it with the one printed on records."""
        return self._digest

    @property
    def files(self) -> dict[str, str]:
        """Concern name -> the file it was read from (relative to the project)."""
        return dict(self._files)

    @property
    def file_digests(self) -> dict[str, str]:
        return dict(self._file_digests)

    def file(self, relative: str | None) -> Path | None:
        """A file the data names (logo, document, backup), only if it exists inside the project."""
        if not relative:
            return None
        root = self.root.resolve()
        path = (root / relative).resolve()
        return path if path.is_relative_to(root) and path.is_file() else None

    @property
    def unredacted(self) -> "Project":
        """The whole project behind an audience's view (itself when it is whole): for what is
        counted the same for every audience (completeness), never for what is printed."""
        return self._unredacted or self

    def redacted(self, **update) -> "Project":
        """An audience's view: some concerns replaced, the whole project kept behind it."""
        view = self.replace(**update)
        view._unredacted = self.unredacted
        return view

    def replace(self, **update) -> "Project":
        """A copy with some concerns replaced (provenance kept, look-up caches dropped)."""
        copy = self.model_copy(update=update)
        for name, value in type(self).__dict__.items():
            if isinstance(value, cached_property):
                copy.__dict__.pop(name, None)
        return copy

    def with_findings(self, findings: list[Finding]) -> "Project":
        return self.replace(findings=tuple(sorted(findings, key=Finding.sort_key)))

    # --- look-ups ---------------------------------------------------------------------------
    @property
    def info(self) -> ProjectInfo:
        return self.pbxdoc

    @cached_property
    def site_by_id(self) -> dict[str, Site]:
        return {s.id: s for s in self.sites}

    @cached_property
    def contact_by_id(self) -> dict[str, Contact]:
        return {c.id: c for c in self.contacts}

    @cached_property
    def server_by_id(self) -> dict[str, CommunicationServer]:
        return {s.id: s for s in self.servers}

    @cached_property
    def user_by_id(self) -> dict[str, User]:
        return {u.id: u for u in self.users}

    @cached_property
    def dect_system_by_id(self) -> dict[str, DectSystem]:
        return {s.id: s for s in self.dect.systems}

    @cached_property
    def base_by_id(self) -> dict[str, DectBase]:
        return {b.id: b for b in self.dect.bases}

    @cached_property
    def device_by_id(self) -> dict[str, Device]:
        return {d.id: d for d in self.network.devices}

    def equipment_records(self) -> list[Any]:
        """Every object that can be touched by a change, backed up or powered: servers, devices,
        DECT systems, bases, repeaters, special interfaces, application servers, UPS."""
        return [
            *self.servers,
            *self.network.devices,
            *self.dect.systems,
            *self.dect.bases,
            *self.dect.repeaters,
            *self.interfaces.special_interfaces,
            *self.terminals.application_servers,
            *self.availability.ups,
        ]

    @cached_property
    def equipment(self) -> dict[str, Any]:
        """Equipment by id (ids are unique across all equipment)."""
        items: dict[str, Any] = {}
        for obj in self.equipment_records():
            items.setdefault(obj.id, obj)
        return items

    def handsets_of(self, system_id: str) -> list[Handset]:
        return [h for h in self.handsets if h.system == system_id]

    def bases_of(self, system_id: str) -> list[DectBase]:
        return [b for b in self.dect.bases if b.system == system_id]

    def repeaters_of(self, base_id: str) -> list[DectRepeater]:
        return [r for r in self.dect.repeaters if r.base == base_id]

    def users_of_site(self, site_id: str) -> list[User]:
        return [u for u in self.users if u.site == site_id]

    def changes_touching(self, object_id: str) -> list[Change]:
        return [c for c in self.changelog if object_id in c.devices]

    def documents_of_kind(self, kind) -> list[Document]:
        return [d for d in self.documents if d.kind == kind]

    def licences_of(self, system_id: str) -> list[Licence]:
        return [lic for lic in self.licences if lic.system == system_id]
