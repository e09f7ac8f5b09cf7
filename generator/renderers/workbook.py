"""The customer workbook (xlsx/<customer-id>.xlsx): every tabular record as a styled sheet."""

from __future__ import annotations

from generator.renderers import RenderContext
from generator.workbook import render_workbook


def render(ctx: RenderContext) -> None:
    data = render_workbook(ctx.project, ctx.translator, ctx.generated)
    ctx.output.write(f"xlsx/{ctx.project.pbxdoc.customer.id}.xlsx", data)
