"""The communication system: servers and their cards, interfaces, terminals, caller-ID lookup."""

from __future__ import annotations

from enum import Enum
from typing import Literal

from pydantic import Field, model_validator

from generator.model.base import E164, FileId, Id, IPAddress, Record, SecretRef, StrList, Text
from generator.model.hardening import ServerSecurity


class Platform(str, Enum):
    APPLIANCE = "appliance"
    VIRTUAL = "virtual"
    CLOUD = "cloud"


class Card(Record):
    """An interface or application card in a slot; DSP/EIP modules mount on the card (CPU1)."""

    slot: int = Field(..., ge=0, le=16)
    type: str = Field(..., description="Card type as the vendor names it, e.g. CPU1, CPU2, 32FXS, 16DSI, 2PRI")
    modules: list[str] = Field(default_factory=list, description="System modules on this card, e.g. DSPX1, EIP1-8")
    serial: str | None = None
    notes: str | None = None


# VoIP mode of the media gateway (Mitel MiVoice Office 400: WebAdmin, Media resources): the codecs its
# VoIP channels use and whether their media are encrypted (SRTP).
VoipMode = Literal["g711", "g711_g729", "secure_g711", "secure_g711_g729"]


class CommunicationServer(Record):
    id: FileId
    name: str
    site: Id
    vendor: str
    model: str = Field(..., description="Vendor model, e.g. 'Mitel 470' or '3CX'")
    platform: Platform
    software_version: str
    firmware_version: str | None = None
    edition: str | None = Field(None, description="Licence edition, e.g. 3CX PRO or Enterprise")
    hostname: str | None = None
    address: IPAddress | None = None
    host: str | None = Field(None, description="Hypervisor or cloud host for virtual servers")
    serial: str | None = None
    power_supply: Literal["internal", "external", "both"] | None = Field(None, description="Appliance power supply (internal PSU, external APS2, both)")
    redundant_fans: bool = False
    voip_channels: int | None = Field(
        None, ge=0, description="VoIP channels the DSP media resources provide as configured: each call between an IP and a non-IP endpoint (SIP trunk to an analogue, digital or DECT-on-card phone; ISDN line to an IP phone) takes one"
    )
    voip_mode: VoipMode | None = Field(None, description="Codecs of the VoIP channels and whether they are encrypted (secure_*: SRTP)")
    slots: list[Card] = Field(default_factory=list)
    failover_partner: Id | None = None
    role: Literal["standalone", "primary", "standby"] = "standalone"
    admin_url: str | None = None
    admin_password: SecretRef | None = None
    security: ServerSecurity | None = Field(None, description="Hardening state: exposure, default credentials, DISA, PIN policy, NTP, certificates")
    notes: Text | None = None

    @model_validator(mode="after")
    def _slots_only_on_appliances(self):
        if self.slots and self.platform is not Platform.APPLIANCE:
            raise ValueError("slots and cards only exist on an appliance (platform: appliance)")
        seen = set()
        for card in self.slots:
            if card.slot in seen:
                raise ValueError(f"slot {card.slot} holds two cards")
            seen.add(card.slot)
        return self


class NumberBlock(Record):
    first: E164
    last: E164

    @model_validator(mode="after")
    def _ordered(self):
        if len(self.first) != len(self.last) or self.last < self.first:
            raise ValueError("last number must be of the same length as the first and not before it")
        return self

    def size(self) -> int:
        return int(self.last[1:]) - int(self.first[1:]) + 1

    def contains(self, number: str) -> bool:
        return len(number) == len(self.first) and self.first <= number <= self.last


# A line's part in outgoing traffic: a fallback-only line (a backup account, an old ISDN line kept
# for outages) is tried by a route only after the primary lines.
TrunkRole = Literal["primary", "fallback"]


class SipTrunk(Record):
    id: Id
    server: Id
    provider: str
    channels: int = Field(..., ge=1)
    number_blocks: list[NumberBlock] = Field(default_factory=list)
    registrar: str | None = None
    account: str | None = None
    password: SecretRef | None = None
    transport: Literal["udp", "tcp", "tls"] = "udp"
    srtp: bool = False
    wan_link: Id | None = Field(None, description="WAN link this trunk runs over")
    codec: str = Field("G.711", description="Voice codec on the trunk (its bandwidth per call is vendor knowledge)")
    role: TrunkRole = Field("primary", description="primary: carries the traffic; fallback: used only when the primary lines fail (a route tries it after them)")
    t38: bool | None = Field(None, description="The provider and the server carry fax by T.38")
    notes: str | None = None


class IsdnLine(Record):
    id: Id
    server: Id
    kind: Literal["PRI", "BRI"]
    provider: str
    slot: int | None = Field(None, description="Slot of the card that terminates the line")
    channels: int = Field(..., ge=1, le=30)
    number_blocks: list[NumberBlock] = Field(default_factory=list)
    role: TrunkRole = Field("primary", description="primary: carries the traffic; fallback: used only when the primary lines fail (a route tries it after them)")
    notes: str | None = None


