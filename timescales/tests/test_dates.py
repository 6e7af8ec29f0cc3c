"""The shared calendar ideas, hand-worked on their edge days: the end day, 31 March and 1 April, 29
February."""

import datetime

import pytest

from people.models import Address, Person
from tests.factories import make_address, make_person
from timescales import dates

D = datetime.date


# Open on a day, at the end of a day, during a period: a record from 1 April 2024 to 31 March 2025.
START, END = D(2024, 4, 1), D(2025, 3, 31)


@pytest.mark.parametrize(
    "day, on, at_end",
    [
        (D(2024, 3, 31), False, False),  # the day before it started
        (D(2024, 4, 1), True, True),  # its first day
        (D(2025, 3, 30), True, True),
        (D(2025, 3, 31), True, False),  # its end day: open that day, not at its end (the DfE's "at 31 March")
        (D(2025, 4, 1), False, False),
    ],
)
def test_open_on_a_day_and_at_its_end(day, on, at_end):
    assert dates.is_open_on(START, END, day) is on
    assert dates.is_open_at_end_of(START, END, day) is at_end


def test_a_record_with_no_end_is_open_from_its_start():
    assert not dates.is_open_on(START, None, D(2024, 3, 31))
    assert dates.is_open_on(START, None, D(2024, 4, 1)) and dates.is_open_at_end_of(
        START, None, D(2099, 1, 1)
    )
    assert not dates.is_open_on(None, None, D(2024, 4, 1))


def test_a_record_that_ends_the_day_it_starts_is_open_that_day_only():
    assert dates.is_open_on(START, START, START)
    assert not dates.is_open_at_end_of(START, START, START)


@pytest.mark.parametrize(
    "start, end, open_",
    [
        (D(2023, 4, 1), D(2024, 3, 31), False),  # ended the day before the year began
        (D(2023, 4, 1), D(2024, 4, 1), True),  # ended on its first day
        (D(2025, 3, 31), None, True),  # began on its last day
        (D(2025, 4, 1), None, False),  # began the day after
        (D(2020, 1, 1), None, True),
    ],
)
def test_open_during_the_year(start, end, open_):
    assert dates.is_open_during(start, end, START, END) is open_


@pytest.mark.django_db
def test_the_queries_find_what_the_tests_of_dates_say():
    person = make_person()
    Address.objects.all().delete()
    spans = [
        (D(2024, 4, 1), D(2025, 3, 31)),
        (D(2025, 3, 31), None),
        (D(2023, 1, 1), D(2024, 3, 31)),
        (D(2025, 4, 1), None),
        (D(2024, 6, 1), D(2024, 6, 1)),
    ]
    for start, end in spans:
        make_address(person, start_date=start, end_date=end)
    rows = list(Address.objects.values_list("pk", "start_date", "end_date"))
    for day in (D(2024, 3, 31), D(2024, 4, 1), D(2024, 6, 1), D(2025, 3, 31), D(2025, 4, 1)):
        assert set(Address.objects.filter(dates.open_on(day)).values_list("pk", flat=True)) == {
            pk for pk, start, end in rows if dates.is_open_on(start, end, day)
        }
        assert set(Address.objects.filter(dates.open_at_end_of(day)).values_list("pk", flat=True)) == {
            pk for pk, start, end in rows if dates.is_open_at_end_of(start, end, day)
        }
        assert set(Address.objects.filter(dates.not_ended_before(day)).values_list("pk", flat=True)) == {
            pk for pk, start, end in rows if end is None or end >= day
        }
        assert set(Address.objects.filter(dates.not_ended_by(day)).values_list("pk", flat=True)) == {
            pk for pk, start, end in rows if end is None or end > day
        }
    assert set(Address.objects.filter(dates.open_during(START, END)).values_list("pk", flat=True)) == {
        pk for pk, start, end in rows if dates.is_open_during(start, end, START, END)
    }
    assert Person.objects.count() == 1


# The year from 1 April.


@pytest.mark.parametrize(
    "day, first",
    [
        (D(2025, 3, 31), D(2024, 4, 1)),
        (D(2025, 4, 1), D(2025, 4, 1)),
        (D(2025, 1, 1), D(2024, 4, 1)),
        (D(2024, 12, 31), D(2024, 4, 1)),
    ],
)
def test_the_financial_year_starts_on_1_april(day, first):
    assert dates.financial_year_start(day) == first
    assert dates.financial_year_of(day) == (first, D(first.year + 1, 3, 31))


def test_the_dfe_names_a_collection_year_by_its_31_march():
    assert dates.year_to_31_march(2025) == (D(2024, 4, 1), D(2025, 3, 31)) == dates.financial_year(2024)
    assert dates.financial_year(2023) == (D(2023, 4, 1), D(2024, 3, 31))  # a leap year's 31 March, not 29 Feb


# Ages and birthdays: a child born on 29 February 2004.
LEAPLING = D(2004, 2, 29)


def test_the_laws_birthday_for_29_february_is_1_march_in_a_common_year():
    assert dates.birthday(LEAPLING, 18) == D(2022, 3, 1)
    assert dates.birthday(LEAPLING, 20) == D(2024, 2, 29)  # a leap year has the day itself
    assert dates.anniversary(D(2000, 2, 29), 25) == D(2025, 3, 1)
    assert dates.birthday(D(2004, 3, 1), 18) == D(2022, 3, 1)


@pytest.mark.parametrize(
    "day, age",
    [
        (D(2022, 2, 28), 17),
        (D(2022, 3, 1), 18),
        (D(2024, 2, 28), 19),
        (D(2024, 2, 29), 20),
        (D(2024, 3, 1), 20),
    ],
)
def test_age_on_a_day_agrees_with_the_birthday(day, age):
    assert dates.age_on(LEAPLING, day) == age
    assert dates.age_on(LEAPLING, dates.birthday(LEAPLING, age)) == age
    assert dates.age_on(LEAPLING, dates.birthday(LEAPLING, age) - datetime.timedelta(days=1)) == age - 1


def test_a_person_reaches_an_age_on_their_birthday_not_before():
    born = D(2007, 3, 31)
    assert dates.age_on(born, D(2025, 3, 30)) == 17
    assert dates.age_on(born, D(2025, 3, 31)) == 18
    assert dates.age_on(D(2008, 3, 1), D(2024, 2, 29)) == 15  # 29 February comes before a 1 March birthday


def test_the_dfe_validators_anniversary_of_29_february_is_28_february():
    assert dates.dfe_anniversary(LEAPLING, 18) == D(2022, 2, 28)  # the validators: 18 on 28 February 2022
    assert dates.age_on(LEAPLING, D(2022, 2, 28)) == 17  # the law: still 17 that day
    assert dates.dfe_anniversary(LEAPLING, 20) == D(2024, 2, 29)
    assert dates.dfe_anniversary(D(2004, 3, 1), 18) == D(2022, 3, 1)


def test_person_age_on_is_the_shared_rule():
    assert Person(birth_date=LEAPLING).age_on(D(2022, 2, 28)) == 17
    assert Person(birth_date=None, expected_birth_date=D(2026, 1, 1)).age_on(D(2025, 1, 1)) is None
