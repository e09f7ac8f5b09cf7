"""User-facing words in French, German and English, and locale-aware dates and numbers.

Translations live in `translations/<lang>/<domain>.yaml` (one domain per renderer, plus `model`
for the labels of the data's own values), so that renderers add words without touching each other.
A domain may also be a folder, `translations/<lang>/<domain>/<part>.yaml`, whose files all add to
that domain (e.g. one file per rule family under `checks/`); a key defined twice is an error.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import yaml
from babel import Locale
from babel.dates import format_date
from babel.numbers import NumberFormatError, format_decimal, format_percent, parse_decimal

TRANSLATIONS = Path(__file__).resolve().parent / "translations"
LANGUAGES = ("fr", "de", "en")
LOCALES = {"fr": "fr_CH", "de": "de_CH", "en": "en_GB"}


def _flatten(prefix: str, value, into: dict[str, str]) -> dict[str, str]:
    if isinstance(value, dict):
        for k, v in value.items():
            _flatten(f"{prefix}.{k}" if prefix else str(k), v, into)
    else:
        into[prefix] = str(value)
    return into


def _read(path: Path) -> dict:
    # libyaml's loader when present: the same result, ten times faster than the pure-Python one.
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}


@lru_cache(maxsize=None)
def catalogue(lang: str) -> dict[str, str]:
    """Every key of a language, flattened as 'domain.key.subkey'."""
    folder = TRANSLATIONS / lang
    flat: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")):
        _flatten(path.stem, _read(path), flat)
    for part in sorted(folder.glob("*/*.yaml")):
        added = _flatten(part.parent.name, _read(part), {})
        twice = sorted(set(added) & set(flat))
        if twice:
            raise ValueError(f"{part.relative_to(TRANSLATIONS)}: {twice[0]} is defined twice")
        flat.update(added)
    return flat


_PLURAL = re.compile(r"\{(\w+), *plural, *")


def _branches(text: str, i: int) -> tuple[dict[str, str], int]:
    """The `selector {text}` branches of an ICU plural block starting at i, and the index after
    its closing brace; a malformed block is a bug in a catalogue and raises."""
    branches: dict[str, str] = {}
    while True:
        while text[i] == " ":
            i += 1
        if text[i] == "}":
            return branches, i + 1
        opening = text.index("{", i)
        selector, depth, j = text[i:opening].strip(), 1, opening + 1
        while depth:
            depth += {"{": 1, "}": -1}.get(text[j], 0)
            j += 1
        branches[selector] = text[opening + 1 : j - 1]
        i = j


def _number(value, locale: str):
    """The number a plural form is chosen for: a number, or a number already formatted in the
    language ('1'000'); None for anything else ('—', '?'), which takes the `other` form."""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return value
    try:
        return parse_decimal(str(value), locale=locale, strict=False)
    except NumberFormatError:
        return None


class Translator:
    """Words and formats for one language."""

    def __init__(self, lang: str):
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}; pbxdoc speaks {', '.join(LANGUAGES)}")
        self.lang = lang
        self.locale = LOCALES[lang]
        self._words = catalogue(lang)

    def t(self, key: str, **values) -> str:
        """The sentence for key, with {placeholders} filled; a missing key is a bug and raises.

        A key worded per plural form (`key: {one: ..., other: ...}`, CLDR categories) takes the
        form of the language's rule for `count` (Babel), so no sentence needs "(s)"."""
        text = self._words.get(key)
        if text is None and "count" in values:
            count = values["count"]
            number = parse_decimal(count, locale=self.locale, strict=False) if isinstance(count, str) else count  # already formatted
            form = self._plural(abs(number))
            text = self._words.get(f"{key}.{form}", self._words.get(f"{key}.other"))
        if text is None:
            raise KeyError(f"no {self.lang} translation for {key!r}")
        if values and "plural," in text:  # without values: the sentence as a template (the site's scripts fill it)
            text = self._choose_plurals(text, values)
        return text.format(**values) if values else text

    def _choose_plurals(self, text: str, values: dict) -> str:
        """ICU's plural syntax inside a sentence, for sentences that count several things:
        `{errors, plural, one {# erreur} other {# erreurs}}` keeps the branch of the language's
        CLDR rule (Babel) for the value of `errors`, `=0`-style exact branches first; `#` is the
        value as given, other {placeholders} are filled afterwards."""
        out, i = [], 0
        while (match := _PLURAL.search(text, i)) is not None:
            out.append(text[i : match.start()])
            branches, i = _branches(text, match.end())
            value = values[match.group(1)]
            number = _number(value, self.locale)
            chosen = branches["other"] if number is None else branches.get(f"={number}", branches.get(self._plural(abs(number)), branches["other"]))
            out.append(chosen.replace("#", str(value)))
        out.append(text[i:])
        return "".join(out)

    def _plural(self, number: float) -> str:
        return Locale.parse(self.locale).plural_form(number)

    def has(self, key: str) -> bool:
        return key in self._words

    def label(self, domain: str, value) -> str:
        """Label of an enumerated value of the data (e.g. model.terminal_type.sip_dect)."""
        raw = getattr(value, "value", value)
        key = f"model.{domain}.{raw}"
        return self._words.get(key, str(raw))

    def date(self, value: dt.date | None) -> str:
        """The language's one date form (`format.date` in content.yaml, a CLDR pattern), the same
        in every output, so that no document shows one date two ways."""
        return format_date(value, format=self._words["content.format.date"], locale=self.locale) if value else ""

    def month(self, value: dt.date) -> str:
        """A month on a time axis (`format.month`), not a date."""
        return format_date(value, format=self._words["content.format.month"], locale=self.locale)

    def spreadsheet_date_format(self) -> str:
        """The date form as a spreadsheet number format (CLDR dd.MM.y -> dd.mm.yyyy)."""
        pattern = self._words["content.format.date"]
        return re.sub(r"y+", "yyyy", pattern.replace("M", "m"))

    def number(self, value, decimals: int | None = None) -> str:
        if value is None:
            return ""
        if decimals is not None:
            return format_decimal(value, format="#,##0." + "0" * decimals if decimals else "#,##0", locale=self.locale)
        return format_decimal(value, locale=self.locale)

    def percent(self, value: float) -> str:
        return format_percent(value, locale=self.locale)
