"""End to end: build the example's PDFs and inspect the real files (text, fonts, PDF/A, sources,
determinism, verification)."""

from __future__ import annotations

from tests.helpers import content_of

import re
import subprocess
from pathlib import Path

import pypdf
import pytest
from typer.testing import CliRunner

from generator.audience import Audience
from generator.checks.report import tool_version
from generator.cli import app
from generator.load import EXAMPLES, SMALL_EXAMPLE
from generator.logo import logo_of
from generator.pipeline import BuildOptions, build, build_pdfs

ROOT = EXAMPLES / SMALL_EXAMPLE


def _build(out: Path, audience: Audience = Audience.INTEGRATOR):
    return build(ROOT, BuildOptions(out=out, only=("pdf",), audience=audience))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, object]:
    out = tmp_path_factory.mktemp("pdf-a") / "out"
    return out, _build(out)


REBUILT = ("book", "commissioning", "audit")  # between them, every part of the machinery


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pdf-b") / "out"
    build_pdfs(ROOT, out, None, Audience.INTEGRATOR, REBUILT)
    return out


def _pdfs(out: Path) -> dict[str, Path]:
    return {p.name: p for p in sorted((out / "pdf").glob("*.pdf"))}


def _xobject_subtypes(reader: pypdf.PdfReader) -> set[tuple[str, int | None, int | None]]:
    """Subtype (and size, for an image) of every XObject the pages draw, forms searched recursively."""
    found: set[tuple[str, int | None, int | None]] = set()
    seen: set[int] = set()

    def walk(resources) -> None:
        xobjects = resources.get_object().get("/XObject") if resources else None
        for ref in (xobjects.get_object().values() if xobjects else ()):
            if ref.idnum in seen:
                continue
            seen.add(ref.idnum)
            obj = ref.get_object()
            found.add((obj["/Subtype"], obj.get("/Width"), obj.get("/Height")))
            walk(obj.get("/Resources"))

    for page in reader.pages:
        walk(page.get("/Resources"))
    return found


def _text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout


def test_every_record_is_written_and_listed_in_the_manifest(built):
    out, result = built
    names = set(_pdfs(out))
    expected = {"FRO-TEL-COMMISSIONING-1.3-fr-internal.pdf", "FRO-TEL-HANDOVER-1.3-fr-internal.pdf", "FRO-TEL-DISCHARGE-1.3-fr-internal.pdf", "FRO-TEL-AUDIT-1.3-fr-internal.pdf", "FRO-TEL-BOOK-1.3-fr-internal.pdf"}
    expected |= {f"FRO-TEL-RUNBOOK-{s.id.upper()}-1.3-fr-internal.pdf" for s in result.project.servers}
    assert names == expected
    for name in names:
        assert f"pdf/{name}" in result.manifest["files"]


def test_commissioning_text_matches_the_data(built):
    out, result = built
    project = result.project
    path = out / "pdf" / "FRO-TEL-COMMISSIONING-1.3-fr-internal.pdf"
    text = _text(path)
    flat = re.sub(r"\s+", " ", text)
    assert "Procès-verbal de mise en service" in flat
    assert project.pbxdoc.customer.name in flat
    # The record prints the digest of the data files it embeds: a reader recomputes it from them.
    from generator.pdf.render import sources_digest
    from generator.pdf.typeset import SourceFile

    attached = [SourceFile(name, "", data[0]) for name, data in pypdf.PdfReader(path).attachments.items()]
    assert "FRO-TEL-COMMISSIONING-1.3" in flat and sources_digest(attached) in flat.replace(" ", "")
    for server in project.servers:
        assert server.software_version in flat
    for test in project.commissioning.tests:
        assert test.id in flat
    assert "7 tests : 7 réussis, 0 échoué, 0 non testé." in flat
    signatories = [project.contact_by_id[c].name for c in (project.commissioning.acceptance.integrator_signatory, project.commissioning.acceptance.customer_signatory)]
    for name in signatories:
        assert name in flat
    assert "Lieu" in flat and "Signature" in flat
    pages = len(pypdf.PdfReader(out / "pdf" / "FRO-TEL-COMMISSIONING-1.3-fr-internal.pdf").pages)
    assert [f"Page {n} / {pages}" in flat for n in range(1, pages + 1)] == [True] * pages


