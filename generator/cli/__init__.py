"""The `pbxdoc` command. It holds no logic: each command calls plain functions and maps results
to exit codes (0 success, 1 invalid data or failed build, 2 usage error)."""

from __future__ import annotations

import errno
import logging
import multiprocessing
import os
import signal
import sys

import typer

from generator import tempdirs
from generator.cli.common import app, console, fail  # noqa: F401  (app is the entry point)

# Each command lives in its own module and registers itself on `app`.
from generator.cli import core  # noqa: E402,F401
from generator.cli import checks  # noqa: E402,F401
from generator.cli import diagrams  # noqa: E402,F401
from generator.cli import runbook  # noqa: E402,F401
from generator.cli import workbook  # noqa: E402,F401
from generator.cli import pdf  # noqa: E402,F401
from generator.cli import site  # noqa: E402,F401
from generator.cli import issue  # noqa: E402,F401
from generator.cli import portfolio  # noqa: E402,F401


ENVIRONMENT_ERRORS = (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EFBIG)
"""What the machine refuses (full disk, read-only file system, permissions): a message, not a traceback."""


_MAIN_PROCESS: list[int] = []


def terminated(signum, frame) -> None:
    """SIGTERM ends pbxdoc as a normal exit, so that `finally` blocks and context managers remove the
    staging folder and temporary files; the PDF worker processes are stopped first, so that the
    thread waiting for them ends too. A worker (a fork that inherited this handler) just dies."""
    if os.getpid() not in _MAIN_PROCESS:
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
        return
    for child in multiprocessing.active_children():
        child.terminate()
    raise SystemExit(128 + signum)


def main() -> None:
    _MAIN_PROCESS[:] = [os.getpid()]
    signal.signal(signal.SIGTERM, terminated)
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover
        console.print("interrupted")
        sys.exit(130)
    except OSError as e:
        if e.errno not in ENVIRONMENT_ERRORS:
            raise
        where = f"{ascii(str(e.filename))[1:-1]}: " if e.filename else ""
        console.print(f"pbxdoc: {where}{e.strerror or e}", markup=False)
        sys.exit(1)


def run() -> None:
    """The `pbxdoc` program: main(), then an exit that skips tearing the interpreter down. Freeing a
    large customer's build object by object costs about a second after everything is written; the
    pools, locks, files and staging folder are closed by their own context managers by then, so
    only our temporary folders and the log handlers are left to close. An uncaught exception
    leaves the normal way, with its traceback."""
    try:
        main()
        code = 0
    except SystemExit as done:
        if isinstance(done.code, str):
            print(done.code, file=sys.stderr)
        code = done.code if isinstance(done.code, int) else 0 if done.code is None else 1
    tempdirs.remove_process_folders()
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


__all__ = ["app", "main", "run", "typer", "fail"]
