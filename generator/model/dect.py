"""Internal wireless (course 5.3): monocell and multicell DECT systems."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from generator.model.base import FileId, Id, IPAddress, Record, SecretRef


class DectSystem(Record):
    id: FileId
    name: str
    kind: Literal["monocell", "multicell"]
    connection: Literal["sip", "proprietary", "analogue"] = "sip"
    server: Id = Field(..., description="Communication server the handsets register to")
    site: Id
    vendor: str
    manager_model: str | None = Field(None, description="DECT manager / controller model for multicell, e.g. Yealink W90DM")
    manager_address: IPAddress | None = None
    manager_version: str | None = None
    sync: Literal["radio", "lan_ptp", "none"] = Field("radio", description="How bases synchronise: over the air, over the LAN by PTPv2 (IEEE 1588), or not at all (monocell)")
    admin_password: SecretRef | None = None
    notes: str | None = None


class DectBase(Record):
    id: Id
    system: Id
    site: Id
    model: str
    location: str = Field(..., description="Where it hangs, e.g. 'Bâtiment A, 2e, couloir est'")
    address: IPAddress | None = None
    firmware_version: str | None = None
    switch: Id | None = Field(None, description="PoE switch (device id) feeding this base")
    switch_port: str | None = None
    poe_class: int | None = Field(None, ge=0, le=8)
    sync_cluster: int | None = Field(None, ge=1)
    sync_level: int | None = Field(None, ge=1, le=10, description="1 = sync master of its cluster")
    busy_calls: int | None = Field(None, ge=0, le=1000, description="Most simultaneous calls in the base's cell, its repeaters' included (from the system's traffic statistics or the site survey)")


class DectRepeater(Record):
    id: Id
    base: Id = Field(..., description="The base this repeater is registered to")
    model: str
    location: str
    upstream: Id | None = Field(None, description="Set only if the repeater hangs off another repeater (cascading, not allowed)")


class Handset(Record):
    id: Id
    system: Id
    model: str
    user: Id | None = Field(None, description="User id the handset belongs to")
    extension: str | None = Field(None, pattern=r"^[0-9*#]{1,10}$")
    ipei: str | None = Field(None, pattern=r"^[0-9A-Fa-f ]{10,16}$")
    base: Id | None = Field(None, description="Registration base (monocell) or home base")
    firmware_version: str | None = None
    notes: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _extension_as_text(cls, data):
        if isinstance(data, dict) and isinstance(data.get("extension"), int):
            data = {**data, "extension": str(data["extension"])}
        return data


class Dect(Record):
    """`dect.yaml`: systems, bases, repeaters (handsets are a table of their own)."""

    systems: list[DectSystem] = Field(default_factory=list)
    bases: list[DectBase] = Field(default_factory=list)
    repeaters: list[DectRepeater] = Field(default_factory=list)
