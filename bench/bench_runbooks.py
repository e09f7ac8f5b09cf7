"""Time the runbooks of a project: build every runbook as Documents and write them as Markdown.

Usage: python bench/bench_runbooks.py [PROJECT ...]   (default: the bundled examples found)
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.i18n import Translator  # noqa: E402
from generator.load import EXAMPLES, load  # noqa: E402
from generator.prepare import checked  # noqa: E402
from generator.runbooks import build_runbooks  # noqa: E402


def bench(root: Path, rounds: int = 5) -> None:
    project = checked(load(root))
    t = Translator(project.pbxdoc.language.value)
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        books = build_runbooks(project, t)
        size = sum(len(b.markdown()) for b in books)
        times.append(time.perf_counter() - start)
    print(f"{root.name}: {len(books)} runbooks, {size / 1000:.0f} kB Markdown, "
          f"median {statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms over {rounds} rounds")


if __name__ == "__main__":
    roots = [Path(a) for a in sys.argv[1:]] or sorted(p for p in EXAMPLES.iterdir() if (p / "pbxdoc.yaml").exists())
    for root in roots:
        bench(root)
