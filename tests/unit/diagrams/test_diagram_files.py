"""What every diagram file must be: self-contained, deterministic, embeddable by weasyprint."""

from __future__ import annotations

from diagram_fixtures import fr, grown  # noqa: F401  (fixtures)

import re
import xml.etree.ElementTree as ET
import subprocess
from pathlib import Path

import pytest

from generator.diagrams import icons, render_all, views
from generator.renderers import RENDERERS


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
        assert "#fe00" not in text  # every icon placeholder was replaced by its icon


def test_icons_are_plain_shapes():
    for name in icons.names():
        body = icons.shapes(name)
        assert body and not re.search(r"\b(id|href|style)=|<(image|text|style|script)", body), name


def test_byte_identical_on_rebuild(files, grown, fr):
    again = render_all(grown, fr)
    assert again.keys() == files.keys()
    for path in files:
        assert again[path] == files[path], path


def test_png_is_a_png(files):
    pngs = [content for path, content in files.items() if path.endswith(".png")]
    assert pngs and all(p.startswith(b"\x89PNG\r\n\x1a\n") for p in pngs)


def test_diagrams_renderer_runs_first():
    assert RENDERERS[0].name == "diagrams"


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
