"""Working days and school days in England, for counting statutory timescales.

A working day, as the regulations define it, is any day but a Saturday, a Sunday, Christmas Day,
Good Friday or a bank holiday in England (substitute and one-off days included): a timescale set
in law or national guidance counts these days and nothing else. A council's closure days (the
offices shut between Christmas and New Year) are not working days for the council's *own* standards
only: `council=True` counts them out as well, and nothing statutory ever passes it. A school day
is Monday to Friday, not a bank holiday and not inside a school holiday; council closure days do
not close schools, so they still count.

Due dates are computed for hundreds of thousands of records, so each calendar keeps a sorted
list of day ordinals and answers "the nth working day after" or "how many working days between"
with a binary search instead of walking day by day.
"""

import datetime
import time
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import cache
from typing import Any

import holidays

# How long default_calendar() trusts its copy of the closure days before reading them again, so
# an edit in one web process reaches the others (edits in the same process reset it at once).
RELOAD_AFTER_SECONDS = 600
# Years either side of the first date asked about; the span grows when a count runs past it.
_MARGIN_YEARS = 5
# The three sorted day lists a calendar keeps.
WORKING, COUNCIL, SCHOOL = 0, 1, 2


@cache
def bank_holidays(year: int) -> frozenset[datetime.date]:
    """England and Wales bank holidays in a year, including substitute days and one-off holidays."""
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def _is_weekday(ordinal: int) -> bool:
    # date.fromordinal(1) is Monday 1 January of year 1, so (ordinal - 1) % 7 is the weekday.
    return (ordinal - 1) % 7 < 5


def is_overdue(due: datetime.date, on: datetime.date) -> bool:
    """Whether a timescale due on `due` is overdue on `on`: the due date itself is still on time."""
    return on > due


