"""Portfolio builds on real customer folders (small example copies, data renderer only, to stay fast):
incremental rebuilds, failures that stop nobody, shards whose merge is the one-machine dashboard."""

from __future__ import annotations

import json
import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from generator.cli import app
from generator.load import EXAMPLES, SMALL_EXAMPLE
from generator.portfolio.shards import shard_of
from tests.helpers import edit

runner = CliRunner()
EPOCH = "1795000000"  # 2026-11-18: the contract of the small example ends within 90 days
FAST = ("--only", "data", "--jobs", "2")


@contextmanager
def epoch(value: str = EPOCH):
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = value
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("SOURCE_DATE_EPOCH")
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def invoke(*args):
    with epoch():
        return runner.invoke(app, [str(a) for a in args])


def summary(result) -> dict:
    return json.loads(result.stdout)


def statuses(result) -> dict[str, str]:
    return {c["id"]: c["status"] for c in summary(result)["customers"]}


def make_portfolio(root: Path) -> Path:
    """Three customers: two valid copies of the small example, one with a broken file."""
    for name in ("rochat", "rochat-lutry", "broken"):
        shutil.copytree(EXAMPLES / SMALL_EXAMPLE, root / name)
    edit(root / "broken" / "servers.yaml", "platform: virtual", "platform: vm")
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The portfolio built once on one machine (every later test copies it)."""
    base = tmp_path_factory.mktemp("portfolio")
    customers = make_portfolio(base / "customers")
    result = invoke("portfolio", "build", customers, "-o", base / "out", *FAST, "--format", "json")
    return customers, base / "out", result


def test_each_customer_is_built_and_one_failure_stops_nobody(built):
    customers, out, result = built
    assert result.exit_code == 1, result.output
    assert statuses(result) == {"rochat": "built", "rochat-lutry": "built", "broken": "failed"}
    [broken] = [c for c in summary(result)["customers"] if c["id"] == "broken"]
    assert "invalid data, 1 error: servers.yaml:" in broken["reason"] and "platform" in broken["reason"]
    assert (out / "rochat" / "data" / "model.json").is_file() and not (out / "broken").exists()
    manifest = json.loads((out / "rochat" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["audience"] == "customer"  # least privileged by default
    assert invoke("verify", out / "rochat").exit_code == 0  # the customer's folder is exactly a pbxdoc build
    html = (out / "index.html").read_text(encoding="utf-8")
    assert html.count('<th scope="row"') == 3 and "Fiduciaire Rochat SA" in html and "platform" in html
    assert "lic-maint" in (out / "deadlines.ics").read_text(encoding="utf-8")  # the contract ends 2026-12-31


def test_unchanged_then_one_changed_then_broken_keeps_its_output(built, tmp_path):
    customers = shutil.copytree(built[0], tmp_path / "customers")
    out = shutil.copytree(built[1], tmp_path / "out")
    dashboard = (out / "index.html").read_bytes()

    again = invoke("portfolio", "build", customers, "-o", out, *FAST, "--format", "json")
    assert statuses(again) == {"rochat": "unchanged", "rochat-lutry": "unchanged", "broken": "failed"}
    assert "(unchanged since)" in {c["id"]: c["reason"] for c in summary(again)["customers"]}["broken"]  # invalid data is not rebuilt until it changes
    assert (out / "index.html").read_bytes() == dashboard

    edit(customers / "rochat-lutry" / "users.csv", "Chevalley", "Chevalley-Rey")
    changed = invoke("portfolio", "build", customers, "-o", out, *FAST, "--format", "json")
    assert statuses(changed) == {"rochat": "unchanged", "rochat-lutry": "built", "broken": "failed"}
    assert changed.exit_code == 1

    manifest = (out / "rochat-lutry" / "manifest.json").read_bytes()
    edit(customers / "rochat-lutry" / "servers.yaml", "platform: virtual", "platform: vm")
    broken = invoke("portfolio", "build", customers, "-o", out, *FAST, "--format", "json")
    assert statuses(broken)["rochat-lutry"] == "failed"
    assert (out / "rochat-lutry" / "manifest.json").read_bytes() == manifest  # the previous output stays
    state = json.loads((out / "_state" / "rochat-lutry.json").read_text(encoding="utf-8"))
    assert state["ok"] is False and state["facts"]["customer"]["name"] == "Fiduciaire Rochat SA"
    assert state["last_success"] == "2026-11-18T11:06:40+00:00"

    edit(customers / "broken" / "servers.yaml", "platform: vm", "platform: virtual")
    fixed = invoke("portfolio", "build", customers, "-o", out, *FAST, "--format", "json")
    assert statuses(fixed)["broken"] == "built"


def test_shards_partition_and_merge_gives_the_one_machine_dashboard(built, tmp_path):
    customers, out, _ = built
    ids = ["broken", "rochat", "rochat-lutry"]
    shards = []
    for i in (1, 2):
        shard_out = tmp_path / f"shard-{i}"
        result = invoke("portfolio", "build", customers, "-o", shard_out, "--shard", f"{i}/2", *FAST, "--format", "json")
        assert sorted(statuses(result)) == sorted(c for c in ids if shard_of(c, 2) == i)
        assert not (shard_out / "index.html").exists()  # a shard shows part of the portfolio: no dashboard
        shards.append(shard_out)
    merged = tmp_path / "merged"
    result = invoke("portfolio", "merge", *shards, "-o", merged, "--format", "json")
    assert result.exit_code == 1  # the broken customer
    assert json.loads(result.stdout)["failed"][0]["id"] == "broken"
    for name in ("index.html", "deadlines.ics", "rochat/manifest.json", "rochat-lutry/data/model.json"):
        assert (merged / name).read_bytes() == (out / name).read_bytes(), name
    assert invoke("verify", merged / "rochat").exit_code == 0

    again = invoke("portfolio", "merge", *shards, "-o", merged, "--format", "json")
    assert json.loads(again.stdout)["copied"] == 0  # a persistent OUT: unchanged outputs are not copied again


def test_a_customer_in_two_shard_outputs_is_refused(built, tmp_path):
    twin = shutil.copytree(built[1], tmp_path / "twin")
    result = invoke("portfolio", "merge", built[1], twin, "-o", tmp_path / "merged")
    assert result.exit_code == 2
    assert "customer broken is in two shard outputs" in result.output


def test_outputs_that_are_not_pbxdoc_s_are_left_alone(built, tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "thesis.docx").write_text("mine", encoding="utf-8")
    result = invoke("portfolio", "build", built[0], "-o", mine, *FAST)
    assert result.exit_code == 2 and "does not look like a portfolio output" in result.output
    assert invoke("portfolio", "merge", mine, "-o", tmp_path / "m").exit_code == 2
    assert [p.name for p in mine.iterdir()] == ["thesis.docx"]


def test_a_timeout_or_the_memory_cap_fails_that_customer_only(tmp_path):
    customers = tmp_path / "customers"
    shutil.copytree(EXAMPLES / SMALL_EXAMPLE, customers / "slow")
    timed_out = invoke("portfolio", "build", customers, "-o", tmp_path / "a", *FAST, "--timeout", "1", "--format", "json")
    assert timed_out.exit_code == 1
    assert summary(timed_out)["customers"][0]["reason"].startswith("timed out after 1 s")
    capped = invoke("portfolio", "build", customers, "-o", tmp_path / "b", *FAST, "--memory-mb", "40", "--format", "json")
    assert capped.exit_code == 1
    assert "40 MB" in summary(capped)["customers"][0]["reason"]
    assert not (tmp_path / "a" / "slow").exists() and not (tmp_path / "b" / "slow").exists()
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["_state", "deadlines.ics", "index.html"]  # no staging left behind


def test_usage_errors(tmp_path):
    assert invoke("portfolio", "build", tmp_path, "-o", tmp_path / "o", "--shard", "3/2").exit_code == 2
    assert invoke("portfolio", "build", tmp_path, "-o", tmp_path / "o", "--only", "nothing").exit_code == 2
    result = invoke("portfolio", "build", tmp_path / "missing", "-o", tmp_path / "o")
    assert result.exit_code == 2 and "is not a folder" in result.output


def _tagged(tag: str, command: str = "") -> list[int]:
    """Processes (not zombies) whose environment carries the tag (the run, its builds and what
    they start), and whose command line holds `command`."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if (
                tag.encode() in (proc / "environ").read_bytes()
                and command.encode() in (proc / "cmdline").read_bytes()
                and "\nState:\tZ" not in (proc / "status").read_text()
            ):
                found.append(int(proc.name))
        except OSError:
            continue
    return found


def test_a_terminated_run_stops_its_builds_and_records_nothing(tmp_path):
    import signal
    import subprocess
    import sys
    import time
    import uuid

    customers = tmp_path / "customers"
    for name in ("one", "two"):
        shutil.copytree(EXAMPLES / SMALL_EXAMPLE, customers / name)
    tag = f"PBXDOC_TEST_RUN={uuid.uuid4().hex}"
    env = {**os.environ, tag.split("=")[0]: tag.split("=")[1]}
    out = tmp_path / "out"
    run = subprocess.Popen([sys.executable, "-m", "generator", "portfolio", "build", str(customers), "-o", str(out), "--only", "pdf", "--jobs", "2"], env=env, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while len(_tagged(tag, "generator.portfolio.worker")) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(_tagged(tag, "generator.portfolio.worker")) == 2, "the two builds did not start"
    run.send_signal(signal.SIGTERM)
    assert run.wait(timeout=30) == 128 + signal.SIGTERM
    time.sleep(0.5)
    assert _tagged(tag) == []  # no build outlives the run
    assert sorted(p.name for p in out.iterdir()) == ["_state"] and list((out / "_state").iterdir()) == []
