"""Care timescales worked by hand: reviews, visits, health, dental, PEPs, age assessments, and the 903
rules."""

import datetime
from decimal import Decimal

import pytest

from care import timing
from care.codes import LegalStatus, PlacementType, ReasonNewEpisode, ReviewParticipation
from care.models import Adoption, AgeAssessment, Review, UnaccompaniedChild
from tests.factories.care import child_in_care

pytestmark = pytest.mark.django_db
D = datetime.date


def review(period, held_on, participation=ReviewParticipation.SPOKE):
    return Review.objects.create(period=period, held_on=held_on, participation=participation)


# Reviews: first within 20 working days, second within 3 months, then at most 6 months apart.


def test_first_review_over_christmas_counts_working_days_past_three_bank_holidays():
    # Looked after Monday 15 December 2025. Working days: 16-19 Dec (4), 22-24 (7); 25 and 26 Dec are
    # bank holidays; 29-31 (10); 1 Jan 2026 is a bank holiday; 2 Jan (11); 5-9 Jan (16); 12-15 Jan (20):
    # the first review is due Thursday 15 January 2026.
    assert child_in_care(start=D(2025, 12, 15)).next_review_due == D(2026, 1, 15)


def test_first_review_over_easter():
    # Looked after Wednesday 1 April 2026: 2 Apr (1); Good Friday 3 and Easter Monday 6 April;
    # 7-10 Apr (5), 13-17 (10), 20-24 (15), 27-30 (19), Friday 1 May (20). (The May bank holiday is 4 May.)
    assert timing.review_due(D(2026, 4, 1), []) == D(2026, 5, 1)


def test_second_review_three_months_after_the_first_lands_on_29_february():
    # First review 30 November 2023; 3 months on is "30 February", so the last day of February 2024: the 29th.
    # Then 6 months from 29 February 2024 is 29 August 2024.
    period = child_in_care(start=D(2023, 11, 1))
    review(period, D(2023, 11, 30))
    period.refresh_from_db()
    assert period.next_review_due == D(2024, 2, 29)
    review(period, D(2024, 2, 29))
    period.refresh_from_db()
    assert period.next_review_due == D(2024, 8, 29)


def test_a_review_on_its_last_day_is_on_time_and_the_next_day_is_late():
    # Looked after Monday 15 December 2025: first review due Thursday 15 January 2026 (worked above).
    on_time = review(child_in_care(start=D(2025, 12, 15)), D(2026, 1, 15))
    late = review(child_in_care(start=D(2025, 12, 15)), D(2026, 1, 16))
    on_time.refresh_from_db(), late.refresh_from_db()
    assert on_time.due_on == late.due_on == D(2026, 1, 15)
    assert on_time.on_time and not late.on_time


def test_a_late_review_moves_the_next_due_date_from_when_it_was_held():
    # Second review due 3 months after the first was actually held (16 January 2026): 16 April 2026.
    period = child_in_care(start=D(2025, 12, 15))
    review(period, D(2026, 1, 16))
    period.refresh_from_db()
    assert period.next_review_due == D(2026, 4, 16)


def test_a_review_recorded_out_of_order_recomputes_the_due_dates_after_it():
    # Reviews held 15 Jan 2026 (first, due 15 Jan) and 14 Apr 2026 (second, due 3 months on: 15 Apr).
    # Recording a missed earlier review on 10 Jan makes 15 Jan the second (due 3 months after 10 Jan:
    # 10 Apr) and 14 Apr the third (due 6 months after 15 Jan: 15 Jul); the next is due 14 October.
    period = child_in_care(start=D(2025, 12, 15))
    second = review(period, D(2026, 1, 15))
    third = review(period, D(2026, 4, 14))
    third.refresh_from_db()
    assert third.due_on == D(2026, 4, 15)
    review(period, D(2026, 1, 10))
    second.refresh_from_db(), third.refresh_from_db(), period.refresh_from_db()
    assert (second.due_on, third.due_on) == (D(2026, 4, 10), D(2026, 7, 15))
    assert period.next_review_due == D(2026, 10, 14)


def test_the_review_participation_code_follows_the_childs_age():
    # Born 1 June 2022: under 4 until 1 June 2026. A review on 31 May 2026 is PN0; on 1 June 2026 it cannot
    # be.
    period = child_in_care(start=D(2025, 12, 15), birth_date=D(2022, 6, 1))
    Review(period=period, held_on=D(2026, 5, 31), participation=ReviewParticipation.UNDER_4).full_clean()
    with pytest.raises(Exception, match="4 or over"):
        Review(period=period, held_on=D(2026, 6, 1), participation=ReviewParticipation.UNDER_4).full_clean()
    with pytest.raises(Exception, match="under 4 at the review"):
        Review(period=period, held_on=D(2026, 5, 31), participation=ReviewParticipation.SPOKE).full_clean()


