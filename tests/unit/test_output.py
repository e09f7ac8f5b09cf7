"""The output folder is replaced only by a complete build, never a folder of the user's, and verify
catches any change while reading nothing outside the output folder."""

from __future__ import annotations

import hashlib

import errno
import json
import os
import threading
import time

import pytest

from generator.output import MANIFEST, Output, OutputError, OutputRefused, verify


@pytest.fixture
def project(tmp_path):
    root = tmp_path / "project"
    root.mkdir()
    (root / "pbxdoc.yaml").write_text("customer: x\n")
    return root


def tree(folder):
    """Every path under a folder with its bytes (None for folders), to prove nothing was touched."""
    return {p.relative_to(folder).as_posix(): (None if p.is_dir() else p.read_bytes()) for p in sorted(folder.rglob("*"))}


def built(out, project, files=None):
    output = Output(out, project=project)
    for rel, text in (files or {"x.txt": "old"}).items():
        output.write(rel, text)
    output.commit("d", "t")


def leftovers(parent):
    return sorted(p.name for p in parent.iterdir() if p.name.startswith(".out.") and p.name != ".out.lock")


def test_commit_swaps_and_lists_files(tmp_path, project):
    out = tmp_path / "out"
    output = Output(out, project=project)
    output.write("a/b.txt", "hello")
    manifest = output.commit("digest", "2026-01-01T00:00:00+00:00")
    assert (out / "a" / "b.txt").read_text() == "hello"
    assert manifest["files"]["a/b.txt"]["sha256"] == "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
    written = json.loads((out / "manifest.json").read_text())
    assert written["input_digest"] == "digest"
    assert written["generator"]["name"] == "pbxdoc" and written["generator"]["version"]
    assert verify(out) == []
    assert leftovers(tmp_path) == []


def test_failed_build_leaves_previous_output(tmp_path, project):
    out = tmp_path / "out"
    built(out, project)
    second = Output(out, project=project)
    second.write("x.txt", "new")
    second.discard()
    assert (out / "x.txt").read_text() == "old"
    assert leftovers(tmp_path) == []


# --- 1. never destroy the user's files -----------------------------------------------------------


def test_refuses_foreign_folder(tmp_path, project):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "thesis.docx").write_text("precious")
    with pytest.raises(OutputRefused, match="left untouched"):
        Output(mine, project=project)
    assert tree(mine) == {"thesis.docx": b"precious"}


@pytest.mark.parametrize("where", ["project", "parent", "inside"])
def test_refuses_the_project_a_folder_holding_it_or_inside_it(tmp_path, project, where):
    (project / MANIFEST).write_text("{}")  # once enough for the whole project to be deleted
    target = {"project": project, "parent": tmp_path, "inside": project / "build"}[where]
    before = tree(tmp_path)
    with pytest.raises(OutputRefused, match="project folder"):
        Output(target, project=project)
    assert tree(tmp_path) == before


@pytest.mark.parametrize(
    "manifest",
    ["{}", '{"files": {}}', '{"generator": "other", "files": {}}', '{"generator": {"name": "mkdocs"}, "files": {}}', "not json", "[]"],
)
def test_refuses_a_manifest_pbxdoc_did_not_write(tmp_path, project, manifest):
    out = tmp_path / "out"
    out.mkdir()
    (out / MANIFEST).write_text(manifest)
    (out / "thesis.docx").write_text("precious")
    before = tree(tmp_path)
    with pytest.raises(OutputRefused, match="not written by pbxdoc"):
        Output(out, project=project)
    assert tree(tmp_path) == before


def test_a_manifest_that_is_a_link_is_not_ours(tmp_path, project):
    built(tmp_path / "real", project)
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("precious")
    (out / MANIFEST).symlink_to(tmp_path / "real" / MANIFEST)
    with pytest.raises(OutputRefused):
        Output(out, project=project)
    assert (out / "mine.txt").read_text() == "precious"


def test_an_output_of_an_earlier_pbxdoc_is_replaced(tmp_path, project):
    out = tmp_path / "out"
    out.mkdir()
    (out / MANIFEST).write_text('{"generator": "pbxdoc", "files": {}}')
    (out / "old.txt").write_text("old")
    built(out, project)
    assert not (out / "old.txt").exists()


def test_build_cli_refuses_the_project_as_output_with_exit_2(small_copy):
    from typer.testing import CliRunner

    from generator.cli import app

    (small_copy / MANIFEST).write_text("{}")
    before = tree(small_copy)
    result = CliRunner().invoke(app, ["build", str(small_copy), "-o", str(small_copy), "--only", "data"])
    assert result.exit_code == 2, result.output
    assert "is the project folder itself" in result.output
    assert tree(small_copy) == before


