"""Fixtures for the runbook tests (the examples come from tests/conftest.py)."""

from __future__ import annotations

import pytest

from generator.i18n import Translator


@pytest.fixture(scope="session")
def en():
    return Translator("en")


@pytest.fixture(scope="session")
def rochat(small_project):
    return small_project
