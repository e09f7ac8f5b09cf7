"""validate, init, schema, build, verify."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import typer

from generator.audience import Audience
from generator.cli.common import AUDIENCE_HELP, Format, LANG_METAVAR, app, console, fail, interactive, invalid, load_signer, out, print_report, project_argument, resolve_project, sign_option
from generator.diagnostics import InvalidProject, PbxdocError
from generator.i18n import LANGUAGES
from generator.load import EXAMPLES, SMALL_EXAMPLE, validate
from generator.output import MANIFEST_SIGNATURE, OutputRefused, verify as verify_output, written_by_pbxdoc
from generator.pipeline import RENDERER_NAMES, BuildOptions, StrictFailure, build as run_build
from generator.schema import write_schemas
from generator.text import printable
from generator.words import counted
from generator.signing import SigningError, load_trust, verify_signatures


@app.command("validate")
def validate_command(
    project: Path = project_argument(),
    format: Format = typer.Option(Format.TEXT, "--format", "-f", help="text for people, json for tools."),
) -> None:
    """Check that the project's files are well-formed and fit together.

    Reports every problem at once as FILE:LINE:COL: field: what is wrong (what was expected).
    Exit code 0 when valid, 1 when not, 2 on a usage error.
    """
    root = resolve_project(project)
    result, report = validate(root)
    print_report(report, format)
    if result is None:
        if format is Format.TEXT:
            fail(f"{counted(len(report.errors), 'error')} in {root}")
        raise typer.Exit(1)
    if format is Format.TEXT:
        console.print(
            f"{root}: valid ({counted(len(result.users), 'user')}, {counted(len(result.servers), 'communication server')}, "
            f"{counted(len(report.warnings), 'warning')}); input digest {result.digest[:16]}",
            markup=False,
        )


@app.command()
def init(directory: Path = typer.Argument(..., help="New project folder to create (must not exist or be empty).")) -> None:
    """Create a new project from the small example, with JSON Schemas for editor completion."""
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        fail(f"{directory} exists and is not empty; choose a new folder (nothing was written)", 2)
    source = EXAMPLES / SMALL_EXAMPLE
    staging = directory.with_name(f".{directory.name}.init")
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(source, staging)
    write_schemas(staging / ".schemas")
    for path in staging.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"\$schema=\S*/schemas/", "$schema=./.schemas/", text)
        path.write_text(text, encoding="utf-8")
    if directory.exists():
        directory.rmdir()
    staging.rename(directory)
    console.print(f"created {directory} from the example '{SMALL_EXAMPLE}'; edit its files, then run: pbxdoc validate {directory}", markup=False)


@app.command()
def schema(output: Path = typer.Option(Path("schemas"), "--output", "-o", help="Folder to write the *.schema.json files into.")) -> None:
    """Write the JSON Schemas of every project file (editors use them to complete and check YAML)."""
    written = write_schemas(output)
    console.print(f"wrote {len(written)} schemas to {output}", markup=False)


@app.command()
def build(
    project: Path = project_argument(),
    output: Path = typer.Option(Path("build"), "--output", "-o", help="Output folder; replaced only when the whole build succeeds."),
    lang: str = typer.Option(None, "--lang", metavar=LANG_METAVAR, help=f"Language of the outputs ({', '.join(LANGUAGES)}); default: the project's language."),
    all_languages: bool = typer.Option(False, "--all-languages", help="Build every output in every language (the site with a language switcher)."),
    audience: Audience = typer.Option(Audience.CUSTOMER, "--audience", help=AUDIENCE_HELP),
    strict: bool = typer.Option(False, "--strict", help="Fail when validating the data gives any warning (for CI); to fail on compliance findings, use `pbxdoc check --fail-on`."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Typeset and draw everything again, even what earlier builds made from the same data (see PBXDOC_CACHE)."),
    only: list[str] = typer.Option([], "--only", metavar="<renderer>", help=f"Run only this renderer (repeatable): {', '.join(RENDERER_NAMES)}."),
    sign: Path = sign_option(),
) -> None:
    """Validate, check and generate every output into OUT, with OUT/manifest.json listing each file's SHA-256."""
    if lang is not None and lang not in LANGUAGES:
        fail(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}", 2)
    for name in only:
        if name not in RENDERER_NAMES:
            fail(f"unknown renderer {name!r}; choose one of {', '.join(RENDERER_NAMES)}", 2)
    root = resolve_project(project)
    signer = load_signer(sign)
    options = BuildOptions(out=output, lang=lang, all_languages=all_languages, audience=audience, strict=strict, only=tuple(only), cache=not no_cache, signer=signer)
    try:
        with build_progress(interactive(), ["load", *(options.only or RENDERER_NAMES)]) as progress:
            result = run_build(root, options, progress=progress)
    except InvalidProject as e:
        invalid(e)
    except StrictFailure as e:
        print_report(e.report)
        fail(str(e))
    except OutputRefused as e:
        fail(str(e), 2)
    except PbxdocError as e:
        fail(str(e))
    print_report(result.report)
    files = len(result.manifest["files"])
    if result.unchanged:
        console.print(f"{output} is up to date: it holds this very build ({files} files, every one as its manifest lists it)", markup=False)
        return
    timings = ", ".join(f"{name} {seconds:.1f}s" for name, seconds in result.stages)
    console.print(f"built {files} files into {output} ({timings})", markup=False)


