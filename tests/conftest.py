"""Fixtures shared by every test: the bundled examples and writable copies of them."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.load import EXAMPLES, SMALL_EXAMPLE, load

SMALL = EXAMPLES / SMALL_EXAMPLE

# Tests build from scratch: a cache hit would hide a build that is not deterministic. The cache's
# own tests point PBXDOC_CACHE at a folder of theirs.
os.environ["PBXDOC_CACHE"] = "off"


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
