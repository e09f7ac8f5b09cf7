"""States come back from other machines at merge time: only what pbxdoc writes is trusted."""

from __future__ import annotations

import json
import os

import pytest

from generator.portfolio.state import Ledger, StateError, read_state, state_path, states_in, write_state
from portfolio_helpers import state


def test_a_state_reads_back_as_written(tmp_path):
    s = state("acme", dates=[("licence", "l", "x", "2027-01-01")])
    write_state(tmp_path, s)
    assert read_state(state_path(tmp_path, "acme")) == s
    ledger = Ledger(tmp_path)
    assert ledger.get("acme") == s and ledger.get("nobody") is None


def _tampered(tmp_path, change) -> object:
    write_state(tmp_path, state("acme"))
    path = state_path(tmp_path, "acme")
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda d: d["facts"]["outputs"].update(site="javascript:alert(1)"), "not a relative path"),
        (lambda d: d["facts"]["outputs"].update(records=["../../etc/passwd"]), "not a relative path"),
        (lambda d: d["facts"]["outputs"].update(site="/etc/passwd"), "not a relative path"),
        (lambda d: d.update(id="other"), "holds the state of other"),
        (lambda d: d.update(id="../x"), "String should match pattern"),
        (lambda d: d.update(extra=1), "Extra inputs"),
        (lambda d: d["facts"]["dates"].append({"kind": "licence", "object": "x", "label": "x", "date": "soon"}), "String should match pattern"),
    ],
)
def test_a_tampered_state_is_not_trusted(tmp_path, change, message):
    path = _tampered(tmp_path, change)
    with pytest.raises(StateError, match=message):
        read_state(path)
    assert Ledger(tmp_path).get("acme") is None  # as good as no state: the customer is rebuilt
    states, problems = states_in(tmp_path)
    assert states == [] and len(problems) == 1


def test_a_linked_state_is_not_read(tmp_path):
    write_state(tmp_path, state("acme"))
    os.rename(state_path(tmp_path, "acme"), tmp_path / "elsewhere.json")
    os.symlink(tmp_path / "elsewhere.json", state_path(tmp_path, "acme"))
    with pytest.raises(StateError, match="not a regular file"):
        read_state(state_path(tmp_path, "acme"))
