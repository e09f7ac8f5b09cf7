"""Who and where: the project root file, sites, contacts and stakeholders."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Literal

from pydantic import Field

from generator.loaders.limits import ReadLimits
from generator.model.base import E164, FileId, Id, ProjectPath, Record, SecretRef, Text, Version
from generator.model.hardening import Retention


class Language(str, Enum):
    FR = "fr"
    DE = "de"
    EN = "en"


# Text the project words per language, e.g. {fr: Confidentiel, de: Vertraulich, en: Confidential};
# a plain string is the text in the project's language.
LocalText = Annotated[
    str | dict[Language, Text],
    Field(description="Text in the project's language, or one text per language: {fr: ..., de: ..., en: ...}"),
]


def localized(value: str | dict | None, lang: str, first: str) -> str | None:
    """The text of `lang` (a plain string is in the project's language `first`): a language the
    project does not word falls back to the project's own, so a record never goes without it."""
    if value is None or isinstance(value, str):
        return value  # the project's wording, the only one there is
    texts = {getattr(k, "value", k): v for k, v in value.items()}
    return texts.get(lang) or texts.get(first) or next(iter(texts.values()), None)


class Address(Record):
    street: str
    postcode: str
    city: str
    country: str = Field("CH", description="ISO 3166 country code")
    canton: str | None = None


class Customer(Record):
    id: FileId
    name: str
    legal_name: str | None = None
    address: Address | None = None
    website: str | None = None


class Branding(Record):
    logo: ProjectPath | None = Field(None, description="Logo file inside the project (SVG or PNG)")
    primary_color: str = Field("#1f4e79", pattern=r"^#[0-9A-Fa-f]{6}$")
    accent_color: str = Field("#e07a1f", pattern=r"^#[0-9A-Fa-f]{6}$")
    footer: str | None = None


class Integrator(Record):
    name: str
    address: Address | None = None
    phone: E164 | None = None
    email: str | None = None
    website: str | None = None
    support_hours: str | None = None
    branding: Branding = Branding()


class Revision(Record):
    """One version of the documentation: the revision table of the book, audit report and runbooks."""

    version: str
    date: dt.date
    author: str
    description: str


class Recipient(Record):
    """Who receives a copy of the documentation (the distribution list)."""

    name: str
    organisation: str
    receives: str | None = Field(None, description="What they receive, e.g. PDF by e-mail, printed copy")


class DocumentInfo(Record):
    """Metadata stamped on every generated record."""

    id_prefix: str = Field(..., pattern=r"^[A-Z0-9][A-Z0-9-]{1,30}$", description="Prefix of document ids, e.g. CDL-TEL")
    version: Version = Field(..., description="Version of the documentation, e.g. 2.1; part of the records' file names")
    date: dt.date = Field(..., description="Date of this documentation state (used as the generation date)")
    author: str
    classification: LocalText | None = Field(None, description="Classification printed on every page (default: 'Confidential' in each language)")
    reviewed_by: str | None = Field(None, description="Who reviewed this version (document control)")
    approved_by: str | None = Field(None, description="Who approved this version for release")
    revisions: list[Revision] = Field(default_factory=list, description="Revision history, oldest first")
    distribution: list[Recipient] = Field(default_factory=list)


class Policy(Record):
    """Thresholds the checks apply; defaults follow the course and good practice."""

    licence_warning_days: int = Field(60, ge=0)
    backup_max_age_days: int = Field(2, ge=0)
    restore_test_max_age_days: int = Field(90, ge=1)
    ups_max_load_percent: int = Field(75, ge=1, le=100)
    licence_headroom_percent: int = Field(95, ge=1, le=100, description="A licence used at this share or more leaves no spare")
    voicemail_pin_min_length: int = Field(6, ge=4, le=20)
    retention_max_days: int = Field(365, ge=1, description="Longest retention of call records, recordings and voicemail the customer accepts")


_DEFAULT = ReadLimits()


class Limits(Record):
    """How much pbxdoc reads before it refuses a file: a hostile or broken file (a zip bomb, a
    million-row export, a link loop) gets one clear error instead of exhausting the machine.
    Each limit can be raised for one project, up to a ceiling that still fits a modest machine."""

    file_mb: int = Field(_DEFAULT.file_mb, ge=1, le=200, description="Largest YAML or CSV data file, in MB")
    workbook_mb: int = Field(_DEFAULT.workbook_mb, ge=1, le=500, description="Largest XLSX data file on disk, in MB")
    workbook_unpacked_mb: int = Field(_DEFAULT.workbook_unpacked_mb, ge=1, le=1000, description="Largest XLSX once unpacked (all its XML parts), in MB")
    rows: int = Field(_DEFAULT.rows, ge=1, le=1_000_000, description="Rows of a table, or items of one YAML list")
    cells: int = Field(_DEFAULT.cells, ge=1, le=20_000_000, description="Cells of a table, or values of a YAML file")
    field_chars: int = Field(_DEFAULT.field_chars, ge=1, le=1_000_000, description="Characters of one value (a cell, a YAML scalar); 32,767 is Excel's own cell limit")
    project_files: int = Field(_DEFAULT.project_files, ge=1, le=1_000_000, description="Files in the project folder and its sub-folders")
    project_mb: int = Field(_DEFAULT.project_mb, ge=1, le=100_000, description="Total size of the project folder, in MB")

    def for_loaders(self) -> ReadLimits:
        return ReadLimits(**self.model_dump())


class ProjectInfo(Record):
    """The root file `pbxdoc.yaml`."""

    customer: Customer
    integrator: Integrator
    language: Language = Language.FR
    audience_languages: dict[Literal["customer", "auditor", "integrator"], Language] = Field(
        default_factory=dict,
        description="The language an audience reads when a command names none, e.g. {auditor: de}: the auditor's records in German for a French customer",
    )
    document: DocumentInfo
    confidentiality_clause: LocalText | None = Field(None, description="Printed on the cover of every record; one text per language for projects published in several")
    naming_convention: Text | None = Field(None, description="How devices are named (nomenclature)")
    labelling_principle: Text | None = Field(None, description="How devices and cables are labelled")
    data_processing: Text | None = Field(None, description="Data-processing and deletion procedures")
    special_procedures: Text | None = None
    automations: Text | None = Field(None, description="Automated functions (night service, scheduled jobs...)")
    retention: Retention | None = Field(None, description="Retention periods of call records, recordings and voicemail")
    policy: Policy = Policy()
    limits: Limits = Limits()

    def language_for(self, audience: str) -> str:
        """The language of an audience's outputs when the command names none: its own, else the project's."""
        return self.audience_languages.get(audience, self.language).value

    def classification_in(self, t) -> str:
        """The classification in t's language; the catalogue's 'Confidential' when the data gives none."""
        return localized(self.document.classification, t.lang, self.language.value) or t.t("content.classification")

    def confidentiality_clause_in(self, lang: str) -> str | None:
        return localized(self.confidentiality_clause, lang, self.language.value)


class SiteAccess(Record):
    """Premises access and security: shown to integrators and auditors, never to the customer audience."""

    hours: str | None = None
    procedure: Text | None = None
    key_holder: Id | None = Field(None, description="Contact id")
    badge_required: bool = False
    alarm_code: SecretRef | None = None
    technical_room: str | None = None


class Site(Record):
    id: FileId
    name: str
    address: Address
    role: Literal["main", "branch", "dr", "datacentre"] = "main"
    access: SiteAccess | None = None
    notes: Text | None = None


class ContactRole(str, Enum):
    PROJECT_MANAGER = "project_manager"
    TECHNICIAN = "technician"
    CUSTOMER_REFERENT = "customer_referent"
    IMPACTED_PERSON = "impacted_person"
    MANAGEMENT = "management"
    IT_CONTACT = "it_contact"
    PROVIDER_SUPPORT = "provider_support"
    SUPPLIER = "supplier"
    SECURITY = "security"


class Contact(Record):
    id: Id
    name: str
    role: ContactRole
    organisation: str
    function: str | None = None
    phone: E164 | None = None
    mobile: E164 | None = None
    email: str | None = Field(None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    site: Id | None = None
    escalation: int | None = Field(None, ge=1, description="Order in which to call (1 = first)")
    internal: bool = Field(False, description="Integrator-internal contact, hidden from the customer audience")
    notes: str | None = None
