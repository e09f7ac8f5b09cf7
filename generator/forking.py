"""Child programs and forked workers, kept apart.

A worker process forked while a child program runs inherits the parent's ends of that program's
pipes: the program never sees the end of its input (Graphviz waits on stdin), its parent never
sees it finish, and the build hangs. A program runs through `child_program` (many at once); the
workers are forked through `forking`, which waits until no program runs and holds new ones back
meanwhile. Stdlib only: every stage may use it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

_state = threading.Condition()
_running = 0  # child programs between their start and their end
_forks = 0  # forks waiting or under way: new programs wait for them


@contextmanager
def child_program() -> Iterator[None]:
    global _running
    with _state:
        _state.wait_for(lambda: _forks == 0)
        _running += 1
    try:
        yield
    finally:
        with _state:
            _running -= 1
            _state.notify_all()


@contextmanager
def forking() -> Iterator[None]:
    global _forks
    with _state:
        _forks += 1
        _state.wait_for(lambda: _running == 0)
    try:
        yield
    finally:
        with _state:
            _forks -= 1
            _state.notify_all()
