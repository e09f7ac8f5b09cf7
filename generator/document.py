"""A small document tree for section content, written once and presented by every renderer.

Sections (and runbooks) build these blocks from the model; `to_markdown` writes them as the
Markdown that mkdocs-material renders for the site and that the PDF renderer converts with the
same extensions (`MARKDOWN_EXTENSIONS`). Customer text is escaped when the Markdown is written
(generator.escaping), so that a name like `<script>` is always shown as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Union

from generator.escaping import html_text, url_path
from generator.escaping import markdown as escape

MARKDOWN_EXTENSIONS = ["tables", "admonition", "attr_list", "def_list", "toc", "md_in_html", "footnotes"]

_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*( [a-z0-9][a-z0-9_-]*)*", re.IGNORECASE)  # classes: space-separated names


def _name(value: str) -> str:
    """An anchor, CSS class or admonition kind: written unescaped, so only a plain name."""
    if not _NAME.fullmatch(value):
        raise ValueError(f"not a plain name for an anchor, class or admonition: {value!r}")
    return value


@dataclass(frozen=True)
class Text:
    """Inline text; `raw` is for our own markup only (translations, links we build), never data."""

    value: str
    raw: bool = False
    strong: bool = False

    def md(self) -> str:
        text = self.value if self.raw else escape(self.value)
        return f"**{text}**" if self.strong and text else text


Inline = Union[str, Text]


def inline(value: Inline) -> str:
    return value.md() if isinstance(value, Text) else escape(value)


@dataclass(frozen=True)
class Heading:
    level: int
    text: Inline
    anchor: str | None = None


@dataclass(frozen=True)
class Paragraph:
    parts: tuple[Inline, ...]


@dataclass(frozen=True)
class BulletList:
    items: tuple[Inline | tuple[Inline, ...], ...]
    ordered: bool = False


@dataclass(frozen=True)
class Checklist:
    """Printable tick boxes (before/after backups, restore drills)."""

    items: tuple[Inline, ...]


@dataclass(frozen=True)
class Table:
    headers: tuple[Inline, ...]
    rows: tuple[tuple[Inline, ...], ...]
    css_class: str | None = None  # e.g. "sortable" for large tables on the site


@dataclass(frozen=True)
class Facts:
    """A two-column list of label / value pairs."""

    items: tuple[tuple[Inline, Inline], ...]


@dataclass(frozen=True)
class Admonition:
    kind: str  # note, warning, danger, info, success
    title: Inline
    body: tuple["Block", ...]


@dataclass(frozen=True)
class Figure:
    """A generated diagram, by its path relative to the build output (e.g. diagrams/overview-x.svg)."""

    path: str
    caption: Inline


Block = Union[Heading, Paragraph, BulletList, Checklist, Table, Facts, Admonition, Figure]


@dataclass
class Document:
    """An ordered list of blocks with a title; sections and runbooks are Documents."""

    title: str
    blocks: list[Block] = field(default_factory=list)
    slug: str = ""

    def add(self, *blocks: Block) -> "Document":
        self.blocks.extend(blocks)
        return self


def _cell(value: Inline) -> str:
    """Table cell text: pipes not yet escaped (our own raw text) are escaped, lines become <br>."""
    return re.sub(r"(?<!\\)\|", r"\\|", inline(value)).replace("  \n", "<br>")


def block_markdown(block: Block, figure_prefix: str = "") -> str:
    if isinstance(block, Heading):
        anchor = f" {{#{_name(block.anchor)}}}" if block.anchor else ""
        return f"{'#' * block.level} {inline(block.text)}{anchor}"
    if isinstance(block, Paragraph):
        return "".join(inline(p) for p in block.parts)
    if isinstance(block, BulletList):
        lines = []
        for i, item in enumerate(block.items, start=1):
            text = "".join(inline(p) for p in item) if isinstance(item, tuple) else inline(item)
            lines.append(f"{i}. {text}" if block.ordered else f"- {text}")
        return "\n".join(lines)
    if isinstance(block, Checklist):
        return "\n".join(f"- [ ] {inline(item)}" for item in block.items)
    if isinstance(block, Table):
        head = "| " + " | ".join(_cell(h) for h in block.headers) + " |"
        sep = "| " + " | ".join("---" for _ in block.headers) + " |"
        rows = ["| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows]
        table = "\n".join([head, sep, *rows])
        if block.css_class:
            table = f'<div class="{_name(block.css_class)}" markdown="1">\n\n{table}\n\n</div>'
        return table
    if isinstance(block, Facts):
        # Markdown tables need a header row; the "facts" class hides it (site and print CSS).
        head = "| | |\n| --- | --- |"
        rows = [f"| **{_cell(k)}** | {_cell(v)} |" for k, v in block.items]
        return '<div class="facts" markdown="1">\n\n' + "\n".join([head, *rows]) + "\n\n</div>"
    if isinstance(block, Admonition):
        body = "\n\n".join(block_markdown(b, figure_prefix) for b in block.body)
        indented = "\n".join(("    " + line) if line else "" for line in body.splitlines())
        return f'!!! {_name(block.kind)} "{inline(block.title).replace(chr(34), "&quot;")}"\n\n{indented}'
    if isinstance(block, Figure):
        alt = inline(block.caption)
        # The caption sits in raw HTML, where Markdown escapes would show: escape it as HTML only.
        raw = block.caption.value if isinstance(block.caption, Text) and block.caption.raw else None
        caption = raw if raw is not None else html_text(block.caption.value if isinstance(block.caption, Text) else block.caption)
        return f"<figure markdown=\"1\">\n\n![{alt}]({figure_prefix}{url_path(block.path)})\n\n<figcaption>{caption}</figcaption>\n</figure>"
    raise TypeError(f"unknown block {block!r}")


def to_markdown(document: Document, figure_prefix: str = "", title_level: int = 1) -> str:
    """The document as Markdown; `figure_prefix` is the relative path from the page to the build root."""
    parts = [f"{'#' * title_level} {escape(document.title)}"] if title_level else []
    parts += [block_markdown(b, figure_prefix) for b in document.blocks]
    return "\n\n".join(parts) + "\n"
