"""FGDM, pre-proceedings and care proceedings through their pages, including the refusal to issue."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from frontdoor.codes import ReferralSource
from frontdoor.models import Referral
from people.codes import RelationshipKind
from proceedings.models import CareProceedings, FGDMException, FGDMMeeting, FGDMOffer, PreProceedings
from tests.factories import allocated_child, date_fields, make_person, make_user, relate

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate
NO_OFFER = (
    "Care proceedings cannot be issued: the family has not been offered a family group decision making "
    "meeting. Record the offer, or record why an offer is not in the child&#x27;s best interests."
)


@pytest.fixture
def case(client):
    child, worker, *_ = allocated_child()
    Referral.objects.create(
        person=child, referral_date=TODAY() - datetime.timedelta(days=60), source=ReferralSource.POLICE
    )
    client.force_login(worker)
    return child, worker


def issue(client, child):
    return client.post(
        reverse("proceedings:issue_proceedings", args=[child.pk]),
        {"court": "Leicester Family Court", "case_number": "LE25C00123", **date_fields("issued_on", TODAY())},
    )


def test_issuing_without_an_fgdm_offer_is_refused_with_the_reason(client, case):
    child, _ = case
    response = issue(client, child)
    content = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in content and NO_OFFER in content
    assert not CareProceedings.objects.exists()


def test_after_recording_an_offer_proceedings_are_issued(client, case):
    child, worker = case
    client.post(
        reverse("proceedings:record_offer", args=[child.pk]),
        {
            "response": "declined",
            **date_fields("offered_on", TODAY() - datetime.timedelta(days=20)),
            **date_fields("responded_on", TODAY() - datetime.timedelta(days=18)),
        },
    )
    assert FGDMOffer.objects.get().offered_by == worker

    response = issue(client, child)

    assert response.url == reverse("proceedings:overview", args=[child.pk])
    case_ = CareProceedings.objects.get()
    assert case_.court == "Leicester Family Court" and case_.referral.person == child
    assert "26-week target" in client.get(response.url).content.decode()


def test_an_answer_before_the_offer_is_refused(client, case):
    response = client.post(
        reverse("proceedings:record_offer", args=[case[0].pk]),
        {
            "response": "accepted",
            **date_fields("offered_on", TODAY()),
            **date_fields("responded_on", TODAY() - datetime.timedelta(days=1)),
        },
    )
    assert "The family cannot answer before the offer was made." in response.content.decode()


def test_an_exception_counts_once_explained_to_court_and_family(client, case):
    child, _ = case
    decided = TODAY() - datetime.timedelta(days=10)
    client.post(
        reverse("proceedings:record_exception", args=[child.pk]),
        {
            "reason": "A family network meeting would expose the child to the alleged abuser",
            **date_fields("decided_on", decided),
        },
    )
    exception = FGDMException.objects.get()

    refused = issue(client, child)
    assert "must show the dates it was explained to the court and to the family" in refused.content.decode()

    client.post(
        reverse("proceedings:record_explained", args=[exception.pk]),
        {**date_fields("explained_to_court_on", decided), **date_fields("explained_to_family_on", decided)},
    )
    assert issue(client, child).status_code == 302
    assert CareProceedings.objects.count() == 1


def test_fgdm_meeting_records_the_family_network_present(client, case):
    child, worker = case
    grandmother = make_person(forename="Nana", surname="Smith", birth_date=datetime.date(1960, 1, 1))
    aunt = make_person(forename="Auntie", surname="Smith", birth_date=datetime.date(1985, 1, 1))
    relate(child, grandmother, RelationshipKind.GRANDPARENT)
    relate(child, aunt, RelationshipKind.AUNT_UNCLE)
    offer = FGDMOffer.objects.create(
        person=child, offered_on=TODAY() - datetime.timedelta(days=14), offered_by=worker, response="accepted"
    )
    url = reverse("proceedings:record_meeting", args=[offer.pk])
    assert "Nana Smith (Grandparent)" in client.get(url).content.decode()

    client.post(
        url,
        {
            "participants": [str(grandmother.pk), str(child.pk)],
            "facilitated": "on",
            "family_plan": "Nana to care for the children at weekends",
            "plan_agreed": "on",
            **date_fields("held_on", TODAY()),
        },
    )

    meeting = FGDMMeeting.objects.get()
    assert meeting.plan_agreed and meeting.facilitated
    assert sorted(meeting.participants.values_list("role", flat=True)) == ["Grandparent", "the child"]
    assert (
        "Nana to care for the children"
        in client.get(reverse("proceedings:overview", args=[child.pk])).content.decode()
    )


def test_pre_proceedings_from_start_to_outcome(client, case):
    child, _ = case
    start = TODAY() - datetime.timedelta(days=30)
    client.post(reverse("proceedings:start_pre_proceedings", args=[child.pk]), date_fields("date", start))
    stage = PreProceedings.objects.get()
    client.post(reverse("proceedings:record_letter", args=[stage.pk]), date_fields("date", start))
    client.post(
        reverse("proceedings:record_plo_meeting", args=[stage.pk]),
        date_fields("held_on", start + datetime.timedelta(days=7)),
    )
    client.post(
        reverse("proceedings:record_plo_meeting", args=[stage.pk]),
        {"is_review": "on", **date_fields("held_on", start + datetime.timedelta(days=21))},
    )
    client.post(
        reverse("proceedings:end_pre_proceedings", args=[stage.pk]),
        {"outcome": "A", **date_fields("step_decision_on", TODAY())},
    )
    stage.refresh_from_db()
    assert stage.letter_before_proceedings_sent_on == start
    assert stage.initial_meeting_on == start + datetime.timedelta(days=7) and stage.meetings.count() == 2
    assert stage.outcome == "A" and not stage.is_open


def test_pre_proceedings_need_an_open_referral(client):
    child, worker, *_ = allocated_child()
    client.force_login(worker)
    response = client.post(
        reverse("proceedings:start_pre_proceedings", args=[child.pk]), date_fields("date", TODAY())
    )
    assert response.status_code == 200
    assert "Pre-proceedings need an open referral" in response.content.decode()


def test_recording_the_outcome_of_proceedings(client, case):
    child, worker = case
    FGDMOffer.objects.create(
        person=child, offered_on=TODAY() - datetime.timedelta(days=200), offered_by=worker
    )
    case_ = CareProceedings.objects.create(person=child, issued_on=TODAY() - datetime.timedelta(days=180))
    client.post(
        reverse("proceedings:proceedings_outcome", args=[case_.pk]),
        {"outcome": "sgo", **date_fields("ended_on", TODAY())},
    )
    case_.refresh_from_db()
    assert case_.outcome == "sgo" and case_.ended_on == TODAY()


def test_the_overview_is_access_checked(client, case):
    client.force_login(make_user())
    assert client.get(reverse("proceedings:overview", args=[case[0].pk])).status_code == 403
    assert issue(client, case[0]).status_code == 403
