"""Our own telephony icons (CC0, see README.md).

Graphviz places an icon as an image in a label cell. For the PNG it draws a raster copy made once
per process in a temporary folder; in the SVG it writes that copy's file path, which `inline`
replaces by the icon's own shapes, so that the SVG we write has no path and no link in it.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from pathlib import Path

from generator import tempdirs
from generator.diagrams.programs import run

FOLDER = Path(__file__).resolve().parent
SIZE = 32  # every icon is drawn on a 32 x 32 view box
RASTER = 96  # pixels of the raster copy: sharp at the PNG's zoom
_IMAGE = re.compile(r'<image xlink:href="([^"]*)" width="([\d.]+)px" height="([\d.]+)px" preserveAspectRatio="xMinYMin meet" x="(-?[\d.]+)" y="(-?[\d.]+)"/>')
_lock = threading.Lock()
_raster_dir: list[Path] = []


@lru_cache(maxsize=None)
def names() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in FOLDER.glob("*.svg")))


@lru_cache(maxsize=None)
def shapes(name: str) -> str:
    """The drawing inside an icon's <svg> root."""
    text = (FOLDER / f"{name}.svg").read_text(encoding="utf-8")
    return re.sub(r"^\s*<svg[^>]*>|</svg>\s*$", "", text).strip()


def raster(name: str) -> str:
    """Path of the icon's PNG copy (made on first use), for Graphviz labels."""
    if name not in names():
        raise KeyError(f"no icon {name!r}")
    with _lock:
        if not _raster_dir:
            _raster_dir.append(tempdirs.for_process("icons"))
        path = _raster_dir[0] / f"{name}.png"
        if not path.exists():
            path.write_bytes(run("rsvg-convert", "librsvg2-bin", ["--width", str(RASTER), "--height", str(RASTER), "--format", "png"], (FOLDER / f"{name}.svg").read_bytes()))
    return str(path)


def inline(svg: str) -> str:
    """Replace every image Graphviz placed by the shapes of its icon, scaled to the same box.
    An image that is not one of our icons is dropped: the SVG must not point at any file."""

    def icon(match: re.Match) -> str:
        name = Path(match.group(1)).stem
        if name not in names() or Path(match.group(1)).parent != _raster_dir[0]:
            return ""
        width, height, x, y = (float(match.group(i)) for i in (2, 3, 4, 5))
        side = min(width, height)
        x += (width - side) / 2
        y += (height - side) / 2
        return f'<g class="icon icon-{name}" transform="translate({x:.2f},{y:.2f}) scale({side / SIZE:.4f})">{shapes(name)}</g>'

    return _IMAGE.sub(icon, svg)
