"""The customer's first tasks in Debian's chromium: what needs attention, people in two clicks,
everything linked, legible diagrams, tabs and breadcrumbs, tables on a phone, downloads, the
calendar, and the small things (404, language root, disk, print)."""

from __future__ import annotations

import io
import json
import re
import urllib.request

import pytest
from icalendar import Calendar
from playwright.sync_api import expect
from pypdf import PdfReader

from generator.load import EXAMPLES, load

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def clinic():
    return load(EXAMPLES / "clinique-du-lac")


def test_home_shows_what_needs_attention_and_links_each_line(sites, page):
    page.goto(sites["clinic"].url("index.html"))
    attention = page.locator("#attention")
    expect(attention).to_be_visible()
    assert page.locator(".admonition.success").count() == 0  # findings are open: never "no error"
    assert page.locator(".admonition.danger").count() >= 1  # the clinic's emergency-call errors (issue 14)
    article = page.locator("article")
    assert "LIC-EXPIRING" in article.inner_text() and "LT-MAINT-2024-0077" in article.inner_text()
    article.locator("a.pbxdoc-ref", has_text="lic-maint").first.click()
    page.wait_for_url("**/objects/licence-lic-maint.html")
    assert "lic-maint" in page.locator("h1").inner_text()
    assert "LIC-EXPIRING" in page.locator("article").inner_text()  # the finding, on its object's page
    assert page.watch.errors == []


def test_report_a_fault_is_on_screen_on_a_phone_with_numbers_to_dial(sites, page):
    page.set_viewport_size(PHONE)
    page.goto(sites["clinic"].url("index.html"))
    fault = page.locator("#report-a-fault")
    assert fault.bounding_box()["y"] < PHONE["height"]
    block = page.locator(".facts").first
    assert block.locator('a[href^="tel:+41"]').count() >= 2
    assert block.locator('a[href^="mailto:"]').count() == 1


def test_a_person_found_by_name_extension_or_number_opens_on_their_highlighted_row(sites, page, clinic):
    user = sorted((u for u in clinic.users if u.did), key=lambda u: u.extension)[200]  # on page 4 of the table
    page.goto(sites["clinic"].url("index.html"))
    for query in (user.last_name, user.extension, "0" + user.did[3:]):
        page.locator(".md-search__input").first.click()
        box = page.locator("input.md-search__input")
        box.fill("")
        box.type(query, delay=20)
        result = page.locator(f'.md-search-result__link[href*="#person-"]', has_text=user.display_name).first
        expect(result).to_be_visible(timeout=15_000)
    # one result per person, not the whole table
    assert page.locator(".md-search-result__item").filter(has_text=user.display_name).count() >= 1
    result.click()
    page.wait_for_url(re.compile(r"numbering-users\.html(\?[^#]*)?#person-"))  # material adds ?h=query
    row = page.locator("tr.pbxdoc-target")
    expect(row).to_be_visible()
    assert user.display_name in row.inner_text()
    assert page.watch.errors == []


def test_the_directory_is_one_table_across_sites_filtered_by_number(sites, page, clinic):
    page.goto(sites["clinic"].url("numbering-users.html"))
    assert page.locator("article table").count() == 1
    user = next(u for u in clinic.users if u.did)
    page.locator(".sortable input[type=search]").fill("0" + user.did[3:])
    rows = page.locator(".sortable tbody tr:visible")
    assert rows.count() == 1 and user.display_name in rows.first.inner_text()


def test_identifiers_link_to_object_pages_with_breadcrumbs(sites, page):
    page.goto(sites["clinic"].url("backup/index.html"))
    page.locator("article a.pbxdoc-ref", has_text="mtx-pbx-01").first.click()
    page.wait_for_url("**/objects/server-mtx-pbx-01.html")
    crumbs = page.locator(".md-path").inner_text()
    assert "Installation" in crumbs
    text = page.locator("article").inner_text()
    assert "2PRI" in text or "CPU" in text  # its cards
    page.locator("article a", has_text="mtx-pbx-01").last.click()  # its runbook
    page.wait_for_url("**/backup/runbook-mtx-pbx-01.html")


def test_sections_are_grouped_in_tabs(sites, page):
    page.goto(sites["clinic"].url("licences.html"))
    tabs = page.locator(".md-tabs__item")
    assert tabs.count() == 6
    assert page.locator(".md-tabs__item--active").inner_text().strip() == "Exploitation"


