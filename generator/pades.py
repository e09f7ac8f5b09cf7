"""PAdES and CMS with pyHanko: signing records and the manifest, and checking their signatures.

Only `generator.signing` imports this module, and only when it signs or verifies: pyHanko (with
aiohttp) takes a third of a second to import, and a build that signs nothing never needs it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import io
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor

from asn1crypto import cms, x509
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes
from pyhanko.sign.validation import async_validate_detached_cms, async_validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from generator.output import MANIFEST_SIGNATURE

FIELD = "pbxdoc"


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


def sign_pdf(key: signers.SimpleSigner, when: dt.datetime, content: bytes) -> bytes:
    """The PDF with a PAdES signature appended as an incremental update (the typeset bytes stay
    the signed document's first revision); a PDF this key signed already is left as it is."""
    reader = PdfFileReader(io.BytesIO(content), strict=False)
    if any(s.signer_cert.dump() == key.signing_cert.dump() for s in reader.embedded_signatures):
        return content
    writer = _KeepMetadata(io.BytesIO(content), strict=False)
    writer._document_id = generic.ArrayObject([writer._document_id[0], generic.ByteStringObject(hashlib.sha256(content).digest()[:16])])
    meta = signers.PdfSignatureMetadata(field_name=FIELD, subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256")
    signed = _finish(_FixedSigner(meta, key, new_field_spec=fields.SigFieldSpec(FIELD), signing_time=when).async_sign_pdf(writer))
    return signed.getvalue()


def sign_detached(key: signers.SimpleSigner, when: dt.datetime, content: bytes) -> bytes:
    """A detached CMS signature (DER) over content: the manifest's."""
    attributes = PdfCMSSignedAttributes(signing_time=when)
    signed = _finish(key.async_sign_general_data(content, "sha256", detached=True, signed_attr_settings=attributes))
    return signed.dump()


def load_key(data: bytes, passphrase: bytes | None) -> signers.SimpleSigner | None:
    """The key and chain of PKCS#12 data (pyHanko returns None, or raises, when it cannot open it)."""
    return signers.SimpleSigner.load_pkcs12_data(data, other_certs=(), passphrase=passphrase)


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
