"""The integrator's SVG logo is drawn once per build, whatever the number of records and languages."""

from __future__ import annotations

import datetime as dt

import generator.logo as logo
from generator.pdf.render import PdfOptions, plan
from tests.helpers import content_of


def test_the_logo_is_drawn_once_for_every_record_of_every_language(small_project, monkeypatch):
    drawn = []
    real = logo.run

    def counting(*args, **kwargs):
        drawn.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(logo, "run", counting)
    logo._raster.cache_clear()
    assert small_project.pbxdoc.integrator.branding.logo.endswith(".svg")
    jobs = [job for lang in ("fr", "de", "en") for job, _ in plan(content_of(small_project, lang, dt.date(2026, 11, 20)), PdfOptions(records=("commissioning", "handover", "discharge")))]
    with_logo = [job for job in jobs if any(name.startswith("project/logo") for name in job.resources)]
    assert len(with_logo) >= 6 and drawn == ["rsvg-convert"]
    assert len({job.resources["project/logo.png"] for job in with_logo}) == 1
