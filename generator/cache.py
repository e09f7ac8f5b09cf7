"""A content-addressed cache of what is slow to make again: typeset PDFs and drawn diagrams.

An entry's key is the SHA-256 of everything that decides its bytes (the job's HTML and resources,
a graph's DOT source, pbxdoc's version and code, the tool's version), so an entry can never be stale; each
entry stores the SHA-256 of its content and is dropped when it does not match, so a damaged entry
costs time, never correctness. Entries are plain bytes with a JSON header (no pickle: the cache
folder is not trusted to hold code). The folder is `$PBXDOC_CACHE`, else `$XDG_CACHE_HOME/pbxdoc`,
else `~/.cache/pbxdoc`; `PBXDOC_CACHE=off` turns it off. It is kept under a size bound by
dropping the least recently used entries; pbxdoc deletes only files it wrote there.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from generator.identity import code_identity

MAX_BYTES = 1 << 30  # the cache's size bound; the oldest entries go first
SUFFIX = ".pbxdoc-cache"  # every entry's file name ends so: nothing else in the folder is ever deleted


def key(*parts: bytes | str) -> str:
    """The SHA-256 of the parts (each length-prefixed, so that no two part lists collide) and of
    pbxdoc's code (its version and the digest of its code and templates)."""
    digest = hashlib.sha256(code_identity().encode())
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


class Cache:
    """Entries by kind and key; a Cache(None) keeps nothing."""

    def __init__(self, folder: Path | None, max_bytes: int = MAX_BYTES):
        self.folder = folder
        self.max_bytes = max_bytes
        self.hits = 0
        self.misses = 0

    def _path(self, kind: str, entry: str) -> Path:
        assert self.folder is not None
        return self.folder / kind / entry[:2] / f"{entry}{SUFFIX}"

    def get(self, kind: str, entry: str) -> tuple[dict, bytes] | None:
        """(header, content) of an entry, or None when absent or damaged (then it is dropped)."""
        if self.folder is None:
            return None
        path = self._path(kind, entry)
        try:
            raw = path.read_bytes()
            head, _, content = raw.partition(b"\n")
            header = json.loads(head)
            if header.get("sha256") != hashlib.sha256(content).hexdigest():
                raise ValueError("damaged")
        except FileNotFoundError:
            self.misses += 1
            return None
        except (OSError, ValueError):
            path.unlink(missing_ok=True)
            self.misses += 1
            return None
        os.utime(path)  # recently used: pruned last
        self.hits += 1
        return header, content

    def put(self, kind: str, entry: str, content: bytes, header: dict | None = None) -> None:
        """Store an entry (atomically: a reader sees the whole entry or none); a cache that cannot
        be written is no error, the build only gets slower."""
        if self.folder is None:
            return
        path = self._path(kind, entry)
        head = json.dumps({**(header or {}), "sha256": hashlib.sha256(content).hexdigest()}, sort_keys=True).encode()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
            with os.fdopen(fd, "wb") as f:
                f.write(head + b"\n" + content)
            os.replace(tmp, path)
        except OSError:
            return

    def prune(self) -> None:
        """Drop the least recently used entries beyond the size bound (only files named as ours)."""
        if self.folder is None or not self.folder.is_dir():
            return
        entries = []
        for path in self.folder.rglob(f"*{SUFFIX}"):
            if path.is_file() and not path.is_symlink():
                stat = path.stat()
                entries.append((stat.st_mtime, stat.st_size, path))
        total = sum(size for _, size, _ in entries)
        for _, size, path in sorted(entries, key=lambda e: (e[0], str(e[2]))):
            if total <= self.max_bytes:
                break
            path.unlink(missing_ok=True)
            total -= size


def default_folder() -> Path | None:
    """Where the cache lives for this user, or None when PBXDOC_CACHE=off."""
    chosen = os.environ.get("PBXDOC_CACHE", "").strip()
    if chosen.lower() in ("off", "0", "no", "false"):
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".cache") / "pbxdoc"


NO_CACHE = Cache(None)
