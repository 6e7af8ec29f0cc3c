"""Period labels as councils print them, and which period each is compared with."""

import datetime

import pytest

from performance import periods
from performance.periods import CompareWith, PeriodError, YearKind


@pytest.mark.parametrize(
    "label, start, end",
    [
        ("Q1 2024/25", datetime.date(2024, 4, 1), datetime.date(2024, 6, 30)),
        ("Q3 2023/24", datetime.date(2023, 10, 1), datetime.date(2023, 12, 31)),
        ("Q4 2024/25", datetime.date(2025, 1, 1), datetime.date(2025, 3, 31)),
        ("2023/24", datetime.date(2023, 4, 1), datetime.date(2024, 3, 31)),
        ("Autumn 2023", datetime.date(2023, 9, 1), datetime.date(2023, 12, 31)),
        ("Spring Term 2025", datetime.date(2025, 1, 1), datetime.date(2025, 3, 31)),
        ("Summer 2023", datetime.date(2023, 4, 1), datetime.date(2023, 8, 31)),
    ],
)
def test_labels_parse_to_dates(label, start, end):
    period = periods.parse(label)
    assert (period.start, period.end) == (start, end)


def test_academic_year_and_status_word():
    period = periods.parse("2022/23 Final", YearKind.ACADEMIC)
    assert (period.label, period.start, period.end) == (
        "2022/23",
        datetime.date(2022, 9, 1),
        datetime.date(2023, 8, 31),
    )


def test_spring_term_label_is_stored_without_term():
    assert periods.parse("Spring Term 2025").label == "Spring 2025"


@pytest.mark.parametrize("label", ["Q5 2024/25", "2023/25", "Winter 2023", "abc", "Q1 2024/26"])
def test_bad_labels_say_what_is_expected(label):
    with pytest.raises(PeriodError, match="is not"):
        periods.parse(label)


@pytest.mark.parametrize(
    "label, previous, year_ago",
    [
        ("Q1 2024/25", "Q4 2023/24", "Q1 2023/24"),
        ("Q4 2024/25", "Q3 2024/25", "Q4 2023/24"),
        ("2023/24", "2022/23", "2022/23"),
        ("Spring 2025", "Autumn 2024", "Spring 2024"),
        ("Autumn 2023", "Summer 2023", "Autumn 2022"),
        ("Summer 2023", "Spring 2023", "Summer 2022"),
    ],
)
def test_comparison_periods(label, previous, year_ago):
    period = periods.parse(label)
    assert periods.comparison(period, CompareWith.PREVIOUS_PERIOD).label == previous
    assert periods.comparison(period, CompareWith.SAME_PERIOD_LAST_YEAR).label == year_ago


def test_quarter_containing():
    assert periods.quarter_containing(datetime.date(2025, 3, 31)).label == "Q4 2024/25"
    assert periods.quarter_containing(datetime.date(2025, 4, 1)).label == "Q1 2025/26"
    assert periods.quarter_containing(datetime.date(2024, 8, 31)).label == "Q2 2024/25"
