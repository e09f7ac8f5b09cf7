"""Raw sources into the validated Project, every error mapped back to file, line and field."""

from __future__ import annotations

import difflib
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from generator.diagnostics import Report
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


def validate_concern(name: str, source: Source, report: Report) -> Any | None:
    concern = CONCERN_BY_NAME[name]
    try:
        value = adapter(name).validate_python(source.data)
    except ValidationError as e:
        for error in e.errors(include_url=False):
            path = _data_loc(error["loc"], source.data)
            message, expected = _describe(error, concern.type, path)
            report.error(f"invalid-{error['type']}", message, source.locate(path), _field_label(name, path, source), expected)
        return None
    _attach(value, (), source)
    return value


def build_project(sources: dict[str, Source], report: Report) -> tuple[Project, set[str]]:
    """Validate every concern (all errors collected) and assemble the Project.

    Concerns that failed are left empty and named in the returned set, so that the cross-reference
    checks can still run on the rest without reporting consequences of the same mistake.
    """
    values: dict[str, Any] = {}
    failed: set[str] = set()
    for concern in CONCERNS:
        source = sources.get(concern.name)
        value = validate_concern(concern.name, source, report) if source is not None else None
        if value is not None:
            values[concern.name] = value
        elif source is not None or concern.required:
            failed.add(concern.name)
    defaults = {}
    for name, info in Project.model_fields.items():
        if name not in values:
            defaults[name] = [] if info.is_required() and name != "pbxdoc" else info.get_default(call_default_factory=True) if not info.is_required() else None
    return Project.model_construct(**defaults, **values), failed
