"""Backup and restore (course 6.3): jobs, the 3-2-1 status per system, restore tests, archives, runbooks."""

from __future__ import annotations

from generator.audience import data_file
from generator.document import Document, Figure, Paragraph
from generator.sections.common import SectionContext, group_by, join, titled_table
from generator.sections.figures import diagram_path

MANUAL_BACKUPS_SHOWN = 30


def build(ctx: SectionContext) -> list[Document]:
    w = ctx.w
    doc = Document(w("backup.title"), slug="backup")
    doc.add(Paragraph((w("backup.intro"),)))
    doc.add(*_jobs(ctx), *_three_two_one(ctx), *_restore_tests(ctx), *_manual(ctx), *_firmware(ctx))
    books = sorted(ctx.runbooks, key=lambda book: book.slug)
    if books:
        doc.add(*titled_table(
            ctx, w("backup.runbooks"),
            [w("backup.system"), w("backup.readiness")],
            [(ctx.equipment_name(book.system_id), join(book.blocking, "\n") if book.blocking else w("backup.ready")) for book in books],
        ))
    path = diagram_path(ctx.diagrams, "backup")
    if path:
        doc.add(Figure(path, w("backup.caption")))
    return [doc]


def _rotation(ctx: SectionContext, rotation) -> str:
    if rotation is None:
        return ""
    parts = [(rotation.daily, "daily"), (rotation.weekly, "weekly"), (rotation.monthly, "monthly")]
    return join(ctx.w(f"backup.rotation.{name}", count=ctx.number(n)) for n, name in parts if n)


def _jobs(ctx: SectionContext) -> list:
    w = ctx.w
    jobs = sorted(ctx.project.backups.jobs, key=lambda j: (j.system, j.id))
    blocks = titled_table(
        ctx, w("backup.jobs"),
        [w("backup.job"), w("backup.system"), w("backup.method"), w("backup.destination"), w("backup.schedule"),
         w("backup.retention"), w("backup.encrypted"), w("backup.last_success")],
        [(j.id, ctx.equipment_name(j.system),
          join([ctx.label("backup_method", j.method), ctx.label("backup_location", j.location), None if j.automated else w("backup.manual")], "\n"),
          join([j.destination, j.medium, w("domain.details.copies", job=j.copies_job) if j.copies_job else None], "\n"), j.schedule or ctx.label("backup_schedule", "on_demand"), _rotation(ctx, j.rotation), ctx.yes_no(j.encrypted), _age(ctx, j.last_success)) for j in jobs],
    )
    keys = [(j.id, ctx.person_name(j.key_holder), ctx.secret(j.encryption_key), ctx.secret(j.credentials)) for j in jobs if j.key_holder or j.encryption_key or j.credentials]
    if keys:
        blocks += titled_table(ctx, w("backup.keys"), [w("common.id"), w("backup.key_holder"), w("backup.key"), w("backup.credentials")], keys, level=3)
    contents = [(j.id, join(j.includes, "; "), join(j.excludes, "; ")) for j in jobs if j.includes or j.excludes]
    if contents:
        blocks += titled_table(ctx, w("backup.contents"), [w("common.id"), w("backup.includes"), w("backup.excludes")], contents, level=3)
    return blocks


def _age(ctx: SectionContext, day) -> str:
    if day is None:
        return ctx.w("backup.never")
    return ctx.w("backup.dated", date=ctx.date(day), age=ctx.relative(day))


def _three_two_one(ctx: SectionContext) -> list:
    """Copies = the live data plus one per job; media = distinct media of the jobs; off-site = any job off site."""
    w = ctx.w
    rows = []
    for system, jobs in sorted(group_by(ctx.project.backups.jobs, lambda j: j.system).items()):
        copies = 1 + len(jobs)
        media = len({j.medium for j in jobs})
        offsite = sum(1 for j in jobs if j.location in ("offsite", "cloud"))
        ok = copies >= 3 and media >= 2 and offsite >= 1
        rows.append((ctx.equipment_name(system), ctx.number(copies), ctx.number(media), ctx.number(offsite), "✓" if ok else "✗"))
    blocks = titled_table(ctx, w("backup.rule_321"), [w("backup.system"), w("backup.copies"), w("backup.media"), w("backup.offsite"), w("backup.rule_met")], rows)
    if rows:
        blocks.append(Paragraph((w("backup.rule_321_explained"),)))
    return blocks


def _restore_tests(ctx: SectionContext) -> list:
    w = ctx.w
    tests = sorted(ctx.project.backups.restore_tests, key=lambda r: (r.date, r.id), reverse=True)
    return titled_table(
        ctx, w("backup.restore_tests"),
        [w("backup.date"), w("backup.system"), w("backup.result"), w("backup.backup_used"), w("common.notes")],
        [(_age(ctx, r.date), ctx.equipment_name(r.system),
          join([join([ctx.label("test_result", r.result), w("availability.minutes", minutes=ctx.number(r.duration_min)) if r.duration_min is not None else None], " — "),
                w("backup.by_person", person=r.by)], "\n"),
          join([r.backup_used, w("domain.details.ran_on", system=r.ran_on) if r.ran_on else None], "\n"), r.notes or "") for r in tests],
    )


def _manual(ctx: SectionContext) -> list:
    w = ctx.w
    backups = sorted(ctx.project.backups.manual_backups, key=lambda m: (m.date, m.id), reverse=True)
    blocks = titled_table(
        ctx, w("backup.manual_backups"),
        [w("backup.date"), w("backup.device"), w("backup.when"), w("backup.file")],
        [(join([ctx.date(m.date), m.by and w("backup.by_person", person=m.by)], "\n"), ctx.equipment_name(m.device),
          join([w(f"backup.moment.{m.when}"), m.change], "\n"), data_file(m.file, ctx.t) or m.reference or "")
         for m in backups[:MANUAL_BACKUPS_SHOWN]],
    )
    if len(backups) > MANUAL_BACKUPS_SHOWN:
        blocks.append(Paragraph((w("common.more_in_workbook", shown=ctx.number(MANUAL_BACKUPS_SHOWN), total=ctx.number(len(backups))),)))
    return blocks


def _firmware(ctx: SectionContext) -> list:
    w = ctx.w
    return titled_table(
        ctx, w("backup.firmware"),
        [w("backup.system"), w("backup.version"), w("backup.file"), w("backup.archived"), w("domain.details.sha256")],
        [(ctx.equipment_name(f.system), f.version, data_file(f.file, ctx.t), ctx.date(f.archived), f.sha256 or "")
         for f in sorted(ctx.project.backups.firmware_archive, key=lambda f: (f.system, f.archived or ctx.today, f.version))],
    )
