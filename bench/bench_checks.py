"""Time the compliance checks (`generator.checks.run`) on the synthetic large customer.

The project is loaded once (bench_load.py times loading); the whole catalogue then runs on it
several times and the best and median times are reported, with the findings per rule so that a
slow rule or a flood of findings shows. Target (issue 3): under 2 s.

    python bench/bench_checks.py [--project DIR] [--repeat N] [--scale F]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from make_large import DEFAULT_OUT, make  # noqa: E402

from generator.checks import run  # noqa: E402
from generator.checks.context import Context  # noqa: E402
from generator.checks.engine import reference_date  # noqa: E402
from generator.checks.registry import RULES  # noqa: E402
from generator.knowledge import for_project  # noqa: E402
from generator.load import load  # noqa: E402

TARGET_SECONDS = 2.0


def slowest_rules(project, count: int = 5) -> list[tuple[str, float]]:
    """Time each rule alone on a fresh context (derived facts included in the first rule that needs them)."""
    timings = []
    for rule_id, rule in sorted(RULES.items()):
        ctx = Context(project, for_project(project._root), reference_date(project))
        start = time.perf_counter()
        for _ in rule.check(ctx):
            pass
        timings.append((rule_id, time.perf_counter() - start))
    return sorted(timings, key=lambda t: -t[1])[:count]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=DEFAULT_OUT, help="project to check (generated when missing)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of the whole catalogue (default 5)")
    parser.add_argument("--scale", type=float, default=1.0, help="scale when the project has to be generated")
    args = parser.parse_args(argv)
    if not (args.project / "pbxdoc.yaml").is_file():
        print(f"generating the large customer into {args.project} (scale {args.scale})")
        make(args.project, args.scale)
    project = load(args.project)
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        findings = run(project)
        times.append(time.perf_counter() - start)
    # The first run also reads the translations and the vendor catalogue; later runs find them cached.
    first, best, median = times[0], min(times), statistics.median(times)
    print(f"{len(project.users)} users, {len(project.handsets)} handsets, {len(project.changelog)} changes, {len(RULES)} rules")
    print(f"checks: first {first:.3f} s, best {best:.3f} s, median {median:.3f} s over {args.repeat} runs (target < {TARGET_SECONDS:.0f} s)")
    print(f"{len(findings)} findings: " + ", ".join(f"{rule} {n}" for rule, n in sorted(Counter(f.rule for f in findings).items())))
    print("slowest rules: " + ", ".join(f"{rule} {seconds * 1000:.0f} ms" for rule, seconds in slowest_rules(project)))
    return 0 if first < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
