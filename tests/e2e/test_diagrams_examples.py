"""Diagrams of the clinic and of a scaled-down synthetic large customer: content, placement,
page size, aggregation."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.diagrams import DETAILED_SITES, render_view, views
from generator.i18n import Translator
from generator.load import DEFAULT_EXAMPLE, EXAMPLES, REPO_ROOT, load
from generator.prepare import checked

A4_LANDSCAPE_PT = (11.2 * 72 + 0.5, 7.6 * 72 + 0.5)  # the graph size every view is drawn to
NS = "{http://www.w3.org/2000/svg}"


def _texts(svg: bytes) -> list[tuple[str, float]]:
    import xml.etree.ElementTree as ET

    return [(t.text or "", float(t.get("x"))) for t in ET.fromstring(svg).iter(f"{NS}text")]


def _svg(project, t, view, object_id=None) -> bytes:
    return next(v for k, v in render_view(project, t, view, object_id).items() if k.endswith(".svg"))


def _fits_a4(svg: bytes) -> bool:
    width, height = (float(v) for v in re.search(rb'<svg width="([\d.]+)pt" height="([\d.]+)pt"', svg).groups())
    return width <= A4_LANDSCAPE_PT[0] and height <= A4_LANDSCAPE_PT[1]


@pytest.fixture(scope="module")
def clinic():
    return checked(load(EXAMPLES / DEFAULT_EXAMPLE))


def test_clinic_overview_shows_every_line_and_terminal_type_on_its_side(clinic):
    t = Translator("fr")
    server = clinic.server_by_id["mtx-pbx-01"]
    svg = _svg(clinic, t, "overview", server.id)
    texts = _texts(svg)
    text = " ".join(s for s, _ in texts)
    server_x = min(x for s, x in texts if s == server.name)
    left = [tr.provider for tr in clinic.interfaces.sip_trunks if tr.server == server.id]
    left += [ln.provider for ln in clinic.interfaces.isdn_lines if ln.server == server.id]
    left += [si.name for si in clinic.interfaces.special_interfaces if si.server == server.id]
    right = [f"{t.label('terminal_type', g.type)}: " for g in clinic.terminals.terminals if g.server == server.id]
    right += [c.name for c in clinic.terminals.cti if c.server == server.id]
    assert left and right
    # Long names wrap over lines: read each side as one text.
    left_text = " ".join(s for s, x in texts if x < server_x)
    right_text = " ".join(s for s, x in texts if x > server_x)
    for needle in left:
        assert needle in left_text and needle not in right_text, needle
    for needle in right:
        assert needle in right_text and needle not in left_text, needle
    for card in server.slots:
        assert card.type in text


def test_clinic_sites_are_stacked_main_site_first(clinic):
    import xml.etree.ElementTree as ET

    for view in ("network", "availability"):
        ys = {t.text: float(t.get("y")) for t in ET.fromstring(_svg(clinic, None, view)).iter(f"{NS}text")}
        main = next(y for text, y in ys.items() if text and text.startswith("Montreux — clinique"))
        branch = next(y for text, y in ys.items() if text and text.startswith("Vevey — policlinique"))
        assert main < branch, view


def test_clinic_diagrams_fit_a4_landscape_and_list_each_view(clinic):
    listed = views(clinic)
    assert {v.view for v in listed} == {"overview", "network", "dect", "availability", "backup"}
    for v in listed:
        assert _fits_a4(_svg(clinic, None, v.view, v.object_id)), v.path


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    out = tmp_path_factory.mktemp("large") / "project"
    subprocess.run([sys.executable, str(REPO_ROOT / "bench" / "make_large.py"), "--out", str(out), "--scale", "0.15"], check=True, capture_output=True)
    return load(out)


def test_many_sites_get_a_summary_and_one_diagram_per_site(large):
    listed = views(large)
    sites = {v.object_id for v in listed if v.view == "network" and v.object_id}
    assert len(large.sites) > DETAILED_SITES and sites == {s.id for s in large.sites}
    summary = _svg(large, None, "network")
    assert all(site.name in " ".join(s for s, _ in _texts(summary)) for site in large.sites)
    assert _fits_a4(summary)
    detail = _svg(large, None, "network", large.sites[0].id)
    assert large.sites[1].name not in " ".join(s for s, _ in _texts(detail))


def test_users_and_handsets_are_counted_not_drawn(large):
    server = large.servers[0]
    svg = _svg(large, None, "overview", server.id)
    terminals = sum(g.count for g in large.terminals.terminals if g.server == server.id)
    assert terminals > 100
    assert len(_texts(svg)) < 120  # a bounded picture, whatever the number of users
    for system in large.dect.systems:
        dect = _svg(large, None, "dect", system.id)
        assert str(len(large.handsets_of(system.id))) in " ".join(s for s, _ in _texts(dect))
        assert _fits_a4(dect)
