"""What a restore needs, checked against the data: same hardware, same archived software version,
a licence in force, a backup to restore from and someone who holds its key.

A prerequisite the data cannot satisfy is *blocking*: the runbook shows it at the top of the
restore procedure, so that nobody starts a restore that cannot succeed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from generator.audience import data_file
from generator.i18n import Translator
from generator.model.operations import BackupJob, FirmwareArchive, ManualBackup
from generator.model.project import Project
from generator.phones import readable
from generator.runbooks.records import Records
from generator.runbooks.subjects import Subject, Version


class Status(str, Enum):
    OK = "ok"
    CHECK = "check"  # the data says what to check; only the technician on site can confirm it
    WARNING = "warning"
    BLOCKING = "blocking"


@dataclass(frozen=True)
class Prerequisite:
    topic: str
    required: str
    status: Status


def archived(project: Project, version: Version) -> FirmwareArchive | None:
    """The archive entry of this exact version, for the component or a part running the same version."""
    owners = {version.component, *version.parts}
    for entry in project.backups.firmware_archive:
        if entry.system in owners and entry.version == version.version:
            return entry
    return None


LOCATION_ORDER = {"onsite": 0, "offsite": 1, "cloud": 2}


def jobs_of(records: Records, subject: Subject) -> list[BackupJob]:
    """The system's backup jobs, on-site copies first (the quickest to restore from)."""
    return sorted(records.of_ids("jobs", subject.ids), key=lambda j: (LOCATION_ORDER[j.location], j.id))


def host_jobs_of(records: Records, subject: Subject) -> list[BackupJob]:
    """Image backups of the hypervisor the system runs on: a second way back for a virtual machine."""
    if not subject.host:
        return []
    return sorted(records.of_ids("jobs", (subject.host,)), key=lambda j: (LOCATION_ORDER[j.location], j.id))


def manual_backups_of(records: Records, subject: Subject) -> list[ManualBackup]:
    """Manual backups of the system or its parts, newest first."""
    return sorted(records.of_ids("manual", subject.ids), key=lambda m: (m.date, m.id), reverse=True)


def contact_line(project: Project, contact_id: str | None) -> str | None:
    """A contact as a technician needs it at night: name, organisation, phone."""
    contact = project.contact_by_id.get(contact_id) if contact_id else None
    if contact is None:
        return None
    phone = contact.mobile or contact.phone
    return ", ".join(p for p in (contact.name, contact.organisation, phone and readable_phone(phone)) if p)


def key_holder_line(project: Project, job: BackupJob, t: Translator) -> str | None:
    """Who holds a job's key; a holder left out of this edition (an internal contact, for the
    customer) is still named as existing, so that the key is not taken for lost."""
    if not job.key_holder:
        return None
    return contact_line(project, job.key_holder) or t.t("runbooks.prereq.holder_not_listed")


def readable_phone(number: str) -> str:
    """An E.164 number grouped as people dial it, per its country, with no-break spaces so that a
    narrow table never splits it (the one formatter of generator.phones)."""
    return readable(number)


def _hardware(project: Project, subject: Subject, t: Translator) -> Prerequisite:
    record = subject.record
    parts = [subject.make]
    if subject.kind == "server":
        parts.append(t.label("platform", record.platform))
        if record.host:
            parts.append(t.t("runbooks.prereq.host", host=record.host))
        if record.slots:
            cards = "; ".join(
                t.t("runbooks.prereq.card", slot=c.slot, type=c.type) + (f" ({', '.join(c.modules)})" if c.modules else "")
                for c in sorted(record.slots, key=lambda c: c.slot)
            )
            parts.append(t.t("runbooks.prereq.cards", cards=cards))
        if record.power_supply:
            parts.append(t.t("runbooks.prereq.power_supply", supply=t.t(f"runbooks.psu.{record.power_supply}")))
        if record.serial:
            parts.append(t.t("runbooks.prereq.serial", serial=record.serial))
    elif subject.kind == "dect_system":
        bases = project.bases_of(subject.id)
        models: dict[str, int] = {}
        for b in bases:
            models[b.model] = models.get(b.model, 0) + 1
        parts += [t.t("runbooks.prereq.bases", count=n, model=m) for m, n in sorted(models.items())]
    return Prerequisite(t.t("runbooks.prereq.same_hardware"), " — ".join(parts), Status.CHECK)


def _software(project: Project, subject: Subject, t: Translator) -> list[Prerequisite]:
    found = []
    for version in subject.versions:
        owners = ", ".join((version.component, *version.parts))
        topic = t.t("runbooks.prereq.same_version", what=version.label)
        if not version.version:
            found.append(Prerequisite(topic, t.t("runbooks.prereq.version_unknown", owners=owners), Status.BLOCKING))
            continue
        entry = archived(project, version)
        if entry is None:
            found.append(Prerequisite(topic, t.t("runbooks.prereq.not_archived", version=version.version, owners=owners), Status.BLOCKING))
            continue
        text = t.t("runbooks.prereq.archived", version=version.version, file=data_file(entry.file, t))
        if entry.sha256:
            text += " — " + t.t("runbooks.prereq.sha256", sha256=entry.sha256)
        if entry.archived:
            text += " — " + t.t("runbooks.prereq.archived_on", date=t.date(entry.archived))
        found.append(Prerequisite(topic, text, Status.OK))
    return found


