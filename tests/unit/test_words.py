"""English diagnostics say their counts in words that agree, never 'error(s)'."""

from __future__ import annotations

import ast
from pathlib import Path

from generator.words import counted, noun, product

PACKAGE = Path(__file__).resolve().parents[2] / "generator"


def test_counted_agrees_with_the_number():
    assert counted(0, "error") == "0 errors"
    assert counted(1, "error") == "1 error"
    assert counted(2, "communication server") == "2 communication servers"
    assert counted(3, "entry", "entries") == "3 entries"
    assert noun(1, "key") == "key" and noun(2, "key") == "keys"


def test_product_names_the_vendor_once():
    assert product("Mitel", "Mitel 470") == "Mitel 470"
    assert product("3CX", "3cx Phone System") == "3cx Phone System"
    assert product("Yealink", "W70B") == "Yealink W70B"
    assert product(None, "W70B") == "W70B"


def test_no_message_in_the_code_writes_a_plural_in_brackets():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and "(s)" in node.value:
                found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    # the i18n docstring names the pattern it forbids
    assert [f for f in found if not f.startswith("generator/i18n.py")] == []
