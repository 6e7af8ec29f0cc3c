"""Reviewing the audit log in the app: the DPO reviews everyone's use of records, a manager their staff's."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from access.models import Action, BasisKind, BreakGlass, Disclosure, DisclosureKind, RecordView, Role
from access.patterns import NOT_ALLOCATED_CHILDREN
from tests.factories import allocated_child, make_person, make_team, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def dpo():
    return make_user(role=Role.DATA_PROTECTION_OFFICER, first_name="Dee", last_name="Protection")


def viewed(user, person, *, allowed=True, kind=BasisKind.TEAM, at=None):
    return RecordView.objects.create(
        user=user,
        person=person,
        allowed=allowed,
        basis="test",
        basis_kind=kind if allowed else "",
        path=f"/people/{person.pk}/",
        at=at or timezone.now(),
    )


@pytest.mark.parametrize("role", [Role.SOCIAL_WORKER, Role.ANALYST, Role.ADMINISTRATOR, Role.PARTNER])
def test_others_are_refused_and_the_refusal_is_logged(client, role):
    user = make_user(role=role)
    client.force_login(user)
    for name in ("access:audit", "access:audit_patterns"):
        assert client.get(reverse(name)).status_code == 403
    assert RecordView.objects.filter(user=user, allowed=False, person=None).count() == 2


def test_the_dpo_reads_any_childs_log_and_the_review_is_logged(client, dpo):
    child, worker, _, _ = allocated_child(forename="Maya", surname="Okafor")
    stranger = make_user(first_name="Nosy", last_name="Parker")
    viewed(worker, child, kind=BasisKind.OWN)
    viewed(stranger, child, allowed=False)
    client.force_login(dpo)
    found = client.get(reverse("access:audit"), {"la_id": child.la_id})
    assert found.url == reverse("access:audit_child", args=[child.pk])
    page = client.get(found.url).content.decode()
    assert "Maya Okafor" in page and "Nosy Parker" in page and "Refused" in page and str(worker) in page
    review = RecordView.objects.get(user=dpo, person=child)
    assert review.allowed and review.action == Action.AUDIT


def test_a_childs_log_lists_the_searches_and_files_that_named_them(client, dpo):
    child, *_ = allocated_child()
    analyst = make_user(role=Role.ANALYST, first_name="Ann", last_name="Alyst")
    export = Disclosure.objects.create(
        user=analyst,
        kind=DisclosureKind.EXPORT,
        what="CIN census 2024-25",
        path="/returns/cin/2025/download/",
        filename="cin_2025.xml",
        count=1,
        named=[child],
    )
    client.force_login(dpo)
    page = client.get(reverse("access:audit_child", args=[child.pk])).content.decode()
    assert "CIN census 2024-25" in page and "cin_2025.xml" in page and "Ann Alyst" in page
    detail = client.get(reverse("access:audit_disclosure", args=[export.pk])).content.decode()
    assert child.la_id in detail and child.full_name in detail
    assert "Latest downloads" in client.get(reverse("access:audit")).content.decode()


def test_a_users_log_is_paged(client, dpo):
    worker = make_user()
    child = make_person()
    for _ in range(105):
        viewed(worker, child)
    client.force_login(dpo)
    found = client.get(reverse("access:audit"), {"username": worker.username})
    assert found.url == reverse("access:audit_user", args=[worker.pk])
    first = client.get(found.url)
    assert len(first.context["views"].object_list) == 100 and "Page 1 of 2" in first.content.decode()
    assert len(client.get(found.url, {"page": 2}).context["views"].object_list) == 5


def test_a_manager_reviews_their_staff_and_the_records_they_can_open_only(client):
    child, worker, manager, team = allocated_child()
    outsider = make_user(teams=[make_team()])
    unrelated = make_person()
    client.force_login(manager)
    assert client.get(reverse("access:audit_user", args=[worker.pk])).status_code == 200
    assert client.get(reverse("access:audit_user", args=[outsider.pk])).status_code == 403
    assert client.get(reverse("access:audit_child", args=[child.pk])).status_code == 200
    assert client.get(reverse("access:audit_child", args=[unrelated.pk])).status_code == 403
    assert RecordView.objects.get(user=manager, person=unrelated).allowed is False
    not_found = client.get(reverse("access:audit"), {"username": outsider.username})
    assert not_found.status_code == 200 and "whose use of records you review" in not_found.content.decode()


def test_unusual_patterns(client, dpo):
    busy = make_user(first_name="Busy", last_name="Browser")
    careful = make_user(first_name="Kind", last_name="Worker")
    for _ in range(NOT_ALLOCATED_CHILDREN):
        viewed(busy, make_person())
    viewed(careful, make_person(), kind=BasisKind.OWN)
    weekday = timezone.localdate() - datetime.timedelta(days=7)
    weekday -= datetime.timedelta(days=max(weekday.weekday() - 3, 0))  # a Monday to Thursday last week
    night = timezone.make_aware(datetime.datetime.combine(weekday, datetime.time(2, 30)))
    day = timezone.make_aware(datetime.datetime.combine(weekday, datetime.time(11, 0)))
    for at, reason in ((night, "Called out at night"), (day, "Daytime check")):
        BreakGlass.objects.create(
            user=careful,
            person=make_person(),
            reason=reason,
            at=at,
            expires_at=at + datetime.timedelta(hours=8),
        )
    client.force_login(dpo)
    page = client.get(reverse("access:audit_patterns")).content.decode()
    assert "Busy Browser" in page and str(NOT_ALLOCATED_CHILDREN) in page
    flagged = page[page.index('id="not-allocated"') : page.index('id="refusals"')]
    assert "Kind Worker" not in flagged
    assert "Called out at night" in page and "Daytime check" not in page
