"""serve: a live preview of the documentation site."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import typer

from generator.audience import Audience
from generator.cli.common import AUDIENCE_HELP, LANG_METAVAR, app, fail, project_argument, resolve_project
from generator.i18n import LANGUAGES


def loopback(host: str) -> bool:
    """Whether an address is reachable from this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@app.command()
def serve(
    project: Path = project_argument(),
    lang: str = typer.Option(None, "--lang", metavar=LANG_METAVAR, help=f"Language of the site ({', '.join(LANGUAGES)}); default: the project's language."),
    audience: Audience = typer.Option(Audience.CUSTOMER, "--audience", help=AUDIENCE_HELP),
    host: str = typer.Option("127.0.0.1", "--host", metavar="<address>", help="Address to listen on (keep 127.0.0.1 unless others must see the preview)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    open_browser: bool = typer.Option(False, "--open", help="Open the preview in the default browser."),
    share_internal: bool = typer.Option(False, "--share-internal", help="Allow the integrator's internal edition on an address others can reach (--host beyond loopback)."),
) -> None:
    """Preview the documentation site and rebuild it whenever a file of the project changes.

    Invalid data stops the preview with the same messages as `pbxdoc validate`; fix the file and
    start again. Press Ctrl+C to stop.
    """
    from generator.site.serve import serve as run_serve

    if lang is not None and lang not in LANGUAGES:
        fail(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}", 2)
    if audience is Audience.INTEGRATOR and not loopback(host) and not share_internal:
        fail(f"the integrator's edition holds internal data (secret references, premises access, prices); serving it on {host} lets others on the network read it: add --share-internal if that is meant, or serve another --audience", 2)
    root = resolve_project(project)
    if not (root / "pbxdoc.yaml").is_file():
        fail(f"{root} holds no pbxdoc.yaml; is it a project folder?", 2)
    run_serve(root, lang, audience.value, host, port, open_browser)
