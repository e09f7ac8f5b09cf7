"""Raw sources into the validated Project, every error mapped back to file, line and field."""

from __future__ import annotations

import difflib
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from generator.diagnostics import Location, Report
from generator.loaders.source import Source
from generator.loaders.yaml_file import dotted
from generator.model.base import Record
from generator.model.project import CONCERN_BY_NAME, CONCERNS, Project

SECRET_WORDS = ("password", "pin", "key", "secret", "credential", "code", "token")


@lru_cache(maxsize=None)
def adapter(concern_name: str) -> TypeAdapter:
    return TypeAdapter(CONCERN_BY_NAME[concern_name].type)


def _model_at(type_: Any, loc: tuple) -> type[BaseModel] | None:
    """The pydantic model class that holds the last element of loc (for 'did you mean')."""
    current = type_
    for part in loc[:-1]:
        origin = getattr(current, "__origin__", None)
        if origin is list:
            current = current.__args__[0]
            continue
        if isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(part)
            if info is None:
                return None
            current = info.annotation
            args = getattr(current, "__args__", ())
            if getattr(current, "__origin__", None) is not list and args:
                current = next((a for a in args if a is not type(None)), current)
            continue
        return None
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _describe(error: dict, concern_type: Any, data_loc: tuple) -> tuple[str, str]:
    """A message and the expectation for one pydantic error."""
    kind = error["type"]
    msg = error["msg"]
    field_name = str(data_loc[-1]) if data_loc else ""
    secret = any(w in field_name.lower() for w in SECRET_WORDS)
    if kind == "missing":
        return "required field is missing", f"a value for '{field_name}'"
    if kind == "extra_forbidden":
        model = _model_at(concern_type, data_loc)
        known = sorted(model.model_fields) if model else []
        close = difflib.get_close_matches(field_name, known, n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        return f"unknown key '{field_name}'", f"{hint}one of: {', '.join(known)}" if known else "no such key"
    if kind in ("value_error", "assertion_error"):
        return msg.removeprefix("Value error, ").removeprefix("Assertion failed, "), ""
    if kind == "bool_parsing":
        return f"invalid value, got {_short(error.get('input'))}", "true or false (also yes/no, 1/0)"
    if kind in ("date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact", "date_type"):
        return f"invalid date, got {_short(error.get('input'))}", "a date written YYYY-MM-DD, e.g. 2026-12-31"
    if msg.startswith("Input should be "):
        got = "" if secret else f"got {_short(error.get('input'))}"
        return (f"invalid value, {got}" if got else "invalid value"), msg.removeprefix("Input should be ")
    if kind == "string_pattern_mismatch":
        got = "" if secret else f" {_short(error.get('input'))}"
        return f"value{got} has the wrong form", f"text matching {error['ctx']['pattern']}"
    return msg, ""


def _data_loc(loc: tuple, data: Any) -> tuple:
    """Drop pydantic's validator tags from loc so that it follows the data."""
    path: list = []
    current = data
    for part in loc:
        if isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            path.append(part)
            current = current[part]
        elif isinstance(current, dict) and part in current:
            path.append(part)
            current = current[part]
        elif isinstance(current, dict) and isinstance(part, str) and not part.startswith(("function-", "list[", "union[")) and "[" not in part:
            path.append(part)  # a missing or unknown key: keep it as the field
            current = None
        elif current is None:
            break
    return tuple(path)


def _field_label(concern: str, path: tuple, source: Source) -> str:
    label = dotted((concern,) + path) if concern != "pbxdoc" else dotted(path)
    if source.columns and path and isinstance(path[-1], str) and path[-1] in source.columns:
        header = source.columns[path[-1]]
        if header != path[-1]:
            label += f" (column '{header}')"
    return label


def _attach(value: Any, path: tuple, source: Source) -> None:
    """Give every record the location it was read from (and of each of its fields)."""
    if isinstance(value, Record):
        value._source = source.locate(path)
        fields = {}
        for name in value.__class__.model_fields:
            loc = source.positions.get(path + (name,))
            if loc is not None:
                fields[name] = loc
            child = getattr(value, name)
            if isinstance(child, (Record, list)):
                _attach(child, path + (name,), source)
        value._fields = fields
    elif isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, (Record, list)):
                _attach(item, path + (i,), source)


def _collect_ids(data: Any, into: set) -> None:
    if isinstance(data, dict):
        if isinstance(data.get("id"), (str, int)):
            into.add(str(data["id"]))
        for value in data.values():
            _collect_ids(value, into)
    elif isinstance(data, list):
        for item in data:
            _collect_ids(item, into)


