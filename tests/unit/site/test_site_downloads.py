import datetime as dt
import hashlib

from generator.audience import Audience
from generator.i18n import Translator
from generator.renderers.base import Product
from generator.site.downloads import build_outputs, human_size, project_attachments


def _product(path: str, kind: str = "pdf") -> Product:
    return Product(path, f"title of {path}", kind, "fr", Audience.CUSTOMER)


def test_build_outputs_are_the_products_the_renderers_made_with_hashes(tmp_path):
    """What the site offers is what the renderers say they made, not whatever lies in the folder."""
    (tmp_path / "pdf").mkdir(parents=True)
    (tmp_path / "xlsx").mkdir()
    (tmp_path / "pdf" / "dossier-fr-customer.pdf").write_bytes(b"%PDF-1.7 test")
    (tmp_path / "pdf" / "planted.pdf").write_bytes(b"%PDF-1.7 not made by this build")
    (tmp_path / "xlsx" / "inventaire-fr-customer.xlsx").write_bytes(b"PK workbook")
    found = build_outputs(tmp_path, [_product("xlsx/inventaire-fr-customer.xlsx", "workbook"), _product("pdf/dossier-fr-customer.pdf")])
    assert [d.site_path for d in found] == ["downloads/pdf/dossier-fr-customer.pdf", "downloads/xlsx/inventaire-fr-customer.xlsx"]
    assert found[0].size == len(b"%PDF-1.7 test")
    assert found[0].sha256 == hashlib.sha256(b"%PDF-1.7 test").hexdigest()
    assert found[0].title == "title of pdf/dossier-fr-customer.pdf"


def test_no_products_means_no_build_outputs(tmp_path):
    assert build_outputs(tmp_path, []) == []


def test_only_passive_customer_files_are_published(small_project):
    attached = project_attachments(small_project)
    assert set(attached) == {"doc-pv", "doc-discharge", "doc-dataproc"}  # the rack photo is an SVG
    assert attached["doc-pv"].site_path == "downloads/documents/doc-pv.txt"


def test_sizes_are_formatted_for_the_locale():
    assert human_size(512, Translator("en")) == "512 bytes"
    assert human_size(1536, Translator("fr")) == "1,5 Kio"
    assert human_size(3 * 1024 * 1024, Translator("de")) == "3.0 MiB"


def test_download_table_lists_build_files_then_attachments(tmp_path, small_project):
    from generator.document import Table
    from generator.site.downloads import download_blocks

    (tmp_path / "pdf").mkdir()
    (tmp_path / "pdf" / "dossier.pdf").write_bytes(b"%PDF")
    blocks = download_blocks(build_outputs(tmp_path, [_product("pdf/dossier.pdf")]), project_attachments(small_project), small_project, Translator("en"), dt.datetime(2026, 11, 20))
    table = next(b for b in blocks if isinstance(b, Table))
    links = [row[0].value for row in table.rows]
    assert links[0] == "[dossier.pdf](downloads/pdf/dossier.pdf)"
    assert len(links) == 4 and all("(downloads/documents/" in link for link in links[1:])
    assert table.rows[0][3].value == f"`{hashlib.sha256(b'%PDF').hexdigest()}`"


def test_without_files_the_page_says_so(small_project):
    from generator.site.downloads import download_blocks

    blocks = download_blocks([], {}, small_project, Translator("de"), dt.datetime(2026, 11, 20))
    assert blocks[-1].parts == ("Mit dieser Ausgabe werden keine Dateien veröffentlicht.",)
