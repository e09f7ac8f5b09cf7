"""Importing this package registers every rule of the catalogue (one module per group)."""

from generator.checks.rules import availability, backup, dect, documentation, hardware, licences, numbering, security, waivers, workplace  # noqa: F401
from generator.checks.rules import dimensioning, hardening, headroom, lifecycle, retention, special_lines, time_certificates  # noqa: F401
