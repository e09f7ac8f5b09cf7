"""Recorded security state of a communication server: exposure, default credentials, DISA, voicemail
PIN policy, time source and certificates. States, never secrets: an account name, not its password."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from generator.model.base import Record, StrList


class Certificate(Record):
    """A certificate the server presents or trusts, with its expiry (shown on the expiry timeline)."""

    name: str = Field(..., description="Subject or a name for it, e.g. mtx-pbx-01.cdl.local")
    purpose: Literal["sip_tls", "provisioning", "web", "other"]
    expiry: dt.date
    issuer: str | None = None


class ServerSecurity(Record):
    """How the server is hardened, as recorded at the documentation date."""

    ntp_server: str | None = Field(None, description="Time source (NTP server) the server and its phones follow")
    admin_exposed: bool = Field(False, description="The administration interface is reachable from the Internet")
    sip_exposed: bool = Field(False, description="The SIP port is open to the whole Internet (not only to the providers' addresses)")
    default_credentials: StrList = Field(default_factory=list, description="Accounts still set with the factory password (names only)")
    disa: Literal["off", "pin", "open"] = Field("off", description="Direct inward system access: off, behind a PIN, or open")
    voicemail_pin_min_length: int | None = Field(None, ge=0, le=20, description="Shortest voicemail PIN the system accepts")
    voicemail_trivial_pins_blocked: bool | None = Field(None, description="The system refuses trivial PINs (0000, 1234, the extension)")
    certificates: list[Certificate] = Field(default_factory=list)


class Retention(Record):
    """How long personal data of telephony is kept (nLPD art. 6 al. 4, GDPR art. 5(1)(e)), in days."""

    call_records_days: int | None = Field(None, ge=0, description="Call detail records (CDR, call lists, billing)")
    recordings_days: int | None = Field(None, ge=0, description="Call recordings")
    voicemail_days: int | None = Field(None, ge=0, description="Voicemail messages")
    notes: str | None = None