def test_diagrams_pan_zoom_and_go_full_screen_and_back(sites, page):
    page.goto(sites["clinic"].url("system.html"))
    box = page.locator("[data-pbxdoc-diagram]").first
    box.scroll_into_view_if_needed()
    viewport = box.locator("svg .svg-pan-zoom_viewport")
    expect(viewport).to_have_count(1)

    def settled() -> float:
        """The viewport's scale once svg-pan-zoom's animation has stopped (the same over 100 ms)."""
        page.wait_for_function(
            """() => { const t = document.querySelector('[data-pbxdoc-diagram] svg .svg-pan-zoom_viewport').getAttribute('transform');
                       const same = t === window.__pbxdocTransform; window.__pbxdocTransform = t; return same; }""",
            polling=100,
        )
        return float(viewport.get_attribute("transform").removeprefix("matrix(").split(",")[0])

    before = settled()
    box.locator("[data-pbxdoc-zoom-in]").click()
    zoomed = settled()
    assert zoomed > before
    box.locator("[data-pbxdoc-zoom-out]").click()
    assert settled() < zoomed
    assert box.locator("#svg-pan-zoom-controls").count() == 0  # its icons said "RESET" in English on the drawing
    assert box.locator("[data-pbxdoc-zoom-in]").get_attribute("aria-label") == "Zoom avant"
    box.locator("[data-pbxdoc-full]").click()
    expect(box).to_have_class(re.compile("pbxdoc-diagram--full"))
    page.keyboard.press("Escape")
    expect(box).not_to_have_class(re.compile("pbxdoc-diagram--full"))
    box.locator("[data-pbxdoc-full]").click()
    page.go_back()  # the phone's back button closes it, the page stays
    expect(box).not_to_have_class(re.compile("pbxdoc-diagram--full"))
    assert page.url.endswith("system.html")
    assert page.watch.errors == [] and page.watch.foreign == []


