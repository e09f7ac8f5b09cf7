"""Time load + validate of the synthetic large customer, and its peak memory.

Each repetition runs in a fresh interpreter, so that memory is the peak of one load and caches
from an earlier run do not flatter the time. Targets (issue 2): under 2 s and under 300 MB.

    python bench/bench_load.py [--project DIR] [--repeat N] [--scale F] [--profile]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from make_large import DEFAULT_OUT, make  # noqa: E402

TARGET_SECONDS = 2.0
TARGET_MB = 300.0

# Runs in the child: import first (timed apart), then load+validate once, then report.
CHILD = r"""
import json, resource, sys, time
from pathlib import Path
t0 = time.perf_counter()
from generator.load import validate
t1, c1 = time.perf_counter(), time.process_time()
project, report = validate(Path(sys.argv[1]))
t2, c2 = time.perf_counter(), time.process_time()
print(json.dumps({
    "import_s": t1 - t0,
    "validate_s": t2 - t1,
    "cpu_s": c2 - c1,
    "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "valid": project is not None,
    "errors": len(report.errors),
    "users": len(project.users) if project else 0,
    "changes": len(project.changelog) if project else 0,
}))
"""


def run_once(project: Path) -> dict:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", CHILD, str(project)], cwd=REPO, capture_output=True, text=True, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["process_s"] = time.perf_counter() - start
    return result


def profile(project: Path, top: int = 20) -> None:
    """Where the time goes: one load under cProfile, the most expensive functions first."""
    import cProfile
    import pstats

    sys.path.insert(0, str(REPO))
    from generator.load import validate

    profiler = cProfile.Profile()
    profiler.runcall(validate, project)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=DEFAULT_OUT, help="project to load (generated when missing)")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best time is reported (default 3)")
    parser.add_argument("--scale", type=float, default=1.0, help="scale when the project has to be generated")
    parser.add_argument("--profile", action="store_true", help="also print the functions that take the most time")
    args = parser.parse_args(argv)
    if not (args.project / "pbxdoc.yaml").is_file():
        make(args.project, args.scale)
    if args.profile:
        profile(args.project)
    runs = [run_once(args.project) for _ in range(max(1, args.repeat))]
    if not all(r["valid"] for r in runs):
        print(f"project is not valid ({runs[0]['errors']} errors): run `python -m generator validate {args.project}`")
        return 1
    best = min(runs, key=lambda r: r["validate_s"])
    peak = max(r["maxrss_mb"] for r in runs)
    rows = [
        ("users / change-log entries", f"{best['users']:,} / {best['changes']:,}", ""),
        ("load + validate (best of %d)" % len(runs), f"{best['validate_s']:.2f} s", f"< {TARGET_SECONDS:.0f} s " + ("ok" if best["validate_s"] < TARGET_SECONDS else "MISSED")),
        ("CPU time of that run (less sensitive to a busy machine)", f"{best['cpu_s']:.2f} s", ""),
        ("import of generator", f"{best['import_s']:.2f} s", ""),
        ("whole process (interpreter + import + load)", f"{min(r['process_s'] for r in runs):.2f} s", ""),
        ("peak memory (max RSS of the process)", f"{peak:.0f} MB", f"< {TARGET_MB:.0f} MB " + ("ok" if peak < TARGET_MB else "MISSED")),
    ]
    width = max(len(r[0]) for r in rows)
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:>14}  {target}")
    return 0 if best["validate_s"] < TARGET_SECONDS and peak < TARGET_MB else 2


if __name__ == "__main__":
    sys.exit(main())
