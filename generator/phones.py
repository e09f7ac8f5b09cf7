"""Phone numbers by the book: parsed, validated and grouped per country with `phonenumbers`
(Google's libphonenumber data), one formatter for every output."""

from __future__ import annotations

import re

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


E164 = re.compile(r"\+([1-9]\d{0,2})(\d+)")


def parse(number: str | None) -> phonenumbers.PhoneNumber | None:
    """An E.164 number as phonenumbers sees it, or None when it cannot be read.

    The model stores numbers as E.164 ('+' and digits): they are split at the country code
    directly, which is ten times faster than phonenumbers.parse on thousands of users."""
    if not number:
        return None
    match = E164.fullmatch(number)
    if match:
        digits = match.group(1) + match.group(2)
        for size in (1, 2, 3):
            code = int(digits[:size])
            if phonenumbers.region_code_for_country_code(code) != phonenumbers.UNKNOWN_REGION and len(digits) > size:
                national = digits[size:]
                zeros = len(national) - len(national.lstrip("0"))
                return phonenumbers.PhoneNumber(country_code=code, national_number=int(national), italian_leading_zero=zeros > 0 or None,
                                                number_of_leading_zeros=zeros if zeros > 1 else None)
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
