"""A runbook per system as a Document: backup, restore, changes and restore drills.

Every value comes from the model; the vendor's own steps come from the step templates; the
words come from `translations/<lang>/runbooks.yaml`. The site and the PDF present the Document.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from generator.document import Admonition, Block, BulletList, Checklist, Document, Facts, Heading, Paragraph, Table, Text, escape, to_markdown
from generator.audience import Audience, AudienceTranslator, data_file
from generator.i18n import Translator
from generator.model.findings import Finding
from generator.model.project import Project
from generator.runbooks import verification
from generator.runbooks.prerequisites import (
    LOCATION_ORDER, Prerequisite, Status, archived, host_jobs_of, jobs_of, key_holder_line, manual_backups_of, readable_phone, restore_prerequisites,
)
from generator.runbooks.records import Records, RunbookTranslator
from generator.runbooks.subjects import Subject, covered_by_server, subjects
from generator.runbooks.templates import Loaded, fill, load_templates, select, steps

RESTORE_CATEGORIES = {"backup", "licences"}  # finding categories that bear on a backup or a restore
ROLE_ORDER = ("provider_support", "technician", "project_manager", "customer_referent", "it_contact", "management", "security", "impacted_person", "supplier")


class UnknownSystem(LookupError):
    """No runbook has this id."""


@dataclass
class Runbook:
    """One system's runbook: the Document, and what the site and the PDF need to file it."""

    slug: str
    system_id: str
    kind: str
    title: str
    document: Document
    blocking: tuple[str, ...]  # prerequisites the data cannot satisfy
    template: str  # id of the vendor step template used

    def markdown(self, title_level: int = 1) -> str:
        return to_markdown(self.document, title_level=title_level)


def slug_for(system_id: str) -> str:
    return "runbook-" + re.sub(r"[^a-z0-9]+", "-", system_id.lower()).strip("-")


