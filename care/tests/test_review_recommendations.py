"""A looked-after review's recommendations: added by the IRO or the social worker, done, printed."""

import datetime

import pytest
from django.urls import reverse

from care.codes import ReviewParticipation
from care.models import Review
from tests.factories import make_user
from tests.factories.care import child_in_care, cic_team

pytestmark = pytest.mark.django_db
D = datetime.date


def test_recommendations_are_added_done_and_printed(client):
    worker = make_user(teams=[cic_team()], first_name="Jo", last_name="Carer")
    period = child_in_care(start=D(2026, 1, 5), worker=worker)
    review = Review.objects.create(
        period=period,
        held_on=D(2026, 1, 20),
        participation=ReviewParticipation.UNDER_4 if period.person.age_on(D(2026, 1, 20)) < 4 else "PN1",
    )
    client.force_login(worker)
    record = client.get(reverse("care:record", args=[period.person.pk])).content.decode()
    assert reverse("care:review_page", args=[review.pk]) in record
    client.post(
        reverse("care:add_recommendation", args=[review.pk]),
        {
            "text": "Arrange contact with grandma every fortnight",
            "owner": "Jo Carer, social worker",
            "due_on_day": "1",
            "due_on_month": "3",
            "due_on_year": "2026",
        },
    )
    recommendation = review.recommendations.get()
    assert recommendation.owner == "Jo Carer, social worker" and recommendation.due_on == D(2026, 3, 1)
    client.post(
        reverse("care:recommendations_done", args=[review.pk]),
        {"done": [recommendation.pk], "date_day": "2", "date_month": "2", "date_year": "2026"},
    )
    recommendation.refresh_from_db()
    assert recommendation.done_on == D(2026, 2, 2)
    page = client.get(reverse("care:print_review", args=[review.pk])).content.decode()
    assert "Arrange contact with grandma" in page and "Done 2 February 2026" in page
    stranger = make_user()
    client.force_login(stranger)
    assert client.get(reverse("care:review_page", args=[review.pk])).status_code == 403
