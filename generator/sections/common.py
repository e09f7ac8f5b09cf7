"""What every section needs: the project, the words of one language, and the date sections count from.

Sections build `generator.document` blocks only; customer text goes in as plain strings so that
the document tree escapes it, and our own words come from `translations/<lang>/sections.yaml`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import quote

from babel.dates import format_timedelta

from generator.document import Admonition, Heading, Inline, Paragraph, Table, Text, escape
from generator.i18n import Translator
from generator.model.project import Project
from generator.phones import readable


@dataclass(frozen=True)
class SectionContext:
    project: Project
    t: Translator
    today: dt.date  # the generation date: licence days left and ages are counted from it
    # (view, object id) -> SVG path of every diagram the build draws; sections show those only.
    diagrams: Mapping[tuple[str, str | None], str] = field(default_factory=dict)
    # The build's runbooks (title, system_id, slug, blocking), listed by the backup section.
    runbooks: Sequence = ()

    def w(self, key: str, **values) -> str:
        """A word or sentence of the sections domain."""
        return self.t.t(f"sections.{key}", **values)

    def yes_no(self, value: bool | None) -> str:
        if value is None:
            return ""
        return self.w("common.yes") if value else self.w("common.no")

    def date(self, value: dt.date | None) -> str:
        return self.t.date(value)

    def relative(self, day: dt.date) -> str:
        """A day seen from the generation date, in days, worded for the locale ('5 days ago', 'in 41 days')."""
        days = (day - self.today).days
        if days == 0:
            return self.w("common.today")
        return format_timedelta(dt.timedelta(days=days), granularity="day", threshold=10**6, add_direction=True, locale=self.t.locale)

    def number(self, value, decimals: int | None = None) -> str:
        return self.t.number(value, decimals)

    def label(self, domain: str, value) -> str:
        return self.t.label(domain, value) if value is not None else ""

    def site_name(self, site_id: str | None) -> str:
        if not site_id:
            return ""
        site = self.project.site_by_id.get(site_id)
        return site.name if site else site_id

    def person_name(self, person_id: str | None) -> str:
        """A contact's or user's name from its id (the id itself if neither is known)."""
        if not person_id:
            return ""
        contact = self.project.contact_by_id.get(person_id)
        if contact:
            return contact.name
        user = self.project.user_by_id.get(person_id)
        return user.display_name if user else person_id

    def equipment_name(self, object_id: str) -> str:
        obj = self.project.equipment.get(object_id)
        name = getattr(obj, "name", None) or getattr(obj, "model", None)
        return f"{name} ({object_id})" if name and name != object_id else object_id

    def secret(self, reference: str | None) -> str:
        """Where a secret is kept. The audience filter empties references for all but integrators."""
        return self.w("common.stored_in", reference=reference) if reference else ""

    def none(self, key: str = "common.none_recorded") -> Paragraph:
        return Paragraph((Text(self.w(key)),))


def phone(number: str | None) -> str:
    """An E.164 number grouped for reading, per its country (non-breaking spaces, so that a table
    cell never splits a number)."""
    return readable(number)


def join(values: Iterable[object], sep: str = ", ") -> str:
    return sep.join(str(v) for v in values if v not in (None, ""))


def table(headers: Iterable[Inline], rows: Iterable[Iterable[Inline]], css_class: str | None = None) -> Table:
    return Table(tuple(headers), tuple(tuple(r) for r in rows), css_class)


def titled_table(ctx: SectionContext, title: str, headers: Iterable[Inline], rows: Iterable[Iterable[Inline]],
                 level: int = 2, css_class: str | None = None) -> list:
    """A heading and its table, or the heading and 'nothing recorded' when there are no rows."""
    rows = [tuple(r) for r in rows]
    return [Heading(level, title), table(headers, rows, css_class) if rows else ctx.none()]


def note(kind: str, title: str, *sentences: str) -> Admonition:
    return Admonition(kind, title, tuple(Paragraph((s,)) for s in sentences))


def number_blocks(ctx: SectionContext, blocks) -> str:
    """Number blocks as 'first – last (n)', one per line; a block of one number is that number."""
    return "\n".join(
        phone(b.first) if b.first == b.last else f"{phone(b.first)} – {phone(b.last)} ({ctx.w('common.numbers', count=ctx.number(b.size()))})"
        for b in blocks
    )


def group_by(items: Iterable[object], key) -> dict:
    """Items by key, keeping their order within each group."""
    groups: dict = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return groups


def phone_link(number: str | None) -> Text | str:
    """A number as a `tel:` link (the data validated it as E.164: a '+' and digits only)."""
    if not number:
        return ""
    if not re.fullmatch(r"\+[0-9]{6,15}", number):
        return phone(number)
    return Text(f"[{phone(number)}](tel:{number})", raw=True)


_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,63}")


def mail_link(address: str | None) -> Text | str:
    """An e-mail address as a `mailto:` link; the address is escaped as text and percent-encoded as
    target. Text that is no e-mail address stays text: no link is made of it."""
    if not address:
        return ""
    if not _EMAIL.fullmatch(address):
        return address
    return Text(f"[{escape(address)}](mailto:{quote(address, safe='@.+-_')})", raw=True)
