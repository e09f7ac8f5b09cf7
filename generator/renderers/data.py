"""The validated model as one JSON file (data/model.json) for integrations and archiving."""

from __future__ import annotations

import json

from generator.renderers.base import Product, RenderContext


def render(ctx: RenderContext) -> list[Product]:
    project = ctx.content.project
    data = project.model_dump(mode="json", exclude={"findings"})
    data["findings"] = [
        {
            "rule": f.rule,
            "severity": f.severity.value,
            "category": f.category,
            "title": f.title,
            "message": f.message,
            "object": f.object_id,
            "location": str(f.location),
            "status": f.status.value,
        }
        for f in project.findings
    ]
    document = {
        "customer": project.pbxdoc.customer.id,
        "input_digest": project.digest,
        "audience": ctx.audience.value,
        "language": ctx.content.lang,
        "generated": ctx.generated.isoformat(),
        "model": data,
    }
    ctx.output.write("data/model.json", json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    return []
