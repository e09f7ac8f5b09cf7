"""The `pbxdoc` mkdocs plugin: generates the site's pages from a project's data.

`mkdocs build` at the repository root builds the bundled example through it; `pbxdoc build` runs
the same plugin with the model it already loaded (`SiteSource`, see build.py). The plugin owns the
whole content: files in docs_dir are ignored, so any mkdocs.yml that lists the plugin works.
"""

from __future__ import annotations

import datetime as dt
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
from mkdocs.utils import normalize_url

from generator.audience import Audience
from generator.content import Content
from generator.diagnostics import InvalidProject
from generator.escaping import html_markup
from generator.i18n import LANGUAGES, Translator
from generator.load import DEFAULT_EXAMPLE, EXAMPLES, REPO_ROOT, SMALL_EXAMPLE
from generator.model.project import Project
from generator.prepare import prepare
from generator.document import block_markdown
from generator.site.downloads import Download, download_blocks, project_attachments
from generator.site.evidence import in_words
from generator.site.figures import interactive_figures
from generator.site.finishing import exclude_directory_from_search, label_checklists
from generator.site.linking import Linker
from generator.site.plan import ASSETS, DOWNLOADS_MARK, SitePlan, plan_site
from generator.templating import sandboxed

TEMPLATES = REPO_ROOT / "templates" / "site"
ASSET_FOLDER = "assets/pbxdoc"
STYLESHEETS = ("pbxdoc.css", "branding.css", "print.css")
SCRIPTS = ("tables.js", "vendor/svg-pan-zoom/svg-pan-zoom.min.js", "diagrams.js")
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
        self.linker: Linker | None = None

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
        self.linker = Linker(plan.links)
        config.site_name = html_markup(plan.site_name)
        config.nav = plan.mkdocs_nav()
        config.theme["language"] = source.lang
        if plan.branding and plan.branding.logo_site_path:
            config.theme["logo"] = plan.branding.logo_site_path
            config.theme["favicon"] = plan.branding.logo_site_path
        if plan.branding and plan.branding.footer:
            config.copyright = html_markup(plan.branding.footer)
        config.extra["pbxdoc"] = {
            "provenance": t.t("site.footer.generated", date=t.date(source.generated.date()), digest=source.project.digest[:16])
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

    def on_env(self, env, *, config, files):
        """Every theme template, a project's overrides among them, renders in pbxdoc's sandbox:
        a template from a project folder is code from data."""
        return sandboxed(env)

    def on_files(self, files: Files, *, config) -> Files:
        """Our pages and assets replace whatever docs_dir holds; the theme's files stay."""
        assert self.plan is not None
        docs_dir = Path(config.docs_dir).resolve()
        kept = [f for f in files if not (f.abs_src_path and Path(f.abs_src_path).resolve().is_relative_to(docs_dir))]
        generated = [File.generated(config, page.path, content=page.markdown) for page in self.plan.pages]
        generated += [File.generated(config, path, content=data) for path, data in self.plan.files.items()]
        generated += [File.generated(config, path, abs_src_path=str(src)) for path, src in self.plan.copies.items()]
        for asset in sorted(ASSETS.rglob("*")):
            if asset.is_file() and (asset.suffix in (".css", ".js") or asset.name.startswith("LICENSE")):  # vendored code ships with its licence
                generated.append(File.generated(config, f"{ASSET_FOLDER}/{asset.relative_to(ASSETS).as_posix()}", abs_src_path=str(asset)))
        return Files(kept + generated)

    def on_pre_page(self, page, *, config, files):
        """Dates in the sitemap come from the data, not the clock, so rebuilds are identical."""
        assert self.source is not None
        page.update_date = self.source.generated.strftime("%Y-%m-%d")
        return page

    def on_page_content(self, html, *, page, config, files):  # noqa: A002 (mkdocs names it html)
        assert self.source is not None and self.linker is not None and self.plan is not None
        t = Translator(self.source.lang)
        words = {key: t.t(f"site.diagram.{key}") for key in ("full", "close", "zoom_in", "zoom_out", "reset", "download", "hint")}
        html = interactive_figures(label_checklists(html), page.url, self.plan.files, words, self.plan.links)
        html = in_words(html, page.url, self.plan.evidence)  # where the evidence is, linked (customer and auditor editions)
        return exclude_directory_from_search(self.linker.link(html, page.url))

    def on_template_context(self, context, *, template_name, config):
        """404.html links relative to itself, like every page: the site also works from disk or under a sub-path."""
        if template_name == "404.html":
            context["base_url"] = "."
            context["extra_css"] = [normalize_url(path, None, ".") for path in config.extra_css]
            context["extra_javascript"] = [normalize_url(str(script), None, ".") for script in config.extra_javascript]
        return context

    @event_priority(50)  # before the search plugin writes its index
    def on_post_build(self, *, config) -> None:
        """Each person of the directory becomes a search result of their own (see people.py).
        Then the downloads table of files made while the site was built: written last, into the
        page that holds the mark, with the files copied beside the site."""
        search = config.plugins.get("material/search")  # absent when a customer's mkdocs.yml turns search off
        if self.plan is not None and search is not None:
            search.search_index.entries.extend({"location": e.location, "title": e.title, "text": e.text} for e in self.plan.search_entries)
        source = self.source
        if source is None or source.later is None:
            return
        outputs = list(source.outputs) + list(source.later())
        t = Translator(source.lang)
        blocks = download_blocks(outputs, project_attachments(source.project, t), source.project, t, source.generated)[1:]  # the heading is there
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
