"""Retention of call records, recordings and voicemail against the nLPD and the GDPR.

Personal data may be kept only as long as needed: each kind the installation keeps needs a defined
period (`retention:` in pbxdoc.yaml), within the customer's policy (`policy.retention_max_days`).
"""

from __future__ import annotations

from generator.checks.registry import Category, hit, rule
from generator.diagnostics import Severity

LAW = "Swiss nLPD/FADP art. 6 al. 4 and GDPR art. 5(1)(e): personal data kept no longer than needed; pbxdoc.policy retention_max_days"


def kept(ctx) -> list[str]:
    """The kinds of personal data this installation keeps."""
    conventions = ctx.generic("privacy-retention")
    kinds = {a.kind for a in ctx.project.terminals.application_servers}
    found = ["call_records"]  # every PBX keeps call lists and call records
    if kinds & set(conventions.value("recording_kinds")):
        found.append("recordings")
    if any(u.voicemail for u in ctx.project.users) or "voicemail" in kinds:
        found.append("voicemail")
    return found


@rule("RET-PERIOD", Category.PRIVACY, Severity.WARNING, LAW, ("missing", "too_long"))
def retention_period(ctx):
    info = ctx.project.pbxdoc
    maximum = ctx.policy.retention_max_days
    for kind in kept(ctx):
        days = getattr(info.retention, f"{kind}_days") if info.retention else None
        record = info.retention or info
        at = f"{kind}_days" if info.retention else "retention"
        if days is None:
            yield hit(record, at, object_id=f"retention:{kind}", variant="missing", data_key=f"checks.retention_kind.{kind}")
        elif days > maximum:
            yield hit(record, at, object_id=f"retention:{kind}", variant="too_long", data_key=f"checks.retention_kind.{kind}", days=days, maximum=maximum)
