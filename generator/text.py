"""Text that cannot lie: the invisible characters that change how text reads, and how to show them.

A right-to-left override (U+202E) makes `+41 21 555 12 00` display reversed; a zero-width space
makes two different ids look the same; an ANSI escape in a file name rewrites the terminal. Every
output shows such characters as visible escapes (`<U+202E>`) through `reveal`, and every message
printed to a terminal goes through `printable`. Stdlib only: every stage may use it.
"""

from __future__ import annotations

import re
import unicodedata

BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e"  # LRE, RLE, PDF, LRO, RLO
    "\u2066\u2067\u2068\u2069"  # LRI, RLI, FSI, PDI
    "\u200e\u200f\u061c"  # LRM, RLM, ALM
)
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")  # ZWSP, ZWNJ, ZWJ, word joiner, BOM inside text
INVISIBLE = BIDI_CONTROLS | ZERO_WIDTH

_INVISIBLE_RE = re.compile("[" + "".join(sorted(INVISIBLE)) + "]")
# Controls a terminal acts on (C0 but for none, DEL, C1) and the invisible ones.
_UNPRINTABLE_RE = re.compile("[\x00-\x1f\x7f-\x9f" + "".join(sorted(INVISIBLE)) + "]")


def escape(char: str) -> str:
    """The visible form of one character: <U+202E>."""
    return f"<U+{ord(char):04X}>"


def invisible_characters(text: str) -> list[str]:
    """The distinct invisible characters of a text, in order of appearance."""
    return list(dict.fromkeys(_INVISIBLE_RE.findall(text)))


def describe_invisible(chars: list[str]) -> str:
    """'<U+202E> (RIGHT-TO-LEFT OVERRIDE), <U+200B> (ZERO WIDTH SPACE)' for a message."""
    return ", ".join(f"{escape(c)} ({unicodedata.name(c, 'unnamed')})" for c in chars)


def has_invisible(text: str) -> bool:
    return _INVISIBLE_RE.search(text) is not None


def reveal(text: str) -> str:
    """Text with every bidi control and zero-width character shown as <U+XXXX>, for outputs."""
    return _INVISIBLE_RE.sub(lambda m: escape(m.group()), text)


def printable(text: str) -> str:
    """Text safe to print on a terminal or in a log: control characters (ANSI escapes, newlines,
    C1 controls) and invisible characters shown as <U+XXXX>."""
    return _UNPRINTABLE_RE.sub(lambda m: escape(m.group()), text)


def unprintable_characters(text: str) -> list[str]:
    """The distinct control and invisible characters of a text (for names that must be plain)."""
    return list(dict.fromkeys(_UNPRINTABLE_RE.findall(text)))

