"""A hostile payload in every free-text field of the model reaches every output as text, and
nothing else: no element or attribute of it in the site's HTML or the SVGs, no Jinja evaluated,
no raw control character, the text itself in the PDFs and as text cells in the workbook."""

from __future__ import annotations

import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest

from generator.audience import Audience
from generator.load import EXAMPLES, SMALL_EXAMPLE, validate
from generator.pipeline import BuildOptions, build
from tests.e2e.hostile import PAYLOAD, text_fields, write_hostile_project

pytestmark = pytest.mark.slow

SHOWN = "onerror=alert(101)"  # a piece of the payload that every output must show as text
JINJA_RESULT = str(7 * 191)  # what the payload's {{ 7*191 }} would print if a template ran it
LINK_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "srcset"}
SVG_ELEMENTS = {"svg", "g", "title", "desc", "defs", "path", "polygon", "polyline", "line", "rect", "circle", "ellipse", "text", "tspan", "image", "style"}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, Path, set]:
    """(project, OUT, planted fields): the hostile project built once, every renderer, in English."""
    root = tmp_path_factory.mktemp("hostile")
    planted = write_hostile_project(EXAMPLES / SMALL_EXAMPLE, root / "project")
    build(root / "project", BuildOptions(out=root / "out", lang="en", audience=Audience.INTEGRATOR))
    return root / "project", root / "out", planted


def test_the_payload_is_planted_in_every_text_field_of_the_model(hostile):
    project, _, planted = hostile
    assert planted == text_fields()
    assert len(planted) > 100
    loaded, report = validate(project)
    assert loaded is not None, [str(d) for d in report.errors]
    assert loaded.pbxdoc.customer.name == PAYLOAD.strip()


def test_every_output_file_name_is_plain(hostile):
    _, out, _ = hostile
    for path in out.rglob("*"):
        relative = path.relative_to(out).as_posix()
        assert re.fullmatch(r"[A-Za-z0-9._/-]+", relative) and ".." not in relative.split("/"), relative


class _Elements(HTMLParser):
    """Every element with its attributes, and the text of scripts apart from the rest."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {k: v or "" for k, v in attrs}))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        (self.scripts if self._in_script else self.text).append(data)


def _injected(tag: str, attributes: dict[str, str]) -> list[str]:
    found = [f"<{tag} {name}=...>" for name in attributes if name.startswith("on")]
    for name, value in attributes.items():
        target = value.strip().lower()
        if name in LINK_ATTRIBUTES and (target.startswith(("javascript:", "vbscript:")) or "evil.example" in target or target == "x"):
            found.append(f"<{tag} {name}={value[:40]!r}>")
    return found


def test_site_html_holds_no_element_or_attribute_of_the_payload(hostile):
    _, out, _ = hostile
    pages = sorted((out / "site").rglob("*.html"))
    assert len(pages) > 10
    shown = 0
    for page in pages:
        source = page.read_text(encoding="utf-8")
        assert "\x00" not in source and "\x1b" not in source and "\u202e" not in source, page
        parsed = _Elements()
        parsed.feed(source)
        injected = [found for tag, attributes in parsed.elements for found in _injected(tag, attributes)]
        assert injected == [], (page.name, injected[:5])
        assert not any("alert(10" in script for script in parsed.scripts), page.name
        # Attribute values hold the payload once escaped, never as "&lt;" shown to the reader.
        assert not any("&lt;" in value for _, attributes in parsed.elements for value in attributes.values()), page.name
        text = "".join(parsed.text)
        assert JINJA_RESULT not in text, page.name
        shown += SHOWN in text
    assert shown > 10  # the payload is on the pages, as text


def test_site_search_index_keeps_the_payload_escaped(hostile):
    _, out, _ = hostile
    index = json.loads((out / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = [doc["title"] + doc["text"] for doc in index["docs"]]
    assert any("onerror=alert(101)" in t for t in texts)
    assert not any(re.search(r"<(img|script|svg|a)\b", t) for t in texts)


def test_svgs_parse_and_hold_the_payload_as_text_only(hostile):
    _, out, _ = hostile
    svgs = sorted(out.rglob("*.svg"))
    assert len(svgs) >= 5
    for path in svgs:
        root = ElementTree.fromstring(path.read_bytes())  # a NUL or a stray '<' would not parse
        for element in root.iter():
            tag = element.tag.rpartition("}")[2]
            assert tag in SVG_ELEMENTS, (path.name, tag)
            for name, value in element.attrib.items():
                name = name.rpartition("}")[2]
                assert not name.startswith("on"), (path.name, name)
                if name == "href":
                    assert value.startswith(("data:image/", "#")), (path.name, value[:60])
        text = "".join(root.itertext())
        assert JINJA_RESULT not in text
        if path.parent.name == "diagrams" and path.parent.parent == out:
            assert SHOWN in text, path.name


def test_pdfs_show_the_payload_as_text(hostile, tmp_path):
    _, out, _ = hostile
    pdfs = sorted((out / "pdf").glob("*.pdf"))
    assert len(pdfs) >= 5
    for pdf in pdfs:
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True).stdout.decode("utf-8")
        flat = re.sub(r"\s+", "", text)
        assert SHOWN in flat and "{{7*191}}" in flat and "<U+001B>" in flat, pdf.name
        assert "\x1b" not in text and JINJA_RESULT not in flat, pdf.name


def test_workbook_cells_hold_the_payload_as_text(hostile):
    _, out, _ = hostile
    (path,) = sorted((out / "xlsx").glob("*.xlsx"))
    cells = [cell for sheet in openpyxl.load_workbook(path) for row in sheet.iter_rows() for cell in row]
    planted = [cell for cell in cells if isinstance(cell.value, str) and SHOWN in cell.value]
    assert len(planted) > 50
    assert {cell.data_type for cell in planted} == {"s"}
    assert not any(cell.data_type == "f" for cell in cells)


def test_model_json_round_trips_the_payload(hostile):
    _, out, _ = hostile
    model = json.loads((out / "data" / "model.json").read_text(encoding="utf-8"))
    assert model["model"]["pbxdoc"]["customer"]["name"] == PAYLOAD.strip()
