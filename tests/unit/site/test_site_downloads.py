import datetime as dt
import hashlib

from generator.audience import Audience
from generator.i18n import Translator
from generator.renderers.base import Product
from generator.site.downloads import build_outputs, file_name, human_size, project_attachments


def _product(path: str, kind: str = "pdf", title: str = "", lang: str = "fr", audience: Audience = Audience.CUSTOMER) -> Product:
    return Product(path, title or f"title of {path}", kind, lang, audience)


def test_build_outputs_are_the_products_the_renderers_made_named_by_what_they_are(tmp_path):
    """What the site offers is what the renderers say they made, not whatever lies in the folder."""
    (tmp_path / "pdf").mkdir(parents=True)
    (tmp_path / "xlsx").mkdir()
    (tmp_path / "pdf" / "CDL-TEL-PV-3.2-fr-customer.pdf").write_bytes(b"%PDF-1.7 test")
    (tmp_path / "pdf" / "planted.pdf").write_bytes(b"%PDF-1.7 not made by this build")
    (tmp_path / "xlsx" / "cdl-fr-customer.xlsx").write_bytes(b"PK workbook")
    found = build_outputs(tmp_path, [_product("xlsx/cdl-fr-customer.xlsx", "workbook", "Classeur du client"),
                                     _product("pdf/CDL-TEL-PV-3.2-fr-customer.pdf", title="PV de mise en service")], Translator("fr"))
    assert [d.site_path for d in found] == [
        "downloads/pdf/pv-de-mise-en-service-cdl-tel-pv-3-2-fr-customer.pdf", "downloads/xlsx/classeur-du-client-cdl-fr-customer.xlsx"]
    assert [(d.title, d.kind, d.language, d.audience) for d in found] == [
        ("PV de mise en service", "Document PDF", "fr", "customer"), ("Classeur du client", "Classeur Excel", "fr", "customer")]
    assert found[0].size == len(b"%PDF-1.7 test")
    assert found[0].sha256 == hashlib.sha256(b"%PDF-1.7 test").hexdigest()


def test_no_products_means_no_build_outputs(tmp_path):
    assert build_outputs(tmp_path, []) == []


def test_file_names_say_what_a_file_is_in_plain_letters():
    assert file_name("Décharge de responsabilité", "X-1", "de") == "decharge-de-responsabilite-x-1-de"
    assert file_name("../../etc/passwd") == "etc-passwd"
    assert file_name("") == "file"


def test_only_passive_customer_files_are_published(small_project):
    attached = project_attachments(small_project)
    assert set(attached) == {"doc-pv", "doc-discharge", "doc-dataproc"}  # the rack photo is an SVG
    assert attached["doc-pv"].site_path == "downloads/documents/doc-pv-pv-de-mise-en-service-3cx.txt"


def test_sizes_are_formatted_for_the_locale():
    assert human_size(512, Translator("en")) == "512 bytes"
    assert human_size(1536, Translator("fr")) == "1,5 Kio"
    assert human_size(3 * 1024 * 1024, Translator("de")) == "3.0 MiB"


def test_download_table_lists_build_files_then_attachments_with_language_and_edition(tmp_path, small_project):
    from generator.document import Table
    from generator.site.downloads import download_blocks

    (tmp_path / "pdf").mkdir()
    (tmp_path / "pdf" / "X-BOOK-1-en-auditor.pdf").write_bytes(b"%PDF")
    en = Translator("en")
    outputs = build_outputs(tmp_path, [_product("pdf/X-BOOK-1-en-auditor.pdf", title="Dossier", lang="en", audience=Audience.AUDITOR)], en)
    blocks = download_blocks(outputs, project_attachments(small_project, en), small_project, en, dt.datetime(2026, 11, 20))
    table = next(b for b in blocks if isinstance(b, Table))
    assert table.headers == ("File", "Kind", "Language", "Edition", "Size", "SHA-256")
    links = [row[0].value for row in table.rows]
    assert links[0] == "[Dossier](downloads/pdf/dossier-x-book-1-en-auditor.pdf)"
    assert table.rows[0][1:4] == ("PDF document", "English", "audit")
    assert len(links) == 4 and all("(downloads/documents/" in link for link in links[1:])
    assert table.rows[0][5].value == f"`{hashlib.sha256(b'%PDF').hexdigest()}`"


def test_without_files_the_page_says_so(small_project):
    from generator.site.downloads import download_blocks

    blocks = download_blocks([], {}, small_project, Translator("de"), dt.datetime(2026, 11, 20))
    assert blocks[-1].parts == ("Mit dieser Ausgabe werden keine Dateien veröffentlicht.",)
