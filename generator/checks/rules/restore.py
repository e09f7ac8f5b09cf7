"""Restore tests of every backed-up system beyond the communication servers (hypervisors, DECT
managers, application servers): the policy's restore-test period applies to whatever is backed up."""

from __future__ import annotations

from generator.checks.registry import Category, rule
from generator.checks.rules.backup import COURSE, restore_hits
from generator.diagnostics import Severity


@rule("BKP-RESTORE-SYSTEM", Category.BACKUP, Severity.WARNING, COURSE + "; pbxdoc.policy restore_test_max_age_days", ("never", "stale", "failed"))
def restore_tested_beyond_servers(ctx):
    servers = {s.id for s in ctx.project.servers}
    first_job: dict = {}
    for job in ctx.project.backups.jobs:
        if job.system not in servers:
            first_job.setdefault(job.system, job)
    yield from restore_hits(ctx, sorted(first_job.items()))
