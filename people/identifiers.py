"""Checks for the identifiers a child carries: NHS number (the Single Unique Identifier) and UPN.

The check arithmetic comes from python-stdnum; this module turns its verdicts into messages a
worker can act on, so a mistyped identifier is caught at the door rather than linking records
of two different children.
"""

import re

from django.core.exceptions import ValidationError
from stdnum.exceptions import InvalidChecksum
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.gb import nhs, upn

upn_check_letter = upn.calc_check_digit  # the letter for the 12 characters after it
UPN_LA_NUMBERS = sorted(upn._la_numbers)  # LA numbers a UPN may start with (after its check letter)


def complete_nhs_number(first_nine: str) -> str | None:
    """The valid NHS number starting with these nine digits, or None (Modulus 11 remainder 10 has none)."""
    for last in "0123456789":
        if nhs.is_valid(first_nine + last):
            return first_nine + last
    return None


def nhs_check_digit(first_nine: str) -> int | None:
    number = complete_nhs_number(first_nine)
    return int(number[9]) if number else None


def normalise_nhs_number(value: str) -> str:
    """Strip the spaces and dashes people type ("943 476 5919")."""
    return re.sub(r"[\s-]", "", value or "")


def validate_nhs_number(value: str) -> None:
    digits = normalise_nhs_number(value)
    if not re.fullmatch(r"\d{10}", digits):
        raise ValidationError("NHS number must be 10 digits, like 943 476 5919.", code="nhs_format")
    if not nhs.is_valid(digits):
        raise ValidationError(
            "NHS number %(value)s is not valid: its last digit does not match the check digit. "
            "Check it was typed correctly.",
            code="nhs_check",
            params={"value": value},
        )


def validate_upn(value: str) -> None:
    try:
        upn.validate(value or "")
    except InvalidChecksum:
        raise ValidationError(
            "Unique Pupil Number %(value)s is not valid: its check letter does not match.",
            code="upn_check",
            params={"value": value},
        ) from None
    except StdnumError:
        raise ValidationError(
            "Unique Pupil Number must be 13 characters: a check letter, a known 3-digit LA number, "
            "the school's 4-digit number, the 2-digit year and a 3-character serial.",
            code="upn_format",
        ) from None


_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$")


def normalise_postcode(value: str) -> str:
    """'le1 1aa' -> 'LE1 1AA'; anything that is not a UK postcode is returned as typed, upper-cased."""
    compact = re.sub(r"\s+", "", value or "").upper()
    match = _POSTCODE.match(compact)
    return f"{match.group(1)} {match.group(2)}" if match else (value or "").strip().upper()


def validate_postcode(value: str) -> None:
    if value and not _POSTCODE.match(normalise_postcode(value)):
        raise ValidationError("Enter a real postcode, like LE1 1AA", code="invalid_postcode")
