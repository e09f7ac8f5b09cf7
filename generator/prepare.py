"""One entry point for every command: load, validate, check, filter for the audience, and hand
out the content of each language (`generator.content`).

`build`, `pdf`, `export`, `diagram`, `runbook`, `serve` and the mkdocs plugin all start here, so an
option such as the audience cannot be forgotten by one of them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from generator.audience import Audience, for_audience
from generator.cache import NO_CACHE, Cache
from generator.checks import run as run_checks
from generator.content import Content
from generator.dates import generation_date
from generator.diagnostics import InvalidProject, PbxdocError, Report
from generator.i18n import LANGUAGES
from generator.load import validate
from generator.model.project import Project
from generator.words import counted


class StrictFailure(PbxdocError):
    """--strict and the data produced warnings (kept in .report, to be shown)."""

    def __init__(self, message: str, report: Report):
        super().__init__(message)
        self.report = report


@dataclass(frozen=True)
class Prepared:
    """A checked project and its content per language, for one audience."""

    project: Project  # the whole checked project (the manifest's digests come from it)
    report: Report
    audience: Audience
    generated: dt.datetime
    contents: tuple[Content, ...] = field(default=())  # one per language, the first is the main one

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(c.lang for c in self.contents)

    @property
    def content(self) -> Content:
        return self.contents[0]


def languages_of(project: Project, lang: str | None, all_languages: bool) -> tuple[str, ...]:
    """The languages to build: the one asked, or the project's, first; every language on request."""
    first = lang or project.pbxdoc.language.value
    if not all_languages:
        return (first,)
    return (first, *(other for other in LANGUAGES if other != first))


def checked(project: Project) -> Project:
    """The project with the findings of the whole catalogue attached."""
    return project.with_findings(run_checks(project))


def check(root: Path, strict: bool = False) -> tuple[Project, Report]:
    """The validated project with its findings; InvalidProject or StrictFailure otherwise."""
    project, report = validate(root)
    if project is None:
        raise InvalidProject(report)
    if strict and report.warnings:
        raise StrictFailure(f"{counted(len(report.warnings), 'warning')} and --strict is set", report)
    return checked(project), report


def prepare(
    root: Path,
    audience: Audience | str = Audience.CUSTOMER,
    lang: str | None = None,
    all_languages: bool = False,
    strict: bool = False,
    cache: Cache = NO_CACHE,
) -> Prepared:
    """Everything a command needs to present the project to an audience (the least privileged by
    default), in one or every language."""
    project, report = check(root, strict)
    return prepared(project, report, Audience(audience), languages_of(project, lang or project.pbxdoc.language_for(Audience(audience).value), all_languages), cache)


def prepared(project: Project, report: Report, audience: Audience, languages: tuple[str, ...], cache: Cache = NO_CACHE) -> Prepared:
    """The content of an already checked project (the checks ran on the whole data, before the
    audience filter, so that findings and completeness are the same for every audience)."""
    generated = generation_date(project)
    view = for_audience(project, audience)
    contents = tuple(Content(view, audience, lang, generated, cache) for lang in languages)
    return Prepared(project, report, audience, generated, contents)
