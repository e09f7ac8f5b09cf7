"""Issued records are frozen: `pbxdoc issue` stores the record's PDF and what it was made from in
the project (records/), and every later build publishes that PDF byte for byte.

A record is issued once per language and audience edition. Issuing it again after its data changed
makes a reissue: a new PDF that names the issue it replaces and lists the changes of the change log
between the two dates. A record that was never issued is typeset as a draft (DRAFT on every page).

records/<record>-<lang>-<audience>.json lists the issues, oldest first, each with its date, document
id, PDF file and SHA-256, and the SHA-256 of every project file the record was made from.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from generator.audience import Audience
from generator.diagnostics import PbxdocError
from generator.document import Document, Paragraph, Table
from generator.i18n import Translator
from generator.model.project import Project
from generator.pdf.layout import Record

FOLDER = "records"
ISSUABLE = ("commissioning", "handover", "discharge", "audit")
MAX_PDF_BYTES = 64 * 1024 * 1024  # an issued record larger than this is not one pbxdoc wrote


class IssueError(PbxdocError):
    """An issued record that cannot be published as it was issued, or cannot be issued."""


@dataclass(frozen=True)
class Issue:
    number: int
    date: str  # ISO date of issue
    doc_id: str
    pdf: str  # path of the PDF inside the project
    sha256: str
    pages: int
    sources: dict[str, str]  # project file -> SHA-256, of the files the record was made from

    @property
    def issued(self) -> dt.date:
        return dt.date.fromisoformat(self.date)


def index_path(record: str, lang: str, audience: str) -> str:
    return f"{FOLDER}/{record}-{lang}-{audience}.json"


def issues(project: Project, record: str, lang: str, audience: str) -> list[Issue]:
    """The issues of one edition of a record, oldest first (none when it was never issued)."""
    path = project.file(index_path(record, lang, audience))
    if path is None:
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [Issue(**{**entry, "sources": dict(entry["sources"])}) for entry in data["issues"]]
    except (ValueError, KeyError, TypeError) as e:
        raise IssueError(f"{index_path(record, lang, audience)}: not an index of issued records ({e})") from e


def issued_editions(project: Project, record: str, audience: Audience) -> list[Issue]:
    """The last issue of each edition of a record that this audience may read (its own and the less
    privileged ones), found among the project's files (records/<record>-<lang>-<audience>.json)."""
    readable = {a.value for a in list(Audience)[: list(Audience).index(audience) + 1]}
    found = []
    for name in sorted(project.file_digests):
        folder, _, file = name.partition("/")
        if folder != FOLDER or not file.startswith(f"{record}-") or not file.endswith(".json"):
            continue
        lang, _, edition = file[len(record) + 1 : -len(".json")].partition("-")
        if edition in readable and (done := issues(project, record, lang, edition)):
            found.append(done[-1])
    return found


def as_draft(record: Record, project: Project, t: Translator, audience: Audience, today: dt.date) -> Record:
    """A record not issued in this edition: DRAFT on every page; when another edition was issued,
    the draft opens by naming it, for it shows the data of its own date and is not that record."""
    record = replace(record, draft=True)
    elsewhere = issued_editions(project, record.name, audience)
    if not elsewhere:
        return record
    doc = Document(t.t("pdf.issue.issued_title"))
    for done in elsewhere:
        doc.add(Paragraph((t.t("pdf.issue.issued_as", date=t.date(done.issued), doc_id=done.doc_id),)))
    doc.add(Paragraph((t.t("pdf.issue.draft_of", date=t.date(today)),)))
    return replace(record, documents=[doc, *record.documents], bodies=())  # the HTML is made again, for every document


def published(project: Project, issue: Issue) -> bytes:
    """The issued PDF, byte for byte; refuses one that changed since it was issued."""
    path = project.file(issue.pdf)
    if path is None or not issue.pdf.startswith(f"{FOLDER}/"):
        raise IssueError(f"{issue.pdf}: the issued record {issue.doc_id} is missing from the project")
    if path.stat().st_size > MAX_PDF_BYTES:
        raise IssueError(f"{issue.pdf}: larger than {MAX_PDF_BYTES} bytes")
    content = path.read_bytes()
    if hashlib.sha256(content).hexdigest() != issue.sha256:
        raise IssueError(f"{issue.pdf}: changed since it was issued (its SHA-256 is not the one recorded at issue); restore it from the archive")
    return content


def sources(project: Project, concerns: tuple[str, ...]) -> dict[str, str]:
    """SHA-256 of each project file the record is made from."""
    digests = project.file_digests
    return {name: digests[name] for c in concerns if (name := project.files.get(c)) and name in digests}


def changes_between(project: Project, start: dt.date, end: dt.date) -> list:
    return sorted((c for c in project.changelog if start < c.date <= end), key=lambda c: (c.date, c.id))


def as_reissue(record: Record, project: Project, t: Translator, previous: Issue, today: dt.date) -> Record:
    """The record, opened by what it replaces and the changes since that issue."""
    doc = Document(t.t("pdf.issue.reissue_title"))
    doc.add(Paragraph((t.t("pdf.issue.reissue_text", original=previous.doc_id, date=t.date(previous.issued), number=previous.number + 1),)))
    changed = changes_between(project, previous.issued, today)
    if changed:
        doc.add(Paragraph((t.t("pdf.issue.changes", start=t.date(previous.issued), end=t.date(today)),)))
        doc.add(Table(
            tuple(t.t(f"pdf.col.{c}") for c in ("date", "id", "description", "by")),
            tuple((t.date(c.date), c.id, c.description, c.author) for c in changed),
        ))
    else:
        doc.add(Paragraph((t.t("pdf.issue.no_changes", start=t.date(previous.issued), end=t.date(today)),)))
    return replace(record, documents=[doc, *record.documents], bodies=())  # the HTML is made again, for every document


def write_issue(root: Path, record: str, lang: str, audience: str, issue: Issue, content: bytes, previous: list[Issue]) -> None:
    """Store the PDF and the updated index in the project; never overwrite an issued PDF."""
    folder = root / FOLDER
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise IssueError(f"{FOLDER}: not a folder of the project")
    folder.mkdir(exist_ok=True)
    target = root / issue.pdf
    if target.exists() or target.is_symlink():
        raise IssueError(f"{issue.pdf} exists already: an issued record is never replaced")
    target.write_bytes(content)
    index = root / index_path(record, lang, audience)
    if index.is_symlink():
        raise IssueError(f"{index_path(record, lang, audience)}: a link, refused")
    entries = [asdict(i) for i in [*previous, issue]]
    index.write_text(json.dumps({"record": record, "lang": lang, "audience": audience, "issues": entries}, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
