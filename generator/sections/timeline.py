"""The expiry timeline of licences and certificates, drawn as a small self-contained SVG.

Deterministic (dates come from the data and the generation date, coordinates are rounded) and
safe (every text is XML-escaped; the SVG references nothing outside itself).
"""

from __future__ import annotations

import datetime as dt

from generator.escaping import html_text as escape
from generator.sections.common import SectionContext
from generator.sections.licences import expiry_status, licence_status, timeline_caption

WIDTH = 860
LABEL_WIDTH = 300
CHART_LEFT = LABEL_WIDTH + 10
CHART_RIGHT = WIDTH - 90
TOP = 56
ROW = 30
COLOURS = {"ok": "#2e7d32", "expiring": "#e07a1f", "expired": "#c62828"}
FONT = 'font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif"'
MAX_LABEL = 44


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _short(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def timeline_rows(ctx: SectionContext) -> list[tuple[str, dt.date | None, dt.date, str]]:
    """(label, start, expiry, status) of every licence and server certificate with an expiry date."""
    rows = [(lic.item, lic.start, lic.expiry, licence_status(ctx, lic).key)
            for lic in sorted((lic for lic in ctx.project.licences if lic.expiry), key=lambda lic: (lic.expiry, lic.id))]
    certificates = sorted((c for s in ctx.project.servers if s.security for c in s.security.certificates), key=lambda c: (c.expiry, c.name))
    rows += [(ctx.w("domain.security.certificate") + " " + c.name, None, c.expiry, expiry_status(ctx, c.expiry).key) for c in certificates]
    return rows


def licences_timeline_svg(ctx: SectionContext) -> bytes | None:
    """The timeline of every licence and certificate with an expiry date, or None when none has one."""
    licences = timeline_rows(ctx)
    if not licences:
        return None
    today = ctx.today
    first = _month_start(min([today, *(start or today for _, start, _, _ in licences)]))
    last = _add_months(max([today, *(expiry for _, _, expiry, _ in licences)]), 1)
    months = (last.year - first.year) * 12 + last.month - first.month
    step = 1 if months <= 12 else 3 if months <= 36 else 12
    if step == 12:
        first = dt.date(first.year, 1, 1)
    span = (last - first).days or 1

    def x(day: dt.date) -> float:
        return round(CHART_LEFT + (CHART_RIGHT - CHART_LEFT) * (day - first).days / span, 1)

    height = TOP + ROW * len(licences) + 64
    title = timeline_caption(ctx)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>',
        f'<g {FONT} font-size="12" fill="#1f2933">',
    ]
    bottom = TOP + ROW * len(licences)
    tick = first
    while tick <= last:
        tx = x(tick)
        out.append(f'<line x1="{tx}" y1="{TOP - 8}" x2="{tx}" y2="{bottom}" stroke="#d9dee3" stroke-width="1"/>')
        out.append(f'<text x="{tx}" y="{TOP - 14}" text-anchor="middle" font-size="11" fill="#52606d">{escape(ctx.t.month(tick))}</text>')
        tick = _add_months(tick, step)
    for row, (label, start, expiry, status) in enumerate(licences):
        y = TOP + ROW * row
        if row % 2 == 0:
            out.append(f'<rect x="0" y="{y}" width="{WIDTH}" height="{ROW}" fill="#f5f7fa"/>')
        out.append(f'<text x="{LABEL_WIDTH}" y="{y + 19}" text-anchor="end">{escape(_short(label))}</text>')
        x0, x1 = x(max(start or first, first)), x(expiry)
        out.append(f'<rect x="{x0}" y="{y + 8}" width="{max(round(x1 - x0, 1), 2)}" height="{ROW - 16}" rx="3" fill="{COLOURS[status]}"/>')
        out.append(f'<text x="{round(x1 + 6, 1)}" y="{y + 19}" font-size="11">{escape(ctx.t.date(expiry))}</text>')
    tx = x(today)
    out.append(f'<line x1="{tx}" y1="{TOP - 8}" x2="{tx}" y2="{bottom + 6}" stroke="#1f2933" stroke-width="1.5" stroke-dasharray="4 3"/>')
    out.append(f'<text x="{tx}" y="{bottom + 20}" text-anchor="middle" font-size="11" font-weight="bold">{escape(ctx.w("licences.today", date=ctx.t.date(today)))}</text>')
    lx = CHART_LEFT
    for key in ("ok", "expiring", "expired"):
        out.append(f'<rect x="{lx}" y="{bottom + 36}" width="12" height="12" rx="2" fill="{COLOURS[key]}"/>')
        label = ctx.w(f"licences.state.{key}")
        out.append(f'<text x="{lx + 18}" y="{bottom + 46}" font-size="11">{escape(label)}</text>')
        lx += 30 + 7 * len(label)
    out.append("</g></svg>")
    return ("\n".join(out) + "\n").encode("utf-8")
