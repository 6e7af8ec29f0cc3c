"""The front door's review queue and managers' duplicates worklist: who may use them, the evidence shown,
the audit, and what each decision saves."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from access.models import AgencyKind, BasisKind, Disclosure, RecordView, Role, TeamKind
from frontdoor.models import Contact
from people.models import Person, PersonMerge
from sharing.models import (
    DuplicatePair,
    DuplicateStatus,
    LinkCandidate,
    LinkStatus,
    PartnerRecord,
    RecordKind,
)
from tests import factories

pytestmark = pytest.mark.django_db
EVIDENCE = [
    {"comparison": "prior", "level": "How often two records are the same child by chance", "weight": -16.0},
    {"comparison": "forename", "level": "First name a short form or nickname of the other", "weight": 6.5},
    {"comparison": "dob", "level": "Day and month of birth swapped", "weight": 7.2},
    {"comparison": "address", "level": "Different areas", "weight": -3.1},
]


@pytest.fixture
def front_door():
    team = factories.make_team("Front Door (MASH)", TeamKind.FRONT_DOOR)
    return team, factories.make_user(teams=[team])


def browser(user):
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    return client


def queued(kind=RecordKind.DOMESTIC_ABUSE, candidates=()):
    agency = factories.make_agency("Shire Police", AgencyKind.POLICE)
    record = PartnerRecord.objects.create(
        agency=agency,
        kind=kind,
        forename="Billy",
        surname="Smith",
        received_at=timezone.now(),
        status=LinkStatus.REVIEW,
        summary="Officers attended a disturbance.",
    )
    for weight, person in candidates:
        LinkCandidate.objects.create(
            record=record, person=person, match_weight=weight, match_probability=0.9, evidence=EVIDENCE
        )
    return record


def test_the_queue_and_review_pages_are_for_front_door_staff_and_refusals_are_audited(front_door):
    child = factories.make_person(forename="William")
    record = queued(candidates=[(4.0, child)])
    outsider = factories.make_user()
    manager_elsewhere = factories.make_user(role=Role.TEAM_MANAGER, manages=[factories.make_team()])
    for user in (outsider, manager_elsewhere):
        assert browser(user).get(reverse("sharing:queue")).status_code == 403
        page = browser(user).get(reverse("sharing:review", args=[record.pk]))
        assert page.status_code == 403 and "William" not in page.content.decode()
        assert RecordView.objects.filter(user=user, allowed=False, person=None).count() == 2
    front_door_manager = factories.make_user(role=Role.TEAM_MANAGER, manages=[front_door[0]])
    assert browser(front_door_manager).get(reverse("sharing:queue")).status_code == 200
    page = browser(front_door[1]).get(reverse("sharing:queue"))
    assert page.status_code == 200 and "Billy Smith" in page.content.decode()
    listed = Disclosure.objects.get(user=front_door[1])
    assert (listed.what, listed.count) == ("Partner records to match", 1)


def test_the_review_page_shows_the_evidence_for_and_against_and_audits_each_candidate(front_door):
    first, second = factories.make_person(forename="William"), factories.make_person(forename="Billie")
    record = queued(candidates=[(4.2, first), (1.0, second)])
    page = browser(front_door[1]).get(reverse("sharing:review", args=[record.pk])).content.decode()
    for text in (
        "Day and month of birth swapped",
        "+7.2 for",
        "-3.1 against",
        "First name a short form or nickname",
        first.la_id,
        second.la_id,
        "decision is due within 1 working day",
    ):
        assert text in page
    views = RecordView.objects.filter(allowed=True)
    assert set(views.values_list("person_id", flat=True)) == {first.pk, second.pk}
    assert set(views.values_list("basis_kind", flat=True)) == {BasisKind.IDENTITY}


def test_accepting_a_candidate_links_the_record_and_opens_a_contact_received_when_it_arrived(front_door):
    child = factories.make_person()
    record = queued(candidates=[(4.0, child)])
    response = browser(front_door[1]).post(
        reverse("sharing:review", args=[record.pk]), {"action": "match", "choice": str(child.pk)}
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert (record.status, record.person, record.link_method, record.linked_by) == (
        LinkStatus.LINKED,
        child,
        "worker",
        front_door[1],
    )
    assert Contact.objects.get().received_at == record.received_at
    assert not record.candidates.exists()


def test_choosing_nothing_is_a_clear_error_and_changes_nothing(front_door):
    record = queued(candidates=[(4.0, factories.make_person())])
    response = browser(front_door[1]).post(reverse("sharing:review", args=[record.pk]), {"action": "match"})
    assert response.status_code == 200
    assert "Choose the child this record is about" in response.content.decode()
    record.refresh_from_db()
    assert record.status == LinkStatus.REVIEW


def test_a_notification_about_an_unknown_child_makes_a_new_child(front_door):
    record = queued()
    browser(front_door[1]).post(
        reverse("sharing:review", args=[record.pk]), {"action": "match", "choice": "new"}
    )
    record.refresh_from_db()
    assert record.person.full_name == "Billy Smith" and record.link_method == "new_child"
    assert Contact.objects.get().person == record.person


def test_a_school_roll_about_no_known_child_is_marked_not_known(front_door):
    record = queued(kind=RecordKind.SCHOOL_ROLL, candidates=[(0.5, factories.make_person())])
    browser(front_door[1]).post(
        reverse("sharing:review", args=[record.pk]), {"action": "match", "choice": "not_known"}
    )
    record.refresh_from_db()
    assert record.status == LinkStatus.NOT_KNOWN and not Contact.objects.exists()


def test_a_front_door_manager_merges_two_candidates_they_can_open_and_links_the_record_to_the_one_kept(
    front_door,
):
    kept, duplicate = factories.make_person(), factories.make_person(nhs_number=None)
    record = queued(candidates=[(9.0, kept), (8.5, duplicate)])
    merge = {"action": "merge", "keep": kept.pk, "duplicate": duplicate.pk, "reason": "Same child"}
    worker_try = browser(front_door[1]).post(reverse("sharing:review", args=[record.pk]), merge)
    assert worker_try.status_code == 200 and not PersonMerge.objects.exists()  # workers do not merge
    manager = factories.make_user(role=Role.TEAM_MANAGER, manages=[front_door[0]])
    page = browser(manager).get(reverse("sharing:review", args=[record.pk])).content.decode()
    assert "Two of these are the same child" not in page  # no relationship with either record
    factories.involve(kept, team=front_door[0])
    assert (
        "Two of these are the same child"
        not in browser(manager).get(reverse("sharing:review", args=[record.pk])).content.decode()
    )
    refused = browser(manager).post(reverse("sharing:review", args=[record.pk]), merge)
    assert refused.status_code == 200 and not PersonMerge.objects.exists()
    factories.involve(duplicate, team=front_door[0])
    browser(manager).post(
        reverse("sharing:review", args=[record.pk]), {**merge, "reason": "School confirmed"}
    )
    merged = PersonMerge.objects.get()
    assert (merged.survivor, merged.duplicate, merged.merged_by) == (kept, duplicate, manager)
    record.refresh_from_db()
    assert record.person == kept
    logged = RecordView.objects.filter(user=manager, action="merge", allowed=True)
    assert set(logged.values_list("person_id", flat=True)) == {kept.pk, duplicate.pk}


def test_managers_merge_possible_duplicates_they_can_open_or_separate_any(front_door):
    first, second = factories.make_person(), factories.make_person(nhs_number=None)
    pair = DuplicatePair.objects.create(
        first=first, second=second, match_weight=12.0, match_probability=0.99, evidence=EVIDENCE
    )
    assert browser(front_door[1]).get(reverse("sharing:duplicates")).status_code == 403
    team = factories.make_team()
    manager = factories.make_user(role=Role.TEAM_MANAGER, manages=[team])
    listed = browser(manager).get(reverse("sharing:duplicates"))
    assert listed.status_code == 200 and set(
        Disclosure.objects.get(user=manager).children.values_list("person_id", flat=True)
    ) == {first.pk, second.pk}
    page = browser(manager).get(reverse("sharing:duplicate", args=[pair.pk]))
    assert page.status_code == 200 and "Day and month of birth swapped" in page.content.decode()
    assert RecordView.objects.filter(user=manager, allowed=True, basis_kind=BasisKind.IDENTITY).count() == 2
    missing_reason = browser(manager).post(
        reverse("sharing:duplicate", args=[pair.pk]), {"outcome": "merge_second"}
    )
    assert "Enter the reason" in missing_reason.content.decode() and not PersonMerge.objects.exists()
    merge = {"outcome": "merge_second", "reason": "Same NHS number on the GP record"}
    refused = browser(manager).post(reverse("sharing:duplicate", args=[pair.pk]), merge)
    assert "You can merge only records you can open" in refused.content.decode()
    assert not PersonMerge.objects.exists()
    assert RecordView.objects.filter(user=manager, allowed=False, action="merge", person=first).exists()
    for person in (first, second):
        factories.involve(person, team=team)
    browser(manager).post(reverse("sharing:duplicate", args=[pair.pk]), merge)
    pair.refresh_from_db()
    assert pair.status == DuplicateStatus.MERGED and pair.merge.survivor == first
    assert Person.objects.get(pk=second.pk).merged_into == first


def test_a_pair_of_different_people_leaves_the_worklist_whoever_the_manager(front_door):
    pair = DuplicatePair.objects.create(
        first=factories.make_person(),
        second=factories.make_person(),
        match_weight=5.0,
        match_probability=0.9,
        evidence=EVIDENCE,
    )
    manager = factories.make_user(role=Role.TEAM_MANAGER, manages=[factories.make_team()])
    browser(manager).post(
        reverse("sharing:duplicate", args=[pair.pk]), {"outcome": "different", "reason": "Different mothers"}
    )
    pair.refresh_from_db()
    assert pair.status == DuplicateStatus.DIFFERENT and pair.resolved_by == manager
