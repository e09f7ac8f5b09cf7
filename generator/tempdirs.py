"""pbxdoc's temporary folders carry the id of the process that made them, so that the next run can
remove what a killed run left behind (and only that: our prefix, our user, a process that is gone)."""

from __future__ import annotations

import atexit
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PREFIX = "pbxdoc-"
_OURS = re.compile(r"pbxdoc-([a-z]+)-(\d+)-[A-Za-z0-9_]+")


def make(kind: str) -> Path:
    """A new private folder `pbxdoc-<kind>-<pid>-XXXX` in the system's temporary folder."""
    if not re.fullmatch(r"[a-z]+", kind):
        raise ValueError(f"temporary folder kind {kind!r}: lowercase letters only")
    return Path(tempfile.mkdtemp(prefix=f"{PREFIX}{kind}-{os.getpid()}-"))


_FOR_PROCESS: list[Path] = []


def for_process(kind: str) -> Path:
    """A temporary folder kept until the process ends: removed by remove_process_folders, which runs
    at exit (or by the next run's clean_stale, after a kill)."""
    folder = make(kind)
    if not _FOR_PROCESS:
        atexit.register(remove_process_folders)
    _FOR_PROCESS.append(folder)
    return folder


def remove_process_folders() -> None:
    """Remove the folders of for_process (the `pbxdoc` program calls it before its quick exit)."""
    while _FOR_PROCESS:
        shutil.rmtree(_FOR_PROCESS.pop(), ignore_errors=True)


@contextmanager
def temporary(kind: str) -> Iterator[Path]:
    """A temporary folder removed when the block ends, by an exception or SystemExit (SIGTERM) too."""
    folder = make(kind)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def clean_stale() -> list[Path]:
    """Remove the temporary folders of pbxdoc runs that no longer exist; returns what was removed."""
    removed = []
    base = Path(tempfile.gettempdir())
    try:
        entries = list(os.scandir(base))
    except OSError:
        return removed
    for entry in entries:
        match = _OURS.fullmatch(entry.name)
        if not match or int(match[2]) == os.getpid() or _alive(int(match[2])):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid():
            shutil.rmtree(entry.path, ignore_errors=True)
            removed.append(Path(entry.path))
    return removed
