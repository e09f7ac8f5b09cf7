"""The cache of typeset PDFs and drawn diagrams: hits are byte-identical, damage costs only time."""

from __future__ import annotations

import json
import time

import pytest

from generator.cache import SUFFIX, Cache, key
from generator.load import EXAMPLES, SMALL_EXAMPLE
from generator.pipeline import BuildOptions, build
from tests.helpers import edit


def test_a_damaged_entry_is_dropped_and_reported_as_missing(tmp_path):
    cache = Cache(tmp_path)
    cache.put("pdf", key("a"), b"%PDF-1.7 content", {"pages": 1})
    assert cache.get("pdf", key("a")) == ({"pages": 1, "sha256": cache.get("pdf", key("a"))[0]["sha256"]}, b"%PDF-1.7 content")
    (entry,) = tmp_path.rglob(f"*{SUFFIX}")
    entry.write_bytes(entry.read_bytes().replace(b"content", b"CONTENT"))
    assert cache.get("pdf", key("a")) is None and not entry.exists()
    assert key("ab", "c") != key("a", "bc")


def test_prune_keeps_the_bound_and_deletes_only_its_own_files(tmp_path):
    cache = Cache(tmp_path, max_bytes=450)  # entries of 179 bytes: two fit
    (tmp_path / "notes.txt").write_text("not ours")
    for i in range(5):
        cache.put("diagram", key(str(i)), bytes(100))
        time.sleep(0.01)
    cache.get("diagram", key("0"))  # used: kept
    cache.prune()
    kept = sorted(p.name for p in tmp_path.rglob(f"*{SUFFIX}"))
    assert len(kept) == 2 and f"{key('0')}{SUFFIX}" in kept
    assert (tmp_path / "notes.txt").read_text() == "not ours"


@pytest.fixture
def cached(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("PBXDOC_CACHE", str(folder))
    return folder


@pytest.mark.slow
def test_cached_and_damaged_caches_give_the_same_bytes_and_an_unchanged_build_is_not_redone(cached, tmp_path, small_copy):
    options = dict(only=("diagrams", "pdf"), cache=True)
    first = build(small_copy, BuildOptions(out=tmp_path / "a", **options))
    entries = sorted(cached.rglob(f"*{SUFFIX}"))
    assert any("/pdf/" in str(p) for p in entries) and any("/diagram/" in str(p) for p in entries)
    for entry in entries[::2]:  # damage half of the entries
        entry.write_bytes(entry.read_bytes()[:-7] + b"garbage")
    second = build(small_copy, BuildOptions(out=tmp_path / "b", **options))
    assert {k: v["sha256"] for k, v in second.manifest["files"].items()} == {k: v["sha256"] for k, v in first.manifest["files"].items()}
    assert not second.unchanged

    again = build(small_copy, BuildOptions(out=tmp_path / "b", **options))
    assert again.unchanged and again.manifest == second.manifest

    (tmp_path / "b" / "diagrams" / "backup.svg").write_text("<svg/>")  # OUT no longer as built
    repaired = build(small_copy, BuildOptions(out=tmp_path / "b", **options))
    assert not repaired.unchanged
    assert json.loads((tmp_path / "b" / "manifest.json").read_text())["files"] == first.manifest["files"]

    edit(small_copy / "users.csv", "Sophie", "Sofia")  # one user: only what shows users is made again
    changed = build(small_copy, BuildOptions(out=tmp_path / "c", **options))
    differs = {k for k in changed.manifest["files"] if changed.manifest["files"][k]["sha256"] != first.manifest["files"].get(k, {}).get("sha256")}
    assert differs and all(k.startswith("pdf/") for k in differs)
    assert not any("DISCHARGE" in k for k in differs)
