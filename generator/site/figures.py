"""Diagrams legible in the page: each figure's SVG is drawn inline, where the vendored svg-pan-zoom
(assets/diagrams.js) pans and zooms it and a button shows it full screen.

An <img> cannot be zoomed by script and, opened from disk, an <object>'s document cannot be
reached at all; so the SVG the diagrams renderer drew goes into the page. It is ours, but it is
sanitised anyway (no script, no event handler, no link out) and its ids are prefixed, so that two
diagrams on a page never share one.
"""

from __future__ import annotations

import html
import posixpath
import re

from generator.escaping import html_text

_FIGURE_IMAGE = re.compile(r'<figure>\s*<p><img alt="([^"]*)" src="([^"]+\.svg)" ?/?></p>')
_SVG_START = re.compile(r"<svg\b", re.I)
_SCRIPT = re.compile(r"<script\b.*?</script\s*>|<script\b[^>]*/>|<foreignObject\b.*?</foreignObject\s*>", re.I | re.S)
_HANDLER = re.compile(r"\s(on[a-z]+)\s*=\s*(\"[^\"]*\"|'[^']*')", re.I)
_LINK = re.compile(r"\s((?:xlink:)?href)\s*=\s*(\"[^\"]*\"|'[^']*')", re.I)
_ID = re.compile(r'\bid="([^"]+)"')
_REF = re.compile(r'(url\(#|href="#)([^)"]+)')


def _safe_link(m: re.Match) -> str:
    value = m[2][1:-1].strip()
    return m[0] if value.startswith("#") or value.startswith("data:image/") else ""


def inline_svg(svg: bytes, prefix: str, label: str) -> str:
    """The SVG as markup to put in a page: from its <svg> on, sanitised, ids prefixed, named."""
    text = svg.decode("utf-8")
    start = _SVG_START.search(text)
    if start is None:
        raise ValueError("not an SVG document")
    text = _SCRIPT.sub("", text[start.start():])
    text = _HANDLER.sub("", text)
    text = _LINK.sub(_safe_link, text)
    text = _ID.sub(lambda m: f'id="{prefix}-{m[1]}"', text)
    text = _REF.sub(lambda m: f"{m[1]}{prefix}-{m[2]}", text)
    return text.replace("<svg", f'<svg role="img" aria-label="{label}" focusable="false"', 1)


# A node drawing one object (generator.diagrams.graph.OBJECT_ID_PREFIX), once its id is prefixed.
_OBJECT_NODE = re.compile(r'<g id="d\d+-pbxdoc(?:-|&#45;)object(?:-|&#45;)n\d+(?:-|&#45;)([^"]+)" class="node">')
_G = re.compile(r"<g\b|</g>")


def linked_nodes(svg: str, page_url: str, links: dict[str, str]) -> str:
    """Each node that draws an object with a page becomes a link to that page (relative to the page)."""
    base = posixpath.dirname(page_url) or "."
    out, position = [], 0
    for m in _OBJECT_NODE.finditer(svg):
        target = links.get(html.unescape(m[1]))
        if target is None or m.start() < position:
            continue
        depth, end = 0, None
        for tag in _G.finditer(svg, m.start()):
            depth += 1 if tag[0] == "<g" else -1
            if depth == 0:
                end = tag.end()
                break
        if end is None:
            continue
        href = html_text(posixpath.relpath(target, base))
        out += [svg[position:m.start()], f'<a class="pbxdoc-diagram__link" href="{href}">', svg[m.start():end], "</a>"]
        position = end
    return "".join(out) + svg[position:]


def interactive_figures(page: str, page_url: str, svgs: dict[str, bytes], words: dict[str, str], links: dict[str, str] | None = None) -> str:
    """Each figure's SVG image becomes the inline diagram with its tool bar (words: button labels);
    its nodes that draw an object link to the object's page (links: id -> site path)."""
    base = posixpath.dirname(page_url)
    count = 0

    def replace(m: re.Match) -> str:
        nonlocal count
        path = posixpath.normpath(posixpath.join(base, html.unescape(m[2])))
        svg = svgs.get(path)
        if svg is None:
            return m[0]
        count += 1
        bar = (
            '<div class="pbxdoc-diagram__bar">'
            f'<button type="button" class="md-button" data-pbxdoc-full>{html_text(words["full"])}</button>'
            f'<button type="button" class="md-button" data-pbxdoc-close hidden>{html_text(words["close"])}</button>'
            f'<button type="button" class="md-button" data-pbxdoc-zoom-in aria-label="{html_text(words["zoom_in"])}" title="{html_text(words["zoom_in"])}">+</button>'
            f'<button type="button" class="md-button" data-pbxdoc-zoom-out aria-label="{html_text(words["zoom_out"])}" title="{html_text(words["zoom_out"])}">−</button>'
            f'<button type="button" class="md-button" data-pbxdoc-reset>{html_text(words["reset"])}</button>'
            f'<a class="md-button" href="{m[2]}" download>{html_text(words["download"])}</a>'
            f'<span class="pbxdoc-diagram__hint">{html_text(words["hint"])}</span></div>'
        )
        drawing = linked_nodes(inline_svg(svg, f"d{count}", m[1]), page_url, links or {})
        if 'class="pbxdoc-diagram__link"' in drawing:  # an image's parts are hidden from assistive technology; its links must not be
            drawing = drawing.replace('<svg role="img"', '<svg role="group"', 1)
        return f'<figure>\n<div class="pbxdoc-diagram" data-pbxdoc-diagram>{bar}{drawing}</div>'

    return _FIGURE_IMAGE.sub(replace, page)
