"""Time the PDF renderer: each record typeset alone, then all of a customer's PDFs on the pool.

For the clinic example and the synthetic large customer (bench/make_large.py), it reports the
planning time (sections, diagrams, HTML), the typesetting time and pages of each PDF with pages
per second, the cost of signing it (PAdES, a throwaway RSA-2048 key) beside the unsigned typesetting,
and the wall time of the whole set planned and typeset on the process pool (2 workers), where the
book is typeset while the other records are still being planned.

    python bench/bench_pdf.py [--scale F] [--workers N] [--no-large] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from make_large import DEFAULT_OUT, make  # noqa: E402

from generator.audience import Audience  # noqa: E402
from generator.load import DEFAULT_EXAMPLE, EXAMPLES  # noqa: E402
from generator.pdf.render import PdfOptions, plan, run  # noqa: E402
from generator.pdf.typeset import typeset  # noqa: E402
from generator.prepare import prepare  # noqa: E402
from generator.signing import PASSPHRASE_VARIABLE, Signer, load_signer  # noqa: E402
from tests.throwaway_ca import PASSPHRASE, make_keys  # noqa: E402


def _signer() -> Signer:
    """A throwaway key (never a real one), made once per run in a temporary folder: a private key,
    even a throwaway one, is never written into the repository."""
    with tempfile.TemporaryDirectory(prefix="pbxdoc-bench-keys-") as folder:
        keys = make_keys(Path(folder))
        os.environ[PASSPHRASE_VARIABLE] = PASSPHRASE
        return load_signer(keys.p12)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def bench(name: str, root: Path, workers: int, signer: Signer) -> dict:
    start = time.perf_counter()
    content = prepare(root, Audience.INTEGRATOR).content
    signer = signer.at(content.generated)
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    jobs = [job for job, _ in plan(content, PdfOptions())]
    planned = time.perf_counter() - start
    records = []
    for job in jobs:
        start, cpu = time.perf_counter(), time.process_time()
        result = typeset(job)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        start, sign_cpu = time.perf_counter(), time.process_time()
        signed = signer.sign_pdf(result.content)
        sign_seconds, sign_cpu = time.perf_counter() - start, time.process_time() - sign_cpu
        records.append({"pdf": job.path, "pages": result.pages, "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2), "pages_per_second": round(result.pages / seconds, 1), "bytes": len(result.content),
                        "sign_seconds": round(sign_seconds, 3), "sign_cpu_seconds": round(sign_cpu, 3), "signed_bytes": len(signed)})
    start, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
    results = run((job for job, _ in plan(content, PdfOptions())), workers)  # planning overlaps typesetting (content made once)
    wall = time.perf_counter() - start
    pool_cpu = (time.process_time() - cpu) + (_children_cpu() - children)
    pages = sum(r.pages for r in results)
    serial = sum(r["seconds"] for r in records)
    return {
        "project": name,
        "load_and_check_s": round(loaded, 2),
        "plan_s": round(planned, 2),
        "records": records,
        "pages": pages,
        "serial_plan_and_typeset_s": round(planned + serial, 2),
        "pool_workers": workers,
        "pool_wall_s": round(wall, 2),
        "pool_cpu_s": round(pool_cpu, 2),  # parent and workers: above the wall time when both cores worked
        "pool_pages_per_second": round(pages / wall, 1),
        "speed_up": round((planned + serial) / wall, 2),
        "sign_s": round(sum(r["sign_seconds"] for r in records), 2),
        "sign_cpu_s": round(sum(r["sign_cpu_seconds"] for r in records), 2),
        "load_average_1min": round(os.getloadavg()[0], 1),  # the machine is shared: read figures with it
    }


def show(report: dict) -> None:
    print(f"\n{report['project']}: load+check {report['load_and_check_s']} s, plan {report['plan_s']} s", flush=True)
    for r in report["records"]:
        print(f"  {r['pdf']:<44} {r['pages']:>4} pages {r['seconds']:>7.2f} s (CPU {r['cpu_seconds']:.2f} s) {r['pages_per_second']:>6.1f} pages/s; "
              f"signing {r['sign_seconds']:.3f} s (CPU {r['sign_cpu_seconds']:.3f} s), +{r['signed_bytes'] - r['bytes']} bytes")
    print(f"  all {report['pages']} pages: plan+typeset serially {report['serial_plan_and_typeset_s']} s; pipelined on a pool of {report['pool_workers']}: {report['pool_wall_s']} s, CPU {report['pool_cpu_s']} s "
          f"({report['pool_pages_per_second']} pages/s, x{report['speed_up']}); signing every PDF {report['sign_s']} s (CPU {report['sign_cpu_s']} s); "
          f"load average {report['load_average_1min']}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="size of the synthetic large customer (1 = 5,000 users)")
    parser.add_argument("--workers", type=int, default=2, help="processes of the typesetting pool")
    parser.add_argument("--no-large", action="store_true", help="the clinic example only")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    args = parser.parse_args(argv)
    projects = [("clinique-du-lac", EXAMPLES / DEFAULT_EXAMPLE)]
    if not args.no_large:
        projects.append((f"large (scale {args.scale})", make(DEFAULT_OUT, args.scale)))
    signer = _signer()
    reports = []
    for name, root in projects:
        reports.append(bench(name, root, args.workers, signer))
        show(reports[-1])
    if args.json:
        args.json.write_text(json.dumps(reports, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
