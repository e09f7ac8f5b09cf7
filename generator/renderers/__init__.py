"""Renderers: each reads the build's content (`generator.content`) and writes files through the
build's Output. They share one interface (`base.py`) and never import each other; the pipeline
lists them and runs them."""
