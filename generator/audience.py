"""Audiences: one dataset, three views. Secrets are never shown to anyone; references to them
only to the integrator."""

from __future__ import annotations

from enum import Enum

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