def test_diagram_text_is_readable_at_first_sight(sites, page):
    for size in ({"width": 1366, "height": 768}, PHONE):
        page.set_viewport_size(size)
        page.goto(sites["clinic"].url("system.html"))
        heights = page.locator("[data-pbxdoc-diagram] svg").first.evaluate(
            "s => Array.from(s.querySelectorAll('text'), t => t.getBoundingClientRect().height).filter(h => h > 0).sort((a, b) => a - b)")
        assert heights[len(heights) // 2] >= 10, size  # the usual text; it was 2.5 px on a phone


def test_long_tables_sort_and_filter_and_stack_on_a_phone(sites, page):
    page.goto(sites["clinic"].url("changelog.html"))
    assert page.locator(".pbxdoc-table-bar input[type=search]").count() >= 1
    bar, table = page.locator(".pbxdoc-table-bar").first.bounding_box(), page.locator("article table").first.bounding_box()
    assert page.locator("h1").first.bounding_box()["y"] < bar["y"] < table["y"]  # the filter sits on its table
    assert page.locator("article table[class]").count() == 0  # material styles only tables without a class
    assert page.locator("article table").first.evaluate("t => getComputedStyle(t).display") != "block"  # the phone layout only
    page.set_viewport_size(PHONE)
    page.goto(sites["clinic"].url("numbering-users.html"))
    row = page.locator(".sortable tbody tr:visible").first
    assert row.evaluate("r => getComputedStyle(r).display") == "block"
    assert row.locator("td").first.evaluate("c => getComputedStyle(c, '::before').content") != "none"
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"] + 1


def test_a_phone_card_keeps_a_value_of_text_and_links_beside_its_label(sites, page):
    """A cell holding links and text (two servers a finding concerns, a highlighted search word)
    stays one value: each piece was a grid item of its own, put under the label on a line of its own."""
    page.set_viewport_size(PHONE)
    page.goto(sites["clinic"].url("index.html"))
    cells = page.locator("table[data-pbxdoc-stack] td:has(a.pbxdoc-ref)")
    assert cells.count() >= 5
    for i in range(cells.count()):
        cell = cells.nth(i)
        if not cell.is_visible():
            continue
        label_right = cell.evaluate("c => c.getBoundingClientRect().left") + float(
            cell.evaluate("c => getComputedStyle(c).gridTemplateColumns").split()[0].removesuffix("px"))
        for link in cell.locator("a.pbxdoc-ref").all():
            assert link.bounding_box()["x"] >= label_right, cell.inner_text()


def test_downloads_say_what_they_are_and_the_register_links_them(sites, page):
    page.goto(sites["small"].url("fr/documents.html"))
    headers = page.locator("article table").last.locator("th").all_inner_texts()
    assert [h.strip() for h in headers][:4] == ["Fichier", "Type", "Langue", "Édition"]
    register = page.locator("article table").first
    link = register.locator("a.pbxdoc-ref", has_text="doc-pv")
    href = link.get_attribute("href")
    assert href.startswith("downloads/documents/doc-pv-")
    with urllib.request.urlopen(sites["small"].url("fr/" + href)) as r:
        assert r.status == 200


def test_the_calendar_lists_every_dated_obligation(sites, clinic):
    with urllib.request.urlopen(sites["clinic"].url("calendar.ics")) as r:
        cal = Calendar.from_ical(r.read())
    events = cal.walk("VEVENT")
    summaries = " ".join(str(e["summary"]) for e in events)
    assert "lic-maint" in summaries and "cdl-dect" in summaries
    assert len({e.decoded("dtstamp") for e in events}) == 1


def test_404_links_relative_to_itself(sites, page):
    html = urllib.request.urlopen(sites["clinic"].url("404.html")).read().decode()
    assert not re.search(r'(href|src)="/(?!/)', html)
    page.goto((sites["clinic"].root / "404.html").as_uri())
    assert page.locator("link[rel=stylesheet]").first.evaluate("l => !!l.sheet")
    assert page.watch.errors == []


BROWSER_LANGUAGES = "Object.defineProperty(navigator, 'languages', {{get: () => {}}})"


@pytest.mark.parametrize(("preferred", "opened"), [(["de-CH", "de", "en"], "de"), (["it-CH", "en-GB"], "en")])
def test_the_language_root_follows_the_browsers_language(sites, page, preferred, opened):
    page.add_init_script(BROWSER_LANGUAGES.format(json.dumps(preferred)))
    page.goto(sites["small"].url("index.html"))
    page.wait_for_url(f"**/{opened}/index.html")


def test_no_console_error_from_disk(sites, page):
    for path in ("fr/index.html", "fr/licences.html", "fr/system.html", "fr/numbering-users.html"):
        page.goto((sites["small"].root / path).as_uri())
        page.wait_for_timeout(300)
    assert page.watch.errors == []


def test_printed_pages_carry_the_edition_and_page_numbers(sites, page):
    project = load(EXAMPLES / "clinique-du-lac")
    doc = project.pbxdoc.document
    page.goto(sites["clinic"].url("backup/index.html"))
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    first = pdf.pages[0].extract_text()
    assert f"{doc.id_prefix}-SITE-{doc.version}" in first and f"version {doc.version}" in first
    assert f"Page 1 sur {len(pdf.pages)}" in first


def test_a_diagram_node_opens_the_page_of_what_it_draws(sites, page):
    page.goto(sites["clinic"].url("system.html"))
    node = page.locator("[data-pbxdoc-diagram] a.pbxdoc-diagram__link").first
    expect(node).to_have_count(1)
    href = node.get_attribute("href")
    assert href.startswith("objects/") and href.endswith(".html")
    node.dispatch_event("click")  # a click, not a drag: svg-pan-zoom leaves it to the link
    page.wait_for_url(re.compile(re.escape(href) + "$"))
    assert page.watch.errors == []


def test_axe_reports_no_serious_violation_on_the_404_page(sites, page, axe_script):
    from tests.browser.test_site_browser import AXE_SERIOUS

    page.goto(sites["clinic"].url("404.html"))
    page.add_script_tag(path=str(axe_script))
    assert page.evaluate(AXE_SERIOUS) == []


@pytest.mark.parametrize("path", ["index.html", "numbering-users.html", "changelog.html", "objects/server-mtx-pbx-01.html",
                                  "backup/runbook-mtx-pbx-01.html", "system.html"])
def test_axe_reports_no_serious_violation_on_a_phone(sites, page, axe_script, path):
    """The phone layout (cards for rows, the diagram's tool bar wrapped) is checked too, not only the laptop's."""
    from tests.browser.test_site_browser import AXE_SERIOUS

    page.set_viewport_size(PHONE)
    page.goto(sites["clinic"].url(path))
    page.add_script_tag(path=str(axe_script))
    assert page.evaluate(AXE_SERIOUS) == []
