"""Fixtures shared by every test: the bundled examples and writable copies of them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.load import EXAMPLES, SMALL_EXAMPLE, load

SMALL = EXAMPLES / SMALL_EXAMPLE


@pytest.fixture(scope="session")
def small_path() -> Path:
    return SMALL


@pytest.fixture(scope="session")
def small_project():
    return load(SMALL)


@pytest.fixture
def small_copy(tmp_path) -> Path:
    """A writable copy of the small example, for planting errors."""
    target = tmp_path / "project"
    shutil.copytree(SMALL, target)
    return target


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace text in a project file, failing loudly if the text is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")
