"""Children in care indicators worked by hand: the rate, health assessments, dental checks, placement
stability.

Every figure is at the end of 31 March 2025 unless a test says otherwise; the 12 months to it run
from 1 April 2024.
"""

import datetime
from decimal import Decimal

import pytest

from care.codes import LegalStatus, PlacementType, ReasonEpisodeCeased, ReasonNewEpisode
from care.indicators import (
    children_looked_after_rate,
    dental_checks,
    health_assessments,
    long_term_stability,
    placements,
    three_or_more_placements,
)
from care.models import DentalCheck, Episode, HealthAssessment, PeriodOfCare
from council.models import PopulationCount
from performance import periods
from tests.factories.journey import child

pytestmark = pytest.mark.django_db
D = datetime.date
END_OF_Q4 = periods.as_at(D(2025, 3, 31))
FOSTER, ADOPTION = PlacementType.FOSTER_OTHER, PlacementType.ADOPTION_ORDER_OTHER
HOSPITAL = PlacementType.TEMPORARY_HOSPITAL


def in_care(
    start,
    end=None,
    person=None,
    born=datetime.date(2015, 6, 1),
    moves=(),
    legal_status=LegalStatus.FULL_CARE_ORDER,
):
    """A period of care from `start`, first with carers "A", then each of `moves`: (day, carers[, placement
    type]);
    a move to the carers the child already has is a change of placement with the same carers (RNE T)."""
    person = person or child(birth_date=born)
    period = PeriodOfCare.objects.create(person=person, start_date=start, end_date=end, category_of_need="N1")
    stays, carers_now = [(start, "A", FOSTER, ReasonNewEpisode.STARTED)], "A"
    for day, carers, *kind in moves:
        same = carers == carers_now
        reason = ReasonNewEpisode.PLACEMENT_SAME_CARERS if same else ReasonNewEpisode.PLACEMENT_AND_CARERS
        stays.append((day, carers, kind[0] if kind else FOSTER, reason))
        carers_now = carers
    for n, (day, carers, place, reason) in enumerate(stays):
        last = n + 1 == len(stays)
        ends = end if last else stays[n + 1][0]
        ceased = (
            (ReasonEpisodeCeased.HOME_PLANNED if last else ReasonEpisodeCeased.NEW_EPISODE) if ends else ""
        )
        Episode.objects.create(
            period=period,
            start_date=day,
            end_date=ends,
            reason_new=reason,
            legal_status=legal_status,
            placement_type=place,
            provider_name=carers,
            placement_postcode="LE1 1AA",
            home_postcode="LE2 2AA",
            reason_ceased=ceased,
        )
    return period


def cases(figure):
    return {case.record: case.counted for case in figure.cases}


def key(period):
    return f"care.periodofcare:{period.pk}"


def test_rate_counts_children_looked_after_at_the_end_not_short_breaks_or_those_who_left_that_day():
    for age in range(18):
        PopulationCount.objects.create(year=2024, age=age, sex="F", count=1_000)  # 18,000 children
    in_care(D(2020, 1, 1))
    in_care(D(2025, 3, 31))  # became looked after on the last day
    in_care(D(2023, 1, 1), end=D(2025, 3, 31))  # left that day: not looked after at its end
    in_care(D(2024, 1, 1), legal_status=LegalStatus.SHORT_BREAKS_EPISODES)
    in_care(D(2024, 1, 1), born=D(2007, 3, 31))  # 18 on 31 March 2025: not a child
    figure = children_looked_after_rate(END_OF_Q4)
    assert (figure.numerator, figure.denominator, figure.value) == (2, 18_000, Decimal("1.1111"))


def test_a_duplicate_merged_into_a_record_is_one_child_in_the_rate():
    PopulationCount.objects.create(year=2024, age=10, sex="F", count=10_000)
    kept = in_care(D(2022, 1, 1)).person
    duplicate = in_care(D(2023, 1, 1)).person
    duplicate.merged_into = kept
    duplicate.save()
    assert children_looked_after_rate(END_OF_Q4).numerator == 1


def test_health_assessments_of_children_looked_after_for_12_months():
    twelve_months = in_care(D(2024, 4, 1))  # looked after continuously for exactly 12 months
    a_day_short = in_care(D(2024, 4, 2))  # not in the cohort
    a_year_and_a_day = in_care(D(2024, 3, 31))
    never_assessed = in_care(D(2020, 1, 1))
    left_that_day = in_care(D(2020, 1, 1), end=D(2025, 3, 31))
    HealthAssessment.objects.create(
        period=twelve_months, assessed_on=D(2024, 4, 1), kind="initial"
    )  # first day in
    HealthAssessment.objects.create(period=a_day_short, assessed_on=D(2024, 4, 20), kind="initial")
    HealthAssessment.objects.create(
        period=a_year_and_a_day, assessed_on=D(2024, 3, 31), kind="review"
    )  # a day out
    HealthAssessment.objects.create(period=left_that_day, assessed_on=D(2025, 1, 1), kind="review")
    figure = health_assessments(END_OF_Q4)
    assert cases(figure) == {
        key(twelve_months): True,
        key(a_year_and_a_day): False,
        key(never_assessed): False,
    }
    assert (figure.numerator, figure.denominator) == (1, 3)


