"""`pbxdoc import`: an integrator's workbook or CSV file into a project's tabular data files.

Every row is validated with the model (errors name file, sheet and cell); nothing is written unless
every row is valid AND the whole project still validates with the new data (checked on a copy).

Where the data goes (one rule, documented in `pbxdoc import --help`):
- a concern is written to its existing file when that is CSV or YAML (same name, same format);
  otherwise (no file yet, or an .xlsx file) to `<concern>.csv`, and the .xlsx is removed;
- an existing concern file is never overwritten silently: `--replace` replaces its records with the
  imported ones, `--merge` updates records with the same id (the address for the addressing plan)
  and appends new ones, keeping the others; without either the import is refused;
- all files change or none (`replace_all`: staged beside their targets, backups and a journal, so
  that a failure or a crash is rolled back); no other file changes;
- a cell that a spreadsheet would run as a formula is refused (`formula_cell`).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

import yaml

from generator.audience import Audience
from generator.diagnostics import Location, PbxdocError, Report
from generator.i18n import LANGUAGES, catalogue
from generator.load import validate
from generator.loaders.source import Source
from generator.model.build import validate_concern
from generator.model.formulas import formula_like
from generator.model.project import Project
from generator import tempdirs
from generator.workbook.files import recover, replace_all
from generator.workbook.headers import IGNORE, TABULAR, coerce, concern_for_headers, field_kind, match_headers, normalise, record_type
from generator.workbook.sheets import FILE_COLUMNS, IMPORTABLE, LIST_SEPARATOR
from generator.workbook.tables import Table, TableError, exported_for, read_csv_table, read_xlsx_tables


class Existing(str, Enum):
    """What to do when the concern already has a file."""

    REFUSE = "refuse"
    REPLACE = "replace"
    MERGE = "merge"


class ImportFailure(PbxdocError):
    """The import cannot start (unreadable file, unknown sheet, bad option)."""


@dataclass
class ConcernWrite:
    """The new content of one concern file."""

    concern: str
    target: str  # file name inside the project
    records: list
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0
    replaces: str | None = None  # an older file of the concern in another format, removed
    same: bool = False  # the file would hold the same records: left as it is


@dataclass
class ImportResult:
    report: Report
    writes: list[ConcernWrite] = field(default_factory=list)
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.report.has_errors()


# --- reading and validating rows ---------------------------------------------------------------


def parse_mapping(items: list[str] | tuple[str, ...]) -> dict[str, str]:
    """--map "Header=field" options: normalised header -> field ('' leaves the column out)."""
    mapping = {}
    for item in items:
        header, sep, target = item.partition("=")
        if not sep or not header.strip():
            raise ImportFailure(f"--map {item!r}: expected \"Header=field\" (or \"Header=\" to leave the column out)")
        mapping[normalise(header)] = target.strip()
    return mapping


def validate_rows(concern: str, table: Table, data: list[dict], positions: dict, columns: dict[str, str], report: Report) -> list | None:
    """Rows (raw dicts) into records of the concern; every error located at its cell."""
    source = Source(table.file, data, positions, columns)
    source.positions.setdefault((), table.location(1))
    before = len(report.errors)
    value = validate_concern(concern, source, report)
    if value is None or len(report.errors) > before:
        return None
    return value


SIGNED_NUMBER = re.compile(r"\s*[+-]?\d+([.,]\d+)?\s*")


def formula_cell(kind: str, raw: Any, value: Any) -> bool:
    """Whether a cell holds text that a spreadsheet would run as a formula; a signed number in a
    numeric field and an E.164 number are values, not formulas."""
    if kind in ("int", "float") and (isinstance(value, (int, float)) or (isinstance(value, str) and SIGNED_NUMBER.fullmatch(value))):
        return False
    texts = [raw] if isinstance(raw, str) else []
    texts += [v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str)]
    return any(formula_like(t) for t in texts)


def refuse_formula(report: Report, location: Location, name: str, raw: Any) -> None:
    shown = ascii(str(raw)[:40])[1:-1]
    report.error(
        "import-formula",
        f"'{shown}' would run as a formula in a spreadsheet opening the project's table; refused",
        location,
        name,
        "a value that does not start with = + - @, a tab or a line break (a phone number in E.164 form and a signed number in a numeric column are fine)",
    )


def table_records(concern: str, table: Table, mapping: dict[str, str], report: Report, worded: frozenset[str] = frozenset()) -> tuple[list, set[str]] | None:
    """The records of one table for a concern and the fields it gives, or None after reporting
    every problem. The `worded` fields (a reader's workbook says in words where a file is kept)
    are left out: their cells are not values."""
    model = record_type(concern)
    errors_before = len(report.errors)
    for header, target in mapping.items():
        if target != IGNORE and target not in model.model_fields:
            report.error("import-map", f"--map names '{target}', which is not a field of {concern}", Location(table.name), expected=f"one of: {', '.join(model.model_fields)}")
    matched, unknown = match_headers(concern, table.headers, {k: v for k, v in mapping.items() if v == IGNORE or v in model.model_fields})
    for i in unknown:
        report.warning(
            "import-column",
            f"column '{table.headers[i]}' is not a field of {concern}; left out",
            table.location(1, i),
            expected=f'--map "{table.headers[i]}=FIELD" to import it, one of: {", ".join(model.model_fields)}',
        )
    for i, name in sorted(matched.items()):
        if name in worded:
            report.warning("import-column", f"column '{table.headers[i]}' says in words where the file is kept, not its path; left out", table.location(1, i))
    matched = {i: name for i, name in matched.items() if name not in worded}
    seen: dict[str, int] = {}
    for i, name in sorted(matched.items()):
        if name in seen:
            report.error("import-column", f"columns '{table.headers[seen[name]]}' and '{table.headers[i]}' both give {name}", table.location(1, i), expected="one column per field (leave one out with --map \"Header=\")")
        seen.setdefault(name, i)
    if len(report.errors) > errors_before:
        return None
    kinds = {name: field_kind(model, name) for name in seen}
    data, positions = [], {}
    for index, (row_number, cells) in enumerate(table.rows):
        record = {}
        positions[(index,)] = table.location(row_number)
        for name, col in seen.items():
            raw = cells[col] if col < len(cells) else None
            value = coerce(*kinds[name], raw)
            if formula_cell(kinds[name][0], raw, value):
                refuse_formula(report, table.location(row_number, col), name, raw)
            if value is not None:
                record[name] = value
                positions[(index, name)] = table.location(row_number, col)
        data.append(record)
    records = validate_rows(concern, table, data, positions, {name: table.headers[col] for name, col in seen.items()}, report)
    return None if records is None or len(report.errors) > errors_before else (records, set(seen))


def _sheet_titles() -> dict[str, str]:
    """Normalised sheet title (pbxdoc's own, any language, or the concern name) -> concern."""
    titles = {normalise(c): c for c in TABULAR}
    for key, (concern, _) in IMPORTABLE.items():
        for lang in LANGUAGES:
            titles[normalise(catalogue(lang)[f"workbook.sheet.{key}"])] = concern
    return titles


def select_tables(path: Path, sheet: str | None, concern: str | None) -> list[tuple[Table, str]]:
    """The tables of the file to import and the concern of each."""
    if concern is not None and concern not in TABULAR:
        raise ImportFailure(f"--concern {concern!r} is not a table; choose one of {', '.join(TABULAR)}")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        tables = [read_csv_table(path)]
    elif suffix in (".xlsx", ".xlsm"):
        tables = read_xlsx_tables(path, [sheet] if sheet else None)
    else:
        raise ImportFailure(f"{path.name}: not a .xlsx or .csv file")
    titles = _sheet_titles()
    if concern is None and len(tables) > 1:
        chosen = [(t, titles[normalise(t.sheet)]) for t in tables if normalise(t.sheet or "") in titles]
        if chosen:
            return chosen
    if concern is not None and len(tables) > 1:
        named = [t for t in tables if titles.get(normalise(t.sheet or "")) == concern]
        fitting = named or [t for t in tables if concern_for_headers(t.headers, (concern,))]
        if not fitting:
            raise ImportFailure(f"{path.name}: no sheet holds {concern}; name one with --sheet (sheets: {', '.join(t.sheet for t in tables)})")
        return [(fitting[0], concern)]
    result = []
    for table in tables:
        found = concern or titles.get(normalise(table.sheet or "")) or concern_for_headers(table.headers)
        if found is None:
            raise ImportFailure(f"{table.name}: cannot tell which data this is from its headers; say it with --concern ({', '.join(TABULAR)})")
        result.append((table, found))
    return result


# --- writing ----------------------------------------------------------------------------------


def merge_key(concern: str) -> str:
    fields = record_type(concern).model_fields
    return "id" if "id" in fields else next(iter(fields))


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _columns(concern: str, records: list) -> list[str]:
    """Fields written: the required ones and those that differ from their default somewhere."""
    fields = record_type(concern).model_fields
    return [
        name
        for name, info in fields.items()
        if info.is_required() or any(getattr(r, name) != info.get_default(call_default_factory=True) for r in records)
    ]


def _csv_cell(value: Any) -> str:
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def to_csv(concern: str, records: list) -> str:
    import csv
    import io

    columns = _columns(concern, records)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow([_csv_cell(getattr(record, c)) for c in columns])
    return buffer.getvalue()


def to_yaml(concern: str, records: list, first_line: str | None) -> str:
    """One flow mapping per record, as the examples are written; the schema comment is kept."""
    columns = _columns(concern, records)
    lines = [first_line] if first_line and first_line.startswith("#") else []
    for record in records:
        item = {c: _plain(getattr(record, c)) for c in columns if getattr(record, c) is not None}
        lines.append("- " + yaml.safe_dump(item, default_flow_style=True, allow_unicode=True, sort_keys=False, width=1 << 20).strip())
    return "\n".join(lines) + "\n"


def _update(before, imported, fields: set[str]):
    """A record with the imported columns taken over (validated again: fields depend on each other)."""
    data = before.model_dump()
    data.update({name: getattr(imported, name) for name in fields})
    return type(before).model_validate(data)


def plan_write(root: Path, project: Project, concern: str, records: list, existing: Existing, report: Report, fields: set[str] | None = None) -> ConcernWrite | None:
    """What the concern's file will hold; `fields` are the imported columns (None: whole records)."""
    current = project.files.get(concern)
    suffix = Path(current).suffix.lower() if current else ""
    target = current if suffix in (".csv", ".yaml", ".yml") else f"{concern}.csv"
    key = merge_key(concern)
    if current and existing is Existing.REFUSE:
        report.error(
            "import-exists",
            f"{concern} already has data in {current}; nothing was written",
            Location(current),
            expected=f"--merge to update records with the same {key} and add new ones, or --replace to replace them all",
        )
        return None
    seen: dict = {}
    for record in records:
        first = seen.setdefault(getattr(record, key), record)
        if first is not record:
            report.error("import-duplicate", f"{key} '{getattr(record, key)}' is given twice (first at {first.where()})", record.where(key), key, f"a unique {key}")
    if report.has_errors():
        return None
    before = {getattr(r, key): r for r in (getattr(project, concern) if current else [])}
    final = list(records)
    if existing is Existing.MERGE:
        merged = dict(before)  # keeps the order of the existing records, new ones at the end
        for record in records:
            old = merged.get(getattr(record, key))
            merged[getattr(record, key)] = record if old is None or fields is None else _update(old, record, fields)
        final = list(merged.values())
        records = [merged[k] for k in seen]
    write = ConcernWrite(concern, target, final, replaces=current if current and current != target else None)
    write.kept = len(final) - len(records)
    write.same = write.replaces is None and [r.model_dump() for r in final] == [r.model_dump() for r in before.values()] and bool(current)
    for record in records:
        old = before.get(getattr(record, key))
        if old is None:
            write.added += 1
        elif old.model_dump() == record.model_dump():
            write.unchanged += 1
        else:
            write.updated += 1
    return write


def _render(root: Path, write: ConcernWrite) -> str:
    if write.target.endswith((".yaml", ".yml")):
        path = root / write.target
        first = path.read_text(encoding="utf-8").splitlines()[0] if path.is_file() else None
        return to_yaml(write.concern, write.records, first)
    return to_csv(write.concern, write.records)


def commit(root: Path, project: Project, records: dict[str, list], existing: Existing, dry_run: bool, report: Report, fields: dict[str, set[str]] | None = None) -> ImportResult:
    """Plan the writes, prove on a copy that the project still validates, then write (unless dry run)."""
    result = ImportResult(report)
    for concern, recs in records.items():
        write = plan_write(root, project, concern, recs, existing, report, (fields or {}).get(concern))
        if write is not None:
            result.writes.append(write)
    if report.has_errors():
        return result
    changed = [w for w in result.writes if not w.same]
    contents = {w.concern: _render(root, w) for w in changed}
    with tempdirs.temporary("import") as tmp:
        copy = tmp / root.name
        shutil.copytree(root, copy, symlinks=True)
        for write in changed:
            (copy / write.target).write_text(contents[write.concern], encoding="utf-8", newline="")
            if write.replaces:
                (copy / write.replaces).unlink()
        checked, check_report = validate(copy)
    if checked is None:
        report.extend(check_report)
        report.error("import-invalid", "with the imported data the project would not validate (see above); nothing was written", Location(root.name), expected="data that fits the rest of the project")
        return result
    if not dry_run:
        replace_all(root, {w.target: contents[w.concern] for w in changed}, [w.replaces for w in changed if w.replaces])
        result.written = True
    return result


def current_project(root: Path, report: Report) -> Project | None:
    """The project as it is, after undoing an import that a crash interrupted."""
    tempdirs.clean_stale()
    restored = recover(root)
    if restored:
        report.warning("import-recovered", f"an earlier import was interrupted; {', '.join(restored)} restored as they were before it", Location(root.name))
    project, current = validate(root)
    if project is None:
        report.extend(current)
        report.error("import-project-invalid", "the project does not validate as it is; fix it before importing", Location(root.name))
    return project


def import_table_file(
    root: Path,
    path: Path,
    *,
    concern: str | None = None,
    sheet: str | None = None,
    mapping: list[str] | tuple[str, ...] = (),
    existing: Existing = Existing.REFUSE,
    dry_run: bool = False,
) -> ImportResult:
    """Import an .xlsx (one sheet, or every sheet named like pbxdoc's own) or .csv file."""
    report = Report()
    try:
        chosen = select_tables(path, sheet, concern)
        parsed_mapping = parse_mapping(mapping)
    except TableError as e:
        raise ImportFailure(str(e)) from e
    audience = exported_for(path) if path.suffix.lower() in (".xlsx", ".xlsm") else None
    reader = audience not in (None, Audience.INTEGRATOR.value)
    if reader and existing is not Existing.MERGE:
        raise ImportFailure(
            f"{path.name} was exported for the {audience} audience, without the columns it may not see: "
            "it can only be merged (--merge), which keeps them; replacing would erase them"
        )
    records: dict[str, list] = {}
    fields: dict[str, set[str]] = {}
    for table, name in chosen:
        if name in records:
            report.error("import-twice", f"two sheets hold {name}", table.location(1), expected="one sheet per concern (choose one with --sheet)")
            continue
        if not table.rows:
            report.warning("import-empty", f"no rows: {name} left as it is", table.location(1))
            continue
        found = table_records(name, table, parsed_mapping, report, FILE_COLUMNS if reader else frozenset())
        if found is not None:
            records[name], fields[name] = found
    if report.has_errors() or not records:
        return ImportResult(report)
    project = current_project(root, report)
    if project is None:
        return ImportResult(report)
    return commit(root, project, records, existing, dry_run, report, fields)


def concern_summary(write: ConcernWrite) -> str:
    parts = [f"{len(write.records)} records", f"{write.added} new", f"{write.updated} changed", f"{write.unchanged} unchanged"]
    if write.kept:
        parts.append(f"{write.kept} kept from before")
    text = f"{write.target}: " + ", ".join(parts)
    if write.replaces:
        text += f" (replaces {write.replaces})"
    if write.same:
        text += " (same data: file left as it is)"
    return text


