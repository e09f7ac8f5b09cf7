"""Reading typeset records back as text, for the tests of legibility."""

from __future__ import annotations

import re


def broken_tokens(text: str, tokens: set[str]) -> set[str]:
    """Tokens that default-mode pdftotext shows cut at a line end: a hyphen eaten by its
    dehyphenation (trunkpeoplefone), or a line break where a space or slash was."""
    found = set()
    for token in tokens:
        for i, char in enumerate(token):
            if char not in "- /:":
                continue
            before, after = token[:i], token[i + 1 :]
            joined = (before + after,) if char == "-" else (before + "\n", before + " \n") if char == " " else (before + char + "\n",)
            if not any(j in text for j in joined):  # a plain search first: the regular expression only where a cut can be
                continue
            head, tail = re.escape(before), re.escape(after)
            cut = {"-": head + tail, " ": head + r" ?\n+" + tail, "/": head + r"/\n+" + tail, ":": head + r":\n+" + tail}[char]
            if re.search(rf"(?<![\w-]){cut}(?![\w-])", text):
                found.add(token)
    return found
