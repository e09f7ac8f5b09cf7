"""Phone numbers by the book: parsed, validated and grouped per country with `phonenumbers`
(Google's libphonenumber data), one formatter for every output."""

from __future__ import annotations

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

NBSP = "\u00a0"
TYPES = {
    PhoneNumberType.FIXED_LINE: "fixed_line",
    PhoneNumberType.MOBILE: "mobile",
    PhoneNumberType.FIXED_LINE_OR_MOBILE: "fixed_line",
    PhoneNumberType.TOLL_FREE: "toll_free",
    PhoneNumberType.PREMIUM_RATE: "premium_rate",
    PhoneNumberType.SHARED_COST: "shared_cost",
    PhoneNumberType.VOIP: "voip",
    PhoneNumberType.PERSONAL_NUMBER: "personal",
    PhoneNumberType.PAGER: "pager",
    PhoneNumberType.UAN: "uan",
    PhoneNumberType.VOICEMAIL: "voicemail",
}


def parse(number: str | None) -> phonenumbers.PhoneNumber | None:
    """An E.164 number as phonenumbers sees it, or None when it cannot be read."""
    if not number:
        return None
    try:
        return phonenumbers.parse(number, None)
    except NumberParseException:
        return None


def is_valid(number: str | None) -> bool:
    parsed = parse(number)
    return parsed is not None and phonenumbers.is_valid_number(parsed)


def region(number: str | None) -> str:
    """ISO 3166 country of a number (CH, FR, DE...), or '' when unknown."""
    parsed = parse(number)
    return (phonenumbers.region_code_for_number(parsed) or "") if parsed else ""


def number_type(number: str | None) -> str:
    """fixed_line, mobile, toll_free, premium_rate... of a valid number, else 'unknown'."""
    parsed = parse(number)
    if parsed is None or not phonenumbers.is_valid_number(parsed):
        return "unknown"
    return TYPES.get(phonenumbers.number_type(parsed), "unknown")


def readable(number: str | None, space: str = NBSP) -> str:
    """A number grouped as its country prints it (+41 21 555 12 00, +33 1 42 68 53 00); by default
    with no-break spaces so that a table cell never splits it. An invalid number stays as stored."""
    parsed = parse(number)
    if parsed is None or not phonenumbers.is_valid_number(parsed):
        return number or ""
    return phonenumbers.format_number(parsed, PhoneNumberFormat.INTERNATIONAL).replace(" ", space)
