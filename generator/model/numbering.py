"""Numbering, users, free seating and the rights matrix."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.model.base import E164, Extension, Id, IdList, Record, SecretRef, StrList


class User(Record):
    id: Id
    first_name: str
    last_name: str
    extension: Extension
    did: E164 | None = Field(None, description="Direct inward dialling number in E.164")
    department: str | None = None
    site: Id
    email: str | None = Field(None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    mobile: E164 | None = None
    rights_profile: Id
    terminal: Id | None = Field(None, description="Terminal group id of the user's main terminal")
    hot_desking: bool = Field(False, description="May log in on any free-seating desk phone")
    mobile_extension: bool = False
    dual_homing: bool = False
    voicemail: bool = True
    pin: SecretRef | None = None

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class Permission(Record):
    id: Id
    name: str
    description: str | None = None
    admin: bool = Field(False, description="This permission administers the system")


class RightsProfile(Record):
    id: Id
    name: str
    outgoing: Literal["internal", "emergency_only", "local", "national", "international"] = "national"
    permissions: IdList = Field(default_factory=list)
    blocked_prefixes: StrList = Field(default_factory=list, description="Dialled prefixes this profile may not call")
    pin_required_for: StrList = Field(default_factory=list, description="Prefixes that need a PIN")
    out_of_hours: Id | None = Field(None, description="Profile that applies outside office hours (night service), more restricted")


class AdminAccount(Record):
    """An account with administration rights; it must belong to a named person."""

    id: Id
    system: Id
    person: Id | None = Field(None, description="Contact or user id of the person who owns this account")
    profile: Id
    password: SecretRef | None = None


class Rights(Record):
    """`rights.yaml`: permissions x profiles; users point at a profile."""

    permissions: list[Permission] = Field(default_factory=list)
    profiles: list[RightsProfile] = Field(default_factory=list)
    admin_accounts: list[AdminAccount] = Field(default_factory=list)


class HotDesk(Record):
    """A free-seating desk: a phone that any hot-desking user may log in to."""

    id: Id
    site: Id
    location: str
    terminal: Id = Field(..., description="Terminal group id of the desk phone")
    extension: Extension | None = Field(None, description="Extension of the desk when nobody is logged in")


class EmergencyRoute(Record):
    site: Id
    number: Literal["112", "117", "118", "143", "144", "145", "147"]
    trunks: IdList = Field(..., min_length=1, description="Trunks the emergency call leaves by, in order")
    location_info: str | None = Field(None, description="Location sent with the call (address, building)")


class OutboundRoute(Record):
    id: Id
    server: Id
    pattern: str = Field(..., description="Dialled pattern, e.g. 0. or 00.")
    trunks: IdList = Field(..., min_length=1, description="Trunks tried in order (first = primary)")


class Numbering(Record):
    """`numbering.yaml`: departments, free seating desks, emergency and outbound routing."""

    departments: list[str] = Field(default_factory=list)
    extension_range: str | None = Field(None, description="e.g. 200-499")
    main_number: E164 | None = None
    hot_desks: list[HotDesk] = Field(default_factory=list)
    emergency_routes: list[EmergencyRoute] = Field(default_factory=list)
    outbound_routes: list[OutboundRoute] = Field(default_factory=list)
