"""Lifecycle: servers, phones, DECT and firmware past their vendor's end of sale or support.

The dates are vendor knowledge (`lifecycle.end_of_sale`, `lifecycle.end_of_support`, and
`firmware_end_of_support.<version>` of a product), kept with the notice they come from.
"""

from __future__ import annotations

import datetime as dt

from generator.checks.registry import Category, hit, rule
from generator.diagnostics import Severity

NOTICE = "Vendor end-of-sale and end-of-support notices (dated in the vendor catalogue with their source)"


def equipment(ctx):
    """(record, field, id, model text, firmware version, product kind) of everything with a vendor lifecycle."""
    p = ctx.project
    for s in p.servers:
        yield s, "model", s.id, f"{s.vendor} {s.model}", s.firmware_version or s.software_version, "communication_server"
    for t in p.terminals.terminals:
        yield t, "model", t.id, f"{t.vendor} {t.model}", t.firmware_version, "terminal"
    for d in p.dect.systems:
        if d.manager_model:
            yield d, "manager_model", d.id, d.manager_model, d.manager_version, "dect_manager"
    for b in p.dect.bases:
        yield b, "model", b.id, b.model, b.firmware_version, "dect_base"


def dated(ctx, key: str):
    for record, field, object_id, model, version, kind in equipment(ctx):
        product = ctx.knowledge.find(model, kind)
        if product is None:
            continue
        figure = product.figure(f"lifecycle.{key}")
        if figure is not None:
            yield record, field, object_id, product, figure, None
        firmware = product.figure(f"firmware_{key}.{version}") if version else None
        if key == "end_of_support" and firmware is not None:
            yield record, field, object_id, product, firmware, version


def _date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


@rule("LCY-END-OF-SUPPORT", Category.LIFECYCLE, Severity.WARNING, NOTICE, ("product", "firmware"))
def end_of_support(ctx):
    for record, field, object_id, product, figure, version in dated(ctx, "end_of_support"):
        if _date(figure.value) <= ctx.today:
            variant = "firmware" if version else "product"
            yield hit(record, field, object_id=object_id, variant=variant, figures=[figure], item=object_id, model=product.name, version=version or "", date=_date(figure.value), source=figure.source)


@rule("LCY-END-OF-SALE", Category.LIFECYCLE, Severity.INFO, NOTICE)
def end_of_sale(ctx):
    for record, field, object_id, product, figure, _ in dated(ctx, "end_of_sale"):
        if _date(figure.value) <= ctx.today:
            yield hit(record, field, object_id=object_id, figures=[figure], item=object_id, model=product.name, date=_date(figure.value), source=figure.source)
