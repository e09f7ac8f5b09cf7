"""What gets a runbook: every communication server and every peripheral device with its own backup.

A subject gathers, for one system, what the runbook needs to say about it whatever its record
type: its parts (a DECT system's bases and repeaters), the versions that a restore must match,
and whether it is backed up by jobs or by hand before and after each change.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal

from generator.model.project import Project
from generator.words import product

BackupMode = Literal["jobs", "manual"]


def make(vendor: str | None, model: str) -> str:
    """Vendor and model without saying the vendor twice ('3CX 3CX Phone System')."""
    return product(vendor, model)


@dataclass(frozen=True)
class Version:
    """A software or firmware version that a restore must reproduce, for one part of the system."""

    component: str  # id of the part (the system itself, a base...)
    label: str  # what runs it, e.g. 'Yealink W70B' or the server's model
    version: str | None
    parts: tuple[str, ...] = ()  # other ids running the same version (bases of one model)


@dataclass(frozen=True)
class Subject:
    id: str
    kind: str  # server, dect_system, device, special_interface, application_server
    record: Any
    name: str
    vendor: str
    model: str
    site: str | None
    address: str | None
    admin_url: str | None
    location: str | None
    mode: BackupMode
    versions: tuple[Version, ...]
    parts: tuple[str, ...] = ()  # ids of the parts covered by this runbook (bases, repeaters)
    server: str | None = None  # communication server it belongs to
    host: str | None = None  # id of the device (hypervisor) it runs on, when the data names one

    @property
    def device_kind(self) -> str | None:
        """The network.yaml kind of a device (switch, hypervisor...), for choosing its step template."""
        return self.record.kind.value if self.kind == "device" else None

    @property
    def make(self) -> str:
        return make(self.vendor, self.model)

    @property
    def ids(self) -> tuple[str, ...]:
        """The system and its parts: backups, changes and findings may name any of them."""
        return (self.id, *self.parts)


def _server(s) -> Subject:
    versions = [Version(s.id, s.model, s.software_version)]
    if s.firmware_version and s.firmware_version != s.software_version:
        versions.append(Version(s.id, f"{s.model} firmware", s.firmware_version))
    address = " — ".join(x for x in (s.hostname, s.address) if x) or None
    return Subject(s.id, "server", s, s.name, s.vendor, s.model, s.site, address, s.admin_url, None, "jobs", tuple(versions))


def _dect(project: Project, system, jobs: set[str]) -> Subject:
    bases = project.bases_of(system.id)
    repeaters = [r for b in bases for r in project.repeaters_of(b.id)]
    versions: list[Version] = []
    if system.manager_model or system.manager_version:
        versions.append(Version(system.id, system.manager_model or system.name, system.manager_version))
    by_firmware: dict[tuple[str, str | None], list[str]] = {}
    for base in bases:
        by_firmware.setdefault((base.model, base.firmware_version), []).append(base.id)
    for (model, firmware), ids in sorted(by_firmware.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        versions.append(Version(ids[0], model, firmware, tuple(ids[1:])))
    models = sorted({b.model for b in bases})
    model = system.manager_model or ", ".join(models) or system.name
    address = system.manager_address or (bases[0].address if len(bases) == 1 else None)
    parts = tuple(b.id for b in bases) + tuple(r.id for r in repeaters)
    mode: BackupMode = "jobs" if jobs & {system.id, *parts} else "manual"
    return Subject(system.id, "dect_system", system, system.name, system.vendor, model, system.site, address, None, None, mode, tuple(versions), parts, system.server)


def _device(d) -> Subject:
    mode: BackupMode = "jobs" if d.backup == "system" else "manual"
    return Subject(d.id, "device", d, d.name, d.vendor, d.model, d.site, d.address, None, d.location, mode, (Version(d.id, make(d.vendor, d.model), d.firmware_version),))


def _special(i) -> Subject:
    return Subject(
        i.id, "special_interface", i, i.name, i.vendor or "", i.model or "", i.site, None, None, None, "manual",
        (Version(i.id, make(i.vendor, i.model or "") or i.name, i.firmware_version),), (), i.server,
    )


def _application(a, project: Project) -> Subject:
    site = project.server_by_id[a.server].site if a.server in project.server_by_id else None
    return Subject(a.id, "application_server", a, a.name, a.product, a.product, site, a.host, None, a.host, "manual", (Version(a.id, a.product, a.version),), (), a.server)


def _completed(project: Project, subject: Subject) -> Subject:
    """What the record leaves out but the data says elsewhere: the address the addressing plan
    gives it, and the hypervisor it runs on ('lau-hv-01 (Hyper-V)' names device lau-hv-01)."""
    address = subject.address
    if not address:
        address = ", ".join(sorted(a.address for a in project.addresses if a.device == subject.id)) or None
    host_text = getattr(subject.record, "host", None) if subject.kind in ("server", "application_server") else None
    first = host_text.split()[0] if host_text else None
    host = first if first in project.equipment and first != subject.id else None
    return replace(subject, address=address, host=host)


def subjects(project: Project) -> list[Subject]:
    """Every system that needs a runbook, servers first, in the order of the data files."""
    return [_completed(project, s) for s in _subjects(project)]


def _subjects(project: Project) -> list[Subject]:
    jobs = {j.system for j in project.backups.jobs}
    found = [_server(s) for s in project.servers]
    found += [_dect(project, s, jobs) for s in project.dect.systems]
    found += [_device(d) for d in project.network.devices if d.backup != "none"]
    found += [_special(i) for i in project.interfaces.special_interfaces if i.backup == "manual"]
    found += [_application(a, project) for a in project.terminals.application_servers if a.backup == "manual"]
    return found


def covered_by_server(project: Project, server_id: str) -> list[Any]:
    """Special interfaces and application servers whose configuration is in the server's backup."""
    return [
        *(i for i in project.interfaces.special_interfaces if i.server == server_id and i.backup == "system"),
        *(a for a in project.terminals.application_servers if a.server == server_id and a.backup == "system"),
    ]
