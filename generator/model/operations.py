"""Licences, change log, availability, backups, documents, commissioning and waivers."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Literal

from pydantic import Field, model_validator

from generator.model.base import FileId, Id, IdList, ProjectPath, Record, SecretRef, StrList, Text


def _ordered(first: dt.date | None, second: dt.date | None, what: str) -> None:
    if first and second and second < first:
        raise ValueError(what)


class LicenceKind(str, Enum):
    EDITION = "edition"
    USERS = "users"
    HOT_DESKING = "hot_desking"
    MOBILE_EXTENSION = "mobile_extension"
    DUAL_HOMING = "dual_homing"
    AUDIO_CHANNELS = "audio_channels"
    SIP_CHANNELS = "sip_channels"
    VOIP_CHANNELS = "voip_channels"  # media gateway channels between IP and non-IP endpoints (Mitel: VoIP Channels for Standard Media Switch)
    ENCRYPTION = "encryption"
    DECT = "dect"
    APPLICATION = "application"
    MAINTENANCE = "maintenance"
    OTHER = "other"


class Licence(Record):
    id: Id
    item: str
    kind: LicenceKind
    system: Id = Field(..., description="Server or device the licence is for")
    quantity: int = Field(..., ge=0)
    used: int | None = Field(None, ge=0, description="In use as last counted (checks also count from the data)")
    edition: str | None = None
    key: SecretRef | None = Field(None, description="Reference to the licence key, never the key")
    start: dt.date | None = None
    expiry: dt.date | None = None
    contract: str | None = Field(None, description="Maintenance or subscription contract reference")
    price_chf: float | None = Field(None, ge=0, description="Internal commercial data, hidden from the customer audience")

    @model_validator(mode="after")
    def _dates(self):
        _ordered(self.start, self.expiry, "expiry is before start")
        return self


class BackupRef(Record):
    """A manual backup filed with the customer (before or after a change)."""

    date: dt.date
    file: ProjectPath | None = None
    reference: str | None = Field(None, description="Where it is filed when not in the project")


class Change(Record):
    id: Id
    date: dt.date
    author: str
    ticket: str | None = None
    description: Text
    devices: IdList = Field(default_factory=list, description="Servers and devices touched")
    backup_before: ProjectPath | None = Field(None, description="Backup file taken before the change")
    backup_after: ProjectPath | None = Field(None, description="Backup file taken after the change")
    backup_before_date: dt.date | None = None
    backup_after_date: dt.date | None = None

    @model_validator(mode="after")
    def _dates(self):
        _ordered(self.backup_before_date, self.date, "backup_before_date is after the change date")
        _ordered(self.date, self.backup_after_date, "backup_after_date is before the change date")
        return self


class Ups(Record):
    id: Id
    site: Id
    model: str
    capacity_va: int = Field(..., ge=1)
    capacity_w: int = Field(..., ge=1)
    runtime_min: int | None = Field(None, ge=0, description="Runtime at the current load, minutes")
    runtime_tested: dt.date | None = Field(None, description="When the runtime was measured (a discharge test), not read from the display")
    load_w: float | None = Field(None, ge=0, description="Measured load in watts")
    powers: IdList = Field(default_factory=list, description="Ids of servers and devices on this UPS")
    battery_date: dt.date | None = None


class WanLink(Record):
    id: Id
    site: Id
    provider: str
    medium: Literal["fibre", "dsl", "catv", "4g", "5g", "satellite", "leased_line"]
    bandwidth: str | None = None
    uplink_mbps: float | None = Field(None, gt=0, description="Upload bandwidth in Mbit/s, what outgoing voice shares")
    router: Id | None = Field(None, description="Router or ONT device id")
    role: Literal["primary", "backup", "load_balanced"] = "primary"


class DisasterRecovery(Record):
    site: Id | None = Field(None, description="Fallback site id")
    description: Text
    rto_hours: float | None = Field(None, ge=0)
    rpo_hours: float | None = Field(None, ge=0)


class Availability(Record):
    """`availability.yaml`: UPS, WAN links and the disaster-recovery arrangement (failover is on the servers)."""

    ups: list[Ups] = Field(default_factory=list)
    wan_links: list[WanLink] = Field(default_factory=list)
    disaster_recovery: DisasterRecovery | None = None
    generator: str | None = Field(None, description="Standby generator, if any")


class BackupMethod(str, Enum):
    LOCAL = "local"
    FTP = "ftp"
    SFTP = "sftp"
    SMB = "smb"
    EMAIL = "email"
    CLOUD = "cloud"
    USB = "usb"


class Rotation(Record):
    daily: int = Field(0, ge=0)
    weekly: int = Field(0, ge=0)
    monthly: int = Field(0, ge=0)


class BackupJob(Record):
    id: Id
    system: Id = Field(..., description="Server or device backed up")
    method: BackupMethod
    location: Literal["onsite", "offsite", "cloud"]
    destination: str = Field(..., description="Host and path (no credentials), e.g. sftp://backup.example.ch/cdl/mitel")
    medium: str = Field(..., description="Storage medium, e.g. appliance flash, NAS disk, cloud object storage")
    schedule: str | None = Field(None, description="When it runs, e.g. daily 02:30; required for an automated job (a manual job runs when someone starts it)")
    automated: bool = True
    rotation: Rotation | None = None
    encrypted: bool = False
    encryption_key: SecretRef | None = None
    key_holder: Id | None = Field(None, description="Contact id of whoever holds the encryption key")
    credentials: SecretRef | None = None
    copies_job: Id | None = Field(None, description="The job whose destination this job copies (a second, off-site copy of the same files)")
    includes: StrList = Field(default_factory=list, description="What the backup contains")
    excludes: StrList = Field(default_factory=list, description="What it does not contain (and where that is kept)")
    last_success: dt.date | None = None

    @model_validator(mode="after")
    def _schedule(self):
        if self.automated and not (self.schedule or "").strip():
            raise ValueError("an automated job needs its schedule (a job started by hand: automated: false)")
        return self


class ManualBackup(Record):
    id: Id
    device: Id
    date: dt.date
    when: Literal["before", "after", "routine"]
    change: Id | None = None
    file: ProjectPath | None = None
    reference: str | None = None
    by: str | None = None


class FirmwareArchive(Record):
    system: Id = Field(..., description="Server or device id")
    version: str
    file: str = Field(..., description="Where the installer or firmware image is archived")
    sha256: str | None = Field(None, pattern=r"^[0-9a-f]{64}$")
    archived: dt.date | None = None


class RestoreTest(Record):
    id: Id
    system: Id
    date: dt.date
    by: str
    result: Literal["passed", "failed", "partial"]
    duration_min: int | None = Field(None, ge=0)
    backup_used: str | None = None
    ran_on: str | None = Field(None, description="The system the restore ran on, e.g. a spare appliance or a lab VM")
    notes: Text | None = None


class Backups(Record):
    """`backups.yaml`: jobs, manual backups of peripheral devices, firmware archive, restore tests."""

    jobs: list[BackupJob] = Field(default_factory=list)
    manual_backups: list[ManualBackup] = Field(default_factory=list)
    firmware_archive: list[FirmwareArchive] = Field(default_factory=list)
    restore_tests: list[RestoreTest] = Field(default_factory=list)


class DocumentKind(str, Enum):
    OFFER = "offer"
    QUOTE = "quote"
    ORDER = "order"
    DELIVERY_NOTE = "delivery_note"
    INVOICE = "invoice"
    COMMISSIONING_RECORD = "commissioning_record"
    HANDOVER_RECORD = "handover_record"
    LIABILITY_DISCHARGE = "liability_discharge"
    CORRESPONDENCE = "correspondence"
    PHOTO = "photo"
    MANUAL = "manual"
    PROCEDURE = "procedure"
    DATA_PROCESSING = "data_processing"
    CONTRACT = "contract"
    OTHER = "other"


COMMERCIAL_DOCUMENTS = {DocumentKind.OFFER, DocumentKind.QUOTE, DocumentKind.ORDER, DocumentKind.INVOICE, DocumentKind.DELIVERY_NOTE, DocumentKind.CONTRACT}


class Document(Record):
    id: FileId
    kind: DocumentKind
    title: str
    date: dt.date
    file: ProjectPath | None = Field(None, description="File inside the project folder")
    reference: str | None = Field(None, description="Where it is filed when it is not in the project")
    internal: bool = Field(False, description="Hidden from the customer audience (commercial documents always are)")


class Instrument(Record):
    """Test equipment used at acceptance: a measured value is worth what its instrument is."""

    id: Id
    name: str = Field(..., description="Make and model, e.g. Fluke LinkIQ")
    serial: str | None = None
    calibrated: dt.date | None = Field(None, description="Date of the last calibration")


class AcceptanceTest(Record):
    id: Id
    area: str = Field(..., description="e.g. trunks, emergency calls, DECT, voicemail")
    description: str
    expected: str | None = Field(None, description="Acceptance criterion, e.g. registration < 60 s")
    measured: str | None = Field(None, description="Value measured or observed, e.g. 38 s")
    instrument: Id | None = Field(None, description="Id of the instrument used (instruments)")
    result: Literal["passed", "failed", "not_tested"]
    date: dt.date
    by: str
    notes: str | None = None


class OpenPoint(Record):
    id: Id
    description: str
    owner: str
    raised: dt.date | None = Field(None, description="When the point was raised (a record lists the points of its date)")
    due: dt.date | None = None
    closed: bool = False
    closed_on: dt.date | None = None

    @model_validator(mode="after")
    def _dates(self):
        _ordered(self.raised, self.closed_on, "closed_on is before raised")
        if self.closed_on and not self.closed:
            raise ValueError("closed_on is set but closed is false")
        return self


class Acceptance(Record):
    date: dt.date
    accepted: bool
    reservations: Text | None = None
    integrator_signatory: Id = Field(..., description="Contact id")
    customer_signatory: Id = Field(..., description="Contact id")
    backup: BackupRef | None = Field(None, description="The configuration backup taken at acceptance")


class HandoverItem(Record):
    item: str
    kind: Literal["document", "training", "access", "hardware", "other"]
    quantity: int | None = Field(None, ge=1)
    serials: StrList = Field(default_factory=list, description="Serial numbers of the hardware handed over")
    warranty_start: dt.date | None = None
    trainer: str | None = Field(None, description="Who gave the training")
    participants: StrList = Field(default_factory=list, description="Who attended the training")
    recipient: Id | None = Field(None, description="Contact id")
    date: dt.date | None = None
    notes: str | None = None


class Maintenance(Record):
    """The maintenance contract that starts at handover, and the service level it promises."""

    contract: str = Field(..., description="Contract reference")
    provider: str
    start: dt.date
    end: dt.date | None = None
    sla: Text = Field(..., description="Service level: hours, response and restore times")
    licence: Id | None = Field(None, description="Id of the maintenance licence in licences")


class Commissioning(Record):
    """`commissioning.yaml`: what the PV de mise en service and the handover record are made from."""

    date: dt.date
    scope: Text
    tests: list[AcceptanceTest] = Field(default_factory=list)
    open_points: list[OpenPoint] = Field(default_factory=list)
    acceptance: Acceptance | None = None
    handover: list[HandoverItem] = Field(default_factory=list)
    instruments: list[Instrument] = Field(default_factory=list)
    maintenance: Maintenance | None = None
    liability_exclusions: StrList = Field(default_factory=list, description="What the integrator is discharged of, each a sentence")


class Waiver(Record):
    """An accepted finding: stays visible as waived until it expires."""

    rule: str = Field(..., pattern=r"^[A-Z]+-[A-Z0-9-]+$")
    object: str = Field(..., description="Id of the object the finding concerns ('*' for all)")
    justification: Text
    accepted_by: str
    date: dt.date
    expiry: dt.date

    @model_validator(mode="after")
    def _dates(self):
        _ordered(self.date, self.expiry, "expiry is before the date of acceptance")
        return self
