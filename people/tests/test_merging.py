"""Merging duplicate records and undoing a merge: nothing is lost, everything is logged."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from access.models import Action, BreakGlass, InvolvementKind, RecordView, Role
from people.merging import merge_records, merged_ids, survivor_of, undo_merge
from people.models import Person, PersonMerge
from tests.factories import allocated_child, involve, make_address, make_person, make_team, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager():
    return make_user(role=Role.TEAM_MANAGER, manages=[make_team()])


@pytest.fixture
def pair():
    survivor = make_person(forename="Maya", surname="Okafor", la_id="LA-KEEP")
    duplicate = make_person(forename="Maya", surname="Okafor", la_id="LA-DUP", nhs_number=None)
    return survivor, duplicate


class TestMergeRules:
    def test_merge_marks_the_duplicate_and_logs_it(self, pair, manager):
        survivor, duplicate = pair
        merge = merge_records(survivor, duplicate, manager, "Same child: same DOB and address")

        duplicate.refresh_from_db()
        assert duplicate.merged_into == survivor
        assert merge.survivor == survivor and merge.duplicate == duplicate and merge.merged_by == manager
        latest = duplicate.history.latest()
        assert latest.history_user == manager
        assert "Merged into LA-KEEP" in latest.history_change_reason

    def test_cannot_merge_a_record_into_itself(self, pair, manager):
        survivor, _ = pair
        with pytest.raises(ValidationError, match="cannot be merged into itself"):
            merge_records(survivor, survivor, manager, "Oops")

    def test_cannot_merge_twice(self, pair, manager):
        survivor, duplicate = pair
        merge_records(survivor, duplicate, manager, "Same child")
        other = make_person(la_id="LA-OTHER")
        with pytest.raises(ValidationError, match="already merged into"):
            merge_records(other, duplicate, manager, "Again")

    def test_cannot_merge_into_a_merged_record(self, pair, manager):
        survivor, duplicate = pair
        merge_records(survivor, duplicate, manager, "Same child")
        third = make_person(la_id="LA-THIRD")
        with pytest.raises(ValidationError, match="is itself merged into"):
            merge_records(duplicate, third, manager, "Into the merged one")

    def test_reason_is_required(self, pair, manager):
        with pytest.raises(ValidationError, match="reason"):
            merge_records(*pair, manager, "   ")

    def test_undo_restores_and_keeps_both_histories(self, pair, manager):
        survivor, duplicate = pair
        versions_before = duplicate.history.count()
        merge = merge_records(survivor, duplicate, manager, "Same child")

        undo_merge(merge, manager, "Twins, not one child")

        duplicate.refresh_from_db()
        merge.refresh_from_db()
        assert duplicate.merged_into is None
        assert merge.undone_by == manager and merge.undone_at and merge.undo_reason == "Twins, not one child"
        assert duplicate.history.count() == versions_before + 2  # merged, then unmerged: nothing deleted
        assert Person.objects.filter(pk__in=[survivor.pk, duplicate.pk]).count() == 2

    def test_cannot_undo_twice(self, pair, manager):
        merge = merge_records(*pair, manager, "Same child")
        undo_merge(merge, manager, "Wrong")
        with pytest.raises(ValidationError, match="already undone"):
            undo_merge(merge, manager, "Again")

    def test_chains_of_merges_are_followed(self, manager):
        first, second, third = make_person(), make_person(), make_person()
        merge_records(second, first, manager, "Same")
        merge_records(third, second, manager, "Same")
        first.refresh_from_db()
        assert survivor_of(first) == third
        assert sorted(merged_ids(third)) == sorted([first.pk, second.pk, third.pk])


def held_by(team, *people):
    for person in people:
        involve(person, team=team, kind=InvolvementKind.TEAM)


def glass(user, *people):
    for person in people:
        BreakGlass.objects.create(
            user=user,
            person=person,
            reason="Duplicate check",
            expires_at=timezone.now() + datetime.timedelta(hours=1),
        )


class TestMergePages:
    def test_only_managers_and_data_quality_officers_may_merge(self, client, pair):
        survivor, _ = pair
        team = make_team()
        held_by(team, survivor)
        for role in (Role.SOCIAL_WORKER, Role.ADMINISTRATOR, Role.ANALYST, Role.PARTNER):
            user = make_user(role=role, teams=[team])
            client.force_login(user)
            assert client.get(reverse("people:merge", args=[survivor.pk])).status_code == 403, role
            assert RecordView.objects.get(user=user, person=survivor).allowed is False
        client.force_login(make_user(role=Role.TEAM_MANAGER, manages=[team]))
        assert client.get(reverse("people:merge", args=[survivor.pk])).status_code == 200

    def test_a_manager_cannot_merge_a_record_they_cannot_open(self, client, pair, manager):
        survivor, _ = pair
        client.force_login(manager)
        response = client.get(reverse("people:merge", args=[survivor.pk]))
        assert response.status_code == 403
        assert "Maya" not in response.content.decode()
        assert RecordView.objects.get(user=manager, person=survivor).allowed is False

    def test_nor_merge_into_one_they_can_open_a_record_they_cannot(self, client, pair, manager):
        """The way to read an unrelated child's casework would be to merge it into a record one can open."""
        survivor, duplicate = pair
        duplicate.forename = "Secret"
        duplicate.save()
        held_by(manager.memberships.get().team, survivor)
        client.force_login(manager)
        url = reverse("people:merge", args=[survivor.pk])
        asked = {"duplicate_la_id": "LA-DUP", "reason": "Same"}
        for data in (asked, {**asked, "confirm": "yes"}):
            content = client.post(url, data).content.decode()
            assert "you have no relationship with the record with council ID LA-DUP" in content
            assert "Secret" not in content
        assert not PersonMerge.objects.exists()
        refused = RecordView.objects.filter(user=manager, person=duplicate)
        assert refused.count() == 2 and not refused.filter(allowed=True).exists()

    def test_merge_asks_for_confirmation_then_merges_audited_on_both(self, client, pair, manager):
        survivor, duplicate = pair
        held_by(manager.memberships.get().team, survivor, duplicate)
        client.force_login(manager)
        url = reverse("people:merge", args=[survivor.pk])

        check = client.post(url, {"duplicate_la_id": "LA-DUP", "reason": "Same child"})
        assert check.status_code == 200
        assert "Check these are the same person" in check.content.decode()
        assert not PersonMerge.objects.exists()

        done = client.post(url, {"duplicate_la_id": "LA-DUP", "reason": "Same child", "confirm": "yes"})
        assert done.status_code == 302
        assert PersonMerge.objects.get().duplicate == duplicate
        for person in (survivor, duplicate):
            views = RecordView.objects.filter(user=manager, person=person, action=Action.MERGE)
            assert views.count() == 2 and all(v.allowed for v in views)

    def test_a_data_quality_officer_merges_after_breaking_glass_on_both(self, client, pair):
        survivor, duplicate = pair
        officer = make_user(role=Role.DATA_QUALITY)
        client.force_login(officer)
        url = reverse("people:merge", args=[survivor.pk])
        assert client.get(url).status_code == 403
        glass(officer, survivor)
        content = client.post(url, {"duplicate_la_id": "LA-DUP", "reason": "Same"}).content.decode()
        assert "Break glass on the record with council ID LA-DUP before merging it" in content
        glass(officer, duplicate)
        confirmed = {"duplicate_la_id": "LA-DUP", "reason": "Same", "confirm": "yes"}
        assert client.post(url, confirmed).status_code == 302
        assert PersonMerge.objects.get().merged_by == officer

    def test_merge_errors_are_shown_on_the_form(self, client, pair, manager):
        survivor, duplicate = pair
        held_by(manager.memberships.get().team, survivor, duplicate)
        client.force_login(manager)
        url = reverse("people:merge", args=[survivor.pk])

        missing = client.post(url, {"duplicate_la_id": "", "reason": ""}).content.decode()
        assert "Enter the council ID of the duplicate record" in missing
        assert "Enter why these records are the same person" in missing

        unknown = client.post(url, {"duplicate_la_id": "LA-NONE", "reason": "x"}).content.decode()
        assert "There is no record with council ID LA-NONE" in unknown

        itself = client.post(url, {"duplicate_la_id": "LA-KEEP", "reason": "x"}).content.decode()
        assert "cannot be merged into itself" in itself
        assert 'href="#id_duplicate_la_id"' in itself

    def test_after_merge_survivor_shows_duplicate_timeline_and_search_hides_it(self, client, manager):
        survivor, worker, _, team = allocated_child(forename="Maya", surname="Okafor")
        duplicate = make_person(forename="Maya", surname="Okafor", la_id="LA-DUP")
        make_address(
            duplicate, line1="5 Elsewhere Road", postcode="LE9 9ZZ", start_date=datetime.date(2021, 5, 5)
        )
        merge_records(survivor, duplicate, manager, "Same child")
        client.force_login(worker)

        page = client.get(reverse("people:record", args=[survivor.pk])).content.decode()
        assert "5 Elsewhere Road" in page
        assert "from merged record LA-DUP" in page

        results = client.get(reverse("people:search"), {"surname": "okafor"}).context["results"]
        assert [p.pk for p in results] == [survivor.pk]

        history = client.get(reverse("people:history", args=[survivor.pk])).content.decode()
        assert "On merged record LA-DUP" in history
        assert "Merged into " + survivor.la_id in history

        redirect = client.get(reverse("people:record", args=[duplicate.pk]))
        assert redirect.status_code == 302
        assert redirect["Location"] == reverse("people:record", args=[survivor.pk])

    def test_worker_of_the_duplicate_may_open_the_survivor(self, client, manager):
        survivor = make_person(la_id="LA-KEEP")
        duplicate, worker, *_ = allocated_child(la_id="LA-DUP")
        merge_records(survivor, duplicate, manager, "Same child")
        client.force_login(worker)
        response = client.get(reverse("people:record", args=[survivor.pk]))
        assert response.status_code == 200
        assert "on merged record LA-DUP" in response.context["basis"].text

    def test_undo_page_separates_the_records(self, client, manager):
        survivor, worker, _, team = allocated_child(forename="Maya", surname="Okafor")
        duplicate = make_person(forename="Maya", surname="Okafor", la_id="LA-DUP")
        involve(duplicate, user=worker)
        merge = merge_records(survivor, duplicate, manager, "Same child")
        stranger = make_user(role=Role.TEAM_MANAGER, manages=[make_team()])
        client.force_login(stranger)
        url = reverse("people:undo_merge", args=[merge.pk])
        assert client.get(url).status_code == 403  # no basis on either record
        held_by(stranger.memberships.get().team, survivor)
        assert client.get(url).status_code == 403  # nor on the duplicate
        assert RecordView.objects.filter(user=stranger, person=duplicate, allowed=False).count() == 1
        manager = make_user(role=Role.TEAM_MANAGER, manages=[team])
        client.force_login(manager)

        assert "Enter why you are undoing this merge" in client.post(url, {"reason": ""}).content.decode()
        response = client.post(url, {"reason": "Twins"})

        assert response.status_code == 302
        duplicate.refresh_from_db()
        assert duplicate.merged_into is None
        client.force_login(worker)
        results = client.get(reverse("people:search"), {"surname": "okafor"}).context["results"]
        assert {p.pk for p in results} == {survivor.pk, duplicate.pk}
        page = client.get(reverse("people:record", args=[survivor.pk])).content.decode()
        assert "from merged record" not in page
        assert "Merge undone" in page  # the log stays on the timeline
