"""Workers are never forked while a child program runs (the fork would hold the program's pipes
open and hang the build: Graphviz waiting on stdin, the build waiting on Graphviz)."""

from __future__ import annotations

import threading
import time

from generator.forking import child_program, forking


def test_a_fork_waits_for_running_programs_and_holds_new_ones_back():
    events: list[str] = []
    program_started, release_program = threading.Event(), threading.Event()

    def program(name: str, started: threading.Event | None = None, release: threading.Event | None = None):
        with child_program():
            events.append(f"{name} start")
            if started:
                started.set()
            if release:
                release.wait(5)
            events.append(f"{name} end")

    def fork():
        with forking():
            events.append("fork")

    first = threading.Thread(target=program, args=("dot-1", program_started, release_program))
    first.start()
    assert program_started.wait(5)
    forker = threading.Thread(target=fork)
    forker.start()
    time.sleep(0.2)
    assert "fork" not in events  # dot-1 still runs: no fork yet
    second = threading.Thread(target=program, args=("dot-2",))
    second.start()
    time.sleep(0.2)
    assert "dot-2 start" not in events  # a fork is waiting: the next program waits for it
    release_program.set()
    for thread in (first, forker, second):
        thread.join(5)
    assert events == ["dot-1 start", "dot-1 end", "fork", "dot-2 start", "dot-2 end"]


def test_programs_run_side_by_side_when_nothing_forks():
    inside = threading.Barrier(2, timeout=5)

    def program():
        with child_program():
            inside.wait()  # both inside at once, or the barrier breaks

    threads = [threading.Thread(target=program) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(5)
    assert not inside.broken
