"""Fuzzing: Hypothesis writes YAML, CSV and XLSX concern files, valid and broken, into a small
project. Whatever they hold, validation ends (bounded time) with a valid project or located errors,
and the CLI exits 0 or 1 without a traceback.

Derandomised with a fixed number of examples, so CI runs the same cases every time.
"""

from __future__ import annotations

import csv
import glob
import datetime as dt
import io
import shutil
import tempfile
import time
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from typer.testing import CliRunner

from generator.cli import app
from generator.load import EXAMPLES, SMALL_EXAMPLE, validate
from generator.model.project import CONCERN_BY_NAME
from generator.text import INVISIBLE

SMALL = EXAMPLES / SMALL_EXAMPLE
BASE_FILES = ("pbxdoc.yaml", "sites.yaml", "contacts.yaml", "servers.yaml", "documents/leman-telecom-logo.svg")
TABULAR = sorted(c.name for c in CONCERN_BY_NAME.values() if c.tabular)
STRUCTURED = ("callerid", "waivers", "network", "dect", "backups")
# Problems about a whole file (it is refused, missing, misnamed...): the file is their location.
FILE_LEVEL = {
    "too-large", "special-file", "path-outside", "unreadable", "file-format", "file-misnamed",
    "file-twice", "file-missing", "unknown-file", "xlsx-read", "file-name", "folder-link",
    "checks-skipped", "no-project", "empty-file",
}
SECONDS_PER_EXAMPLE = 5

settings.register_profile(
    "fuzz",
    max_examples=int(__import__("os").environ.get("FUZZ_N", 25)),
    derandomize=True,
    deadline=dt.timedelta(seconds=SECONDS_PER_EXAMPLE),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)
fuzz = settings.get_profile("fuzz")

NASTY = [
    "", " ", "lau", "u-rochat-s", "c-rochat", "201", "+41 21 555 12 00", "0041215551200", "2026-13-01",
    "2026-02-30", "=1+1", "@SUM(A1)", "\t=cmd", "\u202e00 21 555 14+", "la\u200bu", "../../etc/passwd",
    "/etc/shadow", "vault:customers/x", "secret123", "true", "null", "~", "0x1F", "0201", "1e400",
    "NaN", "7:30", "a;b;;c", '"quoted"', "Zürich", "x" * 300, "10.0.0.1", "10.0.0.0/33",
]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
    st.sampled_from(NASTY),
    st.text(max_size=40),
)
nested = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4), max_leaves=20)


def fields_of(concern: str) -> list[str]:
    type_ = CONCERN_BY_NAME[concern].type
    model = type_.__args__[0] if getattr(type_, "__origin__", None) is list else type_
    return sorted(model.model_fields)


@st.composite
def records(draw, concern: str) -> list[dict]:
    names = fields_of(concern)
    keys = st.sampled_from(names) | st.sampled_from(["", "id ", "Unknown", "ID"])
    return draw(st.lists(st.dictionaries(keys, scalars, max_size=len(names) + 1), max_size=6))


def yaml_bytes(draw, concern: str) -> bytes:
    data = draw(records(concern) if CONCERN_BY_NAME[concern].tabular else nested)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return text.encode() if draw(st.booleans()) else _damage(draw, text.encode())


def _damage(draw, raw: bytes) -> bytes:
    """A file cut short, with noise inserted, or replaced. Positions are drawn independently of the
    length (a workbook's length varies with its save time; Hypothesis needs the same draws)."""
    how = draw(st.sampled_from(["cut", "noise", "bytes", "text"]))
    if how == "cut":
        return raw[: draw(st.integers(0, 2**20)) % (len(raw) + 1)]
    if how == "noise":
        at = draw(st.integers(0, 2**20)) % (len(raw) + 1)
        return raw[:at] + draw(st.binary(min_size=1, max_size=8)) + raw[at:]
    if how == "bytes":
        return draw(st.binary(max_size=200))
    return draw(st.text(alphabet=st.sampled_from(list(":-[]{}&*!|>'\"#%@`,;\n \tabc01é\u202e\x00")), max_size=200)).encode()


def csv_bytes(draw, concern: str) -> bytes:
    rows = draw(records(concern))
    header = sorted({k for row in rows for k in row}) or fields_of(concern)[:3]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=draw(st.sampled_from([",", ";"])), lineterminator=draw(st.sampled_from(["\n", "\r\n"])))
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if row.get(h) is None else str(row.get(h)) for h in header])
    raw = out.getvalue().encode()
    return raw if draw(st.booleans()) else _damage(draw, raw)


