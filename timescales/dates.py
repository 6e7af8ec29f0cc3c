"""The calendar ideas every app shares, decided once: open on a day, open during a period, the year that
starts on 1 April, and ages and birthdays with their 29 February conventions.

Open records (a record runs from its start day to its end day; no end day: still open):
- **Open on a day** (`open_on`): started on or before the day and not ended before it. The end day is a day
  the record is open: a worker whose involvement ends on 31 March may still open the child's record that day.
- **Open at the end of a day** (`open_at_end_of`): started on or before it and not ended on or before it. A
  plan or period of care ended on 31 March is not open at the end of 31 March, as in every DfE "at 31 March"
  count (children looked after, on a plan, in need at the year's end).
- **Open during a period** (`open_during`): started on or before its last day and not ended before its
  first: the CIN census's and SSDA903's "open at any time in the year".

Years:
- The financial year, which is also the DfE's collection year, runs from 1 April to 31 March. The dashboard
  names it by its first year ("2024/25"); the DfE names a return by the year of its 31 March (the 2025 CIN
  census covers 1 April 2024 to 31 March 2025): `financial_year(2024) == year_to_31_march(2025)`.

Ages and birthdays, for someone born on 29 February, in a year with no 29 February:
- **The law's convention, 1 March** (`birthday`, `age_on`): a person attains an age at the start of the
  anniversary of their birth (Family Law Reform Act 1969 s9), read as 1 March. Every statutory use takes
  it: a child is under 18 until 1 March (children's rates, care ending at 18, "former relevant" from 18),
  support "up to 25" is never ended a day early, and a child under 5's health review never stops a day early.
- **The DfE validators' convention, 28 February** (`dfe_anniversary`): the SSDA903 and CIN validators add
  years with pandas' DateOffset, which falls back to 28 February. Only a return's field that the validators
  recompute takes it (the 903's OC3 "in care on the 19th to 21st birthday" and the date a care leaver's
  information was recorded), so the return and the validators agree. A child born 29 February 2004 is 17 on
  28 February 2022 by the law's convention and 18 by the validators'.
"""

import datetime

from django.db.models import Q

APRIL = 4  # the financial and collection year starts on 1 April


# Open records, as queries over fields (`start`, `end`: the names of the start and end date fields) and as
# tests of dates already read.


def open_on(day: datetime.date, start: str = "start_date", end: str = "end_date") -> Q:
    """Records started on or before `day` and not ended before it (open that day, the end day included)."""
    return Q(**{f"{start}__lte": day}) & (Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": day}))


def is_open_on(start: datetime.date | None, end: datetime.date | None, day: datetime.date) -> bool:
    return start is not None and start <= day and (end is None or end >= day)


def open_at_end_of(day: datetime.date, start: str = "start_date", end: str = "end_date") -> Q:
    """Records started on or before `day` and not ended on or before it (the DfE's "at 31 March").

    Written as "(no end and started) or (ended after and started)" rather than "started and (no end
    or ended after)": the same records, but SQLite then finds them through an index on (end, start)
    instead of reading every record started by the day (a third of the time for children in need).
    """
    started = Q(**{f"{start}__lte": day})
    return (Q(**{f"{end}__isnull": True}) & started) | (Q(**{f"{end}__gt": day}) & started)


def is_open_at_end_of(start: datetime.date | None, end: datetime.date | None, day: datetime.date) -> bool:
    return start is not None and start <= day and (end is None or end > day)


def not_ended_before(day: datetime.date, end: str = "end_date") -> Q:
    """Records with no end, or ended on or after `day` (open on it, whenever they started)."""
    return Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": day})


def not_ended_by(day: datetime.date, end: str = "end_date") -> Q:
    """Records with no end, or ended after `day` (open at its end, whenever they started)."""
    return Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gt": day})


def open_during(
    first: datetime.date, last: datetime.date, start: str = "start_date", end: str = "end_date"
) -> Q:
    """Records open at any time from `first` to `last`: started by the last day, not ended before the
    first."""
    return Q(**{f"{start}__lte": last}) & (Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": first}))


def is_open_during(
    start: datetime.date | None, end: datetime.date | None, first: datetime.date, last: datetime.date
) -> bool:
    return start is not None and start <= last and (end is None or end >= first)


# The year from 1 April.


def financial_year_start(day: datetime.date) -> datetime.date:
    """The 1 April on or before `day`."""
    return datetime.date(day.year if day.month >= APRIL else day.year - 1, APRIL, 1)


def financial_year(first_year: int) -> tuple[datetime.date, datetime.date]:
    """1 April of `first_year` to 31 March of the next ("2024/25")."""
    return datetime.date(first_year, APRIL, 1), datetime.date(first_year + 1, APRIL, 1) - datetime.timedelta(
        days=1
    )


def financial_year_of(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The financial (collection) year containing `day`: 1 April to 31 March."""
    return financial_year(financial_year_start(day).year)


def year_to_31_march(year: int) -> tuple[datetime.date, datetime.date]:
    """The collection year the DfE names by its reference date: 2025 is 1 April 2024 to 31 March 2025."""
    return financial_year(year - 1)


# Ages and birthdays.


def anniversary(day: datetime.date, years: int) -> datetime.date:
    """The day `years` after `day`, by the law's convention: 29 February's anniversary in a common year is
    1 March, so nothing that lasts until then (support "up to 25", keeping a record) ends a day early."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return datetime.date(day.year + years, 3, 1)


def birthday(date_of_birth: datetime.date, age: int) -> datetime.date:
    """The day a person reaches `age` (29 February's birthday is 1 March in a common year)."""
    return anniversary(date_of_birth, age)


def age_on(date_of_birth: datetime.date, day: datetime.date) -> int:
    """Whole years reached by `day`, by the law's convention (agrees with `birthday`)."""
    return day.year - date_of_birth.year - ((day.month, day.day) < (date_of_birth.month, date_of_birth.day))


def dfe_anniversary(day: datetime.date, years: int) -> datetime.date:
    """`day` moved on `years` years by the DfE validators' convention: 29 February falls back to 28 February.
    Only for a return's field the validators recompute (see the module's note)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
