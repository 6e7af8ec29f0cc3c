"""Assessments in 45 working days and the children-in-need rate, worked by hand."""

import datetime
from decimal import Decimal

import pytest

from council.models import PopulationCount
from familyhelp.indicators import (
    assessments_within_45_working_days,
    assessments_within_45_working_days_of_referral,
    children_in_need_rate,
)
from familyhelp.models import Assessment
from frontdoor.models import Referral
from people.models import Person
from performance import computed, periods
from tests.factories.journey import child, referral

pytestmark = pytest.mark.django_db
D = datetime.date
Q4_2024_25 = periods.parse("Q4 2024/25")
AS_AT_END_OF_Q4 = periods.as_at(D(2025, 3, 31))


def assessment(referred, completed, person=None):
    person = person or child()
    return Assessment.objects.create(
        referral=referral(person, referred), person=person, start_date=referred, authorisation_date=completed
    )


def counted(figure):
    return sorted((case.date, case.counted) for case in figure.cases)


def test_the_45th_working_day_is_on_time_and_the_46th_is_late():
    # Referral Monday 6 January 2025. Working days after it: 7-10 January (4), then four full weeks
    # to 31 January (19), February's four weeks (39), 3-7 March (44), Monday 10 March (45).
    assessment(D(2025, 1, 6), D(2025, 3, 10))
    assessment(D(2025, 1, 6), D(2025, 3, 11))
    figure = assessments_within_45_working_days(Q4_2024_25)
    assert counted(figure) == [(D(2025, 3, 10), True), (D(2025, 3, 11), False)]
    assert (figure.numerator, figure.denominator, figure.value) == (1, 2, Decimal("50.0000"))


def test_the_45_days_run_from_the_assessment_start_date_held_now():
    late = assessment(D(2025, 1, 6), D(2025, 3, 11))
    Assessment.objects.filter(pk=late.pk).update(start_date=D(2025, 1, 7))  # corrected afterwards
    assert counted(assessments_within_45_working_days(Q4_2024_25)) == [(D(2025, 3, 11), True)]


def test_the_dfe_reading_from_the_assessment_start_beside_working_together_from_the_referral():
    # Referred Mon 6 Jan 2025; the assessment started Wed 8 Jan and was authorised Wed 12 Mar. From the start:
    # 9-10 Jan (2), 13 Jan - 7 Mar (42), 10-12 Mar (45): on time by the DfE's reading. From the referral
    # 12 Mar is the 47th working day (10 Mar is the 45th): late by Working Together's.
    person = child()
    Assessment.objects.create(
        referral=referral(person, D(2025, 1, 6)),
        person=person,
        start_date=D(2025, 1, 8),
        authorisation_date=D(2025, 3, 12),
    )
    assert counted(assessments_within_45_working_days(Q4_2024_25)) == [(D(2025, 3, 12), True)]
    assert counted(assessments_within_45_working_days_of_referral(Q4_2024_25)) == [(D(2025, 3, 12), False)]


def test_year_to_date_counts_assessments_completed_since_1_april():
    assessment(D(2024, 2, 1), D(2024, 3, 31))  # the year before
    assessment(D(2023, 12, 1), D(2024, 4, 1))  # the year's first day; late (about 80 working days)
    assessment(D(2024, 12, 2), D(2025, 1, 6))
    assessment(D(2025, 3, 3), D(2025, 3, 31))  # the quarter's last day
    year_to_date = assessments_within_45_working_days(periods.year_to_date(Q4_2024_25))
    assert counted(year_to_date) == [(D(2024, 4, 1), False), (D(2025, 1, 6), True), (D(2025, 3, 31), True)]
    filed = computed.compute("CSC_ASSESSMENTS_45_DAYS", Q4_2024_25)
    assert (filed.period_start, filed.period_end) == (D(2024, 4, 1), D(2025, 3, 31))
    assert (filed.numerator, filed.denominator) == (2, 3)
    assert (filed.in_period_numerator, filed.in_period_denominator) == (2, 2)  # within Q4 alone
    assert len(filed.case_list.as_cases()) == 3


def population(year, per_age, ages=range(19)):
    for age in ages:
        PopulationCount.objects.create(year=year, age=age, sex="F", count=per_age)


def open_referral(person, referred, closed=None):
    return Referral.objects.create(person=person, referral_date=referred, closure_date=closed, source="01")


def test_children_in_need_per_10000_at_the_end_of_the_quarter():
    # Mid-2024 estimate: 18 ages (0-17) of 1,000 = 18,000 children; the 18-year-olds are not children.
    # Mid-2025 (30 June 2025) is after 31 March 2025, so it is not used.
    population(2024, 1000)
    population(2025, 5000)
    open_referral(child(), D(2024, 5, 1))
    open_referral(child(), D(2025, 3, 31))  # referred on the last day: open at its end
    open_referral(child(), D(2025, 1, 2), closed=D(2025, 4, 1))
    open_referral(child(), D(2025, 1, 2), closed=D(2025, 3, 31))  # closed that day: not open at its end
    open_referral(child(birth_date=D(2007, 3, 31)), D(2025, 1, 2))  # 18 on 31 March 2025
    open_referral(child(birth_date=None, expected_birth_date=D(2025, 6, 1)), D(2025, 2, 1))  # unborn
    kept, duplicate = child(), child()
    open_referral(kept, D(2025, 1, 5))
    open_referral(duplicate, D(2024, 12, 5))
    Person.objects.filter(pk=duplicate.pk).update(merged_into=kept)
    figure = children_in_need_rate(AS_AT_END_OF_Q4)
    # 5 children: 5 x 10,000 / 18,000 = 2.7778 per 10,000
    assert (figure.numerator, figure.denominator, figure.value) == (5, 18000, Decimal("2.7778"))
    assert [case.date for case in figure.cases if case.person_id == kept.pk] == [D(2024, 12, 5)]


def test_no_rate_without_a_population_estimate():
    open_referral(child(), D(2024, 5, 1))
    assert children_in_need_rate(AS_AT_END_OF_Q4) is None
