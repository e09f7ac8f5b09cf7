"""Hostile and largest-accepted inputs: time and peak memory of `validate` on each.

Every case copies the small example, plants one input, and validates it in a fresh interpreter
capped in memory and time (a zip bomb must not take the machine down with it). The largest
accepted inputs sit exactly at the default limits (README, "Limits").

    python bench/bench_limits.py [--cases NAME,...] [--timeout S] [--mem-gb G] [--bomb-gb G] [--big-gb G]

Inputs are generated once into bench/out/limits/ (bombs are written in chunks, never held).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SMALL = REPO / "data" / "examples" / "fiduciaire-rochat"
WORK = HERE / "out" / "limits"

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from generator.load import validate
t0, c0 = time.perf_counter(), time.process_time()
project, report = validate(Path(sys.argv[1]))
errors = [str(d) for d in report.errors]
print(json.dumps({
    "seconds": time.perf_counter() - t0,
    "cpu": time.process_time() - c0,
    "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "valid": project is not None,
    "users": len(project.users) if project else 0,
    "first_error": next((e for e in errors if "refused" in e), errors[0] if errors else "")[:150],
    "warnings": len(report.warnings),
}))
"""

USERS_HEADER = ["id", "first_name", "last_name", "extension", "site", "rights_profile", "terminal"]


def user_rows(count: int, notes: str = ""):
    for i in range(count):
        yield [f"u{i}", "Anne", f"Muster{i}", str(1_000_000 + i), "lau", "p-standard", "t-t58w"]


def project_with(name: str) -> Path:
    root = WORK / name / "project"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(SMALL, root)
    (root / "handsets.csv").unlink()  # handsets name the example's users
    return root


