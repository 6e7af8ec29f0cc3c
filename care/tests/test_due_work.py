"""What is due for a child in care, from the due-work registry."""
import datetime

import pytest

from care import services
from care.codes import ReasonPlaceChange
from care.models import AgeAssessment, DentalCheck, HealthAssessment, UnaccompaniedChild, Visit
from care.tests.builders import CHILDRENS_HOME, child_in_care
from tests.factories import make_user
from timescales.due import due_items

pytestmark = pytest.mark.django_db
D = datetime.date


def by_code(period, on):
    return {item.timescale: item for item in due_items([period.person_id], on)}


def test_a_child_coming_into_care_has_review_visit_health_dental_and_pep_due():
    # Looked after Monday 15 December 2025, aged 10: review, health assessment and PEP all 20 working days
    # on (15 January 2026); first visit within a week (22 December); dental check within 12 months.
    items = by_code(child_in_care(start=D(2025, 12, 15)), D(2025, 12, 16))
    assert items["CLA_REVIEW_FIRST"].due == items["CLA_HEALTH_INITIAL"].due == items["PEP_INITIAL"].due == D(2026, 1, 15)
    assert items["CLA_VISIT_FIRST"].due == D(2025, 12, 22)
    assert items["CLA_DENTAL"].due == D(2026, 12, 15)


def test_a_move_restarts_the_first_visit_week():
    period = child_in_care(start=D(2025, 12, 15))
    Visit.objects.create(period=period, visited_on=D(2025, 12, 19), visited_by=make_user())
    assert by_code(period, D(2026, 1, 2))["CLA_VISIT"].due == D(2026, 1, 30)  # 19 Dec + 6 weeks
    services.change_placement(period, start_date=D(2026, 1, 12), placement=CHILDRENS_HOME,
                              reason_place_change=ReasonPlaceChange.CARE_PLAN)
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
    uasc = UnaccompaniedChild.objects.create(person=period.person, arrived_on=D(2025, 12, 14), arrival_route="nts")
    AgeAssessment.objects.create(uasc=uasc, referred_on=D(2025, 12, 15))
    services.end_care(period, end_date=D(2026, 1, 5), reason_ceased="E15")
    assert set(by_code(period, D(2026, 1, 6))) == {"UASC_AGE_ASSESSMENT"}
    assert by_code(period, D(2026, 1, 6))["UASC_AGE_ASSESSMENT"].due == D(2026, 1, 12)  # 15 Dec + 28 days
