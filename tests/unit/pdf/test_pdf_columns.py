"""Long tables get their column widths from generator.pdf.columns: the widths weasyprint's own
automatic layout gives, without measuring every cell while typesetting."""

from __future__ import annotations

import re

import pytest
from weasyprint import HTML

from generator.pdf.columns import MIN_ROWS, _faces, column_widths
from generator.pdf.columns import fixed_columns as fixed_columns_of
from generator.pdf.layout import CELL_SIDE_MM, TABLE_SIZE, TEMPLATES
from generator.pdf.layout import TEXT_WIDTH_PT as CONTENT_WIDTH

FONTS = TEMPLATES / "fonts"
SIZE = float(TABLE_SIZE.removesuffix("pt"))
PADDING = {wide: side / 25.4 * 72 for wide, side in CELL_SIDE_MM.items()}  # points each side of a cell


def fixed_columns(html: str, fonts, size: float) -> str:
    """The tables of the HTML as a record of pbxdoc's lays them out (its text width and paddings)."""
    return fixed_columns_of(html, fonts, size, CONTENT_WIDTH, PADDING)


def table(rows: list[tuple[str, ...]], head: tuple[str, ...], wide: bool = False) -> str:
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>\n" for row in rows)
    opening = '<table class="wide">' if wide else "<table>"
    return f"{opening}\n<thead>\n<tr>" + "".join(f"<th>{h}</th>" for h in head) + f"</tr>\n</thead>\n<tbody>\n{cells}</tbody>\n</table>"


USERS = [
    (f'<span class="nobr">{1000 + i}</span>', f"Collaborateur numéro {i} du service {'comptabilité' if i % 3 else 'réception et accueil des patients'}", f'<span class="nobr">+41 21 555 {i // 100:02d} {i % 100:02d}</span>', "Oui" if i % 2 else "Non<br>(hot desking)")
    for i in range(40)
]
HEAD = ("Poste", "Nom", "Numéro direct", "Messagerie")


def test_a_long_table_gets_fixed_columns_and_a_short_one_keeps_automatic_layout():
    long, short = table(USERS, HEAD), table(USERS[: MIN_ROWS - 1], HEAD)
    out = fixed_columns(long + short, FONTS, SIZE)
    assert out.count('<table class="fixed"><colgroup>') == 1 and out.count("<table>") == 1
    shares = [float(x) for x in re.findall(r'width: ([\d.]+)%', out)]
    assert len(shares) == 4 and sum(shares) == pytest.approx(100, abs=0.01)
    assert shares[1] == max(shares)  # the names are the longest lines
    assert fixed_columns(table(USERS, HEAD, wide=True), FONTS, SIZE).startswith('<table class="wide fixed"><colgroup>')


def test_no_column_is_narrower_than_its_longest_word():
    shares = column_widths(table(USERS, HEAD), PADDING[False], _faces(FONTS), SIZE, CONTENT_WIDTH)
    faces = _faces(FONTS)
    longest_number = faces["regular"].width("+41 21 555 00 00", SIZE) + 2 * PADDING[False]
    assert shares[2] * CONTENT_WIDTH >= longest_number
    assert shares[3] * CONTENT_WIDTH >= faces["bold"].width("Messagerie", SIZE) + 2 * PADDING[False]


def test_tables_it_cannot_measure_keep_automatic_layout():
    spanning = table(USERS, HEAD).replace("<td>Oui</td>", '<td colspan="2">Oui</td>', 1)
    unknown = table(USERS, HEAD).replace("<td>Oui</td>", "<td><img src=x></td>", 1)
    too_wide = table([tuple("Mot" + "x" * 60 for _ in range(4))] * MIN_ROWS, HEAD)  # four 60-letter words side by side
    facts = table(USERS, HEAD).replace("<table>", '<table class="facts">')
    for html in (spanning, unknown, too_wide, facts):
        assert fixed_columns(html, FONTS, SIZE) == html


def _column_widths(html: str) -> list[float]:
    """The column widths weasyprint gives the first table of the HTML, in points."""
    css = f"@page {{ size: A4; margin: 24mm 18mm 22mm 20mm; }} html {{ font-family: 'Liberation Sans'; }} table {{ width: 100%; border-collapse: collapse; font-size: {TABLE_SIZE}; }} th {{ font-weight: bold; padding: 1.3mm 1.8mm; }} td {{ padding: 1.1mm 1.8mm; overflow-wrap: break-word; }} .nobr {{ white-space: nowrap; display: inline-block; }} table.fixed {{ table-layout: fixed; }}"
    fonts = "".join(f'@font-face {{ font-family: "Liberation Sans"; src: url("{(FONTS / name).as_uri()}"); font-weight: {weight}; }}' for name, weight in (("LiberationSans-Regular.ttf", "normal"), ("LiberationSans-Bold.ttf", "bold")))
    document = HTML(string=f"<html><head><style>{fonts}{css}</style></head><body>{html}</body></html>").render()
    boxes = [document.pages[0]._page_box]
    while boxes:
        box = boxes.pop()
        if hasattr(box, "column_widths") and box.column_widths:
            return list(box.column_widths)
        boxes.extend(getattr(box, "children", []))
    raise AssertionError("no table laid out")


def test_the_widths_are_those_of_weasyprint_s_automatic_layout():
    """Same table laid out both ways: each column within 1 % of the page's width of the automatic one."""
    html = table(USERS, HEAD)
    automatic, fixed = _column_widths(html), _column_widths(fixed_columns(html, FONTS, SIZE))
    assert len(automatic) == len(fixed) == 4
    for auto_width, fixed_width in zip(automatic, fixed):
        assert abs(auto_width - fixed_width) <= 0.01 * CONTENT_WIDTH, (automatic, fixed)


def test_identifiers_stay_whole_in_a_long_table_of_a_record(small_project, tmp_path):
    """Through the record's own HTML and stylesheet: the long table is laid out fixed, and each
    identifier and phone number (spans that never wrap, inline in such a table) is printed whole."""
    import datetime as dt
    import subprocess

    from generator.document import Document, Table
    from generator.i18n import Translator
    from generator.pdf.layout import Record, page
    from generator.pdf.typeset import PdfJob, typeset

    generated = dt.datetime(2026, 11, 20, tzinfo=dt.timezone.utc)
    rows = tuple(
        (f"LAU-PBX-{i:02d}-SIP-TRUNK-{i:03d}", f"+41 21 555 {i // 100:02d} {i % 100:02d}", f"Remarque {i} " * (1 + i % 9), f"10.{i}.0.0/24", "oui" if i % 2 else "non")
        for i in range(60)
    )
    record = Record("table", "Trunks", "Test", [Document("Trunks", [Table(("Trunk", "Numéro", "Remarques", "Réseau", "Secours"), rows)])], ())
    html, resources, allowed = page(record, small_project, Translator("fr"), "integrator", generated, [])
    assert html.count('fixed"><colgroup>') == 1
    (tmp_path / "t.pdf").write_bytes(typeset(PdfJob("pdf/t.pdf", html, resources, allowed, str(small_project.root), (), generated)).content)
    text = subprocess.run(["pdftotext", "-raw", str(tmp_path / "t.pdf"), "-"], check=True, capture_output=True, text=True).stdout
    for trunk, number, _, network, _ in rows:
        assert trunk in text and number in text and network in text
