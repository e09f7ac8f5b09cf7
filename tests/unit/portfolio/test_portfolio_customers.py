"""Discovering a portfolio's customers: folders or portfolio.yaml, and every customer that cannot be
built kept with its reason."""

from __future__ import annotations

import os

import pytest

from generator.audience import Audience
from generator.portfolio.customers import PortfolioError, discover


def project(folder):
    folder.mkdir(parents=True)
    (folder / "pbxdoc.yaml").write_text("customer: {}\n", encoding="utf-8")
    return folder


def test_every_folder_with_pbxdoc_yaml_is_a_customer(tmp_path):
    project(tmp_path / "zeta")
    project(tmp_path / "alpha")
    (tmp_path / "notes").mkdir()  # no pbxdoc.yaml: not a customer
    project(tmp_path / ".hidden")
    found = discover(tmp_path)
    assert [c.id for c in found.customers] == ["alpha", "zeta"]
    assert found.unbuildable == []


def test_a_folder_name_that_cannot_name_an_output_is_reported(tmp_path):
    project(tmp_path / "ok")
    project(tmp_path / "Müller AG")
    found = discover(tmp_path)
    assert [c.id for c in found.customers] == ["ok"]
    [bad] = found.unbuildable
    assert bad.id == "Müller AG" and "give it an id in portfolio.yaml" in bad.reason and not bad.has_valid_id


def test_a_linked_customer_folder_is_not_followed(tmp_path):
    outside = project(tmp_path / "outside" / "elsewhere")
    (tmp_path / "portfolio").mkdir()
    os.symlink(outside, tmp_path / "portfolio" / "linked")
    found = discover(tmp_path / "portfolio")
    assert found.customers == []
    assert "symbolic link" in found.unbuildable[0].reason


def test_portfolio_yaml_lists_customers_with_their_settings(tmp_path):
    project(tmp_path / "clients" / "acme")
    project(tmp_path / "clients" / "beta")
    (tmp_path / "portfolio.yaml").write_text(
        "customers:\n"
        "  - {path: clients/acme, audience: auditor, lang: de, all_languages: true}\n"
        "  - {path: clients/beta, id: beta-sa}\n"
        "  - {path: clients/gone}\n"
        "  - {path: ../escape, id: escape}\n"
        "  - {path: clients/acme, id: ACME}\n",
        encoding="utf-8",
    )
    found = discover(tmp_path)
    acme, beta = found.customers
    assert (acme.id, acme.audience, acme.lang, acme.all_languages) == ("acme", Audience.AUDITOR, "de", True)
    assert (beta.id, beta.audience, beta.lang, beta.all_languages) == ("beta-sa", None, None, None)
    reasons = {u.id: u.reason for u in found.unbuildable}
    assert reasons["gone"] == "clients/gone: no such customer folder"
    assert "leaves the portfolio folder" in reasons["escape"]
    assert "also used by clients/acme" in reasons["ACME"]  # ids that differ by case collide on some disks


def test_a_wrong_portfolio_yaml_is_a_usage_error_with_its_location(tmp_path):
    (tmp_path / "portfolio.yaml").write_text("customers:\n  - {path: a, colour: red}\n", encoding="utf-8")
    with pytest.raises(PortfolioError, match=r"portfolio.yaml:2:\d+: customers.0.colour: Extra inputs are not permitted"):
        discover(tmp_path)


def test_portfolio_yaml_with_an_alias_bomb_is_refused(tmp_path):
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [" + ", ".join(f"*{chr(96 + i)}" for _ in range(10)) + "]")
    lines.append("customers: []")
    (tmp_path / "portfolio.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(PortfolioError, match="nested aliases"):
        discover(tmp_path)


def test_dir_must_be_a_folder(tmp_path):
    with pytest.raises(PortfolioError, match="is not a folder"):
        discover(tmp_path / "missing")
