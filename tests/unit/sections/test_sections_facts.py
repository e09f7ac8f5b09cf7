"""Facts that only the data files carried now reach a reader: the time profile of a number, every
closing day, the commissioning's open points, the role of each line, the sites a subnet spans and
the schedule of a backup job started by hand."""

from __future__ import annotations

import datetime as dt

from generator.document import to_markdown
from generator.load import EXAMPLES, load
from tests.helpers import content_of

TODAY = dt.date(2026, 11, 20)


def page(project, slug: str, lang: str = "en") -> str:
    (doc,) = [d for d in content_of(project, lang, TODAY).sections if d.slug == slug]
    return to_markdown(doc)


def test_a_number_names_its_time_profile_and_every_closing_day_is_listed(small_project):
    text = page(small_project, "routing")
    assert "| **Time profile** | Heures de bureau |" in text
    assert "### Closing days" in text
    assert "| 24/12/2027 – 31/12/2027 | Fermeture de fin d'année | Jours fériés vaudois et fermetures de la fiduciaire |" in text


def test_every_open_point_is_listed_with_its_dates_and_state(small_project):
    text = page(small_project, "changelog", "fr")
    assert "## Points ouverts de la mise en service" in text
    assert "| op-02 | Étendre la couverture DECT au 2e étage (archives) | Léman Télécom | 15.09.2025 | 31.10.2025 | fermé le 20.10.2025 |" in text
    still_open = small_project.commissioning.open_points[1].model_copy(update={"closed_on": dt.date(2026, 12, 1)})
    later = small_project.replace(commissioning=small_project.commissioning.model_copy(update={"open_points": [still_open]}))
    assert "| **ouvert** |" in page(later, "changelog", "fr")  # a closure after the build's date is not known yet


def test_lines_say_whether_they_are_primary_or_fallback_only():
    clinic = load(EXAMPLES / "clinique-du-lac")
    text = page(clinic, "interfaces", "de")
    row = next(line for line in text.splitlines() if line.startswith("| trunk-peoplefone-secours |"))
    assert "| nur Ausweichleitung |" in row
    assert "| Hauptleitung |" in next(line for line in text.splitlines() if line.startswith("| trunk-swisscom |"))


def test_a_subnet_spanning_sites_names_them_all():
    clinic = load(EXAMPLES / "clinique-du-lac")
    row = next(line for line in page(clinic, "addressing").splitlines() if line.startswith("| 10.29.0.0/29 |"))
    names = {s.id: s.name for s in clinic.sites}
    assert f"{names['mtx']}, {names['vev']}" in row


def test_a_job_started_by_hand_says_so_instead_of_a_schedule():
    clinic = load(EXAMPLES / "clinique-du-lac")
    row = next(line for line in page(clinic, "backup").splitlines() if line.startswith("| bkp-mtx-usb |"))
    assert "on demand (started by hand)" in row
