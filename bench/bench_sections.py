"""Time the section content (build_sections + to_markdown + extra_figures) for projects.

    python bench/bench_sections.py [PROJECT ...] [--repeat N]

Without a project: the bundled examples. Prints, per project and language, the best time of N
runs, the number of Documents and the Markdown size; loading is timed separately.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.document import to_markdown  # noqa: E402
from generator.i18n import LANGUAGES, Translator  # noqa: E402
from generator.load import EXAMPLES, load  # noqa: E402
from generator.prepare import checked  # noqa: E402
from generator.sections import build_sections, extra_figures  # noqa: E402


def best_of(repeat: int, func) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("projects", nargs="*", type=Path, help="project folders (default: the bundled examples)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best is reported")
    args = parser.parse_args()
    projects = args.projects or sorted(p for p in EXAMPLES.iterdir() if (p / "pbxdoc.yaml").exists())
    for root in projects:
        start = time.perf_counter()
        project = checked(load(root))
        print(f"{root.name}: load+checks {time.perf_counter() - start:.2f} s, {len(project.users)} users, {len(project.changelog)} changes")
        for lang in LANGUAGES:
            t = Translator(lang)

            def run():
                pages = {d.slug: to_markdown(d) for d in build_sections(project, t)}
                return pages, extra_figures(project, t)

            seconds, (pages, figures) = best_of(args.repeat, run)
            size = sum(len(md.encode()) for md in pages.values())
            print(f"  {lang}: {seconds * 1000:7.1f} ms  {len(pages)} documents  {size / 1024:8.1f} KiB markdown  {len(figures)} figure(s)")


if __name__ == "__main__":
    main()
