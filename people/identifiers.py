"""Checks for the identifiers a child carries: NHS number (the Single Unique Identifier) and UPN.

Both carry check characters, so a mistyped identifier is caught at the door rather than
linking records of two different children.
"""
import re

from django.core.exceptions import ValidationError

NHS_WEIGHTS = range(10, 1, -1)  # weights 10..2 for the first nine digits
UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"  # 23 letters: no I, O or S


def normalise_nhs_number(value: str) -> str:
    """Strip the spaces and dashes people type ("943 476 5919")."""
    return re.sub(r"[\s-]", "", value or "")


def nhs_check_digit(first_nine: str) -> int | None:
    """Modulus 11 check digit for nine digits; None when no valid NHS number can end them."""
    remainder = sum(int(d) * w for d, w in zip(first_nine, NHS_WEIGHTS)) % 11
    check = 11 - remainder
    if check == 11:
        return 0
    if check == 10:
        return None
    return check


def validate_nhs_number(value: str) -> None:
    digits = normalise_nhs_number(value)
    if not re.fullmatch(r"\d{10}", digits):
        raise ValidationError("NHS number must be 10 digits, like 943 476 5919.", code="nhs_format")
    if nhs_check_digit(digits[:9]) != int(digits[9]):
        raise ValidationError(
            "NHS number %(value)s is not valid: its last digit does not match the check digit. Check it was typed correctly.",
            code="nhs_check",
            params={"value": value},
        )


def upn_check_letter(last_twelve: str) -> str:
    """The DfE check letter for the 12 characters after it (weights 2..13, modulus 23)."""
    total = 0
    for position, char in enumerate(last_twelve, start=2):
        if char.isdigit():
            value = int(char)
        else:  # position 12 may be a letter in a temporary UPN
            value = UPN_LETTERS.index(char)
        total += value * position
    return UPN_LETTERS[total % 23]


def validate_upn(value: str) -> None:
    upn = (value or "").strip().upper()
    if not re.fullmatch(r"[A-Z]\d{11}[0-9A-Z]", upn):
        raise ValidationError(
            "Unique Pupil Number must be 13 characters: a check letter, 11 digits, then a digit or letter.",
            code="upn_format",
        )
    if upn_check_letter(upn[1:]) != upn[0]:
        raise ValidationError(
            "Unique Pupil Number %(value)s is not valid: its check letter does not match.",
            code="upn_check",
            params={"value": value},
        )
