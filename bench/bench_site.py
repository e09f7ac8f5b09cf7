"""Time the documentation site of the large synthetic customer, and pbxdoc's share of it.

    python bench/bench_site.py [--project DIR] [--scale F] [--lang fr] [--audience customer]

Measures, with the diagrams already drawn (as `pbxdoc build` has them in its content when the site
renderer runs):
1. the site build: pbxdoc's plugin planning every page from the model, then mkdocs;
2. a plain `mkdocs build` of the same pages, written beforehand as Markdown files, with the same
   theme, extensions and plugins but without pbxdoc.
pbxdoc's overhead is (1 - 2) / 2. Targets (issue 6): (1) under 30 s, overhead under 20 %.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from make_large import DEFAULT_OUT, make  # noqa: E402

from generator.audience import Audience  # noqa: E402
from generator.prepare import prepare  # noqa: E402
from generator.site.build import MKDOCS_YML, build_language  # noqa: E402
from generator.site.plan import ASSETS, plan_site  # noqa: E402
from generator.site.plugin import ASSET_FOLDER, SCRIPTS, STYLESHEETS, PbxdocPlugin, SiteSource  # noqa: E402


def plain_mkdocs(plan, project, docs: Path, site: Path) -> float:
    """Write the plan's pages and files as a docs folder, then time mkdocs alone building them
    (with the same templates, so that the pages are the same)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    for page in plan.pages:
        (docs / page.path).parent.mkdir(parents=True, exist_ok=True)
        (docs / page.path).write_text(page.markdown, encoding="utf-8")
    for path, data in plan.files.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_bytes(data)
    for path, source in plan.copies.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, docs / path)
    for asset in ASSETS.rglob("*"):
        if asset.is_file() and asset.suffix in (".css", ".js"):
            target = docs / ASSET_FOLDER / asset.relative_to(ASSETS)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(asset, target)
    start, cpu = time.perf_counter(), time.process_time()
    config = load_config(
        str(MKDOCS_YML),
        docs_dir=str(docs),
        site_dir=str(site),
        plugins=[{"search": {"lang": ["fr", "de", "en"]}}, "offline"],
        nav=plan.mkdocs_nav(),
        site_name=plan.site_name,
        extra_css=[f"{ASSET_FOLDER}/{name}" for name in STYLESHEETS],
        extra_javascript=[f"{ASSET_FOLDER}/{name}" for name in SCRIPTS],
    )
    config.theme["language"] = plan.lang
    PbxdocPlugin._template_dirs(config, project)
    build(config)
    return time.perf_counter() - start, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=DEFAULT_OUT, help="project (the large synthetic customer is generated when missing)")
    parser.add_argument("--scale", type=float, default=1.0, help="scale when the project has to be generated")
    parser.add_argument("--lang", default=None, help="language of the site (default: the project's)")
    parser.add_argument("--repeat", type=int, default=2, help="runs; the best time of each is reported (default 2)")
    parser.add_argument("--audience", choices=[a.value for a in Audience], default=Audience.CUSTOMER.value, help="edition (default: the customer's, as pbxdoc build)")
    args = parser.parse_args(argv)
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    if not (args.project / "pbxdoc.yaml").is_file():
        make(args.project, args.scale)
    content = prepare(args.project, Audience(args.audience), args.lang).content
    project = content.project
    print(f"{args.project.name}: {len(project.users)} users, {len(project.changelog)} changes, {len(project.addresses)} addresses")
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        work = Path(tmp)
        content.figures  # drawn by the diagrams renderer before the site, in a build
        source = SiteSource(content)

        fulls, plains, plannings, full_cpus, plain_cpus = [], [], [], [], []
        for run in range(args.repeat):  # interleaved, so that warm caches favour neither
            start, cpu = time.perf_counter(), time.process_time()
            build_language(source, work / "site")
            fulls.append(time.perf_counter() - start)
            full_cpus.append(time.process_time() - cpu)

            start = time.perf_counter()
            plan = plan_site(content)
            plannings.append(time.perf_counter() - start)
            shutil.rmtree(work / "docs", ignore_errors=True)
            plain_wall, plain_cpu = plain_mkdocs(plan, project, work / "docs", work / "plain-site")
            plains.append(plain_wall)
            plain_cpus.append(plain_cpu)
        full, plain, planning = min(fulls), min(plains), min(plannings)
        full_cpu, plain_cpu = min(full_cpus), min(plain_cpus)
        pages = len(plan.pages)
        size = sum(p.stat().st_size for p in (work / "site").rglob("*") if p.is_file()) / (1024 * 1024)

    overhead = (full - plain) / plain
    print(f"  best of {args.repeat} runs")
    print(f"  site build (pbxdoc plugin + mkdocs): {full:6.2f} s  ({pages} pages, {size:.1f} MiB)   target < 30 s")
    print(f"  plain mkdocs build of the same pages: {plain:6.2f} s")
    print(f"  of which pbxdoc planning the pages:  {planning:6.2f} s")
    print(f"  pbxdoc overhead on mkdocs:           {overhead * 100:6.1f} %   target < 20 %")
    # On a shared machine the wall clock measures the neighbours too; the CPU time of this process does not.
    print(f"  CPU time: site build {full_cpu:6.2f} s, plain mkdocs {plain_cpu:6.2f} s, overhead {(full_cpu - plain_cpu) / plain_cpu * 100:5.1f} %")
    return 0 if full < 30 and overhead < 0.20 else 1


if __name__ == "__main__":
    sys.exit(main())