class AnalogueLine(Record):
    id: Id
    server: Id
    provider: str
    number: E164
    purpose: str | None = Field(None, description="e.g. fax, lift emergency phone, fallback")
    role: TrunkRole = Field("primary", description="primary: carries the traffic; fallback: used only when the primary lines fail (a route tries it after them)")


class PrivateLine(Record):
    """Site interconnect between communication servers (networking, QSIG, SIP tie line)."""

    id: Id
    server: Id
    remote_site: Id
    remote_server: Id | None = None
    protocol: str = Field(..., description="e.g. SIP, QSIG, AIN, IP networking")
    channels: int | None = Field(None, ge=1)
    medium: str | None = None
    notes: str | None = None


class SpecialInterfaceKind(str, Enum):
    DOOR_INTERCOM = "door_intercom"
    ALARM = "alarm"
    PAGING = "paging"
    NURSE_CALL = "nurse_call"
    LIFT = "lift"
    PMS = "pms"
    OTHER = "other"


class SpecialInterface(Record):
    id: Id
    server: Id
    kind: SpecialInterfaceKind
    name: str
    vendor: str | None = None
    model: str | None = None
    connection: str = Field(..., description="How it connects, e.g. 'SIP', 'FXS port 3 (slot 4)', 'ESPA 4.4.4 over RS-232'")
    site: Id | None = None
    firmware_version: str | None = None
    backup: Literal["system", "manual", "none"] = Field("manual", description="Backed up with the system, by hand, or not at all")
    functions: StrList = Field(default_factory=list, description="What the interface does, e.g. a hotel PMS: check-in, wake-up calls, minibar, room status")
    rights_profile: Id | None = Field(None, description="Rights profile of the interface's own extensions (lift phones, door intercoms)")
    emergency_line: Literal["copper", "pbx", "ip_adapter", "mobile"] | None = Field(
        None, description="How its alarm calls leave (lift, alarm): a copper line, through the PBX, an IP adapter or a mobile (GSM/4G) transmitter"
    )
    test_call_days: int | None = Field(None, ge=1, description="Interval of the automatic test call, days (EN 81-28: at most 3)")
    battery_min: int | None = Field(None, ge=0, description="Own backup power of the phone, transmitter or adapter, minutes")
    notes: str | None = None


class Interfaces(Record):
    """`interfaces.yaml`: everything on the left of the interface overview."""

    sip_trunks: list[SipTrunk] = Field(default_factory=list)
    isdn_lines: list[IsdnLine] = Field(default_factory=list)
    analogue_lines: list[AnalogueLine] = Field(default_factory=list)
    private_lines: list[PrivateLine] = Field(default_factory=list)
    special_interfaces: list[SpecialInterface] = Field(default_factory=list)


class TerminalType(str, Enum):
    ANALOGUE = "analogue"
    DIGITAL = "digital"
    IP = "ip"
    DECT = "dect"
    SIP_DECT = "sip_dect"
    SOFTPHONE = "softphone"
    MOBILE = "mobile"


class TerminalGroup(Record):
    """A model of terminal deployed on a site, with its count."""

    id: Id
    type: TerminalType
    vendor: str
    model: str
    count: int = Field(..., ge=0)
    server: Id
    site: Id
    firmware_version: str | None = None
    poe_class: int | None = Field(None, ge=0, le=8)
    rights_profile: Id | None = Field(None, description="Rights profile of the group's extensions (room phones, shared phones)")
    fax: bool = Field(False, description="The group is fax machines")
    notes: str | None = None


class CtiInterface(Record):
    id: Id
    server: Id
    name: str
    protocol: str = Field(..., description="e.g. TAPI, CSTA, REST API")
    product: str | None = None
    users: int | None = Field(None, ge=0)


class MobileIntegration(Record):
    id: Id
    server: Id
    product: str
    kind: Literal["mobile_extension", "app", "fmc", "dual_homing"] = "mobile_extension"
    users: int = Field(0, ge=0)
    notes: str | None = None


class ApplicationServer(Record):
    id: Id
    server: Id
    name: str
    kind: Literal["voicemail", "call_centre", "crm_lookup", "recording", "billing", "attendant", "fax", "paging", "other"]
    product: str
    version: str | None = None
    host: str | None = None
    backup: Literal["system", "manual", "none"] = "system"


class Terminals(Record):
    """`terminals.yaml`: everything on the right of the interface overview."""

    terminals: list[TerminalGroup] = Field(default_factory=list)
    cti: list[CtiInterface] = Field(default_factory=list)
    mobile_integration: list[MobileIntegration] = Field(default_factory=list)
    application_servers: list[ApplicationServer] = Field(default_factory=list)


class LookupSource(Record):
    """A caller-ID lookup source (course 5.4)."""

    id: Id
    server: Id
    kind: Literal["crm", "directory", "phonebook", "microsoft", "google", "database"]
    product: str = Field(..., description="e.g. Salesforce, HubSpot, local.ch, tel.search.ch, system phonebook")
    scope: str | None = Field(None, description="Who sees the result, e.g. all users, reception")
    match: str | None = Field(None, description="What is matched, e.g. incoming number in E.164")
    credentials: SecretRef | None = None
    entries: int | None = Field(None, ge=0)
    notes: str | None = None
