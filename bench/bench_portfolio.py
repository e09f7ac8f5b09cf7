"""Time portfolio builds on the synthetic portfolio of bench/make_portfolio.py.

    python bench/bench_portfolio.py [--customers 200] [--jobs N] [--only data] [--out DIR]

Measures, with every customer built in its own process as `pbxdoc portfolio build` does:
1. cold: every customer built (the invalid ones fail), then the dashboard;
2. unchanged: the same again, nothing changed (target, issue 17: under 5 s);
3. one changed: one customer's file edited (target: that customer's build time plus under 5 s);
4. peak memory of the largest customer's build process and of the parent;
5. the projected wall time of 1,000 customers on n machines like this one, from the measured
   cost per customer (cold wall time x jobs / customers attempted, i.e. core-seconds per customer).
--only passes renderers to every customer's build (the full build typesets PDFs and a site per
customer: minutes per hundred customers on two cores); say which one you ran with the figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from make_portfolio import DEFAULT_OUT, MARKER, make  # noqa: E402

from generator.portfolio.build import PortfolioOptions, build_portfolio  # noqa: E402
from generator.portfolio.runner import Limits  # noqa: E402

OUT = HERE / "out" / "portfolio"


def cpu_seconds() -> float:
    """CPU time of this process and of the builds it waited for: on a shared machine, wall time
    measures the neighbours too."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run(portfolio: Path, options: PortfolioOptions, label: str) -> tuple[float, object, float]:
    start, cpu = time.perf_counter(), cpu_seconds()
    summary = build_portfolio(portfolio, options)
    seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    counts = ", ".join(f"{summary.count(s)} {s}" for s in ("built", "unchanged", "failed"))
    print(f"{label:<12} {seconds:8.2f} s wall {cpu:8.2f} s CPU   ({counts})", flush=True)
    return seconds, summary, cpu


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--only", action="append", default=[], help="renderer(s) each customer's build runs (repeatable); default: all")
    parser.add_argument("--portfolio", type=Path, default=DEFAULT_OUT, help="the generated portfolio (rewritten when its size differs)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc).timestamp())))

    existing = sum(1 for p in args.portfolio.iterdir() if p.is_dir()) if (args.portfolio / MARKER).is_file() else -1
    if existing != args.customers:
        make(args.portfolio, args.customers, dt.date(2026, 12, 1))
    if args.out.exists():
        shutil.rmtree(args.out)
    options = PortfolioOptions(out=args.out, limits=Limits(jobs=args.jobs), only=tuple(args.only))
    print(f"{args.customers} customers, --jobs {args.jobs}, only: {', '.join(args.only) or 'all renderers'}")

    cold, summary, cold_cpu = run(args.portfolio, options, "cold")
    attempted = summary.count("built") + summary.count("failed")
    per_customer = cold * args.jobs / max(1, attempted)
    cpu_per_customer = cold_cpu / max(1, attempted)
    built = [e for e in summary.entries if e.status == "built"]
    slowest = max(built, key=lambda e: e.seconds)
    unchanged, _, _ = run(args.portfolio, options, "unchanged")

    changed_id = built[len(built) // 2].id
    with (args.portfolio / changed_id / "pbxdoc.yaml").open("a", encoding="utf-8") as f:
        f.write("# edited by bench_portfolio.py\n")
    one, summary, _ = run(args.portfolio, options, "one changed")
    [entry] = [e for e in summary.entries if e.status == "built"]
    print(f"{'':<12} {entry.id} built in {entry.seconds:.2f} s; the rest of the run {one - entry.seconds:.2f} s (target < 5 s)")
    print(f"{'':<12} unchanged run {unchanged:.2f} s (target < 5 s)")

    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: largest customer build {child:.0f} MB, the portfolio process {parent:.0f} MB; slowest customer {slowest.id} {slowest.seconds:.1f} s")
    cores = os.cpu_count() or 1
    print(f"cost per customer: {per_customer:.2f} core-seconds of wall time ({attempted} attempted, {cold:.1f} s on {args.jobs} jobs), {cpu_per_customer:.2f} CPU-seconds")
    print(f"projected cold build of 1,000 customers on n machines of {cores} cores (jobs = cores): as measured here / at the CPU cost (an idle machine)")
    for n in (1, 2, 4, 8, 16, 32):
        print(f"  n = {n:>2}: {1000 * per_customer / (n * cores) / 60:7.1f} min / {1000 * cpu_per_customer / (n * cores) / 60:7.1f} min")


if __name__ == "__main__":
    main()
