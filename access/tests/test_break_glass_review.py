"""Managers review break-glass accesses by their own staff; administrators review all."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from access.models import BreakGlass, BreakGlassReview, Role
from tests.factories import make_person, make_team, make_user

pytestmark = pytest.mark.django_db


def broke_glass(user, reason="Urgent safeguarding call"):
    return BreakGlass.objects.create(
        user=user,
        person=make_person(),
        reason=reason,
        expires_at=timezone.now() + datetime.timedelta(hours=8),
    )


@pytest.fixture
def teams():
    mine, other = make_team(name="Assessment 1"), make_team(name="Assessment 2")
    manager = make_user(role=Role.TEAM_MANAGER, manages=[mine])
    return manager, mine, other


def test_manager_sees_only_their_staff(client, teams):
    manager, mine, other = teams
    ours = broke_glass(make_user(teams=[mine]), "Ours")
    broke_glass(make_user(teams=[other]), "Theirs")
    broke_glass(manager, "My own")
    client.force_login(manager)

    response = client.get(reverse("access:break_glass_list"))

    assert list(response.context["to_review"]) == [ours]


def test_administrator_sees_all(client, teams):
    _, mine, other = teams
    broke_glass(make_user(teams=[mine]))
    broke_glass(make_user(teams=[other]))
    client.force_login(make_user(role=Role.ADMINISTRATOR))
    assert len(client.get(reverse("access:break_glass_list")).context["to_review"]) == 2


def test_social_worker_may_not_review(client, teams):
    _, mine, _ = teams
    access = broke_glass(make_user(teams=[mine]))
    worker = make_user(teams=[mine])
    client.force_login(worker)
    assert client.get(reverse("access:break_glass_list")).status_code == 403
    assert client.get(reverse("access:break_glass_review", args=[access.pk])).status_code == 403


def test_review_needs_an_outcome(client, teams):
    manager, mine, _ = teams
    access = broke_glass(make_user(teams=[mine]))
    client.force_login(manager)
    content = client.post(reverse("access:break_glass_review", args=[access.pk]), {}).content.decode()
    assert "Select whether this access was appropriate" in content
    assert 'href="#id_outcome"' in content
    assert 'id="id_outcome"' in content


def test_not_appropriate_needs_a_note(client, teams):
    manager, mine, _ = teams
    access = broke_glass(make_user(teams=[mine]))
    client.force_login(manager)
    url = reverse("access:break_glass_review", args=[access.pk])

    content = client.post(url, {"outcome": "inappropriate", "note": ""}).content.decode()
    assert "Enter a note saying what you have done about this access" in content

    response = client.post(url, {"outcome": "inappropriate", "note": "Spoken to them"})
    assert response.status_code == 302
    review = BreakGlassReview.objects.get(break_glass=access)
    assert review.outcome == "inappropriate" and review.note == "Spoken to them"
    assert review.reviewed_by == manager and review.at


def test_a_review_is_not_rewritten(client, teams):
    manager, mine, _ = teams
    access = broke_glass(make_user(teams=[mine]))
    client.force_login(manager)
    url = reverse("access:break_glass_review", args=[access.pk])
    client.post(url, {"outcome": "appropriate"})

    response = client.post(url, {"outcome": "inappropriate", "note": "Changed my mind"})

    assert BreakGlassReview.objects.get(break_glass=access).outcome == "appropriate"
    assert "Save review" not in response.content.decode()
    listing = client.get(reverse("access:break_glass_list")).context
    assert list(listing["to_review"]) == [] and list(listing["reviewed"]) == [access]
