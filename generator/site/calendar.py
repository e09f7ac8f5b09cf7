"""The calendar feed (`calendar.ics`): every dated obligation as an all-day event that Outlook or
a phone subscribes to from the published site.

Deterministic: DTSTAMP is the generation date and each UID derives from the obligation, so the
same data gives the same bytes and a calendar updates an event instead of duplicating it.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from icalendar import Calendar, Event

from generator.i18n import Translator
from generator.model.project import Project
from generator.sections.obligations import obligations

PATH = "calendar.ics"


def calendar_feed(project: Project, t: Translator, generated: dt.datetime) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//pbxdoc//calendar//" + t.lang.upper())
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", t.t("site.calendar.name", customer=project.pbxdoc.customer.name))
    stamp = generated.astimezone(dt.timezone.utc).replace(microsecond=0)
    for o in obligations(project, generated.date()):
        event = Event()
        key = f"{o.kind.value}/{o.object_id}/{o.due.isoformat()}"
        event.add("uid", hashlib.sha256(f"{project.pbxdoc.customer.name}/{key}".encode()).hexdigest()[:32] + "@pbxdoc")
        event.add("dtstamp", stamp)
        event.add("dtstart", o.due)
        event.add("dtend", o.due + dt.timedelta(days=1))
        event.add("summary", t.t("site.calendar.summary", what=t.t(f"sections.attention.kind.{o.kind.value}"), subject=o.subject, id=o.object_id))
        details = [t.t("site.calendar.object", id=o.object_id)]
        if o.reference:
            details.append(t.t("site.calendar.contract", reference=o.reference))
        event.add("description", "\n".join(details))
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical()
