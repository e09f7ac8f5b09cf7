"""Signatures on what a build delivers: every PDF record as PAdES (B-B), the manifest as a detached
CMS signature (manifest.json.p7s), and `pbxdoc verify`'s check of both.

The key comes from a PKCS#12 file whose passphrase is read only from PBXDOC_SIGN_PASSPHRASE. Signing
is deterministic (RSA PKCS#1 v1.5, the build's date as signing time, the trailer id derived from the
signed bytes), so the same input and key give the same bytes. The cache never sees a signed byte:
signatures are applied as records are written.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import io
import logging
import os
from collections.abc import Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import cms, pem, x509
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes
from pyhanko.sign.validation import async_validate_detached_cms, async_validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from generator.diagnostics import PbxdocError
from generator.output import MANIFEST, MANIFEST_SIGNATURE, entry_problem

PASSPHRASE_VARIABLE = "PBXDOC_SIGN_PASSPHRASE"
SIGNED_FOLDER = "pdf"  # the records pbxdoc typesets; other PDFs of a build (customer documents on the site) are not its own
FIELD = "pbxdoc"
MAX_KEY_BYTES = 1 << 20  # a PKCS#12 file larger than this is not a key
MAX_TRUST_BYTES = 4 << 20
MAX_PDF_BYTES = 256 << 20


class SigningError(PbxdocError):
    """The key cannot be loaded or a document cannot be signed (the message never holds the passphrase)."""


def _finish(coroutine: Coroutine):
    """Run one of pyHanko's coroutines to its end. Its synchronous wrappers call asyncio.run, which
    fails in a thread whose event loop is running (an application embedding pbxdoc, a browser
    driver): there the coroutine runs on a thread of its own."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pbxdoc-sign") as pool:
        return pool.submit(asyncio.run, coroutine).result()


def _read_bounded(path: Path, limit: int, what: str) -> bytes:
    try:
        if not path.is_file():
            raise SigningError(f"{path}: no such file ({what})")
        if path.stat().st_size > limit:
            raise SigningError(f"{path}: larger than {limit} bytes, not a {what}")
        return path.read_bytes()
    except OSError as e:
        raise SigningError(f"{path}: cannot read the {what}: {e.strerror}") from e


class _FixedSigner(signers.PdfSigner):
    """pyHanko stamps the current time as signing time; a build signs at its own date."""

    def __init__(self, *args, signing_time: dt.datetime, **kwargs):
        super().__init__(*args, **kwargs)
        self._signing_time = signing_time

    def init_signing_session(self, pdf_out, existing_fields_only=False):
        session = super().init_signing_session(pdf_out, existing_fields_only)
        session.system_time = self._signing_time
        return session


class _KeepMetadata(IncrementalPdfFileWriter):
    """Leaves Info and XMP as typeset: pyHanko would stamp the current time in both and its name in
    one of them only, which breaks PDF/A (the two must agree) and byte-identical builds."""

    def _update_meta(self) -> None:
        return None


