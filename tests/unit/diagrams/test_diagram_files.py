"""What every diagram file must be: self-contained, deterministic, embeddable by weasyprint."""

from __future__ import annotations

from diagram_fixtures import fr, grown  # noqa: F401  (fixtures)

import re
import xml.etree.ElementTree as ET
import subprocess
from pathlib import Path

import pytest

from generator.diagrams import icons, render_all, views
from generator.pipeline import RENDERERS


@pytest.fixture(scope="module")
def files(grown, fr):
    return render_all(grown, fr)


def test_paths_match_the_listed_views(files, grown, fr):
    listed = views(grown, fr)
    assert sorted(files) == sorted([v.path for v in listed] + [v.png for v in listed])
    assert all(path.startswith("diagrams/") for path in files)


def test_svg_is_self_contained(files):
    for path, content in files.items():
        if not path.endswith(".svg"):
            continue
        text = content.decode("utf-8")
        assert "href" not in text and "<image" not in text and "<!DOCTYPE" not in text, path
        assert not re.search(r"(/work/|/tmp/|/home/|file:|[A-Za-z]:\\)", text), path
        # Nothing that a viewer would fetch: no attribute names a URL or a file (customer text may
        # spell a backup destination such as sftp://..., which is only text).
        for element in ET.fromstring(content).iter():
            for name, value in element.attrib.items():
                assert "://" not in value and "url(" not in value and not name.endswith("href"), (path, element.tag, name, value)
        assert "<!--" not in text and "graphviz version" not in text.lower()
        assert 'class="icon icon-' in text  # the icons are there, as shapes of their own
        assert "<script" not in text and "<b>" not in text  # the grown project's hostile names stay text


def test_icons_are_plain_shapes():
    for name in icons.names():
        body = icons.shapes(name)
        assert body and not re.search(r"\b(id|href|style)=|<(image|text|style|script)", body), name


def test_byte_identical_on_rebuild(files, grown, fr):
    for _ in range(3):  # Graphviz runs that draw several graphs have been caught varying: try more than once
        again = render_all(grown.replace(), fr)
        assert again.keys() == files.keys()
        for path in files:
            assert again[path] == files[path], path


def test_png_is_a_png(files):
    pngs = [content for path, content in files.items() if path.endswith(".png")]
    assert pngs and all(p.startswith(b"\x89PNG\r\n\x1a\n") for p in pngs)


def test_a_changed_project_is_drawn_anew(grown, fr):
    first = render_all(grown, fr)
    changed = grown.replace(servers=[s.model_copy(update={"name": "Renamed"}) if s.id == "lau-pbx-01" else s for s in grown.servers])
    assert render_all(changed, fr)["diagrams/overview-lau-pbx-01.svg"] != first["diagrams/overview-lau-pbx-01.svg"]


def test_diagrams_renderer_runs_first():
    """The diagrams are the first renderer of the main thread; only the PDFs, which run alongside
    in worker processes, start before it (their book is the longest job of a build)."""
    assert [r.name for r in RENDERERS if not r.alongside][0] == "diagrams"
    assert [r.name for r in RENDERERS if r.alongside] == ["pdf"] and RENDERERS[0].name == "pdf"


def test_weasyprint_draws_the_svg(files, tmp_path):
    """The PDF records embed the SVG as vector: weasyprint must draw it, icons and text included."""
    from weasyprint import HTML

    svg_path = next(p for p in files if p.endswith(".svg"))
    (tmp_path / "d.svg").write_bytes(files[svg_path])
    (tmp_path / "d.html").write_text('<html><body style="margin:0"><img src="d.svg" style="width:100%"></body></html>', encoding="utf-8")
    HTML(filename=str(tmp_path / "d.html")).write_pdf(str(tmp_path / "d.pdf"))
    text = subprocess.run(["pdftotext", str(tmp_path / "d.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert "Aperçu des interfaces" in text or "Réseau" in text
    subprocess.run(["pdftoppm", "-r", "30", "-png", "-singlefile", str(tmp_path / "d.pdf"), str(tmp_path / "page")], check=True)
    assert (tmp_path / "page.png").stat().st_size > 2000  # more than a blank page


def test_translations_have_the_same_keys_in_every_language():
    from generator.i18n import LANGUAGES, catalogue

    keys = [{k for k in catalogue(lang) if k.startswith("diagrams.")} for lang in LANGUAGES]
    assert keys[0] and all(k == keys[0] for k in keys)


def test_svg_page_is_in_points_whatever_the_png_resolution(grown, fr):
    """One Graphviz run draws the PNG at PNG_DPI; the SVG must keep the size a plain run gives."""
    from generator.diagrams import overview, render
    from generator.diagrams.programs import run

    graph = overview.build(grown, fr, grown.servers, None, "x")
    svg, png = render.draw(graph, "x")
    plain = run("dot", "graphviz", ["-Tsvg"], graph.source().encode("utf-8")).decode("utf-8")
    pattern = r'<svg width="([\d.]+)pt" height="([\d.]+)pt"[\s\S]*?transform="scale\(([\d.]+)'
    ours = [float(v) for v in re.search(pattern, svg.decode("utf-8")).groups()]
    theirs = [float(v) for v in re.search(pattern, plain).groups()]
    assert ours == pytest.approx(theirs, abs=0.6) and ours[2] == pytest.approx(theirs[2], abs=0.006)
    width = int.from_bytes(png[16:20], "big")
    assert width == pytest.approx(ours[0] * render.PNG_DPI / 72, abs=2)


def test_every_language_draws_every_view(grown):
    from generator.i18n import LANGUAGES, Translator

    for lang in LANGUAGES:
        assert len(render_all(grown, Translator(lang))) == 2 * len(views(grown))
