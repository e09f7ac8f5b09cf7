"""Home, communication system, interfaces and numbering show the small example's data."""

from __future__ import annotations

from generator.audience import Audience, for_audience
from generator.model.numbering import User
from sections_fixtures import build_md, small, small_md  # noqa: F401  (fixtures)



def test_home_has_customer_contacts_and_sites(small, small_md):
    md = small_md["en"]["index"]
    assert "Fiduciaire Rochat SA" in md and "Léman Télécom Sàrl" in md
    assert "+41\u00a021\u00a0555\u00a080\u00a000" in md  # grouped for reading, never split in a cell
    # escalation order: the first contact to call comes before the third
    calls = md.split("## Who to call")[1]
    assert calls.index("Sophie Rochat") < calls.index("Marc Bonvin") < calls.index("Julien Favre")
    assert "Lausanne — siège" in md
    assert "Premises access" in md and "Local technique, sous-sol, armoire R1" in md


def test_home_hides_premises_access_and_internal_contacts_from_the_customer(small, build_md):
    md = build_md(for_audience(small, Audience.CUSTOMER), "en")["index"]
    assert "Premises access" not in md and "armoire R1" not in md
    assert "Nadia Berset" not in md


def test_system_lists_servers_versions_and_overview(small_md):
    md = small_md["fr"]["system"]
    assert "3CX Fiduciaire Rochat" in md and "20.0 Update 5" in md and "PRO" in md
    assert "lau-hv-01 (Hyper-V, Windows Server 2022)" in md
    assert "](diagrams/overview-lau-pbx-01.svg)" in md


def test_system_lists_cards_by_slot(small, build_md):
    from generator.model.telephony import Card, Platform

    server = small.servers[0].model_copy(update={
        "platform": Platform.APPLIANCE, "model": "Mitel 470",
        "slots": [Card(slot=3, type="32FXS"), Card(slot=1, type="CPU1", modules=["DSPX1", "EIP1-8"])],
    })
    md = build_md(small.replace(servers=[server]), "de")["system"]
    assert "| 1 | CPU1 | DSPX1, EIP1-8 |" in md
    assert md.index("| 1 | CPU1") < md.index("| 3 | 32FXS")


def test_interfaces_list_trunks_and_special_interfaces(small_md):
    md = small_md["de"]["interfaces"]
    assert "Peoplefone" in md and "sips.peoplefone.ch" in md and "TLS + SRTP" in md
    assert "+41 21 555 12 00 – +41 21 555 12 99 (100 Nummern)" in md.replace("\u00a0", " ")
    assert "2N IP Verso" in md and "Portier entrée principale" in md


def test_numbering_lists_every_user_by_department(small, small_md):
    md = small_md["fr"]["numbering"]
    for user in small.users:
        assert f"| {user.extension} |" in md
        assert user.last_name in md
    assert "112 — Numéro d'urgence européen" in md
    assert md.index("### Accueil") < md.index("### Direction")  # order of the numbering plan


def synthetic_users(template: User, count: int) -> list[User]:
    return [
        template.model_copy(update={"id": f"u-{i:05d}", "extension": str(10000 + i), "last_name": f"Nom{i:05d}",
                                    "did": None, "department": f"Service {i % 37:02d}"})
        for i in range(count)
    ]


def test_many_users_get_their_own_page(small, build_md):
    project = small.replace(users=synthetic_users(small.users[0], 1000))
    pages = build_md(project, "en")
    numbering = pages["numbering"]
    assert "| 10500 |" not in numbering and "Nom00500" not in numbering
    assert "Service 36" in numbering  # department summary stays
    assert len(numbering) < 20_000
    users = pages["numbering-users"]
    assert users.count("| 1") >= 1000 and "Nom00999" in users
    assert '<div class="sortable directory"' in users


def test_home_shows_the_completeness_found_by_the_checks(small, build_md):
    import importlib.util

    if importlib.util.find_spec("generator.checks") is None:
        assert "Documentation completeness" not in build_md(small, "en")["index"]
        return
    from generator.checks.completeness import ITEMS
    from generator.diagnostics import Location, Severity
    from generator.model.findings import Finding

    missing = Finding("DOC-ITEM", Severity.WARNING, "documentation", "t", "m", "photos", Location("documents.yaml"))
    md = build_md(small.replace(findings=(missing,)), "en")["index"]
    assert f"Documentation completeness: {round(100 * (1 - 1 / len(ITEMS)))}%" in md
    assert "Missing from the customer file:" in md and "- Photos of the installation" in md
