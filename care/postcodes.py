"""Postcodes on care records: tidied as the SSDA903 wants them, and checked against the ONS postcode
directory the DfE's 903 checks use (people.postcodes), since a postcode it does not hold gives no
placement council or distance and the return is sent back (903 rules 392c, 169, 179)."""

from django.core.exceptions import ValidationError

from people.postcodes import find, tidy


def normalise_postcode(value: str) -> str:
    """'le1 1aa' -> 'LE1 1AA'; anything that is not a UK postcode is returned as typed, upper-cased."""
    return tidy(value)


def validate_postcode(value: str) -> None:
    if not value:
        return
    if find(value) is None:
        raise ValidationError(
            f"{tidy(value)} is not in the ONS postcode directory the DfE checks the return against. Enter a "
            "real postcode, like LE1 1AA.",
            code="invalid_postcode",
        )
