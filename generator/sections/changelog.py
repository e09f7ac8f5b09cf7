"""The change log, newest first; long logs keep the latest changes here and the rest in the workbook."""

from __future__ import annotations

from generator.audience import data_file
from generator.document import Document, Paragraph
from generator.sections.common import SectionContext, join, table

CHANGES_SHOWN = 100


def build(ctx: SectionContext) -> list[Document]:
    w = ctx.w
    doc = Document(w("changelog.title"), slug="changelog")
    changes = sorted(ctx.project.changelog, key=lambda c: (c.date, c.id), reverse=True)
    if not changes:
        return [doc.add(ctx.none())]
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
    return [doc]
