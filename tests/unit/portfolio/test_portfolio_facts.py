"""A customer's facts: every dated item of the data that the dashboard shows when it falls due."""

from __future__ import annotations

from generator.load import EXAMPLES, load
from generator.portfolio.facts import customer_facts
from generator.portfolio.state import Facts


def test_the_dates_of_the_clinic_are_all_there():
    project = load(EXAMPLES / "clinique-du-lac")
    facts = Facts.model_validate(customer_facts(project, {"files": {"site/index.html": {}, "pdf/A.pdf": {}, "data/model.json": {}}}))
    kinds = {d.kind for d in facts.dates}
    certificates = [c for s in project.servers if s.security for c in s.security.certificates]
    assert certificates and {d.object for d in facts.dates if d.kind == "certificate"} == {c.name for c in certificates}
    assert {"licence", "contract", "restore_test"} <= kinds
    assert len([d for d in facts.dates if d.kind == "restore_test"]) == len(project.servers)
    assert facts.outputs.site == "site/index.html" and facts.outputs.records == ["pdf/A.pdf"]
    assert [d.date for d in facts.dates] == sorted(d.date for d in facts.dates)
