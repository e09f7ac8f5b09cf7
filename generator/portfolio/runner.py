"""Run customer builds in parallel, each in its own process with a memory cap and a timeout.

A child that is killed, times out or crashes becomes a failed outcome with its reason; the other
builds go on. Threads only wait for children: the work happens in the processes.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

MAX_RESULT_BYTES = 64 * 1024 * 1024
STDERR_TAIL = 600


@dataclass(frozen=True)
class Job:
    customer_id: str
    root: Path
    out: Path
    options: dict


@dataclass(frozen=True)
class Outcome:
    customer_id: str
    status: str  # built | invalid | failed
    reason: str = ""
    facts: dict | None = None
    seconds: float = 0.0
    files: int = 0


@dataclass(frozen=True)
class Limits:
    jobs: int = 1
    timeout: float = 600.0
    memory_mb: int = 4096


def _tail(path: Path) -> str:
    """The telling line of a dead child's error output: the last one naming an error, else the last."""
    with path.open("rb") as f:
        f.seek(max(0, path.stat().st_size - 16 * STDERR_TAIL))
        data = f.read().decode("utf-8", "replace")
    lines = [line.strip() for line in data.splitlines() if line.strip()]
    telling = [line for line in lines if "error" in line.lower() or "memory" in line.lower()]
    return (telling or lines or [""])[-1][-STDERR_TAIL:]


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def _stop(proc: subprocess.Popen, job: Job) -> None:
    """Kill a child and whatever it started, and remove the staging folder it was writing (the
    output module names it .<customer>.partial-*; the previous output is untouched)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()
    for staging in job.out.parent.glob(f".{job.out.name}.partial-*"):
        if staging.is_dir() and not staging.is_symlink():
            shutil.rmtree(staging, ignore_errors=True)


class Children:
    """The build processes running now, so that an interrupted run stops every one of them (each
    runs in a session of its own, out of reach of the terminal's Ctrl-C or a CI's SIGTERM)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running: dict[int, tuple[subprocess.Popen, Job]] = {}
        self.stopping = False

    def add(self, proc: subprocess.Popen, job: Job) -> bool:
        with self._lock:
            if not self.stopping:
                self._running[proc.pid] = (proc, job)
            return not self.stopping

    def remove(self, proc: subprocess.Popen) -> None:
        with self._lock:
            self._running.pop(proc.pid, None)

    def stop_all(self) -> None:
        with self._lock:
            self.stopping = True
            running = list(self._running.values())
        for proc, job in running:
            _stop(proc, job)


def run_one(job: Job, limits: Limits, children: Children | None = None) -> Outcome:
    """Build one customer in a child process and say how it went."""
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="pbxdoc-portfolio-") as scratch:
        result_path = Path(scratch) / "result.json"
        stderr_path = Path(scratch) / "stderr.txt"
        payload = json.dumps(
            {"root": str(job.root), "out": str(job.out), "options": job.options, "memory_mb": limits.memory_mb, "result": str(result_path)}
        ).encode()
        with stderr_path.open("wb") as stderr:
            proc = subprocess.Popen(
                [sys.executable, "-m", "generator.portfolio.worker"],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
                start_new_session=True,  # its own process group: a timeout kills Graphviz too
            )
            if children is not None and not children.add(proc, job):
                _stop(proc, job)
                return Outcome(job.customer_id, "failed", "interrupted")
            try:
                proc.communicate(payload, timeout=limits.timeout)
            except subprocess.TimeoutExpired:
                _stop(proc, job)
                return Outcome(job.customer_id, "failed", f"timed out after {limits.timeout:g} s (--timeout); the previous output is kept", seconds=time.perf_counter() - start)
            except BaseException:  # interrupted: children in their own sessions would outlive us
                _stop(proc, job)
                raise
            finally:
                if children is not None:
                    children.remove(proc)
        seconds = time.perf_counter() - start
        if result_path.is_file() and result_path.stat().st_size <= MAX_RESULT_BYTES:
            result = json.loads(result_path.read_text(encoding="utf-8"))
            return Outcome(job.customer_id, result["status"], result.get("reason", ""), result.get("facts"), seconds, result.get("files", 0))
        if proc.returncode < 0:
            reason = f"the build process was killed by {_signal_name(-proc.returncode)}"
            if limits.memory_mb:
                reason += f" (out of memory? each build may use {limits.memory_mb} MB, --memory-mb)"
        else:
            reason = f"the build process exited with status {proc.returncode}"
        tail = _tail(stderr_path)
        return Outcome(job.customer_id, "failed", f"{reason}: {tail}" if tail else reason, seconds=seconds)


def run_all(jobs: list[Job], limits: Limits, done=lambda outcome: None) -> list[Outcome]:
    """Every job, at most `limits.jobs` at a time; `done` is told of each outcome as it comes.
    Interrupted (Ctrl-C, SIGTERM turned into SystemExit), it kills the builds running, starts no
    other, and records nothing for the killed ones: their previous state and output stay."""
    children = Children()

    def task(job: Job) -> Outcome:
        outcome = run_one(job, limits, children)
        if not children.stopping:
            done(outcome)
        return outcome

    if not jobs:
        return []
    pool = ThreadPoolExecutor(max_workers=max(1, limits.jobs))
    try:
        return list(pool.map(task, jobs))
    except BaseException:
        children.stop_all()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
