"""Leaving care pages through the Django test client."""

import datetime

import pytest
from django.urls import reverse

from access.models import Involvement, InvolvementKind, Role, TeamKind
from access.relationships import legitimate_basis
from care import services
from leavers.models import (
    Accommodation,
    BirthdaySnapshot,
    EducationEmployment,
    KeepingInTouch,
    PathwayPlan,
    StayingCloseConsideration,
    StayingPut,
)
from tests.factories import make_team, make_user
from tests.factories.care import child_in_care, cic_team

pytestmark = pytest.mark.django_db
D = datetime.date


def date(prefix, day):
    return {f"{prefix}_day": day.day, f"{prefix}_month": day.month, f"{prefix}_year": day.year}


@pytest.fixture
def worker(client):
    user = make_user(teams=[cic_team()])
    client.force_login(user)
    return user


@pytest.fixture
def leaver(worker):
    """Born 10 May 2005, in care from 2021 until their 18th birthday: a former relevant child in 2026."""
    period = child_in_care(start=D(2021, 1, 4), birth_date=D(2005, 5, 10), worker=worker)
    services.end_care(period, end_date=D(2023, 5, 10), reason_ceased="E17")
    return period.person


def post(client, name, person, data):
    return client.post(reverse(name, args=[person.pk]), data)


def test_allocating_a_personal_adviser_lets_them_open_the_record(client, leaver):
    adviser = make_user(role=Role.PERSONAL_ADVISER, teams=[make_team(kind=TeamKind.LEAVING_CARE)])
    response = post(client, "leavers:adviser", leaver, {"adviser": adviser.pk, **date("on", D(2026, 1, 5))})
    assert response.status_code == 302
    assert Involvement.objects.get(person=leaver, kind=InvolvementKind.PERSONAL_ADVISER).user == adviser
    assert legitimate_basis(adviser, leaver).text == "Personal adviser for the child"


def test_recording_a_care_leavers_circumstances(client, leaver, worker):
    post(
        client,
        "leavers:pathway_plan",
        leaver,
        {**date("started_on", D(2026, 1, 5)), "summary": "College, then a flat"},
    )
    post(client, "leavers:pathway_review", leaver, date("reviewed_on", D(2026, 6, 30)))
    post(client, "leavers:in_touch", leaver, {**date("contacted_on", D(2026, 2, 1)), "in_touch": "YES"})
    post(
        client,
        "leavers:accommodation",
        leaver,
        {**date("from_date", D(2026, 2, 1)), "kind": "U", "suitable": "True"},
    )
    post(client, "leavers:activity", leaver, {**date("from_date", D(2026, 2, 1)), "activity": "F2"})
    post(
        client, "leavers:staying_put", leaver, {**date("started_on", D(2023, 5, 10)), "carers": "The Browns"}
    )
    post(
        client,
        "leavers:staying_close",
        leaver,
        {
            **date("considered_on", D(2026, 2, 2)),
            "decision": "provided",
            "support": "Help to find and keep a flat near the Browns",
        },
    )
    post(
        client,
        "leavers:birthday",
        leaver,
        {
            "age": "21",
            **date("recorded_on", D(2026, 5, 20)),
            "in_touch": "YES",
            "activity": "F2",
            "accommodation": "U",
            "accommodation_suitable": "True",
        },
    )
    plan = PathwayPlan.objects.get(person=leaver)
    assert plan.next_review_due == D(2026, 12, 30)
    assert KeepingInTouch.objects.get(person=leaver).recorded_by == worker
    assert Accommodation.objects.get(person=leaver).code == "U1"
    assert EducationEmployment.objects.get(person=leaver).activity == "F2"
    assert StayingPut.objects.get(person=leaver).carers == "The Browns"
    assert StayingCloseConsideration.objects.get(person=leaver).considered_by == worker
    assert BirthdaySnapshot.objects.get(person=leaver).accommodation_code == "U1"
    page = client.get(reverse("leavers:record", args=[leaver.pk])).content.decode()
    assert "Former relevant child" in page and "Suitable" in page


