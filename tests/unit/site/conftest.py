"""Shared fixtures of the site's unit tests (the small example comes from tests/conftest.py)."""

from __future__ import annotations

from tests.helpers import content_of

import datetime as dt

import pytest

from generator.i18n import Translator


@pytest.fixture(scope="session")
def fr():
    return Translator("fr")


@pytest.fixture(scope="session")
def generated():
    return dt.datetime(2026, 11, 20, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="session")
def small_plan(small_project, fr, generated):
    """The French site plan of the small example (drawing its diagrams takes a few seconds)."""
    from generator.site.plan import plan_site

    return plan_site(content_of(small_project, fr.lang, generated.date()))
