"""The only code that writes build outputs: a temporary folder, swapped in when everything succeeded.

A failed build leaves the previous output untouched; the manifest lists every file with its
SHA-256 and the digest of the input data, so that auditors can verify what they received.

OUT is never a folder of the user's: it may not be the project, hold it or lie inside it, and a
non-empty OUT must hold a manifest that pbxdoc wrote. One build at a time writes into OUT (a lock
beside it); what a killed build left behind (staging folder, old output half swapped) is cleaned
or restored by the next one. When OUT cannot be renamed (a mount point), its contents are replaced.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import stat
import tempfile
from pathlib import Path
from typing import Protocol

from filelock import FileLock, Timeout

from generator import tempdirs
from generator.diagnostics import PbxdocError

MANIFEST = "manifest.json"
MANIFEST_SIGNATURE = "manifest.json.p7s"  # detached CMS signature of the manifest (pbxdoc build --sign)
GENERATOR = "pbxdoc"
LOCK_TIMEOUT = 120.0  # seconds a build waits for another build into the same OUT
STAGING_MARK = ".pbxdoc-staging"  # inside a staging folder until its manifest is written
MOUNTED_OLD = ".pbxdoc-old-"  # inside OUT: the previous contents, while they are replaced
UNMOVABLE = (errno.EBUSY, errno.EXDEV)  # renaming OUT itself fails: a mount point


class OutputSigner(Protocol):
    """What signs a build's records and manifest (generator.signing.Signer); the output holds it."""

    def sign_pdf(self, content: bytes) -> bytes: ...

    def sign_detached(self, content: bytes) -> bytes: ...


class OutputError(PbxdocError):
    """The output cannot be written (another build, a full disk, a read-only file system...): exit 1."""


class OutputRefused(OutputError):
    """OUT is a folder pbxdoc must not replace (the project, a folder of the user's): a usage error."""


def generator_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(GENERATOR)
    except PackageNotFoundError:  # running from a source tree
        return "0.0.0"


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def written_by_pbxdoc(manifest: Path) -> bool:
    """Whether this manifest is a regular file that pbxdoc wrote (its `generator` names pbxdoc)."""
    try:
        if not stat.S_ISREG(os.lstat(manifest).st_mode) or os.lstat(manifest).st_size > 256 << 20:
            return False
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(data, dict) or not isinstance(data.get("files"), dict):
        return False
    generator = data.get("generator")
    if isinstance(generator, dict):
        return generator.get("name") == GENERATOR
    return generator == GENERATOR  # outputs of pbxdoc before the version was recorded


def _problem(e: OSError, doing: str) -> OutputError:
    where = f" {e.filename}" if e.filename else ""
    return OutputError(f"cannot {doing}:{where}: {e.strerror or e}; the output folder was left as it was")


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


