"""The one escaping layer: each output format's function, and no escaping by hand elsewhere."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import markdown as md
import pytest

from generator import escaping
from generator.document import MARKDOWN_EXTENSIONS

PACKAGE = Path(escaping.__file__).resolve().parent
PAYLOAD = "<img src=x onerror=alert(1)></script>[x](javascript:alert(1)) ![i](http://e/x.png) {{ 7*7 }} {% if %} `code` a|b \x00\x1b[31m ../ \u202e"


def test_control_characters_become_visible_code_points():
    assert escaping.visible("a\x00b\x1bc\x7fd\u202ee\r\nf\tg") == "a<U+0000>b<U+001B>c<U+007F>d<U+202E>e\nf\tg"


def test_markdown_renders_the_payload_as_text_only():
    html = md.markdown(escaping.markdown(PAYLOAD), extensions=MARKDOWN_EXTENSIONS)
    assert re.findall(r"<(\w+)", html) == ["p"], html
    assert "href" not in html and "src=" not in html.replace("src=x", "")
    assert "\x00" not in html and "\x1b" not in html


@pytest.mark.parametrize("start", ["- item", "+ item", "1. item", "> quote", "# title"])
def test_markdown_line_starts_stay_text(start):
    html = md.markdown(escaping.markdown(start), extensions=MARKDOWN_EXTENSIONS)
    assert html == f"<p>{start.replace('>', '&gt;')}</p>"


def test_html_text_parses_as_text_in_xml():
    element = ElementTree.fromstring(f'<t a="{escaping.html_text(PAYLOAD)}">{escaping.html_text(PAYLOAD)}</t>')
    assert list(element) == []
    assert "<img src=x" in element.text and element.get("a") == element.text


def test_url_path_keeps_a_link_a_link():
    assert escaping.url_path("downloads/pdf/A-1.3.pdf") == "downloads/pdf/A-1.3.pdf"
    assert escaping.url_path("downloads/a b)<img>.pdf") == "downloads/a%20b%29%3Cimg%3E.pdf"


@pytest.mark.parametrize("path", ["javascript:alert(1)", "/etc/passwd", "../up.pdf", "a/../../b", "http://example.org/x"])
def test_url_path_refuses_what_leaves_the_output(path):
    with pytest.raises(ValueError):
        escaping.url_path(path)


def test_graphviz_label_and_string():
    label = escaping.graphviz_label("<b>bold</b> & \x00", 80)
    assert label == "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;U+0000&gt;"
    assert escaping.graphviz_string('a"b\\c\nd') == '"a\\"b\\\\c d"'


def test_nothing_else_escapes_by_hand():
    """html.escape and markupsafe's escape are called from generator.escaping only (Jinja's
    autoescape is the template side of the same rule)."""
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "escaping.py" and path.parent == PACKAGE:
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"\bhtml\.escape\(|from html import escape|markupsafe import .*\bescape\b|xml\.sax\.saxutils", text):
            offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []
