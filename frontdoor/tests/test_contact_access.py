"""No self-granted access: who may record a contact about a child, and the front door's hold on the child."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from access.models import AgencyKind, Involvement, InvolvementKind, RecordView, Role, TeamKind
from frontdoor.codes import ContactOutcome
from frontdoor.models import Contact
from tests.factories import allocated_child, make_agency, make_person, make_team, make_user

from .test_pages import contact_data, decide, record_contact

pytestmark = pytest.mark.django_db


@pytest.fixture
def front_door_team():
    return make_team("Front Door (MASH)", kind=TeamKind.FRONT_DOOR)


def received():
    return timezone.now() - datetime.timedelta(hours=2)


@pytest.mark.parametrize("role", [Role.SOCIAL_WORKER, Role.TEAM_MANAGER, Role.ANALYST, Role.ADMINISTRATOR])
def test_only_front_door_staff_record_a_contact_about_a_child_they_cannot_open(client, role):
    """Recording a contact used to give the recorder's team a standing involvement: a way into any record."""
    child = make_person()
    user = make_user(role=role, teams=[make_team(kind=TeamKind.ASSESSMENT)])
    client.force_login(user)
    url = reverse("frontdoor:contact_for_person", args=[child.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, contact_data(received())).status_code == 403
    assert not Contact.objects.exists() and not Involvement.objects.exists()
    assert RecordView.objects.filter(user=user, person=child, allowed=False).count() == 2
    assert client.get(reverse("frontdoor:new_child_contact")).status_code == 403


def test_a_partner_in_the_front_door_records_no_contact(client, front_door_team):
    police = make_agency("Police", AgencyKind.POLICE)
    officer = make_user(role=Role.PARTNER, agency=police, teams=[front_door_team])
    child = make_person()
    client.force_login(officer)
    assert (
        client.post(
            reverse("frontdoor:contact_for_person", args=[child.pk]), contact_data(received())
        ).status_code
        == 403
    )
    assert not Involvement.objects.exists()


def test_a_worker_records_a_contact_about_their_own_child_without_a_hold(client):
    child, worker, _, _ = allocated_child()
    client.force_login(worker)
    record_contact(client, child, received())
    assert list(child.involvements.values_list("kind", flat=True)) == [InvolvementKind.ALLOCATED_WORKER]


def test_the_hold_ends_with_the_decision_whoever_made_it(client, front_door_team):
    recorder = make_user(teams=[front_door_team])
    decider = make_user(role=Role.TEAM_MANAGER, manages=[front_door_team])
    child = make_person()
    client.force_login(recorder)
    first = record_contact(client, child, received())
    client.post(reverse("frontdoor:contact_for_person", args=[child.pk]), contact_data(received()))
    second = Contact.objects.exclude(pk=first.pk).get()
    hold = Involvement.objects.get(person=child, kind=InvolvementKind.CONTACT, team=front_door_team)
    assert hold.history.earliest().history_user == recorder  # who made the involvement is kept

    client.force_login(decider)
    assert decide(client, first, ContactOutcome.NO_FURTHER_ACTION).status_code == 302
    hold.refresh_from_db()
    assert hold.end_date is None  # another contact about the child still awaits its decision
    decide(client, second, ContactOutcome.NO_FURTHER_ACTION)
    hold.refresh_from_db()
    assert hold.end_date == timezone.localdate()
    assert not Involvement.objects.filter(person=child, end_date__isnull=True).exists()


def test_front_door_staff_who_broke_glass_still_record_a_contact(client, front_door_team):
    from access.models import BreakGlass

    staff = make_user(teams=[front_door_team])
    child = make_person()
    BreakGlass.objects.create(
        user=staff, person=child, reason="Checking", expires_at=timezone.now() + datetime.timedelta(hours=1)
    )
    client.force_login(staff)
    assert (
        client.post(
            reverse("frontdoor:contact_for_person", args=[child.pk]), contact_data(received())
        ).status_code
        == 302
    )
