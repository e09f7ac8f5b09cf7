"""Node labels shared by every view: an icon card and a table, built only from escaped text."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from generator.diagrams import icons
from generator.diagrams.graph import ALERT, INK, MUTED, Html, esc
from generator.escaping import html_text

# Border and header tints per family of things, so that a reader finds the sides at a glance.
PALETTE = {
    "public": ("#2f6fb0", "#eef4fb"),
    "private": ("#2e8b57", "#edf7f1"),
    "special": ("#c77c15", "#fdf4e7"),
    "server": ("#243b53", "#e9eef4"),
    "terminal": ("#1f7a8c", "#eaf5f7"),
    "application": ("#6a4c93", "#f3effa"),
    "network": ("#52606d", "#f2f4f6"),
    "power": ("#8d6e00", "#fbf6e3"),
    "backup": ("#2e8b57", "#edf7f1"),
    "alert": (ALERT, "#fdecea"),
}


SPACER = 8


def _icon_table(name: str, size: int) -> str:
    """A fixed-size cell holding the icon, wrapped so that the outer cell may grow."""
    return f'<TABLE BORDER="0" CELLPADDING="0" CELLSPACING="0"><TR><TD FIXEDSIZE="TRUE" WIDTH="{size}" HEIGHT="{size}"><IMG SRC="{html_text(icons.raster(name))}" SCALE="TRUE"/></TD></TR></TABLE>'


def icon_cell(name: str, size: int = 28, rowspan: int = 1) -> str:
    return f'<TD ROWSPAN="{rowspan}" VALIGN="MIDDLE">{_icon_table(name, size)}</TD>'


def styled(text: str, size: int = 9, color: str = MUTED, bold: bool = False) -> str:
    body = f"<B>{text}</B>" if bold else text
    return f'<FONT POINT-SIZE="{size}" COLOR="{color}">{body}</FONT>'


def card(icon: str | None, title: str, details: Iterable[str] = (), family: str = "server", alerts: Iterable[str] = (), port: str | None = None) -> Html:
    """An icon, a bold title and muted detail lines; alerts (findings) in red underneath."""
    border, _ = PALETTE["alert" if alerts else family]
    rows = [f'<TD ALIGN="LEFT" BALIGN="LEFT">{styled(esc(title), 11, INK, bold=True)}</TD>']
    rows += [f'<TD ALIGN="LEFT" BALIGN="LEFT">{styled(esc(d))}</TD>' for d in details if d]
    rows += [f'<TD ALIGN="LEFT" BALIGN="LEFT">{styled(esc(a), 9, ALERT, bold=True)}</TD>' for a in alerts]
    # A spacer column keeps text off the right border when a viewer's font runs a little wider.
    first = (icon_cell(icon, rowspan=len(rows)) if icon else "") + rows[0] + f'<TD ROWSPAN="{len(rows)}" WIDTH="{SPACER}"></TD>'
    body = "".join(f"<TR>{r}</TR>" for r in [first, *rows[1:]])
    port_attr = f' PORT="{port}"' if port else ""
    width = "2" if alerts else "1"
    return Html(f'<TABLE BORDER="{width}" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3" STYLE="ROUNDED" COLOR="{border}" BGCOLOR="white"{port_attr}>{body}</TABLE>')


def table(icon: str | None, title: str, header: Sequence[str], rows: Sequence[tuple[str | None, Sequence[str]]], family: str = "network", subtitle: str | None = None, port_west: bool = False) -> Html:
    """A titled table; each row is (port or None, cells). Ports let lines attach to a row: on its
    last cell, or on its first with port_west."""
    border, tint = PALETTE[family]
    columns = max(len(header), 1)
    text = styled(esc(title), 11, INK, bold=True) + (f"<BR/>{styled(esc(subtitle))}" if subtitle else "")
    # The icon sits at the right end of the title row: a nested table would spread title and icon apart.
    badge = f'<TD ALIGN="RIGHT" VALIGN="TOP">{_icon_table(icon, 22)}</TD>' if icon and columns > 1 else ""
    lines = [f'<TR><TD COLSPAN="{columns - 1 if badge else columns}" ALIGN="LEFT" BALIGN="LEFT">{text}</TD>{badge}</TR>']
    if header:
        lines.append("<TR>" + "".join(f'<TD ALIGN="LEFT" BGCOLOR="{tint}">{styled(esc(h, 24), 9, INK, bold=True)}</TD>' for h in header) + "</TR>")
    for port, cells in rows:
        port_attr = f' PORT="{port}"' if port else ""
        at = 0 if port_west else len(cells) - 1
        tds = [f'<TD ALIGN="LEFT" BALIGN="LEFT"{port_attr if i == at else ""}>{styled(esc(c, 30), 9, INK)}</TD>' for i, c in enumerate(cells)]
        lines.append("<TR>" + "".join(tds) + "</TR>")
    return Html(f'<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="4" STYLE="ROUNDED" COLOR="{border}" BGCOLOR="white">{"".join(lines)}</TABLE>')


@dataclass(frozen=True)
class Item:
    """One row of a group table: icon, bold title, the first detail under it, the others beside;
    alerts (findings) in red under the title."""

    icon: str
    title: str
    details: Sequence[str | None | bool] = ()
    alerts: Sequence[str] = ()


def group_table(title: str, family: str, items: Sequence[Item], icon: str | None = None, facts: Sequence[str | None | bool] = (), alerts: Sequence[str] = ()) -> Html:
    """A titled table of items, one row each. Row i has port w<i> on its west edge and e<i> on its
    east edge, so that lines attach to the row they concern."""
    border, tint = PALETTE["alert" if alerts else family]
    header = [styled(esc(title, 60), 11, border, bold=True)]
    header += [styled(esc(f, 70)) for f in facts if f]
    header += [styled(esc(a, 70), 9, ALERT, bold=True) for a in alerts]
    head_cells = (f'<TD WIDTH="30" BGCOLOR="{tint}">{_icon_table(icon, 26)}</TD>' if icon else "") + f'<TD COLSPAN="{3 if icon else 4}" ALIGN="LEFT" BALIGN="LEFT" BGCOLOR="{tint}">{"<BR/>".join(header)}</TD>'
    rows = [f"<TR>{head_cells}</TR>"]
    for i, item in enumerate(items):
        details = [str(d) for d in item.details[1:] if d]
        under = item.details[0] if item.details else None
        head = styled(esc(item.title, 30), 10, INK, bold=True) + (f"<BR/>{styled(esc(under, 40))}" if under else "")
        head += "".join(f"<BR/>{styled(esc(a, 40), 9, ALERT, bold=True)}" for a in item.alerts)
        aside = "<BR/>".join(styled(esc(d, 42)) for d in details) or " "
        if i:
            rows.append("<HR/>")
        rows.append(
            f'<TR><TD PORT="w{i}" WIDTH="30">{_icon_table("alert" if item.alerts else item.icon, 24)}</TD>'
            f'<TD ALIGN="LEFT" BALIGN="LEFT">{head}</TD><TD ALIGN="LEFT" BALIGN="LEFT">{aside}</TD><TD PORT="e{i}" WIDTH="{SPACER}"></TD></TR>'
        )
    return Html(f'<TABLE BORDER="{2 if alerts else 1}" CELLBORDER="0" CELLSPACING="0" CELLPADDING="5" STYLE="ROUNDED" COLOR="{border}" BGCOLOR="white">{"".join(rows)}</TABLE>')


def cluster_label(text: str, family: str) -> Html:
    border, _ = PALETTE[family]
    return Html(styled(esc(text, 60), 12, border, bold=True))


def cluster_style(family: str) -> dict[str, str]:
    border, tint = PALETTE[family]
    return {"style": "rounded,filled", "color": border, "fillcolor": tint, "penwidth": "1", "labeljust": "l", "margin": "10"}
