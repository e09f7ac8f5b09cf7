"""The bundled examples and the synthetic large customer are valid, and the generator is deterministic."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from generator.load import DEFAULT_EXAMPLE, EXAMPLES, SMALL_EXAMPLE, REPO_ROOT, validate

MAKE_LARGE = REPO_ROOT / "bench" / "make_large.py"


def _make_large():
    spec = importlib.util.spec_from_file_location("make_large", MAKE_LARGE)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("name", [SMALL_EXAMPLE, DEFAULT_EXAMPLE])
def test_example_is_valid_without_warnings(name):
    project, report = validate(EXAMPLES / name)
    assert project is not None, [str(d) for d in report.sorted()]
    assert report.diagnostics == [], [str(d) for d in report.sorted()]


def test_clinic_has_what_issue_2_asks_for():
    project, _ = validate(EXAMPLES / DEFAULT_EXAMPLE)
    assert 280 <= len(project.users) <= 320
    mitel = project.server_by_id["mtx-pbx-01"]
    cards = {c.type for c in mitel.slots}
    assert {"CPU1", "CPU2", "2PRI", "32FXS", "8FXS", "16DSI"} <= cards
    assert all(c.slot != 2 for c in mitel.slots), "slot 2 stays empty on a Mitel 470"
    partner = project.server_by_id[mitel.failover_partner]
    assert partner.failover_partner == mitel.id and partner.software_version == mitel.software_version
    assert len({t.provider for t in project.interfaces.sip_trunks}) == 2
    assert project.interfaces.private_lines and project.interfaces.isdn_lines
    assert {"nurse_call", "door_intercom"} <= {i.kind.value for i in project.interfaces.special_interfaces}
    (system,) = project.dect.systems
    assert system.kind == "multicell" and 10 <= len(project.bases_of(system.id)) <= 14
    # every DID falls in a number block of a trunk
    blocks = [b for t in [*project.interfaces.sip_trunks, *project.interfaces.isdn_lines] for b in t.number_blocks]
    assert all(any(b.contains(u.did) for b in blocks) for u in project.users if u.did)
    # every change touching a peripheral device has its before/after backup files
    servers = set(project.server_by_id)
    for change in project.changelog:
        if set(change.devices) - servers:
            assert change.backup_before and change.backup_after, change.id


def test_large_project_is_valid(tmp_path):
    root = _make_large().make(tmp_path / "large", scale=0.05)
    project, report = validate(root)
    assert project is not None, [str(d) for d in report.sorted()[:20]]
    assert report.diagnostics == []
    assert len(project.users) == 250 and len(project.changelog) == 500
    assert len(project.network.subnets) == 10 * len(project.sites)


def test_large_project_generation_is_deterministic(tmp_path):
    make = _make_large().make
    first, second = make(tmp_path / "a", scale=0.05), make(tmp_path / "b", scale=0.05)
    files = _files(first)
    assert files == _files(second)
    assert "users.csv" in files and any(name.startswith("backups/") for name in files)


def test_large_generator_refuses_to_replace_a_foreign_folder(tmp_path):
    (tmp_path / "mine.txt").write_text("not a project")
    with pytest.raises(SystemExit):
        _make_large().make(tmp_path, scale=0.05)
    assert (tmp_path / "mine.txt").exists()
