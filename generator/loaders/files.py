"""Find a project's files and read each into a Source, safely.

One bad file never hides the others: every problem becomes a diagnostic and reading goes on.
"""

from __future__ import annotations

import difflib
import hashlib
import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.diagnostics import Location, Report
from generator.loaders.fs import NotRegular, describe, holds_a_build, open_regular, sha256_file, sha256_of, walk
from generator.loaders.limits import ReadLimits, report_too_large
from generator.loaders.source import Source
from generator.loaders.tabular import read_csv, read_xlsx, workbook_size_problem
from generator.loaders.yaml_file import read_yaml
from generator.text import describe_invisible, unprintable_characters

DATA_SUFFIXES = (".yaml", ".yml", ".csv", ".xlsx")
ROOT_FILE = "pbxdoc.yaml"


@dataclass
class ProjectFiles:
    """The sources read from a project folder, by concern, with the digest of every file."""

    root: Path
    sources: dict[str, Source] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)
    unreadable: set[str] = field(default_factory=set)  # concerns whose file is missing or could not be read
    limits: ReadLimits = field(default_factory=ReadLimits)
    is_project: bool = False  # a folder holding pbxdoc.yaml (readable or not)

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


def refuse_special(report: Report, kind: str, rel: str) -> None:
    report.error("special-file", f"the file is {kind}, not a regular file; refused without reading it", Location(rel), expected="only regular files and folders in a project")


def read_file(root: Path, path: Path, report: Report, limits: ReadLimits | None = None) -> tuple[Source | None, str | None]:
    """Read one data file; returns its Source (or None after reporting why) and its digest."""
    limits = limits or ReadLimits()
    rel = path.relative_to(root).as_posix()
    kind = describe(path)
    if kind is not None and kind != "a broken link":  # decided from stat: opening a FIFO blocks, a device may act on open
        refuse_special(report, kind, rel)
        return None, None
    if not inside(root, path):
        report.error("path-outside", "the file is a link that leaves the project folder; refused", Location(rel), expected="a file inside the project")
        return None, None
    try:
        stream = open_regular(path)
    except NotRegular as e:  # replaced between the stat and the open
        refuse_special(report, str(e), rel)
        return None, None
    except OSError as e:
        report.error("unreadable", f"the file cannot be read ({e.strerror})", Location(rel), expected="a readable file")
        return None, None
    with stream:
        size = os.fstat(stream.fileno()).st_size
        xlsx = path.suffix.lower() == ".xlsx"
        limit_mb, limit_name = (limits.workbook_mb, "workbook_mb") if xlsx else (limits.file_mb, "file_mb")
        if size > limit_mb * 1_000_000:
            report_too_large(report, f"the file is {size / 1e6:.1f} MB, over the {limit_mb:,} MB limit", limit_name, Location(rel))
            return None, None
        if xlsx:
            digest = sha256_of(stream)
            stream.seek(0)
            problem = workbook_size_problem(stream, limits)
            if problem:
                report_too_large(report, problem, "workbook_unpacked_mb", Location(rel))
                return None, digest
            stream.seek(0)
            return read_xlsx(stream, rel, report, limits), digest
        if path.suffix.lower() == ".csv":
            return _read_csv_file(stream, rel, report, limits)
        raw = stream.read()
    digest = hashlib.sha256(raw).hexdigest()
    if not raw.strip():
        report.error("empty-file", "the file is empty", Location(rel, 1, 1), expected="the data of this concern, or remove the file")
        return None, digest
    text = _decode(raw, rel, report)
    if text is None:
        return None, digest
    if "\x00" in text:
        report.error("encoding", "the file contains NUL characters (binary file?)", Location(rel, 1, 1), expected="a text file")
        return None, digest
    return read_yaml(text, rel, report, limits), digest


