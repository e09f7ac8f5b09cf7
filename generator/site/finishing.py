"""Finishing touches to each page's HTML, after Markdown and before the theme.

- Checklist items as labelled tick boxes: pymdownx.tasklist wraps only the box in its <label>,
  leaving it without an accessible name (axe: critical). Moving the item's text inside the label
  names the box for screen readers and makes the whole line clickable; print is unchanged.
- The directory of people stays out of the search index as one block (each person is an entry).
"""

from __future__ import annotations

import re

from generator.escaping import html_text

_UNLABELLED = re.compile(
    r'(<label class="task-list-control"><input type="checkbox"[^>]*><span class="task-list-indicator"></span>)</label>'
    r"((?:(?!</li>|<ul|<ol|<label|<p>).)*)",
    re.S,
)


def label_checklists(page: str) -> str:
    return _UNLABELLED.sub(r"\1\2</label>", page)


def zoomable_figures(page: str, title: str) -> str:
    """Each figure's SVG image becomes a link to the SVG itself (title: what the link does)."""
    return _FIGURE_IMAGE.sub(lambda m: f'{m[1]}<a class="pbxdoc-figure" href="{m[3]}" title="{html_text(title)}">{m[2]}</a>{m[4]}', page)


def exclude_directory_from_search(page: str) -> str:
    """The directory's table stays out of the search index: each person is an entry of their own."""
    return page.replace('<div class="sortable directory">', '<div class="sortable directory" data-search-exclude>')
