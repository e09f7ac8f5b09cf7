"""`pbxdoc validate` lists what a project overrides of pbxdoc's presentation, one note a file."""

from __future__ import annotations

import os

import pytest
from typer.testing import CliRunner

from generator.cli import app

runner = CliRunner()


def test_validate_lists_the_overrides_a_project_carries(small_copy):
    partials = small_copy / "templates" / "site" / "partials"
    partials.mkdir(parents=True)
    (partials / "copyright.html").write_text("<div>footer</div>\n", encoding="utf-8")
    (small_copy / "templates" / "site" / "main.html").write_text('{% extends "base.html" %}\n', encoding="utf-8")
    (small_copy / "runbooks").mkdir()
    (small_copy / "runbooks" / "acme.yaml").write_text("id: acme\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(small_copy)])
    assert result.exit_code == 0, result.output
    notes = [line for line in result.output.splitlines() if line.endswith("[info]")]
    assert [n.split(":")[0] for n in notes] == ["runbooks/acme.yaml", "templates/site/main.html", "templates/site/partials/copyright.html"]
    assert "overrides the site theme's template of this path" in notes[1]


def test_validate_lists_nothing_without_overrides(small_copy):
    result = runner.invoke(app, ["validate", str(small_copy)])
    assert result.exit_code == 0 and "[info]" not in result.output


@pytest.mark.parametrize("link", ["templates/site/partials/copyright.html", "runbooks/outside.yaml"])
def test_a_template_linked_out_of_the_project_is_an_error(small_copy, tmp_path, link):
    secret = tmp_path / "secret"
    secret.write_text("root:x:0:0\n", encoding="utf-8")
    (small_copy / link).parent.mkdir(parents=True)
    os.symlink(secret, small_copy / link)
    result = runner.invoke(app, ["validate", str(small_copy)])
    assert result.exit_code == 1
    assert f"{link}: the file is a link that leaves the project folder; refused  [error]" in result.output
