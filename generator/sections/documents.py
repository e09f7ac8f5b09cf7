"""The documents of the customer file, with kind and date (the build's own outputs are listed by the renderers)."""

from __future__ import annotations

from babel import Locale

from generator.audience import data_file
from generator.document import Document, Paragraph
from generator.sections.common import SectionContext, table


def build(ctx: SectionContext) -> list[Document]:
    w = ctx.w
    doc = Document(w("documents.title"), slug="documents")
    docs = sorted(ctx.project.documents, key=lambda d: (d.date, d.id), reverse=True)
    doc.add(table(
        [w("documents.date"), w("documents.kind"), w("documents.document"), w("common.id"), w("documents.where")],
        [(ctx.date(d.date), ctx.label("document_kind", d.kind), d.title, d.id, data_file(d.file, ctx.t) or d.reference or "") for d in docs],
    ) if docs else ctx.none())
    languages = Locale.parse(ctx.t.locale).languages
    for audience, language in sorted(ctx.project.pbxdoc.audience_languages.items()):
        doc.add(Paragraph((w("documents.audience_language", audience=ctx.t.t(f"pdf.audiences.{audience}"), language=languages[language.value]),)))
    return [doc]
