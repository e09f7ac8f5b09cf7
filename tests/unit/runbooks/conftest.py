"""Fixtures for the runbook tests: the small example, loaded once, and a translator per language."""

from __future__ import annotations

import pytest

from generator.i18n import Translator
from generator.load import EXAMPLES, SMALL_EXAMPLE, load


@pytest.fixture(scope="session")
def rochat():
    return load(EXAMPLES / SMALL_EXAMPLE)


@pytest.fixture(scope="session")
def en():
    return Translator("en")
