"""A rebuild told unchanged from its inputs alone (no load), and everything that makes it change."""

from __future__ import annotations

import json
import os

import pytest

import generator.pipeline as pipeline
from generator import identity
from generator.inputs import input_key, tree_digest
from generator.pdf.render import YIELDING, _pools
from generator.pipeline import BuildOptions, build
from tests.helpers import edit


@pytest.fixture
def cached(tmp_path, monkeypatch):
    monkeypatch.setenv("PBXDOC_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def _refuse_to_load(*args, **kwargs):
    raise AssertionError("the project was loaded although its inputs had not changed")


def test_an_unchanged_rebuild_is_told_from_the_inputs_without_loading(cached, tmp_path, small_copy, monkeypatch):
    options = BuildOptions(out=tmp_path / "out", only=("data",))
    first = build(small_copy, options)
    assert first.manifest["input_key"] == input_key(small_copy, ("", "False", "customer", "False", "data"))

    with monkeypatch.context() as m:
        m.setattr(pipeline, "prepare", _refuse_to_load)
        again = build(small_copy, options)
    assert again.unchanged and again.project is None and again.manifest == first.manifest

    (small_copy / "documents").mkdir(exist_ok=True)
    (small_copy / "documents" / "new-offer.txt").write_text("a file no data names yet\n")  # any file counts
    assert not build(small_copy, options).unchanged
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # the date of every output
    assert not build(small_copy, options).unchanged
    assert not build(small_copy, BuildOptions(out=tmp_path / "out", only=("data",), audience="auditor")).unchanged
    assert build(small_copy, BuildOptions(out=tmp_path / "out", only=("data",), audience="auditor")).unchanged


def test_a_project_changed_while_it_was_built_gets_no_input_key(cached, tmp_path, small_copy, monkeypatch):
    real = pipeline.prepare

    def prepare_then_edit(*args, **kwargs):
        prepared = real(*args, **kwargs)
        edit(small_copy / "users.csv", "Sophie", "Sofia")  # the user saves a file during the build
        return prepared

    monkeypatch.setattr(pipeline, "prepare", prepare_then_edit)
    result = build(small_copy, BuildOptions(out=tmp_path / "out", only=("data",)))
    assert "input_key" not in result.manifest
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert "input_key" not in manifest


def test_the_tree_digest_covers_every_readable_file_and_gives_up_on_special_ones(tmp_path):
    (tmp_path / "pbxdoc.yaml").write_text("a: 1\n")
    (tmp_path / ".git").mkdir()
    before = tree_digest(tmp_path)
    (tmp_path / ".git" / "HEAD").write_text("ref: x\n")  # hidden: never read by the loader
    assert tree_digest(tmp_path) == before
    (tmp_path / "pbxdoc.yaml").write_text("a: 2\n")
    assert tree_digest(tmp_path) != before
    os.mkfifo(tmp_path / "pipe")
    assert tree_digest(tmp_path) is None  # the full build refuses it and says why


def test_the_code_identity_changes_with_any_template(tmp_path, monkeypatch):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "page.html").write_text("<p>{{ x }}</p>")
    monkeypatch.setattr(identity, "REPO", tmp_path)
    monkeypatch.setattr(identity, "CODE", (tmp_path / "templates",))
    identity.code_identity.cache_clear()
    try:
        first = identity.code_identity()
        (tmp_path / "templates" / "page.html").write_text("<p>{{ y }}</p>")
        identity.code_identity.cache_clear()
        assert identity.code_identity() != first and first.startswith(identity.__version__ + "+")
    finally:
        identity.code_identity.cache_clear()


def test_short_records_yield_the_cores_to_the_books():
    base = os.nice(0)
    with _pools(2) as pools:
        book = pools.submit(os.nice, 0, long=True)
        short = pools.submit(os.nice, 0, long=False)
        assert book.result() == base
        assert short.result() == min(base + YIELDING, 19)


def _thresholds(_) -> tuple[int, ...]:
    import gc

    return gc.get_threshold()


def test_typesetting_workers_collect_garbage_less_often():
    from generator.pdf.render import WORKER_GC_THRESHOLDS

    with _pools(2) as pools:
        assert pools.submit(_thresholds, None, long=True).result() == WORKER_GC_THRESHOLDS
        assert pools.submit(_thresholds, None, long=False).result() == WORKER_GC_THRESHOLDS
    assert _thresholds(None) != WORKER_GC_THRESHOLDS  # the main process keeps its own


def test_a_worker_collects_a_job_s_garbage_before_the_next(monkeypatch):
    """At the workers' thresholds the cycles of one language's book would still be in memory while
    the next one is typeset; each job ends with a collection."""
    import datetime as dt
    import gc

    from generator.pdf import render
    from generator.pdf.typeset import PdfJob

    collected: list[int] = []
    monkeypatch.setattr(gc, "collect", lambda *args: collected.append(1) or 0)
    job = PdfJob("pdf/x.pdf", "", {}, frozenset(), ".", (), dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc), frozen=b"%PDF-1.7", frozen_pages=1)
    assert render._typeset_in_worker(job).content == b"%PDF-1.7"
    assert collected == [1]