def users_csv(root: Path, rows) -> None:
    """The example's users (others files name them), then the generated ones, in its columns."""
    with open(root / "users.csv", encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    with open(root / "users.csv", "a", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        for row in rows:
            record = dict(zip(USERS_HEADER, row))
            writer.writerow([record.get(h, "") for h in header])


def zip_xml(path: Path, name: str, head: bytes, chunk: bytes, total: int, tail: bytes, extra: dict[str, bytes]) -> None:
    """A zip holding `name` of about `total` bytes (head + repeated chunk + tail), written in chunks."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for part, data in extra.items():
            archive.writestr(part, data)
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as out:
            out.write(head)
            block = chunk * max(1, (8 << 20) // len(chunk))
            written = 0
            while written < total:
                out.write(block)
                written += len(block)
            out.write(tail)


def sheet_head(xml: bytes) -> bytes:
    """A sheet's XML up to its data, without the <dimension> that would tell a reader how far to go."""
    head = xml.split(b"<sheetData>")[0]
    start = head.find(b"<dimension")
    if start >= 0:
        head = head[:start] + head[head.index(b"/>", start) + 2 :]
    return head + b"<sheetData>"


def workbook_parts(sheet_name: str = "users") -> dict[str, bytes]:
    """The parts of a minimal workbook around its first sheet (as openpyxl writes them)."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = sheet_name
    book.active.append(["id"])
    tmp = WORK / "template.xlsx"
    tmp.parent.mkdir(parents=True, exist_ok=True)
    book.save(tmp)
    with zipfile.ZipFile(tmp) as archive:
        return {i.filename: archive.read(i) for i in archive.infolist()}


def case_zip_bomb(gb: float) -> Path:
    """A ~5 MB xlsx whose sheet XML unpacks to `gb` GB of rows."""
    root = project_with("zip-bomb")
    (root / "users.csv").unlink()
    parts = workbook_parts()
    sheet = "xl/worksheets/sheet1.xml"
    head = sheet_head(parts.pop(sheet))
    zip_xml(root / "users.xlsx", sheet, head, b'<row><c t="inlineStr"><is><t>u</t></is></c></row>', int(gb * 1e9), b"</sheetData></worksheet>", parts)
    return root


def case_huge_cell(gb: float) -> Path:
    """A small xlsx whose one cell holds `gb` GB of text."""
    root = project_with("huge-cell")
    (root / "users.csv").unlink()
    parts = workbook_parts()
    sheet = "xl/worksheets/sheet1.xml"
    head = sheet_head(parts.pop(sheet)) + b'<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>notes</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>u1</t></is></c><c r="B2" t="inlineStr"><is><t>'
    zip_xml(root / "users.xlsx", sheet, head, b"x" * 4096, int(gb * 1e9), b"</t></is></c></row></sheetData></worksheet>", parts)
    return root


def case_million_rows() -> Path:
    """1,000,000 users in a CSV under the 20 MB file limit."""
    root = project_with("million-rows")
    (root / "users.csv").unlink()
    with open(root / "users.csv", "w", encoding="utf-8") as f:
        f.write("id,extension\n")
        f.writelines(f"u{i},{i}\n" for i in range(1_000_000))
    return root


def case_folder_links() -> Path:
    root = project_with("folder-links")
    os.symlink("..", root / "documents" / "up")
    os.symlink("..", root / "documents" / "up2")
    return root


def case_fifo() -> Path:
    root = project_with("fifo")
    (root / "callerid.yaml").unlink()
    os.mkfifo(root / "callerid.yaml")
    return root


def case_big_file(gb: float) -> Path:
    """A backup export of `gb` GB (sparse: no disk used) that the input digest must cover."""
    root = project_with("big-file")
    with open(root / "backups" / "full-export.bin", "wb") as f:
        f.truncate(int(gb * 1e9))
    return root


def case_largest_csv() -> Path:
    """The largest users table accepted by default: 100,000 rows."""
    root = project_with("largest-csv")
    users_csv(root, user_rows(100_000 - 25))
    return root


def case_largest_xlsx(rows: int = 100_000) -> Path:
    """The same users as a workbook (written row by row); 100,000 rows is the default limit."""
    from openpyxl import Workbook

    root = project_with("largest-xlsx")
    users_csv(root, user_rows(rows - 25))
    book = Workbook(write_only=True)
    sheet = book.create_sheet("users")
    with open(root / "users.csv", encoding="utf-8", newline="") as f:
        for row in csv.reader(f):
            sheet.append(row)
    book.save(root / "users.xlsx")
    (root / "users.csv").unlink()
    return root


def case_longest_value() -> Path:
    """A value at the field limit (32,767 characters) in a CSV cell."""
    root = project_with("longest-value")
    users_csv(root, [["u-long", "Anne", "x" * 32_767, "2000001", "lau", "p-standard", "t-t58w"]])
    return root


def cases(args) -> dict:
    return {
        "zip-bomb": lambda: case_zip_bomb(args.bomb_gb),
        "huge-cell": lambda: case_huge_cell(args.cell_gb),
        "million-rows": case_million_rows,
        "folder-links": case_folder_links,
        "fifo": case_fifo,
        "big-file": lambda: case_big_file(args.big_gb),
        "largest-csv": case_largest_csv,
        "largest-xlsx": lambda: case_largest_xlsx(args.xlsx_rows),
        "longest-value": case_longest_value,
    }


def run(root: Path, timeout: float, mem_gb: float) -> dict:
    def cap():
        limit = int(mem_gb * (1 << 30))
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    start = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-c", CHILD, str(root)], cwd=REPO, capture_output=True, text=True, timeout=timeout, preexec_fn=cap)
    except subprocess.TimeoutExpired:
        return {"outcome": f"still running after {timeout:.0f} s (killed)", "seconds": timeout}
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return {"outcome": f"crashed (exit {done.returncode}): {last[:100]}", "seconds": time.perf_counter() - start}
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["outcome"] = "valid" if result["valid"] else "refused: " + result["first_error"]
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", default="", help="comma-separated case names (default: all)")
    parser.add_argument("--timeout", type=float, default=90, help="seconds before a case is killed")
    parser.add_argument("--mem-gb", type=float, default=3, help="address-space cap of each run, GB")
    parser.add_argument("--bomb-gb", type=float, default=2, help="unpacked size of the zip bomb, GB")
    parser.add_argument("--cell-gb", type=float, default=1, help="size of the one huge cell, GB")
    parser.add_argument("--xlsx-rows", type=int, default=100_000, help="rows of the largest-xlsx case")
    parser.add_argument("--big-gb", type=float, default=3, help="size of the big file in the project, GB")
    args = parser.parse_args(argv)
    table = cases(args)
    names = [n for n in args.cases.split(",") if n] or list(table)
    print(f"{'case':<14} {'input':>10} {'time':>8} {'peak RSS':>9}  outcome")
    for name in names:
        root = table[name]()
        size = sum(p.lstat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink() and p.name != "full-export.bin")
        result = run(root, args.timeout, args.mem_gb)
        rss = f"{result['maxrss_mb']:.0f} MB" if "maxrss_mb" in result else "-"
        print(f"{name:<14} {size / 1e6:>7.1f} MB {result['seconds']:>6.2f} s {rss:>9}  {result['outcome']}", flush=True)
        shutil.rmtree(root.parent)
    return 0


if __name__ == "__main__":
    sys.exit(main())
