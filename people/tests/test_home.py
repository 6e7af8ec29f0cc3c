"""My work: the children a user is involved with now, grouped, in a bounded number of queries."""

import datetime

import pytest
from django.urls import reverse

from access.models import Disclosure, DisclosureKind, InvolvementKind, Role
from tests.factories import allocated_child, involve, make_person, make_team, make_user

pytestmark = pytest.mark.django_db


def groups(response):
    return {g.key: [row.person.full_name for row in g.rows] for g in response.context["groups"]}


def test_worker_sees_allocated_and_team_children(client):
    mine, worker, _, team = allocated_child(forename="Mine")
    colleague = make_user(teams=[team])
    involve(make_person(forename="Colleagues"), user=colleague)
    involve(make_person(forename="Team"), team=team, kind=InvolvementKind.TEAM)
    involve(
        make_person(forename="Ended"),
        user=worker,
        start_date=datetime.date(2020, 1, 1),
        end_date=datetime.date(2020, 2, 1),
    )
    client.force_login(worker)

    response = client.get(reverse("home"))

    assert groups(response) == {"mine": ["Mine Smith"], "team": ["Colleagues Smith", "Team Smith"]}
    assert reverse("people:record", args=[mine.pk]) in response.content.decode()


def test_child_allocated_to_me_and_open_to_my_team_is_listed_once(client):
    child, worker, _, team = allocated_child()
    involve(child, team=team, kind=InvolvementKind.TEAM)
    client.force_login(worker)
    assert groups(client.get(reverse("home"))) == {"mine": ["Alex Smith"]}


def test_manager_sees_teams_children_with_worker_names(client):
    child, worker, manager, team = allocated_child(forename="Managed")
    client.force_login(manager)

    response = client.get(reverse("home"))

    assert groups(response) == {"managed": ["Managed Smith"]}
    assert str(worker) in response.content.decode()
    assert reverse("access:break_glass_list") in response.content.decode()


def test_service_manager_sees_children_in_teams_below(client):
    service = make_team(kind="service")
    child, worker, _, team = allocated_child(forename="Below")
    team.parent = service
    team.save()
    head = make_user(role=Role.SERVICE_MANAGER, manages=[service])
    client.force_login(head)
    assert groups(client.get(reverse("home"))) == {"managed": ["Below Smith"]}


def test_analyst_gets_a_helpful_page(client):
    client.force_login(make_user(role=Role.ANALYST))
    content = client.get(reverse("home")).content.decode()
    assert "You are not working with any children" in content
    assert reverse("people:search") in content
    assert reverse("access:break_glass_list") not in content


def test_manager_with_no_children_gets_break_glass_link(client):
    client.force_login(make_user(role=Role.TEAM_MANAGER, manages=[make_team()]))
    content = client.get(reverse("home")).content.decode()
    assert "You are not working with any children" in content
    assert reverse("access:break_glass_list") in content


def test_merged_child_is_shown_as_the_kept_record(client):
    duplicate, worker, *_ = allocated_child(forename="Dup")
    survivor = make_person(forename="Kept")
    duplicate.merged_into = survivor
    duplicate.save()
    client.force_login(worker)
    assert groups(client.get(reverse("home"))) == {"mine": ["Kept Smith"]}


def test_query_count_does_not_grow_with_children(client, django_assert_max_num_queries):
    _, worker, manager, team = allocated_child()
    client.force_login(manager)
    with django_assert_max_num_queries(
        56
    ) as few:  # the lists, a query per due source of every app, the panels
        client.get(reverse("home"))
    for _ in range(30):
        involve(make_person(), user=worker, team=team)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("home"))
    assert len(response.context["groups"][0].rows) == 31


def test_my_work_names_children_so_it_is_logged_with_them(client):
    mine, worker, _, _ = allocated_child()
    client.force_login(worker)
    client.get(reverse("home"))
    logged = Disclosure.objects.get(user=worker)
    assert logged.kind == DisclosureKind.LIST and logged.what == "My work"
    assert list(logged.children.values_list("person_id", flat=True)) == [mine.pk]


def test_an_empty_my_work_logs_nothing(client):
    user = make_user()
    client.force_login(user)
    client.get(reverse("home"))
    assert not Disclosure.objects.exists()
