"""Documentation completeness (course 6.2): which items of an integrator's customer file are present.

Each item is a predicate over the model; its words are `checks.completeness.<id>` in the
translations. The score is the share of items present, so the site and the PDF can show it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.model.operations import DocumentKind as K
from generator.model.organisation import ContactRole as R
from generator.model.project import Project


@dataclass(frozen=True)
class CompletenessItem:
    id: str
    present: bool
    concern: str  # the project file where the item is kept (for the evidence location)
    withheld: bool = False  # present, but not shown to this audience (commercial documents, premises access)


def _docs(project: Project, *kinds: K) -> bool:
    return any(d.kind in kinds for d in project.documents)


def _roles(project: Project, *roles: R) -> bool:
    held = {c.role for c in project.contacts}
    return all(r in held for r in roles)


# id -> (project file that holds it, predicate); the order is the course's list.
ITEMS: dict[str, tuple[str, Callable[[Project], bool]]] = {
    "photos": ("documents", lambda p: _docs(p, K.PHOTO)),
    "offers": ("documents", lambda p: _docs(p, K.OFFER, K.QUOTE, K.ORDER)),
    "premises_access": ("sites", lambda p: bool(p.sites) and all(s.access is not None for s in p.sites)),
    "customer_contacts": ("contacts", lambda p: _roles(p, R.CUSTOMER_REFERENT)),
    "naming_convention": ("pbxdoc", lambda p: bool(p.pbxdoc.naming_convention)),
    "confidentiality": ("pbxdoc", lambda p: bool(p.pbxdoc.confidentiality_clause)),
    "labelling_principle": ("pbxdoc", lambda p: bool(p.pbxdoc.labelling_principle)),
    "rights_matrix": ("rights", lambda p: bool(p.rights.profiles) and bool(p.rights.permissions)),
    "change_log": ("changelog", lambda p: bool(p.changelog)),
    "addressing_plan": ("network", lambda p: bool(p.network.subnets) and bool(p.addresses)),
    "licence_management": ("licences", lambda p: bool(p.licences)),
    "stakeholders": ("contacts", lambda p: _roles(p, R.PROJECT_MANAGER, R.TECHNICIAN, R.CUSTOMER_REFERENT)),
    "commissioning_record": ("commissioning", lambda p: (p.commissioning is not None and p.commissioning.acceptance is not None) or _docs(p, K.COMMISSIONING_RECORD, K.HANDOVER_RECORD)),
    "liability_discharge": ("documents", lambda p: _docs(p, K.LIABILITY_DISCHARGE) or bool(p.commissioning and p.commissioning.liability_exclusions)),
    "correspondence": ("documents", lambda p: _docs(p, K.CORRESPONDENCE)),
    "special_procedures": ("pbxdoc", lambda p: bool(p.pbxdoc.special_procedures) or _docs(p, K.PROCEDURE)),
    "automations": ("pbxdoc", lambda p: bool(p.pbxdoc.automations)),
    "data_processing": ("pbxdoc", lambda p: bool(p.pbxdoc.data_processing) or _docs(p, K.DATA_PROCESSING)),
    "backup_management": ("backups", lambda p: bool(p.backups.jobs)),
    "manuals": ("documents", lambda p: _docs(p, K.MANUAL)),
}


def completeness(project: Project) -> tuple[float, list[CompletenessItem]]:
    """(share of items present, 0..1; every item with whether it is present). Judged on the whole
    project, so that every audience reads the same score; an item its view hides is `withheld`."""
    whole = project.unredacted
    items = []
    for item_id, (concern, predicate) in ITEMS.items():
        present = bool(predicate(whole))
        items.append(CompletenessItem(item_id, present, concern, withheld=present and whole is not project and not predicate(project)))
    return sum(i.present for i in items) / len(items), items