# Visits: worked through by hand in test_visits.py (reg 28 and the Adoption Agencies Regulations).


# Health, dental, PEP.


def test_initial_health_assessment_20_working_days_then_six_monthly_under_five_and_yearly_from_five():
    # Looked after 15 December 2025: initial assessment due 15 January 2026 (same count as the first review).
    assert timing.health_assessment_due(D(2025, 12, 15), D(2022, 6, 10), None) == (
        D(2026, 1, 15),
        "CLA_HEALTH_INITIAL",
    )
    # Born 10 June 2022; assessed 1 September 2026, before the fifth birthday (10 June 2027): 6 months, 1
    # March 2027.
    assert timing.health_assessment_due(D(2025, 12, 15), D(2022, 6, 10), D(2026, 9, 1)) == (
        D(2027, 3, 1),
        "CLA_HEALTH_REVIEW_UNDER_5",
    )
    # Assessed on the fifth birthday itself: yearly, 10 June 2028.
    assert timing.health_assessment_due(D(2025, 12, 15), D(2022, 6, 10), D(2027, 6, 10)) == (
        D(2028, 6, 10),
        "CLA_HEALTH_REVIEW",
    )


def test_dental_check_twelve_months_on_from_29_february_is_28_february():
    assert timing.dental_check_due(D(2023, 5, 1), D(2024, 2, 29)) == D(2025, 2, 28)
    # No check since coming into care on 1 May 2023: due within 12 months, 1 May 2024.
    assert timing.dental_check_due(D(2023, 5, 1), None) == D(2024, 5, 1)


def test_pep_from_the_third_birthday_for_a_toddler():
    # Born 1 January 2024, looked after 2 January 2026. The PEP is due 20 working days after the third
    # birthday, Friday 1 January 2027 (a bank holiday): 4-8 Jan (5), 11-15 (10), 18-22 (15), 25-29 (20):
    # Friday 29 January 2027. Then termly: 4 months after a PEP on 29 January 2027 is 29 May 2027.
    assert timing.pep_due(D(2026, 1, 2), D(2024, 1, 1), None) == (D(2027, 1, 29), "PEP_INITIAL")
    assert timing.pep_due(D(2026, 1, 2), D(2024, 1, 1), D(2027, 1, 29)) == (D(2027, 5, 29), "PEP_REVIEW")


# Unaccompanied children.


def test_age_assessment_due_28_days_after_referral_and_on_time_on_its_last_day():
    # Referred 1 February 2024 (a leap year): 28 days later is 29 February 2024.
    uasc = UnaccompaniedChild.objects.create(
        person=child_in_care().person, arrived_on=D(2024, 1, 30), arrival_route="spontaneous"
    )
    on_time = AgeAssessment.objects.create(
        uasc=uasc, referred_on=D(2024, 2, 1), completed_on=D(2024, 2, 29), outcome="accepted"
    )
    late = AgeAssessment.objects.create(
        uasc=uasc, referred_on=D(2024, 2, 1), completed_on=D(2024, 3, 1), outcome="adult"
    )
    assert on_time.due_on == D(2024, 2, 29) and on_time.on_time
    assert not late.on_time


def test_designated_date_of_birth_is_1_january():
    assert timing.designated_birth_date(2009) == D(2009, 1, 1)


# The 903's own rules.


@pytest.mark.parametrize(
    "legal, placement, carers, code",
    [
        (False, False, False, ReasonNewEpisode.LEGAL_STATUS),
        (True, False, False, ReasonNewEpisode.LEGAL_STATUS),
        (False, True, True, ReasonNewEpisode.PLACEMENT_AND_CARERS),
        (False, True, False, ReasonNewEpisode.PLACEMENT_SAME_CARERS),
        (True, True, True, ReasonNewEpisode.LEGAL_PLACEMENT_AND_CARERS),
        (True, True, False, ReasonNewEpisode.LEGAL_AND_PLACEMENT_SAME_CARERS),
    ],
)
def test_reason_for_new_episode(legal, placement, carers, code):
    assert timing.reason_new_episode(legal, placement, carers) == code


def test_oc2_cohort_in_care_from_1_april_to_31_march_without_short_breaks():
    year_end, c2 = D(2026, 3, 31), [(D(2025, 4, 1), None, LegalStatus.FULL_CARE_ORDER)]
    assert timing.in_oc2_cohort(D(2025, 4, 1), None, c2, year_end)
    assert not timing.in_oc2_cohort(D(2025, 4, 2), None, c2, year_end)  # in care a day under 12 months
    assert not timing.in_oc2_cohort(D(2025, 4, 1), D(2026, 3, 31), c2, year_end)  # left care on 31 March
    assert timing.in_oc2_cohort(D(2025, 4, 1), D(2026, 4, 1), c2, year_end)  # left the next day
    assert not timing.in_oc2_cohort(D(2025, 4, 1), D(2026, 3, 30), c2, year_end)
    breaks = c2 + [(D(2025, 8, 1), D(2025, 8, 3), LegalStatus.SHORT_BREAKS_EPISODES)]
    assert not timing.in_oc2_cohort(D(2025, 4, 1), None, breaks, year_end)


