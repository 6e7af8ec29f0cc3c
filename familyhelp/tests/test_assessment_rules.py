"""The assessment's 45 working days, worked by hand."""

import datetime

import pytest

from familyhelp.models import Assessment
from tests.factories.journey import child, referral

pytestmark = pytest.mark.django_db
D = datetime.date


def assessment(referral_date, start=None, completed=None):
    person = child()
    ref = referral(person, referral_date)
    return Assessment.objects.create(
        referral=ref, person=person, start_date=start or referral_date, authorisation_date=completed
    )


def test_assessment_due_45_working_days_after_referral_across_easter_and_may_day():
    # Referral Monday 3 March 2025. Working days after it: March 4-31 gives 20; April 1-17 gives 13
    # (33), Good Friday 18 and Easter Monday 21 skipped, April 22-30 gives 7 (40); May 1-2 (42),
    # Monday 5 May is a bank holiday, May 6, 7, 8 (45): due Thursday 8 May 2025.
    assert assessment(D(2025, 3, 3)).due_date == D(2025, 5, 8)


def test_completed_on_the_45th_working_day_is_on_time_and_the_next_day_is_late():
    assert assessment(D(2025, 3, 3), completed=D(2025, 5, 8)).completed_on_time is True
    assert assessment(D(2025, 3, 3), completed=D(2025, 5, 9)).completed_on_time is False


def test_open_assessment_has_no_on_time_verdict():
    assert assessment(D(2025, 3, 3)).completed_on_time is None
