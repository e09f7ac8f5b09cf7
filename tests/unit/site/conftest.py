"""Shared fixtures of the site's unit tests: the small example, loaded once."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.i18n import Translator
from generator.load import EXAMPLES, SMALL_EXAMPLE, load


@pytest.fixture(scope="session")
def small_project():
    return load(EXAMPLES / SMALL_EXAMPLE)


@pytest.fixture
def fr():
    return Translator("fr")


@pytest.fixture
def generated():
    return dt.datetime(2026, 11, 20, tzinfo=dt.timezone.utc)
