"""Fixtures of the workbook tests: the small example, loaded once, and copies to import into."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.audience import Audience, AudienceTranslator
from generator.i18n import Translator
from generator.load import EXAMPLES, SMALL_EXAMPLE, load
from generator.dates import generation_date
from generator.workbook import render_workbook



@pytest.fixture(scope="session")
def small_root() -> Path:
    return EXAMPLES / SMALL_EXAMPLE


@pytest.fixture(scope="session")
def small_project(small_root):
    return load(small_root)


@pytest.fixture(scope="session")
def small_workbook(small_project, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("workbook") / "small.xlsx"
    # the whole data: the integrator's workbook, which imports back
    path.write_bytes(render_workbook(small_project, AudienceTranslator("fr", Audience.INTEGRATOR), generation_date(small_project), audience=Audience.INTEGRATOR))
    return path


@pytest.fixture
def project_copy(small_root, tmp_path) -> Path:
    """A writable copy of the small example to import into."""
    target = tmp_path / "project"
    shutil.copytree(small_root, target)
    return target
