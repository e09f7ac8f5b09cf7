"""What the dashboard needs to know of one customer, as a small JSON summary written beside its
output: the dashboard and the merge of shards read these, never the projects themselves.

Dates are kept whole (not only the next 90 days) so that the dashboard judges them on its own date.
"""

from __future__ import annotations

import datetime as dt

from generator.checks.completeness import completeness
from generator.diagnostics import Severity
from generator.model.findings import FindingStatus
from generator.model.operations import LicenceKind
from generator.model.project import Project

FORMAT = 1


def _dates(project: Project) -> list[dict]:
    """Everything of the customer that expires or falls due on a date."""
    items = []
    for lic in project.licences:
        if lic.expiry:
            kind = "contract" if lic.kind is LicenceKind.MAINTENANCE else "licence"
            items.append({"kind": kind, "object": lic.id, "label": lic.item, "date": lic.expiry.isoformat()})
    for waiver in project.waivers:
        items.append({"kind": "waiver", "object": f"{waiver.rule} {waiver.object}", "label": waiver.justification, "date": waiver.expiry.isoformat()})
    for server in project.servers:
        for cert in server.security.certificates if server.security else ():
            items.append({"kind": "certificate", "object": cert.name, "label": f"{server.name} ({server.id})", "date": cert.expiry.isoformat()})
    period = dt.timedelta(days=project.pbxdoc.policy.restore_test_max_age_days)
    for server in project.servers:
        passed = sorted(t.date for t in project.backups.restore_tests if t.system == server.id and t.result == "passed")
        # Never tested (or never passed): due now, on the documentation date.
        due = passed[-1] + period if passed else project.pbxdoc.document.date
        label = f"{server.name} ({server.model})"
        items.append({"kind": "restore_test", "object": server.id, "label": label, "date": due.isoformat(), "last": passed[-1].isoformat() if passed else None})
    if project.commissioning:
        for point in project.commissioning.open_points:
            if point.due and not point.closed:
                items.append({"kind": "open_point", "object": point.id, "label": point.description, "date": point.due.isoformat()})
    return sorted(items, key=lambda i: (i["date"], i["kind"], i["object"]))


def _outputs(manifest: dict) -> dict:
    """Links the dashboard offers: the site's start page, the records, the workbooks."""
    files = sorted(manifest.get("files", {}))
    site = "site/index.html" if "site/index.html" in files else None
    return {
        "site": site,
        "records": [f for f in files if f.startswith("pdf/") and f.endswith(".pdf")],
        "workbooks": [f for f in files if f.startswith("xlsx/") and f.endswith(".xlsx")],
    }


def customer_facts(project: Project, manifest: dict) -> dict:
    """The summary of one built customer (integrator view: the dashboard is for the integrator)."""
    open_findings = {s.value: 0 for s in Severity}
    waived = 0
    for f in project.findings:
        if f.status is FindingStatus.WAIVED:
            waived += 1
        else:
            open_findings[f.severity.value] += 1
    score, items = completeness(project)
    info = project.pbxdoc
    return {
        "format": FORMAT,
        "customer": {"id": info.customer.id, "name": info.customer.name, "language": info.language.value},
        "document": {"date": info.document.date.isoformat(), "version": info.document.version},
        "servers": [{"id": s.id, "vendor": s.vendor, "model": s.model, "software_version": s.software_version} for s in project.servers],
        "counts": {"sites": len(project.sites), "users": len(project.users), "handsets": len(project.handsets)},
        "findings": {**open_findings, "waived": waived},
        "completeness": {"score": round(score, 4), "missing": [i.id for i in items if not i.present]},
        "dates": _dates(project),
        "licences": [
            {"id": lic.id, "item": lic.item, "kind": lic.kind.value, "system": lic.system, "quantity": lic.quantity, "used": lic.used}
            for lic in project.licences
        ],
        "input_digest": project.digest,
        "outputs": _outputs(manifest),
    }
