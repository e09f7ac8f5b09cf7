"""Terminals and DECT, free seating, caller-ID lookup and the rights matrix show the small example."""

from __future__ import annotations
from sections_fixtures import build_md, small, small_md  # noqa: F401  (fixtures)


def test_terminals_and_dect(small, small_md):
    md = small_md["en"]["terminals-dect"]
    assert "| IP / SIP | 23 |" in md  # 18 T54W + 2 T58W + 3 hot-desk phones
    assert "Yealink T58W Pro (réception)" in md and "150.86.0.20" not in md
    assert "3CX app iOS/Android" in md
    assert "| lau-dect-01 | Yealink W70B<br>146.86.0.20 | 1er étage, couloir central | 10.10.20.30 | lau-sw-01 / Gi1/0/24<br>PoE class 2 |" in md
    assert "| 1 | 6 |" in md  # one repeater, six handsets on the base
    assert "lau-rt-01" in md and "0328D3C9A1" in md
    assert "](diagrams/dect-lau-dect.svg)" in md


def test_free_seating_lists_desks_users_and_licence(small, small_md):
    md = small_md["fr"]["free-seating"]
    for desk in small.numbering.hot_desks:
        assert desk.location in md
    for user in small.users:
        assert (user.display_name in md) == user.hot_desking
    assert "3CX PRO 16 appels simultanés (annuel)" in md


def test_free_seating_marks_a_missing_right(small, build_md):
    profiles = [p.model_copy(update={"permissions": [x for x in p.permissions if x != "hot-desking"]}) for p in small.rights.profiles]
    md = build_md(small.replace(rights=small.rights.model_copy(update={"profiles": profiles})), "en")["free-seating"]
    assert "✗" in md and "✓" not in md


def test_caller_id_sources_and_their_absence(small, small_md, build_md):
    md = small_md["de"]["caller-id"]
    assert "HubSpot CRM" in md and "tel.search.ch" in md and "| 412 |" in md
    assert "Keine Suchquelle" in build_md(small.replace(callerid=[]), "de")["caller-id"]


def test_rights_matrix(small_md):
    md = small_md["en"]["rights"]
    assert "| Permission | Restreint | Collaborateur | Direction | Administration |" in md
    assert "| Administration du système (administration) |  |  |  | ✓ |" in md
    assert "| Collaborateur | National | 090 |  |  | 19 |" in md
    assert "| Administration | International | 090 |  | Nuit et week-end |" in md  # the night profile
    assert "| adm-kohler | 3CX Fiduciaire Rochat | Martine Kohler | Administration |" in md


def test_admin_account_without_person_is_shown(small, build_md):
    accounts = [a.model_copy(update={"person": None}) for a in small.rights.admin_accounts]
    md = build_md(small.replace(rights=small.rights.model_copy(update={"admin_accounts": accounts})), "en")["rights"]
    assert "no named person" in md
