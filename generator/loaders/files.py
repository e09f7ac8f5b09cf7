"""Find a project's files and read each into a Source, safely.

One bad file never hides the others: every problem becomes a diagnostic and reading goes on.
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.diagnostics import Location, Report
from generator.loaders.source import Source
from generator.loaders.tabular import read_csv, read_xlsx
from generator.loaders.yaml_file import read_yaml

MAX_TEXT_BYTES = 20 * 1024 * 1024
MAX_XLSX_BYTES = 50 * 1024 * 1024
DATA_SUFFIXES = (".yaml", ".yml", ".csv", ".xlsx")
ROOT_FILE = "pbxdoc.yaml"


@dataclass
class ProjectFiles:
    """The sources read from a project folder, by concern, with the digest of every file."""

    root: Path
    sources: dict[str, Source] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)
    unreadable: set[str] = field(default_factory=set)  # concerns whose file is missing or could not be read

    def digest(self) -> str:
        h = hashlib.sha256()
        for name in sorted(self.digests):
            h.update(f"{name}\0{self.digests[name]}\n".encode())
        return h.hexdigest()


def inside(root: Path, path: Path) -> bool:
    """True when path (after following links) stays inside root."""
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except ValueError:
        return False


def _decode(raw: bytes, file: str, report: Report) -> str | None:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        column = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        message, expected = f"byte 0x{raw[e.start]:02x} is not valid UTF-8", "a file saved as UTF-8"
        try:
            char = raw[e.start : e.start + 1].decode("cp1252")
            raw.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:  # what Excel's plain "CSV" and old Windows editors write
            message += f": the file looks saved as Windows-1252, where it is '{char}'"
            expected = "a file saved as UTF-8; in Excel: Save As, CSV UTF-8"
        report.error("encoding", message, Location(file, line, column), expected=expected)
        return None


def read_file(root: Path, path: Path, report: Report) -> tuple[Source | None, str | None]:
    """Read one data file; returns its Source (or None after reporting why) and its digest."""
    rel = path.relative_to(root).as_posix()
    if not inside(root, path):
        report.error("path-outside", "the file is a link that leaves the project folder; refused", Location(rel), expected="a file inside the project")
        return None, None
    size = path.stat().st_size
    limit = MAX_XLSX_BYTES if path.suffix == ".xlsx" else MAX_TEXT_BYTES
    if size > limit:
        report.error("too-large", f"the file is {size / 1e6:.1f} MB, over the {limit / 1e6:.0f} MB limit", Location(rel), expected="a smaller file (split the data)")
        return None, None
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if path.suffix == ".xlsx":
        return read_xlsx(path, rel, report), digest
    if not raw.strip():
        report.error("empty-file", "the file is empty", Location(rel, 1, 1), expected="the data of this concern, or remove the file")
        return None, digest
    text = _decode(raw, rel, report)
    if text is None:
        return None, digest
    if "\x00" in text:
        report.error("encoding", "the file contains NUL characters (binary file?)", Location(rel, 1, 1), expected="a text file")
        return None, digest
    if path.suffix == ".csv":
        return read_csv(text, rel, report), digest
    return read_yaml(text, rel, report), digest


def digest_other_files(root: Path, files: ProjectFiles) -> None:
    """Add every other file of the project (documents, backups, logos, vendor or runbook files) to
    the digests, so that the input digest changes whenever anything an output draws on changes.

    Hidden files and folders, links leaving the project, and build outputs kept inside the
    project (folders holding a manifest.json) are left out.
    """
    stack = [root]
    while stack:
        folder = stack.pop()
        for path in sorted(folder.iterdir()):
            if path.name.startswith("."):
                continue
            if path.is_dir():
                if inside(root, path) and not (path / "manifest.json").is_file():
                    stack.append(path)
            elif path.is_file() and inside(root, path):
                rel = path.relative_to(root).as_posix()
                if rel not in files.digests:
                    files.digests[rel] = hashlib.sha256(path.read_bytes()).hexdigest()


def read_project_files(root: Path, report: Report, concerns: Sequence) -> ProjectFiles:
    """Read every concern file of the project folder; `concerns` are the model's (name,
    extensions, required, tabular), handed in because the loaders sit below the model."""
    CONCERNS = tuple(concerns)
    CONCERN_BY_NAME = {c.name: c for c in CONCERNS}
    files = ProjectFiles(root)
    if not root.is_dir():
        report.error("no-project", "not a folder", Location(str(root)), expected="a project folder holding pbxdoc.yaml")
        return files
    if not (root / ROOT_FILE).is_file():
        report.error("no-project", f"no {ROOT_FILE} in this folder", Location(ROOT_FILE), expected="a project folder holding pbxdoc.yaml (create one with `pbxdoc init DIR`)")
        return files
    candidates = sorted(p for p in root.iterdir() if p.is_file() and p.suffix.lower() in DATA_SUFFIXES)
    found: dict[str, list[Path]] = {}
    unknown: list[tuple[Path, list[str]]] = []
    for path in candidates:
        stem = path.stem.lower()
        concern = CONCERN_BY_NAME.get(stem)
        if concern is None:
            unknown.append((path, difflib.get_close_matches(stem, list(CONCERN_BY_NAME), n=1)))
            continue
        if path.suffix.lower() not in concern.extensions:
            report.error("file-format", f"{concern.name} cannot be a {path.suffix} file", Location(path.name), expected=" or ".join(concern.extensions))
            continue
        found.setdefault(concern.name, []).append(path)
    for path, close in unknown:
        if close and close[0] not in found:  # user.csv and no users file: surely meant as users
            files.unreadable.add(close[0])
            report.error("file-misnamed", f"not a pbxdoc data file, and the project has no {close[0]} file", Location(path.name), expected=f"did you mean {close[0]}{path.suffix}?")
            continue
        hint = f"did you mean {close[0]}{path.suffix}? " if close else ""
        report.warning("unknown-file", f"not a pbxdoc data file, ignored; {hint}known files: {', '.join(c.name for c in CONCERNS)}", Location(path.name))
    for concern in CONCERNS:
        paths = found.get(concern.name, [])
        if len(paths) > 1:
            names = ", ".join(p.name for p in paths)
            report.error("file-twice", f"{concern.name} is given by several files ({names})", Location(paths[1].name), expected="exactly one file per concern")
            files.unreadable.add(concern.name)
            continue
        if not paths:
            if concern.required:
                files.unreadable.add(concern.name)
                report.error("file-missing", f"the project has no {concern.name} file", Location(f"{concern.name}.yaml"), expected=f"{concern.name}.yaml ({concern.summary})")
            continue
        source, digest = read_file(root, paths[0], report)
        rel = paths[0].relative_to(root).as_posix()
        if digest:
            files.digests[rel] = digest
        if source is not None:
            files.sources[concern.name] = source
        else:
            files.unreadable.add(concern.name)
    if not report.has_errors():
        digest_other_files(root, files)
    return files
