"""Due work on My work and the Due work page: what is due, for whom, how it reads, and what it costs."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from access.models import Role
from familyhelp.models import Assessment
from frontdoor.codes import ReferralSource
from frontdoor.models import Contact, Referral
from people.duework import describe_due
from tests.factories import allocated_child, involve, make_person, make_user

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def assessment_due(child, due_in_days):
    """An open assessment falling due `due_in_days` from today (45 working days after its referral)."""
    referral_date = TODAY() - datetime.timedelta(days=200)
    referral = Referral.objects.create(
        person=child, referral_date=referral_date, source=ReferralSource.SCHOOLS
    )
    assessment = Assessment.objects.create(referral=referral, person=child, start_date=referral_date)
    Assessment.objects.filter(pk=assessment.pk).update(
        due_date=TODAY() + datetime.timedelta(days=due_in_days)
    )
    return assessment


def rows(response):
    return [
        (row.person.full_name, row.item.what, row.status, row.colour)
        for row in response.context["page"].object_list
    ]


@pytest.mark.parametrize(
    "days, text, colour",
    [
        (-3, "Overdue by 3 days", "red"),
        (-1, "Overdue by 1 day", "red"),
        (0, "Due today", "yellow"),
        (1, "Due in 1 day", "blue"),
        (12, "Due in 12 days", "grey"),
    ],
)
def test_how_a_due_date_reads(days, text, colour):
    assert describe_due(TODAY() + datetime.timedelta(days=days), TODAY()) == (text, colour)


def test_worker_sees_their_due_work_soonest_first_with_drift_flagged(client):
    child, worker, _, team = allocated_child(forename="Mia")
    assessment_due(child, -4)
    Contact.objects.create(
        person=child, source=ReferralSource.POLICE, received_at=timezone.now(), summary="x"
    )
    other, *_ = allocated_child(forename="Other")
    assessment_due(other, -10)
    client.force_login(worker)

    response = client.get(reverse("work"))

    listed = rows(response)
    assert listed[0] == ("Mia Smith", "Complete the child and family assessment", "Overdue by 4 days", "red")
    assert listed[1][1] == "Decide the response to a contact"
    assert all(name == "Mia Smith" for name, *_ in listed)  # not another worker's child
    content = response.content.decode()
    assert "Drift" in content and reverse("people:record", args=[child.pk]) in content


def test_my_work_shows_the_soonest_items_and_links_to_the_rest(client):
    child, worker, *_ = allocated_child()
    assessment_due(child, 2)
    client.force_login(worker)
    content = client.get(reverse("home")).content.decode()
    assert "Due and overdue" in content and "Due in 2 days" in content and reverse("work") in content


def test_team_manager_sees_overdue_work_in_the_teams_they_manage(client):
    child, worker, manager, team = allocated_child(forename="Teamchild")
    assessment_due(child, -6)
    mine = make_person(forename="Managersown")
    involve(mine, user=manager)
    assessment_due(mine, 3)
    client.force_login(manager)

    managed = client.get(reverse("work"))
    assert managed.context["scope"] == "managed"
    assert rows(managed)[0][:3] == (
        "Teamchild Smith",
        "Complete the child and family assessment",
        "Overdue by 6 days",
    )

    only_mine = client.get(reverse("work"), {"scope": "mine"})
    assert [r[0] for r in rows(only_mine)] == ["Managersown Smith"]
    assert set(managed.context["scopes"]) == {"mine", "managed"}


def test_my_teams_scope_includes_colleagues_children(client):
    child, worker, _, team = allocated_child(forename="Colleagues")
    assessment_due(child, 1)
    colleague = make_user(teams=[team])
    client.force_login(colleague)
    assert client.get(reverse("work"), {"scope": "mine"}).context["page"].object_list == []
    assert [r[0] for r in rows(client.get(reverse("work"), {"scope": "team"}))] == ["Colleagues Smith"]


def test_an_unknown_scope_falls_back_to_the_default(client):
    child, worker, *_ = allocated_child()
    client.force_login(make_user(role=Role.ANALYST))
    response = client.get(reverse("work"), {"scope": "managed"})
    assert response.context["scope"] == "mine" and response.context["page"].object_list == []
    assert "Nothing is due" in response.content.decode()


def test_work_on_a_merged_record_is_shown_under_the_kept_record(client):
    duplicate, worker, *_ = allocated_child(forename="Dup")
    kept = make_person(forename="Kept")
    assessment_due(duplicate, -1)
    duplicate.merged_into = kept
    duplicate.save()
    client.force_login(worker)
    assert rows(client.get(reverse("work")))[0][0] == "Kept Smith"


def test_the_cost_does_not_grow_with_children_or_items(client, django_assert_max_num_queries):
    child, worker, manager, team = allocated_child()
    assessment_due(child, -1)
    client.force_login(manager)
    # 40: about one query per due source of every app, the rows' workers and the menu's worklists
    with django_assert_max_num_queries(44) as few:
        client.get(reverse("work"))
    for n in range(25):
        other = make_person(forename=f"Child{n}")
        involve(other, user=worker, team=team)
        assessment_due(other, n - 10)
        Contact.objects.create(
            person=other, source=ReferralSource.POLICE, received_at=timezone.now(), summary="x"
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("work"))
    assert response.context["page"].paginator.count == 51


def test_long_lists_come_a_page_at_a_time(client):
    child, worker, *_ = allocated_child()
    for n in range(105):
        Contact.objects.create(
            person=child, source=ReferralSource.POLICE, received_at=timezone.now(), summary=str(n)
        )
    client.force_login(worker)
    first = client.get(reverse("work"))
    assert len(first.context["page"].object_list) == 100 and "Items 1 to 100 of 105" in first.content.decode()
    second = client.get(reverse("work"), {"scope": "mine", "page": 2})
    assert len(second.context["page"].object_list) == 5


@pytest.mark.parametrize("role", [Role.ANALYST, Role.ADMINISTRATOR, Role.DATA_PROTECTION_OFFICER])
def test_a_team_gives_analysts_and_administrators_no_childrens_due_work(client, role):
    child, worker, _, team = allocated_child()
    assessment_due(child, 1)
    member = make_user(role=role, teams=[team])
    client.force_login(member)
    assert client.get(reverse("work"), {"scope": "team"}).context["page"].object_list == []
