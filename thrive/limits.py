"""The limits on what people type and upload, declared once.

Forms take their text limits from here (thrive.forms gives every text field without a model limit
one of these), dates their range, and imports their item length, so a limit is changed in one place
and every page says the same thing about it.
"""

import datetime

# Free text typed into a form. A long box (a textarea: a summary, reasons, an analysis) holds about
# 3,000 words, more than any single casework entry needs; a one-line box holds a name or a reference.
LONG_TEXT = 20_000
SHORT_TEXT = 500

# Dates typed into a form or a query string: no child, parent or carer on a record was born before
# EARLIEST_DATE, and nothing is planned after LATEST_DATE. Outside them, date arithmetic (working days,
# "within 12 months") would run off the calendar.
EARLIEST_DATE = datetime.date(1900, 1, 1)
LATEST_DATE = datetime.date(2099, 12, 31)

# A count in a statutory return (previous plans, review meetings, an SDQ score, adopters): three digits.
RETURN_COUNT = 999

# One item of a statutory return (a code, an ID, a date, a postcode): none is anywhere near this long.
RETURN_ITEM = 100


def text_limit_for(widget) -> int:
    """The limit for a text field without one of its own: long for a textarea, short for a one-line input."""
    from django import forms

    return LONG_TEXT if isinstance(widget, forms.Textarea) else SHORT_TEXT


def within_dates(day: datetime.date) -> datetime.date:
    """The date, or ValueError if it is outside EARLIEST_DATE to LATEST_DATE (for imports)."""
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise ValueError(f"the date must be between {EARLIEST_DATE:%-d %B %Y} and {LATEST_DATE:%-d %B %Y}")
    return day


def within_count(number: int) -> int:
    """The number, or ValueError if it is not a count a return can hold (0 to RETURN_COUNT)."""
    if not 0 <= number <= RETURN_COUNT:
        raise ValueError(f"the number must be from 0 to {RETURN_COUNT}")
    return number


def plain_text(value: str) -> str:
    """Text posted outside a form, as a form's CharField would clean it: stripped, without NUL characters
    (which PostgreSQL cannot store)."""
    return value.replace("\x00", "").strip()
