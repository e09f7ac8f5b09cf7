"""The change log, newest first; long logs keep the latest changes here and the rest in the workbook.
Then every open point of the commissioning, open or closed: the follow-up of the installation."""

from __future__ import annotations

from generator.audience import data_file
from generator.document import Document, Paragraph, Text
from generator.sections.common import SectionContext, join, table, titled_table

CHANGES_SHOWN = 100


def build(ctx: SectionContext) -> list[Document]:
    w = ctx.w
    doc = Document(w("changelog.title"), slug="changelog")
    changes = sorted(ctx.project.changelog, key=lambda c: (c.date, c.id), reverse=True)
    if not changes:
        return [doc.add(ctx.none(), *_open_points(ctx))]
    doc.add(Paragraph((w("changelog.intro", count=ctx.number(len(changes))),)))
    doc.add(table(
        [w("changelog.date"), w("changelog.ticket"), w("changelog.author"), w("changelog.description"), w("changelog.devices"),
         w("changelog.backup_before"), w("changelog.backup_after")],
        [(ctx.date(c.date), join([c.ticket, c.id], "\n"), c.author, c.description, join(c.devices),
          join([data_file(c.backup_before, ctx.t), ctx.date(c.backup_before_date)], "\n"), join([data_file(c.backup_after, ctx.t), ctx.date(c.backup_after_date)], "\n"))
         for c in changes[:CHANGES_SHOWN]],
        css_class="sortable" if len(changes) > 20 else None,
    ))
    if len(changes) > CHANGES_SHOWN:
        doc.add(Paragraph((w("common.more_in_workbook", shown=ctx.number(CHANGES_SHOWN), total=ctx.number(len(changes))),)))
    doc.add(*_open_points(ctx))
    return [doc]


def _open_points(ctx: SectionContext) -> list:
    """Every point raised at commissioning or since, as of the build's date (a point raised later is
    not known yet, nor is a closure dated later: the point reads open)."""
    c = ctx.project.commissioning
    raised = [p for p in c.open_points if p.raised is None or p.raised <= ctx.today] if c else []
    points = sorted(raised, key=lambda p: (p.raised or c.date, p.id))
    if not points:
        return []
    w = ctx.w

    def status(p):
        if not p.closed or (p.closed_on and p.closed_on > ctx.today):
            return Text(w("changelog.open_points.open"), strong=True)
        return w("changelog.open_points.closed_on", date=ctx.date(p.closed_on)) if p.closed_on else w("changelog.open_points.closed")

    return titled_table(ctx, w("changelog.open_points.title"),
                        [w("changelog.open_points.point"), w("changelog.description"), w("changelog.open_points.owner"),
                         w("changelog.open_points.raised"), w("changelog.open_points.due"), w("changelog.open_points.status")],
                        [(p.id, p.description, p.owner, ctx.date(p.raised), ctx.date(p.due), status(p)) for p in points])
