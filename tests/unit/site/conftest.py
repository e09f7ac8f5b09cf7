"""Shared fixtures of the site's unit tests (the small example comes from tests/conftest.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.i18n import Translator


@pytest.fixture
def fr():
    return Translator("fr")


@pytest.fixture
def generated():
    return dt.datetime(2026, 11, 20, tzinfo=dt.timezone.utc)
