"""Every value of a project reaches an output through this module, escaped for where it lands.

Project data is hostile: a name may hold HTML, Markdown or Jinja syntax, a NUL, an ANSI escape or
a bidi override. Each output format has one function here (Markdown, HTML text and attributes,
Graphviz labels and strings, URLs of our links); nothing else in pbxdoc escapes by hand, so that a
fix reaches every output at once. Control characters are shown as their code point (<U+001B>)
instead of vanishing or breaking an XML parser, so a reader sees that the data holds them (plain
ASCII: every font of every output can print it).
"""

from __future__ import annotations

import html
import re
import textwrap
import urllib.parse

from markupsafe import Markup

# C0 controls except tab and line feed, DEL, C1 controls; and the bidi embeddings, overrides and
# isolates, which reorder the text around them (U+202E shows a phone number backwards).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_MD_INLINE = re.compile(r"([\\`*_{}\[\]#|~^])")
_MD_LINE_START = re.compile(r"(?m)^(\s*)([-+>]|\d+(?=\.))(\.?\s)")


def _code_point(match: re.Match) -> str:
    return f"<U+{ord(match.group(0)):04X}>"


def _inert_line_start(match: re.Match) -> str:
    indent, marker, rest = match.groups()
    if marker.isdigit():  # "1." : a backslash before the dot (before a digit it would show)
        return f"{indent}{marker}\\{rest}"
    return f"{indent}\\{marker}{rest}"


def visible(text: object) -> str:
    """The value as text, line ends unified and every control character shown as <U+XXXX>."""
    if text is None:
        return ""
    value = str(text).replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub(_code_point, value)


def html_text(text: object) -> str:
    """Text for HTML or XML (SVG), in element content or a quoted attribute."""
    return html.escape(visible(text), quote=True)


def html_markup(text: object) -> Markup:
    """HTML text for a template that prints some values raw and escapes others (mkdocs-material
    prints the site name raw in one place and with `|e` in another): escaped once, and marked as
    escaped so that `|e` leaves it as it is instead of showing `&lt;` to the reader."""
    return Markup(html_text(text))


def markdown(text: object) -> str:
    """Inert Markdown: HTML-escaped, Markdown punctuation backslash-escaped, lines kept as lines."""
    if text is None:
        return ""
    value = html.escape(visible(text), quote=False)
    value = _MD_INLINE.sub(r"\\\1", value)
    # A line starting with '-', '+', '1.' or '>' would become a list or a quote.
    value = _MD_LINE_START.sub(_inert_line_start, value)
    return value.replace("\n", "  \n")


def url_path(path: str) -> str:
    """A path inside the output as the target of a Markdown or HTML link: every character that
    could end the link or start markup is percent-encoded; a scheme or an absolute path is refused."""
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", path) or path.startswith(("/", "\\")) or ".." in path.split("/"):
        raise ValueError(f"not a relative path inside the output: {path!r}")
    return urllib.parse.quote(path, safe="/")


def graphviz_label(text: object, width: int) -> str:
    """Text for a Graphviz HTML-like label: escaped, lines longer than width wrapped (<BR/>)."""
    value = visible(text).strip()
    lines = textwrap.wrap(value, width=width, break_long_words=True, break_on_hyphens=False) or [""]
    return "<BR/>".join(html.escape(line, quote=True) for line in lines)


def graphviz_string(value: object) -> str:
    """A plain DOT attribute value, quoted, on one line."""
    text = visible(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{text}"'
