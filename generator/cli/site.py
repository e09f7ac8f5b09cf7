"""serve: a live preview of the documentation site."""

from __future__ import annotations

from pathlib import Path

import typer

from generator.audience import Audience
from generator.cli.common import AUDIENCE_HELP, LANG_METAVAR, app, fail, project_argument, resolve_project
from generator.i18n import LANGUAGES


@app.command()
def serve(
    project: Path = project_argument(),
    lang: str = typer.Option(None, "--lang", metavar=LANG_METAVAR, help=f"Language of the site ({', '.join(LANGUAGES)}); default: the project's language."),
    audience: Audience = typer.Option(Audience.CUSTOMER, "--audience", help=AUDIENCE_HELP),
    host: str = typer.Option("127.0.0.1", "--host", metavar="<address>", help="Address to listen on (keep 127.0.0.1 unless others must see the preview)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    open_browser: bool = typer.Option(False, "--open", help="Open the preview in the default browser."),
) -> None:
    """Preview the documentation site and rebuild it whenever a file of the project changes.

    Invalid data stops the preview with the same messages as `pbxdoc validate`; fix the file and
    start again. Press Ctrl+C to stop.
    """
    from generator.site.serve import serve as run_serve

    if lang is not None and lang not in LANGUAGES:
        fail(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}", 2)
    root = resolve_project(project)
    if not (root / "pbxdoc.yaml").is_file():
        fail(f"{root} holds no pbxdoc.yaml; is it a project folder?", 2)
    run_serve(root, lang, audience.value, host, port, open_browser)
