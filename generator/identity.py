"""What pbxdoc is, as far as its outputs go: its version and the digest of its own code, templates
and theme. Part of every cache and build key, so that an edited template or rule (a source tree
keeps its version number) never serves an output made by other code.
"""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

from generator import __version__

PACKAGE = Path(__file__).resolve().parent
REPO = PACKAGE.parent
CODE = (PACKAGE, REPO / "templates", REPO / "site", REPO / "mkdocs.yml")  # what decides output bytes


def _files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    found = []
    for folder, subfolders, names in os.walk(path):  # pbxdoc's own tree: no link is followed
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__" and not d.startswith("."))
        found += [Path(folder) / n for n in sorted(names) if not n.startswith(".") and not n.endswith((".pyc", ".pyo"))]
    return found


@functools.cache
def code_identity() -> str:
    """pbxdoc's version and the SHA-256 over its code, templates and theme (computed once)."""
    digest = hashlib.sha256()
    for root in CODE:
        for path in _files(root) if root.exists() else []:
            digest.update(path.relative_to(REPO).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return f"{__version__}+{digest.hexdigest()[:32]}"
