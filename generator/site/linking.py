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
# scripts, diagrams, and the tables' own controls. One pass finds them; ids are linked between them.
_SKIPPED = re.compile(r"<(a|h[1-6]|code|pre|script|style|button|title|svg|label)\b.*?</\1\s*>", re.S | re.I)


def _trie(words: list[str]) -> str:
    """The words as one regex that shares their prefixes (s3, s30, s30-sw-01 -> s3(?:0(?:-sw-01)?)?):
    at each position of a page the engine follows one branch instead of trying every id in turn,
    which made the site's link pass five times slower. Greedy, so a longer id is tried first."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)


class Linker:
    """Links identifiers (id -> site path of its page) in a page's HTML, relative to that page."""

    def __init__(self, targets: dict[str, str]):
        self.targets = dict(targets)
        ids = sorted(i for i in self.targets if i)
        # An id is whole (not part of a longer word, path, address or id: mtx inside mtx-pbx-01) and
        # in text, not in a tag's attributes (no '>' before the next '<'). The first lookahead lets
        # the engine skip every position where no id starts.
        firsts = "".join(sorted({re.escape(i[0]) for i in ids}))
        self._pattern = (re.compile(f"(?=[{firsts}])" + r"(?<![\w.:/@#-])(" + _trie(ids) + r")(?![\w/@-]|[.:]\w)(?![^<>]*>)")
                         if ids else None)

    def link(self, page_html: str, page_url: str) -> str:
        if self._pattern is None or self._pattern.search(page_html) is None:
            return page_html
        base = posixpath.dirname(page_url) or "."
        hrefs: dict[str, str] = {}

        def replace(m: re.Match) -> str:
            target = self.targets[m[1]]
            if target == page_url:
                return m[0]
            if target not in hrefs:
                hrefs[target] = posixpath.relpath(target, base)
            return f'<a class="pbxdoc-ref" href="{hrefs[target]}">{m[1]}</a>'

        out: list[str] = []
        position = 0
        for skipped in _SKIPPED.finditer(page_html):
            out.append(self._pattern.sub(replace, page_html[position : skipped.start()]))
            out.append(skipped[0])
            position = skipped.end()
        out.append(self._pattern.sub(replace, page_html[position:]))
        return "".join(out)
