"""What is due for a child in care, from the due-work registry."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from care import services
from care.codes import ReasonPlaceChange
from care.models import (
    AgeAssessment,
    CarePlanning,
    DentalCheck,
    HealthAssessment,
    NationalTransfer,
    TemporaryApproval,
    UnaccompaniedChild,
    Visit,
)
from tests.factories import make_user
from tests.factories.care import CHILDRENS_HOME, FOSTER_PLACEMENT, child_in_care
from timescales.due import due_items

pytestmark = pytest.mark.django_db
D = datetime.date


def by_code(period, on):
    return {item.timescale: item for item in due_items([period.person_id], on)}


def test_a_child_coming_into_care_has_review_visit_health_dental_and_pep_due():
    # Looked after Monday 15 December 2025, aged 10: review, health assessment and PEP all 20 working days
    # on (15 January 2026); first visit within a week (22 December); dental check within 12 months.
    items = by_code(child_in_care(start=D(2025, 12, 15)), D(2025, 12, 16))
    assert (
        items["CLA_REVIEW_FIRST"].due
        == items["CLA_HEALTH_INITIAL"].due
        == items["PEP_INITIAL"].due
        == D(2026, 1, 15)
    )
    assert items["CLA_VISIT_FIRST"].due == D(2025, 12, 22)
    assert items["CLA_DENTAL"].due == D(2026, 12, 15)


def test_a_move_restarts_the_first_visit_week():
    period = child_in_care(start=D(2025, 12, 15))
    Visit.objects.create(period=period, visited_on=D(2025, 12, 19), visited_by=make_user())
    assert by_code(period, D(2026, 1, 2))["CLA_VISIT"].due == D(2026, 1, 30)  # 19 Dec + 6 weeks
    services.change_placement(
        period,
        start_date=D(2026, 1, 12),
        placement=CHILDRENS_HOME,
        reason_place_change=ReasonPlaceChange.CARE_PLAN,
    )
    assert by_code(period, D(2026, 1, 12))["CLA_VISIT_FIRST"].due == D(2026, 1, 19)


def test_health_and_dental_count_from_the_last_check():
    period = child_in_care(start=D(2025, 12, 15))
    HealthAssessment.objects.create(period=period, assessed_on=D(2026, 1, 8), kind="initial")
    DentalCheck.objects.create(period=period, checked_on=D(2026, 2, 2))
    items = by_code(period, D(2026, 2, 3))
    assert items["CLA_HEALTH_REVIEW"].due == D(2027, 1, 8)
    assert items["CLA_DENTAL"].due == D(2027, 2, 2)


def test_nothing_due_once_care_has_ended_and_an_open_age_assessment_is():
    period = child_in_care(start=D(2025, 12, 15))
    uasc = UnaccompaniedChild.objects.create(
        person=period.person, arrived_on=D(2025, 12, 14), arrival_route="nts"
    )
    AgeAssessment.objects.create(uasc=uasc, referred_on=D(2025, 12, 15))
    services.end_care(period, end_date=D(2026, 1, 5), reason_ceased="E15")
    assert set(by_code(period, D(2026, 1, 6))) == {"UASC_AGE_ASSESSMENT"}
    assert by_code(period, D(2026, 1, 6))["UASC_AGE_ASSESSMENT"].due == D(2026, 1, 12)  # 15 Dec + 28 days


FOSTER_PLACEMENT_A5 = {**FOSTER_PLACEMENT, "placement_type": "A5"}
AT_HOME = {
    "placement_type": "P1",
    "provider": "PR0",
    "provider_name": "",
    "urn": "",
    "placement_postcode": "LE1 1AA",
}
WITH_AUNT = {
    "placement_type": "U3",
    "provider": "PR1",
    "provider_name": "Aunt Sam",
    "urn": "SC123456",
    "placement_postcode": "LE4 6AB",
}


def test_at_home_on_an_interim_care_order_weekly_visits_until_the_first_review():
    # Placed at home on an interim care order on Mon 2 Feb 2026; visited Fri 6 Feb: next by Fri 13 Feb.
    period = child_in_care(start=D(2026, 2, 2), placement=AT_HOME)
    Visit.objects.create(period=period, visited_on=D(2026, 2, 6), visited_by=make_user())
    assert by_code(period, D(2026, 2, 7))["CLA_VISIT_WEEKLY"].due == D(2026, 2, 13)


def test_care_plan_placement_plan_and_notice_are_due_until_recorded():
    # First placement Mon 15 Dec 2025: placement plan and notice within 5 working days (Mon 22 Dec); the care
    # plan within 10: 16-19 (4), 22-24 (7), 25-26 bank holidays, 29-31 (10) -> Wed 31 Dec 2025.
    period = child_in_care(start=D(2025, 12, 15))
    items = by_code(period, D(2025, 12, 16))
    assert items["PLACEMENT_PLAN"].due == items["PLACEMENT_NOTICE"].due == D(2025, 12, 22)
    assert items["CARE_PLAN"].due == D(2025, 12, 31)
    CarePlanning.objects.create(period=period, kind="care_plan", completed_on=D(2025, 12, 19))
    CarePlanning.objects.create(
        period=period, kind="placement_plan", completed_on=D(2025, 12, 12), placement_from=D(2025, 12, 15)
    )  # prepared before the placement: it counts
    assert {"CARE_PLAN", "PLACEMENT_PLAN"}.isdisjoint(by_code(period, D(2025, 12, 22)))
    # A move needs a new placement plan and notice for the new placement.
    services.change_placement(
        period,
        start_date=D(2026, 1, 12),
        placement=CHILDRENS_HOME,
        reason_place_change=ReasonPlaceChange.CARE_PLAN,
    )
    assert by_code(period, D(2026, 1, 12))["PLACEMENT_PLAN"].due == D(2026, 1, 19)


def test_a_connected_persons_approval_runs_out_after_16_weeks_or_its_extension():
    period = child_in_care(start=D(2025, 1, 6), placement=WITH_AUNT)
    approval = TemporaryApproval.objects.create(period=period, carers="Aunt Sam", approved_on=D(2025, 1, 6))
    item = by_code(period, D(2025, 3, 1))["CONNECTED_PERSON_APPROVAL"]
    assert item.due == D(2025, 4, 27) and "Aunt Sam" in item.what
    # Weekly visits while reg 24 applies: visited Fri 10 Jan -> Fri 17 Jan.
    Visit.objects.create(period=period, visited_on=D(2025, 1, 10), visited_by=make_user())
    assert by_code(period, D(2025, 1, 11))["CLA_VISIT_WEEKLY"].due == D(2025, 1, 17)
    approval.extended_until, approval.extension_reason = D(2025, 6, 22), "assessment"
    approval.full_clean()
    approval.save()
    assert by_code(period, D(2025, 5, 1))["CONNECTED_PERSON_EXTENSION"].due == D(2025, 6, 22)
    approval.ended_on, approval.outcome = D(2025, 6, 2), "approved"
    approval.save()
    assert "CONNECTED_PERSON_EXTENSION" not in by_code(period, D(2025, 6, 3))


def test_an_extension_is_at_most_8_weeks_unless_a_review_of_a_refusal_is_pending():
    period = child_in_care(start=D(2025, 1, 6), placement=WITH_AUNT)
    approval = TemporaryApproval(
        period=period,
        carers="Aunt Sam",
        approved_on=D(2025, 1, 6),
        extended_until=D(2025, 6, 23),
        extension_reason="assessment",
    )
    with pytest.raises(ValidationError, match="at most 8 weeks"):
        approval.full_clean()
    approval.extension_reason = "review"
    approval.full_clean()  # until the review's outcome: no limit


def test_a_child_placed_for_adoption_is_reviewed_and_visited_under_the_adoption_regulations():
    # Looked after Mon 12 Jan 2026; the foster carers become adopters (A5, same carers) on Mon 1 Jun 2026.
    period = child_in_care(start=D(2026, 1, 12), legal_status="E1")
    services.change_placement(
        period,
        start_date=D(2026, 6, 1),
        carers_changed=False,
        reason_place_change="PLACE",
        placement={**FOSTER_PLACEMENT_A5},
    )
    period.refresh_from_db()
    items = by_code(period, D(2026, 6, 2))
    assert items["ADOPTION_REVIEW_FIRST"].due == period.next_review_due == D(2026, 6, 29)
    assert items["ADOPTION_VISIT_FIRST"].due == D(2026, 6, 8)
    assert "PLACEMENT_PLAN" not in items  # the adoption placement plan is the agency's (reg 35)


def test_a_transfer_under_the_national_transfer_scheme_is_due_10_working_days_after_allocation():
    # Allocated Thu 17 Apr 2025. Good Friday 18 and Easter Monday 21 are not working days: 22-25 (4), 28-30
    # (7),
    # Thu 1 May (8), Fri 2 (9), Mon 5 the early May bank holiday, Tue 6 May (10).
    period = child_in_care(start=D(2025, 4, 1))
    uasc = UnaccompaniedChild.objects.create(
        person=period.person, arrived_on=D(2025, 4, 1), arrival_route="spontaneous"
    )
    NationalTransfer.objects.create(
        uasc=uasc,
        referred_on=D(2025, 4, 7),
        allocated_on=D(2025, 4, 17),
        receiving_council="Derbyshire County Council",
    )
    item = by_code(period, D(2025, 4, 18))["NTS_TRANSFER"]
    assert item.due == D(2025, 5, 6) and "Derbyshire County Council" in item.what
