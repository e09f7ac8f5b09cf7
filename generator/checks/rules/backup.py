"""Backup and restore (course 6.3): automated, encrypted, secure, rotated, offsite, fresh, restorable."""

from __future__ import annotations

from collections import defaultdict

from generator.checks.registry import Category, hit, rule
from generator.diagnostics import Severity
from generator.model.operations import BackupMethod

COURSE = "Course 6.3, backup and restore of a communication solution"
INSECURE_METHODS = {BackupMethod.FTP, BackupMethod.EMAIL}
OFFSITE = {"offsite", "cloud"}
# How old a job's last success may be beyond the policy, from the shortest period it keeps.
PERIOD_DAYS = {"daily": 0, "weekly": 7, "monthly": 31}


@rule("BKP-JOB", Category.BACKUP, Severity.ERROR, COURSE + ": automated backup for every system, manual backup only for an instant action", ("message", "manual_only"))
def automated_job(ctx):
    for server in ctx.project.servers:
        jobs = ctx.jobs_of(server.id)
        if not jobs:
            yield hit(server, "id", server=server.id)
        elif not any(j.automated for j in jobs):
            yield hit(jobs[0], "automated", object_id=server.id, variant="manual_only", server=server.id)


@rule("BKP-ENCRYPT", Category.BACKUP, Severity.ERROR, COURSE + ": encrypt the backup file with a key")
def encrypted(ctx):
    for job in ctx.project.backups.jobs:
        if not job.encrypted:
            yield hit(job, "encrypted", job=job.id, system=job.system)


@rule("BKP-KEY", Category.BACKUP, Severity.WARNING, COURSE + ": an encrypted backup restores only with its key", ("no_key", "no_holder"))
def key_documented(ctx):
    for job in ctx.project.backups.jobs:
        if job.encrypted and not job.encryption_key:
            yield hit(job, "encrypted", variant="no_key", job=job.id)
        elif job.encrypted and not job.key_holder:
            yield hit(job, "encryption_key", variant="no_holder", job=job.id)


@rule("BKP-TRANSPORT", Category.BACKUP, Severity.ERROR, COURSE + ": send backups over a secure connection (SFTP, SMB3), not FTP or e-mail")
def secure_transport(ctx):
    for job in ctx.project.backups.jobs:
        if job.method in INSECURE_METHODS:
            yield hit(job, "method", job=job.id, method_key=f"model.backup_method.{job.method.value}")


@rule("BKP-ROTATION", Category.BACKUP, Severity.WARNING, COURSE + ": rotate backups over a set number of days")
def rotation(ctx):
    for job in ctx.project.backups.jobs:
        r = job.rotation
        if r is None or not (r.daily or r.weekly or r.monthly):
            yield hit(job, "rotation" if r else "schedule", job=job.id)


@rule("BKP-OFFSITE", Category.BACKUP, Severity.ERROR, COURSE + ": backup on site and off site (course 6.1)")
def offsite_copy(ctx):
    for server in ctx.project.servers:
        jobs = ctx.jobs_of(server.id)
        if jobs and not any(j.location in OFFSITE for j in jobs):
            yield hit(jobs[0], "location", object_id=server.id, server=server.id)


@rule("BKP-321", Category.BACKUP, Severity.WARNING, "Backup good practice 3-2-1 (3 copies, 2 media, 1 off site); course 6.1 and 6.3")
def three_two_one(ctx):
    for server in ctx.project.servers:
        jobs = ctx.jobs_of(server.id)
        media = {j.medium.strip().lower() for j in jobs}
        if jobs and (len(jobs) < 2 or len(media) < 2):
            yield hit(jobs[0], "medium", object_id=server.id, server=server.id, copies=len(jobs) + 1, media=len(media))


def allowed_age(job, policy_days: int) -> int:
    """The policy's age for daily jobs; a job that only keeps weekly or monthly copies runs less often."""
    r = job.rotation
    kept = [period for period in ("daily", "weekly", "monthly") if r is not None and getattr(r, period)]
    return policy_days + (PERIOD_DAYS[kept[0]] if kept else 0)


@rule("BKP-STALE", Category.BACKUP, Severity.ERROR, COURSE + "; pbxdoc.policy backup_max_age_days", ("message", "never"))
def last_success(ctx):
    for job in ctx.project.backups.jobs:
        if not job.automated:
            continue
        if job.last_success is None:
            yield hit(job, "id", variant="never", job=job.id)
            continue
        limit = allowed_age(job, ctx.policy.backup_max_age_days)
        age = ctx.days_since(job.last_success)
        if age > limit:
            yield hit(job, "last_success", job=job.id, date=job.last_success, days=age, limit=limit)


