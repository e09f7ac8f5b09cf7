"""The portfolio dashboard in Debian's chromium, opened from disk: its script runs under its own
Content Security Policy, sorts and filters, requests nothing, and axe finds no serious violation."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit" / "portfolio"))
from portfolio_helpers import state  # noqa: E402

from generator.portfolio.dashboard import write_dashboard  # noqa: E402

MOMENT = dt.datetime(2026, 11, 20, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("portfolio")
    states = [
        state("acme", name="Acme SA", errors=2, dates=[("contract", "c-1", "Maintenance", "2026-12-10")], records=["pdf/audit.pdf"]),
        state("beta", name="Beta Sàrl", errors=0, warnings=3, licences=[("l1", "SIP channels", "sip_channels", "pbx", 8, 8)]),
        state("gamma", name="<b>Gamma</b> AG", ok=False, reason="invalid data, 1 error: servers.yaml:7:3: platform", errors=5),
    ]
    write_dashboard(out, states, MOMENT, "en")
    return out / "index.html"


def rows(page) -> list[str]:
    return page.eval_on_selector_all("#customers tbody tr:not([hidden]) th", "cells => cells.map(c => c.getAttribute('data-sort'))")


def test_sort_and_filter_work_under_the_page_s_own_policy(page, dashboard):
    page.goto(dashboard.as_uri())
    assert page.text_content("#customers-count") == "3 of 3 shown"  # the script ran
    assert rows(page) == ["<b>Gamma</b> AG", "Acme SA", "Beta Sàrl"]  # by name, as the header says
    page.click("#customers thead th:nth-child(3) button")  # Errors, ascending
    assert rows(page) == ["Beta Sàrl", "Acme SA", "<b>Gamma</b> AG"]
    assert page.get_attribute("#customers thead th:nth-child(3)", "aria-sort") == "ascending"
    page.click("#customers thead th:nth-child(3) button")
    assert rows(page)[0] == "<b>Gamma</b> AG"
    page.select_option("#customers-status", "failed")
    assert rows(page) == ["<b>Gamma</b> AG"] and page.text_content("#customers-count") == "1 of 3 shown"
    page.select_option("#customers-status", "")
    page.fill("#customers-filter", "sàrl")
    assert rows(page) == ["Beta Sàrl"]
    assert page.watch.errors == [] and page.watch.foreign == [] and page.watch.dialogs == []


def test_axe_reports_no_serious_violation(page, dashboard, axe_script):
    page.goto(dashboard.as_uri())
    # The page's policy refuses any other script (as it should): axe is evaluated by the driver instead.
    page.evaluate(axe_script.read_text(encoding="utf-8"))
    violations = page.evaluate(
        """async () => {
            const result = await axe.run(document, {resultTypes: ["violations"]});
            return result.violations.filter(v => v.impact === "serious" || v.impact === "critical").map(v => v.id);
        }"""
    )
    assert violations == []
