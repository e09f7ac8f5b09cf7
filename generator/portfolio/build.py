"""`pbxdoc portfolio build`: discover the customers, skip the unchanged, build the others in
parallel child processes, keep each one's state, and write the dashboard (unless sharded: a
shard's dashboard would show part of the portfolio as if it were all of it; the merge writes it)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from generator.audience import Audience
from generator.output import MANIFEST
from generator.portfolio.clock import now
from generator.portfolio.customers import Customer, PortfolioError, Unbuildable, discover
from generator.portfolio.dashboard import write_dashboard
from generator.portfolio.keys import build_key
from generator.portfolio.runner import Job, Limits, Outcome, run_all
from generator.portfolio.shards import Shard
from generator.portfolio.state import STATE_DIR, CustomerState, Facts, Ledger
from generator.portfolio.summary import Entry, Summary
from generator.words import counted


@dataclass(frozen=True)
class PortfolioOptions:
    out: Path
    shard: Shard | None = None
    limits: Limits = Limits()
    audience: Audience = Audience.CUSTOMER  # least privileged; portfolio.yaml may say otherwise per customer
    lang: str | None = None
    all_languages: bool = False
    only: tuple[str, ...] = ()
    force: bool = False
    dashboard_lang: str = "en"


def prepare_out(out: Path) -> None:
    """OUT is a portfolio output or a new folder: never a folder of the user's."""
    if out.exists() and not out.is_dir():
        raise PortfolioError(f"{out} exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / STATE_DIR).is_dir():
        raise PortfolioError(
            f"{out} is not empty and holds no {STATE_DIR}/ folder: it does not look like a portfolio output, "
            "so it is left untouched (choose another folder with -o)"
        )
    (out / STATE_DIR).mkdir(parents=True, exist_ok=True)


def customer_options(customer: Customer, options: PortfolioOptions) -> dict:
    """The build options of one customer: its portfolio.yaml settings, else the command's."""
    return {
        "audience": (customer.audience or options.audience).value,
        "lang": customer.lang or options.lang,
        "all_languages": options.all_languages if customer.all_languages is None else customer.all_languages,
        "only": sorted(options.only),
    }


def _record(ledger: Ledger, customer_id: str, key: str, outcome: Outcome, when: str) -> Entry:
    """Keep the outcome beside the output; a failure keeps the facts of the last success."""
    previous = ledger.get(customer_id)
    if outcome.status == "built":
        try:
            facts = Facts.model_validate(outcome.facts)
        except ValidationError as e:
            outcome = Outcome(customer_id, "failed", f"internal error: the build's summary is not valid ({counted(e.error_count(), 'problem')})", seconds=outcome.seconds)
        else:
            ledger.put(CustomerState(id=customer_id, key=key, ok=True, last_success=when, facts=facts))
            return Entry(customer_id, "built", seconds=outcome.seconds)
    kept = {"key": previous.key, "last_success": previous.last_success, "facts": previous.facts} if previous else {}
    failed_key = key if outcome.status == "invalid" else None  # invalid data fails again until it changes
    ledger.put(CustomerState(id=customer_id, ok=False, reason=outcome.reason, failed_key=failed_key, **kept))
    return Entry(customer_id, "failed", outcome.reason, outcome.seconds)


def _unbuildable(ledger: Ledger, item: Unbuildable) -> Entry:
    if item.has_valid_id:
        _record(ledger, item.id, "", Outcome(item.id, "failed", item.reason), "")
    return Entry(item.id, "failed", item.reason)


def _prune(ledger: Ledger, shard: Shard, current: set[str]) -> list[str]:
    """Drop the state (not the output) of customers of this shard no longer in the portfolio,
    so that the dashboard does not show a customer that left."""
    gone = [customer_id for customer_id in ledger.ids() if shard.holds(customer_id) and customer_id not in current]
    for customer_id in gone:
        ledger.drop(customer_id)
    return [f"no longer in the portfolio, dropped from the dashboard (output kept): {customer_id}" for customer_id in gone]


def build_portfolio(directory: Path, options: PortfolioOptions, progress=lambda entry: None) -> Summary:
    found = discover(directory)
    shard = options.shard
    customers = [c for c in found.customers if shard is None or shard.holds(c.id)]
    unbuildable = [u for u in found.unbuildable if shard is None or not u.has_valid_id or shard.holds(u.id)]
    out = options.out
    for customer in customers:
        if out.resolve().is_relative_to(customer.root.resolve()):
            raise PortfolioError(f"the output folder {out} is inside the customer folder {customer.root}: every build would change its input")
    prepare_out(out)
    ledger = Ledger(out)
    moment = now()
    when = moment.isoformat()
    summary = Summary()
    jobs, keys = [], {}
    for customer in customers:
        opts = customer_options(customer, options)
        # SOURCE_DATE_EPOCH dates the outputs (and the checks): a build under another one is another build.
        key = build_key(customer.root, {**opts, "source_date_epoch": os.environ.get("SOURCE_DATE_EPOCH")})
        keys[customer.id] = key
        state = None if options.force else ledger.get(customer.id)
        if state and state.ok and state.key == key and (out / customer.id / MANIFEST).is_file():
            summary.entries.append(Entry(customer.id, "unchanged"))
        elif state and not state.ok and state.failed_key == key:
            summary.entries.append(Entry(customer.id, "failed", f"{state.reason} (unchanged since)"))
        else:
            jobs.append(Job(customer.id, customer.root, out / customer.id, opts))
    for item in unbuildable:
        summary.entries.append(_unbuildable(ledger, item))

    def done(outcome: Outcome) -> None:
        entry = _record(ledger, outcome.customer_id, keys[outcome.customer_id], outcome, when)
        summary.entries.append(entry)
        progress(entry)

    run_all(jobs, options.limits, done)
    current = {c.id for c in customers} | {u.id for u in unbuildable if u.has_valid_id}
    summary.notes.extend(_prune(ledger, shard or Shard(1, 1), current))
    if shard is None:
        states = [state for customer_id in sorted(current) if (state := ledger.get(customer_id))]
        summary.dashboard = write_dashboard(out, states, moment, options.dashboard_lang)
    return summary
