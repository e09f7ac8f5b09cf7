"""Signing and verifying records and manifests (generator.signing) with a throwaway CA."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re

import pypdf
import pytest
from weasyprint import HTML

from generator.output import MANIFEST, MANIFEST_SIGNATURE, Output, verify
from generator.pades import verify_manifest, verify_pdf
from generator.signing import PASSPHRASE_VARIABLE, SigningError, load_signer, load_trust, verify_signatures
from tests.throwaway_ca import PASSPHRASE

WHEN = dt.datetime(2025, 4, 10, 9, 30, tzinfo=dt.timezone.utc)



@pytest.fixture(scope="module")
def signer(signing_keys):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(PASSPHRASE_VARIABLE, PASSPHRASE)
        return load_signer(signing_keys.p12).at(WHEN)


@pytest.fixture(scope="module")
def document() -> bytes:
    """A small PDF/A-3 as the typesetter makes them (tagged, with Info and XMP)."""
    html = "<html lang='en'><head><title>Record</title><meta name=generator content='pbxdoc 9.9'></head><body><h1>Record</h1><p>PV-001</p></body></html>"
    return HTML(string=html).write_pdf(pdf_variant="pdf/a-3a")


def _flip(data: bytes, at: int) -> bytes:
    changed = bytearray(data)
    changed[at] ^= 0x01
    return bytes(changed)


def test_signing_is_deterministic_and_keeps_the_typeset_bytes_as_first_revision(signer, document):
    signed = signer.sign_pdf(document)
    assert signed == signer.sign_pdf(document)
    assert signed.startswith(document) and len(signed) > len(document)
    assert signer.sign_pdf(signed) == signed  # signed once by a key, never twice


def test_signed_pdf_keeps_its_pdfa_metadata_in_step(signer, document):
    """PDF/A: Info and XMP agree; pyHanko would stamp its name and the current time in one only."""
    signed = pypdf.PdfReader(io.BytesIO(signer.sign_pdf(document)))
    original = pypdf.PdfReader(io.BytesIO(document))
    xmp = signed.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert xmp == original.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert signed.metadata["/Producer"] == original.metadata["/Producer"] and signed.metadata["/Producer"] in xmp
    assert signed.metadata["/Creator"] == "pbxdoc 9.9"
    field = signed.trailer["/Root"]["/AcroForm"]["/Fields"][0].get_object()
    assert field["/FT"] == "/Sig" and field["/F"] & 4  # printable, as PDF/A wants every annotation
    assert field["/V"]["/SubFilter"] == "/ETSI.CAdES.detached" and field["/V"]["/M"].startswith("D:20250410093000")


def test_a_trusted_signature_passes(signing_keys, signer, document):
    assert verify_pdf("pdf/a.pdf", signer.sign_pdf(document), load_trust(signing_keys.ca_pem)) == []


def test_a_changed_byte_breaks_the_signature_and_names_the_hash(signing_keys, signer, document):
    tampered = _flip(signer.sign_pdf(document), len(document) // 2)
    problems = verify_pdf("pdf/a.pdf", tampered, load_trust(signing_keys.ca_pem))
    assert len(problems) == 1 and problems[0].startswith("signature broken: pdf/a.pdf (sha256 ")
    assert hashlib.sha256(tampered).hexdigest() in problems[0]


def test_bytes_appended_after_signing_are_reported(signing_keys, signer, document):
    problems = verify_pdf("pdf/a.pdf", signer.sign_pdf(document) + b"\n% added later\n", load_trust(signing_keys.ca_pem))
    assert problems and problems[0].startswith("changed after signing: pdf/a.pdf")


def test_a_signer_of_another_ca_is_untrusted(other_signing_keys, signer, document):
    problems = verify_pdf("pdf/a.pdf", signer.sign_pdf(document), load_trust(other_signing_keys.ca_pem))
    assert len(problems) == 1 and problems[0].startswith("untrusted signer: pdf/a.pdf") and "Test Integrator" in problems[0]


def test_without_a_trust_anchor_the_signer_is_called_untrusted(signer, document):
    problems = verify_pdf("pdf/a.pdf", signer.sign_pdf(document), None)
    assert len(problems) == 1 and "untrusted signer" in problems[0] and "--trust" in problems[0]


def test_an_unsigned_record_is_reported(signing_keys, document):
    assert verify_pdf("pdf/a.pdf", document, load_trust(signing_keys.ca_pem))[0].startswith("unsigned: pdf/a.pdf (sha256 ")


def test_manifest_signature_trigger_and_non_trigger(signing_keys, other_signing_keys, signer):
    manifest = b'{"files": {}}\n'
    signature = signer.sign_detached(manifest)
    assert signature == signer.sign_detached(manifest)  # deterministic: RSA PKCS#1 v1.5, fixed signing time
    trust = load_trust(signing_keys.ca_pem)
    assert verify_manifest(manifest, signature, trust) == []
    assert verify_manifest(manifest.replace(b"{}", b"{ }"), signature, trust)[0].startswith("signature broken: manifest.json (sha256 ")
    assert verify_manifest(manifest, signature, load_trust(other_signing_keys.ca_pem))[0].startswith("untrusted signer: manifest.json")
    assert verify_manifest(manifest, None, trust)[0].startswith("unsigned: manifest.json")
    assert verify_manifest(manifest, b"not a signature", trust)[0].startswith("signature broken: manifest.json.p7s")


def test_the_passphrase_comes_from_the_environment_only_and_is_never_shown(signing_keys, monkeypatch):
    monkeypatch.setenv(PASSPHRASE_VARIABLE, PASSPHRASE)
    assert load_signer(signing_keys.p12).certificate.subject.human_friendly.endswith("Test Integrator")
    monkeypatch.setenv(PASSPHRASE_VARIABLE, "wrong " + PASSPHRASE)
    with pytest.raises(SigningError) as wrong:
        load_signer(signing_keys.p12)
    assert PASSPHRASE not in str(wrong.value) and "PBXDOC_SIGN_PASSPHRASE" in str(wrong.value)
    monkeypatch.delenv(PASSPHRASE_VARIABLE)
    with pytest.raises(SigningError, match="is PBXDOC_SIGN_PASSPHRASE set"):
        load_signer(signing_keys.p12)


def test_a_key_file_that_is_too_large_or_missing_is_refused(tmp_path):
    with pytest.raises(SigningError, match="no such file"):
        load_signer(tmp_path / "missing.p12")
    huge = tmp_path / "huge.p12"
    huge.write_bytes(b"\0" * ((1 << 20) + 1))
    with pytest.raises(SigningError, match="larger than"):
        load_signer(huge)
    garbage = tmp_path / "ca.pem"
    garbage.write_bytes(b"garbage")
    with pytest.raises(SigningError, match="not a CA certificate"):
        load_trust(garbage)


def _signed_output(tmp_path, signer, document) -> tuple:
    project = tmp_path / "project"
    project.mkdir()
    output = Output(tmp_path / "out", project=project, signer=signer)
    output.write("pdf/a.pdf", signer.sign_pdf(document))
    output.write("pdf/b.pdf", signer.sign_pdf(document))
    output.commit("digest", WHEN.isoformat())
    return tmp_path / "out", ["pdf/a.pdf", "pdf/b.pdf"]


def test_a_signed_output_verifies_and_its_signature_is_not_an_extra_file(tmp_path, signing_keys, signer, document):
    out, files = _signed_output(tmp_path, signer, document)
    assert (out / MANIFEST_SIGNATURE).is_file()
    assert verify(out) == []
    assert verify_signatures(out, files, load_trust(signing_keys.ca_pem)) == []


def test_an_output_whose_manifest_signature_was_removed_is_caught(tmp_path, signing_keys, signer, document):
    out, files = _signed_output(tmp_path, signer, document)
    (out / MANIFEST_SIGNATURE).unlink()
    assert [p.split(":")[0] for p in verify_signatures(out, files, None)] == ["unsigned", "untrusted signer", "untrusted signer"]  # signed records betray it
    (out / MANIFEST).write_text((out / MANIFEST).read_text().replace("digest", "other"))
    assert verify_signatures(out, files, load_trust(signing_keys.ca_pem))[0].startswith("unsigned: manifest.json")


def test_an_unsigned_output_checked_without_trust_has_no_signature_problem(tmp_path, document):
    project = tmp_path / "project"
    project.mkdir()
    output = Output(tmp_path / "out", project=project)
    output.write("pdf/a.pdf", document)
    output.commit("digest", WHEN.isoformat())
    assert verify_signatures(tmp_path / "out", ["pdf/a.pdf"], None) == []
    problems = verify_signatures(tmp_path / "out", ["pdf/a.pdf"], [])
    assert [re.sub(r":.*", "", p) for p in problems] == ["unsigned", "unsigned"]


def test_verify_reads_no_record_through_a_link(tmp_path, signing_keys, signer, document):
    out, files = _signed_output(tmp_path, signer, document)
    outside = tmp_path / "outside.pdf"
    outside.write_bytes(document)
    (out / "pdf" / "b.pdf").unlink()
    (out / "pdf" / "b.pdf").symlink_to(outside)
    problems = verify_signatures(out, files, load_trust(signing_keys.ca_pem))
    assert not any("b.pdf" in p for p in problems)  # never read; output.verify reports it as refused
    assert any(p.startswith("refused: pdf/b.pdf") for p in verify(out))


def test_signing_and_verifying_work_inside_a_running_event_loop(signer, signing_keys, document):
    """pyHanko's synchronous calls use asyncio.run, which fails where an event loop runs (an
    application embedding pbxdoc, a browser driver in the same process): same bytes there."""
    import asyncio

    outside = signer.sign_pdf(document), signer.sign_detached(b"manifest")

    async def inside():
        return signer.sign_pdf(document), signer.sign_detached(b"manifest"), verify_pdf("r.pdf", outside[0], load_trust(signing_keys.ca_pem))

    signed, detached, problems = asyncio.run(inside())
    assert (signed, detached) == outside
    assert problems == []
