"""The `pbxdoc` mkdocs plugin: generates the site's pages from a project's data.

`mkdocs build` at the repository root builds the bundled example through it; `pbxdoc build` runs
the same plugin with the model it already loaded (`SiteSource`, see build.py). The plugin owns the
whole content: files in docs_dir are ignored, so any mkdocs.yml that lists the plugin works.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import markdown

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from generator.audience import Audience
from generator.content import Content
from generator.diagnostics import InvalidProject
from generator.i18n import LANGUAGES, Translator
from generator.load import DEFAULT_EXAMPLE, EXAMPLES, REPO_ROOT, SMALL_EXAMPLE
from generator.model.project import Project
from generator.prepare import prepare
from generator.document import block_markdown
from generator.site.downloads import Download, download_blocks, project_attachments
from generator.site.finishing import label_checklists, zoomable_figures
from generator.site.plan import ASSETS, DOWNLOADS_MARK, SitePlan, plan_site

TEMPLATES = REPO_ROOT / "templates" / "site"
ASSET_FOLDER = "assets/pbxdoc"
STYLESHEETS = ("pbxdoc.css", "branding.css")
SCRIPTS = ("tables.js",)
IFRAME_WORKER = f"{ASSET_FOLDER}/vendor/iframe-worker/shim.js"


@dataclass(frozen=True)
class SiteSource:
    """One language's site: the build's content of that language and the files it offers."""

    content: Content
    outputs: tuple[Download, ...] = ()  # the build's PDFs and workbook of this language
    languages: tuple[str, ...] = ()  # every language built side by side (for the switcher)
    # Files still being made while the site builds (the PDFs): called at the end, it waits for them.
    later: Callable[[], tuple[Download, ...]] | None = None

    @property
    def project(self) -> Project:
        return self.content.project

    @property
    def lang(self) -> str:
        return self.content.lang

    @property
    def audience(self) -> Audience:
        return self.content.audience

    @property
    def generated(self) -> dt.datetime:
        return self.content.generated


class PbxdocConfig(Config):
    project = opt.Type(str, default="")
    lang = opt.Choice(("",) + LANGUAGES, default="")
    audience = opt.Choice(tuple(a.value for a in Audience), default=Audience.CUSTOMER.value)


def default_project() -> Path:
    default = EXAMPLES / DEFAULT_EXAMPLE
    return default if default.is_dir() else EXAMPLES / SMALL_EXAMPLE


def load_source(root: Path, lang: str | None, audience: Audience) -> SiteSource:
    """Load, check and filter a project the way `pbxdoc build` does (plain `mkdocs build|serve`)."""
    return SiteSource(prepare(root, audience, lang).content)


class PbxdocPlugin(BasePlugin[PbxdocConfig]):
    """Generates every page, figure and download of a customer site from the project's data."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.prepared: SiteSource | None = None  # set by generator.site.build
        self.source: SiteSource | None = None
        self.plan: SitePlan | None = None

    def _source(self, config) -> SiteSource:
        if self.prepared is not None:
            return self.prepared
        if self.config.project:
            root = Path(config.config_file_path or ".").parent / self.config.project
        else:
            root = default_project()
        try:
            return load_source(root, self.config.lang or None, Audience(self.config.audience))
        except InvalidProject as e:
            problems = "\n".join(str(d) for d in e.report.sorted())
            raise PluginError(f"pbxdoc: the project {root} is not valid:\n{problems}") from e

    @event_priority(-50)  # after material's offline plugin, whose CDN polyfill is replaced here
    def on_config(self, config):
        source = self.source = self._source(config)
        t = Translator(source.lang)
        plan = self.plan = plan_site(source.content, source.outputs, deferred=source.later is not None)
        config.site_name = html.escape(plan.site_name)
        config.nav = plan.mkdocs_nav()
        config.theme["language"] = source.lang
        if plan.branding and plan.branding.logo_site_path:
            config.theme["logo"] = plan.branding.logo_site_path
            config.theme["favicon"] = plan.branding.logo_site_path
        if plan.branding and plan.branding.footer:
            config.copyright = html.escape(plan.branding.footer)
        config.extra["pbxdoc"] = {
            "provenance": t.t("site.footer.generated", date=t.date(source.generated.date(), "long"), digest=source.project.digest[:16])
            + " · "
            + t.t("site.footer.audience", audience=t.t(f"site.audience.{source.audience.value}")),
            "labels": {key: t.t(f"site.table.{key}") for key in ("filter", "filter_placeholder", "shown", "previous", "next", "page", "sort")},
            # The integrator's edition says on every page that it is internal (main.html's banner).
            "internal": t.t("content.internal") if source.audience is Audience.INTEGRATOR else "",
        }
        if len(source.languages) > 1:
            config.extra["alternate"] = [
                {"name": Translator(lang).t("site.language_name"), "link": f"../{lang}/", "lang": lang} for lang in source.languages
            ]
        config.extra["polyfills"] = [IFRAME_WORKER if "iframe-worker" in str(p) else p for p in config.extra.get("polyfills", [])]
        config.extra_css = [*config.extra_css, *(f"{ASSET_FOLDER}/{name}" for name in STYLESHEETS)]
        config.extra_javascript = [*config.extra_javascript, *(f"{ASSET_FOLDER}/{name}" for name in SCRIPTS)]
        self._template_dirs(config, source.project)
        return config

    @staticmethod
    def _template_dirs(config, project: Project) -> None:
        """Templates, first found wins: the project's templates/site, the config's custom_dir,
        pbxdoc's templates/site, then material's (so an inheriting mkdocs.yml keeps ours)."""
        dirs = config.theme.dirs
        if str(TEMPLATES) not in dirs:
            dirs.insert(1 if config.theme.custom_dir else 0, str(TEMPLATES))
        overrides = project.root / "templates" / "site"
        if overrides.is_dir():
            dirs.insert(0, str(overrides))

    def on_files(self, files: Files, *, config) -> Files:
        """Our pages and assets replace whatever docs_dir holds; the theme's files stay."""
        assert self.plan is not None
        docs_dir = Path(config.docs_dir).resolve()
        kept = [f for f in files if not (f.abs_src_path and Path(f.abs_src_path).resolve().is_relative_to(docs_dir))]
        generated = [File.generated(config, page.path, content=page.markdown) for page in self.plan.pages]
        generated += [File.generated(config, path, content=data) for path, data in self.plan.files.items()]
        generated += [File.generated(config, path, abs_src_path=str(src)) for path, src in self.plan.copies.items()]
        for asset in sorted(ASSETS.rglob("*")):
            if asset.is_file() and asset.suffix in (".css", ".js"):
                generated.append(File.generated(config, f"{ASSET_FOLDER}/{asset.relative_to(ASSETS).as_posix()}", abs_src_path=str(asset)))
        return Files(kept + generated)

    def on_pre_page(self, page, *, config, files):
        """Dates in the sitemap come from the data, not the clock, so rebuilds are identical."""
        assert self.source is not None
        page.update_date = self.source.generated.strftime("%Y-%m-%d")
        return page

    def on_page_content(self, html, *, page, config, files):  # noqa: A002 (mkdocs names it html)
        assert self.source is not None
        return zoomable_figures(label_checklists(html), Translator(self.source.lang).t("site.figure_open"))

    def on_post_build(self, *, config) -> None:
        """The downloads table of files made while the site was built: written last, into the
        page that holds the mark, with the files copied beside the site."""
        source = self.source
        if source is None or source.later is None:
            return
        outputs = list(source.outputs) + list(source.later())
        t = Translator(source.lang)
        blocks = download_blocks(outputs, project_attachments(source.project), source.project, t, source.generated)[1:]  # the heading is there
        table = markdown.markdown("\n\n".join(block_markdown(b) for b in blocks), extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
        site = Path(config.site_dir)
        marked = [p for p in sorted(site.glob("*.html")) if DOWNLOADS_MARK in p.read_text(encoding="utf-8")]
        for page in marked:
            text = page.read_text(encoding="utf-8")
            page.write_text(re.sub(r"(<p>)?" + re.escape(DOWNLOADS_MARK) + r"(</p>)?", lambda m: table, text, count=1), encoding="utf-8")
        for download in outputs:
            target = site / download.site_path
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(download.source, target)

    def on_serve(self, server, *, config, builder):
        """`mkdocs serve` rebuilds when a file of the project changes, not only the theme."""
        if self.source is not None:
            server.watch(str(self.source.project.root))
        return server
