"""Diagrams (interface overview, network, DECT, availability, backup flow) as SVG and PNG in
diagrams/ (diagrams/<lang>/ when several languages are built)."""

from __future__ import annotations

from generator.renderers.base import Product, RenderContext


def render(ctx: RenderContext) -> list[Product]:
    several = len(ctx.contents) > 1
    for content in ctx.contents:
        for path, data in content.diagrams.items():
            ctx.output.write(path.replace("diagrams/", f"diagrams/{content.lang}/", 1) if several else path, data)
    return []
