"""docs/workbook.md cannot drift: its --help texts are the real ones, every sheet and 3CX column
it promises exists."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from generator.cli import app
from generator.i18n import Translator
from generator.workbook.headers import knowledge
from generator.workbook.sheets import SHEET_ORDER

DOC = Path(__file__).resolve().parents[3] / "docs" / "workbook.md"


@pytest.mark.parametrize("command", [("export", "xlsx"), ("import", "xlsx"), ("import", "3cx-users")])
def test_help_in_the_docs_is_the_real_one(command):
    help_text = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "100"}).output.rstrip()
    assert help_text in DOC.read_text(encoding="utf-8")


def test_every_sheet_and_3cx_column_is_documented():
    text = DOC.read_text(encoding="utf-8").lower()
    en = Translator("en")
    for key in SHEET_ORDER:
        assert en.t(f"workbook.sheet.{key}").lower().split()[0] in text, key
    for variants in knowledge()["3cx_users"].values():
        assert f"`{variants[0].lower()}`" in text, variants[0]
