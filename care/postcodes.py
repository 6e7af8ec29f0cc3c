"""UK postcodes as the SSDA903 wants them: upper case with one space before the inward code.

Thrive holds no postcode database, so it cannot place a postcode on a map: the distance from home
to a placement is recorded by the worker (Episode.distance_miles), and the DfE derives its own
PL_DISTANCE and PL_LOCATION from the postcodes in the return.
"""
import re

from django.core.exceptions import ValidationError

_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$")


def normalise_postcode(value: str) -> str:
    """'le1 1aa' -> 'LE1 1AA'; anything that is not a UK postcode is returned as typed, upper-cased."""
    compact = re.sub(r"\s+", "", value or "").upper()
    match = _POSTCODE.match(compact)
    return f"{match.group(1)} {match.group(2)}" if match else (value or "").strip().upper()


def validate_postcode(value: str) -> None:
    if value and not _POSTCODE.match(normalise_postcode(value)):
        raise ValidationError("Enter a real postcode, like LE1 1AA", code="invalid_postcode")
