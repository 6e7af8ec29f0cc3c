"""Working days and school days, checked against dates worked out by hand."""

import random
from datetime import date, timedelta

import pytest

from timescales.models import ClosureDay, SchoolHoliday
from timescales.workdays import Calendar, bank_holidays, default_calendar, is_overdue

ENGLAND = Calendar()


def test_substitute_and_one_off_bank_holidays_are_included():
    # 2021: Christmas Sat 25 and Boxing Day Sun 26 Dec, substitutes Mon 27 and Tue 28.
    assert {date(2021, 12, 27), date(2021, 12, 28)} <= bank_holidays(2021)
    # 2023: New Year's Day Sun 1 Jan, substitute Mon 2 Jan; coronation of Charles III Mon 8 May.
    assert {date(2023, 1, 2), date(2023, 5, 8)} <= bank_holidays(2023)
    # 2026: Christmas Fri 25 Dec, Boxing Day Sat 26 Dec, substitute Mon 28 Dec.
    assert date(2026, 12, 28) in bank_holidays(2026)
    # 2020: the early May bank holiday moved to Fri 8 May for VE Day.
    assert date(2020, 5, 8) in bank_holidays(2020)
    assert date(2020, 5, 4) not in bank_holidays(2020)


def test_working_day_basics():
    assert ENGLAND.is_working_day(date(2025, 4, 17))  # Thursday before Easter
    assert not ENGLAND.is_working_day(date(2025, 4, 18))  # Good Friday
    assert not ENGLAND.is_working_day(date(2025, 4, 19))  # Saturday
    assert not ENGLAND.is_working_day(date(2025, 4, 21))  # Easter Monday
    assert not ENGLAND.is_working_day(date(2023, 5, 8))  # coronation


def test_easter_2025():
    # Thu 17 Apr + 1 working day: Fri 18 Good Friday, Sat 19, Sun 20, Mon 21 Easter Monday -> Tue 22.
    assert ENGLAND.add_working_days(date(2025, 4, 17), 1) == date(2025, 4, 22)
    assert ENGLAND.next_working_day(date(2025, 4, 17)) == date(2025, 4, 22)
    assert ENGLAND.working_days_between(date(2025, 4, 17), date(2025, 4, 22)) == 1
    # Counting back from Tue 22: Mon 21, Sun, Sat, Fri 18 are not working days -> Thu 17.
    assert ENGLAND.add_working_days(date(2025, 4, 22), -1) == date(2025, 4, 17)


def test_christmas_2026_boxing_day_substitute():
    # Thu 24 Dec + 1: Fri 25 Christmas, Sat 26 Boxing Day, Sun 27, Mon 28 substitute -> Tue 29 Dec.
    assert ENGLAND.add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 29)


def test_christmas_2021_two_substitute_days():
    # Fri 24 Dec + 1: Sat 25, Sun 26, Mon 27 and Tue 28 substitutes -> Wed 29 Dec.
    assert ENGLAND.add_working_days(date(2021, 12, 24), 1) == date(2021, 12, 29)


def test_new_year_2023_substitute():
    # Fri 30 Dec 2022 + 1: Sat 31, Sun 1 Jan, Mon 2 Jan substitute -> Tue 3 Jan 2023.
    assert ENGLAND.add_working_days(date(2022, 12, 30), 1) == date(2023, 1, 3)


def test_coronation_2023():
    # Fri 5 May + 1: Sat 6, Sun 7, Mon 8 coronation -> Tue 9 May.
    assert ENGLAND.add_working_days(date(2023, 5, 5), 1) == date(2023, 5, 9)


