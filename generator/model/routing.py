"""`routing.yaml`: what happens to every incoming call — entry points and their time modes, opening
hours, holiday calendars, night switches, IVR menus, groups, queues, voicemail, external forwards —
and the management of the numbers themselves (blocks, reservations, porting, caller-ID policy)."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from functools import lru_cache
from typing import Literal

import holidays
from pydantic import Field, ValidationInfo, field_validator, model_validator

from generator.model.base import E164, Id, IdList, Record, StrList

MODES = ("open", "lunch", "night", "holiday")
"""Time modes of an entry point, in the order a day meets them."""

HOLIDAY_LANGUAGES = {"fr": "fr", "de": "de", "en": "en_US"}


class Weekday(str, Enum):
    MON = "mon"
    TUE = "tue"
    WED = "wed"
    THU = "thu"
    FRI = "fri"
    SAT = "sat"
    SUN = "sun"


def _ordered_times(start: dt.time, end: dt.time, what: str) -> None:
    if end <= start:
        raise ValueError(f"{what} ends at {end:%H:%M}, not after it starts at {start:%H:%M}")


class OpeningHours(Record):
    """The hours the line is staffed on some weekdays, e.g. mon-fri 07:30-18:00."""

    days: list[Weekday] = Field(..., min_length=1)
    open: dt.time = Field(..., description="Opening time, HH:MM")
    close: dt.time = Field(..., description="Closing time, HH:MM")

    @model_validator(mode="after")
    def _order(self):
        _ordered_times(self.open, self.close, "opening hours")
        return self


class Closure(Record):
    """A daily closure inside opening hours (lunch)."""

    days: list[Weekday] = Field(..., min_length=1)
    start: dt.time
    end: dt.time

    @model_validator(mode="after")
    def _order(self):
        _ordered_times(self.start, self.end, "closure")
        return self


class TimeProfile(Record):
    id: Id
    name: str
    hours: list[OpeningHours] = Field(..., min_length=1, description="Opening hours per weekday")
    lunch: list[Closure] = Field(default_factory=list, description="Lunch closures")

    def mode_at(self, moment: dt.datetime) -> str:
        """open, lunch or night at a moment of the week (holidays are the calendar's business)."""
        day, time = list(Weekday)[moment.weekday()], moment.time()
        if not any(day in h.days and h.open <= time < h.close for h in self.hours):
            return "night"
        if any(day in c.days and c.start <= time < c.end for c in self.lunch):
            return "lunch"
        return "open"


class ClosingDay(Record):
    """A day (or a run of days) the customer closes beyond public holidays."""

    date: dt.date
    last: dt.date | None = Field(None, description="Last day of a closure of several days")
    name: str

    @model_validator(mode="after")
    def _order(self):
        if self.last is not None and self.last < self.date:
            raise ValueError("last day is before the first")
        if self.last is not None and (self.last - self.date).days > 366:
            raise ValueError("a closure lasts at most a year")
        return self

    def days(self) -> list[dt.date]:
        last = self.last or self.date
        return [self.date + dt.timedelta(days=i) for i in range((last - self.date).days + 1)]


class HolidayCalendar(Record):
    """Public holidays of a country or one of its subdivisions (canton, state), from the `holidays`
    library, plus the customer's own closing days, for a stated range of years."""

    id: Id
    name: str
    country: str = Field(..., pattern=r"^[A-Z]{2}$", description="ISO 3166 country code, e.g. CH, FR, DE")
    subdivision: str | None = Field(None, description="Canton, region or state code, e.g. VD, BY")
    first_year: int = Field(..., ge=2000, le=2100)
    last_year: int = Field(..., ge=2000, le=2100)
    closing_days: list[ClosingDay] = Field(default_factory=list)

    @field_validator("country")
    @classmethod
    def _country(cls, country: str) -> str:
        if country not in _supported():
            raise ValueError(f"no public-holiday data for country {country!r}")
        return country

    @field_validator("subdivision")
    @classmethod
    def _subdivision(cls, subdivision: str | None, info: ValidationInfo) -> str | None:
        known = _supported().get(info.data.get("country", ""), [])
        if subdivision is not None and known and subdivision not in known:
            raise ValueError(f"unknown subdivision {subdivision!r} of {info.data['country']}; one of: {', '.join(known)}")
        return subdivision

    @field_validator("last_year")
    @classmethod
    def _years(cls, last_year: int, info: ValidationInfo) -> int:
        first = info.data.get("first_year")
        if first is not None and last_year < first:
            raise ValueError("last_year is before first_year")
        if first is not None and last_year - first > 20:
            raise ValueError("a calendar spans at most 20 years")
        return last_year

    def covers(self, day: dt.date) -> bool:
        return self.first_year <= day.year <= self.last_year

    def dates(self, language: str, year: int | None = None) -> dict[dt.date, str]:
        """Every closed day of the calendar's years (or of one of them), with its name."""
        years = (year,) if year is not None else tuple(range(self.first_year, self.last_year + 1))
        years = tuple(y for y in years if self.first_year <= y <= self.last_year)
        result = dict(_public_holidays(self.country, self.subdivision, years, language))
        for closing in self.closing_days:
            for day in closing.days():
                if day.year in years:
                    result.setdefault(day, closing.name)
        return dict(sorted(result.items()))


@lru_cache(maxsize=1)
def _supported() -> dict[str, list[str]]:
    """Countries the holidays library knows, with their subdivisions (slow to list: asked once)."""
    return holidays.list_supported_countries()


@lru_cache(maxsize=64)
def _public_holidays(country: str, subdivision: str | None, years: tuple[int, ...], language: str) -> tuple[tuple[dt.date, str], ...]:
    cls = holidays.country_holidays(country)
    wanted = HOLIDAY_LANGUAGES.get(language, language)
    lang = wanted if wanted in cls.supported_languages else "en_US" if "en_US" in cls.supported_languages else None
    days = holidays.country_holidays(country, subdiv=subdivision, years=years, language=lang)
    return tuple(sorted(days.items()))


class NightSwitch(Record):
    """A manual override: forces an entry point into a mode until it is switched back."""

    id: Id
    name: str
    mode: Literal["night", "holiday"] = Field("night", description="The mode the switch forces")
    set_by: IdList = Field(default_factory=list, description="Users or contacts who may set it")
    how: str | None = Field(None, description="How it is set, e.g. a function key on a phone or a code")


class Modes(Record):
    """Where a call goes in each time mode: the id of a user, group, queue, IVR, voicemail or forward."""

    open: Id | None = None
    lunch: Id | None = None
    night: Id | None = None
    holiday: Id | None = None

    def of(self, mode: str) -> str | None:
        return getattr(self, mode)


class EntryPoint(Record):
    """A number the public network delivers (main number, DIDs of a service, number block)."""

    id: Id
    name: str
    numbers: list[E164] = Field(..., min_length=1)
    site: Id
    always_open: bool = Field(False, description="Answered round the clock: one route, no time modes")
    time_profile: Id | None = None
    calendar: Id | None = None
    night_switch: Id | None = None
    routes: Modes

    def modes(self, time_profile: TimeProfile | None = None) -> tuple[str, ...]:
        """The time modes this entry point meets."""
        if self.always_open:
            return ("open",)
        modes = ["open"]
        if time_profile is None or time_profile.lunch or self.routes.lunch:
            modes.append("lunch")
        return (*modes, "night", "holiday")


class IvrOption(Record):
    key: str = Field(..., pattern=r"^[0-9*#]$", description="The key the caller presses")
    label: str | None = None
    to: Id | None = None


class IvrMenu(Record):
    id: Id
    name: str
    announcement: str = Field(..., description="What the caller hears")
    options: list[IvrOption] = Field(default_factory=list)
    timeout_seconds: int = Field(10, ge=1, le=600)
    timeout: Id | None = Field(None, description="Where the call goes when the caller presses nothing")
    invalid: Id | None = Field(None, description="Where the call goes on an invalid key (default: the menu again)")

    @field_validator("options")
    @classmethod
    def _keys_once(cls, options):
        keys = [o.key for o in options]
        twice = sorted({k for k in keys if keys.count(k) > 1})
        if twice:
            raise ValueError(f"key {', '.join(twice)} is given twice")
        return options


class Group(Record):
    """A ring group (members ring together) or hunt group (one after the other)."""

    id: Id
    name: str
    kind: Literal["ring", "hunt"] = "ring"
    strategy: Literal["simultaneous", "linear", "circular", "longest_idle"] = "simultaneous"
    members: IdList = Field(default_factory=list, description="User ids")
    ring_seconds: int = Field(..., ge=1, le=600, description="How long the group rings before overflow")
    overflow: Id | None = None


class Queue(Record):
    id: Id
    name: str
    members: IdList = Field(default_factory=list, description="User ids of the agents")
    max_wait_seconds: int = Field(..., ge=1, le=7200)
    overflow: Id | None = None
    announcements: StrList = Field(default_factory=list)


class Voicemail(Record):
    id: Id
    name: str
    owner: Id | None = Field(None, description="User whose box it is, if personal")
    listeners: IdList = Field(default_factory=list, description="Users or contacts who listen to the messages")
    check_every_hours: int | None = Field(None, ge=1, le=24 * 14, description="How often the messages are listened to")
    notify: str | None = Field(None, description="Where a new message is announced, e.g. e-mail to a shared mailbox")


class ExternalForward(Record):
    id: Id
    name: str
    number: E164
    kind: Literal["mobile", "answering_service", "other_site", "other"] = "mobile"
    trunk: Id = Field(..., description="The trunk or line the forwarded call leaves by")
    ring_seconds: int | None = Field(None, ge=1, le=600)
    answered_by: str | None = Field(None, description="Who answers there")


class BlockRouting(Record):
    """What a number block of a trunk belongs to, and where the provider sends its calls when the
    communication server is unreachable."""

    first: E164 = Field(..., description="First number of a number block of a trunk or line")
    site: Id | None = None
    fallback: E164 | None = Field(None, description="Provider's fallback destination")
    fallback_note: str | None = None


class NumberStatus(Record):
    """Numbers set aside (reserved) or given back, beyond those the data assigns."""

    first: E164
    last: E164 | None = None
    status: Literal["reserved", "free"]
    note: str | None = None

    @model_validator(mode="after")
    def _ordered(self):
        if self.last is not None and (len(self.last) != len(self.first) or self.last < self.first):
            raise ValueError("last number must be of the same length as the first and not before it")
        return self


class Porting(Record):
    """Numbers brought from another operator."""

    first: E164
    last: E164 | None = None
    donor: str = Field(..., description="Operator the numbers came from")
    date: dt.date = Field(..., description="Porting date (planned or done)")
    authorisation: Id | None = Field(None, description="Document id of the signed porting authorisation")

    @model_validator(mode="after")
    def _ordered(self):
        if self.last is not None and (len(self.last) != len(self.first) or self.last < self.first):
            raise ValueError("last number must be of the same length as the first and not before it")
        return self

    def contains(self, number: str) -> bool:
        last = self.last or self.first
        return len(number) == len(self.first) and self.first <= number <= last


class Presentation(Record):
    """Caller-ID policy of an outbound route: CLIP (the user's own number or a fixed one) or CLIR."""

    route: Id = Field(..., description="Outbound route id (numbering.yaml)")
    mode: Literal["clip", "clir"] = "clip"
    number: E164 | None = Field(None, description="Number presented instead of the caller's own")


class EmergencyCallerId(Record):
    """The number a site's emergency calls present, whoever calls (hot desks, visitors' logins)."""

    site: Id
    number: E164


class RemoteAccess(Record):
    """People who telephone from outside the premises (softphones, home office)."""

    id: Id
    name: str
    users: IdList = Field(default_factory=list)
    terminal_groups: IdList = Field(default_factory=list)
    emergency_handling: str | None = Field(None, description="How their emergency calls reach the right rescue service")


class RoutingPolicy(Record):
    max_ring_seconds: int = Field(60, ge=5, le=3600, description="Longest a caller may wait, ringing or queued, before someone or a voicemail answers")
    user_ring_seconds: int = Field(20, ge=1, le=600, description="How long a user's phone rings before the call moves on")


class Routing(Record):
    """`routing.yaml`: incoming call routing and number management."""

    policy: RoutingPolicy = RoutingPolicy()
    time_profiles: list[TimeProfile] = Field(default_factory=list)
    calendars: list[HolidayCalendar] = Field(default_factory=list)
    night_switches: list[NightSwitch] = Field(default_factory=list)
    entry_points: list[EntryPoint] = Field(default_factory=list)
    ivr_menus: list[IvrMenu] = Field(default_factory=list)
    groups: list[Group] = Field(default_factory=list)
    queues: list[Queue] = Field(default_factory=list)
    voicemails: list[Voicemail] = Field(default_factory=list)
    forwards: list[ExternalForward] = Field(default_factory=list)
    blocks: list[BlockRouting] = Field(default_factory=list)
    number_status: list[NumberStatus] = Field(default_factory=list)
    porting: list[Porting] = Field(default_factory=list)
    presentation: list[Presentation] = Field(default_factory=list)
    emergency_caller_ids: list[EmergencyCallerId] = Field(default_factory=list)
    remote_access: list[RemoteAccess] = Field(default_factory=list)

    def destinations(self) -> list[Record]:
        """Every object a call can be sent to, besides users."""
        return [*self.ivr_menus, *self.groups, *self.queues, *self.voicemails, *self.forwards]
