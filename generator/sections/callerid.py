"""Caller-ID lookup (course 5.4): where incoming numbers are matched to names."""

from __future__ import annotations

from generator.document import Document, Paragraph
from generator.sections.common import SectionContext, note, titled_table
from generator.sections.interfaces import server_name


def build(ctx: SectionContext) -> list[Document]:
    w = ctx.w
    doc = Document(w("callerid.title"), slug="caller-id")
    doc.add(Paragraph((w("callerid.intro"),)))
    sources = sorted(ctx.project.callerid, key=lambda s: (s.server, s.id))
    if not sources:
        doc.add(note("warning", w("callerid.none_title"), w("callerid.none")))
        return [doc]
    doc.add(*titled_table(
        ctx, w("callerid.sources"),
        [w("callerid.product"), w("callerid.kind"), w("common.server"), w("callerid.scope"), w("callerid.match"), w("callerid.entries"), w("callerid.credentials")],
        [(s.product, w(f"callerid.source_kind.{s.kind}"), server_name(ctx, s.server), s.scope or "", s.match or "", ctx.number(s.entries), ctx.secret(s.credentials))
         for s in sources],
    ))
    notes = [(s.product, s.notes) for s in sources if s.notes]
    if notes:
        doc.add(*titled_table(ctx, w("common.notes"), [w("callerid.product"), w("common.notes")], notes, level=3))
    return [doc]
