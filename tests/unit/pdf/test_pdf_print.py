"""Legible on paper: identifiers and phone numbers never broken, diagram text never under 6 pt."""

from __future__ import annotations

import re
import subprocess

from weasyprint import HTML

from generator.pdf.layout import MIN_PRINT_FONT_PT, TEXT_WIDTH_PT, sized_figures, smallest_font, unbreakable
from tests.pdf_text import broken_tokens


def _typeset_text(html: str, tmp_path) -> str:
    path = tmp_path / "t.pdf"
    HTML(string=html).write_pdf(path)
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout


TOKENS = {"LAU-PBX-01-TRUNK-PEOPLEFONE", "+41 21 555 80 00"}
NARROW = "<style>.nobr {{ white-space: nowrap }} td {{ width: 16mm; font-size: 9pt }}</style><table><tr><td>{}</td><td>x</td></tr></table>"


def test_a_narrow_column_breaks_identifiers_unless_they_are_marked(tmp_path):
    cell = "Trunk LAU-PBX-01-TRUNK-PEOPLEFONE, support +41 21 555 80 00"
    assert broken_tokens(_typeset_text(NARROW.format(cell), tmp_path), TOKENS)  # the trigger: plain text breaks
    marked = NARROW.format(unbreakable(f"<p>{cell}</p>")[3:-4])
    assert marked.count('class="nobr"') == 2
    assert broken_tokens(_typeset_text(marked, tmp_path), TOKENS) == set()


def test_only_text_is_marked_never_markup_and_long_urls_wrap_after_their_slashes(tmp_path):
    html = '<p><a href="https://x-y.example/a-b">see LAU-PBX-01</a> https://very-long.example.ch/a/path/that-is/longer-than/forty-characters</p>'
    marked = unbreakable(html)
    assert 'href="https://x-y.example/a-b"' in marked and '<span class="nobr">LAU-PBX-01</span>' in marked
    assert '<span class="nobr">https://</span><span class="nobr">very-long.example.ch/</span>' in marked
    assert '<span class="nobr">longer-than/</span><span class="nobr">forty-characters</span></p>' in marked
    url = "https://mtx-pbx-01.cdl.local/provisioning"
    cell = f"option 43/66 {url}"
    assert "mtx-pbx-01" not in _typeset_text(NARROW.format(cell), tmp_path)  # the trigger: broken at a hyphen of the host
    text = _typeset_text(NARROW.format(unbreakable(f"<p>{cell}</p>")[3:-4]), tmp_path)
    assert broken_tokens(text, {"mtx-pbx-01"}) == set() and "mtx-pbx-01.cdl.local/" in text
    assert unbreakable("<p>plain words, no token</p>") == "<p>plain words, no token</p>"


def _svg(width: float, font: float, view: float | None = None) -> bytes:
    view = view or width
    return f'<svg width="{width}pt" height="{width / 2}pt" viewBox="0 0 {view} {view / 2}"><text font-size="{font:.2f}">a</text></svg>'.encode()


FIGURE = '<figure>\n<p><img alt="d" src="pbxdoc:diagrams/d.svg" /></p></figure>'


def _printed_font(html: str, svg: bytes) -> float:
    width = float(re.search(r'width="([\d.]+)pt"', svg.decode()).group(1))
    shown = float(re.search(r"width: ([\d.]+)pt", html).group(1))
    return smallest_font(svg) * shown / width


def test_smallest_font_follows_the_viewbox():
    assert smallest_font(_svg(400, 8)) == 8
    assert smallest_font(_svg(400, 8, view=800)) == 4  # user units are half a point
    assert smallest_font(b'<svg width="10pt" height="10pt"></svg>') is None


def test_small_text_that_a_portrait_page_shrinks_goes_landscape():
    svg = _svg(TEXT_WIDTH_PT * 1.5, 8)  # portrait: 8 / 1.5 = 5.3 pt
    html = sized_figures(FIGURE, {"diagrams/d.svg": svg})
    assert '<figure class="landscape">' in html and _printed_font(html, svg) >= MIN_PRINT_FONT_PT


def test_a_diagram_whose_text_stays_under_6_pt_is_not_printed_but_named():
    svg = _svg(TEXT_WIDTH_PT * 4, 9)
    html = sized_figures(FIGURE, {"diagrams/d.svg": svg}, lambda path: f"see {path}")
    assert "see diagrams/d.svg" in html and 'style="display: none"' in html


def test_a_legible_diagram_keeps_its_page_and_size():
    svg = _svg(300, 9)
    html = sized_figures(FIGURE, {"diagrams/d.svg": svg})
    assert "landscape" not in html and "width: 300.0pt" in html and _printed_font(html, svg) == 9
