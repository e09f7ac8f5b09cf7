"""Our own telephony icons (CC0, see README.md), inlined into the SVG we write.

Graphviz cannot embed SVG images without a plug-in and writes image references as file paths, so
a label reserves the icon's place with an empty cell filled in a sentinel colour; `inline` then
swaps each sentinel rectangle for the icon's shapes.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

FOLDER = Path(__file__).resolve().parent
SIZE = 32  # every icon is drawn on a 32 x 32 view box
_SENTINEL = re.compile(r'<polygon fill="#fe([0-9a-f]{4})" stroke="transparent" points="([^"]+)"/>')


@lru_cache(maxsize=None)
def names() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in FOLDER.glob("*.svg")))


@lru_cache(maxsize=None)
def shapes(name: str) -> str:
    """The drawing inside an icon's <svg> root."""
    text = (FOLDER / f"{name}.svg").read_text(encoding="utf-8")
    return re.sub(r"^\s*<svg[^>]*>|</svg>\s*$", "", text).strip()


def sentinel(name: str) -> str:
    """The fill colour that marks where icon `name` goes."""
    return f"#fe{names().index(name):04x}"


def inline(svg: str) -> str:
    """Replace every sentinel rectangle by its icon, scaled to fit and centred."""

    def icon(match: re.Match) -> str:
        name = names()[int(match.group(1), 16)]
        points = [tuple(float(v) for v in p.split(",")) for p in match.group(2).split()]
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        width, height = max(xs) - min(xs), max(ys) - min(ys)
        side = min(width, height)
        scale = side / SIZE
        x = min(xs) + (width - side) / 2
        y = min(ys) + (height - side) / 2
        return f'<g class="icon icon-{name}" transform="translate({x:.2f},{y:.2f}) scale({scale:.4f})">{shapes(name)}</g>'

    return _SENTINEL.sub(icon, svg)
