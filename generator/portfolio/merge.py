"""`pbxdoc portfolio merge`: the outputs of every shard into one portfolio output and its dashboard.

Shard outputs may come from other machines (CI artifacts): states are validated, links are not
followed, a customer found in two shards is refused, and only pbxdoc outputs are replaced.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.output import MANIFEST
from generator.portfolio.build import prepare_out
from generator.portfolio.clock import now
from generator.portfolio.customers import PortfolioError
from generator.portfolio.dashboard import write_dashboard
from generator.portfolio.state import STATE_DIR, CustomerState, state_path, states_in, write_state
from generator.words import counted


@dataclass
class MergeResult:
    customers: list[CustomerState] = field(default_factory=list)
    copied: int = 0
    problems: list[str] = field(default_factory=list)
    dashboard: str | None = None

    @property
    def failed(self) -> list[CustomerState]:
        return [s for s in self.customers if not s.ok]

    @property
    def exit_code(self) -> int:
        """0 when every customer's last build succeeded and every shard output could be read."""
        return 1 if self.failed or self.problems else 0

    def to_text(self) -> str:
        lines = [f"failed    {s.id}: {s.reason}" for s in self.failed]
        lines += [f"problem   {p}" for p in self.problems]
        lines.append(
            f"{counted(len(self.customers), 'customer')} merged ({counted(self.copied, 'output folder')} copied), "
            f"{len(self.failed)} failed; dashboard {self.dashboard}"
        )
        return "\n".join(lines)

    def to_json(self) -> str:
        data = {
            "customers": len(self.customers),
            "copied": self.copied,
            "failed": [{"id": s.id, "reason": s.reason} for s in self.failed],
            "problems": self.problems,
            "dashboard": self.dashboard,
            "exit_code": self.exit_code,
        }
        return json.dumps(data, indent=2, ensure_ascii=False)


def _copy_tree(source: Path, target: Path, problems: list[str]) -> None:
    """Regular files and folders only: a link in a shard output is reported, never copied or followed."""
    for folder, dirs, files in os.walk(source, followlinks=False):
        here = Path(folder)
        rel = here.relative_to(source)
        (target / rel).mkdir(parents=True, exist_ok=True)
        for name in sorted(dirs):
            if (here / name).is_symlink():
                problems.append(f"{here / name}: a link, not copied")
        dirs[:] = sorted(d for d in dirs if not (here / d).is_symlink())
        for name in sorted(files):
            path = here / name
            if path.is_symlink() or not path.is_file():
                problems.append(f"{path}: not a regular file, not copied")
                continue
            shutil.copyfile(path, target / rel / name)


def _same(a: Path, b: Path) -> bool:
    return a.is_file() and b.is_file() and a.read_bytes() == b.read_bytes()


def _bring(source: Path, out: Path, customer_id: str, problems: list[str]) -> bool:
    """Copy a customer's output from a shard into OUT (swapped in whole); False when not needed."""
    src, dst = source / customer_id, out / customer_id
    if src.is_symlink() or not (src / MANIFEST).is_file():
        return False  # failed before any success: nothing to copy
    if _same(src / MANIFEST, dst / MANIFEST):
        return False  # already there (a persistent OUT)
    if dst.exists() and not (dst / MANIFEST).is_file():
        problems.append(f"{dst} holds no {MANIFEST}: not a pbxdoc output, left untouched")
        return False
    staging = Path(tempfile.mkdtemp(prefix=f".{customer_id}.merge-", dir=out))
    try:
        _copy_tree(src, staging, problems)
        old = None
        if dst.exists():
            old = out / f".{customer_id}.old-{os.getpid()}"
            dst.rename(old)
        staging.rename(dst)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return True


def merge_portfolio(sources: list[Path], out: Path, lang: str) -> MergeResult:
    result = MergeResult()
    found: dict[str, tuple[Path, CustomerState]] = {}
    for source in sources:
        if not source.is_dir():
            raise PortfolioError(f"{source}: no such folder (expected the output folder of a portfolio build)")
        if not (source / STATE_DIR).is_dir():
            raise PortfolioError(f"{source}: no {STATE_DIR}/ folder, so not the output of a portfolio build")
        states, problems = states_in(source)
        result.problems.extend(problems)
        for state in states:
            if state.id in found and found[state.id][0].resolve() != source.resolve():
                raise PortfolioError(f"customer {state.id} is in two shard outputs, {found[state.id][0]} and {source}; build each shard with the same n")
            found[state.id] = (source, state)
    prepare_out(out)
    for customer_id, (source, state) in sorted(found.items()):
        if source.resolve() != out.resolve():
            result.copied += _bring(source, out, customer_id, result.problems)
            write_state(out, state)
        result.customers.append(state)
    for stale in states_in(out)[0]:
        if stale.id not in found:
            state_path(out, stale.id).unlink()
    result.dashboard = write_dashboard(out, result.customers, now(), lang)
    return result
