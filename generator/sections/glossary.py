"""The glossary: domain terms and their definitions, kept as data in translations/<lang>/glossary.yaml."""

from __future__ import annotations

import unicodedata

from generator.document import Document, Paragraph, Text
from generator.i18n import catalogue
from generator.sections.common import SectionContext, table


def _collation_key(term: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", term.casefold()) if not unicodedata.combining(c))


def terms(ctx: SectionContext) -> list[tuple[str, str]]:
    """(term, definition) pairs of the language, in alphabetical order."""
    words = catalogue(ctx.t.lang)
    keys = sorted({k.rsplit(".", 1)[0] for k in words if k.startswith("glossary.terms.")})
    pairs = [(words[f"{k}.term"], words[f"{k}.definition"]) for k in keys]
    return sorted(pairs, key=lambda p: (_collation_key(p[0]), p[0]))


def build(ctx: SectionContext) -> list[Document]:
    doc = Document(ctx.w("glossary.title"), slug="glossary")
    doc.add(Paragraph((ctx.w("glossary.intro"),)))
    doc.add(table([ctx.w("glossary.term"), ctx.w("glossary.definition")], [(Text(term, strong=True), definition) for term, definition in terms(ctx)]))
    return [doc]
