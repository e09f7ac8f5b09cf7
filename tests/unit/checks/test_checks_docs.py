"""docs/checks.md cannot drift: its --help is the real one, its examples load, every rule group is there."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from typer.testing import CliRunner

from generator.checks.registry import RULES
from generator.cli import app
from generator.knowledge import load
from generator.model.operations import Waiver

DOC = Path(__file__).resolve().parents[3] / "docs" / "checks.md"


def blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def test_help_in_the_docs_is_the_real_one():
    help_text = CliRunner().invoke(app, ["check", "--help"], env={"COLUMNS": "100"}).output.rstrip()
    assert help_text in DOC.read_text(encoding="utf-8")


def test_every_rule_group_is_documented():
    text = DOC.read_text(encoding="utf-8")
    for prefix in sorted({rule_id.split("-")[0] for rule_id in RULES}):
        assert f"`{prefix}-`" in text, prefix


def test_the_examples_of_the_docs_load(tmp_path):
    waiver_block, vendors_block = blocks("yaml")
    (waiver,) = yaml.safe_load(waiver_block)
    assert Waiver.model_validate(waiver).rule in RULES
    (tmp_path / "gigaset.yaml").write_text(vendors_block, encoding="utf-8")
    knowledge = load((tmp_path,))
    assert knowledge.find("Gigaset N670 IP PRO", "dect_base").value("max_handsets") == 20
    digital = knowledge.product("mitel-470").figure("terminal_power_w.digital")
    assert digital.value == 1.6 and digital.confirmed
