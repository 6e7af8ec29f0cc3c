"""Reporting periods as councils print them: "Q4 2024/25", "2023/24", "Autumn 2023".

A figure is filed under a label, but the dashboard needs dates (which figure is the latest at the
end of a quarter?) and the period it should be compared with. Labels are parsed here, once.

- Quarters belong to the financial year: Q1 is April to June, Q4 is January to March.
- A year "2023/24" is a financial year (April to March) or an academic year (September to August),
  depending on the indicator: attainment and exclusions follow the school year.
- Terms follow the school census: Autumn is September to December, Spring January to March,
  Summer April to August. "Spring Term 2025" and "Spring 2025" are the same period.
- A trailing status word ("2022/23 Final", "2023/24 Provisional") is not part of the period.

Figures computed from case records measure one of three spans of a reporting period (`Span`):
events in the period, events in the financial year to its end, or the position at its end. So
besides the printed labels there are "2024/25 to 31 December 2024" (financial year to date),
"12 months to 31 December 2024" (a rolling year) and "As at 31 December 2024".
"""

import datetime
import enum
import re
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from timescales.dates import APRIL, financial_year, financial_year_start


class YearKind(enum.StrEnum):
    FINANCIAL = "financial"
    ACADEMIC = "academic"


class CompareWith(enum.StrEnum):
    """Which earlier figure a period's figure is compared with for direction of travel."""

    PREVIOUS_PERIOD = "previous"
    SAME_PERIOD_LAST_YEAR = "year_ago"


TERMS = ("Spring", "Summer", "Autumn")  # in calendar order
_TERM_MONTHS = {"Spring": (1, 3), "Summer": (4, 8), "Autumn": (9, 12)}
_YEAR_START_MONTH = {YearKind.FINANCIAL: APRIL, YearKind.ACADEMIC: 9}

_QUARTER = re.compile(r"^Q([1-4])\s+(\d{4})/(\d{2})$", re.I)
_YEAR = re.compile(r"^(\d{4})/(\d{2})$")
_TERM = re.compile(r"^(Spring|Summer|Autumn)(?:\s+Term)?\s+(\d{4})$", re.I)
_STATUS_WORDS = re.compile(r"\s+(final|provisional|revised)$", re.I)
_DATE = r"(\d{4}-\d{2}-\d{2}|\d{1,2} [A-Za-z]+ \d{4})"
_YEAR_TO_DATE = re.compile(rf"^(\d{{4}})/(\d{{2}}) to {_DATE}$", re.I)
_ROLLING_YEAR = re.compile(rf"^12 months to {_DATE}$", re.I)
_AS_AT = re.compile(rf"^as at {_DATE}$", re.I)
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d %b %Y")


class Span(enum.StrEnum):
    """What a computed figure for a reporting period counts."""

    PERIOD = "period"  # events in the period: referrals received, assessments completed
    YEAR_TO_DATE = "year_to_date"  # events from the start of the financial year to the end of the period
    AT_END = "at_end"  # the position at the end of the period: children on a plan that day

    @property
    def label(self):
        return {
            "period": "In the period",
            "year_to_date": "Financial year to date",
            "at_end": "At the end of the period",
        }[self]


class PeriodError(ValueError):
    pass


@dataclass(frozen=True)
class Period:
    """A labelled span of dates. Periods sort by end date, then start date."""

    label: str
    start: datetime.date
    end: datetime.date
    kind: str  # "quarter", "year" or "term"
    year_kind: YearKind = YearKind.FINANCIAL

    def __lt__(self, other):
        return (self.end, self.start) < (other.end, other.start)

    def __str__(self):
        return self.label


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, 1) + relativedelta(months=1, days=-1)


def _check_year_pair(first: int, second_two_digits: int, label: str):
    if (first + 1) % 100 != second_two_digits:
        raise PeriodError(f"'{label}' is not a year like 2023/24")


def quarter(q: int, first_year: int) -> Period:
    """Quarter `q` (1-4) of the financial year that starts in April of `first_year`."""
    start = financial_year(first_year)[0] + relativedelta(months=3 * (q - 1))
    end = start + relativedelta(months=3, days=-1)
    return Period(f"Q{q} {first_year}/{(first_year + 1) % 100:02d}", start, end, "quarter")


def year(first_year: int, year_kind: YearKind = YearKind.FINANCIAL) -> Period:
    start = datetime.date(first_year, _YEAR_START_MONTH[year_kind], 1)
    end = start + relativedelta(years=1, days=-1)
    return Period(f"{first_year}/{(first_year + 1) % 100:02d}", start, end, "year", year_kind)


