"""The build key of a customer: SHA-256 over its input files, the build options and the generator.

A customer whose key matches the one stored with its output is unchanged and not rebuilt. Files
are streamed (a large backup export costs reading, not memory); links are hashed as links,
never followed.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

import generator

PACKAGE = Path(generator.__file__).resolve().parent
TEMPLATES = PACKAGE.parent / "templates"
CHUNK = 1 << 20


def _walk(root: Path) -> list[Path]:
    """Every file and link under root, in a stable order, without entering linked folders."""
    found = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        here = Path(folder)
        found.extend(here / name for name in files)
        found.extend(here / d for d in dirs if (here / d).is_symlink())
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def tree_digest(root: Path) -> str:
    """SHA-256 over the relative path, kind and content of every file under root."""
    h = hashlib.sha256()
    for path in _walk(root):
        rel = path.relative_to(root).as_posix().encode("utf-8")
        if path.is_symlink():
            h.update(b"L\0" + rel + b"\0" + os.readlink(path).encode("utf-8", "surrogateescape") + b"\0")
            continue
        if not path.is_file():  # a fifo or device: its name only, never read
            h.update(b"S\0" + rel + b"\0")
            continue
        h.update(b"F\0" + rel + b"\0")
        with path.open("rb") as f:
            for chunk in iter(lambda: f.read(CHUNK), b""):
                h.update(chunk)
        h.update(b"\0")
    return h.hexdigest()


@lru_cache(maxsize=1)
def generator_fingerprint() -> str:
    """The version plus the code, words, knowledge and templates it builds with: an upgrade, or
    an edited template in a development checkout, rebuilds every customer."""
    h = hashlib.sha256(f"pbxdoc {generator.__version__}\0".encode())
    h.update(tree_digest(PACKAGE).encode())
    if TEMPLATES.is_dir():
        h.update(tree_digest(TEMPLATES).encode())
    return h.hexdigest()


def build_key(root: Path, options: dict) -> str:
    """The key of one customer's build: its inputs, its options, the generator."""
    h = hashlib.sha256()
    h.update(generator_fingerprint().encode())
    h.update(json.dumps(options, sort_keys=True, separators=(",", ":")).encode())
    h.update(tree_digest(root).encode())
    return h.hexdigest()