def test_homeless_is_never_suitable(client, leaver):
    response = post(
        client,
        "leavers:accommodation",
        leaver,
        {**date("from_date", D(2026, 2, 1)), "kind": "S", "suitable": "True"},
    )
    assert "is never counted as suitable" in response.content.decode()
    assert not Accommodation.objects.exists()


def test_staying_close_support_must_be_described(client, leaver):
    response = post(
        client,
        "leavers:staying_close",
        leaver,
        {**date("considered_on", D(2026, 2, 2)), "decision": "provided"},
    )
    assert "Enter the Staying Close support decided." in response.content.decode()


def test_the_leaving_care_worklist_and_the_records_card(client, leaver):
    page = client.get(reverse("leavers:worklist")).content.decode()
    assert leaver.full_name in page and "Assess whether Staying Close support is needed" in page
    assert "Allocate a personal adviser" in page
    record = client.get(reverse("people:record", args=[leaver.pk])).content.decode()
    assert "Leaving care" in record and "Former relevant child" in record


def test_recording_the_needs_assessment_and_a_visit_to_council_accommodation(client, leaver):
    assert (
        post(client, "leavers:needs_assessment", leaver, date("completed_on", D(2026, 2, 2))).status_code
        == 302
    )
    post(
        client,
        "leavers:accommodation",
        leaver,
        {**date("from_date", D(2026, 2, 3)), "kind": "E", "suitable": "True", "provided_by_council": "on"},
    )
    post(
        client,
        "leavers:in_touch",
        leaver,
        {**date("contacted_on", D(2026, 2, 6)), "in_touch": "YES", "visit_at_accommodation": "on"},
    )
    assert Accommodation.objects.get(person=leaver).provided_by_council
    assert KeepingInTouch.objects.get(person=leaver).visit_at_accommodation
    page = client.get(reverse("leavers:record", args=[leaver.pk])).content.decode()
    assert "2 Feb 2026: needs assessment completed" in page and "provided by the council" in page


def test_the_needs_assessment_page_refuses_break_glass_recording(client, leaver):
    stranger = make_user(role=Role.SOCIAL_WORKER)
    client.force_login(stranger)
    client.post(reverse("people:break_glass", args=[leaver.pk]), {"reason": "Emergency housing request"})
    assert client.get(reverse("leavers:record", args=[leaver.pk])).status_code == 200
    assert client.get(reverse("leavers:needs_assessment", args=[leaver.pk])).status_code == 403


def test_the_personal_adviser_records_the_needs_assessment_and_visits_but_allocates_no_one(client, leaver):
    from access.models import RecordView
    from leavers.models import LeavingCareNeedsAssessment

    adviser = make_user(role=Role.PERSONAL_ADVISER, teams=[make_team(kind=TeamKind.LEAVING_CARE)])
    post(client, "leavers:adviser", leaver, {"adviser": adviser.pk, **date("on", D(2026, 1, 5))})
    client.force_login(adviser)
    page = client.get(reverse("leavers:record", args=[leaver.pk])).content.decode()
    assert reverse("leavers:needs_assessment", args=[leaver.pk]) in page
    assert reverse("leavers:adviser", args=[leaver.pk]) not in page
    assessed = post(client, "leavers:needs_assessment", leaver, date("completed_on", D(2026, 2, 2)))
    visited = post(
        client,
        "leavers:in_touch",
        leaver,
        {**date("contacted_on", D(2026, 2, 6)), "in_touch": "YES", "visit_at_accommodation": "on"},
    )
    assert assessed.status_code == visited.status_code == 302
    assert LeavingCareNeedsAssessment.objects.get(person=leaver).completed_on == D(2026, 2, 2)
    assert KeepingInTouch.objects.get(person=leaver).recorded_by == adviser
    allocating = post(client, "leavers:adviser", leaver, {"adviser": adviser.pk, **date("on", D(2026, 2, 7))})
    assert allocating.status_code == 403
    assert client.get(reverse("care:care_planning", args=[leaver.pk])).status_code == 403  # care casework
    assert RecordView.objects.filter(user=adviser, allowed=False).count() == 2
