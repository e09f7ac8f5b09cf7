"""The integrator's logo as the site and the PDFs publish it.

A logo is a file of the project, and an SVG is a program: published as is, its `<script>` and
`onload` run in the site's origin and its `<image href=...>` fetch from anywhere. An SVG logo is
therefore rasterised by librsvg (which runs no script and, reading from stdin, loads no external
file) into a PNG that fits a bounded box; PNG, JPEG and WebP logos are passive and published as
they are.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from generator.diagnostics import PbxdocError
from generator.diagrams.programs import run
from generator.model.project import Project

FORMATS = {".svg": "svg", ".png": "png", ".jpg": "jpg", ".jpeg": "jpg", ".webp": "webp"}
MAX_LOGO_BYTES = 2 * 1024 * 1024
# Twice the largest size it is shown at (site header 2.4 rem high, PDF letterhead 18 mm): sharp
# on a high-density screen and in print, and a bound on memory whatever the SVG claims.
RASTER_BOX = ("1200", "300")


class LogoError(PbxdocError):
    """The logo cannot be published (too large, or librsvg refused it)."""


@dataclass(frozen=True)
class Logo:
    content: bytes
    suffix: str  # ".png", ".jpg" or ".webp": what the bytes are


def logo_of(project: Project) -> Logo | None:
    """The logo ready to publish, or None when the project names none (or a file it does not hold)."""
    name = project.pbxdoc.integrator.branding.logo
    path = project.file(name)
    kind = FORMATS.get(path.suffix.lower()) if path is not None else None
    if path is None or kind is None:
        return None
    size = path.stat().st_size
    if size > MAX_LOGO_BYTES:
        raise LogoError(f"{name}: the logo is {size} bytes; at most {MAX_LOGO_BYTES} (integrator.branding.logo)")
    data = path.read_bytes()
    if kind != "svg":
        return Logo(data, f".{kind}")
    try:
        return Logo(_raster(data), ".png")
    except PbxdocError as e:
        raise LogoError(f"{name}: the logo cannot be drawn ({e})") from e


@functools.lru_cache(maxsize=4)
def _raster(svg: bytes) -> bytes:
    """The PNG of an SVG logo, drawn once per build whatever the number of records and languages
    (keyed by the SVG's bytes, so a changed logo is drawn again)."""
    width, height = RASTER_BOX
    return run("rsvg-convert", "librsvg2-bin", ["--format", "png", "--width", width, "--height", height, "--keep-aspect-ratio"], svg)
