"""What every command shares: the Typer app, the console, project resolution and error output."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import NoReturn

import typer
from rich.console import Console

from generator.diagnostics import InvalidProject, Report
from generator.text import printable
from generator.load import DEFAULT_EXAMPLE, EXAMPLES
from generator.signing import Signer, SigningError, load_signer as load_key

app = typer.Typer(
    name="pbxdoc",
    help=(
        "Documentation and compliance generator for business telephony installations.\n\n"
        "Keep each customer's installation as plain YAML/CSV/XLSX files in a folder (a project); "
        "pbxdoc validates them, checks them against good practice and generates diagrams, a "
        "documentation site, spreadsheets and PDF records. Without PROJECT, commands use the "
        "bundled example customer."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
console = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)


class Format(str, Enum):
    TEXT = "text"
    JSON = "json"


PROJECT_HELP = "Project folder holding pbxdoc.yaml (default: the bundled example customer)."
AUDIENCE_HELP = (
    "Who the outputs are for. customer: no prices, commercial documents, internal contacts, premises "
    "access or secret references (vault:, env:); auditor: no prices, commercial documents or secret "
    "references; integrator: everything (secrets themselves are never in the data)."
)
LANG_METAVAR = "<fr|de|en>"
SIGN_HELP = (
    "Sign every PDF record (PAdES) and the manifest (manifest.json.p7s) with the key of this PKCS#12 "
    "file; its passphrase is read from the environment variable PBXDOC_SIGN_PASSPHRASE only."
)


def sign_option():
    return typer.Option(None, "--sign", metavar="FILE.p12", help=SIGN_HELP, dir_okay=False)


def load_signer(path: Path | None) -> Signer | None:
    """The signer of --sign, or None; a key that cannot be opened is a usage error (exit 2)."""
    if path is None:
        return None
    try:
        return load_key(path)
    except SigningError as e:
        fail(str(e), 2)



def project_argument() -> Path | None:
    return typer.Argument(None, help=PROJECT_HELP, show_default=False, file_okay=False)


def resolve_project(project: Path | None) -> Path:
    """The project folder to work on; a path that is no folder is a usage error (exit 2)."""
    if project is None:
        return EXAMPLES / DEFAULT_EXAMPLE
    if not project.is_dir():
        fail(f"{project} is not a folder; give the project folder that holds pbxdoc.yaml", 2)
    return project


def interactive() -> bool:
    """Progress is shown on a terminal, never in CI logs."""
    return sys.stderr.isatty() and not os.environ.get("CI")


def print_report(report: Report, fmt: Format = Format.TEXT) -> None:
    if fmt is Format.JSON:
        out.print(report.to_json(), markup=False)
        return
    for d in report.sorted():
        prefix = "error" if d.severity.value == "error" else d.severity.value
        console.print(f"{d}  [{prefix}]", markup=False)


def fail(message: str, code: int = 1) -> NoReturn:
    console.print(f"pbxdoc: {printable(message)}", markup=False)
    raise typer.Exit(code)


def invalid(e: InvalidProject) -> NoReturn:
    print_report(e.report)
    fail(str(e))
