"""diagram: render one diagram for quick iteration."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from generator.audience import Audience
from generator.cli.common import AUDIENCE_HELP, LANG_METAVAR, app, console, fail, invalid, project_argument, resolve_project
from generator.diagnostics import InvalidProject, PbxdocError
from generator.diagrams import render_view
from generator.i18n import LANGUAGES
from generator.prepare import prepare


class View(str, Enum):
    OVERVIEW = "overview"
    NETWORK = "network"
    DECT = "dect"
    AVAILABILITY = "availability"
    BACKUP = "backup"


@app.command("diagram")
def diagram(
    project: Path = project_argument(),
    view: View = typer.Option(View.OVERVIEW, "--view", help="Which diagram to draw."),
    object_id: str = typer.Option(None, "--object", metavar="<id>", help="Server, site or DECT system id (default: the first one the view has)."),
    output: Path = typer.Option(None, "--output", "-o", help="File to write; .svg or .png (default: the diagram's own name in the current folder)."),
    lang: str = typer.Option(None, "--lang", metavar=LANG_METAVAR, help=f"Language of the labels ({', '.join(LANGUAGES)}); default: the project's language."),
    audience: Audience = typer.Option(Audience.CUSTOMER, "--audience", help=AUDIENCE_HELP),
) -> None:
    """Render one diagram of a project (with its compliance findings) to SVG or PNG."""
    if lang is not None and lang not in LANGUAGES:
        fail(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}", 2)
    if output is not None and output.suffix.lower() not in (".svg", ".png"):
        fail(f"{output}: the file name must end in .svg or .png", 2)
    try:
        content = prepare(resolve_project(project), audience, lang).content
        files = render_view(content.project, content.translator, view.value, object_id)
    except InvalidProject as e:
        invalid(e)
    except PbxdocError as e:
        fail(str(e))
    svg_path = next(p for p in files if p.endswith(".svg"))
    wanted = output.suffix.lower() if output is not None else ".svg"
    source = svg_path if wanted == ".svg" else svg_path[: -len(".svg")] + ".png"
    target = output if output is not None else Path(Path(source).name)
    target.write_bytes(files[source])
    console.print(f"wrote {target}", markup=False)
