"""Documentation (course 6.2): the customer file's items, open points and the commissioning record."""

from __future__ import annotations

from generator.checks.completeness import completeness
from generator.checks.registry import Category, hit, rule
from generator.diagnostics import Location, Severity

COURSE = "Course 6.2, forms of documentation of communication systems"


class _ProjectFile:
    """Evidence for an item that is missing altogether: the file where it belongs."""

    def __init__(self, file: str):
        self.file = file

    def where(self, field=None) -> Location:
        return Location(self.file)


@rule("DOC-ITEM", Category.DOCUMENTATION, Severity.WARNING, COURSE + ": list of what the documentation should contain")
def missing_items(ctx):
    files = ctx.project.files
    score, items = completeness(ctx.project)
    for item in items:
        if not item.present:
            yield hit(_ProjectFile(files.get(item.concern, f"{item.concern}.yaml")), None, object_id=item.id, item_key=f"checks.completeness.{item.id}", score=round(score * 100))


@rule("DOC-OPEN-POINT", Category.DOCUMENTATION, Severity.WARNING, COURSE + ": commissioning record and handover to the customer")
def overdue_open_points(ctx):
    commissioning = ctx.project.commissioning
    for point in commissioning.open_points if commissioning else []:
        if not point.closed and point.due and point.due < ctx.today:
            yield hit(point, "due", point=point.id, date=point.due, owner=point.owner)


@rule("DOC-ACCEPTANCE", Category.DOCUMENTATION, Severity.WARNING, COURSE + ": commissioning record (PV de mise en service) signed by both parties", ("test", "not_accepted", "no_acceptance"))
def acceptance(ctx):
    commissioning = ctx.project.commissioning
    if commissioning is None:
        return
    for test in commissioning.tests:
        if test.result != "passed":
            yield hit(test, "result", variant="test", test=test.id, area=test.area, result_key=f"model.test_result.{test.result}")
    if commissioning.acceptance is None:
        yield hit(commissioning, "date", object_id="acceptance", variant="no_acceptance")
    elif not commissioning.acceptance.accepted:
        yield hit(commissioning.acceptance, "accepted", object_id="acceptance", variant="not_accepted", date=commissioning.acceptance.date)
