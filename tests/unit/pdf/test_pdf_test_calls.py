"""The commissioning record lists one test call per entry point and time mode, to tick."""

from __future__ import annotations

import pytest

from generator.document import Table
from generator.i18n import Translator
from generator.model.routing import Routing
from generator.pdf.records.commissioning import test_calls as make_test_calls


@pytest.mark.parametrize(("lang", "expected"), [
    ("fr", "Accueil vocal (menu vocal)"),
    ("de", "Accueil vocal (Sprachmenü)"),
    ("en", "Accueil vocal (voice menu)"),
])
def test_one_call_per_entry_point_and_mode(small_project, lang, expected):
    doc = make_test_calls(small_project, Translator(lang))
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(table.rows) == 4  # the main number: opening hours, lunch, after hours, holidays
    assert table.rows[0][3] == expected and table.rows[0][4] == "☐"
    assert table.rows[1][3] == table.rows[2][3] == table.rows[3][3]  # the general voicemail


def test_no_routing_no_test_calls(small_project):
    assert make_test_calls(small_project.replace(routing=Routing()), Translator("fr")) is None


def test_the_record_embeds_and_digests_what_its_test_calls_are_read_from(small_project):
    """The test calls come from the routing, numbers and users: those files are attached and digested
    (an issued PV whose routing changed is then seen as changed), and only when the calls are printed."""
    from generator.pdf.records import commissioning

    with_calls = commissioning.build(small_project, Translator("fr"), small_project.pbxdoc.document.date)
    assert set(commissioning.CALL_FLOW_CONCERNS) <= set(with_calls.concerns)
    without = commissioning.build(small_project.replace(routing=Routing()), Translator("fr"), small_project.pbxdoc.document.date)
    assert not set(commissioning.CALL_FLOW_CONCERNS) & set(without.concerns)
