"""Fixtures of the runbook tests, imported by each test module (a conftest.py here would clash with
the other folders' conftest modules, which pytest imports under the same name)."""

from __future__ import annotations

import pytest

from generator.audience import Audience, AudienceTranslator
from generator.i18n import Translator


@pytest.fixture(scope="session")
def en():
    return Translator("en")


@pytest.fixture(scope="session")
def en_integrator():
    """The integrator's words: data files, keys and paths named (the others' are in words)."""
    return AudienceTranslator("en", Audience.INTEGRATOR)


@pytest.fixture(scope="session")
def rochat(small_project):
    return small_project