def test_45_working_days_from_a_saturday_referral():
    # Referral Sat 1 Mar 2025 is day 0. Working days after it:
    #   March: Mon 3 - Mon 31                         = 21   (running 21)
    #   April: 1-4 (4), 7-11 (5), 14-17 (4; 18 is Good Friday),
    #          22-25 (4; 21 is Easter Monday), 28-30 (3) = 20 (running 41)
    #   May:   Thu 1 (42), Fri 2 (43), Mon 5 early May bank holiday, Tue 6 (44), Wed 7 (45).
    start = date(2025, 3, 1)
    assert ENGLAND.add_working_days(start, 45) == date(2025, 5, 7)
    assert ENGLAND.working_days_between(start, date(2025, 5, 7)) == 45
    assert ENGLAND.working_days_between(start, date(2025, 5, 8)) == 46


def test_day_zero_and_counting_backwards():
    assert ENGLAND.add_working_days(date(2025, 3, 1), 0) == date(2025, 3, 1)
    assert ENGLAND.working_days_between(date(2025, 3, 3), date(2025, 3, 3)) == 0
    # Mon 3 Mar to Mon 10 Mar is 5 working days; the other way round it is -5.
    assert ENGLAND.working_days_between(date(2025, 3, 10), date(2025, 3, 3)) == -5


def test_council_closure_day_29_december():
    # Christmas 2026 again, but the council is closed on Tue 29 Dec: Thu 24 + 1 council working day -> Wed 30.
    council = Calendar(closure_days=[date(2026, 12, 29)])
    assert not council.is_working_day(date(2026, 12, 29), council=True)
    assert council.add_working_days(date(2026, 12, 24), 1, council=True) == date(2026, 12, 30)
    # Thu 24 to Wed 30: only Wed 30 is a council working day.
    assert council.working_days_between(date(2026, 12, 24), date(2026, 12, 30), council=True) == 1
    # As the regulations count working days, the closure day is still one: Thu 24 + 1 -> Tue 29.
    assert council.is_working_day(date(2026, 12, 29))
    assert council.add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 29)
    assert council.working_days_between(date(2026, 12, 24), date(2026, 12, 30)) == 2
    assert council.next_working_day(date(2026, 12, 24), council=True) == date(2026, 12, 30)


def test_closure_days_across_new_year_count_for_the_council_only():
    # Strategy discussion Wed 10 Dec 2025, council closed 29-31 Dec. Council working days after it:
    #   Thu 11 (1), Fri 12 (2), 15-19 (3-7), 22-24 (8-10), 25-26 bank holidays, 29-31 closed,
    #   Thu 1 Jan bank holiday, Fri 2 Jan (11), Mon 5 - Thu 8 Jan (12-15) -> Thu 8 Jan 2026.
    council = Calendar(closure_days=[date(2025, 12, 29), date(2025, 12, 30), date(2025, 12, 31)])
    assert council.add_working_days(date(2025, 12, 10), 15, council=True) == date(2026, 1, 8)
    # Working days as the regulations define them ignore closures: the 15th is Mon 5 Jan:
    # 29 (11), 30 (12), 31 (13), 2 Jan (14), 5 Jan (15); the same with or without closure days.
    assert council.add_working_days(date(2025, 12, 10), 15) == date(2026, 1, 5)
    assert ENGLAND.add_working_days(date(2025, 12, 10), 15) == date(2026, 1, 5)


def test_deadline_on_a_weekend_or_bank_holiday():
    # A calendar-month deadline can fall on a non-working day; the last working day by it is earlier.
    assert ENGLAND.working_day_on_or_before(date(2025, 9, 6)) == date(2025, 9, 5)  # Sat -> Fri
    assert ENGLAND.working_day_on_or_before(date(2025, 5, 26)) == date(2025, 5, 23)  # Spring BH Mon -> Fri
    assert ENGLAND.working_day_on_or_before(date(2025, 5, 27)) == date(2025, 5, 27)  # a Tuesday
    # The meeting needs the office open: a deadline on closure day Tue 30 Dec 2025 is held by Wed 24 Dec.
    council = Calendar(closure_days=[date(2025, 12, 29), date(2025, 12, 30), date(2025, 12, 31)])
    assert council.working_day_on_or_before(date(2025, 12, 30)) == date(2025, 12, 24)


