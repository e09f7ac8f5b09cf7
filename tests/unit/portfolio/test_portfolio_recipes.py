"""The CI and Kubernetes recipes of docs/recipes: their commands, run as each engine would run them
(with its variables set, and `pbxdoc` replaced by a recorder), build every shard once and merge
them all; and docs/portfolio.md shows the real --help."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from generator.cli import app
from generator.portfolio.shards import parse_shard

DOCS = Path(__file__).resolve().parents[3] / "docs"
RECIPES = DOCS / "recipes"
RECORD = 'pbxdoc() { printf "%s\\0" "$@" >> "$PBXDOC_CALLS"; printf "\\n" >> "$PBXDOC_CALLS"; return 1; }\n'


def run_script(script: str, env: dict[str, str], tmp_path: Path, allowed: tuple[int, ...] = (0,)) -> list[list[str]]:
    """Run a recipe's shell step with `pbxdoc` recorded (it answers 1: some customers failed, which
    the recipe must tolerate, in the shell or by the engine's `allowed` exit codes); the recorded
    calls, each as its argument list."""
    calls = tmp_path / "calls"
    calls.write_bytes(b"")
    result = subprocess.run(["bash", "-ec", RECORD + script], env={"PATH": "/usr/bin:/bin", "PBXDOC_CALLS": str(calls), **env}, cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode in allowed, result.stderr
    return [[a for a in line.split("\0") if a] for line in calls.read_text().split("\n") if line]


def option(args: list[str], name: str) -> str:
    return args[args.index(name) + 1]


def check_partition(shards: list[str], outputs: list[str], merged: list[str]) -> None:
    parsed = [parse_shard(s) for s in shards]
    counts = {s.count for s in parsed}
    assert len(counts) == 1, shards
    assert sorted(s.index for s in parsed) == list(range(1, counts.pop() + 1))  # each shard once
    assert set(merged) >= set(outputs)  # the merge sees every shard's output


def test_gitlab_parallel_matrix(tmp_path):
    ci = yaml.safe_load((RECIPES / "gitlab-ci.yml").read_text(encoding="utf-8"))
    job = ci["portfolio-shard"]
    [matrix] = job["parallel"]["matrix"]
    shards, outputs = [], []
    for index in matrix["SHARD_INDEX"]:
        env = {k: str(v) for k, v in ci["variables"].items()} | {"SHARD_INDEX": index}
        [call] = run_script("\n".join(job["script"]), env, tmp_path, allowed=(0, *job["allow_failure"]["exit_codes"]))
        assert call[:2] == ["portfolio", "build"]
        shards.append(option(call, "--shard"))
        outputs.append(option(call, "-o"))
    assert job["allow_failure"]["exit_codes"] == [1]  # some customers failed: shown on the dashboard; 2 fails
    for out in outputs:  # the merge job's glob finds every shard output
        (tmp_path / out).mkdir(parents=True)
    dashboard = ci["portfolio-dashboard"]
    [merge] = run_script("\n".join(dashboard["script"]), {}, tmp_path, allowed=(0, *dashboard["allow_failure"]["exit_codes"]))
    assert merge[:2] == ["portfolio", "merge"]
    check_partition(shards, outputs, merge[2 : merge.index("-o")])


def _github_expand(text: str, index: int) -> str:
    return text.replace("${{ matrix.index }}", str(index))


def test_github_actions_strategy_matrix(tmp_path):
    wf = yaml.safe_load((RECIPES / "github-actions.yml").read_text(encoding="utf-8"))
    job = wf["jobs"]["shard"]
    [step] = [s for s in job["steps"] if "pbxdoc" in s.get("run", "")]
    shards, outputs = [], []
    for index in job["strategy"]["matrix"]["index"]:
        [call] = run_script(_github_expand(step["run"], index), {k: str(v) for k, v in wf["env"].items()}, tmp_path)
        shards.append(option(call, "--shard"))
        outputs.append(option(call, "-o"))
        upload = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact"))
        assert _github_expand(upload["with"]["path"], index) == outputs[-1]
    merge_job = wf["jobs"]["merge"]
    download = next(s for s in merge_job["steps"] if s.get("uses", "").startswith("actions/download-artifact"))
    for index in job["strategy"]["matrix"]["index"]:  # each artifact is unpacked into its own folder
        (tmp_path / download["with"]["path"] / f"shard-{index}").mkdir(parents=True, exist_ok=True)
    [merge_step] = [s for s in merge_job["steps"] if "pbxdoc" in s.get("run", "")]
    [merge] = run_script(merge_step["run"], {}, tmp_path)
    check_partition(shards, outputs, merge[2 : merge.index("-o")])


def test_kubernetes_indexed_job(tmp_path):
    shards_job, merge_job = yaml.safe_load_all((RECIPES / "kubernetes-indexed-job.yaml").read_text(encoding="utf-8"))
    spec = shards_job["spec"]
    assert spec["completionMode"] == "Indexed"
    [container] = spec["template"]["spec"]["containers"]
    env = {e["name"]: e["value"] for e in container["env"]}
    shards, outputs = [], []
    for index in range(spec["completions"]):
        [call] = run_script(container["args"][0], env | {"JOB_COMPLETION_INDEX": str(index)}, tmp_path)
        shards.append(option(call, "--shard"))
        outputs.append(option(call, "-o"))
    assert len(set(outputs)) == 1  # one shared output folder
    [merge_container] = merge_job["spec"]["template"]["spec"]["containers"]
    [merge] = run_script(merge_container["args"][0], {}, tmp_path)
    check_partition(shards, outputs, merge[2 : merge.index("-o")])
    assert option(merge, "-o") == outputs[0]


@pytest.mark.parametrize("command", [("portfolio", "build"), ("portfolio", "merge")])
def test_help_in_the_docs_is_the_real_one(command):
    help_text = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "100"}).output.rstrip()
    assert help_text in (DOCS / "portfolio.md").read_text(encoding="utf-8")
