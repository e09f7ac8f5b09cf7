"""Column widths of long tables, worked out here from the fonts' own advance widths.

weasyprint's automatic table layout measures every cell of a table (its widest line and its longest
word) before it places one row: on the book of a large customer, a tenth of the typesetting. A long
table gets the same widths from the same rule (CSS 2.1 automatic layout: each column between its
longest word and its longest line, in proportion), measured once here, and is then laid out as a
fixed table. Words are measured whole (a hyphen is no break, nor the seam between the spans a long
URL is cut into: inline, as they are in a fixed table, "backups/" and "2026-11-07.cfg" do not part),
so a column is never narrower than automatic layout would make it; a table whose words do not fit
side by side keeps the automatic layout, and so do short tables, whose measuring costs little. The
page's text width and the cells' padding come from generator.pdf.layout, which gives the same
values to the stylesheet.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont

MIN_ROWS = 10  # body rows from which a table's columns are worked out here
NOBR_MARGIN = 1.03  # a span that never wraps is measured this much wider than its advance widths

_TABLE = re.compile(r'<table( class="wide")?>(\s*<thead>.*?</thead>\s*<tbody>(.*?)</tbody>\s*)</table>', re.S)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_CELL = re.compile(r"<t([hd])(?: [^>]*)?>(.*?)</t[hd]>", re.S)
# What a cell of a table may hold (Markdown and generator.pdf.layout.unbreakable): text, bold, code,
# links, line breaks and spans that never wrap. Anything else and the table keeps automatic layout.
_PIECE = re.compile(r'<span class="nobr">([^<]*)</span>|<br ?/?>|</?(?:strong|code|a)(?: [^>]*)?>|<[^>]*>|[^<]+')


class _Face:
    """Advance widths of one font, in em."""

    def __init__(self, path: Path):
        font = TTFont(str(path), lazy=True)
        scale = font["head"].unitsPerEm
        metrics = font["hmtx"].metrics
        self.advance = {chr(code): metrics[glyph][0] / scale for code, glyph in font.getBestCmap().items()}
        self.missing = self.advance.get("M", 0.8)  # a character the font lacks is drawn from a fallback

    def width(self, text: str, size: float) -> float:
        advance = self.advance
        return size * sum(advance.get(c, self.missing) for c in text)


@lru_cache(maxsize=None)
def _faces(fonts: Path) -> dict[str, _Face]:
    return {
        "regular": _Face(fonts / "LiberationSans-Regular.ttf"),
        "bold": _Face(fonts / "LiberationSans-Bold.ttf"),
        "mono": _Face(fonts / "LiberationMono-Regular.ttf"),
    }


def _cell_widths(content: str, header: bool, faces: dict[str, _Face], size: float) -> tuple[float, float] | None:
    """(longest word, longest line) of a cell in points, or None for markup not measured here."""
    bold, mono = header, False
    lines: list[float] = [0.0]
    longest = 0.0
    word = 0.0  # the width of the word being read: a word may run across bold or code
    for piece in _PIECE.finditer(content):
        text, nobr = piece.group(0), piece.group(1)
        face = faces["mono" if mono else "bold" if bold else "regular"]
        if nobr is not None:  # a margin for Pango's kerning, which these sums leave out
            width = face.width(html.unescape(nobr), size) * NOBR_MARGIN
            word += width
            lines[-1] += width
        elif text.startswith("<"):
            tag = text[1:].split(">")[0].split()[0].rstrip("/")
            if tag == "br":
                longest, word = max(longest, word), 0.0
                lines.append(0.0)
            elif tag in ("strong", "/strong"):
                bold = header or tag == "strong"
            elif tag in ("code", "/code"):
                mono = tag == "code"
            elif tag not in ("a", "/a"):
                return None
        else:
            text = html.unescape(text)
            for i, part in enumerate(re.split(r"[ \t\n]+", text)):
                if i:  # a space: the end of a word, and a space's width in the line
                    longest, word = max(longest, word), 0.0
                    lines[-1] += face.width(" ", size)
                width = face.width(part, size)
                word += width
                lines[-1] += width
    return max(longest, word), max(lines)


def column_widths(table: str, side: float, faces: dict[str, _Face], size: float, available: float) -> list[float] | None:
    """Each column's share of the table's width (summing to 1), by CSS 2.1 automatic layout, for
    cells padded `side` points each side in a table `available` points wide; None when a cell
    spans columns, holds markup not measured here, or the words cannot fit side by side."""
    rows = _ROW.findall(table)
    columns = 0
    least: list[float] = []
    most: list[float] = []
    padding = 2 * side
    for row in rows:
        if "colspan" in row or "rowspan" in row:
            return None
        cells = _CELL.findall(row)
        if not columns:
            columns = len(cells)
            least, most = [0.0] * columns, [0.0] * columns
        if len(cells) != columns:
            return None
        for i, (kind, content) in enumerate(cells):
            measured = _cell_widths(content, kind == "h", faces, size)
            if measured is None:
                return None
            least[i] = max(least[i], measured[0] + padding)
            most[i] = max(most[i], measured[1] + padding)
    if not columns or sum(least) > available:
        return None
    if sum(most) <= available:  # every line fits: the room left goes to the columns by their width
        widths = [m * available / sum(most) for m in most] if sum(most) else [available / columns] * columns
    else:  # between the longest words and the longest lines, in proportion
        ratio = (available - sum(least)) / (sum(most) - sum(least))
        widths = [low + (high - low) * ratio for low, high in zip(least, most)]
    total = sum(widths)
    return [w / total for w in widths]


def fixed_columns(body: str, fonts: Path, size: float, available: float, sides: dict[bool, float]) -> str:
    """Every long plain table of the HTML with its column widths set and a fixed layout: `size`
    points of type, `available` points of text width, and `sides` the padding each side of a cell
    in points, for plain tables (False) and .wide ones (True)."""
    faces = _faces(fonts)

    def fix(match: re.Match) -> str:
        wide = bool(match.group(1))
        if match.group(3).count("<tr>") < MIN_ROWS:
            return match.group(0)
        shares = column_widths(match.group(2), sides[wide], faces, size, available)
        if shares is None:
            return match.group(0)
        cols = "".join(f'<col style="width: {share * 100:.3f}%">' for share in shares)
        return f'<table class="{"wide " if wide else ""}fixed"><colgroup>{cols}</colgroup>{match.group(2)}</table>'

    return _TABLE.sub(fix, body)
