"""`pbxdoc issue`: freeze one edition of a record in the project (records/)."""

from __future__ import annotations

from pathlib import Path

import typer

from generator.audience import Audience
from generator.cli.common import AUDIENCE_HELP, LANG_METAVAR, app, console, fail, invalid, load_signer, project_argument, resolve_project, sign_option
from generator.diagnostics import InvalidProject, PbxdocError
from generator.i18n import LANGUAGES
from generator.pdf.issued import ISSUABLE


def _issuable(value: str) -> str:
    if value not in ISSUABLE:
        raise typer.BadParameter(f"unknown record {value!r}; choose one of {', '.join(ISSUABLE)}")
    return value


@app.command()
def issue(
    record: str = typer.Argument(..., metavar="RECORD", callback=_issuable, help=f"The record to issue: {', '.join(ISSUABLE)}."),
    project: Path = project_argument(),
    lang: str = typer.Option(None, "--lang", metavar=LANG_METAVAR, help=f"Language of the edition ({', '.join(LANGUAGES)}); default: the project's language."),
    audience: Audience = typer.Option(Audience.CUSTOMER, "--audience", help=AUDIENCE_HELP),
    sign: Path = sign_option(),
) -> None:
    """Issue a record: store its PDF and the digests of its data in the project (records/); later
    builds publish it byte for byte. A record whose data changed since is issued again as a reissue."""
    from generator.pdf.issue import issue as issue_record

    if lang is not None and lang not in LANGUAGES:
        fail(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}", 2)
    signer = load_signer(sign)
    try:
        done = issue_record(resolve_project(project), record, lang, audience, signer)
    except InvalidProject as e:
        invalid(e)
    except PbxdocError as e:
        fail(str(e))
    console.print(f"issued {done.doc_id} (issue {done.number}, {done.date}, {done.pages} pages) into {done.pdf}", markup=False)
