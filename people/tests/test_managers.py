"""Managers and worklists: who is behind (worker column, filter and counts on team due work), caseloads per
worker, reallocation through the allocation steps, oversight follow-ups as due work, every worklist paged and
filtered, the worklists in the menu for the staff who use them, and staff pickers that show caseloads."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from access.forms import worker_field
from access.models import Involvement, InvolvementKind, RecordView, Role, TeamKind
from frontdoor.models import ManagementOversight
from people.duework import WorkFilter, worklist_page
from people.tests.test_due_work import assessment_due
from people.worklist import record_urls
from tests.factories import date_fields, involve, make_person, make_team, make_user
from timescales.due import DueItem

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


@pytest.fixture
def team_work():
    """A team with a manager and two workers: Ann is 9 days behind on one child, Bo is on time."""
    team = make_team("Assessment 1")
    manager = make_user(role=Role.TEAM_MANAGER, manages=[team], first_name="Pat", last_name="Manager")
    ann = make_user(teams=[team], first_name="Ann", last_name="Able")
    bo = make_user(teams=[team], first_name="Bo", last_name="Best")
    late, on_time = make_person(forename="Late"), make_person(forename="Ontime")
    involve(late, user=ann, team=team)
    involve(on_time, user=bo, team=team)
    assessment_due(late, -9)
    assessment_due(on_time, 3)
    return team, manager, ann, bo, late, on_time


def test_team_due_work_names_each_childs_worker_counts_and_filters_by_worker(client, team_work):
    team, manager, ann, bo, late, on_time = team_work
    client.force_login(manager)
    response = client.get(reverse("work"), {"scope": "managed"})
    page = response.content.decode()
    assert "Ann Able" in page and "Bo Best" in page and "By worker" in page
    counts = {c.worker.name: (c.overdue, c.soon, c.total) for c in response.context["listed"].workers}
    assert counts == {"Ann Able": (1, 0, 1), "Bo Best": (0, 1, 1)}
    only_ann = client.get(reverse("work"), {"scope": "managed", "worker": ann.pk}).context["page"].object_list
    assert [row.person.forename for row in only_ann] == ["Late"] and only_ann[0].worker == "Ann Able"
    overdue = client.get(reverse("work"), {"scope": "managed", "overdue": "yes"}).context["page"].object_list
    assert [row.person.forename for row in overdue] == ["Late"]
    by_type = client.get(reverse("work"), {"scope": "managed", "type": "ASSESSMENT"}).context["page"]
    assert by_type.paginator.count == 2


def test_a_worklist_of_hundreds_is_paged_and_every_item_reachable():
    child = make_person()
    start = TODAY() - datetime.timedelta(days=300)
    items = [DueItem(child.pk, "Visit", start + datetime.timedelta(days=n), "CLA_VISIT") for n in range(250)]
    listed = worklist_page(items, TODAY(), WorkFilter(), 3, record_urls())
    assert listed.page.paginator.num_pages == 3 and len(listed.page.object_list) == 50
    assert listed.page.object_list[-1].item.due == items[-1].due


def test_caseloads_per_worker_and_a_workers_children(client, team_work):
    team, manager, ann, bo, late, on_time = team_work
    client.force_login(manager)
    rows = client.get(reverse("caseloads")).context["caseloads"]
    assert [(row.worker.first_name, row.children, row.overdue) for row in rows] == [
        ("Ann", 1, 1),
        ("Bo", 1, 0),
    ]
    page = client.get(reverse("worker_caseload", args=[ann.pk])).content.decode()
    assert "Late Smith" in page and reverse("people:reallocate", args=[late.pk]) in page
    stranger = make_user()
    assert client.get(reverse("worker_caseload", args=[stranger.pk])).status_code == 403
    client.force_login(ann)
    assert client.get(reverse("caseloads")).status_code == 403


def test_a_manager_reallocates_a_child_through_the_allocation_steps(client, team_work):
    team, manager, ann, bo, late, on_time = team_work
    client.force_login(manager)
    old = Involvement.objects.get(person=late, user=ann)
    url = reverse("people:reallocate", args=[late.pk])
    assert "Ann Able (Assessment 1), 1 child" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "involvement": old.pk,
            "worker": bo.pk,
            "reason": "Ann leaving the team",
            **date_fields("on", TODAY()),
        },
    )
    assert response.status_code == 302, response.content.decode()
    old.refresh_from_db()
    new = Involvement.objects.get(person=late, user=bo, end_date=None)
    assert old.end_date == TODAY() and new.kind == InvolvementKind.ALLOCATED_WORKER and new.team == team
    assert new.history.first().history_user == manager
    assert new.history.first().history_change_reason == "Reallocated: Ann leaving the team"
    assert RecordView.objects.filter(
        user=manager, person=late, allowed=True, action="record", path=url
    ).exists()
    # A worker cannot reallocate, and the same worker is not a reallocation.
    client.force_login(bo)
    assert client.post(url, {}).status_code == 403
    client.force_login(manager)
    response = client.post(
        url, {"involvement": new.pk, "worker": bo.pk, "reason": "x", **date_fields("on", TODAY())}
    )
    assert "already allocated to them" in response.content.decode()


def test_oversight_with_a_follow_up_date_is_due_work_until_the_next_oversight(client, team_work):
    team, manager, ann, bo, late, on_time = team_work
    client.force_login(manager)
    url = reverse("frontdoor:add_oversight", args=[late.pk])
    follow = TODAY() + datetime.timedelta(days=7)
    assert (
        client.post(url, {"direction": "Visit this week", **date_fields("follow_up_by", follow)}).status_code
        == 302
    )
    items = client.get(reverse("work"), {"scope": "managed"}).context["listed"]
    assert ("OVERSIGHT_FOLLOW_UP", "Follow up management oversight") in items.kinds
    response = client.post(
        url, {"direction": "x", **date_fields("follow_up_by", TODAY() - datetime.timedelta(1))}
    )
    assert "Follow up by must be today or in the future" in response.content.decode()
    ManagementOversight.objects.create(person=late, recorded_by=manager, direction="Seen: all done")
    items = client.get(reverse("work"), {"scope": "managed"}).context["listed"]
    assert "OVERSIGHT_FOLLOW_UP" not in dict(items.kinds)


def test_worklists_are_in_the_menu_for_the_staff_who_use_them(client):
    care_worker = make_user(teams=[make_team(kind=TeamKind.CHILDREN_IN_CARE)])
    adviser = make_user(role=Role.PERSONAL_ADVISER, teams=[make_team(kind=TeamKind.LEAVING_CARE)])
    assessor = make_user(teams=[make_team()])
    menus = {}
    for user in (care_worker, adviser, assessor):
        client.force_login(user)
        nav = client.get(reverse("home")).content.decode().split('id="navigation"')[1].split("</ul>")[0]
        menus[user] = ("Children in care" in nav, "Care leavers" in nav, "Caseloads" in nav)
    assert menus == {
        care_worker: (True, False, False),
        adviser: (False, True, False),
        assessor: (False, False, False),
    }


def test_the_care_worklist_is_paged_and_filtered(client):
    from tests.factories.care import child_in_care, cic_team

    worker = make_user(teams=[cic_team()], first_name="Jo", last_name="Carer")
    child_in_care(start=TODAY() - datetime.timedelta(days=120), worker=worker)
    client.force_login(worker)
    response = client.get(reverse("care:worklist"))
    listed = response.context["listed"]
    assert listed.total and response.context["rows"][0].worker == "Jo Carer"
    overdue = client.get(reverse("care:worklist"), {"overdue": "yes"}).context["rows"]
    assert all(row.colour == "red" for row in overdue)


def test_staff_pickers_show_team_and_caseload_and_enhance_into_a_typeahead():
    team = make_team("Oak Team")
    worker = make_user(teams=[team], first_name="Ann", last_name="Able")
    involve(make_person(), user=worker, team=team)
    field = worker_field()
    assert field.label_from_instance(field.queryset.get(pk=worker.pk)) == "Ann Able (Oak Team), 1 child"
    assert field.widget.attrs["data-module"] == "thrive-autocomplete"
    names = [user.last_name for user in field.queryset]
    assert names == sorted(names)
