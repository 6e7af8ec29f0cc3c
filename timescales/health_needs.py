"""Timescales that are not a fixed period from one day: the health-needs education threshold.

The guidance on children who cannot attend school because of health needs asks for education as
soon as it is clear the child will be away for 15 school days or more, consecutive or cumulative.
So the duty arises on the earlier of the day the absence was known to reach 15 days (a consultant's
letter, a planned operation) and the day the 15th school day was actually missed.
"""

import datetime
from collections.abc import Iterable

from .registry import get
from .workdays import Calendar, default_calendar


def health_needs_education_due(
    days_missed: Iterable[datetime.date],
    known_on: datetime.date | None = None,
    calendar: Calendar | None = None,
) -> datetime.date | None:
    """The day education is due for a child missing school through ill health, or None if not yet.

    `days_missed` are the days absent through ill health in the school year (days that are not school
    days are ignored, and a day given twice counts once); `known_on` is the day it became clear the
    child would miss the threshold, if it was foreseen.
    """
    calendar = calendar or default_calendar()
    threshold = get("HEALTH_NEEDS_EDUCATION").amount
    school_days = sorted({day for day in days_missed if calendar.is_school_day(day)})
    reached = school_days[threshold - 1] if len(school_days) >= threshold else None
    found = [day for day in (known_on, reached) if day is not None]
    return min(found) if found else None
