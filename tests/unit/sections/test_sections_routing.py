"""The "Call routing" section: per number what happens in each time mode, this year's holidays by
date, and the numbers, in every language."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.document import to_markdown
from generator.model.routing import Routing
from generator.sections import SECTION_SLUGS
from tests.helpers import content_of

TODAY = dt.date(2026, 11, 20)


def routing_page(project, lang: str) -> str:
    (doc,) = [d for d in content_of(project, lang, TODAY).sections if d.slug == "routing"]
    return to_markdown(doc)


def test_the_section_is_registered():
    assert "routing" in SECTION_SLUGS


def test_every_mode_of_the_main_number(small_project):
    page = routing_page(small_project, "en")
    assert "](diagrams/callflow-principal.svg)" in page or "callflow-principal.svg" in page
    assert "## Numéro principal — +41\u00a021\u00a0555\u00a012\u00a000" in page
    assert "| Opening hours | Mon–Fri 07:30–18:00 | Accueil vocal (voice menu) → Accueil (ring group: 2 members ring together, 30 s) → Messagerie générale (voicemail) |" in page
    assert "| Lunch closure | Mon–Fri 12:00–13:30 | Messagerie générale (voicemail) |" in page
    assert "| After hours | Outside opening hours or when “Service de nuit manuel” is set |" in page
    assert "| Holidays | Public holidays and closing days (Jours fériés vaudois et fermetures de la fiduciaire) |" in page


def test_this_years_holidays_by_date(small_project):
    page = routing_page(small_project, "fr")
    assert "| 21.09.2026 | Lundi du Jeûne fédéral |" in page
    assert "| 31.12.2026 | Fermeture de fin d'année |" in page
    assert "2027" not in page.split("## Jours fériés 2026")[1].split("##")[0].replace("2026 à 2027", "")


@pytest.mark.parametrize("lang", ["fr", "de", "en"])
def test_numbers_and_menus_in_every_language(small_project, lang):
    page = routing_page(small_project, lang)
    assert "| +41\u00a021\u00a0555\u00a012\u00a000 – +41\u00a021\u00a0555\u00a012\u00a099 | trunk-peoplefone | Lausanne — siège | 22 | 10 | 68 |" in page
    assert "Swisscom" in page and "Confirmation de portage Peoplefone" in page
    assert "Fiduciaire Rochat, bonjour" in page
    assert "{" not in page


def test_a_project_without_routing_says_so(small_project):
    page = routing_page(small_project.replace(routing=Routing()), "en")
    assert "Nothing recorded" in page or "nothing recorded" in page.lower()
