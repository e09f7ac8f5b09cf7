"""Small customer states for dashboard and merge tests (the facts a build would have written)."""

from __future__ import annotations

from generator.portfolio.state import CustomerState, Facts


def facts(name: str, dates=(), licences=(), errors=0, warnings=0, score=1.0, site=True, records=()) -> Facts:
    return Facts.model_validate(
        {
            "format": 1,
            "customer": {"id": name.lower().replace(" ", "-"), "name": name, "language": "fr"},
            "document": {"date": "2026-11-20", "version": "1.0"},
            "servers": [{"id": "pbx", "vendor": "3CX", "model": "3CX", "software_version": "20"}],
            "counts": {"sites": 1, "users": 10, "handsets": 0},
            "findings": {"error": errors, "warning": warnings, "info": 0, "waived": 0},
            "completeness": {"score": score, "missing": []},
            "dates": [dict(zip(("kind", "object", "label", "date"), d)) for d in dates],
            "licences": [dict(zip(("id", "item", "kind", "system", "quantity", "used"), lic)) for lic in licences],
            "input_digest": "0" * 64,
            "outputs": {"site": "site/index.html" if site else None, "records": list(records), "workbooks": []},
        }
    )


def state(customer_id: str, name: str | None = None, ok: bool = True, reason: str = "", **kw) -> CustomerState:
    return CustomerState(
        id=customer_id,
        key="k" * 64,
        ok=ok,
        reason=reason,
        last_success="2026-11-18T00:00:00+00:00",
        facts=facts(name or customer_id, **kw),
    )
