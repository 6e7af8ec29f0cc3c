"""Care proceedings cannot be issued unless FGDM was offered or an exception fully recorded."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from proceedings.models import CareProceedings, FGDMException, FGDMOffer
from tests.factories.journey import child, worker

pytestmark = pytest.mark.django_db
D = datetime.date


def issue(person, on):
    return CareProceedings.objects.create(person=person, issued_on=on)


def test_proceedings_without_an_offer_are_refused_with_a_clear_message():
    person = child()
    with pytest.raises(ValidationError) as refused:
        issue(person, D(2025, 6, 2))
    assert "not been offered a family group decision making meeting" in refused.value.messages[0]
    assert not CareProceedings.objects.exists()


def test_proceedings_after_an_offer_are_allowed_even_if_declined():
    person = child()
    FGDMOffer.objects.create(
        person=person, offered_on=D(2025, 5, 1), offered_by=worker(), response="declined"
    )
    assert issue(person, D(2025, 6, 2)).pk


def test_offer_made_after_the_issue_date_does_not_count():
    person = child()
    FGDMOffer.objects.create(person=person, offered_on=D(2025, 6, 3), offered_by=worker())
    with pytest.raises(ValidationError):
        issue(person, D(2025, 6, 2))


def test_offer_to_a_sibling_does_not_count_for_this_child():
    FGDMOffer.objects.create(person=child(), offered_on=D(2025, 5, 1), offered_by=worker())
    with pytest.raises(ValidationError):
        issue(child(), D(2025, 6, 2))


def test_exception_must_record_when_it_was_explained_to_court_and_family():
    person = child()
    exception = FGDMException.objects.create(
        person=person,
        reason="Risk of the family network colluding with a named abuser",
        decided_on=D(2025, 5, 20),
        decided_by=worker(),
    )
    with pytest.raises(ValidationError) as refused:
        issue(person, D(2025, 6, 2))
    assert "explained to the court and to the family" in refused.value.messages[0]
    exception.explained_to_court_on = D(2025, 5, 28)
    exception.explained_to_family_on = D(2025, 5, 27)
    exception.save()
    assert issue(person, D(2025, 6, 2)).pk


def test_proceedings_aim_to_finish_within_26_weeks_beginning_with_the_issue_day():
    # Issued Monday 6 January 2025: 26 weeks is 182 days counting the issue day as day one.
    # Days 1-26 run to 31 January, then February 28 (54), March 31 (85), April 30 (115), May 31
    # (146), June 30 (176), and day 182 is Sunday 6 July 2025.
    person = child()
    FGDMOffer.objects.create(person=person, offered_on=D(2024, 12, 1), offered_by=worker())
    assert issue(person, D(2025, 1, 6)).target_end == D(2025, 7, 6)
