"""Helpers of the checks' tests: the small example changed in one place, findings by rule."""

from __future__ import annotations

import pytest

from generator.checks import evaluate
from generator.knowledge import load as load_knowledge
from generator.model.project import Project
from generator.model.telephony import CommunicationServer, TerminalGroup

MITEL_ID = "lau-mx-01"


@pytest.fixture(scope="session")
def knowledge():
    """The built-in vendor catalogue (the small example has no vendors/ folder); test modules import it."""
    return load_knowledge()


def findings_of(project: Project, rule: str, knowledge=None, lang: str = "en"):
    return [f for f in evaluate(project, knowledge=knowledge, lang=lang) if f.rule == rule]


def at(items: list, index: int, **update) -> list:
    """A copy of a list of records with one record changed."""
    items = list(items)
    items[index] = items[index].model_copy(update=update)
    return items


def by_id(items: list, record_id: str, **update) -> list:
    return at(items, next(i for i, r in enumerate(items) if r.id == record_id), **update)


def section(record, **update):
    return record.model_copy(update=update)


def with_mitel(p: Project, cards: list[tuple], terminals: dict[str, int] | None = None, **server) -> Project:
    """The small example plus a Mitel 470 on its site: cards as (slot, type[, modules])."""
    data = {
        "id": MITEL_ID,
        "name": "Mitel 470 test",
        "site": "lau",
        "vendor": "Mitel",
        "model": "Mitel 470",
        "platform": "appliance",
        "software_version": "R6.2 SP1",
        "power_supply": "internal",
        "slots": [{"slot": c[0], "type": c[1], "modules": list(c[2]) if len(c) > 2 else []} for c in cards],
        **server,
    }
    groups = [
        TerminalGroup.model_validate({"id": f"t-mx-{kind}", "type": kind, "vendor": "Mitel", "model": f"{kind} phone", "count": count, "server": MITEL_ID, "site": "lau"})
        for kind, count in (terminals or {}).items()
    ]
    return p.replace(
        servers=[*p.servers, CommunicationServer.model_validate(data)],
        terminals=section(p.terminals, terminals=[*p.terminals.terminals, *groups]),
    )


def did_outside_block(p: Project) -> Project:
    """The small example with one DID outside every number block of its trunks."""
    return p.replace(users=[u.model_copy(update={"did": "+41215551300"}) if u.id == "u-admin" else u for u in p.users])