def term(name: str, calendar_year: int) -> Period:
    first, last = _TERM_MONTHS[name]
    return Period(
        f"{name} {calendar_year}",
        datetime.date(calendar_year, first, 1),
        _month_end(calendar_year, last),
        "term",
    )


def _day_text(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _parse_day(text: str, label: str) -> datetime.date:
    for date_format in _DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, date_format).date()
        except ValueError:
            continue
    raise PeriodError(f"'{label}': '{text}' is not a date like 31 March 2025")


def year_to_date(period_or_day) -> Period:
    """From 1 April of the financial year to the end of the period (or the day)."""
    end = getattr(period_or_day, "end", period_or_day)
    start = financial_year_start(end)
    return Period(
        f"{start.year}/{(start.year + 1) % 100:02d} to {_day_text(end)}", start, end, "year_to_date"
    )


def rolling_year(end: datetime.date) -> Period:
    """The 12 months ending on `end`: 1 April 2024 to 31 March 2025, 1 March 2024 to 28 February 2025."""
    return Period(
        f"12 months to {_day_text(end)}",
        end - relativedelta(years=1) + datetime.timedelta(days=1),
        end,
        "rolling_year",
    )


def as_at(day: datetime.date) -> Period:
    """A single day, for positions such as children on a plan."""
    return Period(f"As at {_day_text(day)}", day, day, "as_at")


def measured(period: Period, span: Span) -> Period:
    """The dates a figure for `period` counts over."""
    if span == Span.YEAR_TO_DATE:
        return year_to_date(period)
    if span == Span.AT_END:
        return as_at(period.end)
    return period


def parse(label: str, year_kind: YearKind = YearKind.FINANCIAL) -> Period:
    """The period a printed label names. Raises PeriodError with a plain message."""
    text = _STATUS_WORDS.sub("", " ".join(str(label).split()))
    if m := _QUARTER.match(text):
        first = int(m[2])
        _check_year_pair(first, int(m[3]), label)
        return quarter(int(m[1]), first)
    if m := _YEAR.match(text):
        first = int(m[1])
        _check_year_pair(first, int(m[2]), label)
        return year(first, year_kind)
    if m := _TERM.match(text):
        return term(m[1].capitalize(), int(m[2]))
    if m := _YEAR_TO_DATE.match(text):
        _check_year_pair(int(m[1]), int(m[2]), label)
        period = year_to_date(_parse_day(m[3], label))
        if period.start.year != int(m[1]):
            raise PeriodError(f"'{label}': {m[3]} is not in the financial year {m[1]}/{m[2]}")
        return period
    if m := _ROLLING_YEAR.match(text):
        return rolling_year(_parse_day(m[1], label))
    if m := _AS_AT.match(text):
        return as_at(_parse_day(m[1], label))
    raise PeriodError(f"'{label}' is not a period like Q4 2024/25, 2023/24 or Autumn 2023")


def quarter_containing(day: datetime.date) -> Period:
    return quarter((day.month - APRIL) % 12 // 3 + 1, financial_year_start(day).year)


def previous(period: Period) -> Period:
    """The period immediately before: the previous quarter, term or year."""
    if period.kind == "quarter":  # from the end: a last-month-of-quarter period starts mid-quarter
        return quarter_containing(quarter_containing(period.end).start - datetime.timedelta(days=1))
    if period.kind == "year":
        return year(period.start.year - 1, period.year_kind)
    if period.kind != "term":
        raise PeriodError(f"'{period.label}' is not a reporting period, so it has no previous one")
    name = period.label.split()[0]
    index = TERMS.index(name)
    if index == 0:
        return term(TERMS[-1], period.start.year - 1)
    return term(TERMS[index - 1], period.start.year)


def year_before(period: Period) -> Period:
    """The same period a year earlier (the comparison for seasonal figures)."""
    if period.kind == "quarter":
        return quarter_containing(period.end - relativedelta(years=1))
    if period.kind == "year":
        return previous(period)
    if period.kind != "term":
        raise PeriodError(f"'{period.label}' is not a reporting period, so it has no year-earlier one")
    return term(period.label.split()[0], period.start.year - 1)


def comparison(period: Period, compare_with: CompareWith) -> Period:
    if compare_with == CompareWith.SAME_PERIOD_LAST_YEAR:
        return year_before(period)
    return previous(period)
