"""Diagrams (interface overview, network, DECT, availability, backup flow) as SVG and PNG in diagrams/."""

from __future__ import annotations

from generator.diagrams import render_all
from generator.renderers import RenderContext


def render(ctx: RenderContext) -> None:
    for path, content in render_all(ctx.project, ctx.translator).items():
        ctx.output.write(path, content)
