"""The `pbxdoc` command. It holds no logic: each command calls plain functions and maps results
to exit codes (0 success, 1 invalid data or failed build, 2 usage error)."""

from __future__ import annotations

import sys

import typer

from generator.cli.common import app, console, fail  # noqa: F401  (app is the entry point)

# Each command lives in its own module and registers itself on `app`.
from generator.cli import core  # noqa: E402,F401
from generator.cli import checks  # noqa: E402,F401
from generator.cli import diagrams  # noqa: E402,F401
from generator.cli import runbook  # noqa: E402,F401
from generator.cli import workbook  # noqa: E402,F401
from generator.cli import pdf  # noqa: E402,F401
from generator.cli import site  # noqa: E402,F401
from generator.cli import portfolio  # noqa: E402,F401


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover
        console.print("interrupted")
        sys.exit(130)


__all__ = ["app", "main", "typer", "fail"]
