"""The dashboard: what falls due within 90 days (and what is overdue), licences near saturation,
failed builds; escaped, offline, deterministic."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re

import icalendar

from generator.portfolio.dashboard import FEED, INDEX, gather, render_html, write_dashboard
from portfolio_helpers import state

MOMENT = dt.datetime(2026, 11, 20, tzinfo=dt.timezone.utc)


def test_dates_within_the_horizon_and_overdue_are_shown_later_ones_not():
    s = state("acme", dates=[("licence", "lic-a", "3CX PRO", "2027-02-18"), ("contract", "c-1", "Maintenance", "2027-02-19"), ("waiver", "BKP-X pbx", "ok", "2026-10-01")])
    board = gather([s], MOMENT)
    assert [(d.item.object, d.days) for d in board.deadlines] == [("BKP-X pbx", -50), ("lic-a", 90)]
    assert board.rows[0].next_deadline.item.object == "BKP-X pbx"


def test_counted_licences_at_ninety_percent_or_more_are_saturated():
    # An edition used 1 of 1 is not running out; users or channels at 9 of 10 are.
    s = state("acme", licences=[("l1", "SIP channels", "sip_channels", "pbx", 8, 8), ("l2", "Users", "users", "pbx", 10, 9), ("l3", "DECT", "dect", "pbx", 10, 8), ("l4", "Apps", "application", "pbx", 5, None), ("l5", "Edition", "edition", "pbx", 1, 1)])
    board = gather([s], MOMENT)
    assert [(x.licence, x.used, x.quantity) for x in board.saturated] == [("SIP channels", 8, 8), ("Users", 9, 10)]


def test_a_failed_customer_is_listed_with_its_reason_and_its_last_facts():
    html = render_html(gather([state("acme", ok=False, reason="invalid data, 1 error: sites.yaml:3:1")], MOMENT), "en")
    row = re.search(r'<tr data-status="([^"]*)">', html).group(1)
    assert row.split() == ["failed"]
    assert "invalid data, 1 error: sites.yaml:3:1" in html
    assert '<a href="acme/site/index.html">site</a>' in html


def test_customer_data_is_text_never_markup():
    hostile = 'Evil <script>alert(1)</script> "AG"'
    s = state("evil", name=hostile, dates=[("licence", "<img src=x onerror=alert(1)>", "</td><script>", "2026-12-01")])
    html = render_html(gather([s], MOMENT), "en")
    assert "<script>alert(1)" not in html and "<img src=x" not in html and "</td><script>" not in html
    assert "Evil &lt;script&gt;alert(1)&lt;/script&gt; &#34;AG&#34;" in html


def test_offline_and_private():
    html = render_html(gather([state("acme", records=["pdf/audit.pdf"])], MOMENT), "en")
    assert not re.search(r'(src|href)="(https?:)?//', html)  # no request leaves the page
    assert '<meta name="robots" content="noindex, nofollow">' in html
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1).replace("&#39;", "'")
    assert "default-src 'none'" in csp
    script = re.search(r"<script>(.*?)</script>", html, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp  # the inline script is the only one allowed to run


def test_every_language_has_its_words():
    board = gather([state("acme", dates=[("restore_test", "pbx", "PBX", "2026-12-01")])], MOMENT)
    assert "Restore test due" not in render_html(board, "fr")
    assert "test de restauration à faire" in render_html(board, "fr")
    assert "Wiederherstellungstest fällig" in render_html(board, "de")
    assert "restore test due" in render_html(board, "en")


def test_same_states_same_bytes_in_any_order(tmp_path):
    states = [state(f"c{i}", dates=[("licence", f"l{i}", "x", f"2026-12-{i + 1:02d}")]) for i in range(5)]
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    write_dashboard(a, states, MOMENT, "fr")
    write_dashboard(b, list(reversed(states)), MOMENT, "fr")
    for name in (INDEX, FEED):
        assert (a / name).read_bytes() == (b / name).read_bytes()


def test_the_feed_has_one_event_per_date_with_stable_uids(tmp_path):
    label = "3CX PRO\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:injected"
    s = state("acme", name="Acme; SA, Lausanne", dates=[("licence", "lic-a", label, "2026-12-18"), ("contract", "c-1", "Maintenance", "2027-06-01")])
    write_dashboard(tmp_path, [s], MOMENT, "en")
    cal = icalendar.Calendar.from_ical((tmp_path / FEED).read_bytes())
    [event] = cal.walk("VEVENT")  # the contract is beyond 90 days: in neither the table nor the feed
    assert str(event["summary"]) == "Acme; SA, Lausanne (acme): licence expiry lic-a"
    assert event.decoded("dtstart") == dt.date(2026, 12, 18)
    assert event.decoded("dtstamp") == MOMENT
    assert str(event["uid"]).endswith("@pbxdoc")
    assert str(event["description"]) == label.replace("\r\n", "\n")  # a line break in the data stays inside its property
    assert (tmp_path / FEED).read_bytes().split(b"\r\n").count(b"BEGIN:VEVENT") == 1
