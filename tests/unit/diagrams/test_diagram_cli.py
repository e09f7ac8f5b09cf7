"""`pbxdoc diagram`: one diagram to a file."""

from __future__ import annotations

from typer.testing import CliRunner

from generator.cli import app
from generator.load import EXAMPLES, SMALL_EXAMPLE


def test_writes_png_of_the_asked_view(tmp_path):
    target = tmp_path / "o.png"
    result = CliRunner().invoke(app, ["diagram", str(EXAMPLES / SMALL_EXAMPLE), "--view", "overview", "-o", str(target), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert target.read_bytes().startswith(b"\x89PNG")


def test_unknown_object_is_an_error_naming_the_known_ones(tmp_path):
    result = CliRunner().invoke(app, ["diagram", str(EXAMPLES / SMALL_EXAMPLE), "--object", "nope", "-o", str(tmp_path / "x.svg")])
    assert result.exit_code == 1
    assert "lau-pbx-01" in result.output


def test_refuses_other_extensions(tmp_path):
    result = CliRunner().invoke(app, ["diagram", str(EXAMPLES / SMALL_EXAMPLE), "-o", str(tmp_path / "x.jpg")])
    assert result.exit_code == 2
