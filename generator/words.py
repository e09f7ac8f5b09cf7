"""Words every stage writes the same way: product names and counted nouns. Stdlib only, so that
every stage may use it."""

from __future__ import annotations


def product(vendor: str | None, model: str | None) -> str:
    """'Vendor Model', without saying a vendor the model already names ('3CX Phone System',
    not '3CX 3CX Phone System'; 'Mitel 470', not 'Mitel Mitel 470')."""
    if vendor and model and model.lower().startswith(vendor.lower()):
        return model
    return " ".join(v for v in (vendor, model) if v)


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """'1 error', '3 errors': English diagnostics say their numbers in words that agree."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def noun(count: int, singular: str, plural: str | None = None) -> str:
    """The singular or plural of an English noun for `count` things, without the number."""
    return singular if count == 1 else plural or singular + "s"
