"""Which column is which field, and cell values turned into what the model expects.

Headers are compared without case, accents or punctuation, against the field names, pbxdoc's own
workbook labels in every language and the usual variants of `knowledge/headers.yaml`.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
import unicodedata
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel

from generator.i18n import LANGUAGES, catalogue
from generator.model.project import CONCERN_BY_NAME, CONCERNS

HEADERS_FILE = Path(__file__).resolve().parent.parent / "knowledge" / "headers.yaml"
IGNORE = ""  # a column deliberately left out (pbxdoc's derived columns, --map "Header=")
DATE_FORMATS = ("%d.%m.%Y", "%d/%m/%Y", "%Y-%m-%d", "%d.%m.%y", "%d-%m-%Y")


def normalise(text: str) -> str:
    """'N° de poste' and 'n de  Poste' compare equal: no case, accents or punctuation."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^0-9a-z✓✔]+", " ", plain).strip()


@lru_cache(maxsize=None)
def knowledge() -> dict:
    return yaml.safe_load(HEADERS_FILE.read_text(encoding="utf-8"))


TABULAR = tuple(c.name for c in CONCERNS if c.tabular)


def record_type(concern: str) -> type[BaseModel]:
    """The record class of a tabular concern (list[User] -> User)."""
    return typing.get_args(CONCERN_BY_NAME[concern].type)[0]


def _unwrap(annotation: Any) -> Any:
    """The type under Annotated[...] and Optional[...]."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        if origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) == 1:
                annotation = args[0]
                continue
        return annotation


def field_kind(model: type[BaseModel], name: str) -> tuple[str, tuple[str, ...]]:
    """('bool'|'int'|'float'|'date'|'enum'|'list'|'text', allowed values for enums)."""
    annotation = _unwrap(model.model_fields[name].annotation)
    origin = typing.get_origin(annotation)
    if origin is list:
        return "list", ()
    if origin is Literal:
        return "enum", tuple(str(a) for a in typing.get_args(annotation))
    if isinstance(annotation, type):
        if issubclass(annotation, Enum):
            return "enum", tuple(str(m.value) for m in annotation)
        if annotation is bool:
            return "bool", ()
        if annotation is int:
            return "int", ()
        if annotation is float:
            return "float", ()
        if annotation is dt.date:
            return "date", ()
    return "text", ()


@lru_cache(maxsize=None)
def header_index(concern: str) -> dict[str, str]:
    """Normalised header -> field name (or IGNORE) for one concern; earlier sources win."""
    from generator.workbook.sheets import IMPORTABLE

    fields = list(record_type(concern).model_fields)
    index: dict[str, str] = {}

    def add(header: str, target: str) -> None:
        index.setdefault(normalise(header), target)

    sheet_columns = [columns for c, columns in IMPORTABLE.values() if c == concern]
    for lang in LANGUAGES:
        words = catalogue(lang)
        for columns in sheet_columns:
            for column in columns:
                add(words[f"workbook.column.{column.key}"], IGNORE if column.derived else column.key)
    for name in fields:
        add(name, name)
        add(name.replace("_", " "), name)
    data = knowledge()
    for source in (data.get(concern, {}), data.get("common", {})):
        for name, variants in source.items():
            if name in fields:
                for variant in variants:
                    add(variant, name)
    return index


@lru_cache(maxsize=None)
def boolean_words() -> dict[str, bool]:
    words = {normalise(w): True for w in knowledge()["booleans"]["true"]}
    words.update({normalise(w): False for w in knowledge()["booleans"]["false"]})
    for lang in LANGUAGES:
        words[normalise(catalogue(lang)["workbook.value.affirmative"])] = True
        words[normalise(catalogue(lang)["workbook.value.negative"])] = False
    return words


@lru_cache(maxsize=None)
def enum_words(allowed: tuple[str, ...]) -> dict[str, str]:
    """Every translated label of the allowed values (any domain, any language) -> the value."""
    words = {normalise(v): v for v in allowed}
    for lang in LANGUAGES:
        for key, label in catalogue(lang).items():
            value = key.rsplit(".", 1)[-1]
            if value in allowed and (key.startswith("model.") or key.startswith("workbook.label.")):
                words.setdefault(normalise(label), value)
    return words


def coerce(kind: str, allowed: tuple[str, ...], value: Any) -> Any:
    """A cell into the raw value the model validates; anything unrecognised is passed on unchanged
    so that the model reports it with its own message."""
    if value is None:
        return None
    if kind == "bool":
        if isinstance(value, bool):
            return value
        if isinstance(value, (int, float)) and value in (0, 1):
            return bool(value)
        return boolean_words().get(normalise(str(value)), value)
    if kind == "enum":
        return enum_words(allowed).get(normalise(str(value)), value)
    if kind == "date":
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, str):
            for fmt in DATE_FORMATS:
                try:
                    return dt.datetime.strptime(value, fmt).date()
                except ValueError:
                    continue
        return value
    if kind == "int" and isinstance(value, float) and value.is_integer():
        return int(value)
    if kind in ("text", "list"):
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        if isinstance(value, dt.datetime):
            return value.isoformat(sep=" ")
        if isinstance(value, dt.date):
            return value.isoformat()
    return value


def match_headers(concern: str, headers: list[str], mapping: dict[str, str]) -> tuple[dict[int, str], list[int]]:
    """Column index -> field for the recognised headers, and the indexes of unrecognised ones.

    `mapping` (normalised header -> field or IGNORE) comes from --map and wins over everything.
    """
    index = header_index(concern)
    matched: dict[int, str] = {}
    unknown: list[int] = []
    for i, header in enumerate(headers):
        key = normalise(header)
        if not key:
            continue
        target = mapping.get(key, index.get(key))
        if target is None:
            unknown.append(i)
        elif target != IGNORE:
            matched[i] = target
    return matched, unknown


def concern_for_headers(headers: list[str], candidates: tuple[str, ...] = TABULAR) -> str | None:
    """The concern whose required fields are all present and which recognises most headers."""
    best, best_score = None, 0
    for concern in candidates:
        matched, _ = match_headers(concern, headers, {})
        fields = set(matched.values())
        required = {n for n, f in record_type(concern).model_fields.items() if f.is_required()}
        if required <= fields and len(fields) > best_score:
            best, best_score = concern, len(fields)
    return best
