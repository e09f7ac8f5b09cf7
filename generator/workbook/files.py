"""Writing project files so that a reader sees either the old content or the new, never half of it:
one file (`atomic_write`) or several at once (`replace_all`, all or none, even across a crash)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path, PurePosixPath

JOURNAL = ".pbxdoc-import.journal"
"""Beside the data while several files are replaced: which ones, and whether each existed before."""


def _mode(path: Path) -> int:
    if path.exists():
        return path.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _encoded(content: bytes | str) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def _write_synced(fd: int, data: bytes) -> None:
    with os.fdopen(fd, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def atomic_write(path: Path, content: bytes | str) -> None:
    """Write beside the target, then rename over it; the target's permissions are kept."""
    mode = _mode(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        _write_synced(fd, _encoded(content))
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _backup(path: Path) -> Path:
    return path.with_name(f".{path.name}.pbxdoc-backup")


def _staged(path: Path) -> Path:
    return path.with_name(f".{path.name}.pbxdoc-new")


def _safe(name: object) -> bool:
    """A journal names files inside the project only (it is read back from the project folder)."""
    if not isinstance(name, str) or not name or "\\" in name or "\x00" in name:
        return False
    pure = PurePosixPath(name)
    return not pure.is_absolute() and ".." not in pure.parts and "." not in pure.parts


def _write_journal(root: Path, existed: dict[str, bool], committed: bool) -> None:
    atomic_write(root / JOURNAL, json.dumps({"files": existed, "committed": committed}, sort_keys=True) + "\n")


def _finish(root: Path, existed: dict[str, bool]) -> None:
    for name in existed:
        _backup(root / name).unlink(missing_ok=True)
        _staged(root / name).unlink(missing_ok=True)
    (root / JOURNAL).unlink(missing_ok=True)


def _roll_back(root: Path, existed: dict[str, bool]) -> list[str]:
    restored = []
    for name, before in existed.items():
        path, backup = root / name, _backup(root / name)
        if before and os.path.lexists(backup):
            if os.path.lexists(path) and os.path.samestat(os.lstat(path), os.lstat(backup)):
                backup.unlink()  # not replaced yet (and renaming a hard link onto itself does nothing)
            else:
                os.replace(backup, path)
                restored.append(name)
        elif not before and os.path.lexists(path):
            path.unlink()  # a file the interrupted import created
            restored.append(name)
        _staged(path).unlink(missing_ok=True)
    (root / JOURNAL).unlink(missing_ok=True)
    return sorted(restored)


def replace_all(root: Path, writes: dict[str, bytes | str], removals: list[str] = ()) -> None:
    """Write every file of `writes` and remove every file of `removals`, or change none of them.

    New contents are staged beside their targets and the current files kept as hard-linked backups
    listed in a journal; then the new files are renamed into place. A failure puts the backups back;
    a crash leaves the journal, and `recover` (run before the next import) puts them back then.
    """
    names = sorted({*writes, *removals})
    for name in names:
        if not _safe(name):
            raise ValueError(f"{name!r} is not a file inside the project")
    existed = {name: os.path.lexists(root / name) for name in names}
    try:
        for name, content in writes.items():
            staged = _staged(root / name)
            staged.unlink(missing_ok=True)
            _write_synced(os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), _encoded(content))
            os.chmod(staged, _mode(root / name))
        for name in names:
            if existed[name]:
                _backup(root / name).unlink(missing_ok=True)
                os.link(root / name, _backup(root / name), follow_symlinks=False)
        _write_journal(root, existed, committed=False)
        for name in writes:
            os.replace(_staged(root / name), root / name)
        for name in removals:
            (root / name).unlink()
        _write_journal(root, existed, committed=True)
    except BaseException:
        _roll_back(root, existed)
        raise
    _finish(root, existed)


def recover(root: Path) -> list[str]:
    """Undo an import that a crash interrupted (finish one that had committed); the files restored."""
    journal = root / JOURNAL
    if journal.is_symlink() or not journal.is_file():
        return []
    try:
        data = json.loads(journal.read_text(encoding="utf-8"))
        existed = {name: before for name, before in data["files"].items() if _safe(name) and isinstance(before, bool)}
    except (ValueError, KeyError, TypeError, AttributeError, OSError):
        return []  # not a journal of ours: left for the user to look at
    if data.get("committed") is True:
        _finish(root, existed)
        return []
    return _roll_back(root, existed)
