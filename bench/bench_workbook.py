"""Workbook writing at scale: 50,000 rows in total, xlsxwriter (what pbxdoc uses) against
openpyxl's write-only mode writing the same sheets with the same cell styles.

Each writer runs in its own process so that its peak memory (max RSS) is its own.

    python bench/bench_workbook.py [--rows 50000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.i18n import Translator  # noqa: E402
from generator.load import EXAMPLES, SMALL_EXAMPLE, load  # noqa: E402
from generator.dates import generation_date  # noqa: E402
from generator.workbook import build_sheets, render_workbook  # noqa: E402


def large_project(rows: int):
    """The small example grown to `rows` rows over all sheets: users (which also fill the rights
    matrix), addresses and handsets."""
    project = load(EXAMPLES / SMALL_EXAMPLE)
    users_n = rows * 2 // 5  # users sheet + rights matrix = 80 %
    others = (rows - 2 * users_n) // 2
    base_user, base_addr, base_hs = project.users[1], project.addresses[0], project.handsets[0]
    users = [base_user.model_copy(update={"id": f"u-{i}", "extension": str(10000 + i), "last_name": f"Name{i}", "email": f"user{i}@example.ch"}) for i in range(users_n)]
    addresses = [base_addr.model_copy(update={"address": f"10.{i // 65536 % 256}.{i // 256 % 256}.{i % 256}", "hostname": f"host-{i}"}) for i in range(others)]
    handsets = [base_hs.model_copy(update={"id": f"hs-{i}", "extension": str(20000 + i)}) for i in range(others)]
    return project.replace(users=users, addresses=addresses, handsets=handsets)


def write_xlsxwriter(project, translator, generated) -> bytes:
    return render_workbook(project, translator, generated)


def write_openpyxl(project, translator, generated) -> bytes:
    """The same sheets through openpyxl's write-only mode, cells styled alike."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    from generator.workbook.xlsx import WorkbookWriter, sheet_name

    writer = WorkbookWriter(translator, {}, ("", ""), "", "#0b5563")
    wb = Workbook(write_only=True)
    side = Side(style="thin", color="D9D9D9")
    border = Border(left=side, right=side, top=side, bottom=side)
    header_font, header_fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="0B5563")
    band = PatternFill("solid", fgColor="F2F6F8")
    font, top = Font(name="Calibri", size=10), Alignment(vertical="top")
    taken: set[str] = set()
    for sheet in build_sheets(project, generated.date()):
        ws = wb.create_sheet(sheet_name(translator.t(f"workbook.sheet.{sheet.key}"), taken))
        ws.freeze_panes = "B2"
        ws.page_setup.orientation = "landscape"
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        header = []
        for column in sheet.columns:
            cell = WriteOnlyCell(ws, writer.label(column))
            cell.font, cell.fill, cell.border = header_font, header_fill, border
            header.append(cell)
        ws.append(header)
        for r, row in enumerate(sheet.rows, start=1):
            cells = []
            for column, value in zip(sheet.columns, row):
                shown = writer.display(column, value)
                cell = WriteOnlyCell(ws, shown if not isinstance(shown, dt.date) else dt.datetime(shown.year, shown.month, shown.day))
                cell.font, cell.border, cell.alignment = font, border, top
                if isinstance(shown, str):
                    cell.data_type = "s"  # never a formula
                elif isinstance(shown, dt.date):
                    cell.number_format = "dd.mm.yyyy"
                if r % 2 == 0:
                    cell.fill = band
                cells.append(cell)
            ws.append(cells)
        ws.auto_filter.ref = f"A1:{chr(64 + min(len(sheet.columns), 26))}{len(sheet.rows) + 1}"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


WRITERS = {"xlsxwriter": write_xlsxwriter, "openpyxl-write-only": write_openpyxl}


def run_one(name: str, rows: int) -> dict:
    project = large_project(rows)
    translator = Translator("fr")
    generated = generation_date(project)
    sheets = build_sheets(project, generated.date())
    total_rows, cells = sum(len(s.rows) for s in sheets), sum(len(s.rows) * len(s.columns) for s in sheets)
    del sheets
    before = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    data = WRITERS[name](project, translator, generated)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"writer": name, "rows": total_rows, "cells": cells, "seconds": round(seconds, 2), "cpu": round(cpu, 2), "bytes": len(data), "peak_rss_mb": round(after.ru_maxrss / 1024)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--one", choices=sorted(WRITERS), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.rows)))
        return
    print(f"{'writer':<22}{'rows':>8}{'cells':>9}{'wall s':>8}{'CPU s':>7}{'MB file':>9}{'peak RSS MB':>13}")
    for name in WRITERS:
        out = subprocess.run([sys.executable, __file__, "--rows", str(args.rows), "--one", name], capture_output=True, text=True, check=True)
        r = json.loads(out.stdout)
        print(f"{r['writer']:<22}{r['rows']:>8}{r['cells']:>9}{r['seconds']:>8}{r['cpu']:>7}{r['bytes'] / 1e6:>9.1f}{r['peak_rss_mb']:>13}")
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (wall time grows with it; CPU time much less)")
    print("pbxdoc writes with xlsxwriter in constant-memory mode (target: under 5 s for 50,000 rows).")


if __name__ == "__main__":
    main()
