"""Identifiers link to the page of what they name; every site and asset has that page; each person
is a search result of their own; the calendar lists every dated obligation, byte for byte the same."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar

from generator.site.calendar import calendar_feed
from generator.site.linking import Linker
from generator.site.people import number_forms
from tests.helpers import content_of


def test_identifiers_in_text_link_to_their_pages_relative_to_the_page():
    linker = Linker({"lau": "objects/site-lau.html", "lau-pbx-01": "objects/server-lau-pbx-01.html"})
    html = linker.link("<td>lau-pbx-01 on lau</td>", "backup/runbook-lau-pbx-01.html")
    assert html == ('<td><a class="pbxdoc-ref" href="../objects/server-lau-pbx-01.html">lau-pbx-01</a> on '
                    '<a class="pbxdoc-ref" href="../objects/site-lau.html">lau</a></td>')


def test_identifiers_inside_words_tags_links_headings_and_code_stay_as_they_are():
    linker = Linker({"lau": "objects/site-lau.html"})
    untouched = ('<h2 id="lau">lau</h2><p title="lau">lausanne lau.yaml lau-2 '
                 '<a href="x.html">lau</a> <code>lau</code> backups.yaml:lau</p>')
    assert linker.link(untouched, "index.html") == untouched
    assert linker.link("<p>lau</p>", "objects/site-lau.html") == "<p>lau</p>"  # not to itself


def test_an_id_that_begins_another_links_to_its_own_page_and_the_longer_one_to_its():
    linker = Linker({"s3": "objects/site-s3.html", "s30": "objects/site-s30.html", "s30-sw-01": "objects/device-s30-sw-01.html"})
    html = linker.link("<td>s3, s30: s30-sw-01. s30-sw-0 s300 s3x</td>", "index.html")
    assert html == ('<td><a class="pbxdoc-ref" href="objects/site-s3.html">s3</a>, '
                    '<a class="pbxdoc-ref" href="objects/site-s30.html">s30</a>: '
                    '<a class="pbxdoc-ref" href="objects/device-s30-sw-01.html">s30-sw-01</a>. s30-sw-0 s300 s3x</td>')


def test_every_site_and_asset_has_a_page_and_the_plan_links_its_id(small_plan, small_project):
    paths = {p.path for p in small_plan.pages}
    ids = {s.id for s in small_project.sites} | {s.id for s in small_project.servers} | {lic.id for lic in small_project.licences}
    ids |= {d.id for d in small_project.network.devices} | {u.id for u in small_project.availability.ups}
    for object_id in ids:
        assert small_plan.links[object_id][:-5] + ".md" in paths
    server = next(p for p in small_plan.pages if p.path == "objects/server-lau-pbx-01.md")
    assert "(../backup/runbook-lau-pbx-01.md)" in server.markdown  # its runbook
    assert "## Licences" in server.markdown


def test_an_asset_page_names_its_site_and_server_as_readers_know_them_with_the_linked_id(small_plan, small_project):
    server = small_project.servers[0]
    site = small_project.site_by_id[server.site]
    page = next(p for p in small_plan.pages if p.path == f"objects/server-{server.id}.md")
    assert f"| {site.name} ({site.id}) |" in page.markdown  # was the bare id
    dect = small_project.dect.systems[0]
    page = next(p for p in small_plan.pages if p.path == f"objects/dect-{dect.id}.md")
    assert f"({dect.server}) |" in page.markdown and f"| {dect.server} |" not in page.markdown


def test_an_asset_page_title_says_its_kind_once(small_plan, small_project):
    titles = {p.path: p.title for p in small_plan.pages}
    dect = small_project.dect.systems[0]  # "DECT Fiduciaire": "Système DECT DECT Fiduciaire" said DECT twice
    assert titles[f"objects/dect-{dect.id}.md"] == f"{dect.name} ({dect.id})"
    server = small_project.servers[0]  # the kind is not in its name: it stays
    assert titles[f"objects/server-{server.id}.md"] == f"Serveur de communication {server.name} ({server.id})"


def test_each_person_is_a_search_result_of_their_own_found_by_extension_and_number(small_plan, small_project):
    entries = {e.location: e for e in small_plan.search_entries}
    assert len(entries) == len(small_project.users)
    user = next(u for u in small_project.users if u.did)
    entry = next(e for e in entries.values() if e.title == user.display_name)
    assert entry.location.startswith("numbering-users.html#person-")
    assert user.extension in entry.text and user.did in entry.text and "0" + user.did[3:] in entry.text
    page = next(p for p in small_plan.pages if p.path == "numbering-users.md")
    assert f'id="{entry.location.split("#")[1]}"' in page.markdown


def test_numbers_are_searchable_as_people_type_them():
    assert number_forms("+41215551234") == ["+41215551234", "+41 21 555 12 34", "0215551234"]
    assert number_forms(None) == []


def test_the_calendar_holds_every_obligation_with_a_fixed_stamp(small_project, fr, generated):
    feed = calendar_feed(small_project, fr, generated)
    assert feed == calendar_feed(small_project, fr, generated)
    events = Calendar.from_ical(feed).walk("VEVENT")
    assert events and all(e.decoded("dtstamp") == generated for e in events)
    expiring = [lic for lic in small_project.licences if lic.expiry]
    assert {str(e["uid"]) for e in events} and len({str(e["uid"]) for e in events}) == len(events)
    assert len([e for e in events if e.decoded("dtstart") in {lic.expiry for lic in expiring}]) >= len(expiring)


def test_the_calendar_is_published_with_the_site(small_plan):
    assert small_plan.files["calendar.ics"].startswith(b"BEGIN:VCALENDAR")


def test_customer_and_auditor_editions_say_where_the_evidence_is_in_words():
    from generator.site.evidence import in_words

    pages = {"Section « Numérotation » de la documentation": ("numbering.html", "Plan de numérotation"),
             "Section « A & B »": ("numbering-users.html", "Liste <des> utilisateurs")}
    html = ("<td>Section « Numérotation » de la documentation</td><td>Section « A &amp; B »</td>"
            "<td>voir Section « Numérotation » de la documentation</td><td>numbering.yaml:38:58</td>")
    assert in_words(html, "backup/index.html", pages) == (
        '<td><a href="../numbering.html">Plan de numérotation</a></td><td><a href="../numbering-users.html">Liste &lt;des&gt; utilisateurs</a></td>'
        "<td>voir Section « Numérotation » de la documentation</td><td>numbering.yaml:38:58</td>"
    )
    assert in_words(html, "index.html", {}) == html  # the integrator's edition cites the files


def test_the_evidence_pages_are_those_of_the_plan(small_plan, small_project, generated):
    from generator.site.plan import plan_site

    customer = plan_site(content_of(small_project, "fr", generated.date(), audience="customer"))
    assert customer.evidence["Section « Plan de numérotation et utilisateurs » de la documentation"] == ("numbering.html", "Plan de numérotation et utilisateurs")
    assert not any(".yaml" in words or ".csv" in words for words in customer.evidence)
    assert small_plan.evidence == {}  # the integrator's edition cites file:line:column


def test_the_home_page_offers_the_calendar_after_what_needs_attention(small_plan):
    home = small_plan.pages[0].markdown
    assert home.index("{#attention}") < home.index("(calendar.ics)") < home.index("## Qui appeler")


def test_printed_pages_carry_the_edition_in_their_margins(small_project, fr, generated):
    from generator.site.printing import css_string, print_css

    doc = small_project.pbxdoc.document
    css = print_css(small_project, fr, generated)
    assert css_string(f"{doc.id_prefix}-SITE-{doc.version}") [1:-1] in css and "counter(page)" in css and "counter(pages)" in css
    without = small_project.pbxdoc.model_copy(update={"document": doc.model_copy(update={"classification": None})})
    assert css_string("Confidentiel")[1:-1] in print_css(small_project.replace(pbxdoc=without), fr, generated)  # the catalogue's word
    assert css_string('a"}</style>') == '"a\\000022\\00007d\\00003c\\00002fstyle\\00003e"'


def test_diagram_nodes_that_draw_an_object_link_to_its_page(small_plan):
    from generator.site.figures import interactive_figures

    svg = small_plan.files["diagrams/overview-lau-pbx-01.svg"]
    assert b"pbxdoc&#45;object&#45;" in svg  # the diagram names the object its node draws
    page = '<figure>\n<p><img alt="Aperçu" src="diagrams/overview-lau-pbx-01.svg" /></p>'
    words = {k: k for k in ("full", "close", "zoom_in", "zoom_out", "reset", "download", "hint")}
    linked = interactive_figures(page.replace("diagrams/", "../diagrams/"), "backup/index.html", small_plan.files, words, small_plan.links)
    target = small_plan.links["lau-pbx-01"]
    assert f'<a class="pbxdoc-diagram__link" href="../{target}"><g id="d1-pbxdoc' in linked
    assert linked.count("<a ") == linked.count("</a>") and linked.count("<g") == linked.count("</g>")
    assert '<svg role="group"' in linked  # its links reach assistive technology
    plain = interactive_figures(page, "system.html", small_plan.files, words, {})
    assert "pbxdoc-diagram__link" not in plain and '<svg role="img"' in plain  # an object without a page: no link