class Output:
    """A staging folder for one build. Renderers write through it; `commit` swaps it into place."""

    def __init__(self, target: Path, *, project: Path, lock_timeout: float = LOCK_TIMEOUT, signer: OutputSigner | None = None):
        self.signer = signer  # generator.signing.Signer: signs the records written and the manifest
        self.target = target.resolve()
        self.shown = target
        refuse_unsafe(self.target, project.resolve(), target)
        refuse_foreign(self.target, target)  # before the lock file is made beside it
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise _problem(e, f"create the folder of {target}") from e
        self._lock = FileLock(self.target.parent / f".{self.target.name}.lock", timeout=lock_timeout, thread_local=False)
        try:
            self._lock.acquire()
        except Timeout as e:
            raise OutputError(
                f"another pbxdoc build is writing into {target} (waited {lock_timeout:g} s); "
                "run again when it has finished, or choose another folder with -o"
            ) from e
        except OSError as e:
            raise _problem(e, f"lock {target}") from e
        try:
            self._recover()
            refuse_foreign(self.target, target)
            tempdirs.clean_stale()
            self.staging = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.partial-", dir=self.target.parent))
            (self.staging / STAGING_MARK).touch()
        except OSError as e:
            self._lock.release()
            raise _problem(e, f"prepare {target}") from e
        except BaseException:
            self._lock.release()
            raise
        self._written: set[str] = set()

    def path(self, relative: str) -> Path:
        """A folder (or file path) inside the staging area, for renderers that write trees (mkdocs)."""
        rel = Path(relative)
        if rel.is_absolute() or ".." in rel.parts or rel.as_posix() in (STAGING_MARK, MANIFEST, MANIFEST_SIGNATURE):
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
        try:
            path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        except OSError as e:
            raise _problem(e, f"write {relative}") from e
        return path

    def manifest(self, input_digest: str, generated: str, extra: dict | None = None) -> dict:
        files = {}
        for path in sorted(p for p in self.staging.rglob("*") if p.is_file()):
            rel = path.relative_to(self.staging).as_posix()
            if rel in (MANIFEST, MANIFEST_SIGNATURE, STAGING_MARK):
                continue
            files[rel] = {"sha256": sha256_file(path), "bytes": path.stat().st_size}
        data = {
            "generator": {"name": GENERATOR, "version": generator_version()},
            "input_digest": input_digest,
            "generated": generated,
            "files": files,
        }
        if extra:
            data.update(extra)
        return data

    def commit(self, input_digest: str, generated: str, extra: dict | None = None) -> dict:
        try:
            manifest = self.manifest(input_digest, generated, extra)
            text = json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
            (self.staging / MANIFEST).write_text(text, encoding="utf-8")
            if self.signer is not None:
                (self.staging / MANIFEST_SIGNATURE).write_bytes(self.signer.sign_detached(text.encode("utf-8")))
            (self.staging / STAGING_MARK).unlink()
            self._swap()
        except OSError as e:
            raise _problem(e, f"write {self.shown}") from e
        finally:
            self._lock.release()
        return manifest

    def discard(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)
        self._lock.release()

    # --- swapping and recovering ------------------------------------------------------------

    def _old(self) -> Path:
        return self.target.with_name(f".{self.target.name}.old-{os.getpid()}")

    def _swap(self) -> None:
        """OUT is renamed aside, the staging folder renamed into place, the old one removed. A crash
        between the two renames leaves the old output beside OUT, restored by the next build."""
        if not self.target.exists():
            os.rename(self.staging, self.target)
            return
        old = self._old()
        try:
            os.rename(self.target, old)
        except OSError as e:
            if e.errno not in UNMOVABLE:
                raise
            self._replace_contents()
            return
        try:
            os.rename(self.staging, self.target)
        except BaseException:
            os.rename(old, self.target)
            raise
        shutil.rmtree(old, ignore_errors=True)

    def _replace_contents(self) -> None:
        """OUT is a mount point: move its contents into a folder inside it (the old manifest first),
        move the new files in (the new manifest last), then remove the old contents."""
        trash = self.target / f"{MOUNTED_OLD}{os.getpid()}"
        trash.mkdir()
        try:
            entries = sorted(self.target.iterdir(), key=lambda p: (p.name != MANIFEST, p.name))
            for entry in entries:
                if not entry.name.startswith(MOUNTED_OLD):
                    os.rename(entry, trash / entry.name)
            for entry in sorted(self.staging.iterdir(), key=lambda p: (p.name == MANIFEST, p.name)):
                shutil.move(entry, self.target / entry.name)
        except BaseException:
            self._recover_contents(trash)  # the old contents back (the new manifest was not in place)
            raise
        self.staging.rmdir()
        shutil.rmtree(trash, ignore_errors=True)

    def _recover(self) -> None:
        """Undo or finish what a killed build left: restore an output renamed aside, finish or roll
        back a replacement of OUT's contents, remove staging folders. Only pbxdoc's own folders."""
        parent, name = self.target.parent, self.target.name
        siblings = sorted(parent.iterdir())
        olds = [p for p in siblings if p.name.startswith(f".{name}.old-") and p.is_dir() and not p.is_symlink() and written_by_pbxdoc(p / MANIFEST)]
        if olds and not self.target.exists():
            os.rename(olds.pop(), self.target)
        for old in olds:
            shutil.rmtree(old)
        for partial in siblings:
            if partial.name.startswith(f".{name}.partial-") and partial.is_dir() and not partial.is_symlink() and ((partial / STAGING_MARK).is_file() or written_by_pbxdoc(partial / MANIFEST)):
                shutil.rmtree(partial)
        if self.target.is_dir():
            for trash in sorted(self.target.iterdir()):
                if trash.name.startswith(MOUNTED_OLD) and trash.is_dir() and not trash.is_symlink():
                    self._recover_contents(trash)

    def _recover_contents(self, trash: Path) -> None:
        if not any(trash.iterdir()):
            trash.rmdir()  # nothing was moved yet
            return
        if written_by_pbxdoc(self.target / MANIFEST):  # the new output was complete
            shutil.rmtree(trash)
            return
        old_manifest = trash / MANIFEST
        if not written_by_pbxdoc(old_manifest):
            return  # not a folder of ours as we left it: leave it to the user
        old_top = {rel.split("/", 1)[0] for rel in json.loads(old_manifest.read_text(encoding="utf-8"))["files"]} | {MANIFEST}
        moved = {p.name for p in trash.iterdir()}
        for entry in self.target.iterdir():
            if entry == trash:
                continue
            if entry.name in moved or entry.name not in old_top:
                _remove(entry)  # a new file of the killed build, or an old one about to come back
        for entry in trash.iterdir():
            os.rename(entry, self.target / entry.name)
        trash.rmdir()


