"""The synthetic council's calendar: Christmas closure days and school holidays for every year covered.

Rule-based rather than random, like a real council's published dates: closure days are the
working days between Christmas and New Year, holidays follow the usual English pattern.
"""

import datetime

import holidays
from dateutil.easter import easter

from council.synthetic.context import Council
from council.synthetic.registry import contributes

from .models import ClosureDay, SchoolHoliday

DAY = datetime.timedelta(days=1)
MONDAY, WEDNESDAY, FRIDAY = 0, 2, 4


def _years(council: Council) -> range:
    """From before the oldest history to the year after as-at (timescales run past it)."""
    first = council.as_at.year - council.rates.history_years - 1
    return range(first, council.as_at.year + 2)


def _on_or_after(day: datetime.date, weekday: int) -> datetime.date:
    return day + (weekday - day.weekday()) % 7 * DAY


def _on_or_before(day: datetime.date, weekday: int) -> datetime.date:
    return day - (day.weekday() - weekday) % 7 * DAY


@contributes(order=15)
def closure_days(council: Council) -> None:
    for year in _years(council):
        bank = holidays.country_holidays("GB", subdiv="ENG", years=year)
        for day in range(27, 32):
            date = datetime.date(year, 12, day)
            if date.weekday() < 5 and date not in bank:
                council.add(ClosureDay(date=date, name="Christmas closure"))


def academic_year(start_year: int) -> list[tuple[str, datetime.date, datetime.date]]:
    """Holidays and INSET days of the school year starting in September of start_year."""
    y, n = start_year, start_year + 1
    autumn_half = _on_or_before(datetime.date(y, 10, 27), MONDAY)
    christmas_start = _on_or_before(datetime.date(y, 12, 20), FRIDAY) + 3 * DAY
    spring_start = _on_or_after(datetime.date(n, 1, 3), MONDAY)
    february_half = _on_or_after(datetime.date(n, 2, 12), MONDAY)
    easter_sunday = easter(n)
    may_half = _on_or_before(datetime.date(n, 5, 31), MONDAY)
    summer_start = _on_or_after(datetime.date(n, 7, 21), MONDAY)
    autumn_start = _on_or_after(datetime.date(n, 9, 2), WEDNESDAY)
    return [
        ("INSET day", autumn_half - 3 * DAY, autumn_half - 3 * DAY),
        ("Autumn half term", autumn_half, autumn_half + 4 * DAY),
        ("Christmas holiday", christmas_start, spring_start - 3 * DAY),
        ("INSET day", spring_start, spring_start),
        ("February half term", february_half, february_half + 4 * DAY),
        ("Easter holiday", easter_sunday - 6 * DAY, easter_sunday + 5 * DAY),
        ("INSET day", may_half - 3 * DAY, may_half - 3 * DAY),
        ("May half term", may_half, may_half + 4 * DAY),
        ("Summer holiday", summer_start, autumn_start - DAY),
    ]


@contributes(order=16)
def school_holidays(council: Council) -> None:
    for year in _years(council):
        for name, start, end in academic_year(year):
            council.add(SchoolHoliday(name=name, start_date=start, end_date=end))
