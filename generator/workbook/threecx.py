"""`pbxdoc import 3cx-users`: a 3CX users (extensions) CSV export into the project's users.

Users are matched to existing ones by extension number: a known extension keeps its id, site,
rights profile and the fields 3CX does not carry (terminal, mobile extension, ...); a new one gets
the id `u-<number>` and the --site / --rights-profile given. Secret columns (AuthPassword, VMPin,
web client passwords, ...) are never read.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.diagnostics import Location, Report
from generator.model.numbering import User
from generator.workbook.headers import coerce, field_kind, knowledge, normalise
from generator.workbook.importer import Existing, ImportFailure, ImportResult, commit, current_project, formula_cell, refuse_formula, validate_rows
from generator.workbook.tables import TableError, read_csv_table

CARRIED = ("first_name", "last_name", "email", "mobile", "did", "department", "hot_desking", "voicemail")


def to_e164(number: str | None, country_code: str | None) -> str | None:
    """3CX keeps numbers as dialled: '0791234567' in Switzerland is +41791234567."""
    if number is None:
        return None
    compact = re.sub(r"[\s\-./()]", "", str(number))
    if country_code and re.fullmatch(r"0[1-9]\d+", compact):
        return f"+{country_code}{compact[1:]}"
    return compact


def _columns(headers: list[str]) -> dict[str, int]:
    """3CX column -> field, by the names 3CX uses (knowledge/headers.yaml, 3cx_users)."""
    wanted = {normalise(v): name for name, variants in knowledge()["3cx_users"].items() for v in variants}
    found: dict[str, int] = {}
    for i, header in enumerate(headers):
        name = wanted.get(normalise(header))
        if name is not None:
            found.setdefault(name, i)
    return found


def import_3cx_users(
    root: Path,
    path: Path,
    *,
    site: str | None = None,
    rights_profile: str | None = None,
    existing: Existing = Existing.REFUSE,
    dry_run: bool = False,
) -> ImportResult:
    report = Report()
    try:
        table = read_csv_table(path)
    except TableError as e:
        raise ImportFailure(str(e)) from e
    columns = _columns(table.headers)
    if "extension" not in columns:
        raise ImportFailure(f"{path.name}: no 'Number' column; is this a 3CX users export? (headers: {', '.join(table.headers)})")
    project = current_project(root, report)
    if project is None:
        return ImportResult(report)
    if site is None and len(project.sites) == 1:
        site = project.sites[0].id
    address = project.pbxdoc.customer.address
    country_code = knowledge()["country_codes"].get(address.country if address else "CH")
    by_extension = {u.extension: u for u in project.users}
    data, positions = [], {}
    for index, (row_number, cells) in enumerate(table.rows):
        raw = {name: cells[col] for name, col in columns.items() if col < len(cells) and cells[col] is not None}
        extension = coerce("text", (), raw.get("extension"))
        known = by_extension.get(str(extension)) if extension is not None else None
        record = known.model_dump(exclude_defaults=True, mode="json") if known else {"id": f"u-{extension}", "site": site, "rights_profile": rights_profile}
        record = {k: v for k, v in record.items() if v is not None}
        positions[(index,)] = table.location(row_number)
        for name, col in columns.items():
            positions[(index, "did" if name == "outbound_caller_id" else name)] = table.location(row_number, col)
        record["extension"] = extension
        if raw.get("did") is None and raw.get("outbound_caller_id") is not None:
            raw["did"] = raw["outbound_caller_id"]
            positions[(index, "did")] = table.location(row_number, columns["outbound_caller_id"])
        for name in ("extension", *CARRIED):
            if formula_cell("text", raw.get(name), None):
                refuse_formula(report, positions.get((index, name), table.location(row_number)), name, raw.get(name))
        for name in CARRIED:
            value = raw.get(name)
            if name in ("mobile", "did"):
                value = to_e164(coerce("text", (), value), country_code)
            else:
                value = coerce(*field_kind(User, name), value)
            if value is not None:
                record[name] = value
        if not known:
            for name, option in (("site", "--site"), ("rights_profile", "--rights-profile")):
                if record.get(name) is None:
                    report.error(
                        "import-3cx",
                        f"extension {extension} is new and no {option} was given",
                        table.location(row_number),
                        name,
                        f"{option} ID for the users that are not in the project yet",
                    )
        data.append(record)
    if report.has_errors():
        return ImportResult(report)
    header_of = {("did" if n == "outbound_caller_id" else n): table.headers[c] for n, c in columns.items()}
    users = validate_rows("users", table, data, positions, header_of, report)
    if users is None:
        return ImportResult(report)
    return commit(root, project, {"users": users}, existing, dry_run, report)
