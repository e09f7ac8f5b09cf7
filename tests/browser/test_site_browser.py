"""The built sites in Debian's chromium: every page loads cleanly, nothing leaves the local origin,
axe finds no serious or critical violation, every internal link resolves, search and the language
switcher work, and hostile customer text stays text."""

from __future__ import annotations

import re
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urlsplit

import pytest

from generator.load import EXAMPLES, SMALL_EXAMPLE, load

pytestmark = pytest.mark.browser

AXE_SERIOUS = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.filter(v => v.impact === "serious" || v.impact === "critical")
    .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", ")}`);
}"""
LINKS = """() => [
  ...Array.from(document.querySelectorAll("a[href]"), a => typeof a.href === "string" ? a.href : new URL(a.href.baseVal, document.baseURI).href),  // an SVG link's href is an object
  ...Array.from(document.querySelectorAll("img[src], script[src]"), e => e.src),
  ...Array.from(document.querySelectorAll("link[href][rel=stylesheet], link[href][rel=icon]"), e => e.href),
]"""


@dataclass
class Crawl:
    pages: list[str] = field(default_factory=list)
    errors: dict[str, list[str]] = field(default_factory=dict)
    foreign: set[str] = field(default_factory=set)
    axe: dict[str, list[str]] = field(default_factory=dict)
    broken: set[str] = field(default_factory=set)


def crawl(tab, axe, site, scope: str, axe_on) -> Crawl:
    """Visit every HTML page under scope reachable from its index; links leaving the scope (other
    languages) are checked without being visited; axe runs on the pages for which axe_on(path)."""
    result = Crawl()
    start = scope + "index.html"
    queue, seen, resources, anchors = [site.url(start)], {site.url(start)}, set(), {}
    while queue:
        url = queue.pop(0)
        tab.watch.errors.clear()
        response = tab.goto(url, wait_until="load")
        path = url[len(site.base):]
        result.pages.append(path)
        if response is None or response.status != 200:
            result.broken.add(path)
            continue
        anchors[url] = set(tab.evaluate("() => Array.from(document.querySelectorAll('[id]'), e => e.id)"))
        if axe_on(path):
            tab.add_script_tag(path=str(axe))
            violations = tab.evaluate(AXE_SERIOUS)
            if violations:
                result.axe[path] = violations
        for link in tab.evaluate(LINKS):
            target, fragment = urldefrag(link)
            if not target.startswith(site.base):
                if urlsplit(target).scheme in ("http", "https"):
                    result.foreign.add(target)  # a link to another site is fine; a load is not (see below)
                continue
            if fragment:
                anchors.setdefault(("wanted", target), set()).add(fragment)
            if target.startswith(site.base + scope) and (target.endswith(".html") or target.endswith("/")):
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
            else:
                resources.add(target)
        if tab.watch.errors:
            result.errors[path] = list(tab.watch.errors)
    result.foreign = set(tab.watch.foreign)  # requests actually attempted, refused by the route
    tab.close()
    for target in sorted(resources):
        try:
            with urllib.request.urlopen(urllib.request.Request(target, method="HEAD"), timeout=10) as r:
                ok = r.status == 200
        except OSError:
            ok = False
        if not ok:
            result.broken.add(target[len(site.base):])
    for key, fragments in anchors.items():
        if isinstance(key, tuple):
            have = anchors.get(key[1], set())
            result.broken.update(f"{key[1][len(site.base):]}#{f}" for f in fragments - have if key[1] in anchors)
    return result


# axe takes a second or more a page: it checks every kind of page, not every runbook and list part.
AXE_SMALL = re.compile(r"fr/[a-z-]+\.html|fr/backup/(index|runbook-lau-pbx-01)\.html|fr/objects/(index|server-lau-pbx-01|site-lau)\.html")
AXE_CLINIC = re.compile(r"(index|interfaces|terminals-dect|system|licences|numbering-users|addressing-addresses|compliance|availability|routing|changelog|documents)\.html"
                        r"|backup/(index|runbook-mtx-pbx-01|runbook-cdl-dect|runbook-mtx-sw-01)\.html"
                        r"|objects/(index|server-mtx-pbx-01|dect-cdl-dect|site-mtx|licence-lic-maint|ups-[a-z0-9-]+|device-mtx-sw-01|trunk-[a-z0-9-]+)\.html")


@pytest.fixture(scope="session")
def crawls(sites, new_tab, axe_script):
    return {
        "small": crawl(new_tab(), axe_script, sites["small"], "fr/", AXE_SMALL.fullmatch),
        "clinic": crawl(new_tab(), axe_script, sites["clinic"], "", AXE_CLINIC.fullmatch),
    }


@pytest.mark.parametrize("name", ["small", "clinic"])
def test_every_page_loads_without_console_errors(crawls, name):
    result = crawls[name]
    assert len(result.pages) >= 20
    assert result.errors == {}


@pytest.mark.parametrize("name", ["small", "clinic"])
def test_no_request_leaves_the_local_origin(crawls, name):
    assert crawls[name].foreign == set()


@pytest.mark.parametrize("name", ["small", "clinic"])
def test_axe_reports_no_serious_violation(crawls, name):
    assert crawls[name].axe == {}


@pytest.mark.parametrize("name", ["small", "clinic"])
def test_every_internal_link_resolves(crawls, name):
    assert crawls[name].broken == set()


def test_the_crawl_reaches_every_section_and_runbook(crawls):
    pages = crawls["small"].pages
    assert {"fr/index.html", "fr/licences.html", "fr/backup/index.html", "fr/backup/runbook-lau-pbx-01.html"} <= set(pages)
    assert "numbering-users.html" in crawls["clinic"].pages


def test_the_root_of_a_multilingual_site_opens_the_projects_language(sites, page):
    """When the browser prefers a language the site does not have, the project's language opens."""
    page.add_init_script("Object.defineProperty(navigator, 'languages', {get: () => ['it-CH', 'it']})")
    page.goto(sites["small"].url("index.html"))
    page.wait_for_url("**/fr/index.html")
    assert page.locator("html").get_attribute("lang") == "fr"


def _search(tab, query: str, expected: str) -> None:
    """Type a query into material's search box and wait until a result shows the expected text."""
    from playwright.sync_api import expect

    tab.locator(".md-search__input").first.click()
    box = tab.locator("input.md-search__input")
    box.fill("")
    box.type(query, delay=20)
    expect(tab.locator(".md-search-result__list")).to_contain_text(expected, timeout=15_000)


@pytest.fixture(scope="session")
def small_user():
    project = load(EXAMPLES / SMALL_EXAMPLE)
    return next(u for u in project.users if u.id == "u-rochat-s")


def test_search_finds_a_user_by_name_and_an_extension_by_number(sites, page, small_user):
    page.goto(sites["small"].url("fr/index.html"))
    _search(page, small_user.last_name, f"{small_user.first_name} {small_user.last_name}")
    _search(page, str(small_user.extension), f"{small_user.extension} {small_user.first_name} {small_user.last_name}")
    assert page.watch.errors == [] and page.watch.foreign == []


def test_search_works_opened_from_disk(sites, page, small_user):
    page.goto((sites["small"].root / "fr" / "index.html").as_uri())
    _search(page, small_user.last_name, f"{small_user.first_name} {small_user.last_name}")
    assert page.watch.foreign == []


def test_language_switcher_keeps_the_page(sites, page):
    page.goto(sites["small"].url("fr/licences.html"))
    page.locator(".md-select button").first.click()
    page.get_by_role("link", name="Deutsch").click()
    page.wait_for_url("**/de/licences.html")
    assert page.locator("html").get_attribute("lang") == "de"
    assert "Lizenzen" in page.locator("h1").first.inner_text()


def test_sortable_table_sorts_filters_and_pages(sites, page):
    page.goto(sites["clinic"].url("numbering-users.html"))
    table = page.locator(".sortable").first
    rows = table.locator("tbody tr:visible")
    assert rows.count() == 50  # one page of a long list
    table.locator("input[type=search]").fill("Margot")
    assert 1 <= rows.count() < 50
    assert all("Margot" in text for text in rows.all_inner_texts())
    status = page.locator(".pbxdoc-table-status").first.inner_text()  # the catalogue's plural, chosen in the browser
    total = table.locator("tbody tr").count()
    assert re.fullmatch(rf"{rows.count()} lignes? sur {total}", status.replace("\u202f", " ").replace("’", "")), status
    table.locator("input[type=search]").fill("zzz-nobody")
    assert page.locator(".pbxdoc-table-status").first.inner_text().startswith("0 ligne sur ")  # French: 0 is singular
    table.locator("input[type=search]").fill("")
    header = table.locator("th .pbxdoc-sort").first
    header.click()
    header.click()
    assert table.locator("th").first.get_attribute("aria-sort") == "descending"


def test_hostile_text_is_shown_as_text(sites, page, hostile_text):
    page.goto(sites["hostile"].url("index.html"))
    assert hostile_text in page.title()
    page.goto(sites["hostile"].url("numbering.html"))
    assert "<img src=x onerror=alert(2)>" in page.locator("article").inner_text()
    _search(page, "Sophie", "Sophie")
    page.goto(sites["hostile"].url("backup/runbook-lau-pbx-01.html"))
    assert page.title().startswith(f"</title>{hostile_text}")
    assert page.watch.dialogs == []
    assert page.watch.errors == []
