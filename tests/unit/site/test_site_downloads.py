import hashlib

from generator.i18n import Translator
from generator.site.downloads import build_outputs, human_size, project_attachments


def test_build_outputs_lists_pdfs_and_workbooks_with_hashes(tmp_path):
    (tmp_path / "pdf" / "fr").mkdir(parents=True)
    (tmp_path / "xlsx").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "pdf" / "fr" / "dossier.pdf").write_bytes(b"%PDF-1.7 test")
    (tmp_path / "xlsx" / "inventaire.xlsx").write_bytes(b"PK workbook")
    (tmp_path / "data" / "model.json").write_text("{}")
    found = build_outputs(tmp_path)
    assert [d.site_path for d in found] == ["downloads/pdf/fr/dossier.pdf", "downloads/xlsx/inventaire.xlsx"]
    assert found[0].size == len(b"%PDF-1.7 test")
    assert found[0].sha256 == hashlib.sha256(b"%PDF-1.7 test").hexdigest()


def test_no_staging_means_no_build_outputs(tmp_path):
    assert build_outputs(None) == []
    assert build_outputs(tmp_path / "missing") == []


def test_only_passive_customer_files_are_published(small_project):
    attached = project_attachments(small_project)
    assert set(attached) == {"doc-pv", "doc-discharge", "doc-dataproc"}  # the rack photo is an SVG
    assert attached["doc-pv"].site_path == "downloads/documents/doc-pv.txt"


def test_sizes_are_formatted_for_the_locale():
    assert human_size(512, Translator("en")) == "512 bytes"
    assert human_size(1536, Translator("fr")) == "1,5 Kio"
    assert human_size(3 * 1024 * 1024, Translator("de")) == "3.0 MiB"
