"""Call-flow diagrams: one per entry point, time modes as branches, dead ends in red, deterministic."""

from __future__ import annotations

from generator.diagrams import callflow, render_view, views
from generator.diagrams.graph import ALERT
from generator.i18n import Translator


def test_one_call_flow_per_entry_point(small_project):
    found = [(v.object_id, v.path) for v in views(small_project) if v.view == "callflow"]
    assert found == [("principal", "diagrams/callflow-principal.svg")]


def test_modes_are_branches_and_every_destination_is_drawn_once(small_project):
    graph = callflow.build(small_project, Translator("en"), small_project.routing.entry_points[0], "t")
    source = graph.source()
    for words in ("Opening hours", "Lunch closure", "After hours", "Holidays", "Mon–Fri 07:30–18:00", "key 1 Comptabilité", "no key after 8 s", "no answer after 30 s"):
        assert words in source, words
    assert source.count(">Messagerie générale<") == 1
    assert ALERT not in source


def test_a_dead_end_is_red(small_project):
    r = small_project.routing
    groups = [g.model_copy(update={"overflow": None}) if g.id == "grp-salaires" else g for g in r.groups]
    project = small_project.replace(routing=r.model_copy(update={"groups": groups}))
    source = callflow.build(project, Translator("fr"), project.routing.entry_points[0], "t").source()
    assert ALERT in source and "nulle part" in source


def test_the_svg_is_deterministic(small_project):
    first = render_view(small_project, Translator("fr"), "callflow", "principal")
    second = render_view(small_project, Translator("fr"), "callflow", "principal")
    assert first == second
    assert b"Accueil vocal" in first["diagrams/callflow-principal.svg"]
