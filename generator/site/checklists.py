"""Checklist items as labelled tick boxes.

pymdownx.tasklist wraps only the box in its <label>, leaving the box without an accessible name
(axe: critical). Moving the item's text inside the label names the box for screen readers and
makes the whole line clickable on screen; the printed page is unchanged.
"""

from __future__ import annotations

import re

_UNLABELLED = re.compile(
    r'(<label class="task-list-control"><input type="checkbox"[^>]*><span class="task-list-indicator"></span>)</label>'
    r"((?:(?!</li>|<ul|<ol|<label|<p>).)*)",
    re.S,
)


def label_checklists(html: str) -> str:
    return _UNLABELLED.sub(r"\1\2</label>", html)
