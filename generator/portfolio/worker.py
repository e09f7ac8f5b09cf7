"""One customer's build, run in a process of its own (`python -m generator.portfolio.worker`):
its memory is bounded by RLIMIT_AS, and whatever happens, the parent gets a result file or an
exit status, never a crash of its own.

The job comes as JSON on standard input; the result is written as JSON to the job's result path.
"""

from __future__ import annotations

import json
import resource
import sys
import traceback
from pathlib import Path

from generator.audience import Audience
from generator.diagnostics import InvalidProject, PbxdocError
from generator.pipeline import BuildOptions, build
from generator.prepare import check
from generator.portfolio.facts import customer_facts
from generator.words import counted

MAX_REASON = 2000
MAX_ERRORS_SHOWN = 5


def limit_memory(megabytes: int) -> None:
    """Cap this process's address space (and that of the programs it starts, e.g. Graphviz)."""
    if megabytes > 0:
        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def invalid_reason(e: InvalidProject) -> str:
    errors = e.report.errors
    shown = "; ".join(str(d) for d in sorted(errors, key=lambda d: d.sort_key())[:MAX_ERRORS_SHOWN])
    more = f" (and {len(errors) - MAX_ERRORS_SHOWN} more)" if len(errors) > MAX_ERRORS_SHOWN else ""
    return f"invalid data, {counted(len(errors), 'error')}: {shown}{more}"


def run(job: dict) -> dict:
    """Build one customer; the result says built (with its facts), invalid or failed, and why."""
    options = job["options"]
    build_options = BuildOptions(
        out=Path(job["out"]),
        lang=options.get("lang"),
        all_languages=bool(options.get("all_languages")),
        audience=Audience(options["audience"]),
        only=tuple(options.get("only", ())),
    )
    try:
        result = build(Path(job["root"]), build_options)
    except InvalidProject as e:
        return {"status": "invalid", "reason": invalid_reason(e)[:MAX_REASON]}
    except PbxdocError as e:
        return {"status": "failed", "reason": str(e)[:MAX_REASON]}
    except MemoryError:
        return {"status": "failed", "reason": f"out of memory (the limit is {job['memory_mb']} MB, --memory-mb)"}
    # OUT already held this build (told from its inputs): the facts come from the checked data.
    project = result.project if result.project is not None else check(Path(job["root"]))[0]
    return {"status": "built", "facts": customer_facts(project, result.manifest), "files": len(result.manifest["files"])}


def main() -> int:
    job = json.loads(sys.stdin.read())
    limit_memory(int(job["memory_mb"]))
    try:
        result = run(job)
    except MemoryError:
        result = {"status": "failed", "reason": f"out of memory (the limit is {job['memory_mb']} MB, --memory-mb)"}
    except Exception as e:  # a bug in pbxdoc on this customer's data: reported, the others go on
        traceback.print_exc()
        result = {"status": "failed", "reason": f"internal error: {type(e).__name__}: {e}"[:MAX_REASON]}
    Path(job["result"]).write_text(json.dumps(result, sort_keys=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
