"""`pbxdoc build`'s site renderer: mkdocs run programmatically with the top-level mkdocs.yml.

One language builds into OUT/site/; several build side by side into OUT/site/<lang>/ with a root
page that sends the reader to the project's language. The site is self-contained: it links only
to files inside OUT/site.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from generator.escaping import html_text
from generator.i18n import Translator
from generator.load import REPO_ROOT
from generator.renderers.base import Product, RenderContext
from generator.site.downloads import build_outputs
from generator.site.plugin import SiteSource
from generator.site.languages import browser_language_script
from generator.words import counted

MKDOCS_YML = REPO_ROOT / "mkdocs.yml"


class _Warnings(logging.Handler):
    """Collects mkdocs' warnings (broken links, missing files) so that a build can report them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_language(source: SiteSource, site_dir: Path, config_file: Path = MKDOCS_YML) -> list[str]:
    """Build one language's site into site_dir; returns mkdocs' warnings."""
    config = load_config(str(config_file), site_dir=str(site_dir))
    config.plugins["pbxdoc"].prepared = source
    handler = _Warnings()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        mkdocs_build(config)
    finally:
        logger.removeHandler(handler)
    return handler.messages


def language_chooser(languages: tuple[str, ...]) -> str:
    """The root page of a multilingual site: sends the reader on to the first language."""
    first = Translator(languages[0])
    links = "\n".join(
        f'    <li><a href="{lang}/index.html" hreflang="{lang}" lang="{lang}">{html_text(Translator(lang).t("site.language_name"))}</a></li>'
        for lang in languages
    )
    return (
        "<!doctype html>\n"
        f'<html lang="{first.lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<script>{browser_language_script(languages)}</script>\n"  # the browser's language first
        f'<meta http-equiv="refresh" content="0; url={languages[0]}/index.html">\n'
        f"<title>{html_text(first.t('site.redirect.title'))}</title>\n</head>\n<body>\n<main>\n"
        f"  <h1>{html_text(first.t('site.redirect.title'))}</h1>\n  <p>{html_text(first.t('site.redirect.text'))}</p>\n"
        f"  <ul>\n{links}\n  </ul>\n</main>\n</body>\n</html>\n"
    )


def render(ctx: RenderContext) -> list[Product]:
    languages = ctx.languages
    site = ctx.output.path("site")
    for content in ctx.contents:
        t = content.translator
        offered = build_outputs(ctx.output.staging, [p for p in ctx.products if p.lang == content.lang], t)
        later = None
        if ctx.later is not None:
            later = lambda lang=content.lang, t=t: tuple(build_outputs(ctx.output.staging, [p for p in ctx.later() if p.lang == lang], t))  # noqa: E731
        source = SiteSource(content, tuple(offered), languages, later)
        warnings = build_language(source, site / content.lang if len(languages) > 1 else site)
        if warnings:
            logging.getLogger("pbxdoc.site").warning("%s site: %s: %s", content.lang, counted(len(warnings), "mkdocs warning"), "; ".join(warnings[:5]))
    if len(languages) > 1:
        ctx.output.write("site/index.html", language_chooser(languages))
    return []
