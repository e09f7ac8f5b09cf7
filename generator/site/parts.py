"""Pages whose tables would hold thousands of rows are split into parts of a bounded size.

The browser sorts, filters and pages each table (assets/tables.js); splitting keeps every HTML page
light enough to open on a phone. The first part keeps the prose; later parts repeat only the
table's heading and headers.
"""

from __future__ import annotations

from dataclasses import replace

from generator.document import Block, Document, Heading, Table

MAX_ROWS_PER_PAGE = 1000


def _rows(blocks: list[Block]) -> int:
    return sum(len(b.rows) for b in blocks if isinstance(b, Table))


def split_document(document: Document, limit: int = MAX_ROWS_PER_PAGE) -> list[Document]:
    """The document as one or more parts, each holding at most `limit` table rows."""
    if _rows(document.blocks) <= limit:
        return [document]
    parts: list[list[Block]] = [[]]
    heading: Heading | None = None
    for block in document.blocks:
        if isinstance(block, Heading):
            heading = block
        if not isinstance(block, Table):
            if _rows(parts[-1]) >= limit:
                parts.append([])
            parts[-1].append(block)
            continue
        rows = block.rows
        while rows:
            room = limit - _rows(parts[-1])
            if room <= 0:
                parts.append([heading] if heading else [])
                room = limit
            parts[-1].append(replace(block, rows=rows[:room]))
            rows = rows[room:]
    return [Document(document.title, blocks, document.slug) for blocks in parts]
