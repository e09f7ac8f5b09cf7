"""The file system as a hostile place: what kind of thing a path is, opening only regular files,
walking a folder without following folder links, hashing without holding a file in memory.

A FIFO blocks whoever opens it and a device never ends, so every decision is taken from `stat`,
and the one open is non-blocking and re-checked on the open descriptor.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

SPECIAL_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class NotRegular(Exception):
    """A path that is no regular file; the message says what it is."""


def special_kind(mode: int) -> str | None:
    """What a non-regular, non-folder file is ('a named pipe (FIFO)'...), or None."""
    for test, name in SPECIAL_KINDS:
        if test(mode):
            return name
    return None


def describe(path: Path) -> str | None:
    """None for a regular file (or a link to one); else what the path is, without opening it."""
    try:
        mode = path.stat().st_mode  # follows a link: a link to /dev/zero is a character device
    except OSError:
        return "a broken link" if path.is_symlink() else "missing"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    return special_kind(mode) or "not a regular file"


def open_regular(path: Path) -> BinaryIO:
    """Open a file for reading only if it is a regular file (never blocks on a FIFO)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegular(special_kind(mode) or ("a folder" if stat.S_ISDIR(mode) else "not a regular file"))
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def sha256_of(stream: BinaryIO) -> str:
    """SHA-256 of an open file, read in chunks (a 3 GB backup never sits in memory)."""
    return hashlib.file_digest(stream, "sha256").hexdigest()


def sha256_file(path: Path) -> str:
    with open_regular(path) as stream:
        return sha256_of(stream)


def folder_link_on(root: Path, rel: str) -> str | None:
    """The first folder of a relative path that is a link (walks never follow it), or None."""
    parts = Path(rel).parts[:-1]
    for i in range(len(parts)):
        if (root / Path(*parts[: i + 1])).is_symlink():
            return Path(*parts[: i + 1]).as_posix()
    return None


@dataclass(frozen=True)
class Entry:
    """One thing found while walking a project: a regular file, or something refused or skipped."""

    path: Path
    rel: str
    size: int = 0
    problem: str = ""  # '' for a regular file; else why it is not read
    folder_link: bool = False  # a link to a folder: never followed


def holds_a_build(folder: Path) -> bool:
    """A pbxdoc output kept inside a project (it holds a manifest.json): not project data."""
    return (folder / "manifest.json").is_file()


def walk(root: Path, skip_folder=lambda folder: False) -> Iterator[Entry]:
    """Every entry under root, sorted, without following links to folders (`documents/up -> ..`
    would loop; a link out would read another folder). Hidden names are left out.

    Links to files are followed only when they stay inside root; special files are yielded with
    their kind, never opened.
    """
    real_root = root.resolve()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as e:
            yield Entry(folder, folder.relative_to(root).as_posix(), problem=f"cannot be listed ({e.strerror})")
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            rel = path.relative_to(root).as_posix()
            try:
                if entry.is_symlink():
                    target = path.resolve()
                    if not target.is_relative_to(real_root):
                        continue  # a link out of the project is not read (a data file naming it is refused)
                    mode = target.stat().st_mode
                    if stat.S_ISDIR(mode):
                        yield Entry(path, rel, folder_link=True)
                        continue
                else:
                    mode = entry.stat(follow_symlinks=False).st_mode
            except (OSError, RuntimeError):
                continue  # a broken or looping link names nothing
            if stat.S_ISDIR(mode):
                if not skip_folder(path):
                    stack.append(path)
            elif stat.S_ISREG(mode):
                yield Entry(path, rel, size=path.stat().st_size)
            else:
                yield Entry(path, rel, problem=special_kind(mode) or "not a regular file")
