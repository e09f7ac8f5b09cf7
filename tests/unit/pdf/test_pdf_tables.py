"""Long tables in print: the header repeats on every page and no row is cut across pages."""

from __future__ import annotations

import datetime as dt
import subprocess

from generator.document import Document, Table
from generator.i18n import Translator
from generator.pdf.layout import Record, page
from generator.pdf.typeset import PdfJob, typeset

GENERATED = dt.datetime(2026, 11, 20, tzinfo=dt.timezone.utc)


def test_header_repeats_and_rows_stay_whole(small_project, tmp_path):
    rows = tuple((f"row-{i:03d}", f"first line {i:03d}\nsecond line {i:03d}\nthird line {i:03d}") for i in range(160))
    record = Record("table", "Long table", "Test", [Document("Users", [Table(("Extension header", "Notes header"), rows)])], ())
    t = Translator("en")
    html, resources, allowed = page(record, small_project, t, "integrator", GENERATED, [])
    result = typeset(PdfJob("pdf/t.pdf", html, resources, allowed, str(small_project.root), (), GENERATED))
    (tmp_path / "t.pdf").write_bytes(result.content)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "t.pdf"), "-"], check=True, capture_output=True, text=True).stdout
    pages = text.split("\f")[1:-1]  # after the title page
    table_pages = [p for p in pages if "row-" in p]
    assert len(table_pages) >= 3
    for content in table_pages:
        assert "Extension header" in content
    for i in range(160):
        holding = [n for n, content in enumerate(table_pages) if f"line {i:03d}" in content]
        assert len(holding) == 1, f"row {i} is split across pages {holding}"


def test_wide_diagram_gets_a_landscape_page_and_a_narrow_one_stays():
    from generator.pdf.layout import sized_figures

    wide = b'<svg width="736pt" height="547pt" viewBox="0 0 736 547"></svg>'
    small = b'<svg width="300pt" height="200pt" viewBox="0 0 300 200"></svg>'
    html = '<figure>\n<p><img alt="a" src="pbxdoc:diagrams/a.svg" /></p></figure><figure>\n<p><img alt="b" src="pbxdoc:diagrams/b.svg" /></p></figure>'
    out = sized_figures(html, {"diagrams/a.svg": wide, "diagrams/b.svg": small})
    assert out.count('<figure class="landscape">') == 1
    assert out.index('class="landscape"') < out.index("diagrams/a.svg") < out.index("diagrams/b.svg")
    assert 'width: 300.0pt; height: 200.0pt' in out


def test_page_references_are_made_once_and_give_the_same_pdf(small_project, monkeypatch):
    """pydyf's page_references, made anew on each use, is replaced by one made once per page count:
    a tagged PDF of several pages comes out byte for byte as with pydyf's own."""
    import pydyf

    from generator.pdf import typeset as typesetting

    pdf = pydyf.PDF()
    for _ in range(3):
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    expected = typesetting._PAGE_REFERENCES_OF_PYDYF.fget(pdf)
    assert typesetting._page_references(pdf) == expected and len(expected) == 3
    assert typesetting._page_references(pdf) is typesetting._page_references(pdf)
    pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    assert typesetting._page_references(pdf) == typesetting._PAGE_REFERENCES_OF_PYDYF.fget(pdf)

    rows = tuple((f"row-{i:03d}", f"note {i:03d}") for i in range(150))
    record = Record("table", "Long table", "Test", [Document("Users", [Table(("Extension", "Notes"), rows)])], ())
    html, resources, allowed = page(record, small_project, Translator("en"), "integrator", GENERATED, [])
    job = PdfJob("pdf/t.pdf", html, resources, allowed, str(small_project.root), (), GENERATED)
    faster = typeset(job)
    assert pydyf.PDF.page_references is typesetting._PAGE_REFERENCES
    monkeypatch.setattr(typesetting, "_faster_page_references", lambda: None)
    monkeypatch.setattr(pydyf.PDF, "page_references", typesetting._PAGE_REFERENCES_OF_PYDYF)
    assert faster.pages >= 3 and typeset(job).content == faster.content