def _read_csv_file(stream, rel: str, report: Report, limits: ReadLimits) -> tuple[Source | None, str]:
    """A CSV file is read as a stream of rows: a million-row export is refused at the row limit
    without ever being held whole."""
    digest = sha256_of(stream)
    stream.seek(0)
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    try:
        return read_csv(text, rel, report, limits), digest
    except UnicodeDecodeError:
        stream.seek(0)
        _decode(stream.read(), rel, report)  # bounded by the file size limit; locates the byte
        return None, digest
    finally:
        text.detach()


def digest_other_files(root: Path, files: ProjectFiles, report: Report | None = None, hash_files: bool = True) -> None:
    """Add every other file of the project (documents, backups, logos, vendor or runbook files) to
    the digests, so that the input digest changes whenever anything an output draws on changes.

    Hidden files and folders, links leaving the project, and build outputs kept inside the
    project (folders holding a manifest.json) are left out; links to folders are never followed;
    special files (FIFO, device, socket) are refused by name. The walk stops at the project limits.
    """
    report = report if report is not None else Report()
    limits = files.limits
    count, total = 0, 0
    for entry in walk(root, skip_folder=holds_a_build):
        hidden = unprintable_characters(entry.rel)
        if hidden:
            report.error("file-name", f"the name contains {describe_invisible(hidden)}, which make it read differently from what it is", Location(entry.rel), expected="a file name of visible characters; rename the file")
        if entry.folder_link:
            report.warning("folder-link", "a link to a folder: not followed (it could leave the project or loop back into it)", Location(entry.rel), expected="the folder itself inside the project, not a link")
            continue
        if entry.problem:
            refuse_special(report, entry.problem, entry.rel)
            continue
        count += 1
        total += entry.size
        if count > limits.project_files:
            report_too_large(report, f"the project holds more than {limits.project_files:,} files (the walk stopped here)", "project_files", Location(entry.rel))
            return
        if total > limits.project_mb * 1_000_000:
            report_too_large(report, f"the project folder is over {limits.project_mb:,} MB (reached with this file)", "project_mb", Location(entry.rel))
            return
        if hash_files and entry.rel not in files.digests:
            try:
                files.digests[entry.rel] = sha256_file(entry.path)
            except (OSError, NotRegular) as e:
                report.error("unreadable", f"the file cannot be read ({getattr(e, 'strerror', None) or e})", Location(entry.rel), expected="a readable regular file")


def read_project_files(root: Path, report: Report, concerns: Sequence, limits_of: Callable[[Source | None], ReadLimits] = lambda source: ReadLimits()) -> ProjectFiles:
    """Read every concern file of the project folder; `concerns` are the model's (name,
    extensions, required, tabular), handed in because the loaders sit below the model.
    `limits_of` reads the limits the root file sets (it is read first, with the defaults)."""
    CONCERNS = tuple(concerns)
    CONCERN_BY_NAME = {c.name: c for c in CONCERNS}
    files = ProjectFiles(root)
    if not root.is_dir():
        report.error("no-project", "not a folder", Location(str(root)), expected="a project folder holding pbxdoc.yaml")
        return files
    if describe(root / ROOT_FILE) in ("missing", "a folder"):
        report.error("no-project", f"no {ROOT_FILE} in this folder", Location(ROOT_FILE), expected="a project folder holding pbxdoc.yaml (create one with `pbxdoc init DIR`)")
        return files
    files.is_project = True
    candidates = sorted(p for p in root.iterdir() if p.suffix.lower() in DATA_SUFFIXES and describe(p) not in ("a folder", "missing"))
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
        source, digest = read_file(root, paths[0], report, files.limits)
        if concern.name == ROOT_FILE.removesuffix(".yaml"):
            files.limits = limits_of(source)
        rel = paths[0].relative_to(root).as_posix()
        if digest:
            files.digests[rel] = digest
        if source is not None:
            files.sources[concern.name] = source
        else:
            files.unreadable.add(concern.name)
    digest_other_files(root, files, report, hash_files=not report.has_errors())
    return files
