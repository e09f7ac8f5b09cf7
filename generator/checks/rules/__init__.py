"""Importing this package registers every rule of the catalogue (one module per group)."""

from generator.checks.rules import availability, backup, dect, documentation, hardware, licences, numbering, restore, security, waivers, workplace  # noqa: F401
