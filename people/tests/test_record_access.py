"""Opening a child's record: who may, what is audited, and breaking glass."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from access.models import BasisKind, BreakGlass, RecordView, Role
from people.codes import RelationshipKind
from tests.factories import (
    allocated_child,
    involve,
    make_address,
    make_person,
    make_team,
    make_user,
    police_officer,
    relate,
    share,
)

pytestmark = pytest.mark.django_db


def record_url(person):
    return reverse("people:record", args=[person.pk])


def test_sign_in_required(client):
    child, *_ = allocated_child()
    response = client.get(record_url(child))
    assert response.status_code == 302
    assert reverse("access:login") in response["Location"]


def test_police_without_share_is_refused_and_audited(client):
    child, *_ = allocated_child()
    officer = police_officer()
    client.force_login(officer)

    response = client.get(record_url(child))

    assert response.status_code == 403
    assert "You do not have access to this record" in response.content.decode()
    assert "Break glass" not in response.content.decode()  # a partner's staff never break glass
    view = RecordView.objects.get(user=officer, person=child)
    assert view.allowed is False
    assert view.path == record_url(child)


def test_refused_page_shows_no_case_details(client):
    child, worker, *_ = allocated_child()
    make_address(child, line1="7 Secret Lane")
    client.force_login(police_officer())
    content = client.get(record_url(child)).content.decode()
    assert "7 Secret Lane" not in content
    assert str(worker) not in content


def test_police_with_active_share_may_open(client):
    child, *_ = allocated_child()
    officer = police_officer()
    share(child, officer.agency)
    client.force_login(officer)

    response = client.get(record_url(child))

    assert response.status_code == 200
    view = RecordView.objects.get(user=officer, person=child)
    assert view.allowed and "active share" in view.basis


def test_expired_share_does_not_open(client):
    child, *_ = allocated_child()
    officer = police_officer()
    share(child, officer.agency, start_date=datetime.date(2020, 1, 1), end_date=datetime.date(2020, 6, 1))
    client.force_login(officer)
    assert client.get(record_url(child)).status_code == 403


def test_allocated_worker_may_open_and_is_audited(client):
    child, worker, *_ = allocated_child()
    client.force_login(worker)

    response = client.get(record_url(child))

    assert response.status_code == 200
    assert child.full_name in response.content.decode()
    view = RecordView.objects.get(user=worker, person=child)
    assert view.allowed is True
    assert view.basis == "Allocated worker for the child"


def test_manager_of_the_workers_team_may_open(client):
    child, _, manager, _ = allocated_child()
    client.force_login(manager)
    assert client.get(record_url(child)).status_code == 200
    assert RecordView.objects.get(user=manager).allowed


def test_manager_of_another_team_is_refused(client):
    child, *_ = allocated_child()
    other_manager = make_user(role=Role.TEAM_MANAGER, manages=[make_team()])
    client.force_login(other_manager)
    assert client.get(record_url(child)).status_code == 403


def test_every_view_is_audited(client):
    child, worker, *_ = allocated_child()
    client.force_login(worker)
    for _ in range(3):
        client.get(record_url(child))
    assert RecordView.objects.filter(user=worker, person=child, allowed=True).count() == 3


def test_unknown_record_is_404(client):
    _, worker, *_ = allocated_child()
    client.force_login(worker)
    response = client.get(reverse("people:record", args=[999999]))
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def outsider():
    """A social worker of another team: council staff may break glass."""
    return make_user(teams=[make_team()])


class TestBreakGlass:
    def test_a_partners_staff_may_not_break_glass(self, client):
        child, *_ = allocated_child()
        officer = police_officer()
        client.force_login(officer)
        response = client.post(
            reverse("people:break_glass", args=[child.pk]), {"reason": "Attending an incident"}
        )
        assert response.status_code == 403 and not BreakGlass.objects.exists()
        assert RecordView.objects.filter(user=officer, person=child, allowed=False).exists()
        BreakGlass.objects.create(
            user=officer,
            person=child,
            reason="Recorded before the rule",
            expires_at=timezone.now() + datetime.timedelta(hours=1),
        )
        assert client.get(record_url(child)).status_code == 403  # not even one made before

    def test_reason_is_required(self, client):
        child, *_ = allocated_child()
        officer = outsider()
        client.force_login(officer)

        response = client.post(reverse("people:break_glass", args=[child.pk]), {"reason": "  "})

        content = response.content.decode()
        assert response.status_code == 200
        assert "There is a problem" in content
        assert 'href="#id_reason"' in content
        assert "Enter why you need to open this record" in content
        assert not BreakGlass.objects.exists()

    def test_reason_opens_the_record_for_the_configured_hours(self, client, settings):
        child, *_ = allocated_child()
        officer = outsider()
        client.force_login(officer)
        assert client.get(record_url(child)).status_code == 403

        response = client.post(
            reverse("people:break_glass", args=[child.pk]), {"reason": "Attending a domestic incident"}
        )

        assert response.status_code == 302
        assert response["Location"] == record_url(child)
        glass = BreakGlass.objects.get(user=officer, person=child)
        expected = timezone.now() + datetime.timedelta(hours=settings.BREAK_GLASS_HOURS)
        assert abs((glass.expires_at - expected).total_seconds()) < 60

        response = client.get(record_url(child))
        assert response.status_code == 200
        assert "You opened this record by breaking glass" in response.content.decode()
        views = list(RecordView.objects.filter(user=officer).order_by("at", "pk"))
        assert [v.allowed for v in views] == [False, True]
        assert views[1].basis == "break glass: Attending a domestic incident"

    def test_expired_break_glass_no_longer_opens(self, client):
        child, *_ = allocated_child()
        officer = outsider()
        BreakGlass.objects.create(
            user=officer,
            person=child,
            reason="Old",
            at=timezone.now() - datetime.timedelta(days=2),
            expires_at=timezone.now() - datetime.timedelta(days=1),
        )
        client.force_login(officer)
        assert client.get(record_url(child)).status_code == 403

    def test_get_is_not_allowed(self, client):
        child, *_ = allocated_child()
        client.force_login(police_officer())
        assert client.get(reverse("people:break_glass", args=[child.pk])).status_code == 405


class TestRecordPage:
    def test_shows_identity_address_family_workers_and_timeline(self, client):
        child, worker, _, team = allocated_child(forename="Maya", surname="Okafor", upn="A801200100001")
        mother = make_person(forename="Grace", surname="Okafor", birth_date=datetime.date(1990, 5, 1))
        relate(child, mother, RelationshipKind.MOTHER, parental_responsibility=True, lives_with=True)
        brother = make_person(forename="Tom", surname="Okafor", birth_date=datetime.date(2015, 1, 2))
        relate(brother, child, RelationshipKind.SIBLING)
        make_address(
            child,
            line1="1 Old Road",
            postcode="LE2 2BB",
            start_date=datetime.date(2018, 4, 1),
            end_date=datetime.date(2022, 6, 30),
        )
        make_address(child, line1="9 New Street", postcode="LE3 3CC", start_date=datetime.date(2022, 7, 1))
        client.force_login(worker)

        content = client.get(record_url(child)).content.decode()

        assert "Maya Okafor" in content
        assert "27 March 2018" in content
        assert "9 New Street" in content and "1 Old Road" in content
        assert "Grace Okafor" in content and "Mother" in content
        assert "Tom Okafor" in content and "Sibling" in content
        assert str(worker) in content and team.name in content
        assert "Timeline" in content
        assert "Born" in content
        assert "Allocated worker started" in content
        assert content.index("Address from") < content.index("Born")  # newest first

    def test_unborn_child_shows_expected_date(self, client):
        child, worker, *_ = allocated_child(birth_date=None, expected_birth_date=datetime.date(2031, 2, 3))
        client.force_login(worker)
        content = client.get(record_url(child)).content.decode()
        assert "Expected date of birth" in content
        assert "3 February 2031" in content

    def test_death_shows_age_at_death(self, client):
        child, worker, *_ = allocated_child(death_date=datetime.date(2021, 3, 1))
        client.force_login(worker)
        content = client.get(record_url(child)).content.decode()
        assert "Date of death" in content and "1 March 2021" in content
        assert "Age at death" in content

    def test_ended_involvements_are_not_listed_as_current(self, client):
        child, worker, *_ = allocated_child()
        former = make_user(first_name="Former", last_name="Worker")
        involve(
            child, user=former, start_date=datetime.date(2020, 1, 1), end_date=datetime.date(2020, 12, 31)
        )
        client.force_login(worker)
        content = client.get(record_url(child)).content.decode()
        assert "Allocated worker ended" in content  # in the timeline
        aside = content[content.index("working-heading") : content.index("Timeline")]
        assert "Former Worker" not in aside


class TestRecordHistory:
    def test_history_lists_changes_with_who_and_when(self, client):
        child, worker, *_ = allocated_child(forename="Maya")
        child.forename = "Maia"
        child._history_user = worker
        child.save()
        client.force_login(worker)

        response = client.get(reverse("people:history", args=[child.pk]))

        content = response.content.decode()
        assert response.status_code == 200
        assert "Forename: Maya → Maia" in content
        assert str(worker) in content
        assert RecordView.objects.filter(user=worker, path__endswith="/history/").exists()

    def test_history_is_access_controlled(self, client):
        child, *_ = allocated_child()
        client.force_login(police_officer())
        assert client.get(reverse("people:history", args=[child.pk])).status_code == 403


class TestAuditLog:
    def test_manager_sees_who_viewed(self, client):
        child, worker, manager, _ = allocated_child()
        officer = police_officer(first_name="Officer", last_name="Dibble")
        client.force_login(officer)
        client.get(record_url(child))
        client.force_login(worker)
        client.get(record_url(child))
        client.force_login(manager)

        response = client.get(reverse("people:audit", args=[child.pk]))

        content = response.content.decode()
        assert response.status_code == 200
        assert "Officer Dibble" in content and "Refused" in content
        assert str(worker) in content and "Allocated worker for the child" in content

    def test_social_worker_may_not_read_it(self, client):
        child, worker, *_ = allocated_child()
        client.force_login(worker)
        assert client.get(reverse("people:audit", args=[child.pk])).status_code == 403

    def test_manager_without_a_basis_is_refused_and_audited(self, client):
        child, *_ = allocated_child()
        stranger = make_user(role=Role.TEAM_MANAGER, manages=[make_team()])
        client.force_login(stranger)
        assert client.get(reverse("people:audit", args=[child.pk])).status_code == 403
        assert RecordView.objects.get(user=stranger).allowed is False


class TestWhatTheAuditSays:
    def test_a_page_that_fails_after_the_check_is_logged_as_not_served(self, client):
        child, worker, *_ = allocated_child()  # never looked after: the care forms have no period to add to
        client.force_login(worker)
        assert client.get(reverse("care:change_placement", args=[child.pk])).status_code == 404
        view = RecordView.objects.get(user=worker, person=child)
        assert not view.allowed and view.basis == "not served: page not found"

    def test_a_role_check_refusal_is_logged_against_the_child(self, client):
        child, worker, *_ = allocated_child()
        client.force_login(worker)
        assert client.get(reverse("people:audit", args=[child.pk])).status_code == 403
        view = RecordView.objects.get(user=worker, person=child)
        assert not view.allowed and "Only managers" in view.basis

    def test_a_read_only_refusal_says_why(self, client):
        child, *_ = allocated_child()
        officer = police_officer()
        share(child, officer.agency)
        client.force_login(officer)
        response = client.post(reverse("protection:record_visit", args=[child.pk]), {})
        assert response.status_code == 403
        assert "You can read this record but not record in it" in response.content.decode()
        view = RecordView.objects.get(user=officer, person=child)
        assert not view.allowed and view.basis_kind == BasisKind.SHARE and "no right to record" in view.basis

    def test_casework_on_a_merged_record_is_logged_against_both_records(self, client):
        from frontdoor.models import Contact
        from people.merging import merge_records

        survivor, worker, manager, _ = allocated_child()
        duplicate = make_person()
        contact = Contact.objects.create(
            person=duplicate, source="01", summary="Concern", received_at=timezone.now()
        )
        merge_records(survivor, duplicate, manager, "Same child")
        client.force_login(worker)
        assert client.get(reverse("frontdoor:contact", args=[contact.pk])).status_code == 200
        views = RecordView.objects.filter(user=worker, allowed=True)
        assert set(views.values_list("person_id", flat=True)) == {survivor.pk, duplicate.pk}

    def test_the_refusal_page_names_no_one(self, client):
        child, *_ = allocated_child(forename="Zephyrine", surname="Quill")
        client.force_login(police_officer())
        content = client.get(record_url(child)).content.decode()
        assert "Zephyrine" not in content and "Quill" not in content and child.la_id not in content
