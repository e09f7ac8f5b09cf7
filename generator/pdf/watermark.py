"""The DRAFT mark across every page of a record not issued yet, drawn as outlines, not text: a
watermark set as text is read by screen readers and text extraction in the middle of each page
(letters scattered by the rotation). The words are also in every page's header, as text."""

from __future__ import annotations

import math
from functools import lru_cache
from io import BytesIO

from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont

from generator.escaping import html_text

ANGLE = -30  # degrees, as the mark was drawn before
COLOUR = "#b00020"
OPACITY = 0.12


@lru_cache(maxsize=8)
def draft_svg(words: str, font: bytes) -> bytes:
    """An SVG of `words` in the given TrueType font as filled outlines, rotated, sized to its box."""
    face = TTFont(BytesIO(font))
    glyphs, cmap, hmtx = face.getGlyphSet(), face.getBestCmap(), face["hmtx"]
    pen = SVGPathPen(glyphs)
    bounds = BoundsPen(glyphs)
    x = 0
    for char in words:
        name = cmap.get(ord(char), ".notdef")
        for target in (pen, bounds):
            glyphs[name].draw(TransformPen(target, (1, 0, 0, -1, x, 0)))  # font units point up, SVG down
        x += hmtx[name][0] + face["head"].unitsPerEm // 10  # a little letter spacing
    x_min, y_min, x_max, y_max = bounds.bounds
    width, height = x_max - x_min, y_max - y_min
    # The rotated box: room for the whole phrase at ANGLE.
    a = math.radians(abs(ANGLE))
    box_w, box_h = width * math.cos(a) + height * math.sin(a), width * math.sin(a) + height * math.cos(a)
    cx, cy = x_min + width / 2, y_min + height / 2
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{box_w:.0f}" height="{box_h:.0f}" viewBox="0 0 {box_w:.0f} {box_h:.0f}">'
        f"<title>{html_text(words)}</title>"
        f'<g transform="translate({box_w / 2:.1f} {box_h / 2:.1f}) rotate({ANGLE}) translate({-cx:.1f} {-cy:.1f})">'
        f'<path d="{pen.getCommands()}" fill="{COLOUR}" fill-opacity="{OPACITY}"/></g></svg>'
    ).encode("utf-8")
