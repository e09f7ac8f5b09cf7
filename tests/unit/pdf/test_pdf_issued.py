"""Issued records are frozen: published byte for byte by every later build; a changed record is a
reissue naming the original with the changes between the two dates; a record not issued is a draft."""

from __future__ import annotations

import io
import json
import re

import pypdf
import pytest

from generator.audience import Audience
from generator.diagnostics import PbxdocError
from generator.load import load
from generator.pdf.issued import issues
from generator.pipeline import build_pdfs
from generator.pdf.issue import issue

CUSTOMER = Audience.CUSTOMER
INTEGRATOR = Audience.INTEGRATOR
EPOCH_LATER = "1798761600"  # 2027-01-01


def _pages_text(path) -> list[str]:
    """Each page's text, spaces removed (extraction spaces rotated text unevenly)."""
    return [re.sub(r"\s+", "", p.extract_text()) for p in pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages]


def test_an_issued_record_is_published_byte_for_byte_and_others_are_drafts(small_copy, tmp_path):
    done = issue(small_copy, "commissioning", "de", CUSTOMER)  # the example carries its French PV already
    assert (done.number, done.doc_id) == (1, "FRO-TEL-COMMISSIONING-1.3-de-customer")
    stored = (small_copy / done.pdf).read_bytes()
    assert all("ENTWURF" not in text for text in _pages_text(small_copy / done.pdf))
    out = tmp_path / "out"
    build_pdfs(small_copy, out, "de", CUSTOMER, ("commissioning", "handover"))
    assert (out / "pdf" / f"{done.doc_id}.pdf").read_bytes() == stored
    draft = _pages_text(out / "pdf" / "FRO-TEL-HANDOVER-1.3-de-customer.pdf")
    assert draft and all("ENTWURF—NICHTAUSGESTELLT" in text for text in draft)  # on every page, in the header
    # Another edition (language, audience) of the same record is not issued: a draft.
    build_pdfs(small_copy, tmp_path / "fr", "fr", Audience.AUDITOR, ("commissioning",))
    assert all("PROJET—NONÉMIS" in text for text in _pages_text(tmp_path / "fr" / "pdf" / "FRO-TEL-COMMISSIONING-1.3-fr-auditor.pdf"))


def test_a_changed_record_is_a_reissue_listing_the_changes(small_copy, tmp_path, monkeypatch):
    first = issue(small_copy, "commissioning", "en", CUSTOMER)
    with pytest.raises(PbxdocError, match="unchanged since"):
        issue(small_copy, "commissioning", "en", CUSTOMER)
    servers = small_copy / "servers.yaml"
    servers.write_text(servers.read_text(encoding="utf-8").replace('software_version: "20.0 Update 5"', 'software_version: "20.0 Update 7"'), encoding="utf-8")
    log = small_copy / "changelog.yaml"
    log.write_text(log.read_text(encoding="utf-8") + "- id: chg-2026-099\n  date: 2026-12-10\n  author: Laura Mottier\n  description: Mise à jour 3CX vers v20 Update 7.\n  devices: [lau-pbx-01]\n", encoding="utf-8")
    with pytest.raises(PbxdocError, match="dated after"):
        issue(small_copy, "commissioning", "en", CUSTOMER)  # same date as the first issue
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_LATER)
    second = issue(small_copy, "commissioning", "en", CUSTOMER)
    assert (second.number, second.doc_id) == (2, "FRO-TEL-COMMISSIONING-1.3-en-customer-r2")
    text = "".join(_pages_text(small_copy / second.pdf))
    assert "ItreplacesFRO-TEL-COMMISSIONING-1.3-en-customer,issuedon20/11/2026" in text
    assert "chg-2026-099" in text and "20.0Update7" in text and "chg-2026-015" not in text  # only changes between the dates
    index = json.loads((small_copy / "records" / "commissioning-en-customer.json").read_text(encoding="utf-8"))
    assert [i["doc_id"] for i in index["issues"]] == [first.doc_id, second.doc_id]
    assert (small_copy / first.pdf).is_file()  # the original is kept
    build_pdfs(small_copy, tmp_path / "out", "en", CUSTOMER, ("commissioning",))
    assert (tmp_path / "out" / "pdf" / f"{second.doc_id}.pdf").read_bytes() == (small_copy / second.pdf).read_bytes()


