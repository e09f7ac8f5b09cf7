"""Node labels shared by every view: an icon card and a table, built only from escaped text."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from generator.diagrams import icons
from generator.diagrams.graph import ALERT, INK, MUTED, Html, esc

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


def icon_cell(name: str, size: int = 28, rowspan: int = 1) -> str:
    return (
        f'<TD ROWSPAN="{rowspan}" VALIGN="MIDDLE"><TABLE BORDER="0" CELLPADDING="0" CELLSPACING="0"><TR>'
        f'<TD FIXEDSIZE="TRUE" WIDTH="{size}" HEIGHT="{size}" BGCOLOR="{icons.sentinel(name)}"></TD>'
        "</TR></TABLE></TD>"
    )


def _line(text: str, size: int = 9, color: str = MUTED, bold: bool = False) -> str:
    body = f"<B>{text}</B>" if bold else text
    return f'<FONT POINT-SIZE="{size}" COLOR="{color}">{body}</FONT>'


def card(icon: str | None, title: str, details: Iterable[str] = (), family: str = "server", alerts: Iterable[str] = (), port: str | None = None) -> Html:
    """An icon, a bold title and muted detail lines; alerts (findings) in red underneath."""
    border, _ = PALETTE["alert" if alerts else family]
    # The trailing spaces keep bold titles off the border whatever font the viewer substitutes.
    rows = [f'<TD ALIGN="LEFT" BALIGN="LEFT">{_line(esc(title), 11, INK, bold=True)}&#160;&#160;</TD>']
    rows += [f'<TD ALIGN="LEFT" BALIGN="LEFT">{_line(esc(d))}</TD>' for d in details if d]
    rows += [f'<TD ALIGN="LEFT" BALIGN="LEFT">{_line(esc(a), 9, ALERT, bold=True)}</TD>' for a in alerts]
    first = (icon_cell(icon, rowspan=len(rows)) if icon else "") + rows[0]
    body = "".join(f"<TR>{r}</TR>" for r in [first, *rows[1:]])
    port_attr = f' PORT="{port}"' if port else ""
    width = "2" if alerts else "1"
    return Html(f'<TABLE BORDER="{width}" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3" STYLE="ROUNDED" COLOR="{border}" BGCOLOR="white"{port_attr}>{body}</TABLE>')


def table(icon: str | None, title: str, header: Sequence[str], rows: Sequence[tuple[str | None, Sequence[str]]], family: str = "network", subtitle: str | None = None) -> Html:
    """A titled table; each row is (port or None, cells). Ports let edges start at a row."""
    border, tint = PALETTE[family]
    columns = max(len(header), 1)
    head = (icon_cell(icon, 22) if icon else "") + f'<TD ALIGN="LEFT" COLSPAN="{columns - (1 if icon else 0)}">{_line(esc(title), 11, INK, bold=True)}' + (f"<BR/>{_line(esc(subtitle))}" if subtitle else "") + "</TD>"
    lines = [f'<TR>{head}</TR>']
    if header:
        lines.append("<TR>" + "".join(f'<TD ALIGN="LEFT" BGCOLOR="{tint}">{_line(esc(h, 24), 9, INK, bold=True)}</TD>' for h in header) + "</TR>")
    for port, cells in rows:
        port_attr = f' PORT="{port}"' if port else ""
        tds = [f'<TD ALIGN="LEFT" BALIGN="LEFT"{port_attr if i == len(cells) - 1 else ""}>{_line(esc(c, 30), 9, INK)}</TD>' for i, c in enumerate(cells)]
        lines.append("<TR>" + "".join(tds) + "</TR>")
    return Html(f'<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3" STYLE="ROUNDED" COLOR="{border}" BGCOLOR="white">{"".join(lines)}</TABLE>')


def cluster_label(text: str, family: str) -> Html:
    border, _ = PALETTE[family]
    return Html(_line(esc(text, 60), 12, border, bold=True))


def cluster_style(family: str) -> dict[str, str]:
    border, tint = PALETTE[family]
    return {"style": "rounded,filled", "color": border, "fillcolor": tint, "penwidth": "1", "labeljust": "l", "margin": "10"}