def test_a_health_assessment_before_the_fifth_birthday_is_due_again_in_6_months():
    # Born 15 January 2020: five on 15 January 2025.
    six_monthly = in_care(D(2022, 1, 1), born=D(2020, 1, 15))
    HealthAssessment.objects.create(period=six_monthly, assessed_on=D(2024, 9, 30), kind="review")  # aged 4
    exactly_six_months = in_care(D(2022, 1, 1), born=D(2020, 1, 15))
    HealthAssessment.objects.create(period=exactly_six_months, assessed_on=D(2024, 10, 1), kind="review")
    turned_five = in_care(D(2022, 1, 1), born=D(2020, 1, 15))
    HealthAssessment.objects.create(
        period=turned_five, assessed_on=D(2025, 1, 15), kind="review"
    )  # the birthday
    assert cases(health_assessments(END_OF_Q4)) == {
        key(six_monthly): False,
        key(exactly_six_months): True,
        key(turned_five): True,
    }


def test_a_29_february_birthday_and_check_in_the_12_months_to_28_february():
    end_of_february = periods.as_at(D(2025, 2, 28))  # the 12 months to it start on 29 February 2024
    leap_check = in_care(D(2023, 1, 1))
    DentalCheck.objects.create(period=leap_check, checked_on=D(2024, 2, 29))
    day_before = in_care(D(2023, 1, 1))
    DentalCheck.objects.create(period=day_before, checked_on=D(2024, 2, 28))
    assert cases(dental_checks(end_of_february)) == {key(leap_check): True, key(day_before): False}
    # Born 29 February 2020: five on 1 March 2025, so an assessment on 28 February 2025 is an under-5's.
    leapling = in_care(D(2022, 1, 1), born=D(2020, 2, 29))
    HealthAssessment.objects.create(period=leapling, assessed_on=D(2024, 9, 1), kind="review")
    assert cases(health_assessments(end_of_february))[key(leapling)] is True  # 6 months from 1 September 2024
    assert cases(health_assessments(periods.as_at(D(2025, 3, 1))))[key(leapling)] is False


def test_dental_checks_in_the_last_12_months_the_latest_on_or_before_the_end():
    checked = in_care(D(2023, 5, 1))
    DentalCheck.objects.create(period=checked, checked_on=D(2023, 6, 1))
    DentalCheck.objects.create(period=checked, checked_on=D(2024, 4, 1))  # the first day of the 12 months
    exactly_a_year_before = in_care(D(2023, 5, 1))
    DentalCheck.objects.create(period=exactly_a_year_before, checked_on=D(2024, 3, 31))
    after_the_end = in_care(D(2023, 5, 1))
    DentalCheck.objects.create(period=after_the_end, checked_on=D(2025, 4, 1))
    figure = dental_checks(END_OF_Q4)
    assert cases(figure) == {key(checked): True, key(exactly_a_year_before): False, key(after_the_end): False}
    assert figure.value == Decimal("33.3333")


def test_three_or_more_placements_in_the_last_12_months():
    # Placement "A" until 1 April 2024 counts: the child lived there on the 12 months' first day.
    moved_on_the_first_day = in_care(D(2023, 1, 1), moves=[(D(2024, 4, 1), "B"), (D(2024, 9, 1), "C")])
    moved_on_the_last_day = in_care(D(2024, 6, 1), moves=[(D(2024, 8, 1), "B"), (D(2025, 3, 31), "C")])
    moved_the_day_before = in_care(D(2023, 1, 1), moves=[(D(2024, 3, 31), "B"), (D(2024, 9, 1), "C")])
    # A week in hospital and back to the same carers is one placement.
    hospital = in_care(
        D(2023, 1, 1), moves=[(D(2024, 6, 1), "B"), (D(2024, 7, 1), "Ward", HOSPITAL), (D(2024, 7, 8), "B")]
    )
    not_back = in_care(
        D(2023, 1, 1), moves=[(D(2024, 6, 1), "B"), (D(2024, 7, 1), "Ward", HOSPITAL), (D(2024, 7, 8), "C")]
    )
    figure = three_or_more_placements(END_OF_Q4)
    assert cases(figure) == {
        key(moved_on_the_first_day): True,
        key(moved_on_the_last_day): True,
        key(moved_the_day_before): False,
        key(hospital): False,
        key(not_back): True,
    }
    assert (figure.numerator, figure.denominator) == (3, 5)


