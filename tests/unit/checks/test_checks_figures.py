"""Right figures: the manual's terminal power, the Mitel 470's last slot, the DECT-per-user limit
for the system's own DECT only, and no error resting on an unconfirmed or default figure."""

from __future__ import annotations

from checks_helpers import MITEL_ID, at, findings_of, knowledge, section, with_mitel  # noqa: F401  (knowledge is a fixture)

from generator.checks.rules.hardware import power_budget
from generator.checks.context import Context
from generator.diagnostics import Severity
from generator.load import EXAMPLES, load
import datetime as dt


def test_terminal_power_follows_the_manual_table(knowledge):
    m470 = knowledge.product("mitel-470")
    assert m470.figure("terminal_power_w.analogue").value == 0.5 and m470.figure("terminal_power_w.analogue").confirmed
    models = m470.group("terminal_model_power_w")
    assert (models["5360"].value, models["5370"].value, models["5380"].value) == (0.28, 0.68, 0.82)
    assert all(f.confirmed for f in models.values())
    assert not m470.figure("terminal_power_w.digital").confirmed  # a default for an unknown model


def test_the_clinic_on_its_internal_supply_is_within_its_power_budget(knowledge):
    """26 Mitel 5380, 20 Mitel 5370 and 34 analogue phones need about 52 W: the internal PSU's budget is 54 W."""
    clinic = load(EXAMPLES / "clinique-du-lac")
    internal = clinic.replace(servers=at(clinic.servers, 0, power_supply="internal"))
    ctx = Context(internal, knowledge, dt.date(2026, 12, 1))
    budget, demand, _ = power_budget(ctx, internal.servers[0], knowledge.product("mitel-470"))
    assert round(demand, 2) == 51.92 and demand < budget
    assert findings_of(internal, "HW-POWER", knowledge) == []


def test_power_resting_on_a_default_figure_is_a_warning_that_says_so(small_project, knowledge):
    unknown = with_mitel(small_project, [(1, "CPU1")] + [(s, "32DSI") for s in range(3, 7)], {"digital": 120})
    (f,) = findings_of(unknown, "HW-POWER", knowledge)
    assert f.severity is Severity.WARNING and "unconfirmed or default figure" in f.message and "Aastra 5380" in f.message
    (fr,) = findings_of(unknown, "HW-POWER", knowledge, "fr")
    assert "non confirmé" in fr.message


def test_a_card_beyond_the_last_slot_is_reported_as_a_warning(small_project, knowledge):
    """The Mitel 470's last slot is not yet confirmed from the manual: slot 14 warns, it cannot be an error."""
    (f,) = findings_of(with_mitel(small_project, [(1, "CPU1"), (14, "8FXS")]), "HW-SLOT", knowledge)
    assert f.variant == "beyond" and f.severity is Severity.WARNING and "slot 14" in f.message
    assert findings_of(with_mitel(small_project, [(1, "CPU1"), (11, "8FXS")]), "HW-SLOT", knowledge) == []


def test_two_dect_phones_per_user_is_a_limit_of_the_systems_own_dect(small_project, knowledge):
    """Three SIP-DECT handsets for one user on a Mitel are fine: they register as SIP extensions."""
    project = with_mitel(small_project, [(1, "CPU1")]).replace(
        dect=section(small_project.dect, systems=at(small_project.dect.systems, 0, server=MITEL_ID, connection="sip")),
        handsets=[h.model_copy(update={"user": "u-aubert", "extension": None}) for h in small_project.handsets[:3]],
    )
    assert findings_of(project, "DECT-PER-USER", knowledge) == []
    source = knowledge.product("mitel-470").figure("max_dect_handsets_per_user").source
    assert "3.2.5.1" in source


def test_a_base_the_catalogue_does_not_know_only_warns(small_project, knowledge):
    """The course's lower bound (6 handsets) is a default for an unknown base: a warning, not an error."""
    bases = at(small_project.dect.bases, 0, model="Gigaset N300")
    project = small_project.replace(dect=section(small_project.dect, bases=bases))
    (f,) = findings_of(project, "DECT-MONOCELL", knowledge)
    assert f.severity is Severity.WARNING and "Course 5.3" in f.message


def test_unify_openscape_business_is_in_the_catalogue(small_project, knowledge):
    """Its boards are known (TLANI as an analogue trunk board); port figures not yet confirmed only warn."""
    x5 = knowledge.find("Unify OpenScape Business X5", "communication_server")
    assert x5.group("card_function")["TLANI4"].value == "analogue_trunk"
    unify = with_mitel(small_project, [(1, "SLMAV8"), (2, "TLANI4")], {"analogue": 12}, vendor="Unify", model="OpenScape Business X5")
    assert findings_of(unify, "HW-UNKNOWN", knowledge) == []
    (ports,) = findings_of(unify, "HW-PORTS", knowledge)
    assert ports.variant == "fxs" and ports.severity is Severity.WARNING and "12" in ports.message


def test_more_dect_vendors_have_sourced_capacities(knowledge):
    n870 = knowledge.find("Gigaset N870 IP PRO", "dect_manager")
    assert n870.figure("max_parallel_channels").value == 60 and n870.figure("max_parallel_channels").confirmed
    assert knowledge.find("Gigaset N670 IP PRO", "dect_base").value("max_handsets") == 20
    assert knowledge.find("Snom M900", "dect_manager") is not None
    assert knowledge.find("Mitel SIP-DECT OMM", "dect_manager").id == "mitel-sip-dect-omm"
    assert knowledge.find("SB-8", "dect_base").value("dsi_ports_used") == 2
    assert knowledge.find("Microsoft Teams Direct Routing", "communication_server").value("sip_transport") == "tls"