class _Writer:
    """Builds one runbook; holds what every section of it shares."""

    def __init__(self, project: Project, records: Records, t: Translator, on: dt.date, subject: Subject, template: Loaded):
        self.project, self.records, self.t, self.on, self.s, self.loaded = project, records, t, on, subject, template
        self.slug = slug_for(subject.id)
        self.jobs = jobs_of(records, subject)
        self.host_jobs = host_jobs_of(records, subject)
        self.manual = manual_backups_of(records, subject)
        self.prereqs = restore_prerequisites(project, subject, t, on, records)
        folders = sorted({m.file.rsplit("/", 1)[0] + "/" for m in self.manual if m.file and "/" in m.file})
        self.folder = ", ".join(folders) or "backups/"
        self.values = self._values()

    # --- helpers ----------------------------------------------------------------------------
    def w(self, key: str, **values) -> str:
        return self.t.t(f"runbooks.{key}", **values)

    def missing(self, what: str) -> Text:
        return Text(f"*{escape(self.w('missing', what=what))}*", raw=True)

    def heading(self, level: int, key: str) -> Heading:
        return Heading(level, self.w(f"section.{key}"), f"{self.slug}-{key.replace('_', '-')}")

    def _values(self) -> dict:
        s = self.s
        main = s.versions[0] if s.versions else None
        entry = archived(self.project, main) if main and main.version else None
        job = self.jobs[0] if self.jobs else None
        holder = next((key_holder_line(self.project, j, self.t) for j in self.jobs if j.encrypted and j.key_holder), None)
        if job:
            destination: str | Text = job.destination
        else:
            destination = self.w("customer_folder", folder=self.folder)
        values = {
            "backup_file": self._backup_file(),
            "id": s.id, "name": s.name, "vendor": s.vendor, "model": s.model, "make": s.make,
            "version": (main.version if main and main.version else None),
            "archive": data_file(entry.file, self.t) if entry else None,
            "admin_url": s.admin_url,
            "address": s.address, "location": s.location, "destination": destination, "key_holder": holder,
        }
        title, backup, restore = self.loaded.template.manual.filled(self.t.lang, {k: values[k] or "" for k in ("id", "name", "vendor", "model", "make")})
        values.update(manual=title, manual_backup=backup, manual_restore=restore)
        return {k: (v if v is not None else self.missing(k)) for k, v in values.items()}

    def _backup_file(self) -> Text | None:
        """What to restore: the newest of the latest job backup and the latest manual backup."""
        job = max((j for j in self.jobs if j.last_success), key=lambda j: (j.last_success, -LOCATION_ORDER[j.location]), default=None)
        manual = next((m for m in self.manual if m.file or m.reference), None)
        if manual and (job is None or manual.date > job.last_success):
            return fill(self.w("backup_file.manual"), {"file": manual.file or manual.reference})
        if job or self.jobs:
            return fill(self.w("backup_file.job"), {"destination": (job or self.jobs[0]).destination})
        return None

    def steps(self, kind: str) -> tuple[Text, ...]:
        return steps(self.loaded.template, kind, self.t.lang, self.values)

    # --- sections ---------------------------------------------------------------------------
    def summary(self) -> list[Block]:
        s, p, t = self.s, self.project, self.t
        site = p.site_by_id.get(s.site or "")
        items: list[tuple[str, object]] = [
            (self.w("fact.system"), f"{s.name} ({s.id})"),
            (self.w("fact.kind"), self.w(f"kind.{s.kind}")),
            (self.w("fact.model"), s.make),
        ]
        for v in s.versions:
            items.append((self.w("fact.version", what=v.label), v.version or self.missing("version")))
        if site:
            address = site.address
            items.append((self.w("fact.site"), f"{site.name} — {address.street}, {address.postcode} {address.city}"))
            if site.access and site.access.technical_room:
                items.append((self.w("fact.technical_room"), site.access.technical_room))
        if s.location:
            items.append((self.w("fact.location"), s.location))
        if s.kind == "special_interface":
            items.append((self.w("fact.connection"), s.record.connection))
        if s.address:
            items.append((self.w("fact.address"), s.address))
        if s.kind == "server" and s.record.host:
            items.append((self.w("fact.host"), s.record.host))
        if s.admin_url:
            items.append((self.w("fact.admin_url"), s.admin_url))
        if s.server:
            server = p.server_by_id.get(s.server)
            items.append((self.w("fact.server"), f"{server.name} ({server.id})" if server else s.server))
        items.append((self.w("fact.backup"), self.w(f"mode.{s.mode}")))
        manual = self.values["manual"]
        items.append((self.w("fact.manual"), manual))
        integrator = p.pbxdoc.integrator
        support = ", ".join(x for x in (integrator.name, integrator.phone and readable_phone(integrator.phone), integrator.support_hours) if x)
        items.append((self.w("fact.support"), support))
        doc = p.pbxdoc.document
        items.append((self.w("fact.documentation"), self.w("documentation", prefix=doc.id_prefix, version=doc.version, date=t.date(doc.date), template=self.loaded.file)))
        return [Facts(tuple((k, v) for k, v in items))]

    def parts(self) -> list[Block]:
        """A DECT system's bases and repeaters: what a restore must bring back, and where they hang."""
        if self.s.kind != "dect_system":
            return []
        bases = self.project.bases_of(self.s.id)
        # Model and firmware get a column only when they differ between bases (else the summary says them).
        repeaters = [r for b in bases for r in self.project.repeaters_of(b.id)]
        varying = [c for c, values in (("model", {x.model for x in [*bases, *repeaters]}), ("firmware", {b.firmware_version for b in bases})) if len(values) > 1]
        columns = ("id", *varying, "location", "address", "switch_port", "sync")
        rows = []
        for b in bases:
            cells = {
                "id": b.id, "model": b.model, "firmware": b.firmware_version or "", "location": b.location, "address": b.address or "",
                "switch_port": " ".join(x for x in (b.switch, b.switch_port) if x),
                "sync": self.w("parts.sync", cluster=b.sync_cluster, level=b.sync_level) if b.sync_cluster and b.sync_level else "",
            }
            rows.append(tuple(cells[c] for c in columns))
            for r in self.project.repeaters_of(b.id):
                cells = {"id": r.id, "model": r.model, "firmware": "", "location": r.location, "address": "", "switch_port": "", "sync": self.w("parts.repeater_of", base=b.id)}
                rows.append(tuple(cells[c] for c in columns))
        head = tuple(self.w(f"col.{c}") for c in columns)
        return [self.heading(2, "parts"), Table(head, tuple(rows))]

    def findings(self) -> list[Block]:
        # Any finding on the system itself; on its jobs, backups, tests, changes and licences, those
        # of the categories a restore depends on.
        related = {j.id for j in self.jobs} | {m.id for m in self.manual}
        related |= {x.id for kind in ("licences", "tests", "changes") for x in self.records.of_ids(kind, self.s.ids)}
        found: list[Finding] = [
            f for f in self.project.findings
            if f.object_id in self.s.ids or (f.object_id in related and f.category in RESTORE_CATEGORIES)
        ]
        if not found:
            return [Paragraph((self.w("findings.none"),))]
        rows = tuple(
            (self.t.label("severity", f.severity), f.rule, f.title, f.message, self.w(f"finding_status.{f.status.value}"))
            for f in found
        )
        table = Table((self.w("col.severity"), self.w("col.rule"), self.w("col.title"), self.w("col.message"), self.w("col.status")), rows)
        kind = "danger" if any(f.active and f.severity.value == "error" for f in found) else "warning"
        return [Admonition(kind, self.w("findings.title", count=len(found)), (table,))]

    def backup(self) -> list[Block]:
        blocks: list[Block] = [self.heading(2, "backup"), self.heading(3, "contents")]
        includes = list(dict.fromkeys(x for j in self.jobs for x in j.includes))
        excludes = list(dict.fromkeys(x for j in self.jobs for x in j.excludes))
        if self.s.mode == "manual" or not includes:
            includes.append(self.w("contents.configuration", id=self.s.id))
        blocks.append(Paragraph((Text(self.w("contents.included"), strong=True),)))
        blocks.append(BulletList(tuple(includes)))
        covered = covered_by_server(self.project, self.s.id) if self.s.kind == "server" else []
        if covered:
            blocks.append(Paragraph((Text(self.w("contents.covered"), strong=True),)))
            blocks.append(BulletList(tuple(f"{c.name} ({c.id})" for c in covered)))
        blocks.append(Paragraph((Text(self.w("contents.excluded"), strong=True),)))
        blocks.append(BulletList(tuple(excludes) if excludes else (self.w("contents.nothing_excluded"),)))
        blocks.append(self.heading(3, "destinations"))
        host_jobs = self.host_jobs
        if self.jobs:
            for job in self.jobs:
                blocks += self.job(job)
        elif self.s.mode == "jobs" and not host_jobs:
            blocks.append(Admonition("danger", self.w("no_job.title"), (Paragraph((self.w("no_job.body", id=self.s.id),)),)))
        if host_jobs:
            blocks.append(Paragraph((self.w("host_image", host=self.s.host),)))
            for job in host_jobs:
                blocks += self.job(job)
        if self.s.mode == "manual":
            blocks.append(Paragraph((self.w("manual.intro"),)))
        if self.s.mode == "manual" or self.manual:
            blocks.append(Paragraph((self.w("manual.filed"),)))
            blocks += self.manual_backups()
        now = list(self.steps("backup_now"))
        if self.s.mode == "manual" or not self.jobs:
            example = next((m.file for m in self.manual if m.file), None)
            name = self.w("changes.file", folder=self.folder, id=self.s.id, when=self.w("changes.before") + "|" + self.w("changes.after"))
            now.append(self.w("backup_now.name_example", name=name, example=example) if example else self.w("backup_now.name", name=name))
        blocks += [self.heading(3, "backup_now"), BulletList(tuple(now), ordered=True)]
        check = list(self.steps("verify_backup"))
        for job in self.jobs:
            last = self.t.date(job.last_success) if job.last_success else self.w("prereq.never")
            check.append(self.w("verify_backup.record_job", id=job.id, date=last))
        if self.s.mode == "manual":
            check.append(self.w("verify_backup.record_manual"))
        blocks += [self.heading(3, "verify_backup"), BulletList(tuple(check), ordered=True)]
        return blocks

    def job(self, job) -> list[Block]:
        t = self.t
        title = f"{job.id} — {t.label('backup_location', job.location)}, {t.label('backup_method', job.method)}"
        rotation = job.rotation
        kept = [self.w(f"rotation.{k}", count=getattr(rotation, k)) for k in ("daily", "weekly", "monthly") if rotation and getattr(rotation, k)]
        if kept:
            rotation_text = self.w("rotation.kept", copies=", ".join(kept))
        else:
            rotation_text = self.missing("rotation")
        items: list[tuple[str, object]] = [
            (self.w("job.destination"), job.destination),
            (self.w("job.medium"), job.medium),
            (self.w("job.schedule"), f"{job.schedule or t.label('backup_schedule', 'on_demand')} — {self.w('job.automated' if job.automated else 'job.by_hand')}"),
            (self.w("job.rotation"), rotation_text),
            (self.w("job.encryption"), self.w("yes") if job.encrypted else self.w("job.not_encrypted")),
        ]
        if job.encrypted:
            items.append((self.w("job.key_holder"), key_holder_line(self.project, job, self.t) or self.missing("key_holder")))
        if job.encryption_key:
            items.append((self.w("job.key_reference"), job.encryption_key))
        if job.credentials:
            items.append((self.w("job.credentials"), job.credentials))
        items.append((self.w("job.last_success"), t.date(job.last_success) if job.last_success else self.w("prereq.never")))
        return [Heading(4, title, f"{self.slug}-{slug_for(job.id)[8:]}"), Facts(tuple(items))]

    def manual_backups(self) -> list[Block]:
        if not self.manual:
            return [Admonition("danger", self.w("no_manual.title"), (Paragraph((self.w("no_manual.body", id=self.s.id),)),))]
        filed: dict[tuple, list[str]] = {}
        for m in self.manual:  # one file may be recorded for several parts (a DECT system's bases)
            filed.setdefault((m.date, m.when, m.change or "", self._file(m.file) if m.file else m.reference or "", m.by or ""), []).append(m.device)
        rows = tuple((self.t.date(d), self.w(f"when.{w}"), c, f, b, ", ".join(sorted(devices))) for (d, w, c, f, b), devices in filed.items())
        return [Table((self.w("col.date"), self.w("col.when"), self.w("col.change"), self.w("col.file"), self.w("col.by"), self.w("col.device")), rows)]

    def restore(self) -> list[Block]:
        blocks: list[Block] = [self.heading(2, "restore")]
        blocking = [p for p in self.prereqs if p.status is Status.BLOCKING]
        if blocking:
            body = (Paragraph((self.w("blocking.body"),)), BulletList(tuple(f"{p.topic}: {p.required}" for p in blocking)))
            blocks.append(Admonition("danger", self.w("blocking.title"), body))
        rows = tuple((p.topic, p.required, self._status(p)) for p in self.prereqs)
        blocks += [self.heading(3, "prerequisites"), Table((self.w("col.prerequisite"), self.w("col.required"), self.w("col.status")), rows)]
        blocks += [self.heading(3, "restore_steps"), BulletList(self.steps("restore"), ordered=True)]
        blocks += [self.heading(3, "duration"), *self.duration()]
        checks = (*self.steps("verify_restore"), *verification.checks(self.project, self.s, self.t))
        blocks += [self.heading(3, "verify_restore"), Checklist(checks)]
        blocks += [self.heading(3, "rollback"), BulletList(self.steps("rollback"), ordered=True), *self.disaster_recovery()]
        blocks += [self.heading(3, "inform"), *self.contacts()]
        return blocks

    def _status(self, p: Prerequisite) -> Text:
        label = self.w(f"status.{p.status.value}")
        return Text(label, strong=p.status in (Status.BLOCKING, Status.WARNING))

    def duration(self) -> list[Block]:
        tests = self.tests()
        timed = [r for r in tests if r.duration_min is not None and r.result == "passed"]
        if timed:
            last = timed[0]
            longest = max(r.duration_min for r in timed)
            key = "duration.measured" if len(timed) > 1 else "duration.measured_once"
            text = self.w(key, minutes=last.duration_min, date=self.t.date(last.date), id=last.id, longest=longest, count=len(timed))
            return [Paragraph((text,))]
        return [Admonition("warning", self.w("duration.unknown.title"), (Paragraph((self.w("duration.unknown.body"),)),))]

    def disaster_recovery(self) -> list[Block]:
        dr = self.project.availability.disaster_recovery
        if self.s.kind != "server" or dr is None:
            return []
        items: list[tuple[str, object]] = [(self.w("dr.description"), dr.description)]
        if dr.site:
            site = self.project.site_by_id.get(dr.site)
            items.append((self.w("dr.site"), site.name if site else dr.site))
        if dr.rto_hours is not None:
            items.append((self.w("dr.rto"), self.w("hours", hours=self.t.number(dr.rto_hours))))
        if dr.rpo_hours is not None:
            items.append((self.w("dr.rpo"), self.w("hours", hours=self.t.number(dr.rpo_hours))))
        return [Paragraph((Text(self.w("dr.title"), strong=True),)), Facts(tuple(items))]

    def contacts(self) -> list[Block]:
        vendor = self.s.vendor.lower()

        def order(c):
            # The escalation list first, then whoever supplies this very system, then by role.
            supplies = bool(vendor) and vendor in f"{c.organisation} {c.name}".lower()
            return (c.escalation is None, c.escalation or 0, not supplies, ROLE_ORDER.index(c.role.value) if c.role.value in ROLE_ORDER else 99, c.name)

        rows = tuple(
            (
                str(c.escalation) if c.escalation else "",
                f"{c.name}, {c.organisation}",
                self._role(c),
                "\n".join(readable_phone(x) for x in (c.phone, c.mobile) if x),
                c.email or "",
            )
            for c in sorted(self.project.contacts, key=order)
        )
        head = (self.w("col.escalation"), self.w("col.name"), self.w("col.role"), self.w("col.phone"), self.w("col.email"))
        return [Paragraph((self.w("inform.intro"),)), Table(head, rows)]

    def _role(self, contact) -> str:
        role = self.t.label("contact_role", contact.role)
        if contact.function and contact.function.strip().lower() != role.lower():
            return f"{role} — {contact.function}"
        return role

    def changes(self) -> list[Block]:
        s = self.s
        blocks: list[Block] = [self.heading(2, "changes"), Paragraph((self.w("changes.intro"),))]
        # The customer's referents agree on the time; the impacted persons are told too.
        told = [c for c in self.project.contacts if c.role.value in ("customer_referent", "impacted_person")]
        referents = ", ".join(f"{c.name} ({self.t.label('contact_role', c.role)})" for c in told) or self.w("changes.referent")
        name = self.w("changes.file", folder=self.folder, id=s.id, when=self.w("changes.before"))
        blocks.append(Paragraph((Text(self.w("changes.before_title"), strong=True),)))
        blocks.append(Checklist((
            self.w("changes.announce", referents=referents),
            self.w("changes.backup_before", file=name),
            self.w("changes.record_before", id=s.id),
            self.w("changes.log"),
        )))
        after = self.w("changes.file", folder=self.folder, id=s.id, when=self.w("changes.after"))
        blocks.append(Paragraph((Text(self.w("changes.after_title"), strong=True),)))
        blocks.append(Checklist((
            self.w("changes.verify"),
            self.w("changes.backup_after", file=after),
            self.w("changes.record_after", id=s.id),
            self.w("changes.archive_version"),
            self.w("changes.inform", referents=referents),
        )))
        blocks.append(Paragraph((Text(self.w("changes.history"), strong=True),)))
        changes = sorted(self.records.of_ids("changes", s.ids), key=lambda c: (c.date, c.id), reverse=True)
        if not changes:
            return blocks + [Paragraph((self.w("changes.none"),))]
        rows = tuple((self.t.date(c.date), c.id, c.ticket or "", c.description, self._filed(c, "before"), self._filed(c, "after")) for c in changes)
        head = (self.w("col.date"), self.w("col.change"), self.w("col.ticket"), self.w("col.description"), self.w("col.backup_before"), self.w("col.backup_after"))
        return blocks + [Table(head, rows)]

    def _filed(self, change, when: str) -> Text | str:
        """The backup filed for this system before/after a change: its manual backup, or the change's
        own file when the change touched this system only."""
        mine = [m for m in self.manual if m.change == change.id and m.when == when]
        if mine:
            return "; ".join(dict.fromkeys(self._file(m.file) if m.file else m.reference or m.id for m in mine))
        if set(change.devices) <= set(self.s.ids):
            filed = getattr(change, f"backup_{when}")
            if filed:
                return self._file(filed)
        if self.s.mode == "jobs":
            return self.w("changes.jobs_only")
        return Text(self.w("changes.not_filed"), strong=True)

    def _file(self, path: str) -> str:
        """A file of the customer's folder: its path for the integrator, in words for the others."""
        return data_file(path, self.t)

    def tests(self):
        return sorted(self.records.of_ids("tests", self.s.ids), key=lambda r: (r.date, r.id), reverse=True)

    def drill(self) -> list[Block]:
        policy = self.project.pbxdoc.policy.restore_test_max_age_days
        blocks: list[Block] = [self.heading(2, "drill"), Paragraph((self.w("drill.intro", days=policy),))]
        tests = self.tests()
        if tests:
            age = (self.on - tests[0].date).days
            if age > policy:
                blocks.append(Admonition("warning", self.w("drill.overdue.title"), (Paragraph((self.w("drill.overdue.body", date=self.t.date(tests[0].date), age=age, days=policy),)),)))
        else:
            blocks.append(Admonition("warning", self.w("drill.never.title"), (Paragraph((self.w("drill.never.body", days=policy),)),)))
        blocks.append(Heading(3, self.w("drill.form"), f"{self.slug}-drill-form"))
        fields = ("date", "by", "backup_used", "target", "duration", "result", "checks", "notes", "signature")
        blocks.append(Facts(tuple((self.w(f"drill.field.{f}"), "") for f in fields)))
        blocks.append(Checklist(tuple(self.w(f"drill.step.{i}") for i in range(1, 6))))
        blocks.append(Heading(3, self.w("drill.history"), f"{self.slug}-drill-history"))
        if not tests:
            return blocks + [Paragraph((self.w("drill.none"),))]
        rows = tuple(
            (self.t.date(r.date), r.id, r.by, self.t.label("test_result", r.result), self.w("minutes", minutes=r.duration_min) if r.duration_min is not None else "", r.backup_used or "", r.notes or "")
            for r in tests
        )
        head = (self.w("col.date"), self.w("col.id"), self.w("col.by"), self.w("col.result"), self.w("col.duration"), self.w("col.backup_used"), self.w("col.notes"))
        return blocks + [Table(head, rows)]

    def runbook(self) -> Runbook:
        title = self.w("title", name=self.s.name, id=self.s.id)
        doc = Document(title, slug=self.slug)
        doc.add(*self.summary(), *self.parts(), *self.findings(), *self.backup(), *self.restore(), *self.changes(), *self.drill())
        blocking = tuple(f"{p.topic}: {p.required}" for p in self.prereqs if p.status is Status.BLOCKING)
        return Runbook(self.slug, self.s.id, self.s.kind, title, doc, blocking, self.loaded.template.id)