def test_book_has_contents_bookmarks_running_headers_and_vector_diagrams(built):
    from generator.i18n import Translator
    from generator.sections import build_sections

    out, result = built
    path = out / "pdf" / "FRO-TEL-BOOK-1.3-fr-internal.pdf"
    reader = pypdf.PdfReader(path)
    titles = [d.title for d in content_of(result.project, "fr").sections]
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert outline == titles
    contents = _text(path).split("\f")[2]  # after the title page and the document control page
    for title in titles:
        assert re.search(re.escape(title) + r"\s+\d+\n", contents), title
    for number, page in enumerate(_text(path).split("\f")[1:-1], start=2):
        header = page.strip().splitlines()[0]
        assert "Fiduciaire Rochat SA" in header and "CONFIDENTIEL" in header
        assert f"Page {number} / {len(reader.pages)}" in page
    # The interface overview is vector: its labels are text, and the book's only raster image is
    # the integrator's logo (an SVG logo is published as a PNG drawn from it: generator.logo).
    assert any("Trunk SIP Peoplefone" in (p.extract_text() or "") and "Réseau public" in (p.extract_text() or "") for p in reader.pages)
    logo = logo_of(result.project).content
    logo_size = (int.from_bytes(logo[16:20], "big"), int.from_bytes(logo[20:24], "big"))  # the PNG's IHDR
    assert {kind for kind, _, _ in _xobject_subtypes(reader)} == {"/Form", "/Image"}
    assert {(w, h) for kind, w, h in _xobject_subtypes(reader) if kind == "/Image"} == {logo_size}


def test_fonts_are_all_embedded(built):
    out, _ = built
    for path in _pdfs(out).values():
        listing = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout.splitlines()[2:]
        assert listing, path.name
        for line in listing:
            assert re.search(r"\syes\s+yes\s+yes\s", line), f"{path.name}: {line}"


def test_pdfa_3a_identification_and_metadata(built):
    out, result = built
    reader = pypdf.PdfReader(out / "pdf" / "FRO-TEL-COMMISSIONING-1.3-fr-internal.pdf")
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r'pdfaid:part="3"', xmp) and re.search(r'pdfaid:conformance="A"', xmp)
    assert f"<xmp:CreatorTool>pbxdoc {tool_version()}</xmp:CreatorTool>" in xmp and reader.metadata["/Creator"] == f"pbxdoc {tool_version()}"
    assert "2026-11-20T00:00:00+00:00" in xmp and "Procès-verbal de mise en service" in xmp
    info = reader.metadata
    assert info.author == result.project.pbxdoc.document.author
    assert info["/CreationDate"] == info["/ModDate"] == "D:20261120000000+00'00"
    assert reader.trailer["/Root"]["/Lang"] == "fr"


def test_source_files_are_embedded_with_fixed_dates(built):
    out, result = built
    reader = pypdf.PdfReader(out / "pdf" / "FRO-TEL-COMMISSIONING-1.3-fr-internal.pdf")
    attachments = reader.attachments
    assert set(attachments) == {"pbxdoc.yaml", "sites.yaml", "contacts.yaml", "servers.yaml", "interfaces.yaml", "terminals.yaml", "dect.yaml", "licences.yaml", "commissioning.yaml", "numbering.yaml", "routing.yaml", "users.csv"}  # the test calls read routing, numbers and users
    assert attachments["commissioning.yaml"][0] == (ROOT / "commissioning.yaml").read_bytes()
    root = reader.trailer["/Root"]
    names = root["/Names"]["/EmbeddedFiles"]["/Names"]
    specs = [names[i + 1].get_object() for i in range(0, len(names), 2)]
    assert len(specs) == 12 and [ref.idnum for ref in root["/AF"]] == [names[i + 1].idnum for i in range(0, len(names), 2)]
    for spec in specs:
        assert spec["/AFRelationship"] == "/Source"
        params = spec["/EF"]["/F"].get_object()["/Params"]
        assert params["/CreationDate"] == params["/ModDate"] == "D:20261120000000Z"


def test_rebuilds_are_byte_identical(built, rebuilt):
    out, _ = built
    first, second = _pdfs(out), _pdfs(rebuilt)
    assert len(second) == len(REBUILT)
    for name in second:
        assert first[name].read_bytes() == second[name].read_bytes(), name


