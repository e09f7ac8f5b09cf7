"""The customer documentation site: a mkdocs plugin that turns the model into pages.

`plan.py` decides what the site holds (pages, nav, figures, downloads) from the model alone;
`plugin.py` hands that plan to mkdocs; `build.py` runs mkdocs for `pbxdoc build` (one language or
all of them) and `serve.py` for the live preview.
"""
