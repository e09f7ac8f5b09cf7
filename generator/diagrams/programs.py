"""The external programs diagrams are drawn with (Graphviz, librsvg), run with data on stdin."""

from __future__ import annotations

import functools
import shutil
import subprocess

from generator.diagnostics import PbxdocError
from generator.forking import child_program


class DiagramError(PbxdocError):
    """Graphviz or librsvg is missing, or refused a drawing."""


def run(tool: str, package: str, args: list[str], data: bytes) -> bytes:
    exe = shutil.which(tool)
    if exe is None:
        raise DiagramError(f"'{tool}' is not installed (Debian: apt-get install {package})")
    with child_program():
        result = subprocess.run([exe, *args], input=data, capture_output=True, check=False)
    if result.returncode != 0:
        raise DiagramError(f"{tool} failed: {result.stderr.decode('utf-8', 'replace').strip()[:2000]}")
    return result.stdout


@functools.cache
def version(tool: str, package: str, flag: str = "-V") -> str:
    """What the tool says of its version (part of a cached drawing's key: another Graphviz draws
    other bytes)."""
    exe = shutil.which(tool)
    if exe is None:
        raise DiagramError(f"'{tool}' is not installed (Debian: apt-get install {package})")
    with child_program():
        result = subprocess.run([exe, flag], capture_output=True, check=False)
    return (result.stdout + result.stderr).decode("utf-8", "replace").strip()
