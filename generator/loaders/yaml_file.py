"""Safe YAML reading with a position for every value.

The C parser composes the node tree (fast, no Python objects executed); we then build plain
values ourselves so that we know the line of each key, refuse duplicate keys, and bound the size
that aliases can expand to.
"""

from __future__ import annotations

import re

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

from generator.diagnostics import Location, Report
from generator.loaders.source import Source
from generator.loaders.limits import HINT, ReadLimits, report_too_large
from generator.text import has_invisible

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _Loader = yaml.SafeLoader

_constructor = SafeConstructor()
# What PyYAML says when a key is indented too little or too much.
INDENTATION_PROBLEMS = ("mapping values are not allowed", "expected <block end>", "could not find expected ':'", "expected a comment or a line break")
INT_TAG = "tag:yaml.org,2002:int"
AS_WRITTEN = re.compile(r"[+-]?0[0-9xob_]|\+|.*:")  # octal, hexadecimal, signed or sexagesimal integers


class _TooLarge(Exception):
    pass


class _Refused(Exception):
    """A value over a limit; the error is already reported."""




class _Builder:
    def __init__(self, file: str, report: Report, limits: ReadLimits):
        self.file = file
        self.report = report
        self.limits = limits
        self.positions: dict = {}
        self.count = 0

    def refuse(self, what: str, name: str, node) -> None:
        report_too_large(self.report, what, name, self.loc(node))
        raise _Refused

    def loc(self, node) -> Location:
        return Location(self.file, node.start_mark.line + 1, node.start_mark.column + 1)

    def build(self, node, path: tuple, record_at=None):
        self.count += 1
        if self.count > self.limits.cells:
            raise _TooLarge
        self.positions[path] = record_at or self.loc(node)
        if isinstance(node, yaml.MappingNode):
            _constructor.flatten_mapping(node)
            result: dict = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    self.report.error("yaml-key", "a key must be a plain name", self.loc(key_node))
                    continue
                key = _constructor.construct_object(key_node)
                if not isinstance(key, (str, int)) or isinstance(key, bool):
                    key = str(key_node.value)
                if key in result:
                    self.report.error(
                        "yaml-duplicate-key",
                        f"key '{key}' appears twice in the same mapping; the second one would silently win",
                        self.loc(key_node),
                        field=dotted(path + (key,)),
                    )
                    continue
                result[key] = self.build(value_node, path + (key,), self.loc(key_node))
            return result
        if isinstance(node, yaml.SequenceNode):
            if len(node.value) > self.limits.rows:
                self.refuse(f"the list has {len(node.value):,} items, over the {self.limits.rows:,} limit", "rows", node)
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        if len(node.value) > self.limits.field_chars:
            self.refuse(f"the value has {len(node.value):,} characters, over the {self.limits.field_chars:,} limit", "field_chars", node)
        if node.tag == INT_TAG and not node.style and AS_WRITTEN.match(node.value):
            return node.value  # 0201, +41..., 0x1F, 7:30: YAML 1.1 would change the digits
        try:
            return _constructor.construct_object(node)
        except ValueError:
            return node.value  # an impossible date such as 2024-13-01: the model reports it at its line


def dotted(path: tuple) -> str:
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + str(part)
    return text


def expanded_size(node, memo: dict | None = None) -> int:
    """How many values the node tree expands to once aliases are followed (counted, not built)."""
    memo = {} if memo is None else memo
    key = id(node)
    if key in memo:
        return memo[key]
    memo[key] = 1  # a recursive alias counts once instead of looping
    if isinstance(node, yaml.MappingNode):
        size = 1 + sum(expanded_size(k, memo) + expanded_size(v, memo) for k, v in node.value)
    elif isinstance(node, yaml.SequenceNode):
        size = 1 + sum(expanded_size(item, memo) for item in node.value)
    else:
        size = 1
    memo[key] = size
    return size


def read_yaml(text: str, file: str, report: Report, limits: ReadLimits | None = None) -> Source | None:
    """Parse YAML text into a Source; any problem goes into the report and returns None."""
    limits = limits or ReadLimits()
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        loc = Location(file, mark.line + 1, mark.column + 1) if mark else Location(file)
        problem = e.problem or "invalid YAML"
        context = f" {e.context}" if e.context else ""
        if any(words in problem for words in INDENTATION_PROBLEMS):
            context += "; check the indentation of this line and of the lines just above"
        report.error("yaml-syntax", f"YAML syntax error: {problem}{context}", loc, expected="valid YAML")
        return None
    except yaml.YAMLError as e:
        report.error("yaml-syntax", f"YAML error: {e}", Location(file, 1, 1), expected="valid YAML")
        return None
    if node is None:
        report.error("empty-file", "the file is empty", Location(file, 1, 1), expected="the data of this concern, or remove the file")
        return None
    builder = _Builder(file, report, limits)
    try:
        if expanded_size(node) > limits.cells:
            raise _TooLarge
        data = builder.build(node, ())
    except (_TooLarge, RecursionError):
        report.error(
            "yaml-too-large",
            f"the file expands to more than {limits.cells:,} values (nested aliases?); refused",
            Location(file, 1, 1),
            expected="a file without alias expansion bombs; " + HINT.format(name="cells"),
        )
        return None
    except _Refused:
        return None
    except ConstructorError as e:
        mark = e.problem_mark
        loc = Location(file, mark.line + 1, mark.column + 1) if mark else Location(file, 1, 1)
        report.error("yaml-value", f"unsupported YAML value: {e.problem}", loc, expected="plain YAML values")
        return None
    return Source(file, data, builder.positions, hidden_text=has_invisible(text))