def test_the_due_date_is_on_time_and_the_next_day_is_overdue():
    due = date(2025, 5, 7)
    assert not is_overdue(due, date(2025, 5, 6))
    assert not is_overdue(due, due)
    assert is_overdue(due, date(2025, 5, 8))


HALF_TERM = (date(2025, 10, 27), date(2025, 10, 31))


def test_school_days_skip_half_term():
    school = Calendar(school_holidays=[HALF_TERM])
    # Fri 24 Oct + 1 school day: Sat, Sun, then half term Mon 27 - Fri 31 Oct -> Mon 3 Nov.
    assert school.add_school_days(date(2025, 10, 24), 1) == date(2025, 11, 3)
    assert school.next_school_day(date(2025, 10, 24)) == date(2025, 11, 3)
    assert school.school_days_between(date(2025, 10, 24), date(2025, 11, 3)) == 1
    # Half term is still working time for the council.
    assert school.is_working_day(date(2025, 10, 28))
    assert not school.is_school_day(date(2025, 10, 28))
    assert school.add_working_days(date(2025, 10, 24), 1) == date(2025, 10, 27)


def test_council_closure_day_is_still_a_school_day():
    # Schools open on a council closure day in term time, so school-day counts ignore it.
    council = Calendar(closure_days=[date(2025, 11, 3)])
    assert not council.is_working_day(date(2025, 11, 3), council=True)
    assert council.is_school_day(date(2025, 11, 3))
    assert council.add_school_days(date(2025, 10, 31), 1) == date(2025, 11, 3)


def _walk(calendar, start, n, council=False):
    """The slow, obvious way: step a day at a time."""
    day, step, left = start, (1 if n > 0 else -1), abs(n)
    while left:
        day += timedelta(days=step)
        if calendar.is_working_day(day, council=council):
            left -= 1
    return day


@pytest.mark.parametrize("council", [False, True])
def test_fast_counting_agrees_with_walking_day_by_day(council):
    calendar = Calendar(closure_days=[date(2024, 12, 27), date(2025, 12, 29), date(2026, 12, 29)])
    rng = random.Random(2025)
    for _ in range(300):
        start = date(2023, 1, 1) + timedelta(days=rng.randrange(1500))
        n = rng.randrange(-60, 61)
        expected = start if n == 0 else _walk(calendar, start, n, council)
        assert calendar.add_working_days(start, n, council=council) == expected
        end = start + timedelta(days=rng.randrange(120))
        walked = sum(
            calendar.is_working_day(start + timedelta(days=i), council=council)
            for i in range(1, (end - start).days + 1)
        )
        assert calendar.working_days_between(start, end, council=council) == walked


def test_counts_grow_past_the_first_span():
    # 2,600 working days is about ten years: the calendar extends its day lists as it goes.
    calendar = Calendar()
    far = calendar.add_working_days(date(2025, 1, 1), 2600)
    assert calendar.working_days_between(date(2025, 1, 1), far) == 2600
    # Back 2,600 from there: the 2,599th is Thu 2 Jan 2025 (1 Jan is a bank holiday), the 2,600th Tue 31 Dec
    # 2024.
    assert calendar.add_working_days(far, -2600) == date(2024, 12, 31)
    assert calendar.add_working_days(date(1995, 6, 1), 10) == _walk(calendar, date(1995, 6, 1), 10)


@pytest.mark.django_db
def test_default_calendar_reads_closure_days_and_school_holidays_from_the_database():
    assert default_calendar().is_working_day(date(2026, 12, 29), council=True)
    ClosureDay.objects.create(date=date(2026, 12, 29), name="Christmas closure")
    SchoolHoliday.objects.create(name="Autumn half term", start_date=HALF_TERM[0], end_date=HALF_TERM[1])
    # Saving a row resets the cached calendar, so the next call sees it.
    calendar = default_calendar()
    assert not calendar.is_working_day(date(2026, 12, 29), council=True)
    assert not calendar.is_school_day(date(2025, 10, 28))
    assert default_calendar() is calendar
