"""`pbxdoc issue RECORD`: typeset one edition of a record as issued (no DRAFT mark) and store it in
the project with what it was made from; a changed record is issued again as a reissue."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import replace
from pathlib import Path

from generator.audience import Audience
from generator.pdf import issued
from generator.pdf.layout import document_id, page
from generator.pdf.records import RECORDS
from generator.pdf.render import sources_digest
from generator.pdf.sources import source_files
from generator.pdf.typeset import PdfJob, typeset
from generator.prepare import prepare
from generator.signing import Signer


def issue(root: Path, record: str, lang: str | None, audience: Audience, signer: Signer | None = None) -> issued.Issue:
    """Issue the record (signed when a signer is given, dated by the record's generation date);
    refuses one whose sources did not change since its last issue."""
    if record not in issued.ISSUABLE:
        raise issued.IssueError(f"{record}: only {', '.join(issued.ISSUABLE)} are issued")
    prepared = prepare(root, audience, lang)
    project, content = prepared.project, prepared.content
    view, t, generated, today = content.project, content.translator, content.generated, content.today
    made = RECORDS[record](view, t, today)
    if made is None:
        raise issued.IssueError(f"{record}: the project holds no data for this record")
    previous = issued.issues(project, record, t.lang, audience.value)
    used = issued.sources(project, made.concerns)
    number = len(previous) + 1
    doc_id = document_id(project, record, t.lang, audience.value) + (f"-r{number}" if previous else "")
    if previous:
        if previous[-1].sources == used:
            raise issued.IssueError(f"{record}: unchanged since {previous[-1].doc_id} was issued on {previous[-1].date}")
        if today <= previous[-1].issued:
            raise issued.IssueError(f"{record}: a reissue must be dated after the last issue ({previous[-1].date}); set document.date")
        made = issued.as_reissue(made, project, t, previous[-1], today)
    made = replace(made, doc_id=doc_id)
    attached = source_files(view, made.concerns, audience)
    html, resources, allowed = page(made, view, t, audience.value, generated, [s.name for s in attached], sources_digest(attached))
    result = typeset(PdfJob(f"{issued.FOLDER}/{doc_id}.pdf", html, resources, allowed, str(project.root), attached, generated))
    if signer is not None:
        result = replace(result, content=signer.at(generated).sign_pdf(result.content))
    entry = issued.Issue(number, today.isoformat(), doc_id, result.path, hashlib.sha256(result.content).hexdigest(), result.pages, used)
    issued.write_issue(project.root, record, t.lang, audience.value, entry, result.content, previous)
    return entry
