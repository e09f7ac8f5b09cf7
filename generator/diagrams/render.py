"""DOT source to self-contained SVG and PNG bytes.

The SVG keeps no comment (Graphviz writes its version and customer text there), no DOCTYPE (an
external DTD reference), no file path and no link: icons are inlined, text is escaped.
"""

from __future__ import annotations

import re
from generator import tempdirs
from pathlib import Path

from generator.diagrams import icons
from generator.diagrams.graph import FONT, Graph
from generator.diagrams.programs import run
from generator.escaping import html_text

FONT_STACK = f"{FONT},Liberation Sans,Helvetica,sans-serif"
PNG_DPI = 120  # 5/3 of the SVG's 72 points per inch: sharp on a laptop; the PDFs embed the SVG


def draw(graph: Graph, title: str) -> tuple[bytes, bytes]:
    """The diagram as a standalone SVG document and as a PNG."""
    return draw_many([(graph, title)])[0]


def draw_many(drawings: list[tuple[Graph, str]]) -> list[tuple[bytes, bytes]]:
    """Several diagrams from one Graphviz run (starting dot costs about as much as a small
    drawing), each as (SVG, PNG) in the given order.

    The PNG is drawn by Graphviz itself (Cairo and Pango, the fonts it measured with) at PNG_DPI;
    that resolution also enlarges the SVG's page size, which `_at_72_dpi` puts back.
    """
    if not drawings:
        return []
    with tempdirs.temporary("dot") as folder:
        source = Path(folder) / "d.dot"
        source.write_text("".join(graph.source() for graph, _ in drawings), encoding="utf-8")
        # -O names the outputs d.dot.svg, d.dot.2.svg, d.dot.3.svg... one per graph of the file.
        run("dot", "graphviz", [f"-Gdpi={PNG_DPI}", "-Tsvg", "-Tpng", "-O", str(source)], b"")
        results = []
        for n, (_, title) in enumerate(drawings, start=1):
            stem = source.name if n == 1 else f"{source.name}.{n}"
            svg = (Path(folder) / f"{stem}.svg").read_text(encoding="utf-8")
            results.append((_clean(svg, title), (Path(folder) / f"{stem}.png").read_bytes()))
        return results


def _at_72_dpi(text: str) -> str:
    """Graphviz scales an SVG's width, height and outer transform by dpi/72: undo it, so that one
    SVG point is one point."""
    factor = 72 / PNG_DPI
    text = re.sub(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"', lambda m: f'<svg width="{float(m.group(1)) * factor:.2f}pt" height="{float(m.group(2)) * factor:.2f}pt"', text, count=1)
    return re.sub(r'(class="graph" transform="scale\()([\d.]+) ([\d.]+)\)', lambda m: f"{m.group(1)}{float(m.group(2)) * factor:.4f} {float(m.group(3)) * factor:.4f})", text, count=1)


def _clean(text: str, title: str) -> bytes:
    """No comment, DOCTYPE, link or file path; icons inlined; our title; one point per point."""
    text = _at_72_dpi(text)
    text = re.sub(r"<!DOCTYPE[^>]*>\s*", "", text)
    text = re.sub(r"<!--.*?-->\s*", "", text, flags=re.S)
    text = icons.inline(text)
    text = text.replace(' xmlns:xlink="http://www.w3.org/1999/xlink"', "")
    text = text.replace(f'font-family="{FONT}"', f'font-family="{FONT_STACK}"')
    head, _, rest = text.partition("<title>pbxdoc</title>")
    # Node titles are our internal ids (n1, n2...): useless as tooltips, so only the diagram's title stays.
    text = head + f"<title>{html_text(title)}</title>" + re.sub(r"<title>[^<]*</title>\s*", "", rest)
    return text.encode("utf-8")
