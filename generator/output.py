"""The only code that writes build outputs: a temporary folder, swapped in when everything succeeded.

A failed build leaves the previous output untouched; the manifest lists every file with its
SHA-256 and the digest of the input data, so that auditors can verify what they received.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

from generator.diagnostics import PbxdocError

MANIFEST = "manifest.json"


class OutputError(PbxdocError):
    pass


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


class Output:
    """A staging folder for one build. Renderers write through it; `commit` swaps it into place."""

    def __init__(self, target: Path):
        self.target = target.resolve()
        if self.target.exists() and not self.target.is_dir():
            raise OutputError(f"{target} exists and is not a folder")
        if self.target.is_dir() and any(self.target.iterdir()) and not (self.target / MANIFEST).is_file():
            raise OutputError(
                f"{target} is not empty and holds no {MANIFEST}: it does not look like a pbxdoc output, "
                "so it is left untouched (choose another folder with -o)"
            )
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self.staging = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.partial-", dir=self.target.parent))
        self._written: set[str] = set()

    def path(self, relative: str) -> Path:
        """A folder (or file path) inside the staging area, for renderers that write trees (mkdocs)."""
        rel = Path(relative)
        if rel.is_absolute() or ".." in rel.parts:
            raise OutputError(f"output path {relative!r} leaves the output folder")
        path = self.staging / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def write(self, relative: str, content: bytes | str) -> Path:
        """Write one file; writing the same path twice is a bug in a renderer and refused."""
        if relative in self._written:
            raise OutputError(f"two renderers wrote {relative}")
        self._written.add(relative)
        path = self.path(relative)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    def manifest(self, input_digest: str, generated: str, extra: dict | None = None) -> dict:
        files = {}
        for path in sorted(p for p in self.staging.rglob("*") if p.is_file()):
            rel = path.relative_to(self.staging).as_posix()
            if rel == MANIFEST:
                continue
            files[rel] = {"sha256": sha256_file(path), "bytes": path.stat().st_size}
        data = {"generator": "pbxdoc", "input_digest": input_digest, "generated": generated, "files": files}
        if extra:
            data.update(extra)
        return data

    def commit(self, input_digest: str, generated: str, extra: dict | None = None) -> dict:
        manifest = self.manifest(input_digest, generated, extra)
        (self.staging / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
        old = None
        if self.target.exists():
            old = self.target.with_name(f".{self.target.name}.old-{os.getpid()}")
            self.target.rename(old)
        self.staging.rename(self.target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        return manifest

    def discard(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)


def verify(out: Path) -> list[str]:
    """Problems found when recomputing the manifest of a build: changed, missing or extra files."""
    manifest_path = out / MANIFEST
    if not manifest_path.is_file():
        return [f"{MANIFEST} is missing"]
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        listed = manifest["files"]
    except (ValueError, KeyError, TypeError):
        return [f"{MANIFEST} is not a pbxdoc manifest"]
    problems = []
    for rel, entry in sorted(listed.items()):
        path = out / rel
        if not path.is_file():
            problems.append(f"missing: {rel}")
        elif sha256_file(path) != entry.get("sha256"):
            problems.append(f"changed: {rel}")
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        rel = path.relative_to(out).as_posix()
        if rel != MANIFEST and rel not in listed:
            problems.append(f"not in manifest: {rel}")
    return problems
