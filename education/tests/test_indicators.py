"""The dashboard's education figures from the records, worked by hand."""

import datetime
from decimal import Decimal

import pytest

from education import indicators
from education.models import (
    ActivityRecord,
    CmeReferral,
    EhcPlan,
    EhcRequest,
    Exclusion,
    RegisterEntry,
    SchoolRoll,
)
from education.tests.builders import school
from performance import periods
from performance.periods import Period, YearKind
from tests.factories import make_person

pytestmark = pytest.mark.django_db
D = datetime.date


def entry(opened, closed=None, basis="home_educated"):
    return RegisterEntry.objects.create(
        person=make_person(), basis=basis, opened_on=opened, closed_on=closed, home_address="x", parents="y"
    )


def test_home_educated_at_the_end_of_the_quarter():
    entry(D(2025, 1, 10))
    entry(D(2024, 9, 1), closed=D(2025, 3, 31))  # left on the last day: not open at its end
    entry(D(2024, 9, 1), closed=D(2025, 4, 1))
    entry(D(2025, 4, 1))  # after
    entry(D(2025, 1, 1), basis="not_in_school")  # missing education, not home educated
    figure = indicators.home_educated(periods.as_at(D(2025, 3, 31)))
    assert figure.value == 2 and len(figure.cases) == 2


def test_cme_referrals_in_the_summer_term():
    person = make_person()
    for day in (D(2025, 3, 31), D(2025, 4, 1), D(2025, 8, 31), D(2025, 9, 1)):
        CmeReferral.objects.create(person=person, received_on=day, reason="from_la")
    assert indicators.cme_referrals(periods.term("Summer", 2025)).value == 2


def test_neet_counts_the_latest_activity_of_16_and_17_year_olds_not_known_included():
    march = Period("Mar 2025", D(2025, 3, 1), D(2025, 3, 31), "month")
    # Academic age 16 or 17 in 2024/25: 16 or 17 on 31 August 2024, born 1 Sep 2006 to 31 Aug 2008.
    rows = [
        (D(2007, 9, 1), "neet"),
        (D(2008, 8, 31), "education"),
        (D(2006, 9, 1), "not_known"),
        (D(2006, 8, 31), "neet"),
    ]  # the last is academic age 18: not counted
    for born, activity in rows:
        person = make_person(birth_date=born)
        ActivityRecord.objects.create(person=person, recorded_on=D(2024, 9, 1), activity="education")
        ActivityRecord.objects.create(person=person, recorded_on=D(2025, 2, 1), activity=activity)
    figure = indicators.neet(march)
    assert (figure.numerator, figure.denominator) == (1, 3) and figure.value == Decimal("33.3333")


def test_exclusion_rates_per_100_pupils_on_roll_at_the_spring_census():
    year = periods.year(2023, YearKind.ACADEMIC)
    SchoolRoll.objects.create(census_date=D(2023, 10, 5), phase="primary", pupils=999)
    SchoolRoll.objects.create(census_date=D(2024, 1, 18), phase="primary", pupils=1500)
    SchoolRoll.objects.create(census_date=D(2024, 1, 18), phase="secondary", pupils=500)
    a_school = school()
    for day, kind in (
        (D(2023, 9, 5), "suspension"),
        (D(2024, 7, 1), "suspension"),
        (D(2024, 9, 2), "suspension"),
        (D(2024, 2, 1), "permanent"),
    ):
        Exclusion.objects.create(
            person=make_person(), school=a_school, kind=kind, start_date=day, reason="PD"
        )
    assert indicators.suspension_rate(year).value == Decimal("0.1000")  # 2 of 2,000
    assert indicators.permanent_exclusion_rate(year).value == Decimal("0.0500")


def test_new_plans_within_20_weeks_leave_out_exceptions():
    year = Period("2024/25", D(2024, 4, 1), D(2025, 3, 31), "year")
    for received, issued, exception in (
        (D(2024, 6, 3), D(2024, 10, 21), ""),  # exactly 20 weeks: on time
        (D(2024, 6, 3), D(2024, 10, 22), ""),  # a day late
        (D(2024, 6, 3), D(2024, 12, 2), "School closed 4 weeks (reg 13(3))"),
    ):
        person = make_person()
        request = EhcRequest.objects.create(
            person=person, received_on=received, requested_by="parent", exception=exception
        )
        EhcPlan.objects.create(person=person, request=request, issued_on=issued, primary_need="SEMH")
    figure = indicators.plans_within_20_weeks(year)
    assert (figure.numerator, figure.denominator) == (1, 2)


def test_computing_a_quarter_files_the_terms_and_academic_years_it_completes():
    from performance.computed import compute_all
    from performance.models import IndicatorValue

    SchoolRoll.objects.create(census_date=D(2024, 1, 18), phase="primary", pupils=1000)
    CmeReferral.objects.create(person=make_person(), received_on=D(2024, 5, 1), reason="abroad")
    entry(D(2024, 1, 1))
    compute_all(periods.parse("Q2 2024/25"))  # July to September 2024: the summer term and 2023/24 end in it
    labels = dict(IndicatorValue.objects.values_list("indicator_code", "period_label"))
    assert labels["EDU_CME_REFERRALS"] == "Summer 2024" and labels["EXCL_PERMANENT_RATE"] == "2023/24"
    assert labels["EHE"] == "Q2 2024/25"
