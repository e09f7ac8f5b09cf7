"""Signatures on what a build delivers: every PDF record as PAdES (B-B), the manifest as a detached
CMS signature (manifest.json.p7s), and `pbxdoc verify`'s check of both.

The key comes from a PKCS#12 file whose passphrase is read only from PBXDOC_SIGN_PASSPHRASE. Signing
is deterministic (RSA PKCS#1 v1.5, the build's date as signing time, the trailer id derived from the
signed bytes), so the same input and key give the same bytes. The cache never sees a signed byte:
signatures are applied as records are written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import pem, x509

from generator.diagnostics import PbxdocError
from generator.output import MANIFEST, MANIFEST_SIGNATURE, entry_problem

# pyHanko is imported only to sign or verify (generator.pades): it takes a third of a second, and
# every command (a no-op rebuild too) would pay it.

PASSPHRASE_VARIABLE = "PBXDOC_SIGN_PASSPHRASE"
SIGNED_FOLDER = "pdf"  # the records pbxdoc typesets; other PDFs of a build (customer documents on the site) are not its own
MAX_KEY_BYTES = 1 << 20  # a PKCS#12 file larger than this is not a key
MAX_TRUST_BYTES = 4 << 20
MAX_PDF_BYTES = 256 << 20


class SigningError(PbxdocError):
    """The key cannot be loaded or a document cannot be signed (the message never holds the passphrase)."""


def _read_bounded(path: Path, limit: int, what: str) -> bytes:
    try:
        if not path.is_file():
            raise SigningError(f"{path}: no such file ({what})")
        if path.stat().st_size > limit:
            raise SigningError(f"{path}: larger than {limit} bytes, not a {what}")
        return path.read_bytes()
    except OSError as e:
        raise SigningError(f"{path}: cannot read the {what}: {e.strerror}") from e


@dataclass(frozen=True)
class Signer:
    """A loaded key and its certificate chain, signing at one fixed time (the build's date)."""

    key: object  # pyHanko's SimpleSigner (generator.pades)
    when: dt.datetime

    @property
    def certificate(self) -> x509.Certificate:
        return self.key.signing_cert  # type: ignore[attr-defined]

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the signer's certificate: part of a signed build's key, never the secret."""
        return hashlib.sha256(self.certificate.dump()).hexdigest()

    def at(self, when: dt.datetime) -> Signer:
        return Signer(self.key, when.astimezone(dt.timezone.utc) if when.tzinfo else when.replace(tzinfo=dt.timezone.utc))

    def sign_pdf(self, content: bytes) -> bytes:
        """The PDF with a PAdES signature appended as an incremental update (the typeset bytes stay
        the signed document's first revision); a PDF this key signed already is left as it is."""
        from generator import pades

        try:
            return pades.sign_pdf(self.key, self.when, content)
        except Exception as e:  # pyHanko raises many kinds for a document it cannot sign
            raise SigningError(f"cannot sign the PDF: {type(e).__name__}: {e}") from e

    def sign_detached(self, content: bytes) -> bytes:
        """A detached CMS signature (DER) over content: the manifest's."""
        from generator import pades

        return pades.sign_detached(self.key, self.when, content)


def load_signer(path: Path, when: dt.datetime | None = None) -> Signer:
    """The key of a PKCS#12 file; its passphrase only from PBXDOC_SIGN_PASSPHRASE (unset: none)."""
    data = _read_bounded(path, MAX_KEY_BYTES, "PKCS#12 key file")
    secret = os.environ.get(PASSPHRASE_VARIABLE)
    from generator import pades

    reason = "no key in it"  # pyHanko returns None for some files it cannot open
    try:
        key = pades.load_key(data, secret.encode() if secret is not None else None)
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
    from generator import pades

    with _quiet():
        problems += pades.verify_manifest(manifest, signature, trust)
        for rel, path in records:
            problems += pades.verify_pdf(rel, path.read_bytes(), trust)
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