def _within(inner: Path, outer: Path) -> bool:
    return inner == outer or outer in inner.parents


def refuse_unsafe(target: Path, project: Path, shown: Path) -> None:
    """OUT must be neither the project, nor a folder holding it, nor a folder inside it."""
    if target == project:
        raise OutputRefused(f"{shown} is the project folder itself; choose another output folder with -o (nothing was written)")
    if _within(project, target):
        raise OutputRefused(f"{shown} holds the project folder {project}; choose another output folder with -o (nothing was written)")
    if _within(target, project):
        raise OutputRefused(f"{shown} is inside the project folder {project}; choose an output folder outside it with -o (nothing was written)")


def refuse_foreign(target: Path, shown: Path) -> None:
    """A non-empty OUT must hold a manifest.json that pbxdoc wrote, or it is left untouched."""
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise OutputRefused(f"{shown} exists and is not a folder; choose another output folder with -o (nothing was written)")
    if not target.is_dir() or not any(target.iterdir()):
        return
    if any(p.name.startswith(MOUNTED_OLD) and written_by_pbxdoc(p / MANIFEST) for p in target.iterdir()):
        return  # a replacement of OUT's contents that a killed build left: recovered under the lock
    if not (target / MANIFEST).exists():
        raise OutputRefused(
            f"{shown} is not empty and holds no {MANIFEST}: it does not look like a pbxdoc output, "
            "so it is left untouched (choose another folder with -o)"
        )
    if not written_by_pbxdoc(target / MANIFEST):
        raise OutputRefused(
            f"{shown}/{MANIFEST} was not written by pbxdoc (no generator \"{GENERATOR}\" in it), "
            "so the folder is left untouched (choose another folder with -o)"
        )


# --- verify -----------------------------------------------------------------------------------


def _shown(rel: str) -> str:
    """A file name as printable text: control characters (ANSI escapes) are escaped."""
    return rel if rel.isprintable() else ascii(rel)[1:-1]


def entry_problem(out: Path, rel: object) -> str | None:
    """Why a manifest entry cannot be read inside OUT, or None: only plain relative paths, through
    no link, to a regular file."""
    if not isinstance(rel, str) or not rel or "\x00" in rel or "\\" in rel:
        return "not a relative path"
    parts = rel.split("/")
    if rel.startswith("/") or Path(rel).is_absolute() or any(p in ("", ".", "..") for p in parts):
        return "outside the output folder"
    path = out
    for part in parts:
        path = path / part
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            return None  # reported as missing
        except OSError:
            return "unreadable"
        if stat.S_ISLNK(info.st_mode):
            return "a link (verify reads only files inside the output folder)"
    return None if stat.S_ISREG(info.st_mode) else "not a regular file"


def verify(out: Path) -> list[str]:
    """Problems found when recomputing the manifest of a build: changed, missing or extra files,
    and entries that would make it read outside OUT (refused, never read)."""
    manifest_path = out / MANIFEST
    if not written_by_pbxdoc(manifest_path):
        return [f"{MANIFEST} is missing or not a pbxdoc manifest"]
    listed = json.loads(manifest_path.read_text(encoding="utf-8"))["files"]
    problems = []
    for rel, entry in sorted(listed.items()):
        refused = entry_problem(out, rel)
        if refused:
            problems.append(f"refused: {_shown(str(rel))}: {refused}")
            continue
        path = out / rel
        if not os.path.lexists(path):
            problems.append(f"missing: {_shown(rel)}")
        elif (found := sha256_file(path)) != (expected := entry.get("sha256") if isinstance(entry, dict) else None):
            problems.append(f"changed: {_shown(rel)} (sha256 {found}, manifest: {_shown(str(expected))})")
    for dirpath, dirnames, filenames in os.walk(out):  # os.walk follows no link
        for name in sorted(dirnames + filenames):
            path = Path(dirpath) / name
            rel = path.relative_to(out).as_posix()
            if os.path.isdir(path) and not os.path.islink(path):
                continue
            if rel not in (MANIFEST, MANIFEST_SIGNATURE) and rel not in listed:
                problems.append(f"not in manifest: {_shown(rel)}")
    return sorted(problems, key=lambda p: (p.split(": ", 1)[1], p))