def _licences(project: Project, records: Records, subject: Subject, t: Translator, on: dt.date) -> list[Prerequisite]:
    licences = records.of_ids("licences", subject.ids)
    if not licences:
        if subject.kind == "server":
            return [Prerequisite(t.t("runbooks.prereq.licence"), t.t("runbooks.prereq.no_licence"), Status.WARNING)]
        return []
    warn_days = project.pbxdoc.policy.licence_warning_days
    found = []
    permanent = [lic.id for lic in sorted(licences, key=lambda x: x.id) if lic.expiry is None]
    if permanent:
        found.append(Prerequisite(t.t("runbooks.prereq.licence"), t.t("runbooks.prereq.licence_open", ids=", ".join(permanent)), Status.OK))
    for lic in sorted((x for x in licences if x.expiry is not None), key=lambda x: (x.expiry, x.id)):
        what = f"{lic.item} ({lic.id})"
        if lic.expiry < on:
            found.append(Prerequisite(t.t("runbooks.prereq.licence"), t.t("runbooks.prereq.licence_expired", what=what, date=t.date(lic.expiry)), Status.BLOCKING))
        elif (lic.expiry - on).days <= warn_days:
            found.append(Prerequisite(t.t("runbooks.prereq.licence"), t.t("runbooks.prereq.licence_expiring", what=what, date=t.date(lic.expiry), days=(lic.expiry - on).days), Status.WARNING))
        else:
            found.append(Prerequisite(t.t("runbooks.prereq.licence"), t.t("runbooks.prereq.licence_valid", what=what, date=t.date(lic.expiry)), Status.OK))
    return found


def _backup(project: Project, records: Records, subject: Subject, t: Translator) -> list[Prerequisite]:
    topic = t.t("runbooks.prereq.backup")
    jobs = jobs_of(records, subject)
    manual = manual_backups_of(records, subject)
    host_jobs = host_jobs_of(records, subject)
    found = []
    for job in jobs:
        when = t.date(job.last_success) if job.last_success else t.t("runbooks.prereq.never")
        text = t.t("runbooks.prereq.job", id=job.id, destination=job.destination, date=when)
        found.append(Prerequisite(topic, text, Status.OK if job.last_success else Status.WARNING))
    if manual:
        latest = manual[0]
        where = data_file(latest.file, t) if latest.file else latest.reference or "?"
        found.append(Prerequisite(topic, t.t("runbooks.prereq.manual", file=where, date=t.date(latest.date), when=t.t(f"runbooks.when.{latest.when}")), Status.OK))
    own = bool(found)
    if not own:
        key = "runbooks.prereq.no_job" if subject.mode == "jobs" else "runbooks.prereq.no_manual"
        # An image of the host is a way back, but not the system's own backup: a warning, not a block.
        status = Status.WARNING if host_jobs else Status.BLOCKING
        found.append(Prerequisite(topic, t.t(key, id=subject.id), status))
    for job in host_jobs:
        when = t.date(job.last_success) if job.last_success else t.t("runbooks.prereq.never")
        text = t.t("runbooks.prereq.host_job", host=subject.host, id=job.id, destination=job.destination, date=when)
        found.append(Prerequisite(topic, text, Status.OK if job.last_success else Status.WARNING))
    jobs = jobs + host_jobs
    holders: dict[str | None, list[str]] = {}
    for job in (j for j in jobs if j.encrypted):
        holders.setdefault(key_holder_line(project, job, t), []).append(job.id)
    for holder, ids in sorted(holders.items(), key=lambda kv: kv[1]):
        if holder:
            found.append(Prerequisite(t.t("runbooks.prereq.key"), t.t("runbooks.prereq.key_holder", id=", ".join(ids), holder=holder), Status.CHECK))
        else:
            found.append(Prerequisite(t.t("runbooks.prereq.key"), t.t("runbooks.prereq.no_key_holder", id=", ".join(ids)), Status.BLOCKING))
    return found


def _access(project: Project, subject: Subject, t: Translator) -> list[Prerequisite]:
    site = project.site_by_id.get(subject.site or "")
    if site is None or site.access is None:
        return []
    access = site.access
    parts = [site.name]
    if access.technical_room:
        parts.append(access.technical_room)
    if access.hours:
        parts.append(t.t("runbooks.prereq.hours", hours=access.hours))
    holder = contact_line(project, access.key_holder)
    if holder:
        parts.append(t.t("runbooks.prereq.site_key", holder=holder))
    if access.procedure:
        parts.append(access.procedure)
    return [Prerequisite(t.t("runbooks.prereq.access"), " — ".join(parts), Status.CHECK)]


def restore_prerequisites(project: Project, subject: Subject, t: Translator, on: dt.date, records: Records | None = None) -> list[Prerequisite]:
    """Every prerequisite of a restore of this system, in the order a technician checks them."""
    records = records or Records.of(project)
    return [
        _hardware(project, subject, t),
        *_software(project, subject, t),
        *_licences(project, records, subject, t, on),
        *_backup(project, records, subject, t),
        *_access(project, subject, t),
    ]
