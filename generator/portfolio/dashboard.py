"""The integrator's dashboard across customers: OUT/index.html (one static page, no request leaves
it) and OUT/deadlines.ics, both made only from the customers' stored facts.

Everything is sorted and dated by the run's moment, so the same states give the same bytes: a
dashboard merged from shards is the one a single machine writes.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from generator.i18n import Translator
from generator.portfolio.ics import feed
from generator.portfolio.state import CustomerState, DatedItem

TEMPLATES = Path(__file__).resolve().parent.parent.parent / "templates" / "portfolio"
INDEX = "index.html"
FEED = "deadlines.ics"
HORIZON_DAYS = 90  # what falls due in the next quarter (and everything overdue)
SATURATION = 0.9  # a licence used at 90 % or more of its quantity
# Licences counted in units that run out (not an edition, a contract or a single application).
COUNTED_KINDS = frozenset({"users", "hot_desking", "mobile_extension", "dual_homing", "audio_channels", "sip_channels", "dect"})


@dataclass(frozen=True)
class Deadline:
    customer_id: str
    customer: str
    item: DatedItem
    days: int  # from the dashboard's date; negative when overdue

    @property
    def date(self) -> dt.date:
        return dt.date.fromisoformat(self.item.date)


@dataclass(frozen=True)
class Saturation:
    customer_id: str
    customer: str
    licence: str
    system: str
    used: int
    quantity: int

    @property
    def share(self) -> float:
        return self.used / self.quantity


@dataclass(frozen=True)
class Row:
    state: CustomerState
    deadlines: list[Deadline] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.state.facts.customer.name if self.state.facts else self.state.id

    @property
    def next_deadline(self) -> Deadline | None:
        return self.deadlines[0] if self.deadlines else None


@dataclass(frozen=True)
class Dashboard:
    date: dt.date
    rows: list[Row]
    deadlines: list[Deadline]
    saturated: list[Saturation]

    @property
    def failed(self) -> int:
        return sum(1 for r in self.rows if not r.state.ok)


def gather(states: list[CustomerState], moment: dt.datetime) -> Dashboard:
    """The dashboard's content from the stored states, judged on the run's date."""
    today = moment.date()
    horizon = today + dt.timedelta(days=HORIZON_DAYS)
    rows, all_deadlines, saturated = [], [], []
    for state in sorted(states, key=lambda s: s.id):
        facts = state.facts
        deadlines = []
        if facts:
            for item in facts.dates:
                due = dt.date.fromisoformat(item.date)
                if due <= horizon:
                    deadlines.append(Deadline(state.id, facts.customer.name, item, (due - today).days))
            for lic in facts.licences:
                if lic.kind in COUNTED_KINDS and lic.used is not None and lic.quantity > 0 and lic.used / lic.quantity >= SATURATION:
                    saturated.append(Saturation(state.id, facts.customer.name, lic.item, lic.system, lic.used, lic.quantity))
        deadlines.sort(key=lambda d: (d.item.date, d.item.kind, d.item.object))
        rows.append(Row(state, deadlines))
        all_deadlines.extend(deadlines)
    rows.sort(key=lambda r: (r.name.casefold(), r.state.id))  # as the Customer column says it is sorted
    all_deadlines.sort(key=lambda d: (d.item.date, d.customer_id, d.item.kind, d.item.object))
    saturated.sort(key=lambda s: (-s.share, s.customer_id, s.licence))
    return Dashboard(today, rows, all_deadlines, saturated)


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def _environment() -> jinja2.Environment:
    """The sandbox: a customer's data is rendered as text, whatever it holds."""
    return ImmutableSandboxedEnvironment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(board: Dashboard, lang: str) -> str:
    t = Translator(lang)
    script = (TEMPLATES / "dashboard.js").read_text(encoding="utf-8")
    style = (TEMPLATES / "dashboard.css").read_text(encoding="utf-8")
    csp = f"default-src 'none'; script-src {_csp_hash(script)}; style-src {_csp_hash(style)}; img-src 'none'; base-uri 'none'; form-action 'none'"
    template = _environment().get_template("dashboard.html.j2")
    return template.render(
        board=board,
        lang=lang,
        t=t.t,
        date=t.date,
        percent=t.percent,
        script=Markup(script),
        style=Markup(style),
        csp=csp,
        horizon=HORIZON_DAYS,
        saturation=round(SATURATION * 100),
    )


def _write(path: Path, data: bytes) -> None:
    """Atomic replace, so that a reader never sees half a dashboard."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.chmod(tmp, default_mode())
    os.replace(tmp, path)


def default_mode() -> int:
    """The mode every other output file gets (0666 less the umask); mkstemp would make it 0600."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_dashboard(out: Path, states: list[CustomerState], moment: dt.datetime, lang: str) -> str:
    """Write OUT/index.html and OUT/deadlines.ics; returns the dashboard's name."""
    board = gather(states, moment)
    _write(out / INDEX, render_html(board, lang).encode("utf-8"))
    _write(out / FEED, feed([(d.customer_id, d.customer, d.item) for d in board.deadlines], moment, Translator(lang)))
    return INDEX
