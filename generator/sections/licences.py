"""Licences: quantity, use, expiry and days left with a status, and the expiry timeline."""

from __future__ import annotations

from dataclasses import dataclass

from generator import knowledge as vendor_knowledge
from generator.checks.context import Context
from generator.checks.rules.licences import USER_FLAGS, counted_use
from generator.document import Document, Figure, Paragraph
from generator.model.operations import Licence
from generator.sections.common import SectionContext, join, table, titled_table
from generator.sections.interfaces import server_name

TIMELINE = "figures/licences-timeline.svg"


@dataclass(frozen=True)
class LicenceStatus:
    """How a licence stands on the generation date."""

    key: str  # ok, expiring, expired, perpetual
    days_left: int | None


def licence_status(ctx: SectionContext, lic: Licence) -> LicenceStatus:
    return expiry_status(ctx, lic.expiry)


def expiry_status(ctx: SectionContext, expiry) -> LicenceStatus:
    """How an expiry date (a licence's, a certificate's) stands on the generation date."""
    if expiry is None:
        return LicenceStatus("perpetual", None)
    days = (expiry - ctx.today).days
    if days < 0:
        return LicenceStatus("expired", days)
    if days <= ctx.project.pbxdoc.policy.licence_warning_days:
        return LicenceStatus("expiring", days)
    return LicenceStatus("ok", days)


def _validity(ctx: SectionContext, lic: Licence) -> str:
    if lic.expiry is None:
        return ctx.w("licences.since", date=ctx.date(lic.start)) if lic.start else ""
    return f"{ctx.date(lic.start)} – {ctx.date(lic.expiry)}" if lic.start else ctx.w("licences.until", date=ctx.date(lic.expiry))


def used_cell(ctx: SectionContext, checks: Context, lic: Licence) -> str:
    """'used / quantity', with the use the checks count from the data when it exceeds the recorded one
    (Dual Homing and Mobile Extension licences are pooled over a failover pair, as the checks pool them)."""
    systems = checks.pair_of(lic.system) if lic.kind in USER_FLAGS else (lic.system,)
    counted = counted_use(checks, systems, lic.kind)
    if counted is not None and counted > (lic.used or 0):
        return ctx.w("domain.details.counted", used=ctx.number(counted), quantity=ctx.number(lic.quantity),
                     stated=ctx.number(lic.used) if lic.used is not None else "—")
    return f"{ctx.number(lic.used)} / {ctx.number(lic.quantity)}" if lic.used is not None else ctx.number(lic.quantity)


def timeline_caption(ctx: SectionContext) -> str:
    """The timeline's caption: licences alone, or licences and certificates."""
    certificates = any(s.security and s.security.certificates for s in ctx.project.servers)
    return ctx.w("domain.timeline_caption") if certificates else ctx.w("licences.timeline_caption")


def build(ctx: SectionContext) -> list[Document]:
    p = ctx.project
    w = ctx.w
    doc = Document(w("licences.title"), slug="licences")
    doc.add(Paragraph((w("licences.intro", date=ctx.date(ctx.today), days=ctx.number(p.pbxdoc.policy.licence_warning_days)),)))
    licences = sorted(p.licences, key=lambda lic: (lic.expiry is None, lic.expiry or ctx.today, lic.id))
    with_price = any(lic.price_chf is not None for lic in licences)
    headers = [w("licences.item"), w("licences.kind"), w("licences.system"), w("licences.used_of"), w("licences.validity"),
               w("licences.status"), w("licences.contract")]
    if with_price:
        headers.append(w("licences.price"))
    rows = []
    checks = Context(p, vendor_knowledge.for_project(p._root), ctx.today)
    for lic in licences:
        status = licence_status(ctx, lic)
        used = used_cell(ctx, checks, lic)
        row = [lic.item, ctx.label("licence_kind", lic.kind), server_name(ctx, lic.system), used,
               _validity(ctx, lic), join([w(f"licences.state.{status.key}"), lic.expiry and ctx.relative(lic.expiry)], "\n"), lic.contract or ""]
        if with_price:
            row.append(ctx.number(lic.price_chf, 2) if lic.price_chf is not None else "")
        rows.append(row)
    doc.add(table(headers, rows) if rows else ctx.none())
    keys = [(lic.item, ctx.secret(lic.key)) for lic in licences if lic.key]
    if keys:
        doc.add(*titled_table(ctx, w("licences.keys"), [w("licences.item"), w("licences.key")], keys))
    certificates = any(s.security and s.security.certificates for s in p.servers)
    if any(lic.expiry for lic in licences) or certificates:
        doc.add(Figure(TIMELINE, timeline_caption(ctx)))
    return [doc]
