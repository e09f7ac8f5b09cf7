"""What decides a build, known before anything is loaded: every file of the project, pbxdoc's own
code, the programs it runs and the options. A rebuild whose inputs match OUT's manifest is skipped
without loading or checking the data, so an unchanged rebuild costs hashing, not a build.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from generator.cache import key
from generator.diagrams.programs import DiagramError, version as program_version
from generator.loaders.fs import NotRegular, open_regular, sha256_of, walk
from generator.loaders.limits import ReadLimits

LIBRARIES = ("weasyprint", "pydyf", "mkdocs", "mkdocs-material", "XlsxWriter", "Babel", "phonenumbers", "holidays", "Jinja2", "pydantic")
PROGRAMS = (("dot", "graphviz", "-V"), ("rsvg-convert", "librsvg2-bin", "--version"))
ENVIRONMENT = ("SOURCE_DATE_EPOCH",)  # variables that change output bytes


def tree_digest(root: Path, limits: ReadLimits = ReadLimits()) -> str | None:
    """SHA-256 over the name and content of every file the loader could read (the same walk:
    hidden names, links out and build outputs inside the project left out, folder links not
    followed); None when the project holds something the loader refuses, or more than the
    default limits allow (the full build then says what)."""
    digest = hashlib.sha256()
    count = total = 0
    for entry in walk(root, skip_folder=lambda folder: (folder / "manifest.json").is_file()):
        if entry.problem:
            return None
        if entry.folder_link:
            digest.update(f"{entry.rel}\0folder-link\n".encode())
            continue
        count, total = count + 1, total + entry.size
        if count > limits.project_files or total > limits.project_mb * 1_000_000:
            return None
        try:
            with open_regular(entry.path) as stream:
                digest.update(f"{entry.rel}\0{sha256_of(stream)}\n".encode())
        except (OSError, NotRegular):
            return None
    return digest.hexdigest()


def _library(name: str) -> str:
    try:
        return f"{name} {version(name)}"
    except PackageNotFoundError:
        return f"{name} absent"




def input_key(root: Path, options: Iterable[str]) -> str | None:
    """The key of a build of root with these options (as strings), or None when it cannot be told
    without loading the project."""
    tree = tree_digest(root)
    if tree is None:
        return None
    environment = [f"{name}={os.environ.get(name, '')}" for name in ENVIRONMENT]
    try:
        tools = [_library(name) for name in LIBRARIES] + [program_version(*p) for p in PROGRAMS]
    except DiagramError:
        return None  # a program is missing: the full build says which
    return key("inputs", tree, *options, "|", *environment, "|", *tools)
