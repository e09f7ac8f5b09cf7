"""Call routing rules beyond one trigger each: every dead-end kind, emergency calls per site on
the clinic (the Vevey fallback through Montreux numbers), and emergency numbers per country."""

from __future__ import annotations

import pytest
from checks_helpers import by_id, findings_of, knowledge, section  # noqa: F401  (knowledge is a fixture)
from routing_cases import group, routing

from generator.load import EXAMPLES, load
from generator.model.organisation import Address
from generator.model.routing import IvrOption


@pytest.fixture(scope="module")
def clinic():
    return load(EXAMPLES / "clinique-du-lac")


def variants(project, rule, knowledge):
    return sorted((f.variant, f.object_id) for f in findings_of(project, rule, knowledge))


def test_each_kind_of_dead_end_is_named(small_project, knowledge):
    p = small_project
    ivr = p.routing.ivr_menus[0]
    p = routing(p, ivr_menus=[ivr.model_copy(update={"timeout": None, "options": [*ivr.options, IvrOption(key="9", label="Archives")]})])
    p = group(p, "grp-salaires", members=[], overflow=None)
    assert variants(p, "FLOW-DEAD-END", knowledge) == [
        ("empty", "grp-salaires:empty"),
        ("no_overflow", "grp-salaires:overflow"),
        ("no_timeout", "ivr-accueil:timeout"),
        ("unrouted_option", "ivr-accueil:options"),
    ]


def test_a_loop_of_overflows_is_a_dead_end(small_project, knowledge):
    p = group(group(small_project, "grp-accueil", overflow="grp-salaires"), "grp-salaires", overflow="grp-accueil")
    (f,) = findings_of(p, "FLOW-DEAD-END", knowledge)
    assert f.variant == "loop" and "Accueil, Salaires" in f.message


def test_a_member_without_licence(small_project, knowledge):
    p = small_project.replace(licences=[lic for lic in small_project.licences if lic.kind.value != "edition"])
    found = findings_of(p, "FLOW-MEMBER", knowledge)
    assert found and {f.variant for f in found} == {"no_licence"}


def test_finding_words_state_the_problem_in_every_language(small_project, knowledge):
    p = routing(small_project, voicemails=by_id(small_project.routing.voicemails, "vm-general", listeners=[]))
    for lang, words in (("en", "may never be heard"), ("fr", "jamais entendus"), ("de", "nie gehört")):
        (f,) = findings_of(p, "FLOW-DEAD-END", knowledge, lang)
        assert words in f.message and "Messagerie générale" in f.message


def test_vevey_emergency_calls_falling_back_through_montreux_numbers(clinic, knowledge):
    found = {f.object_id: f for f in findings_of(clinic, "FLOW-EMERGENCY-CLI", knowledge, "en")}
    swisscom = found["vev:trunk-swisscom"]
    assert swisscom.variant == "route"
    assert "+41\u00a021\u00a0555\u00a020\u00a000, a number of Montreux" in swisscom.message and "trunk 2 of 3" in swisscom.message
    assert found["vev:trunk-peoplefone-secours"].variant == "no_number"
    assert "vev:trunk-peoplefone" not in found  # the primary carries Vevey's own numbers
    assert found["vev:hot-desk:mtx"].variant == "hot_desk"
    # routed by Vevey's own trunk only, with a Vevey number for its hot desks: nothing left for Vevey
    routes = [r.model_copy(update={"trunks": ["trunk-peoplefone"]}) if r.site == "vev" else r for r in clinic.numbering.emergency_routes]
    fixed = clinic.replace(numbering=section(clinic.numbering, emergency_routes=routes))
    fixed = routing(fixed, emergency_caller_ids=[*clinic.routing.emergency_caller_ids, clinic.routing.emergency_caller_ids[0].model_copy(update={"site": "vev", "number": "+41215553100"})])
    assert not [f for f in findings_of(fixed, "FLOW-EMERGENCY-CLI", knowledge) if f.object_id.startswith("vev:")]


def test_emergency_numbers_follow_the_site_country(small_project, knowledge):
    site = small_project.sites[0]
    french = small_project.replace(sites=[site.model_copy(update={"address": Address(street="Rue de la Paix 1", postcode="74200", city="Thonon", country="FR")})])
    found = findings_of(french, "NUM-EMERGENCY", knowledge)
    (f,) = [f for f in found if f.variant == "message"]
    assert "15" in f.message and "196" in f.message and "117" not in f.message
    assert sorted(f.object_id for f in found if f.variant == "foreign") == ["lau:117", "lau:118", "lau:143", "lau:144", "lau:145", "lau:147"]
    assert findings_of(small_project, "NUM-EMERGENCY", knowledge) == []


def test_an_emergency_route_to_another_country_number_is_named(small_project, knowledge):
    routes = [r.model_copy(update={"number": "15"}) if r.number == "145" else r for r in small_project.numbering.emergency_routes]
    found = findings_of(small_project.replace(numbering=section(small_project.numbering, emergency_routes=routes)), "NUM-EMERGENCY", knowledge, "en")
    assert sorted(f.variant for f in found) == ["foreign", "message"]
    assert any("15 is no emergency number in CH" in f.message for f in found)
