"""The cross-customer deadlines as an iCalendar feed (RFC 5545, through the icalendar library):
one all-day event per date, with a stable UID so that a calendar client updates, never duplicates."""

from __future__ import annotations

import datetime as dt
import hashlib
import icalendar

from generator.i18n import Translator
from generator.portfolio.state import DatedItem


def feed(deadlines: list[tuple[str, str, DatedItem]], moment: dt.datetime, t: Translator) -> bytes:
    """One event per (customer id, customer name, dated item), in the order given."""
    cal = icalendar.Calendar()
    cal.add("prodid", "-//pbxdoc//portfolio deadlines//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", t.t("portfolio.calendar.name"))
    for customer_id, customer, item in deadlines:
        uid = hashlib.sha256("\0".join((customer_id, item.kind, item.object, item.date)).encode("utf-8")).hexdigest()[:32]
        day = dt.date.fromisoformat(item.date)
        event = icalendar.Event()
        event.add("uid", f"{uid}@pbxdoc")
        event.add("dtstamp", moment)
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        # The portfolio id too: two customers of one name (two sites of a firm) stay apart.
        event.add("summary", f"{customer} ({customer_id}): {t.t(f'portfolio.kind.{item.kind}')} {item.object}")
        event.add("description", item.label)
        event.add("categories", [t.t(f"portfolio.kind.{item.kind}")])
        cal.add_component(event)
    return cal.to_ical()
