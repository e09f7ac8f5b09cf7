"""The rule catalogue in figures: how many rules, and which, in each group (category).

Counts the catalogue of this tree; with --against REV, also the catalogue of an earlier revision
(read from `git archive` into a temporary folder and imported there in a child process), so a
change's note can give the figures before and after.

    python bench/rules_per_group.py [--against REV] [--ids] [--json]
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Run in the tree being counted (this one or an extracted revision): rule ids per category.
COUNT = (
    "import json, generator.checks\n"
    "from generator.checks.registry import RULES\n"
    "groups = {}\n"
    "for r in RULES.values():\n"
    "    groups.setdefault(r.category.value, []).append(r.id)\n"
    "print(json.dumps({g: sorted(ids) for g, ids in sorted(groups.items())}))\n"
)


def catalogue(tree: Path) -> dict[str, list[str]]:
    """Rule ids per group of the catalogue in a source tree (imported in a child process, so two
    revisions never share a module)."""
    done = subprocess.run([sys.executable, "-c", COUNT], cwd=tree, capture_output=True, text=True, env={"PYTHONPATH": str(tree), "PBXDOC_CACHE": "off"}, check=False)
    if done.returncode != 0:
        raise SystemExit(f"cannot import the catalogue of {tree}:\n{done.stderr.strip()}")
    return json.loads(done.stdout)


def catalogue_at(revision: str) -> dict[str, list[str]]:
    archive = subprocess.run(["git", "archive", "--format=tar", revision, "generator"], cwd=ROOT, capture_output=True, check=False)
    if archive.returncode != 0:
        raise SystemExit(f"git archive {revision}: {archive.stderr.decode(errors='replace').strip()}")
    with tempfile.TemporaryDirectory(prefix="pbxdoc-rules-") as tmp:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(tmp, filter="data")
        return catalogue(Path(tmp))


def table(now: dict[str, list[str]], before: dict[str, list[str]] | None, ids: bool) -> str:
    groups = sorted(set(now) | set(before or {}))
    head = ["group", *(["before"] if before is not None else []), "now", *(["rules" if before is None else "added"] if ids else [])]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for g in groups:
        row = [g, *([str(len(before.get(g, [])))] if before is not None else []), str(len(now.get(g, [])))]
        if ids:
            shown = now.get(g, []) if before is None else sorted(set(now.get(g, [])) - set(before.get(g, [])))
            row.append(", ".join(shown))
        lines.append("| " + " | ".join(row) + " |")
    total = ["**total**", *([f"**{sum(map(len, before.values()))} in {len(before)} groups**"] if before is not None else []), f"**{sum(map(len, now.values()))} in {len(now)} groups**"]
    lines.append("| " + " | ".join(total + ([""] if ids else [])) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", metavar="REV", help="also count the catalogue of this git revision")
    parser.add_argument("--ids", action="store_true", help="list the rule ids of each group (with --against: those added)")
    parser.add_argument("--json", action="store_true", help="rule ids per group as JSON")
    args = parser.parse_args(argv)
    now = catalogue(ROOT)
    before = catalogue_at(args.against) if args.against else None
    if args.json:
        print(json.dumps({"now": now, **({"before": before} if before is not None else {})}, indent=2))
    else:
        print(table(now, before, args.ids))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
