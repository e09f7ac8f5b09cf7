"""runbook: print the backup and restore runbooks as Markdown."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from generator.audience import Audience
from generator.cli.common import AUDIENCE_HELP, LANG_METAVAR, app, fail, invalid, project_argument, resolve_project
from generator.diagnostics import InvalidProject, PbxdocError
from generator.i18n import LANGUAGES
from generator.prepare import prepare
from generator.runbooks import UnknownSystem, runbook_for


@app.command()
def runbook(
    project: Path = project_argument(),
    system: str = typer.Option(None, "--system", "-s", metavar="<id>", help="Id of one system (server, DECT system or base, device); default: every runbook."),
    lang: str = typer.Option(None, "--lang", metavar=LANG_METAVAR, help=f"Language ({', '.join(LANGUAGES)}); default: the project's language."),
    audience: Audience = typer.Option(Audience.CUSTOMER, "--audience", help=AUDIENCE_HELP),
) -> None:
    """Print the backup and restore runbooks as Markdown on standard output.

    One runbook per communication server and per peripheral device with its own backup:
    what is backed up and where, immediate backup, restore prerequisites checked against the
    data (blocking ones first), steps, verification, rollback, contacts, change checklists and
    restore drills. Vendor steps come from generator/knowledge/runbooks/*.yaml and from the
    project's own runbooks/*.yaml (same format; a file with a built-in id replaces it).
    """
    if lang is not None and lang not in LANGUAGES:
        fail(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}", 2)
    root = resolve_project(project)
    try:
        content = prepare(root, audience, lang).content
    except InvalidProject as e:
        invalid(e)
    try:
        if system:
            books = [runbook_for(content.project, content.translator, system, on=content.today)]
        else:
            books = content.runbooks
    except UnknownSystem as e:
        fail(str(e), 2)
    except PbxdocError as e:
        fail(str(e))
    # Written as is: a console would read ':name:' in customer text as an emoji code.
    sys.stdout.write("\n".join(b.markdown() for b in books))
