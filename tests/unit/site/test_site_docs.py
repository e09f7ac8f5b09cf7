"""docs/site.md cannot drift: its `pbxdoc serve --help` is the real one."""

from pathlib import Path

from typer.testing import CliRunner

from generator.cli import app

DOC = Path(__file__).resolve().parents[3] / "docs" / "site.md"


def test_serve_help_in_the_docs_is_the_real_one():
    help_text = CliRunner().invoke(app, ["serve", "--help"], env={"COLUMNS": "100"}).output.rstrip()
    assert help_text in DOC.read_text(encoding="utf-8")
