"""Write a synthetic portfolio of customers for the portfolio tests and benchmark.

Hundreds of customer folders of varied sizes and vendors, derived from the two bundled examples
(3CX fiduciary, Mitel clinic) and from `make_large.py` at small scales (Yealink-DECT hospital
groups of 100 and 300 users). Each customer gets its own id and name; about a third have a
maintenance contract or licence expiring within 90 days of --date (some already expired), and
one in 20 has invalid data of one of three kinds. Fixed seed: two runs write identical folders.

    python bench/make_portfolio.py [--out DIR] [--customers N] [--date YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import random
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import make_large  # noqa: E402  (a sibling script, not an installed module)

EXAMPLES = HERE.parent / "data" / "examples"
DEFAULT_OUT = HERE / "portfolio"
SEED = 20261203
MARKER = ".pbxdoc-bench-portfolio"  # the generated folder says so: a rerun replaces only such a folder
# (base, share of customers): small firms dominate a real portfolio, a few large ones weigh most.
BASES = (("fiduciaire-rochat", 0.55), ("synthetic-100", 0.25), ("clinique-du-lac", 0.12), ("synthetic-300", 0.08))
SYNTHETIC_SCALES = {"synthetic-100": 0.02, "synthetic-300": 0.06}
NAMES = ("Fiduciaire", "Clinique", "Garage", "Étude", "Hôtel", "Menuiserie", "Pharmacie", "Cabinet", "Commune", "EMS",
         "Imprimerie", "Boulangerie", "Bureau", "Atelier", "Transports", "Cave", "Laboratoire", "Auto-école")
TOWNS = ("Lausanne", "Morges", "Nyon", "Vevey", "Montreux", "Yverdon", "Sion", "Fribourg", "Bulle", "Neuchâtel", "Genève", "Renens")
BREAKAGES = ("servers", "syntax", "licence")


def prepare_bases(work: Path) -> dict[str, Path]:
    bases = {name: EXAMPLES / name for name, _ in BASES if (EXAMPLES / name).is_dir()}
    for name, scale in SYNTHETIC_SCALES.items():
        bases[name] = make_large.make(work / name, scale)
    return bases


def pick_base(rng: random.Random) -> str:
    r, total = rng.random(), 0.0
    for name, share in BASES:
        total += share
        if r < total:
            return name
    return BASES[-1][0]


def rename(folder: Path, customer_id: str, name: str) -> None:
    path = folder / "pbxdoc.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["customer"]["id"] = customer_id
    data["customer"]["name"] = name
    data["customer"].pop("legal_name", None)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def set_expiries(folder: Path, rng: random.Random, date: dt.date) -> bool:
    """Move the maintenance contracts' expiry near --date for some customers; True if one is within 90 days."""
    soon = rng.random() < 0.35
    expiry = date + dt.timedelta(days=rng.randint(-20, 85) if soon else rng.randint(120, 700))
    if (folder / "licences.yaml").is_file():
        path = folder / "licences.yaml"
        rows = yaml.safe_load(path.read_text(encoding="utf-8"))
        for row in rows:
            if row["kind"] == "maintenance":
                row["expiry"] = expiry
        path.write_text(yaml.safe_dump(rows, allow_unicode=True, sort_keys=False), encoding="utf-8")
    else:
        path = folder / "licences.csv"
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
        for row in rows:
            if row["kind"] == "maintenance":
                row["expiry"] = expiry.isoformat()
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        path.write_text(buffer.getvalue(), encoding="utf-8")
    return soon


def break_data(folder: Path, kind: str) -> None:
    """Invalid data as integrators make it: a wrong value, a YAML typo, a negative quantity."""
    if kind == "servers":
        path = folder / "servers.yaml"
        text = path.read_text(encoding="utf-8")
        for platform in ("platform: virtual", "platform: appliance", "platform: cloud"):
            if platform in text:
                path.write_text(text.replace(platform, "platform: vm", 1), encoding="utf-8")
                return
        raise AssertionError(f"no platform in {path}")
    if kind == "syntax":
        with (folder / "sites.yaml").open("a", encoding="utf-8") as f:
            f.write("- {id: oops, name: [unclosed\n")
        return
    path = next(p for p in (folder / "licences.yaml", folder / "licences.csv") if p.is_file())
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".yaml":
        path.write_text(text.replace("quantity: ", "quantity: -", 1), encoding="utf-8")
    else:
        header, first, *rest = text.split("\n")
        cells = first.split(",")
        cells[header.split(",").index("quantity")] = "-1"
        path.write_text("\n".join([header, ",".join(cells), *rest]), encoding="utf-8")


def make(out: Path, customers: int, date: dt.date) -> dict:
    if out.exists():
        if not (out / MARKER).is_file():
            raise SystemExit(f"{out} exists and is not a generated portfolio; refusing to replace it")
        shutil.rmtree(out)
    out.mkdir(parents=True)
    (out / MARKER).write_text("written by bench/make_portfolio.py\n", encoding="utf-8")
    rng = random.Random(SEED)
    stats = {"customers": customers, "invalid": 0, "expiring": 0, "by_base": {}}
    with tempfile.TemporaryDirectory() as work:
        bases = prepare_bases(Path(work))
        for i in range(customers):
            base = pick_base(rng)
            name = f"{rng.choice(NAMES)} {rng.choice(make_large.LAST)} {rng.choice(TOWNS)}"
            customer_id = f"c{i:04d}"
            folder = out / customer_id
            shutil.copytree(bases[base], folder)
            rename(folder, f"{customer_id}-{base}", name)
            stats["expiring"] += set_expiries(folder, rng, date)
            if i % 20 == 7:
                break_data(folder, BREAKAGES[(i // 20) % len(BREAKAGES)])
                stats["invalid"] += 1
            stats["by_base"][base] = stats["by_base"].get(base, 0) + 1
    return stats


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="portfolio folder to write (default: bench/portfolio)")
    parser.add_argument("--customers", type=int, default=200, help="how many customers (default 200)")
    parser.add_argument("--date", type=dt.date.fromisoformat, default=dt.date(2026, 12, 1), help="the date expiring contracts are near (default 2026-12-01)")
    args = parser.parse_args(argv)
    if not 1 <= args.customers <= 5000:
        parser.error("--customers must be between 1 and 5000")
    stats = make(args.out, args.customers, args.date)
    print(f"wrote {args.customers} customers into {args.out}: {stats}")


if __name__ == "__main__":
    main()
