"""End to end: `pbxdoc build --sign`, `pbxdoc pdf --sign`, `pbxdoc issue --sign` and `pbxdoc verify
--trust` on the small example, with a throwaway CA."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from generator.cli import app
from generator.load import EXAMPLES, SMALL_EXAMPLE
from generator.output import MANIFEST_SIGNATURE
from generator.signing import PASSPHRASE_VARIABLE
from tests.throwaway_ca import PASSPHRASE

ROOT = EXAMPLES / SMALL_EXAMPLE
RECORDS = ("commissioning", "audit")  # one issued (frozen) record, one typeset as a draft



def _pdf(out: Path, signing_keys, monkeypatch, *extra: str):
    monkeypatch.setenv(PASSPHRASE_VARIABLE, PASSPHRASE)
    args = ["pdf", str(ROOT), "-o", str(out), "--sign", str(signing_keys.p12), *extra]
    for record in RECORDS:
        args += ["--record", record]
    return CliRunner().invoke(app, args)


@pytest.fixture(scope="module")
def signed(tmp_path_factory, signing_keys) -> Path:
    out = tmp_path_factory.mktemp("signed") / "out"
    with pytest.MonkeyPatch.context() as patch:
        outcome = _pdf(out, signing_keys, patch)
    assert outcome.exit_code == 0, outcome.output
    return out


def _verify(out: Path, *args: str):
    return CliRunner().invoke(app, ["verify", str(out), *args])


def test_every_record_and_the_manifest_are_signed_and_verify_with_the_ca(signed, signing_keys):
    pdfs = sorted((signed / "pdf").glob("*.pdf"))
    assert len(pdfs) == len(RECORDS) and (signed / MANIFEST_SIGNATURE).is_file()
    outcome = _verify(signed, "--trust", str(signing_keys.ca_pem))
    assert outcome.exit_code == 0, outcome.output
    assert "signed by a trusted signer" in outcome.output
    for path in pdfs:
        check = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True)
        assert "Signature is Valid" in check.stdout and "ETSI.CAdES.detached" in check.stdout, check.stdout
        assert subprocess.run(["qpdf", "--check", str(path)], capture_output=True).returncode == 0


def test_a_signed_build_is_byte_identical_and_the_passphrase_is_nowhere(signed, signing_keys, tmp_path, monkeypatch):
    again = tmp_path / "again"
    assert _pdf(again, signing_keys, monkeypatch).exit_code == 0
    for path in sorted(signed.rglob("*")):
        if path.is_file():
            twin = again / path.relative_to(signed)
            assert path.read_bytes() == twin.read_bytes(), path.name
            assert PASSPHRASE.encode() not in path.read_bytes()


def test_without_trust_the_signer_is_said_untrusted_and_verify_fails(signed):
    outcome = _verify(signed)
    assert outcome.exit_code == 1
    assert "untrusted signer: manifest.json" in outcome.output and "--trust" in outcome.output


def test_a_ca_that_did_not_certify_the_signer_fails(signed, other_signing_keys):
    outcome = _verify(signed, "--trust", str(other_signing_keys.ca_pem))
    assert outcome.exit_code == 1 and "untrusted signer" in outcome.output and "not trusted" in outcome.output


def test_a_changed_byte_is_reported_with_the_hash_of_the_changed_file(signed, signing_keys, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(signed, copy)
    target = next((copy / "pdf").glob("*AUDIT*.pdf"))
    data = bytearray(target.read_bytes())
    data[len(data) // 3] ^= 0x01
    target.write_bytes(bytes(data))
    outcome = _verify(copy, "--trust", str(signing_keys.ca_pem))
    digest = hashlib.sha256(bytes(data)).hexdigest()
    assert outcome.exit_code == 1
    assert f"changed: pdf/{target.name} (sha256 {digest}" in outcome.output
    assert f"signature broken: pdf/{target.name} (sha256 {digest})" in outcome.output


def test_a_changed_manifest_is_reported(signed, signing_keys, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(signed, copy)
    manifest = copy / "manifest.json"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace('"customer"', '"customer" ', 1), encoding="utf-8")
    outcome = _verify(copy, "--trust", str(signing_keys.ca_pem))
    assert outcome.exit_code == 1 and f"signature broken: manifest.json (sha256 {hashlib.sha256(manifest.read_bytes()).hexdigest()})" in outcome.output


def test_an_unsigned_build_fails_when_a_signer_is_expected(tmp_path, signing_keys):
    out = tmp_path / "plain"
    assert CliRunner().invoke(app, ["pdf", str(ROOT), "-o", str(out), "--record", "discharge"]).exit_code == 0
    assert _verify(out).exit_code == 0  # nothing signed, nothing expected: the hashes are checked
    outcome = _verify(out, "--trust", str(signing_keys.ca_pem))
    assert outcome.exit_code == 1 and "unsigned: manifest.json" in outcome.output and "unsigned: pdf/" in outcome.output


def test_a_wrong_passphrase_is_a_usage_error_that_does_not_print_it(tmp_path, signing_keys, monkeypatch):
    monkeypatch.setenv(PASSPHRASE_VARIABLE, "not-" + PASSPHRASE)
    outcome = CliRunner().invoke(app, ["pdf", str(ROOT), "-o", str(tmp_path / "out"), "--record", "discharge", "--sign", str(signing_keys.p12)])
    assert outcome.exit_code == 2 and PASSPHRASE_VARIABLE in outcome.output and PASSPHRASE not in outcome.output
    assert not (tmp_path / "out").exists()


def test_the_cache_keeps_unsigned_bytes_only(tmp_path, signing_keys, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("PBXDOC_CACHE", str(cache))
    out = tmp_path / "out"
    monkeypatch.setenv(PASSPHRASE_VARIABLE, PASSPHRASE)
    outcome = CliRunner().invoke(app, ["pdf", str(ROOT), "-o", str(out), "--record", "discharge", "--sign", str(signing_keys.p12)])
    assert outcome.exit_code == 0, outcome.output
    cached = [p for p in cache.rglob("*") if p.is_file()]
    assert any(b"%PDF-" in p.read_bytes() for p in cached)
    assert not any(b"/ByteRange" in p.read_bytes() for p in cached)
    assert all(b"/ByteRange" in p.read_bytes() for p in (out / "pdf").glob("*.pdf"))


def test_build_sign_signs_records_and_manifest(tmp_path, signing_keys, monkeypatch):
    monkeypatch.setenv(PASSPHRASE_VARIABLE, PASSPHRASE)
    out = tmp_path / "out"
    outcome = CliRunner().invoke(app, ["build", str(ROOT), "-o", str(out), "--only", "pdf", "--sign", str(signing_keys.p12)])
    assert outcome.exit_code == 0, outcome.output
    assert _verify(out, "--trust", str(signing_keys.ca_pem)).exit_code == 0
    again = CliRunner().invoke(app, ["build", str(ROOT), "-o", str(out), "--only", "pdf"])  # unsigned: not "up to date"
    assert again.exit_code == 0 and "up to date" not in again.output and not (out / MANIFEST_SIGNATURE).exists()


def test_issue_sign_stores_a_signed_record_that_builds_publish_as_issued(tmp_path, signing_keys, monkeypatch, small_copy):
    monkeypatch.setenv(PASSPHRASE_VARIABLE, PASSPHRASE)
    outcome = CliRunner().invoke(app, ["issue", "discharge", str(small_copy), "--sign", str(signing_keys.p12)])
    assert outcome.exit_code == 0, outcome.output
    stored = next((small_copy / "records").glob("*DISCHARGE*.pdf"))
    assert b"/ByteRange" in stored.read_bytes()
    out = tmp_path / "out"
    outcome = CliRunner().invoke(app, ["pdf", str(small_copy), "-o", str(out), "--record", "discharge", "--sign", str(signing_keys.p12)])
    assert outcome.exit_code == 0, outcome.output
    assert (out / "pdf" / stored.name).read_bytes() == stored.read_bytes()  # signed once, published byte for byte