def _valid_items(item_type: Any, raw: Any, path: tuple, source: Source) -> list:
    """The items of a list that validate on their own (the others were already reported)."""
    items = []
    if not isinstance(raw, list):
        return items
    item_adapter = TypeAdapter(item_type)
    for i, entry in enumerate(raw):
        try:
            value = item_adapter.validate_python(entry)
        except ValidationError:
            continue
        _attach(value, path + (i,), source)
        items.append(value)
    return items


def _salvage(type_: Any, source: Source) -> Any:
    """What can be kept of a concern that failed: its valid records, so that cross-reference
    checks still run on them and every error of the project shows in one run."""
    data = source.data
    if getattr(type_, "__origin__", None) is list:
        return _valid_items(type_.__args__[0], data, (), source)
    if not (isinstance(type_, type) and issubclass(type_, Record) and isinstance(data, dict)):
        return None
    fields = {}
    for name, info in type_.model_fields.items():
        if name not in data:
            continue
        annotation = info.annotation
        if getattr(annotation, "__origin__", None) is list and isinstance(annotation.__args__[0], type) and issubclass(annotation.__args__[0], Record):
            fields[name] = _valid_items(annotation.__args__[0], data[name], (name,), source)
            continue
        try:
            value = TypeAdapter(annotation).validate_python(data[name])
        except ValidationError:
            continue
        _attach(value, (name,), source)
        fields[name] = value
    return type_.model_construct(**fields)


def _misspelt_columns(type_: Any, source: Source) -> dict[str, str | None]:
    """The columns of a table that are no field of its records, each with the field it is closest to."""
    model = _model_at(type_, (0, "")) if source.columns else None
    if model is None:
        return {}
    unknown = [c for c in source.columns if c not in model.model_fields]
    return {c: next(iter(difflib.get_close_matches(c, list(model.model_fields), n=1)), None) for c in unknown}


def _header_cell(loc: Location) -> Location:
    """The header cell of the column of a table cell (row 1 of the same column)."""
    if loc.sheet and loc.cell:
        return Location(loc.file, sheet=loc.sheet, cell=loc.cell.rstrip("0123456789") + "1")
    return Location(loc.file, 1, loc.column)


def validate_concern(name: str, source: Source, report: Report, failed_ids: set | None = None) -> Any | None:
    """The validated value of one concern file. On errors, reports them all, adds the ids written in
    the file to failed_ids and returns the salvaged valid part (or None)."""
    concern = CONCERN_BY_NAME[name]
    try:
        value = adapter(name).validate_python(source.data)
    except ValidationError as e:
        misspelt, reported = _misspelt_columns(concern.type, source), set()
        for error in e.errors(include_url=False):
            path = _data_loc(error["loc"], source.data)
            column = path[-1] if source.columns and len(path) == 2 else None
            if column in misspelt or (error["type"] == "missing" and column in misspelt.values()):
                if column in misspelt and column not in reported:  # once, at the header cell
                    reported.add(column)
                    message, expected = _describe(error, concern.type, path)
                    report.error(f"invalid-{error['type']}", message, _header_cell(source.locate(path)), f"column '{source.columns[column]}'", expected)
                continue
            message, expected = _describe(error, concern.type, path)
            report.error(f"invalid-{error['type']}", message, source.locate(path), _field_label(name, path, source), expected)
        if failed_ids is not None:
            _collect_ids(source.data, failed_ids)
        return _salvage(concern.type, source) if name != "pbxdoc" else None
    _attach(value, (), source)
    return value


def build_project(sources: dict[str, Source], report: Report) -> tuple[Project, set[str], set[str]]:
    """Validate every concern (all errors collected) and assemble the Project.

    Returns the project (built from the valid part of each file), the names of the concerns that
    had errors, and the ids written in those files: the cross-reference checks run on what is
    valid and do not report a reference to a record whose own error is already reported.
    """
    values: dict[str, Any] = {}
    failed: set[str] = set()
    failed_ids: set[str] = set()
    for concern in CONCERNS:
        source = sources.get(concern.name)
        if source is None:
            if concern.required:
                failed.add(concern.name)
            continue
        before = len(report.diagnostics)
        value = validate_concern(concern.name, source, report, failed_ids)
        if len(report.diagnostics) > before:
            failed.add(concern.name)
        if value is not None:
            values[concern.name] = value
    defaults = {}
    for name, info in Project.model_fields.items():
        if name not in values:
            defaults[name] = None if name == "pbxdoc" else [] if info.is_required() else info.get_default(call_default_factory=True)
    return Project.model_construct(**defaults, **values), failed, failed_ids
