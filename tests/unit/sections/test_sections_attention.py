"""The home page's "what needs attention" and the dated obligations it shares with the calendar."""

from __future__ import annotations

import datetime as dt

from generator.diagnostics import Location, Severity
from generator.document import to_markdown
from generator.model.findings import Finding
from generator.model.operations import LicenceKind
from generator.sections.obligations import ObligationKind, due_within, nearly_full_licences, obligations
from sections_fixtures import TODAY, small  # noqa: F401  (fixtures)
from tests.helpers import content_of


def _licence(small, **update):
    return small.licences[0].model_copy(update=update)


def _home(project, lang="en") -> str:
    return to_markdown(content_of(project, lang, TODAY).sections[0])


def _warning(object_id="lau-pbx-01") -> Finding:
    return Finding("LIC-EXPIRING", Severity.WARNING, "licences", "Licences are renewed in time", "It expires soon.", object_id, Location("licences.yaml", 3, 1))


def test_a_contract_ending_within_the_window_is_due_and_one_beyond_is_not(small):
    soon = _licence(small, id="lic-soon", kind=LicenceKind.MAINTENANCE, start=dt.date(2024, 1, 1), expiry=TODAY + dt.timedelta(days=41), contract="LT-1")
    late = _licence(small, id="lic-late", kind=LicenceKind.MAINTENANCE, start=dt.date(2024, 1, 1), expiry=TODAY + dt.timedelta(days=400))
    project = small.replace(licences=[soon, late])
    due = {(o.kind, o.object_id) for o in due_within(project, TODAY)}
    assert (ObligationKind.CONTRACT_EXPIRY, "lic-soon") in due
    assert (ObligationKind.CONTRACT_EXPIRY, "lic-late") not in due
    assert (ObligationKind.CONTRACT_EXPIRY, "lic-late") in {(o.kind, o.object_id) for o in obligations(project, TODAY)}


def test_restore_tests_fall_due_after_the_policy_period_and_untested_systems_at_once(small):
    period = small.pbxdoc.policy.restore_test_max_age_days
    system = small.backups.jobs[0].system
    recent = small.backups.restore_tests[0].model_copy(update={"system": system, "date": TODAY - dt.timedelta(days=10)})
    project = small.replace(backups=small.backups.model_copy(update={"restore_tests": [recent]}))
    tests = {o.object_id: o for o in obligations(project, TODAY) if o.kind is ObligationKind.RESTORE_TEST}
    assert tests[system].due == recent.date + dt.timedelta(days=period)
    untested = small.replace(backups=small.backups.model_copy(update={"restore_tests": []}))
    assert all(o.due == TODAY and o.since is None for o in obligations(untested, TODAY) if o.kind is ObligationKind.RESTORE_TEST)


def test_ups_batteries_are_due_three_years_after_fitting(small):
    ups = small.availability.ups[0].model_copy(update={"battery_date": dt.date(2024, 2, 29)})
    project = small.replace(availability=small.availability.model_copy(update={"ups": [ups]}))
    battery = [o for o in obligations(project, TODAY) if o.kind is ObligationKind.UPS_BATTERY]
    assert [(o.object_id, o.due) for o in battery] == [(ups.id, dt.date(2027, 2, 28))]
    no_date = small.replace(availability=small.availability.model_copy(update={"ups": [ups.model_copy(update={"battery_date": None})]}))
    assert not [o for o in obligations(no_date, TODAY) if o.kind is ObligationKind.UPS_BATTERY]


def test_licence_pools_nearly_full_are_listed_and_single_items_are_not(small):
    full = _licence(small, id="lic-channels", kind=LicenceKind.SIP_CHANNELS, quantity=40, used=40)
    roomy = _licence(small, id="lic-users", kind=LicenceKind.USERS, quantity=60, used=30)
    edition = _licence(small, id="lic-edition", kind=LicenceKind.EDITION, quantity=1, used=1)
    listed = [u.licence_id for u in nearly_full_licences(small.replace(licences=[full, roomy, edition]))]
    assert listed == ["lic-channels"]


def test_home_never_says_nothing_is_due_while_a_warning_is_open(small):
    quiet = small.replace(licences=[], waivers=[], backups=small.backups.model_copy(update={"jobs": [], "restore_tests": []}),
                          availability=small.availability.model_copy(update={"ups": []}))
    assert "Nothing due" in _home(quiet.with_findings([]))
    warned = _home(quiet.with_findings([_warning()]))
    assert "Nothing due" not in warned and "No errors" not in warned
    assert '!!! warning "To plan"' in warned and "| Warning | Licences are renewed in time | lau-pbx-01 |" in warned


def test_home_lists_what_falls_due_with_the_object_and_contract(small):
    soon = _licence(small, id="lic-maint", kind=LicenceKind.MAINTENANCE, start=dt.date(2024, 1, 1), expiry=TODAY + dt.timedelta(days=41), contract="LT-MAINT-7")
    home = _home(small.replace(licences=[soon]))
    assert "## What needs attention" in home
    assert "Maintenance contract ends | lic-maint |" in home and "LT-MAINT-7" in home
    assert "in 41 days" in home


def test_report_a_fault_gives_numbers_to_dial_and_addresses_to_write_to(small):
    home = _home(small)
    fault = home[home.index("## Report a fault"): home.index("## What needs attention")]
    assert "(tel:+41" in fault and "(mailto:" in fault
    assert small.pbxdoc.integrator.support_hours in fault
