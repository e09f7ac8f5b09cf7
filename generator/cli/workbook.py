"""export xlsx, and the `import` commands (xlsx, csv, 3cx-users)."""

from __future__ import annotations

from pathlib import Path

import typer

from generator.audience import Audience
from generator.cli.common import AUDIENCE_HELP, LANG_METAVAR, app, console, fail, invalid, print_report, project_argument, resolve_project
from generator.diagnostics import InvalidProject, PbxdocError
from generator.i18n import LANGUAGES
from generator.pipeline import export_workbook
from generator.words import counted

export_app = typer.Typer(help="Export one output on its own (without a whole build).", no_args_is_help=True, rich_markup_mode=None)
import_app = typer.Typer(
    help=(
        "Import an integrator's own tables into a project's data files.\n\n"
        "Headers are recognised in French, German and English (e.g. 'Adresse IP', 'IP-Adresse', "
        "'IP address'); others can be mapped with --map. Every row is validated and errors name the "
        "file, sheet and cell; nothing is written unless every row is valid and the whole project "
        "still validates. A concern is written to its existing CSV or YAML file, else to "
        "<concern>.csv (an existing .xlsx of that concern is then removed). An existing file is only "
        "changed with --merge (update the imported columns of records with the same id, add new ones) or --replace. "
        "See docs/workbook.md."
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(export_app, name="export")
app.add_typer(import_app, name="import")

INTO_HELP = "Project folder to import into (holding pbxdoc.yaml)."
DRY_RUN_HELP = "Validate and report what would be written, write nothing."
MERGE_HELP = "Update the imported columns of records with the same id (address for the addressing plan), add new ones, keep the others."
REPLACE_HELP = "Replace the concern's records with the imported ones."


def _existing(merge: bool, replace: bool):
    from generator.workbook.importer import Existing

    if merge and replace:
        fail("--merge and --replace exclude each other", 2)
    return Existing.MERGE if merge else Existing.REPLACE if replace else Existing.REFUSE


def _finish(result, dry_run: bool) -> None:
    from generator.workbook.importer import concern_summary

    print_report(result.report)
    if not result.ok:
        fail(f"{counted(len(result.report.errors), 'error')}; nothing was written")
    if not result.writes:
        fail("nothing to import")
    verb = "would write" if dry_run else "wrote"
    for write in result.writes:
        console.print(f"{verb} {concern_summary(write)}", markup=False)


def _run(call) -> None:
    from generator.workbook.importer import ImportFailure

    try:
        return call()
    except ImportFailure as e:
        fail(str(e), 2)
    except InvalidProject as e:
        invalid(e)
    except PbxdocError as e:
        fail(str(e))


@export_app.command("xlsx")
def export_xlsx(
    project: Path = project_argument(),
    output: Path = typer.Option(None, "--output", "-o", help="Workbook file to write (default: <customer-id>-<lang>-<audience>.xlsx here)."),
    lang: str = typer.Option(None, "--lang", metavar=LANG_METAVAR, help=f"Language of the labels ({', '.join(LANGUAGES)}); default: the project's language."),
    audience: Audience = typer.Option(Audience.CUSTOMER, "--audience", help=AUDIENCE_HELP),
) -> None:
    """Write the customer workbook: one sheet per tabular record, with filters and print settings."""


    if lang is not None and lang not in LANGUAGES:
        fail(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}", 2)
    target = _run(lambda: export_workbook(resolve_project(project), output, lang, audience))
    console.print(f"wrote {target}", markup=False)


CONCERN_HELP = "Which data the table holds (users, addresses, licences, handsets, changelog, contacts, documents); default: from the sheet name or the headers."
MAP_HELP = 'Map a header to a field, e.g. --map "Poste=extension"; --map "Header=" leaves a column out. Repeatable.'


def import_table(
    file: Path = typer.Argument(..., help="Workbook (.xlsx) or CSV file (',' or ';' separated, UTF-8 or Windows-1252).", exists=True, dir_okay=False),
    into: Path = typer.Option(..., "--into", help=INTO_HELP, file_okay=False),
    sheet: str = typer.Option(None, "--sheet", metavar="<sheet>", help="Workbooks: the sheet to read; default: every sheet named like pbxdoc's own, else the only one."),
    concern: str = typer.Option(None, "--concern", metavar="<concern>", help=CONCERN_HELP),
    mapping: list[str] = typer.Option([], "--map", help=MAP_HELP, metavar="<header=field>"),
    dry_run: bool = typer.Option(False, "--dry-run", help=DRY_RUN_HELP),
    merge: bool = typer.Option(False, "--merge", help=MERGE_HELP),
    replace: bool = typer.Option(False, "--replace", help=REPLACE_HELP),
) -> None:
    """Import a table (a workbook's sheets, pbxdoc's own or an integrator's, or a CSV file) into the project."""
    from generator.workbook.importer import import_table_file

    existing = _existing(merge, replace)
    result = _run(lambda: import_table_file(into, file, concern=concern, sheet=sheet, mapping=mapping, existing=existing, dry_run=dry_run))
    _finish(result, dry_run)


import_app.command("xlsx")(import_table)
import_app.command("csv")(import_table)


@import_app.command("3cx-users")
def import_3cx(
    file: Path = typer.Argument(..., help="Users (extensions) CSV exported from the 3CX admin console.", exists=True, dir_okay=False),
    into: Path = typer.Option(..., "--into", help=INTO_HELP, file_okay=False),
    site: str = typer.Option(None, "--site", metavar="<id>", help="Site id of new users (default: the project's only site)."),
    rights_profile: str = typer.Option(None, "--rights-profile", metavar="<id>", help="Rights profile id of new users."),
    dry_run: bool = typer.Option(False, "--dry-run", help=DRY_RUN_HELP),
    merge: bool = typer.Option(False, "--merge", help="Update users with the same extension, add new ones, keep the others."),
    replace: bool = typer.Option(False, "--replace", help="Replace all users with those of the 3CX export."),
) -> None:
    """Import a 3CX users export: known extensions are updated, new ones added; secrets are never read."""
    from generator.workbook.threecx import import_3cx_users

    existing = _existing(merge, replace)
    result = _run(lambda: import_3cx_users(into, file, site=site, rights_profile=rights_profile, existing=existing, dry_run=dry_run))
    _finish(result, dry_run)
