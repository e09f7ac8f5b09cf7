"""Audiences: one dataset, three views. Secrets are never shown to anyone; references to them
only to the integrator."""

from __future__ import annotations

from enum import Enum

from generator.diagnostics import Location
from generator.i18n import Translator
from generator.model.base import Record
from generator.model.operations import COMMERCIAL_DOCUMENTS
from generator.model.project import Project


class Audience(str, Enum):
    CUSTOMER = "customer"  # no internal commercial data, no premises access details
    AUDITOR = "auditor"  # everything but commercial data and secret references
    INTEGRATOR = "integrator"  # everything but secrets (which are never in the data)


SECRET_FIELDS = {"admin_password", "password", "pin", "alarm_code", "encryption_key", "credentials", "key"}


def _without_secret_refs(record):
    """A copy of a record (recursively) whose secret-reference fields are emptied."""
    if isinstance(record, list):
        return [_without_secret_refs(r) for r in record]
    if not isinstance(record, Record):
        return record
    update = {}
    for name in type(record).model_fields:
        value = getattr(record, name)
        if name in SECRET_FIELDS and isinstance(value, str):
            update[name] = None
        elif isinstance(value, (Record, list)):
            new = _without_secret_refs(value)
            if new is not value:
                update[name] = new
    return record.model_copy(update=update) if update else record


def for_audience(project: Project, audience: Audience | str) -> Project:
    audience = Audience(audience)
    if audience is Audience.INTEGRATOR:
        return project
    update: dict = {}
    update["licences"] = [lic.model_copy(update={"price_chf": None}) for lic in project.licences]
    update["documents"] = [d for d in project.documents if d.kind not in COMMERCIAL_DOCUMENTS and not d.internal]
    if audience is Audience.CUSTOMER:
        update["contacts"] = [c for c in project.contacts if not c.internal]
        update["sites"] = [s.model_copy(update={"access": None}) for s in project.sites]
    for name in ("servers", "interfaces", "dect", "rights", "network", "callerid", "backups", "users", "sites", "licences"):
        update[name] = _without_secret_refs(update.get(name, getattr(project, name)))
    return project.redacted(**update)


# -- words for each reader -------------------------------------------------------------------------
# The integrator edits the data files and reads their names, keys and `file:line:column`
# locations; the customer and the auditor read the documentation, so their editions say in words
# what to record and where the evidence is. A translation key `domain.rest` has a variant for them
# at `domain.readers.rest` (e.g. checks/readers.yaml beside checks.yaml); the integrator keeps the
# precise wording.

# Which section of the documentation shows the data of each project file (its concern); the home
# page's title names the customer, so it is called by the site's word for it.
HOME = "site.home"
SECTION_OF_CONCERN = {
    "pbxdoc": HOME, "sites": HOME, "contacts": HOME, "servers": "system", "interfaces": "interfaces",
    "terminals": "terminals", "dect": "terminals", "handsets": "terminals", "users": "numbering", "numbering": "numbering",
    "routing": "routing", "rights": "rights", "network": "addressing", "addresses": "addressing", "licences": "licences",
    "changelog": "changelog", "availability": "availability", "callerid": "callerid", "backups": "backup",
    "documents": "documents", "commissioning": "documents", "waivers": "compliance", "audit": "compliance",
}


def readers_key(key: str) -> str:
    """The key of a sentence's variant for the customer and the auditor."""
    domain, _, rest = key.partition(".")
    return f"{domain}.readers.{rest}"


class AudienceTranslator(Translator):
    """A translator for one audience: the customer and auditor editions take a key's readers
    variant when there is one (words instead of file names and keys)."""

    def __init__(self, lang: str, audience: Audience | str = Audience.CUSTOMER):
        super().__init__(lang)
        self.audience = Audience(audience)

    @property
    def for_readers(self) -> bool:
        return self.audience is not Audience.INTEGRATOR

    def t(self, key: str, **values) -> str:
        if self.for_readers:
            variant = readers_key(key)
            if self.has(variant) or self.has(f"{variant}.other"):
                key = variant
        return super().t(key, **values)


def reads_data_files(t: Translator) -> bool:
    """Whether this edition names data files, keys and locations: only the integrator's (a plain
    Translator, e.g. a unit test's, is the least privileged: the customer's)."""
    return isinstance(t, AudienceTranslator) and not t.for_readers


def evidence(location: Location, project: Project, t: Translator) -> str:
    """Where a finding's evidence is: `file:line:column` for the integrator, the section of the
    documentation that shows the same data for the others."""
    if reads_data_files(t):
        return str(location)
    concern = next((c for c, file in sorted(project.files.items()) if file == location.file), None)
    if concern is None:
        concern = location.file.split("/", 1)[0].rsplit(".", 1)[0]  # a project's files are named for their concern
    section = _section(concern, t)
    return t.t("content.evidence.in_section", section=section) if section else t.t("content.evidence.customer_file")


def _section(concern: str, t: Translator) -> str | None:
    section = SECTION_OF_CONCERN.get(concern)
    if section is None:
        return None
    return t.t(section if section == HOME else f"sections.{section}.title")


def where_kept(concern: str, project: Project, t: Translator) -> str:
    """Where the data of a concern is: its file for the integrator, the section showing it for the others."""
    if reads_data_files(t):
        return project.files.get(concern, "")
    if concern not in project.files:
        return ""
    section = _section(concern, t)
    return t.t("content.evidence.in_section", section=section) if section else t.t("content.evidence.customer_file")


def data_files(project: Project, t: Translator) -> str:
    """What the customer file holds: its files for the integrator, the sections showing them for the others."""
    if reads_data_files(t):
        return ", ".join(sorted(project.files.values()))
    order = list(SECTION_OF_CONCERN)  # in the documentation's order
    concerns = sorted((c for c in project.files if c in SECTION_OF_CONCERN), key=order.index)
    return ", ".join(dict.fromkeys(section for c in concerns if (section := _section(c, t))))


def data_file(path: str | None, t: Translator) -> str:
    """A file kept in the customer file (a backup, a document): its path for the integrator, in
    words for the others."""
    if not path:
        return ""
    if reads_data_files(t) or "://" in path:  # a URL is a place outside the project, not one of its files
        return path
    return t.t("content.evidence.filed")


def finding_object(object_id: str, t: Translator) -> str:
    """What a finding concerns. A rule may qualify the object (`pbx-01:dual_homing`, the id a waiver
    names): the integrator reads that id; the others read the objects, the message says the rest."""
    if reads_data_files(t):
        return object_id
    return " + ".join(object_id.split(":", 1)[0].split("+"))
