"""`pbxdoc pdf`: only the PDF records, for one audience and language, optionally one record."""

from __future__ import annotations

from pathlib import Path

import typer

from generator.audience import Audience
from generator.cli.common import AUDIENCE_HELP, LANG_METAVAR, app, console, fail, invalid, load_signer, project_argument, resolve_project, sign_option
from generator.diagnostics import InvalidProject, PbxdocError
from generator.i18n import LANGUAGES
from generator.output import OutputRefused
from generator.pipeline import build_pdfs
from generator.words import counted

RECORD_NAMES = ("book", "commissioning", "handover", "discharge", "audit", "runbook")


def _record_name(value: str) -> str:
    if value not in RECORD_NAMES:
        raise typer.BadParameter(f"unknown record {value!r}; choose one of {', '.join(RECORD_NAMES)}")
    return value


@app.command()
def pdf(
    project: Path = project_argument(),
    output: Path = typer.Option(Path("build-pdf"), "--output", "-o", help="Output folder (pdf/ and manifest.json); replaced only when every PDF was made."),
    lang: str = typer.Option(None, "--lang", metavar=LANG_METAVAR, help=f"Language of the records ({', '.join(LANGUAGES)}); default: the project's language."),
    audience: Audience = typer.Option(Audience.CUSTOMER, "--audience", help=AUDIENCE_HELP),
    record: list[str] = typer.Option([], "--record", metavar="<record>", callback=lambda values: [_record_name(v) for v in values], help=f"Make only this record (repeatable): {', '.join(RECORD_NAMES)}."),
    sign: Path = sign_option(),
) -> None:
    """Generate the PDF/A-3a records (commissioning, handover, discharge, audit, runbooks, documentation book)."""
    if lang is not None and lang not in LANGUAGES:
        fail(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}", 2)
    signer = load_signer(sign)
    try:
        results, refused = build_pdfs(resolve_project(project), output, lang, audience, tuple(record), signer)
    except InvalidProject as e:
        invalid(e)
    except OutputRefused as e:
        fail(str(e), 2)
    except PbxdocError as e:
        fail(str(e))
    for line in refused:
        console.print(f"warning: {line}", markup=False)
    pages = sum(r.pages for r in results)
    console.print(f"wrote {counted(len(results), 'PDF')}, {counted(pages, 'page')}, into {output / 'pdf'}", markup=False)
