"""What a timescale is: an amount in a unit, counted from a start, set by a source of a known kind.

The kind of source (`Basis`) decides how working days are counted: a timescale set in law or
national guidance counts working days as the regulations define them (weekends, Christmas Day,
Good Friday and bank holidays in England left out, nothing else), so a council's closure days never
extend it; only the council's own standards also leave out its closure days.
"""

import datetime
import enum
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from .dates import birthday
from .workdays import Calendar, default_calendar


class Unit(enum.StrEnum):
    WORKING_DAYS = "working_days"
    CALENDAR_DAYS = "calendar_days"
    WEEKS = "weeks"
    MONTHS = "months"
    SCHOOL_DAYS = "school_days"
    YEARS_OF_AGE = "years_of_age"


UNIT_WORDS = {
    Unit.WORKING_DAYS: ("working day", "working days"),
    Unit.CALENDAR_DAYS: ("calendar day", "calendar days"),
    Unit.WEEKS: ("week", "weeks"),
    Unit.MONTHS: ("month", "months"),
    Unit.SCHOOL_DAYS: ("school day", "school days"),
    Unit.YEARS_OF_AGE: ("year of age", "years of age"),
}


class Basis(enum.StrEnum):
    """Who sets the timescale: the first two are statutory, a council cannot loosen either."""

    LAW = "law"
    GUIDANCE = "guidance"
    DATA = "data"
    LOCAL = "local"

    @property
    def label(self) -> str:
        return {
            Basis.LAW: "Law (an Act or regulations)",
            Basis.GUIDANCE: "Statutory or national guidance",
            Basis.DATA: "DfE data definition (a statistic, not a duty)",
            Basis.LOCAL: "Local standard (the council's own)",
        }[self]


@dataclass(frozen=True)
class Timescale:
    """One timescale, with the source it comes from and how that source counts.

    `due(start)` is the last day on which the thing is on time; the day after, it is overdue.
    `start_is_day_one` is for law worded "beginning with the day" or "the sixth day of": the start
    date counts as the first day rather than day 0. `statutory_limit` marks a legal maximum under
    which the council may set a shorter standard of its own. `checked` says where the citation was
    read against the text of its source ("" where it could not be).
    """

    code: str
    name: str
    amount: int
    unit: Unit
    starts_from: str
    source: str
    basis: Basis
    statutory_limit: int | None = None
    start_is_day_one: bool = False
    checked: str = ""

    @property
    def statutory(self) -> bool:
        """Set in law or national guidance (the council's closure days never extend it)."""
        return self.basis in (Basis.LAW, Basis.GUIDANCE)

    @property
    def local_standard(self) -> bool:
        """The council may set its own amount: a local standard, or shorter than a legal maximum."""
        return self.basis == Basis.LOCAL or self.statutory_limit is not None

    def due(self, start: datetime.date, calendar: Calendar | None = None) -> datetime.date:
        """The due date for a timescale that started on `start` (a date of birth for ages).

        Working and school days use `calendar`, or the council's calendar from the database; only a
        local standard in working days skips the council's closure days.
        """
        if self.unit in (Unit.WORKING_DAYS, Unit.SCHOOL_DAYS):
            calendar = calendar or default_calendar()
            if self.unit == Unit.WORKING_DAYS:

                def add(day: datetime.date, n: int) -> datetime.date:
                    return calendar.add_working_days(day, n, council=self.basis == Basis.LOCAL)
            else:
                add = calendar.add_school_days  # type: ignore[assignment]  # (start, n), as add
            if self.start_is_day_one:
                return add(start - datetime.timedelta(days=1), self.amount)
            return add(start, self.amount)
        if self.unit == Unit.YEARS_OF_AGE:
            return birthday(start, self.amount)
        if self.unit == Unit.MONTHS:
            end = start + relativedelta(months=self.amount)
        elif self.unit == Unit.WEEKS:
            end = start + datetime.timedelta(weeks=self.amount)
        else:
            end = start + datetime.timedelta(days=self.amount)
        return end - datetime.timedelta(days=1) if self.start_is_day_one else end

    def on_time(self, start: datetime.date, done: datetime.date, calendar: Calendar | None = None) -> bool:
        """Whether something done on `done` met the timescale that started on `start`."""
        return done <= self.due(start, calendar)

    def describe(self) -> str:
        """The amount in words, e.g. "45 working days" or "age 25"."""
        if self.unit == Unit.YEARS_OF_AGE:
            return f"age {self.amount}"
        singular, plural = UNIT_WORDS[self.unit]
        return f"{self.amount} {singular if self.amount == 1 else plural}"

    def counting(self) -> str:
        """How the amount is counted, in short (docs/timescales.md explains each rule)."""
        rule = {
            Unit.WORKING_DAYS: "working days (the regulations' definition)",
            Unit.SCHOOL_DAYS: "school days",
            Unit.MONTHS: "calendar months",
            Unit.WEEKS: "weeks",
            Unit.CALENDAR_DAYS: "calendar days",
            Unit.YEARS_OF_AGE: "birthday",
        }[self.unit]
        if self.unit == Unit.WORKING_DAYS and self.basis == Basis.LOCAL:
            rule = "the council's working days (less its closure days)"
        return rule + (", beginning with the start day" if self.start_is_day_one else "")
