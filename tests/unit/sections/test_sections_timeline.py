"""The licence expiry timeline: deterministic, escaped, self-contained, well-formed."""

from __future__ import annotations

from tests.helpers import content_of

import datetime as dt
import xml.etree.ElementTree as ET

from generator.i18n import Translator
from generator.model.operations import Licence, LicenceKind
from generator.sections import extra_figures
from sections_fixtures import small, today  # noqa: F401  (fixtures)

PATH = "figures/licences-timeline.svg"


def test_timeline_is_deterministic_and_well_formed(small, today):
    first = extra_figures(content_of(small, "fr", today).section_context)[PATH]
    assert first == extra_figures(content_of(small, "fr", today).section_context)[PATH]
    root = ET.fromstring(first)
    assert root.tag.endswith("svg")
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "3CX PRO 16 appels simultanés (annuel)" in texts
    assert any(t and t.startswith("Aujourd’hui") or t and t.startswith("Aujourd'hui") for t in texts)
    # a licence without expiry has no bar
    assert "Canaux SIP Peoplefone" not in texts


def test_timeline_escapes_hostile_names_and_fetches_nothing(small, today):
    hostile = Licence(id="lic-x", item='<script>alert(1)</script> & "x"', kind=LicenceKind.OTHER, system="lau-pbx-01", quantity=1,
                      expiry=dt.date(2027, 5, 1))
    svg = extra_figures(content_of(small.replace(licences=[*small.licences, hostile]), "en", today).section_context)[PATH].decode()
    assert "<script" not in svg and "&lt;script&gt;" in svg
    ET.fromstring(svg)
    for forbidden in ("href", "url(", "@import", "<image", "http://", "https://"):
        assert forbidden not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_no_expiry_means_no_timeline(small, today):
    undated = [lic.model_copy(update={"expiry": None}) for lic in small.licences]
    uncertified = [s.model_copy(update={"security": None}) for s in small.servers]  # certificates are on the timeline too
    assert extra_figures(content_of(small.replace(licences=undated, servers=uncertified), "de", today).section_context) == {}
