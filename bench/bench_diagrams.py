"""Time every diagram of the synthetic large customer (and of the bundled examples).

    python bench/bench_diagrams.py [--project DIR] [--scale F] [--repeat N]

Reports, per project, the best wall time of N runs of `render_all` (SVG and PNG of every view,
checks' findings attached), the CPU it took in Python and in Graphviz, and the slowest views.
Target (issue 4): all diagrams of the large customer in under 5 s.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from make_large import DEFAULT_OUT, make  # noqa: E402

from generator.diagrams import _plans, _render, render_all  # noqa: E402
from generator.i18n import Translator  # noqa: E402
from generator.load import EXAMPLES  # noqa: E402
from generator.prepare import check  # noqa: E402

TARGET_SECONDS = 5.0


def cpu() -> tuple[float, float]:
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, children.ru_utime + children.ru_stime


def measure(root: Path, repeat: int) -> float:
    project, _ = check(root)
    t = Translator(project.pbxdoc.language.value)
    best = float("inf")
    for _ in range(repeat):
        (py0, ch0), start = cpu(), time.perf_counter()
        files = render_all(project, t)
        wall = time.perf_counter() - start
        py1, ch1 = cpu()
        best = min(best, wall)
        print(f"  {root.name}: {len(files) // 2} diagrams, {sum(map(len, files.values())) / 1e6:.1f} MB, wall {wall:.2f} s, CPU python {py1 - py0:.2f} s + graphviz {ch1 - ch0:.2f} s")
    slowest = []
    for view, draw in _plans(project, t):
        start = time.perf_counter()
        _render(view, draw)
        slowest.append((time.perf_counter() - start, view.path))
    print("  slowest: " + ", ".join(f"{path.split('/')[-1]} {seconds:.2f} s" for seconds, path in sorted(slowest, reverse=True)[:3]))
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=DEFAULT_OUT, help="large project (generated when missing)")
    parser.add_argument("--scale", type=float, default=1.0, help="scale when the project has to be generated")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best wall time counts (default 3)")
    args = parser.parse_args(argv)
    if not (args.project / "pbxdoc.yaml").is_file():
        make(args.project, args.scale)
    for example in sorted(p for p in EXAMPLES.iterdir() if (p / "pbxdoc.yaml").is_file()):
        measure(example, 1)
    best = measure(args.project, args.repeat)
    verdict = "ok" if best < TARGET_SECONDS else "OVER TARGET"
    print(f"large customer: best {best:.2f} s for all diagrams (target < {TARGET_SECONDS:.0f} s): {verdict}")
    return 0 if best < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
