"""One formatter for phone numbers, by the book (phonenumbers): every output groups them alike."""

from __future__ import annotations

from generator import phones
from generator.pdf.layout import phone as pdf_phone
from generator.runbooks.prerequisites import readable_phone
from generator.sections.common import phone as section_phone


def test_numbers_are_parsed_validated_and_typed():
    assert phones.is_valid("+41215551200") and phones.region("+41215551200") == "CH"
    assert phones.number_type("+41795554110") == "mobile"
    assert phones.number_type("+41900123456") == "premium_rate"
    assert not phones.is_valid("+4179555411") and phones.number_type("+4179555411") == "unknown"
    assert phones.parse("not a number") is None


def test_every_output_uses_the_same_grouping():
    for number in ("+41215551200", "+33142685300", "+4930123456"):
        grouped = phones.readable(number)
        assert section_phone(number) == readable_phone(number) == grouped
        assert pdf_phone(number) == grouped.replace(phones.NBSP, " ")
    assert phones.readable("+33142685300", " ") == "+33 1 42 68 53 00"
    assert phones.readable("+4930123456", " ") == "+49 30 123456"


def test_an_invalid_number_is_named_by_the_check(small_project, knowledge=None):
    from generator.checks import evaluate

    users = [u.model_copy(update={"mobile": "+33123"}) if u.id == "u-admin" else u for u in small_project.users]
    found = [f for f in evaluate(small_project.replace(users=users), lang="en") if f.rule == "NUM-E164"]
    assert [f.variant for f in found] == ["invalid"] and "+33123" in found[0].message and "FR" in found[0].message


def test_the_fast_e164_split_agrees_with_phonenumbers():
    """The model's E.164 strings are split at the country code without phonenumbers.parse (speed):
    the result is the same number, Italian leading zeros included."""
    import phonenumbers

    for number in ("+41215551200", "+390612345678", "+3906000001", "+12025550123", "+35312345678", "+8613812345678", "+4179555411"):
        assert phones.parse(number) == phonenumbers.parse(number, None), number
