"""Loading pauses the cyclic garbage collector (large projects load in linear time) and restores it."""

from __future__ import annotations

import gc
import sys

from generator.load import validate

LOAD_STAGES = {"read_project_files", "build_project", "check_references"}


def _inside_a_load_stage() -> bool:
    frame = sys._getframe()
    while frame is not None:
        if frame.f_code.co_name in LOAD_STAGES:
            return True
        frame = frame.f_back
    return False


def test_no_collection_runs_while_loading(small_path):
    during_load = []

    def record(phase, info):
        if phase == "start" and _inside_a_load_stage():
            during_load.append(info["generation"])

    gc.callbacks.append(record)
    try:
        validate(small_path)
    finally:
        gc.callbacks.remove(record)
    assert during_load == []


def test_collector_state_is_restored(small_path, tmp_path):
    assert gc.isenabled()
    validate(small_path)
    validate(tmp_path / "missing")  # an invalid project takes the early return
    assert gc.isenabled()
    gc.disable()
    try:
        validate(small_path)
        assert not gc.isenabled()
    finally:
        gc.enable()
