"""Every identifier on a page links to the page of what it names.

Sections name objects by their ids (a finding's object, a licence's system, the equipment a change
touched) and stay the same for the printed book; on the site, this pass turns each known id in
the text of a page into a link to its object page. Only text is touched: never a tag, an
attribute, a heading, code, or the inside of an existing link.
"""

from __future__ import annotations

import posixpath
import re

# Text inside these elements is left alone: links already, headings (their permalinks), code and
# scripts, and the tables' own controls.
_SKIP = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style", "button", "title", "svg", "label"}
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")


class Linker:
    """Links identifiers (id -> site path of its page) in a page's HTML, relative to that page."""

    def __init__(self, targets: dict[str, str]):
        self.targets = dict(targets)
        ids = sorted(self.targets, key=lambda i: (-len(i), i))
        # An id is whole: not part of a longer word, path, address or id (mtx inside mtx-pbx-01).
        self._pattern = re.compile(r"(?<![\w.:/@#-])(" + "|".join(map(re.escape, ids)) + r")(?![\w/@-]|[.:]\w)") if ids else None

    def link(self, page_html: str, page_url: str) -> str:
        if self._pattern is None:
            return page_html
        base = posixpath.dirname(page_url)
        out: list[str] = []
        depth = 0  # how many skipped elements are open
        position = 0
        for tag in _TAG.finditer(page_html):
            out.append(self._text(page_html[position : tag.start()], base, page_url) if depth == 0 else page_html[position : tag.start()])
            out.append(tag[0])
            position = tag.end()
            name = tag[2].lower()
            if name in _SKIP and not tag[3]:
                depth += -1 if tag[1] else 1
                depth = max(depth, 0)
        out.append(self._text(page_html[position:], base, page_url) if depth == 0 else page_html[position:])
        return "".join(out)

    def _text(self, text: str, base: str, page_url: str) -> str:
        if not text.strip():
            return text

        def replace(m: re.Match) -> str:
            target = self.targets[m[1]]
            if target == page_url:
                return m[0]
            href = posixpath.relpath(target, base or ".")
            return f'<a class="pbxdoc-ref" href="{href}">{m[1]}</a>'

        return self._pattern.sub(replace, text)
