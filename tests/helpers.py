"""Helpers for tests that plant errors in copies of the examples."""

from __future__ import annotations

from pathlib import Path


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace text in a project file, failing loudly if the text is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def content_of(project, lang: str, today=None, audience: str = "integrator"):
    """The build's content of a loaded project in one language (as `pbxdoc build` makes it),
    dated `today` when given (else the project's generation date)."""
    import datetime as dt

    from generator.audience import Audience, for_audience
    from generator.content import Content
    from generator.dates import generation_date

    generated = generation_date(project) if today is None else dt.datetime(today.year, today.month, today.day, tzinfo=dt.timezone.utc)
    return Content(for_audience(project, Audience(audience)), Audience(audience), lang, generated)
