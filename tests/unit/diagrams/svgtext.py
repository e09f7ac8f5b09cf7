"""Reading rendered SVG back: the texts a reader sees and where they stand."""

from __future__ import annotations

import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/2000/svg}"


def texts(svg: bytes) -> list[tuple[str, float]]:
    """Every text element as (content, x) in graph coordinates (one transform for the whole graph)."""
    root = ET.fromstring(svg)
    return [(t.text or "", float(t.get("x"))) for t in root.iter(f"{NS}text")]


def joined(svg: bytes) -> str:
    return " ".join(text for text, _ in texts(svg))


def x_of(svg: bytes, needle: str) -> float:
    """The left-most x of a text containing needle."""
    xs = [x for text, x in texts(svg) if needle in text]
    assert xs, f"{needle!r} not in the diagram"
    return min(xs)
