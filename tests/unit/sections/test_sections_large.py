"""The synthetic large customer (bench/make_large.py): every page stays bounded, long lists move
to their own pages, and the sections build quickly."""

from __future__ import annotations

from tests.helpers import content_of

import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.document import to_markdown
from generator.i18n import Translator
from generator.load import load
from generator.sections import LONG_LIST_SLUGS, build_sections
from sections_fixtures import today  # noqa: F401  (fixtures)

MAKE_LARGE = Path(__file__).resolve().parents[3] / "bench" / "make_large.py"


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    if not MAKE_LARGE.exists():
        pytest.skip("bench/make_large.py is not on this branch yet")
    out = tmp_path_factory.mktemp("large") / "project"
    subprocess.run([sys.executable, str(MAKE_LARGE), "--out", str(out), "--scale", "0.2"], check=True, capture_output=True)
    return load(out)


def test_large_customer_pages_stay_bounded(large, today):
    start = time.perf_counter()
    docs = content_of(large, "fr", today).sections
    elapsed = time.perf_counter() - start
    pages = {d.slug: to_markdown(d) for d in docs}
    assert "numbering-users" in pages
    for slug, md in pages.items():
        if slug not in LONG_LIST_SLUGS:
            assert len(md) < 60_000, slug
    assert all(u.extension in pages["numbering-users"] for u in large.users)
    assert elapsed < 5