@dataclass(frozen=True)
class Signer:
    """A loaded key and its certificate chain, signing at one fixed time (the build's date)."""

    key: signers.SimpleSigner
    when: dt.datetime

    @property
    def certificate(self) -> x509.Certificate:
        return self.key.signing_cert

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the signer's certificate: part of a signed build's key, never the secret."""
        return hashlib.sha256(self.certificate.dump()).hexdigest()

    def at(self, when: dt.datetime) -> Signer:
        return Signer(self.key, when.astimezone(dt.timezone.utc) if when.tzinfo else when.replace(tzinfo=dt.timezone.utc))

    def sign_pdf(self, content: bytes) -> bytes:
        """The PDF with a PAdES signature appended as an incremental update (the typeset bytes stay
        the signed document's first revision); a PDF this key signed already is left as it is."""
        try:
            reader = PdfFileReader(io.BytesIO(content), strict=False)
            if any(s.signer_cert.dump() == self.certificate.dump() for s in reader.embedded_signatures):
                return content
            writer = _KeepMetadata(io.BytesIO(content), strict=False)
            writer._document_id = generic.ArrayObject([writer._document_id[0], generic.ByteStringObject(hashlib.sha256(content).digest()[:16])])
            meta = signers.PdfSignatureMetadata(field_name=FIELD, subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256")
            signed = _finish(_FixedSigner(meta, self.key, new_field_spec=fields.SigFieldSpec(FIELD), signing_time=self.when).async_sign_pdf(writer))
        except SigningError:
            raise
        except Exception as e:  # pyHanko raises many kinds for a document it cannot sign
            raise SigningError(f"cannot sign the PDF: {type(e).__name__}: {e}") from e
        return signed.getvalue()

    def sign_detached(self, content: bytes) -> bytes:
        """A detached CMS signature (DER) over content: the manifest's."""
        attributes = PdfCMSSignedAttributes(signing_time=self.when)
        signed = _finish(self.key.async_sign_general_data(content, "sha256", detached=True, signed_attr_settings=attributes))
        return signed.dump()


def load_signer(path: Path, when: dt.datetime | None = None) -> Signer:
    """The key of a PKCS#12 file; its passphrase only from PBXDOC_SIGN_PASSPHRASE (unset: none)."""
    data = _read_bounded(path, MAX_KEY_BYTES, "PKCS#12 key file")
    secret = os.environ.get(PASSPHRASE_VARIABLE)
    try:
        key = signers.SimpleSigner.load_pkcs12_data(data, other_certs=(), passphrase=secret.encode() if secret is not None else None)
    except Exception as e:  # its messages hold no secret, but say only what the user can act on
        key = None
        reason = type(e).__name__
    if key is None:
        hint = f"is {PASSPHRASE_VARIABLE} set to its passphrase?" if secret is None else f"is {PASSPHRASE_VARIABLE} the right passphrase?"
        raise SigningError(f"{path}: cannot open the PKCS#12 key ({reason}); {hint}")
    return Signer(key, when or dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc))


# --- verify ----------------------------------------------------------------------------------------


def load_trust(path: Path) -> list[x509.Certificate]:
    """The trusted CA certificates of a PEM (or DER) file."""
    data = _read_bounded(path, MAX_TRUST_BYTES, "CA certificate file")
    try:
        if pem.detect(data):
            return [x509.Certificate.load(der) for _, _, der in pem.unarmor(data, multiple=True)]
        return [x509.Certificate.load(data)]
    except Exception as e:
        raise SigningError(f"{path}: not a CA certificate in PEM or DER ({type(e).__name__})") from e


def _context(trust: list[x509.Certificate] | None, certificates) -> ValidationContext:
    return ValidationContext(trust_roots=trust or [], other_certs=list(certificates), allow_fetching=False, revocation_mode="soft-fail")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _who(certificate: x509.Certificate | None) -> str:
    return certificate.subject.human_friendly if certificate is not None else "unknown signer"


def verify_pdf(rel: str, content: bytes, trust: list[x509.Certificate] | None) -> list[str]:
    """Problems of one record's signatures: none, broken, not covering the file, untrusted signer."""
    shown = f"{rel} (sha256 {_sha256(content)})"
    try:
        reader = PdfFileReader(io.BytesIO(content), strict=False)
        signatures = reader.embedded_signatures
    except Exception as e:
        return [f"unreadable: {shown}: {type(e).__name__}"]
    if not signatures:
        return [f"unsigned: {shown}"]
    problems = []
    for signature in signatures:
        try:
            status = _finish(async_validate_pdf_signature(signature, _context(trust, signature.other_embedded_certs), skip_diff=True))
        except Exception as e:
            problems.append(f"signature broken: {shown}: {type(e).__name__}")
            continue
        if not (status.intact and status.valid):
            problems.append(f"signature broken: {shown}: the signed bytes changed")
        elif status.coverage is not SignatureCoverageLevel.ENTIRE_FILE and signature is signatures[-1]:
            problems.append(f"changed after signing: {shown}: bytes were appended after the last signature")
        elif not status.trusted:
            problems.append(f"untrusted signer: {shown}: {_who(signature.signer_cert)}" + ("" if trust else " (give --trust CA.pem to check who signed)"))
    return problems


def verify_manifest(manifest: bytes, signature: bytes | None, trust: list[x509.Certificate] | None) -> list[str]:
    """Problems of the manifest's detached signature."""
    shown = f"manifest.json (sha256 {_sha256(manifest)})"
    if signature is None:
        return [f"unsigned: {shown}: no {MANIFEST_SIGNATURE}"]
    try:
        info = cms.ContentInfo.load(signature)
        signed = info["content"]
        certificates = [c.chosen for c in signed["certificates"]]
        status = _finish(async_validate_detached_cms(manifest, signed, signer_validation_context=_context(trust, certificates)))
    except Exception as e:
        return [f"signature broken: {MANIFEST_SIGNATURE}: not a CMS signature ({type(e).__name__})"]
    if not (status.intact and status.valid):
        return [f"signature broken: {shown}: the manifest changed since it was signed"]
    if not status.trusted:
        return [f"untrusted signer: {shown}: {_who(status.signing_cert)}" + ("" if trust else " (give --trust CA.pem to check who signed)")]
    return []


def _records(out: Path, files: list[str]) -> list[tuple[str, Path]]:
    """The records a build signs: pdf/*.pdf of the manifest, read only through no link inside OUT."""
    found = []
    for rel in sorted(f for f in files if isinstance(f, str)):
        if rel.split("/", 1)[0] == SIGNED_FOLDER and rel.endswith(".pdf") and entry_problem(out, rel) is None and (out / rel).is_file():
            found.append((rel, out / rel))
    return found


def verify_signatures(out: Path, files: list[str], trust: list[x509.Certificate] | None) -> list[str]:
    """Every record's and the manifest's signature problems, for a build that was signed (a signed
    manifest or a signed record) or when a trust anchor is given; nothing for an unsigned build
    checked without --trust (its manifest's hashes are all there is)."""
    manifest = (out / MANIFEST).read_bytes()
    signature = None
    if entry_problem(out, MANIFEST_SIGNATURE) is None and (out / MANIFEST_SIGNATURE).is_file():
        signature = (out / MANIFEST_SIGNATURE).read_bytes()[:MAX_TRUST_BYTES]
    records, problems = [], []
    for rel, path in _records(out, files):
        if path.stat().st_size > MAX_PDF_BYTES:
            problems.append(f"refused: {rel}: larger than {MAX_PDF_BYTES} bytes")
        else:
            records.append((rel, path))
    if signature is None and trust is None and not any(b"/ByteRange" in path.read_bytes() for _, path in records):
        return problems
    with _quiet():
        problems += verify_manifest(manifest, signature, trust)
        for rel, path in records:
            problems += verify_pdf(rel, path.read_bytes(), trust)
    return problems


@contextmanager
def _quiet() -> Iterator[None]:
    """pyHanko logs a traceback for every signer it cannot trust; verify reports it in one line."""
    logger = logging.getLogger("pyhanko")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)
