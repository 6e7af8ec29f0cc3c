"""Child protection indicators worked by hand: second plans, plans of 2 years, reviews on time, the rate."""

import datetime
from decimal import Decimal

import pytest

from council.models import PopulationCount
from performance import periods
from protection.codes import AbuseCategory, ConferenceKind, ConferenceOutcome
from protection.indicators import (
    child_protection_rate,
    plans_lasting_two_years,
    reviews_on_time,
    second_or_subsequent_plans,
)
from protection.models import ChildProtectionConference, ChildProtectionPlan
from tests.factories.journey import child, referral

pytestmark = pytest.mark.django_db
D = datetime.date
Q4_2024_25 = periods.parse("Q4 2024/25")
END_OF_Q4 = periods.as_at(D(2025, 3, 31))


def plan(start, end=None, person=None, reviews=()):
    person = person or child()
    cp_plan = ChildProtectionPlan.objects.create(
        referral=referral(person, start - datetime.timedelta(days=20)),
        person=person,
        start_date=start,
        end_date=end,
        initial_category=AbuseCategory.NEGLECT,
        latest_category=AbuseCategory.NEGLECT,
    )
    for held in reviews:
        ChildProtectionConference.objects.create(
            referral=cp_plan.referral,
            person=person,
            plan=cp_plan,
            kind=ConferenceKind.REVIEW,
            date=held,
            outcome=ConferenceOutcome.CONTINUE,
        )
    return cp_plan


def cases(figure):
    return {case.record: case.counted for case in figure.cases}


def key(cp_plan):
    return f"protection.childprotectionplan:{cp_plan.pk}"


def test_second_or_subsequent_plans_year_to_date_and_in_the_quarter():
    returning = child()
    earlier = plan(D(2022, 5, 4), end=D(2023, 1, 10), person=returning)
    again = plan(D(2025, 3, 31), person=returning)  # the period's last day: counted
    first_time = plan(D(2024, 4, 1))  # the financial year's first day
    plan(D(2024, 3, 31))  # the year before: not in 2024/25
    second_in_year = plan(D(2024, 10, 1), end=D(2024, 12, 1))
    third = plan(D(2025, 2, 1), person=second_in_year.person)
    year_to_date = second_or_subsequent_plans(periods.year_to_date(Q4_2024_25))
    assert cases(year_to_date) == {
        key(again): True,
        key(first_time): False,
        key(second_in_year): False,
        key(third): True,
    }
    assert (year_to_date.numerator, year_to_date.denominator, year_to_date.value) == (
        2,
        4,
        Decimal("50.0000"),
    )
    assert cases(second_or_subsequent_plans(Q4_2024_25)) == {key(again): True, key(third): True}
    assert key(earlier) not in cases(year_to_date)


def test_plans_open_at_the_end_of_the_quarter_that_had_lasted_two_years():
    two_years = plan(D(2023, 3, 31))  # 31 March 2025 is two years on
    a_day_short = plan(D(2023, 4, 1))
    plan(D(2022, 1, 1), end=D(2025, 3, 31))  # ended that day: not open at its end
    started_that_day = plan(D(2025, 3, 31))
    figure = plans_lasting_two_years(END_OF_Q4)
    assert cases(figure) == {key(two_years): True, key(a_day_short): False, key(started_that_day): False}
    assert figure.value == Decimal("33.3333")


def test_a_plan_started_on_29_february_has_lasted_two_years_on_28_february():
    leap = plan(D(2024, 2, 29))
    assert cases(plans_lasting_two_years(periods.as_at(D(2026, 2, 27)))) == {key(leap): False}
    assert cases(plans_lasting_two_years(periods.as_at(D(2026, 2, 28)))) == {key(leap): True}


def test_reviews_on_time_worked_by_hand():
    # At the end of 31 March 2025; the 12 months looked at run from 1 April 2024.
    exactly_three_months = plan(D(2024, 12, 1), reviews=[D(2025, 3, 1)])  # due 1 March: on time
    a_day_late = plan(D(2024, 12, 1), reviews=[D(2025, 3, 2)])
    # First review due 30 November 2023 + 3 months = 29 February 2024; then 29 August 2024; then
    # 29 February 2025 does not exist, so 28 February 2025.
    leap_year = plan(D(2023, 11, 30), reviews=[D(2024, 2, 29), D(2024, 8, 29), D(2025, 2, 28)])
    plan(D(2025, 1, 1))  # on the plan under 3 months at the end (first review due 1 April): left out
    due_on_the_last_day = plan(D(2024, 12, 31))  # first review due 31 March 2025, not yet overdue
    # The review due 5 March 2025 (6 months after 5 September 2024) is overdue at the end.
    overdue = plan(D(2023, 6, 1), reviews=[D(2023, 9, 1), D(2024, 3, 1), D(2024, 9, 5)])
    # The DfE counts the plan's reviews: one held late 14 months before the end makes the plan late. Plan from
    # 15 Oct 2023, first review due 15 Jan 2024, held 31 Jan 2024 (late); then 31 Jul 2024 and 31 Jan 2025, on
    # time.
    late_long_ago = plan(D(2023, 10, 15), reviews=[D(2024, 1, 31), D(2024, 7, 31), D(2025, 1, 31)])
    plan(D(2024, 1, 1), end=D(2025, 3, 31))  # ended on the day: not on a plan at the end
    figure = reviews_on_time(END_OF_Q4)
    assert cases(figure) == {
        key(exactly_three_months): True,
        key(a_day_late): False,
        key(leap_year): True,
        key(due_on_the_last_day): True,
        key(overdue): False,
        key(late_long_ago): False,
    }
    assert (figure.numerator, figure.denominator, figure.value) == (3, 6, Decimal("50.0000"))


def test_children_on_a_plan_per_10000():
    for age in range(18):
        PopulationCount.objects.create(year=2024, age=age, sex="M", count=500)  # 9,000 children
    plan(D(2024, 6, 1))
    plan(D(2025, 3, 31))
    plan(D(2024, 6, 1), end=D(2025, 3, 31))
    plan(D(2025, 2, 1), person=child(birth_date=None, expected_birth_date=D(2025, 5, 1)))
    plan(D(2025, 2, 1), person=child(birth_date=D(2007, 3, 30)))  # 18 by then
    figure = child_protection_rate(END_OF_Q4)
    assert (figure.numerator, figure.denominator, figure.value) == (3, 9000, Decimal("3.3333"))
