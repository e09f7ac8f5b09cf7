"""The addressing plan and the network devices around the communication system."""

from __future__ import annotations

from enum import Enum
from typing import Literal

from pydantic import Field

from generator.model.base import Id, IdList, IPAddress, Network, Record, SecretRef


class Vlan(Record):
    id: int = Field(..., ge=1, le=4094)
    name: str
    purpose: str | None = None


class DhcpRange(Record):
    start: IPAddress
    end: IPAddress
    server: str | None = Field(None, description="Which device serves DHCP")
    options: str | None = Field(None, description="Notable options, e.g. option 66 provisioning URL")


class Subnet(Record):
    id: Id
    network: Network
    name: str
    vlan: int | None = Field(None, ge=1, le=4094)
    site: Id = Field(..., description="The site the subnet is routed from (its gateway's)")
    spans: IdList = Field(default_factory=list, description="Other sites the subnet reaches (a VLAN stretched over a site link)")
    gateway: IPAddress | None = None
    dhcp: DhcpRange | None = None
    dns: list[IPAddress] = Field(default_factory=list)

    @property
    def sites(self) -> list[str]:
        """Every site the subnet reaches, its own first."""
        return [self.site, *(s for s in self.spans if s != self.site)]


class DeviceKind(str, Enum):
    ROUTER = "router"
    FIREWALL = "firewall"
    SWITCH = "switch"
    ONT = "ont"
    MODEM = "modem"
    GATEWAY = "gateway"
    ATA = "ata"
    SBC = "sbc"
    HYPERVISOR = "hypervisor"
    NAS = "nas"
    SERVER = "server"
    ACCESS_POINT = "access_point"
    OTHER = "other"


class Device(Record):
    """A peripheral device: switches (with PoE budget and PTP), routers, gateways, NAS..."""

    id: Id
    kind: DeviceKind
    name: str
    vendor: str
    model: str
    site: Id
    firmware_version: str | None = None
    address: IPAddress | None = None
    poe_budget_w: float | None = Field(None, ge=0, description="Total PoE budget of a switch, in watts")
    ptp: bool | None = Field(None, description="Supports PTPv2 (IEEE 1588) transparent/boundary clock")
    backup: Literal["system", "manual", "none"] = Field("manual", description="Configuration backed up by a job, by hand before/after changes, or not")
    admin_password: SecretRef | None = None
    default_credentials: bool = Field(False, description="Still set with the factory password (recorded state)")
    location: str | None = None
    notes: str | None = None


class AddressEntry(Record):
    """One line of the addressing plan: a fixed address given to a device."""

    address: IPAddress
    hostname: str
    subnet: Id | None = Field(None, description="Subnet id; found from the address when left out")
    device: Id | None = Field(None, description="Id of the server, device or DECT base using the address")
    mac: str | None = Field(None, pattern=r"^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$")
    role: str | None = None


class NetworkPlan(Record):
    """`network.yaml`: VLANs, subnets and devices."""

    vlans: list[Vlan] = Field(default_factory=list)
    subnets: list[Subnet] = Field(default_factory=list)
    devices: list[Device] = Field(default_factory=list)
