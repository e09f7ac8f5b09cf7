"""check and rules: the compliance findings of a project, and the catalogue they come from."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path

import typer
from rich.table import Table
from rich.text import Text

from generator.cli.common import LANG_METAVAR, app, console, fail, invalid, out, project_argument, resolve_project
from generator.diagnostics import InvalidProject, PbxdocError, Severity
from generator.i18n import LANGUAGES, Translator


class CheckFormat(str, Enum):
    TEXT = "text"
    JSON = "json"
    SARIF = "sarif"


class FailOn(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    NEVER = "never"


class RulesFormat(str, Enum):
    TEXT = "text"
    JSON = "json"


SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def threshold_reached(findings, fail_on: FailOn) -> bool:
    """Whether active (not waived) findings reach the --fail-on severity."""
    if fail_on is FailOn.NEVER:
        return False
    levels = {Severity.ERROR} if fail_on is FailOn.ERROR else {Severity.ERROR, Severity.WARNING}
    return any(f.active and f.severity in levels for f in findings)


def findings_table(findings, t: Translator) -> list:
    """One rich table per category, in the catalogue's category order."""
    from generator.checks.registry import Category

    tables = []
    for category in Category:
        mine = [f for f in findings if f.category == category.value]
        if not mine:
            continue
        table = Table(title=t.t(f"checks.category.{category.value}"), title_justify="left", show_lines=False, expand=False)
        table.add_column(t.t("checks.report.severity"), no_wrap=True)
        table.add_column(t.t("checks.report.rule"), no_wrap=True)
        table.add_column(t.t("checks.report.message"), overflow="fold")
        table.add_column(t.t("checks.report.location"), overflow="fold")
        for f in mine:
            message = Text(f.message)
            severity = Text(t.label("severity", f.severity), style=SEVERITY_STYLE[f.severity] if f.active else "dim")
            if f.active:
                message.append("\n" + t.t("checks.report.labelled", label=t.t("checks.report.remediation"), text=f.remediation), style="dim italic")
            if f.waiver_expiry:
                severity.append("\n" + t.t(f"checks.status.{f.status.value}"), style="bold" if f.active else "dim")
                key = "expired_waiver" if f.active else "waived_by"
                expiry = t.date(dt.date.fromisoformat(f.waiver_expiry))
                message.append("\n" + t.t(f"checks.report.{key}", by=f.waiver_accepted_by, expiry=expiry, justification=f.waiver_justification), style="dim")
            table.add_row(severity, Text(f.rule, style=None if f.active else "dim"), message, Text(str(f.location)))
        tables.append(table)
    return tables


@app.command("check")
def check_command(
    project: Path = project_argument(),
    format: CheckFormat = typer.Option(CheckFormat.TEXT, "--format", "-f", help="text: a table by category for people; json for tools; sarif: SARIF 2.1.0 for code-scanning tools."),
    fail_on: FailOn = typer.Option(FailOn.ERROR, "--fail-on", help="Exit 1 when an active (not waived) finding of this severity or worse exists; never: always exit 0."),
    lang: str = typer.Option(None, "--lang", metavar=LANG_METAVAR, help=f"Language of titles and messages ({', '.join(LANGUAGES)}); default: the project's language."),
    output: Path = typer.Option(None, "--output", "-o", help="Write the report to this file instead of the standard output."),
) -> None:
    """Check the installation against the rule catalogue (backups, licences, hardware, DECT, numbering, availability...).

    Findings name the rule, the object and the file:line of the evidence; waived findings stay
    visible as waived. Exit code 1 when --fail-on is reached or the data is invalid (its errors are
    printed in the chosen format), 0 otherwise, 2 on a usage error.
    """
    from generator.checks import completeness, evaluate
    from generator.checks.report import INVALID_REPORTERS, REPORTERS, summary
    from generator.load import load

    if lang is not None and lang not in LANGUAGES:
        fail(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}", 2)
    root = resolve_project(project)
    try:
        model = load(root)
        lang = lang or model.pbxdoc.language.value
        findings = evaluate(model, lang=lang)
    except InvalidProject as e:
        if format is CheckFormat.TEXT:
            invalid(e)
        emit(INVALID_REPORTERS[format.value](e.report, lang or "en"), output)
        raise typer.Exit(1)
    except PbxdocError as e:
        fail(str(e))
    if format is CheckFormat.TEXT:
        t = Translator(lang)
        target = out
        if output is not None:
            from rich.console import Console

            handle = output.open("w", encoding="utf-8")
            target = Console(file=handle, width=160, highlight=False, soft_wrap=False, color_system=None)
        for table in findings_table(findings, t):
            target.print(table)
        counts = summary(findings)
        score, _ = completeness(model)
        target.print(t.t("checks.report.summary", **counts) if findings else t.t("checks.report.none"), markup=False)
        target.print(t.t("checks.report.completeness", score=round(score * 100)), markup=False)
        if output is not None:
            handle.close()
    else:
        emit(REPORTERS[format.value](model, findings, lang), output)
    if threshold_reached(findings, fail_on):
        raise typer.Exit(1)


def emit(text: str, output: Path | None) -> None:
    """A machine report to --output, or to the standard output."""
    if output is not None:
        output.write_text(text, encoding="utf-8")
    else:
        out.print(text, markup=False, end="", soft_wrap=True)


@app.command("rules")
def rules_command(
    lang: str = typer.Option("en", "--lang", metavar=LANG_METAVAR, help=f"Language of the catalogue ({', '.join(LANGUAGES)})."),
    format: RulesFormat = typer.Option(RulesFormat.TEXT, "--format", "-f", help="text for people, json for tools and documentation."),
) -> None:
    """List the rule catalogue: id, severity, title, rationale, remediation and source of every rule."""
    import json

    from generator.checks import catalogue

    if lang not in LANGUAGES:
        fail(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}", 2)
    rules = catalogue(lang)
    if format is RulesFormat.JSON:
        data = [{**r.__dict__, "severity": r.severity.value} for r in rules]
        out.print(json.dumps(data, indent=2, ensure_ascii=False), markup=False, soft_wrap=True)
        return
    t = Translator(lang)
    for r in rules:
        out.print(Text.assemble((r.id, "bold"), "  ", (t.label("severity", r.severity), SEVERITY_STYLE[r.severity]), "  ", t.t(f"checks.category.{r.category}")))
        out.print(f"  {r.title}", markup=False)
        for label, text in (("rationale", r.rationale), ("remediation", r.remediation), ("source", r.source)):
            out.print("  " + t.t("checks.report.labelled", label=t.t(f"checks.report.{label}"), text=text), markup=False)
        out.print("")
    console.print(t.t("checks.report.rules_count", count=len(rules)), markup=False)
