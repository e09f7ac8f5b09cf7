"""The build key: the same inputs and options give the same key; any change of a file, an option
or a link gives another; links are hashed, never followed."""

from __future__ import annotations

import os
import shutil

from generator.portfolio.keys import build_key, tree_digest

OPTIONS = {"audience": "customer", "lang": None, "all_languages": False, "only": ["data"]}


def test_same_inputs_same_key(small_copy, small_path):
    assert build_key(small_copy, OPTIONS) == build_key(small_path, OPTIONS)


def test_a_changed_file_changes_the_key(small_copy):
    before = build_key(small_copy, OPTIONS)
    with (small_copy / "users.csv").open("a", encoding="utf-8") as f:
        f.write("\n")
    assert build_key(small_copy, OPTIONS) != before


def test_an_added_or_renamed_file_changes_the_key(small_copy):
    before = tree_digest(small_copy)
    (small_copy / "documents" / "new.txt").write_text("x", encoding="utf-8")
    added = tree_digest(small_copy)
    os.rename(small_copy / "documents" / "new.txt", small_copy / "documents" / "renamed.txt")
    assert len({before, added, tree_digest(small_copy)}) == 3


def test_options_are_in_the_key(small_copy):
    assert build_key(small_copy, OPTIONS) != build_key(small_copy, {**OPTIONS, "audience": "integrator"})


def test_a_link_is_hashed_as_a_link_not_followed(tmp_path):
    root = tmp_path / "project"
    root.mkdir()
    (root / "pbxdoc.yaml").write_text("a: 1\n", encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("one", encoding="utf-8")
    os.symlink(outside, root / "linked-folder")
    os.symlink(outside / "secret.txt", root / "linked-file")
    before = tree_digest(root)
    (outside / "secret.txt").write_text("two", encoding="utf-8")  # what the links point at is not read
    assert tree_digest(root) == before
    os.remove(root / "linked-file")
    os.symlink(tmp_path / "elsewhere", root / "linked-file")  # where a link points is in the key
    assert tree_digest(root) != before


def test_a_copy_elsewhere_has_the_same_digest(small_path, tmp_path):
    shutil.copytree(small_path, tmp_path / "a" / "deep" / "copy")
    assert tree_digest(tmp_path / "a" / "deep" / "copy") == tree_digest(small_path)