class Calendar:
    """The working-day and school-day calendar of one council.

    Build it from the database with `Calendar.from_database()` (or use `default_calendar()`),
    or pass closure days and school holidays directly, as the tests do.
    """

    def __init__(
        self,
        closure_days: Iterable[datetime.date] = (),
        school_holidays: Iterable[tuple[datetime.date, datetime.date]] = (),
    ) -> None:
        self.closure_days = frozenset(closure_days)
        self.school_holidays = tuple(sorted(school_holidays))
        self._closure_ordinals = frozenset(d.toordinal() for d in self.closure_days)
        self._school_holiday_ordinals = frozenset(
            o for start, end in self.school_holidays for o in range(start.toordinal(), end.toordinal() + 1)
        )
        # (first year, last year, (working, council working, school) day ordinals), replaced as a
        # whole when it grows so a reader never sees half of an update.
        self._span: tuple[int, int, tuple[list[int], list[int], list[int]]] | None = None

    @classmethod
    def from_database(cls) -> "Calendar":
        """The calendar with this council's closure days and school holidays."""
        from .models import ClosureDay, SchoolHoliday

        return cls(
            closure_days=ClosureDay.objects.values_list("date", flat=True),
            school_holidays=SchoolHoliday.objects.values_list("start_date", "end_date"),
        )

    # Single days: answered directly, no list needed.

    def is_working_day(self, day: datetime.date, council: bool = False) -> bool:
        """A working day as the regulations define it; with `council`, also a day the council is open."""
        return (
            day.weekday() < 5
            and day not in bank_holidays(day.year)
            and not (council and day in self.closure_days)
        )

    def is_school_day(self, day: datetime.date) -> bool:
        return (
            day.weekday() < 5
            and day not in bank_holidays(day.year)
            and day.toordinal() not in self._school_holiday_ordinals
        )

    # Counting working days.

    def add_working_days(self, start: datetime.date, n: int, council: bool = False) -> datetime.date:
        """The nth working day after `start` (day 0 is `start` itself, whatever day it is).

        "Within 45 working days of 1 March" ends on add_working_days(1 March, 45). A negative n
        counts back: -1 is the last working day before `start`. `council` also skips closure days:
        for the council's own standards only.
        """
        return self._add(start, n, COUNCIL if council else WORKING)

    def working_days_between(
        self, earlier: datetime.date, later: datetime.date, council: bool = False
    ) -> int:
        """Working days after `earlier`, up to and including `later` (negative if `later` is before).

        An assessment authorised on add_working_days(referral, 45) took exactly 45 working days.
        """
        return self._between(earlier, later, COUNCIL if council else WORKING)

    def next_working_day(self, day: datetime.date, council: bool = False) -> datetime.date:
        """The first working day after `day`."""
        return self._add(day, 1, COUNCIL if council else WORKING)

    def working_day_on_or_before(self, day: datetime.date) -> datetime.date:
        """The last day by `day` the council is open: when to hold a meeting whose deadline falls on a
        weekend, a bank holiday or a closure day (the deadline itself does not move)."""
        return day if self.is_working_day(day, council=True) else self._add(day, -1, COUNCIL)

    # Counting school days.

    def add_school_days(self, start: datetime.date, n: int) -> datetime.date:
        """The nth school day after `start` (day 0 is `start` itself)."""
        return self._add(start, n, SCHOOL)

    def school_days_between(self, earlier: datetime.date, later: datetime.date) -> int:
        """School days after `earlier`, up to and including `later`."""
        return self._between(earlier, later, SCHOOL)

    def next_school_day(self, day: datetime.date) -> datetime.date:
        """The first school day after `day`."""
        return self._add(day, 1, SCHOOL)

    # The sorted day lists.

    def _add(self, start: datetime.date, n: int, kind: int) -> datetime.date:
        if n == 0:
            return start
        ordinal = start.toordinal()
        self._cover(start.year, start.year)
        while True:
            first, last, lists = self._span  # type: ignore[misc]  # _cover has set it
            days = lists[kind]
            i = bisect_right(days, ordinal) + n - 1 if n > 0 else bisect_left(days, ordinal) + n
            if 0 <= i < len(days):
                return datetime.date.fromordinal(days[i])
            # Ran off the end of the span: grow it by roughly the years the count needs.
            years = abs(n) // 200 + _MARGIN_YEARS
            if n > 0:
                self._cover(first, last + years)
            else:
                self._cover(first - years, last)
            if self._span[:2] == (first, last):  # type: ignore[index]
                raise OverflowError(f"{n} days from {start} is outside the calendar")

    def _between(self, earlier: datetime.date, later: datetime.date, kind: int) -> int:
        self._cover(min(earlier.year, later.year), max(earlier.year, later.year))
        days = self._span[2][kind]  # type: ignore[index]  # _cover has set it
        return bisect_right(days, later.toordinal()) - bisect_right(days, earlier.toordinal())

    def _cover(self, first_year: int, last_year: int) -> None:
        """Make sure the day lists run from `first_year` to `last_year`, rebuilding if they don't."""
        if self._span is not None:
            first, last = self._span[0], self._span[1]
            if first <= first_year and last_year <= last:
                return
            first_year, last_year = min(first, first_year), max(last, last_year)
        else:
            first_year, last_year = first_year - _MARGIN_YEARS, last_year + _MARGIN_YEARS
        first_year, last_year = max(first_year, datetime.MINYEAR), min(last_year, datetime.MAXYEAR)

        bank = {d.toordinal() for year in range(first_year, last_year + 1) for d in bank_holidays(year)}
        start, end = datetime.date(first_year, 1, 1).toordinal(), datetime.date(last_year, 12, 31).toordinal()
        working, council, schooling = [], [], []
        for ordinal in range(start, end + 1):
            if not _is_weekday(ordinal) or ordinal in bank:
                continue
            working.append(ordinal)
            if ordinal not in self._closure_ordinals:
                council.append(ordinal)
            if ordinal not in self._school_holiday_ordinals:
                schooling.append(ordinal)
        self._span = (first_year, last_year, (working, council, schooling))


_default: Calendar | None = None
_default_loaded_at = 0.0


def default_calendar() -> Calendar:
    """The council's calendar from the database, built once and reused: cheap to call per record."""
    global _default, _default_loaded_at
    now = time.monotonic()
    if _default is None or now - _default_loaded_at > RELOAD_AFTER_SECONDS:
        _default, _default_loaded_at = Calendar.from_database(), now
    return _default


def reset_default_calendar(**_signal_kwargs: Any) -> None:
    """Forget the cached calendar; called when a closure day or school holiday is saved or deleted."""
    global _default
    _default = None