def test_verify_catches_a_modified_byte(built, tmp_path):
    import shutil

    out, _ = built
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    runner = CliRunner()
    assert runner.invoke(app, ["verify", str(copy)]).exit_code == 0
    target = copy / "pdf" / "FRO-TEL-AUDIT-1.3-fr-internal.pdf"
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0x01
    target.write_bytes(bytes(data))
    outcome = runner.invoke(app, ["verify", str(copy)])
    assert outcome.exit_code == 1
    assert "changed: pdf/FRO-TEL-AUDIT-1.3-fr-internal.pdf" in outcome.output


def test_customer_audience_sees_no_secret_reference(tmp_path):
    """Secret references (vault:...) are for the integrator: not in the text nor the attachments."""
    out = tmp_path / "out"
    build_pdfs(ROOT, out, None, Audience.CUSTOMER, ("book", "handover"))
    pdfs = _pdfs(out)
    assert set(pdfs) == {"FRO-TEL-BOOK-1.3-fr-customer.pdf", "FRO-TEL-HANDOVER-1.3-fr-customer.pdf"}
    for path in pdfs.values():
        assert "vault:" not in _text(path)
        attachments = pypdf.PdfReader(path).attachments
        assert "servers.customer.yaml" in attachments
        for name, contents in attachments.items():
            assert b"vault:" not in contents[0], name


def test_structure_is_valid_for_qpdf(built):
    out, _ = built
    for path in _pdfs(out).values():
        check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr


def test_pdf_command_makes_one_record_dated_by_source_date_epoch(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    runner = CliRunner()
    outcome = runner.invoke(app, ["pdf", str(ROOT), "-o", str(tmp_path / "out"), "--record", "discharge", "--lang", "de"])
    assert outcome.exit_code == 0, outcome.output
    pdfs = _pdfs(tmp_path / "out")
    assert list(pdfs) == ["FRO-TEL-DISCHARGE-1.3-de-customer.pdf"]
    text = re.sub(r"\s+", " ", _text(pdfs["FRO-TEL-DISCHARGE-1.3-de-customer.pdf"]))
    assert "Haftungsausschluss" in text and "01.01.2026" in text
    reader = pypdf.PdfReader(pdfs["FRO-TEL-DISCHARGE-1.3-de-customer.pdf"])
    assert "2026-01-01T00:00:00+00:00" in reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert runner.invoke(app, ["verify", str(tmp_path / "out")]).exit_code == 0
    refused = runner.invoke(app, ["pdf", str(ROOT), "-o", str(tmp_path / "other"), "--record", "nothing"])
    assert refused.exit_code == 2 and "unknown record 'nothing'" in refused.output


def test_records_are_tagged_with_a_marked_structure_tree(built):
    """PDF/A-3a: a logical structure (headings, paragraphs, tables) that screen readers follow."""
    out, _ = built
    for path in _pdfs(out).values():
        root = pypdf.PdfReader(path).trailer["/Root"]
        assert bool(root["/MarkInfo"]["/Marked"]), path.name
        tree = root["/StructTreeRoot"].get_object()
        assert tree["/Type"] == "/StructTreeRoot" and "/ParentTree" in tree and tree["/K"], path.name


def test_the_title_page_reads_in_order_without_hidden_header_text(built):
    """Running headers come from attributes, not hidden text, and the DRAFT mark is a drawing:
    the title page's text is its letterhead, title and identification, each once, in that order."""
    out, result = built
    for path in _pdfs(out).values():
        reader = pypdf.PdfReader(path)
        title = str(reader.metadata["/Title"]).split(" — ")[0]
        first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(path), "-"], check=True, capture_output=True, text=True).stdout
        lines = [line.strip() for line in first.splitlines() if line.strip()]
        assert lines[1] == result.project.pbxdoc.integrator.name, (path.name, lines[:3])  # after the header line
        assert " ".join(first.split()).count(title) == 1, (path.name, title)
        assert not [line for line in lines if len(line) == 1], path.name  # no letters scattered by a rotated mark
        flat = " ".join(first.split())
        order = [flat.index(s) for s in (result.project.pbxdoc.integrator.name, title, path.stem)]
        assert order == sorted(order), path.name


def test_a_draft_says_so_as_text_on_every_page(built):
    out, _ = built
    path = out / "pdf" / "FRO-TEL-AUDIT-1.3-fr-internal.pdf"
    pages = _text(path).split("\f")[:-1]
    assert pages and all("PROJET — NON ÉMIS" in page.strip().splitlines()[0] for page in pages)
