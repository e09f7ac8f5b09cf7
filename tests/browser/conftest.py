"""Browser fixtures: each example's site built once, served on 127.0.0.1, and Debian's chromium
driven by playwright with every request outside the local origin refused and recorded."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.audience import Audience
from generator.load import EXAMPLES, SMALL_EXAMPLE
from generator.pipeline import BuildOptions, build

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
HOSTILE = "<script>alert(1)</script>"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002  (the server's signature)
        pass


@dataclass
class ServedSite:
    """A built site served over HTTP from a background thread."""

    root: Path
    server: http.server.ThreadingHTTPServer = field(repr=False)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}/"

    def url(self, path: str) -> str:
        return self.base + path


def serve(root: Path):
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return ServedSite(root, server)


def build_site(project: Path, out: Path, **options) -> Path:
    build(project, BuildOptions(out=out, only=("diagrams", "site"), **options))
    return out / "site"


@pytest.fixture(scope="session")
def sites(tmp_path_factory):
    """name -> ServedSite: the small example in every language, the clinic, a hostile copy."""
    hostile = tmp_path_factory.mktemp("hostile") / "project"
    shutil.copytree(EXAMPLES / SMALL_EXAMPLE, hostile)
    info = hostile / "pbxdoc.yaml"
    info.write_text(info.read_text(encoding="utf-8").replace("name: Fiduciaire Rochat SA", f'name: "{HOSTILE}"', 1), encoding="utf-8")
    servers = hostile / "servers.yaml"
    servers.write_text(servers.read_text(encoding="utf-8").replace("name: 3CX Fiduciaire Rochat", f'name: "</title>{HOSTILE}"', 1), encoding="utf-8")
    users = hostile / "users.csv"
    users.write_text(users.read_text(encoding="utf-8").replace(",Sophie,Rochat,", ",Sophie,<img src=x onerror=alert(2)>,", 1), encoding="utf-8")
    built = {
        "small": build_site(EXAMPLES / SMALL_EXAMPLE, tmp_path_factory.mktemp("small") / "out", all_languages=True, audience=Audience.CUSTOMER),
        "clinic": build_site(EXAMPLES / "clinique-du-lac", tmp_path_factory.mktemp("clinic") / "out", audience=Audience.CUSTOMER),
        "hostile": build_site(hostile, tmp_path_factory.mktemp("hostile-out") / "out", audience=Audience.CUSTOMER),
    }
    served = {name: serve(root) for name, root in built.items()}
    yield served
    for site in served.values():
        site.server.shutdown()
        site.server.server_close()


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1366, "height": 768},
        )
        yield context
        context.close()


@dataclass
class Watch:
    """What a page did: console errors, uncaught exceptions, dialogs and refused foreign requests."""

    errors: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def watched_tab(browser):
    """A fresh tab that refuses (and records) every request leaving 127.0.0.1 or the disk."""
    tab = browser.new_page()
    watch = Watch()

    def route(route):
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about", "file") or parts.hostname == "127.0.0.1":
            route.continue_()
        else:
            watch.foreign.append(url)
            route.abort()

    tab.route("**/*", route)
    tab.on("console", lambda m: m.type == "error" and watch.errors.append(m.text))
    tab.on("pageerror", lambda e: watch.errors.append(str(e)))

    def dialog(d):
        watch.dialogs.append(d.message)
        d.dismiss()

    tab.on("dialog", dialog)
    tab.watch = watch
    return tab


@pytest.fixture(scope="session")
def new_tab(browser):
    """Opens another watched tab (for session-wide crawls)."""
    return lambda: watched_tab(browser)


@pytest.fixture(scope="session")
def axe_script() -> Path:
    if not AXE.is_file():
        pytest.fail("axe-core is missing: run `npm ci --prefix tests/browser`")
    return AXE


@pytest.fixture(scope="session")
def hostile_text() -> str:
    return HOSTILE


@pytest.fixture
def page(browser):
    tab = watched_tab(browser)
    yield tab
    tab.close()
