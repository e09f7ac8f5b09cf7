"""DOT source to self-contained SVG and PNG bytes.

The SVG keeps no comment (Graphviz writes its version and customer text there), no DOCTYPE (an
external DTD reference), no file path and no link: icons are inlined, text is escaped.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess

from generator.diagnostics import PbxdocError
from generator.diagrams import icons
from generator.diagrams.graph import FONT, Graph

FONT_STACK = f"{FONT},Liberation Sans,Helvetica,sans-serif"
PNG_SCALE = 2.0  # PNG pixels per SVG point: sharp on screens and in print


class DiagramError(PbxdocError):
    """Graphviz is missing or refused a graph."""


def dot(source: str, fmt: str = "svg") -> bytes:
    exe = shutil.which("dot")
    if exe is None:
        raise DiagramError("Graphviz 'dot' is not installed (Debian: apt-get install graphviz)")
    result = subprocess.run([exe, f"-T{fmt}"], input=source.encode("utf-8"), capture_output=True, check=False)
    if result.returncode != 0:
        raise DiagramError(f"Graphviz failed: {result.stderr.decode('utf-8', 'replace').strip()}")
    return result.stdout


def svg(graph: Graph, title: str) -> bytes:
    """The diagram as a standalone SVG document."""
    text = dot(graph.source()).decode("utf-8")
    text = re.sub(r"<!DOCTYPE[^>]*>\s*", "", text)
    text = re.sub(r"<!--.*?-->\s*", "", text, flags=re.S)
    text = text.replace(' xmlns:xlink="http://www.w3.org/1999/xlink"', "")
    text = text.replace(f'font-family="{FONT}"', f'font-family="{FONT_STACK}"')
    head, _, rest = text.partition("<title>pbxdoc</title>")
    # Node titles are our internal ids (n1, n2...): useless as tooltips, so only the diagram's title stays.
    text = head + f"<title>{html.escape(title)}</title>" + re.sub(r"<title>[^<]*</title>\s*", "", rest)
    text = icons.inline(text)
    return text.encode("utf-8")


def png(svg_bytes: bytes) -> bytes:
    import cairosvg

    return cairosvg.svg2png(bytestring=svg_bytes, scale=PNG_SCALE, background_color="white", unsafe=False)