# --- 2. atomic output in the real world -----------------------------------------------------------


def test_a_mount_point_gets_its_contents_replaced(tmp_path, project, monkeypatch):
    out = tmp_path / "out"
    built(out, project, {"x.txt": "old", "gone/y.txt": "old"})
    mount = os.stat(out).st_ino
    rename = os.rename

    def busy(src, dst, *args, **kwargs):
        if os.fspath(src) == os.fspath(out):
            raise OSError(errno.EBUSY, "Device or resource busy", os.fspath(src))
        return rename(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "rename", busy)
    built(out, project, {"x.txt": "new", "z/w.txt": "new"})
    assert os.stat(out).st_ino == mount
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == ["manifest.json", "x.txt", "z", "z/w.txt"]
    assert (out / "x.txt").read_text() == "new"
    assert verify(out) == []
    assert leftovers(tmp_path) == []


def test_a_crash_between_the_two_renames_is_recovered(tmp_path, project):
    out = tmp_path / "out"
    built(out, project)
    os.rename(out, tmp_path / ".out.old-99999999")  # what a build killed after its first rename leaves
    (tmp_path / ".out.partial-abc").mkdir()
    (tmp_path / ".out.partial-abc" / ".pbxdoc-staging").touch()
    second = Output(out, project=project)
    assert (out / "x.txt").read_text() == "old"
    assert verify(out) == []
    second.discard()
    assert leftovers(tmp_path) == []


def test_a_crash_while_replacing_a_mount_point_is_rolled_back(tmp_path, project):
    out = tmp_path / "out"
    built(out, project, {"x.txt": "old", "a/b.txt": "old"})
    trash = out / ".pbxdoc-old-99999999"  # killed after moving the manifest and a/ aside, and one new file in
    trash.mkdir()
    for name in ("manifest.json", "a"):
        os.rename(out / name, trash / name)
    (out / "new.txt").write_text("half a build")
    Output(out, project=project).discard()
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == ["a", "a/b.txt", "manifest.json", "x.txt"]
    assert verify(out) == []


def test_leftovers_that_pbxdoc_did_not_write_are_kept(tmp_path, project):
    out = tmp_path / "out"
    built(out, project)
    foreign = tmp_path / ".out.partial-mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("precious")
    Output(out, project=project).discard()
    assert (foreign / "notes.txt").read_text() == "precious"


def test_a_second_build_into_the_same_output_waits_then_refuses(tmp_path, project):
    out = tmp_path / "out"
    built(out, project)
    first = Output(out, project=project)
    started = time.monotonic()
    with pytest.raises(OutputError, match="another pbxdoc build is writing into"):
        Output(out, project=project, lock_timeout=0.3)
    assert 0.3 <= time.monotonic() - started < 5
    first.write("x.txt", "first")
    first.commit("d", "t")
    assert (out / "x.txt").read_text() == "first"


def test_a_second_build_gets_the_output_once_the_first_is_done(tmp_path, project):
    out = tmp_path / "out"
    first = Output(out, project=project)
    first.write("x.txt", "first")
    threading.Timer(0.3, first.commit, ("d", "t")).start()
    second = Output(out, project=project, lock_timeout=10)
    assert (out / "x.txt").read_text() == "first"
    second.write("x.txt", "second")
    second.commit("d", "t")
    assert (out / "x.txt").read_text() == "second"


def test_a_full_disk_is_one_clear_error_and_the_previous_output_stays(tmp_path, project, monkeypatch):
    out = tmp_path / "out"
    built(out, project)
    output = Output(out, project=project)
    real = type(out).write_bytes

    def full(self, data):
        if output.staging in self.parents:
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return real(self, data)

    monkeypatch.setattr(type(out), "write_bytes", full)
    with pytest.raises(OutputError, match="cannot write x.txt: .*No space left on device; the output folder was left as it was"):
        output.write("x.txt", "new")
    output.discard()
    assert (out / "x.txt").read_text() == "old"
    assert leftovers(tmp_path) == []


def test_a_read_only_parent_is_one_clear_error(tmp_path, project, monkeypatch):
    import tempfile

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system", str(tmp_path))

    monkeypatch.setattr(tempfile, "mkdtemp", read_only)
    with pytest.raises(OutputError, match="Read-only file system"):
        Output(tmp_path / "out", project=project)
    monkeypatch.undo()
    Output(tmp_path / "out", project=project, lock_timeout=0).discard()  # the lock was released


def test_same_path_twice_is_refused(tmp_path, project):
    output = Output(tmp_path / "out", project=project)
    output.write("x.txt", "1")
    with pytest.raises(OutputError, match="two renderers"):
        output.write("x.txt", "2")
    output.discard()


