"""The front door's rules, worked by hand: the 1 working day decision and re-referrals."""

import datetime

import pytest
from django.utils import timezone

from frontdoor.codes import ReferralSource
from frontdoor.models import Contact
from tests.factories.journey import child, referral

pytestmark = pytest.mark.django_db
D = datetime.date


def contact_received(person, when: datetime.datetime) -> Contact:
    return Contact.objects.create(
        person=person,
        source=ReferralSource.POLICE,
        received_at=timezone.make_aware(when),
        summary="Concern raised",
    )


def test_decision_due_next_working_day_over_easter():
    # Received Good Friday 18 April 2025; Sat, Sun and Easter Monday 21 April are not working days,
    # so the one working day runs to Tuesday 22 April.
    contact = contact_received(child(), datetime.datetime(2025, 4, 18, 16, 0))
    assert contact.decision_due == D(2025, 4, 22)


def test_decision_due_counts_from_receipt_not_recording():
    # Received Thursday 24 December 2026, typed in on 29 December: the decision is due on the next
    # working day after receipt. Christmas is Friday 25th, Boxing Day falls on Saturday so Monday
    # 28th is its substitute: Tuesday 29 December 2026.
    contact = Contact.objects.create(
        person=child(),
        source=ReferralSource.SCHOOLS,
        summary="x",
        received_at=timezone.make_aware(datetime.datetime(2026, 12, 24, 9, 30)),
        recorded_at=timezone.make_aware(datetime.datetime(2026, 12, 29, 15, 0)),
    )
    assert contact.decision_due == D(2026, 12, 29)
    assert contact.recorded_at != contact.received_at


def test_re_referral_on_the_last_day_of_the_window():
    # Previous referral 15 March 2024; 15 March 2025 is exactly 12 months later: still a re-referral.
    person = child()
    referral(person, D(2024, 3, 15))
    assert referral(person, D(2025, 3, 15)).is_re_referral


def test_referral_the_day_after_the_window_is_not_a_re_referral():
    person = child()
    referral(person, D(2024, 3, 15))
    assert not referral(person, D(2025, 3, 16)).is_re_referral


def test_first_referral_is_not_a_re_referral():
    assert not referral(child(), D(2025, 1, 6)).is_re_referral


def test_two_referrals_on_one_day_are_not_re_referrals_of_each_other():
    person = child()
    first = referral(person, D(2025, 2, 3))
    second = referral(person, D(2025, 2, 3))
    assert not first.is_re_referral and not second.is_re_referral


def test_re_referral_window_from_29_february():
    # 12 months before 28 February 2025 is 28 February 2024, so a referral on 29 February 2024 is
    # inside the window; 12 months before 1 March 2025 is 1 March 2024, which is after it.
    person = child()
    referral(person, D(2024, 2, 29))
    assert referral(person, D(2025, 2, 28)).is_re_referral
    other = child()
    referral(other, D(2024, 2, 29))
    assert not referral(other, D(2025, 3, 1)).is_re_referral


def test_another_childs_referral_does_not_count():
    referral(child(), D(2025, 1, 6))
    assert not referral(child(), D(2025, 2, 6)).is_re_referral