def test_adoption_scorecard_timings():
    # Entered care 1 March 2023. Placement order 1 September 2023: 31+30+31+30+31+31 = 184 days (A20).
    # Matched 1 December 2023: 30+31+30 = 91 days after the order (A2). Moved in 29 February 2024:
    # 1 March 2023 to 1 March 2024 is 366 days (it spans 29 February 2024), so 365 days (A10).
    period = child_in_care(start=D(2023, 3, 1), legal_status=LegalStatus.FULL_CARE_ORDER)
    adoption = Adoption.objects.create(
        period=period,
        best_interest_decision_on=D(2023, 6, 1),
        placement_order_on=D(2023, 9, 1),
        matched_on=D(2023, 12, 1),
        placed_on=D(2024, 2, 29),
    )
    measures = adoption.measures()
    assert (
        measures.entering_care_to_authority_to_place,
        measures.authority_to_place_to_match,
        measures.entering_care_to_moving_in,
    ) == (184, 91, 365)


@pytest.mark.parametrize(
    "status, sex, valid",
    [
        ("L0", "F1", True),
        ("L0", "MF", False),
        ("L2", "MF", True),
        ("L2", "FF", True),
        ("L3", "MF", True),
        ("L4", "MM", True),
        ("L4", "MF", False),
        ("L12", "FF", True),
        ("L11", "MF", True),
        ("L11", "FF", False),
    ],
)
def test_adopters_legal_status_and_sexes_agree(status, sex, valid):
    adoption = Adoption(
        period=child_in_care(),
        best_interest_decision_on=D(2026, 1, 5),
        adopter_legal_status=status,
        adopter_sex=sex,
    )
    if valid:
        adoption.full_clean()
        assert adoption.number_of_adopters == (1 if sex in ("M1", "F1") else 2)
    else:
        with pytest.raises(Exception, match="does not fit"):
            adoption.full_clean()


def test_temporary_placements_have_no_provider_and_parents_only_provide_p1():
    from care.models import Episode

    period = child_in_care()
    temporary = Episode(
        period=period,
        start_date=D(2026, 1, 5),
        reason_new="P",
        legal_status="C1",
        placement_type=PlacementType.TEMPORARY_HOLIDAY,
        provider="PR1",
        placement_postcode="LE4 6AB",
        home_postcode="LE1 1AA",
    )
    with pytest.raises(Exception, match="Leave the placement provider blank"):
        temporary.full_clean()
    with_parents = Episode(
        period=period,
        start_date=D(2026, 1, 5),
        reason_new="P",
        legal_status="C1",
        placement_type=PlacementType.WITH_PARENTS,
        provider="PR1",
        placement_postcode="LE1 1AA",
        home_postcode="LE1 1AA",
    )
    with pytest.raises(Exception, match="cannot provide"):
        with_parents.full_clean()
    with_parents.provider = "PR0"
    with_parents.full_clean()  # the home postcode may be the placement postcode only for P1


def test_nts_threshold_is_a_tenth_of_a_percent_of_the_child_population():
    # 2,500 children aged 0-17 in mid-2025 (the 18-year-olds are not counted): threshold 2.5 children.
    # Two UASC in care on 1 March 2026: half a child of headroom; a third arriving puts the council over.
    from care.nts import nts_position
    from council.models import PopulationCount

    PopulationCount.objects.bulk_create(
        [
            PopulationCount(year=2025, age=10, sex="F", count=1500),
            PopulationCount(year=2025, age=17, sex="M", count=1000),
            PopulationCount(year=2025, age=18, sex="M", count=900),
            PopulationCount(year=2024, age=10, sex="F", count=99999),
        ]
    )
    for _ in range(2):
        UnaccompaniedChild.objects.create(
            person=child_in_care(start=D(2026, 1, 5)).person, arrived_on=D(2026, 1, 4), arrival_route="nts"
        )
    position = nts_position(D(2026, 3, 1))
    assert (position.population_year, position.child_population, position.uasc_looked_after) == (
        2025,
        2500,
        2,
    )
    assert position.headroom == Decimal("0.5") and not position.at_or_over_threshold
    UnaccompaniedChild.objects.create(
        person=child_in_care(start=D(2026, 2, 2)).person,
        arrived_on=D(2026, 2, 1),
        arrival_route="spontaneous",
    )
    assert nts_position(D(2026, 3, 1)).at_or_over_threshold
