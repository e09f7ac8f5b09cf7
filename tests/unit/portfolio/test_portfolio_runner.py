"""Stopping a customer's build: the child and what it started are killed, the staging folder it
was writing goes, everything else in OUT stays."""

from __future__ import annotations

import subprocess
import sys
import time

from pathlib import Path

from generator.portfolio.runner import Job, _stop


def alive(pid: int) -> bool:
    """Running (a killed process may linger as a zombie until its new parent reaps it)."""
    for _ in range(50):
        status = Path(f"/proc/{pid}/status")
        if not status.exists() or "\nState:\tZ" in status.read_text():
            return False
        time.sleep(0.02)
    return True


def test_stop_kills_the_process_group_and_removes_only_its_staging(tmp_path):
    out = tmp_path / "out"
    (out / ".acme.partial-x1y2").mkdir(parents=True)
    (out / ".acme.partial-x1y2" / "half.pdf").write_bytes(b"%PDF")
    (out / "acme").mkdir()
    (out / "acme" / "manifest.json").write_text("{}", encoding="utf-8")  # the previous output
    (out / ".acme-bis.partial-zz").mkdir()  # another customer's build in progress
    child = (
        "import subprocess, sys, time\n"
        "g = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
        "print(g.pid, flush=True)\n"
        "time.sleep(60)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", child], start_new_session=True, stdout=subprocess.PIPE, text=True)
    grandchild = int(proc.stdout.readline())  # started, like Graphviz under a build
    _stop(proc, Job("acme", tmp_path, out / "acme", {}))
    assert proc.returncode == -9
    assert not alive(grandchild)
    assert sorted(p.name for p in out.iterdir()) == [".acme-bis.partial-zz", "acme"]
    assert (out / "acme" / "manifest.json").is_file()