@contextmanager
def build_progress(show: bool, stages: list[str]) -> Iterator[Callable[[str], None]]:
    """On a terminal, one live line: the stage running, its detail, the time so far, the stages
    left; elsewhere (CI logs, pipes) nothing."""
    if not show:
        yield lambda stage: None
        return
    from rich.markup import escape
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TimeElapsedColumn(), TextColumn("{task.description}"), console=console, transient=True) as bar:
        task = bar.add_task("", total=None)

        def progress(stage: str) -> None:
            name = stage.split(":", 1)[0]
            left = stages[stages.index(name) + 1 :] if name in stages else []
            later = f" · then {', '.join(left)}" if left else ""
            bar.update(task, description=escape(f"{stage}{later}"))

        yield progress


@app.command()
def verify(
    output: Path = typer.Argument(..., help="A build output folder holding manifest.json."),
    trust: Path = typer.Option(None, "--trust", metavar="CA.pem", dir_okay=False, help="Certificates (PEM) of the CAs whose signers you trust; every record and the manifest must then be signed by one of them."),
) -> None:
    """Recompute every file's SHA-256 and report any file that changed, is missing or was added;
    check the signatures of a signed build (every PDF record and manifest.json.p7s). Without
    --trust a signed build fails as signed by an untrusted signer."""
    if not output.is_dir():
        fail(f"{output}: no such folder (expected a build output folder holding manifest.json)", 2)
    if not written_by_pbxdoc(output / "manifest.json"):
        fail(f"{output}: no manifest.json written by pbxdoc, so not a pbxdoc build output (expected the folder given to build -o)", 2)
    try:
        anchors = load_trust(trust) if trust is not None else None
    except SigningError as e:
        fail(str(e), 2)
    problems = verify_output(output)
    listed = [rel for rel in json.loads((output / "manifest.json").read_text(encoding="utf-8"))["files"] if isinstance(rel, str)]
    problems += verify_signatures(output, listed, anchors)
    for problem in problems:
        out.print(printable(problem), markup=False)
    if problems and all(p.startswith("untrusted signer:") for p in problems):
        fail(f"{output}: every file matches its manifest, but its signer is not trusted" + ("" if anchors else " (give the signer's CA with --trust CA.pem)"))
    if problems:
        fail(f"{counted(len(problems), 'problem')}: {output} is not as it was built")
    signed = (output / MANIFEST_SIGNATURE).is_file()
    console.print(f"{output}: every file matches its manifest" + (", every record and the manifest are signed by a trusted signer" if signed else " (the build is not signed)"), markup=False)