def _on(project: Project, on: dt.date | None) -> dt.date:
    """The date the runbook speaks of (licence state, test age): the documentation date by default."""
    return on or project.pbxdoc.document.date


def _writers(project: Project, translator: Translator, on: dt.date | None, chosen: list[Subject]) -> list[_Writer]:
    templates = load_templates(project._root)  # the project's own runbooks/ folder, when loaded from disk
    records = Records.of(project)
    # The audience of the build's translator (a plain one, e.g. a unit test's, is the customer's).
    t = RunbookTranslator(translator.lang, translator.audience if isinstance(translator, AudienceTranslator) else Audience.CUSTOMER)
    day = _on(project, on)
    return [_Writer(project, records, t, day, s, select(templates, s.kind, s.vendor, s.model, s.device_kind)) for s in chosen]


def build_runbooks(project: Project, translator: Translator, on: dt.date | None = None) -> list[Runbook]:
    """A runbook for every communication server and every peripheral device with its own backup."""
    return [w.runbook() for w in _writers(project, translator, on, subjects(project))]


def runbook_ids(project: Project) -> dict[str, str]:
    """Every id that names a runbook (a DECT base names its system's) -> the runbook's system id."""
    ids: dict[str, str] = {}
    for s in subjects(project):
        for i in s.ids:
            ids.setdefault(i, s.id)
    return ids


def runbook_for(project: Project, translator: Translator, system_id: str, on: dt.date | None = None) -> Runbook:
    """The runbook of one system (or of the system a part belongs to); UnknownSystem names the known ids."""
    owner = runbook_ids(project).get(system_id)
    if owner is None:
        known = ", ".join(s.id for s in subjects(project))
        raise UnknownSystem(f"no runbook for {system_id!r}; systems with a runbook: {known}")
    return _writers(project, translator, on, [s for s in subjects(project) if s.id == owner])[0].runbook()
