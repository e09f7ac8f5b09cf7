"""Every dated obligation of an installation: expiries (contracts, licences, waivers,
certificates), vendor end of support, due restore tests, battery replacements.

Computed once from the model, so that the home page ("what needs attention") and the calendar
feed list the same dates. Figures that are knowledge, not data (battery life, how full a licence
pool may get), come from `knowledge/maintenance.yaml` with their sources; end-of-support dates
from the vendor catalogue (extended by the project's vendors/ folder), as the lifecycle rule reads them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from pathlib import Path

import yaml

from generator import knowledge as vendor_knowledge
from generator.checks.context import Context
from generator.checks.rules.lifecycle import dated
from generator.model.operations import LicenceKind
from generator.model.project import Project

# Licences that are one item (an edition, a contract), not a pool that fills up.
SINGLE_ITEMS = (LicenceKind.EDITION, LicenceKind.MAINTENANCE)
MAINTENANCE = Path(__file__).resolve().parent.parent / "knowledge" / "maintenance.yaml"


class ObligationKind(str, Enum):
    CONTRACT_EXPIRY = "contract_expiry"  # maintenance and support contracts
    LICENCE_EXPIRY = "licence_expiry"
    WAIVER_EXPIRY = "waiver_expiry"
    RESTORE_TEST = "restore_test"
    UPS_BATTERY = "ups_battery"
    CERTIFICATE_EXPIRY = "certificate_expiry"
    END_OF_SUPPORT = "end_of_support"  # the vendor's end of support of a product or of its firmware version


@dataclass(frozen=True)
class Obligation:
    """Something that falls due on a day, about one object of the data."""

    due: dt.date
    kind: ObligationKind
    object_id: str  # the licence, waiver rule, system, UPS or equipment concerned (a certificate's server)
    subject: str  # customer text naming it (licence item, rule and object, system id, UPS model, certificate, product)
    since: dt.date | None = None  # what the date counts from (last test, battery fitted), if any
    reference: str = ""  # contract number, when the data has one

    def sort_key(self) -> tuple:
        return (self.due, self.kind.value, self.object_id)


@dataclass(frozen=True)
class LicenceUse:
    licence_id: str
    item: str
    used: int
    quantity: int


@lru_cache(maxsize=1)
def maintenance_figures() -> dict[str, float]:
    data = yaml.safe_load(MAINTENANCE.read_text(encoding="utf-8"))
    return {name: entry["value"] for name, entry in data.items()}


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def obligations(project: Project, today: dt.date) -> list[Obligation]:
    """Every dated obligation, earliest first. A backed-up system never restore-tested is due today."""
    found: list[Obligation] = []
    for lic in project.licences:
        if lic.expiry:
            kind = ObligationKind.CONTRACT_EXPIRY if lic.kind is LicenceKind.MAINTENANCE else ObligationKind.LICENCE_EXPIRY
            found.append(Obligation(lic.expiry, kind, lic.id, lic.item, lic.start, lic.contract or ""))
    for waiver in project.waivers:
        found.append(Obligation(waiver.expiry, ObligationKind.WAIVER_EXPIRY, waiver.object, waiver.rule, waiver.date))
    period = dt.timedelta(days=project.pbxdoc.policy.restore_test_max_age_days)
    for system in sorted({job.system for job in project.backups.jobs}):
        tests = [t.date for t in project.backups.restore_tests if t.system == system]
        last = max(tests) if tests else None
        name = getattr(project.equipment.get(system), "name", None) or system
        found.append(Obligation(last + period if last else today, ObligationKind.RESTORE_TEST, system, name, last))
    years = int(maintenance_figures()["ups_battery_years"])
    for ups in project.availability.ups:
        if ups.battery_date:
            found.append(Obligation(_add_years(ups.battery_date, years), ObligationKind.UPS_BATTERY, ups.id, ups.model, ups.battery_date))
    for server in project.servers:
        for cert in server.security.certificates if server.security else ():
            found.append(Obligation(cert.expiry, ObligationKind.CERTIFICATE_EXPIRY, server.id, cert.name))
    found += end_of_support(project, today)
    return sorted(found, key=Obligation.sort_key)


def end_of_support(project: Project, today: dt.date) -> list[Obligation]:
    """The vendor's end of support of each product and firmware version in use (one date per item)."""
    checks = Context(project, vendor_knowledge.for_project(project._root), today)
    found = {}
    for _, _, object_id, product, figure, version in dated(checks, "end_of_support"):
        day = figure.value if isinstance(figure.value, dt.date) else dt.date.fromisoformat(str(figure.value))
        subject = f"{product.name} {version}" if version else product.name
        found[(object_id, subject)] = Obligation(day, ObligationKind.END_OF_SUPPORT, object_id, subject)
    return list(found.values())


def due_within(project: Project, today: dt.date) -> list[Obligation]:
    """The obligations overdue or falling due within the policy's warning window."""
    horizon = today + dt.timedelta(days=project.pbxdoc.policy.licence_warning_days)
    return [o for o in obligations(project, today) if o.due <= horizon]


def nearly_full_licences(project: Project) -> list[LicenceUse]:
    """Licence pools used at or beyond the planning share (knowledge/maintenance.yaml), fullest first."""
    share = float(maintenance_figures()["licence_nearly_full_share"])
    pools = [LicenceUse(lic.id, lic.item, lic.used, lic.quantity) for lic in project.licences
             if lic.used is not None and lic.quantity > 1 and lic.kind not in SINGLE_ITEMS and lic.used >= share * lic.quantity]
    return sorted(pools, key=lambda u: (-u.used / u.quantity, u.licence_id))
