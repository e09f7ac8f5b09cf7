"""The renderer interface: every renderer reads the build's content and writes through Output.

Renderers import the model, the content and this module, never each other; what one renderer
offers another (the site's downloads) passes through `Product`s that the pipeline hands on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from generator.audience import Audience
from generator.cache import NO_CACHE, Cache
from generator.content import Content
from generator.output import Output


@dataclass(frozen=True)
class Product:
    """A file a renderer wrote that a reader may download (a PDF record, the workbook)."""

    path: str  # relative to the output folder
    title: str  # in the product's language
    kind: str  # "pdf" or "workbook"
    lang: str
    audience: Audience


@dataclass(frozen=True)
class RenderContext:
    contents: tuple[Content, ...]  # one per language, in build order
    output: Output
    products: tuple[Product, ...] = ()  # what the renderers before this one wrote
    cache: Cache = NO_CACHE  # typeset PDFs and drawn diagrams of earlier builds
    progress: Callable[[str], None] = lambda detail: None  # what the renderer is doing now, for a terminal
    # Files renderers running side by side with this one are still making: waits for them.
    later: Callable[[], tuple[Product, ...]] | None = None
    # A renderer running alongside calls this once its longest work is under way (the books in a
    # worker): the renderers after it wait for that, so that they do not slow its start.
    under_way: Callable[[], None] = lambda: None

    @property
    def content(self) -> Content:
        """The main language's content."""
        return self.contents[0]

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(c.lang for c in self.contents)

    @property
    def audience(self) -> Audience:
        return self.content.audience

    @property
    def generated(self) -> dt.datetime:
        return self.content.generated


@dataclass(frozen=True)
class Renderer:
    name: str
    render: Callable[[RenderContext], list[Product]]
    summary: str
    offers: bool = False  # its files are downloads other renderers may list
    # Runs side by side with the renderers after it (it mostly waits for worker processes), which
    # start once it says its longest work is under way; a renderer that lists downloads gets its
    # files through RenderContext.later.
    alongside: bool = False
