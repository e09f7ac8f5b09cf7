"""Findings for tools: JSON and SARIF 2.1.0 (code-scanning tools show them on the data files).

Reporters are chosen by name (`REPORTERS`); the terminal table lives in the CLI, which owns the console.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from urllib.parse import quote

from generator.checks.catalogue import RuleInfo, catalogue
from generator.checks.completeness import completeness
from generator.diagnostics import Location, Report, Severity
from generator.model.findings import Finding, FindingStatus
from generator.model.project import Project

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
TOOL_NAME = "pbxdoc"


def tool_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pbxdoc")
    except PackageNotFoundError:  # running from a source tree
        return "0.0.0"


def summary(findings: list[Finding]) -> dict[str, int]:
    """Counts of active findings by severity, and of waived ones."""
    active = Counter(f.severity.value for f in findings if f.active)
    return {
        "errors": active.get("error", 0),
        "warnings": active.get("warning", 0),
        "infos": active.get("info", 0),
        "waived": sum(1 for f in findings if not f.active),
    }


def finding_dict(f: Finding) -> dict:
    data = {
        "rule": f.rule,
        "severity": f.severity.value,
        "category": f.category,
        "title": f.title,
        "message": f.message,
        "remediation": f.remediation,
        "source": f.source,
        "object": f.object_id,
        "location": f.location.to_dict(),
        "where": str(f.location),
        "status": f.status.value,
        "params": dict(f.params),
    }
    if f.status is not FindingStatus.OPEN:
        data["waiver"] = {"justification": f.waiver_justification, "accepted_by": f.waiver_accepted_by, "expiry": f.waiver_expiry}
    return data


def to_json(project: Project, findings: list[Finding], lang: str) -> str:
    score, items = completeness(project)
    document = {
        "customer": project.pbxdoc.customer.id,
        "input_digest": project.digest,
        "language": lang,
        "summary": summary(findings),
        "completeness": {"score": round(score, 4), "items": {i.id: i.present for i in items}},
        "findings": [finding_dict(f) for f in findings],
    }
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _sarif_rule(info: RuleInfo) -> dict:
    return {
        "id": info.id,
        "name": info.id.title().replace("-", ""),
        "shortDescription": {"text": info.title},
        "fullDescription": {"text": info.rationale},
        "help": {"text": f"{info.remediation}\n\n{info.source}"},
        "defaultConfiguration": {"level": SARIF_LEVEL[info.severity]},
        "properties": {"category": info.category, "source": info.source, "tags": [info.category]},
    }


def _sarif_physical(loc: Location) -> dict | None:
    """A file (relative to the project, as a URI reference) and the line, column or cell in it."""
    if not loc.file or loc.file == "?":
        return None
    location: dict = {"physicalLocation": {"artifactLocation": {"uri": quote(loc.file, safe="/"), "uriBaseId": "PROJECTROOT"}}}
    if loc.line:
        region = {"startLine": loc.line}
        if loc.column:
            region["startColumn"] = loc.column
        location["physicalLocation"]["region"] = region
    if loc.sheet:
        location["properties"] = {"sheet": loc.sheet, "cell": loc.cell}
    return location


def _sarif_location(f: Finding) -> list[dict]:
    location = _sarif_physical(f.location)
    if location is None:
        return []
    if f.object_id:
        location["logicalLocations"] = [{"name": f.object_id, "kind": "object"}]
    return [location]


def _sarif_log(rules: list[dict], results: list[dict], lang: str, properties: dict) -> str:
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": TOOL_NAME, "version": tool_version(), "language": lang, "rules": rules}},
                "language": lang,
                "columnKind": "unicodeCodePoints",
                "properties": properties,
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def to_sarif(project: Project, findings: list[Finding], lang: str) -> str:
    rules = catalogue(lang)
    index = {r.id: i for i, r in enumerate(rules)}
    results = []
    for f in findings:
        result: dict = {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": SARIF_LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": _sarif_location(f),
            "partialFingerprints": {"pbxdoc/v1": f"{f.rule}:{f.object_id}:{f.variant}"},
            "properties": {"category": f.category, "object": f.object_id, "status": f.status.value},
        }
        if f.status is FindingStatus.WAIVED:
            result["suppressions"] = [
                {"kind": "external", "status": "accepted", "justification": f"{f.waiver_justification} ({f.waiver_accepted_by}, until {f.waiver_expiry})"}
            ]
        elif f.status is FindingStatus.WAIVER_EXPIRED:
            result["properties"]["waiver_expired"] = f.waiver_expiry
        results.append(result)
    return _sarif_log([_sarif_rule(r) for r in rules], results, lang, {"customer": project.pbxdoc.customer.id, "inputDigest": project.digest})


REPORTERS: dict[str, Callable[[Project, list[Finding], str], str]] = {"json": to_json, "sarif": to_sarif}


# --- invalid data: the validation errors, for the same tools ------------------------------------


def invalid_json(report: Report, lang: str) -> str:
    """The document of `pbxdoc validate --format json`: valid false, counts and every diagnostic."""
    return report.to_json() + "\n"


def invalid_sarif(report: Report, lang: str) -> str:
    """Every validation diagnostic as a SARIF result at its file, line and column (rules: the codes)."""
    diagnostics = report.sorted()
    codes = sorted({d.code for d in diagnostics})
    index = {code: i for i, code in enumerate(codes)}
    rules = [{"id": code, "shortDescription": {"text": f"pbxdoc validation: {code}"}, "properties": {"category": "validation"}} for code in codes]
    results = []
    for d in diagnostics:
        text = (f"{d.field}: " if d.field else "") + d.message + (f" (expected {d.expected})" if d.expected else "")
        location = _sarif_physical(d.location)
        results.append(
            {
                "ruleId": d.code,
                "ruleIndex": index[d.code],
                "level": SARIF_LEVEL[d.severity],
                "message": {"text": text},
                "locations": [location] if location else [],
                "properties": {"category": "validation", "where": str(d.location)},
            }
        )
    return _sarif_log(rules, results, lang, {"valid": False, "errors": len(report.errors), "warnings": len(report.warnings)})


INVALID_REPORTERS: dict[str, Callable[[Report, str], str]] = {"json": invalid_json, "sarif": invalid_sarif}
