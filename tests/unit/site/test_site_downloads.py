import datetime as dt
import hashlib
import io

from pypdf import PdfWriter
from pypdf.generic import NameObject, TextStringObject

from generator.i18n import Translator
from generator.site.downloads import build_outputs, human_size, project_attachments


def test_build_outputs_lists_pdfs_and_workbooks_with_hashes(tmp_path):
    (tmp_path / "pdf" / "fr").mkdir(parents=True)
    (tmp_path / "xlsx").mkdir()
    (tmp_path / "data").mkdir()
    pdf = _pdf(tmp_path / "pdf" / "fr" / "CDL-TEL-PV-3.2.pdf", "PV de mise en service", "fr-CH")
    (tmp_path / "xlsx" / "inventaire.xlsx").write_bytes(b"PK workbook")
    (tmp_path / "data" / "model.json").write_text("{}")
    found = build_outputs(tmp_path, Translator("fr"), "customer")
    assert [d.site_path for d in found] == [
        "downloads/pdf/pv-de-mise-en-service-cdl-tel-pv-3-2-fr-customer.pdf", "downloads/xlsx/classeur-du-client-fr-customer.xlsx"]
    assert [(d.title, d.kind, d.language, d.audience) for d in found] == [
        ("PV de mise en service", "Document PDF", "fr", "customer"), ("Classeur du client", "Classeur Excel", "fr", "customer")]
    assert found[0].size == len(pdf)
    assert found[0].sha256 == hashlib.sha256(pdf).hexdigest()


def _pdf(path, title: str, lang: str) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    writer.add_metadata({"/Title": title})
    writer._root_object[NameObject("/Lang")] = TextStringObject(lang)
    buffer = io.BytesIO()
    writer.write(buffer)
    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


def test_no_staging_means_no_build_outputs(tmp_path):
    assert build_outputs(None) == []
    assert build_outputs(tmp_path / "missing") == []


def test_only_passive_customer_files_are_published(small_project):
    attached = project_attachments(small_project)
    assert set(attached) == {"doc-pv", "doc-discharge", "doc-dataproc"}  # the rack photo is an SVG
    assert attached["doc-pv"].site_path.startswith("downloads/documents/doc-pv-") and attached["doc-pv"].site_path.endswith(".txt")


def test_sizes_are_formatted_for_the_locale():
    assert human_size(512, Translator("en")) == "512 bytes"
    assert human_size(1536, Translator("fr")) == "1,5 Kio"
    assert human_size(3 * 1024 * 1024, Translator("de")) == "3.0 MiB"


def test_download_table_lists_build_files_then_attachments(tmp_path, small_project):
    from generator.document import Table
    from generator.site.downloads import download_blocks

    (tmp_path / "pdf").mkdir()
    pdf = _pdf(tmp_path / "pdf" / "X-BOOK-1.pdf", "Dossier", "en")
    en = Translator("en")
    blocks = download_blocks(build_outputs(tmp_path, en, "auditor"), project_attachments(small_project, en), small_project, en, dt.datetime(2026, 11, 20))
    table = next(b for b in blocks if isinstance(b, Table))
    assert table.headers == ("File", "Kind", "Language", "Edition", "Size", "SHA-256")
    links = [row[0].value for row in table.rows]
    assert links[0] == "[Dossier](downloads/pdf/dossier-x-book-1-en-auditor.pdf)"
    assert table.rows[0][1:4] == ("PDF document", "English", "audit")
    assert len(links) == 4 and all("(downloads/documents/" in link for link in links[1:])
    assert table.rows[0][5].value == f"`{hashlib.sha256(pdf).hexdigest()}`"


def test_without_files_the_page_says_so(small_project):
    from generator.site.downloads import download_blocks

    blocks = download_blocks([], {}, small_project, Translator("de"), dt.datetime(2026, 11, 20))
    assert blocks[-1].parts == ("Mit dieser Ausgabe werden keine Dateien veröffentlicht.",)