def test_placements_in_an_earlier_period_of_care_in_the_year_count():
    returning = child()
    in_care(D(2024, 5, 1), end=D(2024, 7, 1), person=returning, moves=[(D(2024, 6, 1), "B")])
    again = in_care(D(2024, 10, 1), person=returning)
    assert cases(three_or_more_placements(END_OF_Q4)) == {key(again): True}


def test_placements_of_one_period():
    start = D(2023, 1, 1)
    rows = [
        (start, "S", FOSTER, "A", "LE1"),
        (D(2023, 2, 1), "L", FOSTER, "A", "LE1"),  # legal status only
        (D(2023, 3, 1), "P", HOSPITAL, "Ward", "LE2"),
        (D(2023, 3, 5), "P", FOSTER, "A", "LE1"),
        (D(2023, 4, 1), "P", FOSTER, "B", "LE3"),
    ]
    assert placements(rows) == [(start, FOSTER, False), (D(2023, 4, 1), FOSTER, False)]
    # Foster carers A become long-term carers (RNE T, same carers): a placement, but the same carers.
    same = rows + [(D(2023, 6, 1), "T", PlacementType.FOSTER_LONG_TERM, "B", "LE3")]
    assert placements(same)[-1] == (D(2023, 6, 1), PlacementType.FOSTER_LONG_TERM, True)


def test_long_term_stability_under_16s_looked_after_for_two_and_a_half_years():
    # Looked after from 30 September 2022: 2½ years on 30 March 2025.
    stable = in_care(D(2022, 9, 30), moves=[(D(2023, 3, 31), "B")])  # two years in B on the last day
    moved = in_care(D(2022, 9, 30), moves=[(D(2023, 4, 1), "B")])  # a day short
    in_care(D(2022, 10, 1))  # 2½ years on 1 April 2025: not yet
    in_care(D(2020, 1, 1), born=D(2009, 3, 31))  # 16 on 31 March 2025
    adoption = in_care(D(2022, 1, 1), moves=[(D(2023, 1, 1), "B"), (D(2025, 1, 10), "Adopters", ADOPTION)])
    figure = long_term_stability(END_OF_Q4)
    assert cases(figure) == {key(stable): True, key(moved): False, key(adoption): True}
    assert figure.value == Decimal("66.6667")


def test_long_term_stability_counts_living_with_the_same_carers():
    # Looked after from 1 Jan 2022 with carers A (U6); on 1 Oct 2024 A become the child's long-term foster
    # carers (U4, RNE T): a new placement for the 903, but the child has lived with A since 1 Jan 2022, over 2
    # years by 31 Mar 2025. Another child's foster carers A become their adopters (A5, RNE T) on 1 Feb 2025.
    # A third moved to new carers B on 1 Oct 2024: not stable.
    long_term = in_care(D(2022, 1, 1), moves=[(D(2024, 10, 1), "A", PlacementType.FOSTER_LONG_TERM)])
    adopters = in_care(D(2022, 1, 1), moves=[(D(2025, 2, 1), "A", PlacementType.ADOPTION_ORDER_FOSTER_CARER)])
    moved = in_care(D(2022, 1, 1), moves=[(D(2024, 10, 1), "B", PlacementType.FOSTER_LONG_TERM)])
    figure = long_term_stability(END_OF_Q4)
    assert cases(figure) == {key(long_term): True, key(adopters): True, key(moved): False}
    # The change of placement type still counts as a placement in the short-term measure (the 903's
    # placements).
    assert cases(three_or_more_placements(END_OF_Q4))[key(long_term)] is False


def test_the_oc2_cohort_and_the_health_and_dental_indicators_agree_on_31_march():
    # One definition of "looked after continuously for 12 months at 31 March 2025": from 1 April 2024 or
    # earlier, still looked after at the end of 31 March. A child who left care on 31 March is in neither.
    left_on_31_march = in_care(D(2023, 5, 1), end=D(2025, 3, 31))
    left_on_1_april = in_care(D(2023, 5, 1), end=D(2025, 4, 1))
    from_1_april = in_care(D(2024, 4, 1))
    from_2_april = in_care(D(2024, 4, 2))
    periods_ = [left_on_31_march, left_on_1_april, from_1_april, from_2_april]
    from care import timing

    in_rule = {
        key(p)
        for p in periods_
        if timing.in_oc2_cohort(
            p.start_date,
            p.end_date,
            list(p.episodes.values_list("start_date", "end_date", "legal_status")),
            D(2025, 3, 31),
        )
    }
    assert in_rule == {key(left_on_1_april), key(from_1_april)}
    assert set(cases(health_assessments(END_OF_Q4))) == in_rule == set(cases(dental_checks(END_OF_Q4)))
