"""The output folder is replaced only by a complete build, and verify catches any change."""

from __future__ import annotations

import json

import pytest

from generator.output import Output, OutputError, verify


def test_commit_swaps_and_lists_files(tmp_path):
    out = tmp_path / "out"
    output = Output(out)
    output.write("a/b.txt", "hello")
    manifest = output.commit("digest", "2026-01-01T00:00:00+00:00")
    assert (out / "a" / "b.txt").read_text() == "hello"
    assert manifest["files"]["a/b.txt"]["sha256"] == "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
    assert json.loads((out / "manifest.json").read_text())["input_digest"] == "digest"
    assert verify(out) == []


def test_failed_build_leaves_previous_output(tmp_path):
    out = tmp_path / "out"
    first = Output(out)
    first.write("x.txt", "old")
    first.commit("d", "t")
    second = Output(out)
    second.write("x.txt", "new")
    second.discard()
    assert (out / "x.txt").read_text() == "old"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out")]


def test_refuses_foreign_folder(tmp_path):
    (tmp_path / "mine.txt").write_text("precious")
    with pytest.raises(OutputError, match="left untouched"):
        Output(tmp_path)
    assert (tmp_path / "mine.txt").read_text() == "precious"


def test_same_path_twice_is_refused(tmp_path):
    output = Output(tmp_path / "out")
    output.write("x.txt", "1")
    with pytest.raises(OutputError, match="two renderers"):
        output.write("x.txt", "2")
    output.discard()


def test_path_escape_is_refused(tmp_path):
    output = Output(tmp_path / "out")
    with pytest.raises(OutputError):
        output.write("../evil.txt", "x")
    output.discard()


def test_verify_reports_changed_missing_and_extra(tmp_path):
    out = tmp_path / "out"
    output = Output(out)
    output.write("a.txt", "a")
    output.write("b.txt", "b")
    output.commit("d", "t")
    (out / "a.txt").write_bytes(b"A")
    (out / "b.txt").unlink()
    (out / "c.txt").write_text("c")
    assert verify(out) == ["changed: a.txt", "missing: b.txt", "not in manifest: c.txt"]
