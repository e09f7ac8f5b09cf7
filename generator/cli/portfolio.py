"""portfolio build, portfolio merge: every customer of an integrator, and one dashboard across them."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import typer

from generator.audience import Audience
from generator.cli.common import AUDIENCE_HELP, Format, LANG_METAVAR, app, console, fail, interactive, out
from generator.i18n import LANGUAGES
from generator.pipeline import RENDERER_NAMES
from generator.portfolio.build import PortfolioOptions, build_portfolio
from generator.portfolio.customers import PortfolioError
from generator.portfolio.merge import merge_portfolio
from generator.portfolio.runner import Limits
from generator.portfolio.shards import parse_shard

portfolio_app = typer.Typer(
    help=(
        "Build every customer of a portfolio (only the changed ones), each in its own process, and "
        "write the integrator's dashboard OUT/index.html with a deadlines feed OUT/deadlines.ics. "
        "See docs/portfolio.md."
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(portfolio_app, name="portfolio")

DASHBOARD_LANG_HELP = f"Language of the dashboard and the deadlines feed ({', '.join(LANGUAGES)}); build failures are reported in English, like every pbxdoc message."


def _terminated(signum, frame) -> None:
    raise SystemExit(128 + signum)


def _report(result, format: Format) -> None:
    """The summary on stdout (json) or stderr (text), and its exit code."""
    if format is Format.JSON:
        out.print(result.to_json(), markup=False)
    else:
        console.print(result.to_text(), markup=False)
    raise typer.Exit(result.exit_code)


def _check_lang(lang: str | None, option: str) -> None:
    if lang is not None and lang not in LANGUAGES:
        fail(f"unknown language {lang!r} for {option}; choose one of {', '.join(LANGUAGES)}", 2)


@portfolio_app.command("build")
def build_command(
    directory: Path = typer.Argument(..., metavar="DIR", help="Folder holding one folder per customer project, or a portfolio.yaml listing them with their settings.", file_okay=False),
    output: Path = typer.Option(..., "--output", "-o", help="Portfolio output folder: OUT/<customer>/ per customer, OUT/index.html, OUT/deadlines.ics."),
    shard: str = typer.Option(None, "--shard", metavar="<i/n>", help="Build only the customers of shard i of n (by a hash of the customer id); the dashboard is then written by `portfolio merge`."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, max=256, metavar="<n>", help="Customers built at the same time, each in its own process (0: as many as the machine has cores)."),
    timeout: float = typer.Option(600.0, "--timeout", min=1.0, metavar="<seconds>", help="Seconds one customer's build may take before it is stopped and reported as failed."),
    memory_mb: int = typer.Option(4096, "--memory-mb", min=0, metavar="<MB>", help="Address-space limit of each customer's build process in MB (0: no limit)."),
    audience: Audience = typer.Option(Audience.CUSTOMER, "--audience", help=AUDIENCE_HELP + " Default for every customer; portfolio.yaml may set one per customer."),
    lang: str = typer.Option(None, "--lang", metavar=LANG_METAVAR, help="Language of the customers' outputs; default: each project's language (portfolio.yaml may set one per customer)."),
    all_languages: bool = typer.Option(False, "--all-languages", help="Build every customer's site in every language."),
    only: list[str] = typer.Option([], "--only", metavar="<renderer>", help=f"Run only this renderer for every customer (repeatable): {', '.join(RENDERER_NAMES)}."),
    force: bool = typer.Option(False, "--force", help="Rebuild every customer, changed or not."),
    dashboard_lang: str = typer.Option("en", "--dashboard-lang", metavar=LANG_METAVAR, help=DASHBOARD_LANG_HELP),
    format: Format = typer.Option(Format.TEXT, "--format", "-f", help="text for people, json for tools."),
) -> None:
    """Build each customer into OUT/<customer>/ as `pbxdoc build` would, skipping the unchanged.

    A customer is unchanged when the SHA-256 of its input files, its options and the generator
    match those stored with its output. One customer's invalid data, crash or timeout never stops
    the others, and its previous output stays. Exit code 0 when every customer is built or
    unchanged, 1 when any failed, 2 on a usage error.
    """
    _check_lang(lang, "--lang")
    _check_lang(dashboard_lang, "--dashboard-lang")
    for name in only:
        if name not in RENDERER_NAMES:
            fail(f"unknown renderer {name!r}; choose one of {', '.join(RENDERER_NAMES)}", 2)
    try:
        selected = parse_shard(shard) if shard is not None else None
    except ValueError as e:
        fail(str(e), 2)
    options = PortfolioOptions(
        out=output,
        shard=selected,
        limits=Limits(jobs=jobs or os.cpu_count() or 1, timeout=timeout, memory_mb=memory_mb),
        audience=audience,
        lang=lang,
        all_languages=all_languages,
        only=tuple(only),
        force=force,
        dashboard_lang=dashboard_lang,
    )
    show = interactive()
    previous = signal.signal(signal.SIGTERM, _terminated)  # a cancelled CI job stops the builds too
    try:
        summary = build_portfolio(directory, options, progress=(lambda e: console.print(f"  {e.status} {e.id}", markup=False)) if show else (lambda e: None))
    except PortfolioError as e:
        fail(str(e), 2)
    finally:
        signal.signal(signal.SIGTERM, previous)
    _report(summary, format)


@portfolio_app.command("merge")
def merge_command(
    shards: list[Path] = typer.Argument(..., metavar="SHARD_OUT...", help="Output folders of `portfolio build --shard` (one per shard; OUT itself may be one of them)."),
    output: Path = typer.Option(..., "--output", "-o", help="Portfolio output folder to assemble: every customer's output, OUT/index.html, OUT/deadlines.ics."),
    dashboard_lang: str = typer.Option("en", "--dashboard-lang", metavar=LANG_METAVAR, help=DASHBOARD_LANG_HELP),
    format: Format = typer.Option(Format.TEXT, "--format", "-f", help="text for people, json for tools."),
) -> None:
    """Assemble the shard outputs into OUT and write the dashboard across every customer.

    The dashboard is made from the customers' stored states alone: byte for byte the one a single
    machine writes from the same states on the same date. Exit code 0, 1 when a customer's
    last build failed or a shard output had an unreadable state, 2 on a usage error (a customer in
    two shards, a folder that is no portfolio output).
    """
    _check_lang(dashboard_lang, "--dashboard-lang")
    try:
        result = merge_portfolio(list(shards), output, dashboard_lang)
    except PortfolioError as e:
        fail(str(e), 2)
    _report(result, format)
