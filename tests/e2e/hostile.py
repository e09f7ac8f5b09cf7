"""A project whose every free-text field holds a hostile payload, generated from the model's fields.

The fields are found by walking the pydantic models of every concern (not a hand list): a field is
free text when it takes any string (no pattern, no validator of its own). The small example is
dumped concern by concern, the payload is planted in each such field of each record (also where the
example leaves it empty), and every concern is written back as YAML.
"""

from __future__ import annotations

import shutil
import types
import typing
from pathlib import Path

import yaml
from pydantic import BaseModel, TypeAdapter
from pydantic.fields import FieldInfo

from generator.load import load
from generator.model.project import CONCERNS

# Markup with event handlers, a script end tag, Markdown link and image syntax, Jinja syntax, a
# bare '](', backticks, table pipes, a NUL, an ANSI escape, a bidi override and '../'; padded to
# 300 characters. The numbers mark each piece: none may ever be computed or run.
PAYLOAD_CORE = (
    "<img src=x onerror=alert(101)></script><script>alert(102)</script><svg onload=alert(103)>"
    " [x](javascript:alert(104)) ![i](http://evil.example/p.png) <a href=http://evil.example/a>a</a>"
    " {{ 7*191 }} {% for x in range(3) %}J{% endfor %} ](x) `tick` a|b|c \x00 \x1b[31mred\x1b[0m"
    " ../../etc/passwd \u202etxt.exe"
)
PAYLOAD = PAYLOAD_CORE + " " + "x" * (299 - len(PAYLOAD_CORE))
assert len(PAYLOAD) == 300
_VALIDATORS = ("BeforeValidator", "AfterValidator", "PlainValidator", "WrapValidator")


def _unwrap(annotation):
    """X | None -> X."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _unwrap(args[0]) if len(args) == 1 else annotation
    return annotation


def _constrained(info: FieldInfo) -> bool:
    return any(getattr(m, "pattern", None) or type(m).__name__ in _VALIDATORS for m in info.metadata)


def is_text(info: FieldInfo) -> bool:
    return _unwrap(info.annotation) is str and not _constrained(info)


def is_text_list(info: FieldInfo) -> bool:
    annotation = _unwrap(info.annotation)
    if typing.get_origin(annotation) is not list or _constrained(info):
        return False
    (item,) = typing.get_args(annotation)
    return item is str


def _models(annotation, seen: set) -> typing.Iterator[type[BaseModel]]:
    annotation = _unwrap(annotation)
    if typing.get_origin(annotation) in (list, tuple, dict, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            yield from _models(arg, seen)
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel) and annotation not in seen:
        seen.add(annotation)
        yield annotation
        for info in annotation.model_fields.values():
            yield from _models(info.annotation, seen)


# Typed as text but checked against a code list (not free text): no payload can be valid there.
CODED = {("HolidayCalendar", "subdivision")}


def text_fields() -> set[tuple[str, str]]:
    """(model, field) of every free-text field (or list of free text) of every concern."""
    seen: set = set()
    return {
        (model.__name__, name)
        for concern in CONCERNS
        for model in _models(concern.type, seen)
        for name, info in model.model_fields.items()
        if (is_text(info) or is_text_list(info)) and (model.__name__, name) not in CODED
    }


def _plant(data, annotation, planted: set) -> None:
    annotation = _unwrap(annotation)
    if typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation)
        for element in data if isinstance(data, list) else ():
            _plant(element, item, planted)
        return
    if not (isinstance(annotation, type) and issubclass(annotation, BaseModel) and isinstance(data, dict)):
        return
    for name, info in annotation.model_fields.items():
        if (annotation.__name__, name) in CODED:
            continue
        if is_text(info):
            data[name] = PAYLOAD
            planted.add((annotation.__name__, name))
        elif is_text_list(info):
            data[name] = [PAYLOAD]
            planted.add((annotation.__name__, name))
        elif name in data:
            _plant(data[name], info.annotation, planted)


def _complete(data: dict[str, typing.Any]) -> None:
    """Records of the kinds the small example has none of (cards, ISDN, analogue and private
    lines, CTI, a waiver), so that the payload reaches every free-text field of the model."""
    server, site = data["servers"][0], data["sites"][0]["id"]
    server["platform"], server["slots"] = "appliance", [{"slot": 1, "type": "card"}]
    interfaces = data.setdefault("interfaces", {})
    interfaces["isdn_lines"] = [{"id": "hostile-isdn", "server": server["id"], "kind": "BRI", "provider": "p", "channels": 2}]
    interfaces["analogue_lines"] = [{"id": "hostile-analogue", "server": server["id"], "provider": "p", "number": "+41215559999"}]
    interfaces["private_lines"] = [{"id": "hostile-private", "server": server["id"], "remote_site": site, "protocol": "p"}]
    data.setdefault("terminals", {})["cti"] = [{"id": "hostile-cti", "server": server["id"], "name": "n", "protocol": "p"}]
    data["waivers"] = [{"rule": "AVL-FAILOVER-PAIR", "object": "*", "justification": "j", "accepted_by": "a", "date": "2026-01-01", "expiry": "2027-01-01"}]


def write_hostile_project(source: Path, target: Path) -> set[tuple[str, str]]:
    """A copy of the project at target with the payload in every free-text field; returns the
    (model, field) pairs planted."""
    project = load(source)
    shutil.copytree(source, target)
    data = {}
    for concern in CONCERNS:
        if concern.name in project.files:
            (target / project.files[concern.name]).unlink()
            data[concern.name] = TypeAdapter(concern.type).dump_python(getattr(project, concern.name), mode="json", exclude_none=True)
    _complete(data)
    planted: set[tuple[str, str]] = set()
    for concern in CONCERNS:
        if concern.name in data:
            _plant(data[concern.name], concern.type, planted)
            text = yaml.safe_dump(data[concern.name], allow_unicode=True, sort_keys=False, width=1_000_000)
            (target / f"{concern.name}.yaml").write_text(text, encoding="utf-8")
    return planted
