"""Renderers: each turns the model into files; they depend on the model, never on each other.

The build runs them in this order (the site comes last so that it can offer the other outputs
for download).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from generator.audience import Audience
from generator.i18n import Translator
from generator.model.project import Project
from generator.output import Output


@dataclass(frozen=True)
class RenderContext:
    project: Project  # already filtered for the audience, findings attached
    output: Output
    languages: tuple[str, ...]
    translator: Translator  # for the first language
    audience: Audience
    generated: dt.datetime


@dataclass(frozen=True)
class Renderer:
    name: str
    render: Callable[[RenderContext], None]
    summary: str


def _diagrams(ctx: RenderContext) -> None:
    from generator.renderers.diagrams import render

    render(ctx)


def _data(ctx: RenderContext) -> None:
    from generator.renderers.data import render

    render(ctx)


def _workbook(ctx: RenderContext) -> None:
    from generator.renderers.workbook import render

    render(ctx)


def _pdf(ctx: RenderContext) -> None:
    from generator.pdf.render import render_context

    render_context(ctx)


def _site(ctx: RenderContext) -> None:
    from generator.site.build import render

    render(ctx)


RENDERERS: list[Renderer] = [
    Renderer("diagrams", _diagrams, "Interface overview, network, DECT, availability and backup diagrams (SVG, PNG)"),
    Renderer("data", _data, "The validated model as JSON, for integrations"),
    Renderer("workbook", _workbook, "The customer workbook: one sheet per tabular record (xlsx)"),
    Renderer("pdf", _pdf, "PDF/A-3b records, runbooks and the documentation book"),
    Renderer("site", _site, "The customer documentation site (mkdocs-material), in OUT/site"),
]
