"""Certificates and the vendor's end of support are dated obligations too: on the home page within
the policy window (not beyond it), each naming its object, and in the calendar feed."""

from __future__ import annotations

import datetime as dt
import shutil

from icalendar import Calendar

from generator.document import to_markdown
from generator.i18n import Translator
from generator.load import EXAMPLES, SMALL_EXAMPLE, load
from generator.model.hardening import Certificate, ServerSecurity
from generator.sections.obligations import ObligationKind, due_within, obligations
from generator.site.calendar import calendar_feed
from sections_fixtures import TODAY, small  # noqa: F401  (fixtures)
from tests.helpers import content_of


def _with_certificates(small, *expiries: dt.date):
    server = small.servers[0]
    certificates = [Certificate(name=f"cert-{i}.example.ch", purpose="sip_tls", expiry=day) for i, day in enumerate(expiries)]
    security = (server.security or ServerSecurity()).model_copy(update={"certificates": certificates})
    return small.replace(servers=[server.model_copy(update={"security": security}), *small.servers[1:]])


def _home(project) -> str:
    return to_markdown(content_of(project, "en", TODAY).sections[0])


def test_a_certificate_expiring_within_the_window_needs_attention_and_one_beyond_does_not(small):
    window = small.pbxdoc.policy.licence_warning_days
    project = _with_certificates(small, TODAY + dt.timedelta(days=window - 1), TODAY + dt.timedelta(days=window + 30))
    server = small.servers[0].id
    due = [(o.kind, o.object_id, o.subject) for o in due_within(project, TODAY)]
    assert (ObligationKind.CERTIFICATE_EXPIRY, server, "cert-0.example.ch") in due
    assert not any(subject == "cert-1.example.ch" for _, _, subject in due)
    assert (ObligationKind.CERTIFICATE_EXPIRY, server, "cert-1.example.ch") in [(o.kind, o.object_id, o.subject) for o in obligations(project, TODAY)]
    home = _home(project)
    assert f"Certificate expiry (renew it) | {server} | cert-0.example.ch |" in home and "cert-1.example.ch" not in home


def test_an_expired_certificate_stays_listed_as_overdue(small):
    home = _home(_with_certificates(small, TODAY - dt.timedelta(days=3)))
    assert "Certificate expiry (renew it)" in home and "3 days ago" in home


LIFECYCLE = """products:
  3cx:
    figures:
      lifecycle:
        end_of_support: {{value: {product}, source: "vendor notice B"}}
      firmware_end_of_support:
        20.0 Update 5: {{value: {firmware}, source: "vendor notice C"}}
"""


def _with_lifecycle(tmp_path, product: dt.date, firmware: dt.date):
    root = tmp_path / "project"
    shutil.copytree(EXAMPLES / SMALL_EXAMPLE, root)
    (root / "vendors").mkdir(exist_ok=True)
    (root / "vendors" / "lifecycle.yaml").write_text(LIFECYCLE.format(product=product.isoformat(), firmware=firmware.isoformat()), encoding="utf-8")
    return load(root)


def test_the_end_of_support_within_the_window_needs_attention_and_one_beyond_does_not(tmp_path):
    project = _with_lifecycle(tmp_path, product=TODAY + dt.timedelta(days=700), firmware=TODAY + dt.timedelta(days=20))
    due = [(o.kind, o.object_id, o.subject, o.due) for o in due_within(project, TODAY)]
    firmware = [(obj, subject, day) for kind, obj, subject, day in due if kind is ObligationKind.END_OF_SUPPORT]
    assert len(firmware) == 1 and firmware[0][0] == "lau-pbx-01" and firmware[0][1].endswith(" 20.0 Update 5") and firmware[0][2] == TODAY + dt.timedelta(days=20)
    assert not any(kind is ObligationKind.END_OF_SUPPORT and not subject.endswith("20.0 Update 5") for kind, _, subject, _ in due)  # the product's, in 700 days
    assert any(o.kind is ObligationKind.END_OF_SUPPORT and o.due == TODAY + dt.timedelta(days=700) for o in obligations(project, TODAY))
    home = _home(project)
    assert "End of the vendor's support | lau-pbx-01 |" in home and "in 20 days" in home


def test_without_vendor_dates_nothing_ends(small):
    assert not [o for o in obligations(small, TODAY) if o.kind is ObligationKind.END_OF_SUPPORT]


def test_the_calendar_carries_certificates_and_end_of_support(tmp_path):
    project = _with_lifecycle(tmp_path, product=TODAY + dt.timedelta(days=700), firmware=TODAY + dt.timedelta(days=20))
    project = _with_certificates(project, TODAY + dt.timedelta(days=90))
    generated = dt.datetime(TODAY.year, TODAY.month, TODAY.day, tzinfo=dt.timezone.utc)
    events = Calendar.from_ical(calendar_feed(project, Translator("en"), generated)).walk("VEVENT")
    summaries = {str(e["summary"]): e.decoded("dtstart") for e in events}
    assert summaries["Certificate expiry (renew it): cert-0.example.ch (lau-pbx-01)"] == TODAY + dt.timedelta(days=90)
    assert TODAY + dt.timedelta(days=20) in [day for summary, day in summaries.items() if summary.startswith("End of the vendor's support")]