def test_path_escape_is_refused(tmp_path, project):
    output = Output(tmp_path / "out", project=project)
    with pytest.raises(OutputError):
        output.write("../evil.txt", "x")
    output.discard()


# --- 8. verify reads only OUT ---------------------------------------------------------------------


def test_verify_reports_changed_missing_and_extra(tmp_path, project):
    out = tmp_path / "out"
    built(out, project, {"a.txt": "a", "b.txt": "b"})
    (out / "a.txt").write_bytes(b"A")
    (out / "b.txt").unlink()
    (out / "c.txt").write_text("c")
    changed = f"changed: a.txt (sha256 {hashlib.sha256(b'A').hexdigest()}, manifest: {hashlib.sha256(b'a').hexdigest()})"
    assert verify(out) == [changed, "missing: b.txt", "not in manifest: c.txt"]


def plant(out, entries):
    manifest = json.loads((out / MANIFEST).read_text())
    manifest["files"].update(entries)
    (out / MANIFEST).write_text(json.dumps(manifest))


def test_verify_refuses_entries_outside_the_output_and_reads_none(tmp_path, project, monkeypatch):
    out = tmp_path / "out"
    built(out, project)
    secret = tmp_path / "secret.txt"
    secret.write_text("1234")
    (out / "sub").mkdir()
    (out / "sub" / "up").symlink_to(tmp_path)
    (out / "link.txt").symlink_to(secret)
    fifo = out / "pipe"
    os.mkfifo(fifo)
    plant(out, {f"../{secret.name}": {"sha256": "x"}, str(secret): {"sha256": "x"}, "sub/up/secret.txt": {"sha256": "x"}, "link.txt": {"sha256": "x"}, "pipe": {"sha256": "x"}, "a/./b": {}})
    import generator.output as module

    opened = []
    real = module.sha256_file
    monkeypatch.setattr(module, "sha256_file", lambda path: opened.append(path) or real(path))
    problems = verify(out)
    assert opened == [out / "x.txt"]
    assert f"refused: ../{secret.name}: outside the output folder" in problems
    assert f"refused: {secret}: outside the output folder" in problems
    assert "refused: sub/up/secret.txt: a link (verify reads only files inside the output folder)" in problems
    assert "refused: link.txt: a link (verify reads only files inside the output folder)" in problems
    assert "refused: pipe: not a regular file" in problems
    assert "refused: a/./b: outside the output folder" in problems
    assert "not in manifest: sub/up" in problems


def test_verify_escapes_control_characters_in_names(tmp_path, project):
    out = tmp_path / "out"
    built(out, project)
    (out / "\x1b[31mred.txt").write_text("x")
    assert verify(out) == ["not in manifest: \\x1b[31mred.txt"]


def test_verify_cli_refuses_with_exit_1_and_a_foreign_manifest_with_exit_2(tmp_path, project):
    from typer.testing import CliRunner

    from generator.cli import app

    out = tmp_path / "out"
    built(out, project)
    plant(out, {"/etc/passwd": {"sha256": "x"}})
    result = CliRunner().invoke(app, ["verify", str(out)])
    assert result.exit_code == 1
    assert "refused: /etc/passwd: outside the output folder" in result.output
    (out / MANIFEST).write_text('{"files": {"/etc/passwd": {}}}')
    result = CliRunner().invoke(app, ["verify", str(out)])
    assert result.exit_code == 2
    assert "no manifest.json written by pbxdoc" in result.output


# --- 2. the file system refuses: one message, exit 1, no traceback ----------------------------------


def run_main(monkeypatch, capsys, *args):
    import signal
    import sys

    from generator.cli import main

    monkeypatch.setattr(sys, "argv", ["pbxdoc", *args])
    handler = signal.getsignal(signal.SIGTERM)
    try:
        with pytest.raises(SystemExit) as exit:
            main()
    finally:
        signal.signal(signal.SIGTERM, handler)
    return exit.value.code, capsys.readouterr().err


def test_build_on_a_read_only_file_system_keeps_the_previous_output(tmp_path, small_path, monkeypatch, capsys):
    out = tmp_path / "out"
    assert run_main(monkeypatch, capsys, "build", str(small_path), "-o", str(out), "--only", "data")[0] == 0
    before = tree(out)
    rename = os.rename

    def read_only(src, dst, *args, **kwargs):
        if os.fspath(src) == os.fspath(out):
            raise OSError(errno.EROFS, "Read-only file system", os.fspath(src))
        return rename(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "rename", read_only)
    code, err = run_main(monkeypatch, capsys, "build", str(small_path), "-o", str(out), "--only", "data", "--no-cache")
    assert code == 1
    assert err.strip().splitlines() == [f"pbxdoc: cannot write {out}: {out}: Read-only file system; the output folder was left as it was"]
    assert tree(out) == before
    assert leftovers(tmp_path) == []


