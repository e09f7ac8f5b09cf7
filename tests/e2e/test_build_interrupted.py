"""A build killed with SIGTERM (a CI timeout, `docker stop`) exits as a normal failure: the previous
output stays, and no staging folder, temporary folder or PDF worker process is left behind."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generator.load import EXAMPLES, SMALL_EXAMPLE

REPO = Path(__file__).resolve().parents[2]


def python_children(pid: int) -> set[int]:
    """The child processes running Python: the PDF workers (Graphviz and rsvg are other programs)."""
    found = set()
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(pid) and fields.get("Name", "").startswith("python"):
            found.add(int(status.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def test_sigterm_mid_build_cleans_up_and_keeps_the_previous_output(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    previous = {"generator": {"name": "pbxdoc", "version": "0"}, "files": {}}
    (out / "manifest.json").write_text(json.dumps(previous))
    env = {**os.environ, "PYTHONPATH": str(REPO), "PBXDOC_CACHE": "off"}  # every PDF typeset: workers to stop
    build = subprocess.Popen(
        [sys.executable, "-m", "generator", "build", str(EXAMPLES / SMALL_EXAMPLE), "-o", str(out)],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and build.poll() is None:
        workers = python_children(build.pid)
        if workers:
            break  # typesetting PDFs in worker processes
        time.sleep(0.05)
    assert build.poll() is None, "the build ended before it could be interrupted"
    assert workers and list(tmp_path.glob(".out.partial-*"))
    temporary = [p for p in Path(tempfile.gettempdir()).glob(f"pbxdoc-*-{build.pid}-*")]
    assert temporary, "the diagrams' temporary folder carries the build's process id"
    build.send_signal(signal.SIGTERM)
    stopped = time.monotonic()
    _, err = build.communicate(timeout=60)
    assert time.monotonic() - stopped < 20, "the PDFs still queued were typeset after SIGTERM"
    assert build.returncode == 128 + signal.SIGTERM
    assert b"Traceback" not in err, err.decode()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.lock", "out"]
    assert json.loads((out / "manifest.json").read_text()) == previous
    assert not [p for p in temporary if p.exists()]
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(alive(pid) for pid in workers):
        time.sleep(0.1)
    assert not [pid for pid in workers if alive(pid)], "PDF worker processes outlived the build"
