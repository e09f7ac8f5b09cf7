"""The customer workbook, one per language (xlsx/<customer-id>-<lang>-<audience>.xlsx)."""

from __future__ import annotations

from generator.renderers.base import Product, RenderContext
from generator.workbook import render_workbook


def render(ctx: RenderContext) -> list[Product]:
    products = []
    for content in ctx.contents:
        ctx.output.write(content.workbook_path, render_workbook(content.project, content.translator, content.generated, audience=content.audience))
        title = content.translator.t("workbook.title", customer=content.project.pbxdoc.customer.name)
        products.append(Product(content.workbook_path, title, "workbook", content.lang, content.audience))
    return products