def restore_hits(ctx, systems):
    """For each (system id, record it is declared in): a hit when its last restore test failed,
    when no passed test is within the policy period, or when it never had one."""
    tests = defaultdict(list)
    for t in ctx.project.backups.restore_tests:
        tests[t.system].append(t)
    limit = ctx.policy.restore_test_max_age_days
    for system, record in systems:
        done = sorted(tests.get(system, []), key=lambda t: t.date)
        passed = [t for t in done if t.result == "passed"]
        if not done:
            yield hit(record, "id" if getattr(record, "id", None) == system else "system", object_id=system, variant="never", server=system)
        elif done[-1].result != "passed":
            yield hit(done[-1], "result", object_id=system, variant="failed", server=system, date=done[-1].date, result_key=f"model.test_result.{done[-1].result}")
        elif ctx.days_since(passed[-1].date) > limit:
            yield hit(passed[-1], "date", object_id=system, variant="stale", server=system, date=passed[-1].date, days=ctx.days_since(passed[-1].date), limit=limit)


@rule("BKP-RESTORE-TEST", Category.BACKUP, Severity.WARNING, COURSE + "; pbxdoc.policy restore_test_max_age_days", ("never", "stale", "failed"))
def restore_tested(ctx):
    yield from restore_hits(ctx, ((server.id, server) for server in ctx.project.servers))


def versioned_systems(project, device_kinds: set[str]):
    """(record, field, archive ids that may hold it, version) for every system a restore depends on:
    servers, DECT managers and bases (one per model and version), special interfaces, and the network
    devices of the kinds the conventions name (telephony gateways by default)."""
    for s in project.servers:
        yield s, "software_version", {s.id}, s.software_version
        if s.firmware_version:
            yield s, "firmware_version", {s.id}, s.firmware_version
    for d in project.dect.systems:
        if d.manager_version:
            yield d, "manager_version", {d.id}, d.manager_version
    groups: dict[tuple[str, str], list] = defaultdict(list)
    for b in project.dect.bases:
        if b.firmware_version:
            groups[(b.model, b.firmware_version)].append(b)
    for (_model, version), bases in sorted(groups.items()):
        yield bases[0], "firmware_version", {b.id for b in bases} | {b.system for b in bases}, version
    for i in project.interfaces.special_interfaces:
        if i.firmware_version:
            yield i, "firmware_version", {i.id}, i.firmware_version
    for d in project.network.devices:
        if d.firmware_version and d.kind.value in device_kinds:
            yield d, "firmware_version", {d.id}, d.firmware_version


@rule("BKP-FIRMWARE", Category.BACKUP, Severity.WARNING, COURSE + ": a restore needs the same hardware and software version; keep every version")
def firmware_archived(ctx):
    archived = {(a.system, a.version.strip().lower()) for a in ctx.project.backups.firmware_archive}
    kinds = set(ctx.generic("pbxdoc-conventions").value("firmware_archive_device_kinds"))
    for record, field, owners, version in versioned_systems(ctx.project, kinds):
        if not any((owner, version.strip().lower()) in archived for owner in owners):
            yield hit(record, field, system=record.id, version=version)


@rule("BKP-CHANGE", Category.BACKUP, Severity.WARNING, COURSE + ": every intervention on a peripheral device takes a backup before and one after", ("before", "after", "both"))
def change_backups(ctx):
    project = ctx.project
    servers = {s.id for s in project.servers}
    repeaters = {r.id for r in project.dect.repeaters}
    manual = defaultdict(set)
    for m in project.backups.manual_backups:
        if m.change:
            manual[m.change].add(m.when)
    for change in project.changelog:
        peripherals = [
            d for d in change.devices
            if d not in servers and d not in repeaters and getattr(project.equipment.get(d), "backup", "manual") != "system"
        ]
        if not peripherals:
            continue
        before = bool(change.backup_before) or "before" in manual[change.id]
        after = bool(change.backup_after) or "after" in manual[change.id]
        if not before or not after:
            variant = "both" if not (before or after) else ("before" if not before else "after")
            yield hit(change, "backup_before" if not before else "backup_after", variant=variant, change=change.id, devices=peripherals)
