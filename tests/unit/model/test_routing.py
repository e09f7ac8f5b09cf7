"""routing.yaml: validated with file:line, references resolved, call paths and numbers derived."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.load import validate
from generator.model.callflow import call_flows
from generator.model.routing import HolidayCalendar, TimeProfile
from tests.helpers import edit, line_of

ROUTING = "routing.yaml"

PLANTS = {
    # name: (old, new, needle for the line, expected fragment)
    "unknown destination": ("timeout: q-accueil", "timeout: q-acceuil", "timeout: q-acceuil", "timeout: unknown destination 'q-acceuil'"),
    "unknown member": ("members: [u-pittet, u-girard]", "members: [u-pittet, u-nobody]", "u-nobody", "members: unknown user 'u-nobody'"),
    "unknown subdivision": ("subdivision: VD", "subdivision: XX", "subdivision: XX", "unknown subdivision 'XX' of CH"),
    "years in wrong order": ("last_year: 2027", "last_year: 2025", "last_year: 2025", "last_year is before first_year"),
    "closing hours before opening": ('open: "07:30", close: "18:00"', 'open: "18:30", close: "18:00"', "18:30", "opening hours ends at 18:00"),
    "key twice": ('{key: "3", label: Salaires', '{key: "2", label: Salaires', '    options:', "key 2 is given twice"),
    "block that is none": ("- {first: +41 21 555 12 00, site: lau", "- {first: +41 21 555 13 00, site: lau", "+41 21 555 13 00, site", "+41215551300 is the first number of no number block"),
    "unknown trunk of a porting document": ("authorisation: doc-mail-pf", "authorisation: doc-nowhere", "doc-nowhere", "authorisation: unknown document 'doc-nowhere'"),
    "unknown outbound route": ("route: out-all", "route: out-none", "out-none", "route: unknown outbound route 'out-none'"),
    "unknown key": ("check_every_hours: 24", "check_every_hour: 24", "check_every_hour", "unknown key 'check_every_hour'"),
}


@pytest.mark.parametrize("name", sorted(PLANTS))
def test_planted_routing_error_is_located(small_copy, name):
    old, new, needle, fragment = PLANTS[name]
    edit(small_copy / ROUTING, old, new)
    project, report = validate(small_copy)
    assert project is None
    errors = [str(d) for d in report.errors]
    line = line_of(small_copy / ROUTING, needle)
    matching = [e for e in errors if fragment in e]
    assert matching, errors
    assert any(e.startswith(f"{ROUTING}:{line}:") for e in matching), (line, matching)


def test_destination_with_a_user_id_is_ambiguous(small_copy):
    edit(small_copy / ROUTING, "- id: vm-general", "- id: u-aubert")
    edit(small_copy / ROUTING, "lunch: vm-general, night: vm-general, holiday: vm-general", "lunch: u-aubert, night: u-aubert, holiday: u-aubert")
    _, report = validate(small_copy)
    assert any("has the id of a user" in str(d) for d in report.errors)


def test_examples_route_every_entry_point(small_project):
    flows = call_flows(small_project)
    entry = small_project.routing.entry_points[0]
    assert flows.modes(entry) == ("open", "lunch", "night", "holiday")
    assert [t.id for t in flows.chain(entry.routes.open)] == ["ivr-accueil", "q-accueil", "vm-general"]
    # IVR: the slowest branch is accounting (25 s) overflowing to reception (30 s) then voicemail
    assert flows.worst_wait(entry.routes.open) == 55
    assert flows.loops() == []


def test_loops_of_automatic_steps_are_found(small_project):
    r = small_project.routing
    groups = [g.model_copy(update={"overflow": "grp-compta"}) if g.id == "grp-accueil" else g for g in r.groups]
    flows = call_flows(small_project.replace(routing=r.model_copy(update={"groups": groups})))
    assert flows.loops() == [["grp-accueil", "grp-compta"]]


def test_time_profile_modes():
    profile = TimeProfile.model_validate({"id": "p", "name": "p", "hours": [{"days": ["mon"], "open": "08:00", "close": "18:00"}], "lunch": [{"days": ["mon"], "start": "12:00", "end": "13:00"}]})
    monday = dt.date(2026, 11, 23)
    assert profile.mode_at(dt.datetime.combine(monday, dt.time(9))) == "open"
    assert profile.mode_at(dt.datetime.combine(monday, dt.time(12, 30))) == "lunch"
    assert profile.mode_at(dt.datetime.combine(monday, dt.time(18))) == "night"
    assert profile.mode_at(dt.datetime.combine(monday + dt.timedelta(days=1), dt.time(9))) == "night"


@pytest.mark.parametrize(("country", "subdivision", "lang", "day", "name"), [
    ("CH", "VD", "fr", dt.date(2026, 9, 21), "Lundi du Jeûne fédéral"),
    ("DE", "BY", "de", dt.date(2026, 11, 1), "Allerheiligen"),
    ("FR", None, "fr", dt.date(2026, 7, 14), "Fête nationale"),
    ("FR", None, "de", dt.date(2026, 7, 14), "National Day"),  # no German names for France: English
])
def test_holiday_calendars_come_from_the_library(country, subdivision, lang, day, name):
    calendar = HolidayCalendar.model_validate({"id": "c", "name": "c", "country": country, "subdivision": subdivision, "first_year": 2026, "last_year": 2026,
                                               "closing_days": [{"date": "2026-12-28", "last": "2026-12-30", "name": "Closed"}]})
    days = calendar.dates(lang)
    assert days[day] == name
    assert days[dt.date(2026, 12, 29)] == "Closed"
    assert calendar.covers(dt.date(2026, 6, 1)) and not calendar.covers(dt.date(2027, 1, 1))


def test_number_inventory(small_project):
    inventory = {n.number: n for n in call_flows(small_project).inventory()}
    assert len(inventory) == 100
    assert inventory["+41215551200"].holder_kind == "user" and inventory["+41215551200"].status == "assigned"
    assert inventory["+41215551295"].status == "reserved"
    assert inventory["+41215551260"].status == "free"
    assert inventory["+41215551201"].ported.donor == "Swisscom"