def test_a_tampered_issued_record_fails_the_build(small_copy, tmp_path):
    done = issue(small_copy, "discharge", None, CUSTOMER)
    path = small_copy / done.pdf
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 1
    path.write_bytes(bytes(data))
    with pytest.raises(PbxdocError, match="changed since it was issued"):
        build_pdfs(small_copy, tmp_path / "out", None, CUSTOMER, ("discharge",))
    assert not (tmp_path / "out").exists()


def test_only_records_are_issued(small_copy):
    with pytest.raises(PbxdocError, match="only commissioning"):
        issue(small_copy, "book", None, CUSTOMER)


@pytest.mark.parametrize("name, accepted, version, later", [
    ("fiduciaire-rochat", "06.05.2024", "18.0 Update 9", "20.0 Update 5"),
    ("clinique-du-lac", "10.04.2025", "Mitel 470 — MiVoice Office 400 Appliance R6.3 Montreux", "R6.3 SP1"),  # R6.3 since chg-2024-015, SP1 since 2026
])
def test_the_examples_publish_their_pv_as_accepted(name, accepted, version, later, tmp_path):
    """The examples carry their issued PV (French, customer edition): a build publishes it as it was
    accepted, with the software of that day, not today's data and not as a draft; and it is a
    tagged PDF/A-3a like every record pbxdoc makes now."""
    from generator.load import EXAMPLES

    root = EXAMPLES / name
    (done,) = issues(load(root), "commissioning", "fr", "customer")
    build_pdfs(root, tmp_path / "out", "fr", CUSTOMER, ("commissioning",))
    published = tmp_path / "out" / "pdf" / f"{done.doc_id}.pdf"
    assert published.read_bytes() == (root / done.pdf).read_bytes()
    text = " ".join(_pages_text(published))
    assert version.replace(" ", "") in text and accepted.replace(" ", "") in text and "PROJET" not in text
    assert later.replace(" ", "") not in text
    root = pypdf.PdfReader(io.BytesIO(published.read_bytes())).trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data()
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert re.search(rb'pdfaid:part(="|>)3', xmp) and re.search(rb'pdfaid:conformance(="|>)A', xmp)


@pytest.mark.parametrize("audience", [Audience.CUSTOMER, Audience.INTEGRATOR])
def test_a_draft_names_the_edition_that_was_issued(audience, tmp_path):
    """The clinic's PV was issued in French for the customer: the German draft of any audience says
    so and that it shows the data of its own date (the PV of 2025 is not today's installation)."""
    from generator.load import EXAMPLES

    build_pdfs(EXAMPLES / "clinique-du-lac", tmp_path / "out", "de", audience, ("commissioning",))
    (draft,) = (tmp_path / "out" / "pdf").glob("*.pdf")
    first = _pages_text(draft)[1]
    assert "CDL-TEL-COMMISSIONING-3.0-fr-customer" in first and "MassgebendistjenesPDF" in first and "ENTWURF" in first
    assert "am20.11.2026beschreiben" in first


def test_a_draft_never_names_an_edition_its_audience_may_not_read(small_copy):
    """An issue of the integrator's edition is not named in the customer's draft."""
    from generator.pdf.issued import issued_editions

    issue(small_copy, "commissioning", "de", INTEGRATOR)
    project = load(small_copy)
    assert [i.doc_id for i in issued_editions(project, "commissioning", INTEGRATOR)] == ["FRO-TEL-COMMISSIONING-1.3-de-internal", "FRO-TEL-COMMISSIONING-1.0-fr-customer"]
    assert [i.doc_id for i in issued_editions(project, "commissioning", CUSTOMER)] == ["FRO-TEL-COMMISSIONING-1.0-fr-customer"]
    assert issued_editions(project, "handover", INTEGRATOR) == []