def test_a_full_disk_outside_the_output_code_is_one_line_too(tmp_path, monkeypatch, capsys):
    from pathlib import Path

    def full(self, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(self))

    monkeypatch.setattr(Path, "write_text", full)
    code, err = run_main(monkeypatch, capsys, "schema", "-o", str(tmp_path / "schemas"))
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert err.startswith(f"pbxdoc: {tmp_path / 'schemas'}/") and err.strip().endswith(": No space left on device")


def test_temporary_folders_of_dead_runs_are_removed_by_the_next_build(tmp_path, project):
    import subprocess
    import sys
    import tempfile
    from pathlib import Path

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    base = Path(tempfile.gettempdir())
    stale = base / f"pbxdoc-icons-{dead.pid}-abc123"
    running = base / f"pbxdoc-icons-{os.getppid()}-abc123"
    foreign = base / f"pbxdoc-icons-{dead.pid}"  # not a name pbxdoc makes
    for folder in (stale, running, foreign):
        folder.mkdir()
        (folder / "phone.png").write_bytes(b"png")
    try:
        Output(tmp_path / "out", project=project).discard()
        assert not stale.exists()
        assert running.exists() and foreign.exists()
    finally:
        for folder in (stale, running, foreign):
            if folder.exists():
                (folder / "phone.png").unlink()
                folder.rmdir()


def test_a_failure_of_the_second_rename_puts_the_previous_output_back(tmp_path, project, monkeypatch):
    out = tmp_path / "out"
    built(out, project)
    before = tree(out)
    output = Output(out, project=project)
    output.write("x.txt", "new")
    rename = os.rename

    def staging_fails(src, dst, *args, **kwargs):
        if os.fspath(src) == os.fspath(output.staging):
            raise OSError(errno.EIO, "Input/output error", os.fspath(src))
        return rename(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "rename", staging_fails)
    with pytest.raises(OutputError, match="Input/output error; the output folder was left as it was"):
        output.commit("d", "t")
    output.discard()
    assert tree(out) == before


def test_a_mount_point_half_replaced_gets_its_old_contents_back(tmp_path, project, monkeypatch):
    import shutil

    out = tmp_path / "out"
    built(out, project, {"x.txt": "old", "a/b.txt": "old"})
    before = tree(out)
    rename, move, moved = os.rename, shutil.move, []

    def busy(src, dst, *args, **kwargs):
        if os.fspath(src) == os.fspath(out):
            raise OSError(errno.EBUSY, "Device or resource busy", os.fspath(src))
        return rename(src, dst, *args, **kwargs)

    def full(src, dst, *args, **kwargs):
        moved.append(src)
        if len(moved) == 2:
            raise OSError(errno.ENOSPC, "No space left on device", os.fspath(dst))
        return move(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "rename", busy)
    monkeypatch.setattr(shutil, "move", full)
    output = Output(out, project=project)
    output.write("x.txt", "new")
    output.write("z.txt", "new")
    with pytest.raises(OutputError, match="No space left on device"):
        output.commit("d", "t")
    output.discard()
    assert tree(out) == before


def test_the_program_exits_quickly_with_its_code_and_leaves_no_temporary_folder(tmp_path, small_path):
    """`pbxdoc` (generator.cli.run) skips tearing the interpreter down: it still says what main()
    says, with main()'s exit code, and removes the folders it kept for the process (icon rasters)."""
    import subprocess
    import sys
    import tempfile
    from pathlib import Path

    build = subprocess.Popen([sys.executable, "-m", "generator", "build", str(small_path), "-o", str(tmp_path / "d"), "--only", "diagrams", "--no-cache"], stderr=subprocess.PIPE, text=True)
    _, err = build.communicate()
    assert build.returncode == 0, err
    assert any((tmp_path / "d").rglob("*.svg"))
    # The icon rasters' folder of that process (named with its id) is gone.
    assert not list(Path(tempfile.gettempdir()).glob(f"pbxdoc-icons-{build.pid}-*"))
    bad = subprocess.run([sys.executable, "-m", "generator", "validate", str(tmp_path / "nowhere")], capture_output=True, text=True)
    assert bad.returncode == 2 and "is not a folder" in bad.stderr
    usage = subprocess.run([sys.executable, "-m", "generator", "no-such-command"], capture_output=True, text=True)
    assert usage.returncode == 2 and "No such command" in usage.stderr

