"""The interface overview: content, left/right placement, escaping."""

from __future__ import annotations

from diagram_fixtures import fr, grown, small  # noqa: F401  (fixtures)

import xml.etree.ElementTree as ET

from generator.diagrams import render_view, views
from svgtext import joined, x_of


def _svg(project, t, object_id):
    files = render_view(project, t, "overview", object_id)
    return next(content for path, content in files.items() if path.endswith(".svg"))


def test_every_line_interface_and_terminal_type_appears(grown, fr):
    text = joined(_svg(grown, fr, "gva-pbx-01")) + " " + joined(_svg(grown, fr, "lau-pbx-01"))
    for trunk in grown.interfaces.sip_trunks:
        assert trunk.provider in text
    for line in [*grown.interfaces.isdn_lines, *grown.interfaces.analogue_lines]:
        assert line.provider in text
    for line in grown.interfaces.private_lines:
        assert grown.site_by_id[line.remote_site].name in text
    for special in grown.interfaces.special_interfaces:
        assert special.name in text
        assert fr.label("special_interface_kind", special.kind) in text
    for group in grown.terminals.terminals:
        assert fr.label("terminal_type", group.type) in text
        assert group.model in text
    for item in [*grown.terminals.cti, *grown.terminals.application_servers]:
        assert item.name in text
    for card in grown.server_by_id["gva-pbx-01"].slots:
        assert card.type in text


def test_terminal_counts_are_summed_per_type(small, fr):
    text = joined(_svg(small, fr, "lau-pbx-01"))
    ip_total = sum(g.count for g in small.terminals.terminals if g.type.value == "ip")
    assert f"IP / SIP: {ip_total}" in text


def test_lines_left_of_server_left_of_terminals(grown, fr):
    svg = _svg(grown, fr, "gva-pbx-01")
    server_x = x_of(svg, "Mitel 470")
    for left in ("Swisscom PRI", "Salt Analog", "Liaison vers", "Appel malade étage 3"):
        assert x_of(svg, left) < server_x, left
    for right in ("Analogique: 3", "Numérique propriétaire", "Mobile: 8", "CTI cabinet", "Centre d'appels"):
        assert x_of(svg, right) > server_x, right


def test_customer_text_is_escaped_not_markup(grown, fr):
    svg = _svg(grown, fr, "gva-pbx-01")
    root = ET.fromstring(svg)  # well-formed despite the hostile names
    assert not [e for e in root.iter() if e.tag.endswith("script") or e.tag.endswith("}b")]
    assert b"<script" not in svg and b"&lt;script&gt;" in svg
    assert "Alarme \"Sécuritas\" <b>" in joined(svg)
    assert grown.server_by_id["gva-pbx-01"].name in joined(svg)


def test_site_overviews_when_several_sites(grown, fr):
    listed = {(v.view, v.object_id): v for v in views(grown, fr)}
    assert ("overview", "gva") in listed and ("overview", "lau") in listed
    assert listed[("overview", "gva")].path == "diagrams/overview-site-gva.svg"
    text = joined(_svg(grown, fr, "gva"))
    assert "Analogique: 3" in text and "Softphone: 25" not in text  # only the Geneva terminals


def test_labels_follow_the_language(small):
    from generator.i18n import Translator

    assert "Endgeräte" in joined(_svg(small, Translator("de"), "lau-pbx-01"))
    assert "Terminals" in joined(_svg(small, Translator("en"), "lau-pbx-01"))


def test_a_type_of_one_model_is_counted_once(small, fr):
    """'Softphone : 25' then '3CX Web Client', not a second '25 × 3CX Web Client'; several models
    each keep their count."""
    from collections import defaultdict

    from generator.words import product

    text = joined(_svg(small, fr, "lau-pbx-01"))
    models: dict = defaultdict(lambda: defaultdict(int))
    for g in small.terminals.terminals:
        models[g.type][product(g.vendor, g.model)] += g.count
    assert any(len(m) == 1 for m in models.values()) and any(len(m) > 1 for m in models.values())
    for kind, counts in models.items():
        for name, n in counts.items():
            counted = f"{fr.number(n)} × {name}"
            assert (counted in text) == (len(counts) > 1), (kind, counted)
            assert name in text
