"""Numbers as integrators write them in YAML keep their digits: YAML 1.1 would read the extension
0201 as the octal number 129 and +41215551200 as an integer without its '+'."""

from __future__ import annotations

from generator.diagnostics import Report
from generator.loaders.yaml_file import read_yaml


def _values(text: str) -> dict:
    report = Report()
    source = read_yaml(text, "users.yaml", report)
    assert not report.diagnostics, [str(d) for d in report.diagnostics]
    return source.data[0]


def test_leading_zero_and_plus_keep_their_text():
    values = _values("- {extension: 0201, other: 0209, did: +41215551200, intl: 0041215551200, hex: 0x1F, time: 7:30}\n")
    assert values == {"extension": "0201", "other": "0209", "did": "+41215551200", "intl": "0041215551200", "hex": "0x1F", "time": "7:30"}


def test_plain_numbers_stay_numbers():
    assert _values("- {quantity: 16, zero: 0, big: 1_000, negative: -3, ratio: 0.5}\n") == {"quantity": 16, "zero": 0, "big": 1000, "negative": -3, "ratio": 0.5}
