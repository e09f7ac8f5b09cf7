"""Text that a spreadsheet would run as a formula (or a DDE command) when it opens a table: refused
by the importers, reported by validation in CSV and XLSX concern files.

A phone number in E.164 form (+41 21 555 12 00) starts with '+' but holds nothing to run, and a
signed number in a numeric field is a number, not a text: neither is reported.
"""

from __future__ import annotations

import re

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""A text starting with one of these is what a spreadsheet would take for a formula (OWASP: CSV injection)."""

DDE = re.compile(r"\s*[A-Za-z][\w.]*\s*\|[^!]*!")  # app|topic!item, e.g. cmd|' /C calc'!A0
PHONE = re.compile(r"\+[1-9][\d\s\-./()]*")
SEPARATORS = re.compile(r"[\s\-./()]")


def is_e164(text: str) -> bool:
    """'+', a country code and at most 15 digits in all, with the usual separators."""
    return bool(PHONE.fullmatch(text)) and bool(re.fullmatch(r"\+[1-9]\d{1,14}", SEPARATORS.sub("", text)))


def formula_like(text: str) -> bool:
    if is_e164(text):
        return False
    return text.startswith(FORMULA_TRIGGERS) or bool(DDE.match(text))