def xlsx_bytes(draw, concern: str) -> bytes:
    rows = draw(records(concern))
    header = sorted({k for row in rows for k in row}) or fields_of(concern)[:3]
    book = Workbook()
    sheet = book.active
    sheet.title = draw(st.sampled_from(["Sheet", "users", "Données 2026"]))
    sheet.append(header)
    for row in rows:
        cells = []
        for h in header:
            value = row.get(h)
            if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
                value = str(value)
            if isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)
            if isinstance(value, int) and abs(value) > 10**15:
                value = str(value)
            cells.append(value)
        sheet.append(cells)
    if draw(st.booleans()):
        sheet.cell(row=draw(st.integers(1, 20)), column=draw(st.integers(1, 40)), value=draw(st.sampled_from(["=A1+1", "=SUM(B2:B9)", "x"])))
    out = io.BytesIO()
    book.save(out)
    raw = out.getvalue()
    return raw if draw(st.booleans()) else _damage(draw, raw)


@st.composite
def concern_files(draw) -> tuple[str, bytes]:
    """One concern file: its name and content, in a format the concern may have or not."""
    concern = draw(st.sampled_from(TABULAR + list(STRUCTURED) + ["pbxdoc", "sites"]))
    fmt = draw(st.sampled_from(["yaml", "csv", "xlsx"]) if CONCERN_BY_NAME[concern].tabular else st.sampled_from(["yaml", "yaml", "csv"]))
    content = {"yaml": yaml_bytes, "csv": csv_bytes, "xlsx": xlsx_bytes}[fmt](draw, concern)
    name = draw(st.sampled_from([concern, concern, concern, concern[:-1], f"{concern}\x1b[2J", f"\x1b]0;x\x07{concern}", f"{concern}\u202e", f"notes\r\n{concern}"]))
    return f"{name}.{fmt}", content


def make_project(files: list[tuple[str, bytes]]) -> Path:
    root = Path(tempfile.mkdtemp(prefix="pbxdoc-fuzz-"))
    for name in BASE_FILES:
        (root / name).parent.mkdir(exist_ok=True)
        shutil.copy(SMALL / name, root / name)
    for name, content in files:
        stem = name.rsplit(".", 1)[0]
        for old in root.glob(f"{glob.escape(stem)}.*"):
            old.unlink()
        (root / name).write_bytes(content)
    return root


def assert_located(root: Path, report) -> None:
    for d in report.diagnostics:
        assert d.location.file, f"no file: {d}"
        if d.code in ("file-missing", "no-project"):
            continue
        assert (root / d.location.file).exists() or d.location.file == "pbxdoc.yaml", f"names no file of the project: {d}"
        if d.code not in FILE_LEVEL:
            assert d.location.line or d.location.cell, f"no line or cell: {d}"


def check(files: list[tuple[str, bytes]]) -> None:
    root = make_project(files)
    try:
        start = time.perf_counter()
        project, report = validate(root)
        assert time.perf_counter() - start < SECONDS_PER_EXAMPLE
        assert (project is None) == report.has_errors()
        assert_located(root, report)
        result = CliRunner().invoke(app, ["validate", str(root)])
        assert result.exit_code in (0, 1), result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        assert "Traceback" not in result.output
        assert not [c for c in result.output if c != "\n" and (ord(c) < 32 or 0x7F <= ord(c) <= 0x9F or c in INVISIBLE)], f"unescaped control or invisible characters: {result.output!r}"
    finally:
        shutil.rmtree(root)


@fuzz
@given(st.lists(concern_files(), min_size=1, max_size=3))
def test_any_concern_files_give_located_errors_or_a_project(files):
    check(files)


@settings(fuzz, max_examples=15)
@given(concern_files().filter(lambda f: f[0].endswith(".xlsx")))
def test_any_workbook_gives_located_errors_or_a_project(file):
    check([file])


def test_the_fuzzed_project_base_is_valid():
    """The non-trigger case: the base every example starts from validates as it is."""
    root = make_project([])
    try:
        project, report = validate(root)
        assert project is not None, [str(d) for d in report.errors]
    finally:
        shutil.rmtree(root)
