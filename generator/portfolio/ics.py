"""The cross-customer deadlines as an iCalendar feed (RFC 5545, through the icalendar library):
one all-day event per date, with a stable UID so that a calendar client updates, never duplicates."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import TYPE_CHECKING

import icalendar

from generator.i18n import Translator

if TYPE_CHECKING:
    from generator.portfolio.dashboard import Deadline


def feed(deadlines: list[Deadline], moment: dt.datetime, t: Translator) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", "-//pbxdoc//portfolio deadlines//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", t.t("portfolio.calendar.name"))
    for d in deadlines:
        item = d.item
        uid = hashlib.sha256("\0".join((d.customer_id, item.kind, item.object, item.date)).encode("utf-8")).hexdigest()[:32]
        event = icalendar.Event()
        event.add("uid", f"{uid}@pbxdoc")
        event.add("dtstamp", moment)
        event.add("dtstart", d.date)
        event.add("dtend", d.date + dt.timedelta(days=1))
        event.add("summary", f"{d.customer}: {t.t(f'portfolio.kind.{item.kind}')} {item.object}")
        event.add("description", item.label)
        event.add("categories", [t.t(f"portfolio.kind.{item.kind}")])
        cal.add_component(event)
    return cal.to_ical()
