"""Call routing in words: a destination, the path of a call, opening hours and time modes, worded
once so that the section, the call-flow diagrams, the workbook and the commissioning test calls
say the same thing (words in `translations/<lang>/routing/`)."""

from __future__ import annotations

from babel.dates import get_day_names

from generator.i18n import Translator
from generator.model.callflow import CallFlows, Target
from generator.model.routing import EntryPoint, TimeProfile, Weekday
from generator.phones import readable


def phone(number: str | None) -> str:
    """A number grouped as its country prints it, as in every other output (generator.phones)."""
    return readable(number)


class RoutingText:
    def __init__(self, t: Translator, flows: CallFlows):
        self.t = t
        self.flows = flows

    def w(self, key: str, **values) -> str:
        return self.t.t(f"routing.{key}", **values)

    # --- time ----------------------------------------------------------------------------------
    def days(self, days: list[Weekday]) -> str:
        """mon, tue, wed, thu, fri -> 'Mon–Fri' in the locale; gaps listed."""
        names = get_day_names("abbreviated", locale=self.t.locale)
        order = list(Weekday)
        index = sorted({order.index(d) for d in days})
        runs: list[list[int]] = []
        for i in index:
            if runs and i == runs[-1][-1] + 1:
                runs[-1].append(i)
            else:
                runs.append([i])
        return ", ".join(names[r[0]] if len(r) == 1 else f"{names[r[0]]}–{names[r[-1]]}" for r in runs)

    def hours(self, profile: TimeProfile | None) -> str:
        if profile is None:
            return ""
        return "; ".join(f"{self.days(h.days)} {h.open:%H:%M}–{h.close:%H:%M}" for h in profile.hours)

    def lunch(self, profile: TimeProfile | None) -> str:
        if profile is None:
            return ""
        return "; ".join(f"{self.days(c.days)} {c.start:%H:%M}–{c.end:%H:%M}" for c in profile.lunch)

    def mode(self, mode: str) -> str:
        return self.w(f"mode.{mode}")

    def when(self, entry: EntryPoint, mode: str) -> str:
        """When an entry point is in a mode, e.g. 'Mon–Fri 07:30–18:00'."""
        profile = self.flows.time_profiles.get(entry.time_profile or "")
        if entry.always_open:
            return self.w("when.always")
        if mode == "open":
            return self.hours(profile)
        if mode == "lunch":
            return self.lunch(profile)
        if mode == "night":
            switch = self.flows.night_switches.get(entry.night_switch or "")
            base = self.w("when.night")
            return base + (" " + self.w("when.or_switch", name=switch.name) if switch and switch.mode == "night" else "")
        calendar = self.flows.calendars.get(entry.calendar or "")
        return self.w("when.holiday", calendar=calendar.name) if calendar else self.w("when.holiday_none")

    # --- destinations --------------------------------------------------------------------------
    def name(self, destination: str | None) -> str:
        target = self.flows.target(destination)
        return target.name if target else (destination or self.w("nowhere"))

    def step(self, target: Target) -> str:
        """One destination in a sentence: kind, name and what it does."""
        r = target.record
        if target.kind == "user":
            return self.w("step.user", name=r.display_name, extension=r.extension)
        if target.kind == "group":
            return self.w(f"step.{r.kind}_group", name=r.name, count=self.t.number(len(r.members)), seconds=r.ring_seconds)
        if target.kind == "queue":
            return self.w("step.queue", name=r.name, count=self.t.number(len(r.members)), seconds=r.max_wait_seconds)
        if target.kind == "ivr":
            return self.w("step.ivr", name=r.name)
        if target.kind == "voicemail":
            return self.w("step.voicemail", name=r.name)
        return self.w("step.forward", name=r.name, number=phone(r.number), trunk=r.trunk)

    def path(self, destination: str | None) -> str:
        """What happens to a call sent to a destination, overflow after overflow."""
        if destination is None:
            return self.w("nowhere")
        chain = self.flows.chain(destination)
        if not chain:
            return self.w("unknown", id=destination)
        words = [self.step(t) for t in chain]
        last = chain[-1]
        following = last.record.overflow if last.kind in ("group", "queue") else last.record.timeout if last.kind == "ivr" else False
        if following is None:
            words.append(self.w("nowhere"))
        elif following and self.flows.target(following) is not None and any(t.id == following for t in chain):
            words.append(self.w("back_to", name=self.name(following)))
        return " → ".join(words)

    def expected(self, destination: str | None) -> str:
        """Where a test call must first ring or be answered."""
        target = self.flows.target(destination)
        return self.step(target) if target else self.w("nowhere")
