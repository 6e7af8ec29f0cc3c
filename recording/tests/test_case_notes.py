"""Case notes: written on one child's record or shared with siblings (checked child by child), drafts kept."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from access.models import RecordView, Role
from people.codes import RelationshipKind
from people.models import Draft
from protection.models import Visit, VisitKind
from recording.models import CaseNote, ChildSeen, NoteChild, NoteKind
from tests.factories import allocated_child, date_fields, involve, make_person, make_team, make_user, relate

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def note_data(**extra):
    return {
        "kind": NoteKind.VISIT,
        "seen": ChildSeen.SEEN_ALONE,
        "summary": "Home visit",
        "text": "Mia showed me her room and said she feels safe.",
        **date_fields("happened_on", TODAY()),
        **extra,
    }


@pytest.fixture
def family():
    """Mia and her brother Leo, both allocated to the worker; a half-sister Ava open to another team."""
    mia, worker, manager, team = allocated_child(forename="Mia", surname="Hart")
    leo = make_person(forename="Leo", surname="Hart", birth_date=datetime.date(2015, 6, 1))
    involve(leo, user=worker, team=team)
    ava = make_person(forename="Ava", surname="Stone", birth_date=datetime.date(2012, 1, 9))
    involve(ava, user=make_user(teams=[make_team()]))
    mum = make_person(forename="Kim", surname="Hart", birth_date=datetime.date(1990, 2, 2))
    relate(mia, leo, RelationshipKind.SIBLING)
    relate(mia, ava, RelationshipKind.HALF_SIBLING)
    relate(mia, mum, RelationshipKind.MOTHER)
    return mia, leo, ava, worker, manager


def test_a_worker_records_a_note_shown_on_the_record_and_in_the_timeline(client, family):
    mia, _, _, worker, _ = family
    client.force_login(worker)
    response = client.post(reverse("recording:new_note", args=[mia.pk]), note_data())
    link = NoteChild.objects.get(person=mia)
    assert response.url == reverse("recording:note", args=[link.pk])
    assert link.seen == ChildSeen.SEEN_ALONE and link.note.author == worker
    record = client.get(reverse("people:record", args=[mia.pk])).content.decode()
    assert "Home visit" in record and "Case notes, documents and letters" in record
    page = client.get(response.url).content.decode()
    assert "she feels safe" in page and "Seen alone" in page


def test_a_note_is_shared_only_with_siblings_the_worker_may_record_on(client, family):
    mia, leo, ava, worker, _ = family
    client.force_login(worker)
    form = client.get(reverse("recording:new_note", args=[mia.pk])).content.decode()
    assert "Leo Hart" in form and "Ava Stone" not in form and "Kim Hart" not in form
    client.post(
        reverse("recording:new_note", args=[mia.pk]),
        note_data(also=[str(leo.pk)], **{f"seen_{leo.pk}": ChildSeen.NOT_SEEN}),
    )
    note = CaseNote.objects.get()
    assert {(c.person_id, c.seen) for c in note.children.all()} == {
        (mia.pk, ChildSeen.SEEN_ALONE),
        (leo.pk, ChildSeen.NOT_SEEN),
    }
    assert RecordView.objects.filter(user=worker, person=leo, allowed=True, action="record").exists()
    leo_record = client.get(reverse("people:record", args=[leo.pk])).content.decode()
    assert "Home visit" in leo_record
    forged = client.post(
        reverse("recording:new_note", args=[mia.pk]),
        note_data(summary="Forged", also=[str(ava.pk)], **{f"seen_{ava.pk}": ChildSeen.SEEN}),
    )
    assert forged.status_code == 200 and not CaseNote.objects.filter(summary="Forged").exists()


def test_a_shared_note_names_only_the_children_the_reader_may_open(client, family):
    mia, leo, _, worker, _ = family
    client.force_login(worker)
    client.post(
        reverse("recording:new_note", args=[mia.pk]),
        note_data(also=[str(leo.pk)], **{f"seen_{leo.pk}": ChildSeen.SEEN}),
    )
    other = make_user(teams=[make_team()])
    involve(mia, user=other)  # another worker with Mia only
    client.force_login(other)
    page = client.get(reverse("recording:note", args=[NoteChild.objects.get(person=mia).pk])).content.decode()
    assert "Leo" not in page and "1 other child whose record you cannot open" in page
    refused = client.get(reverse("recording:note", args=[NoteChild.objects.get(person=leo).pk]))
    assert refused.status_code == 403


def test_the_sibling_must_say_whether_they_were_seen(client, family):
    mia, leo, _, worker, _ = family
    client.force_login(worker)
    response = client.post(reverse("recording:new_note", args=[mia.pk]), note_data(also=[str(leo.pk)]))
    assert "Select whether Leo Hart was seen" in response.content.decode()
    assert not CaseNote.objects.exists()


def test_only_managers_write_management_notes(client, family):
    mia, _, _, worker, manager = family
    client.force_login(worker)
    response = client.post(reverse("recording:new_note", args=[mia.pk]), note_data(kind=NoteKind.MANAGEMENT))
    assert (
        "Select the what kind of note is this? from the list" in response.content.decode()
        or not CaseNote.objects.exists()
    )
    assert not CaseNote.objects.exists()
    client.force_login(manager)
    client.post(reverse("recording:new_note", args=[mia.pk]), note_data(kind=NoteKind.MANAGEMENT))
    assert CaseNote.objects.get().kind == NoteKind.MANAGEMENT


def test_a_form_that_cannot_be_saved_is_kept_as_a_draft_and_offered_back(client, family):
    mia, _, _, worker, _ = family
    client.force_login(worker)
    url = reverse("recording:new_note", args=[mia.pk])
    response = client.post(url, {"text": "Long note typed before lunch", "summary": ""})
    assert response.status_code == 200 and "Enter the summary" in response.content.decode()
    draft = Draft.objects.get(user=worker, path=url)
    assert draft.person == mia and draft.data["text"] == ["Long note typed before lunch"]
    again = client.get(url).content.decode()
    assert "Long note typed before lunch" in again and "draft you were writing" in again
    assert "There is a problem" not in again
    notes = client.get(reverse("recording:notes", args=[mia.pk])).content.decode()
    assert "Your drafts, not yet saved" in notes
    client.post(url, note_data())
    assert not Draft.objects.filter(user=worker).exists()


def test_the_autosave_endpoint_keeps_drafts_only_for_pages_that_record(client, family):
    mia, _, _, worker, _ = family
    client.force_login(worker)
    url = reverse("recording:new_note", args=[mia.pk])
    saved = client.post(
        reverse("people:draft"),
        {"draft_path": url, "draft_title": "Add a case note", "text": "typed so far"},
        HTTP_ACCEPT="application/json",
    )
    assert saved.status_code == 200 and "saved_at" in saved.json() and "no-store" in saved["Cache-Control"]
    assert Draft.objects.get(user=worker).data == {"text": ["typed so far"]}
    token = client.get(reverse("people:draft"), {"path": url})
    assert token.status_code == 200 and token.json()["csrf"]
    assert "typed so far" not in token.content.decode()
    assert (
        client.post(
            reverse("people:draft"), {"draft_path": reverse("people:record", args=[mia.pk]), "text": "x"}
        ).status_code
        == 404
    )
    assert client.post(reverse("people:draft"), {"draft_path": "/nowhere/", "text": "x"}).status_code == 404
    client.post(reverse("people:discard_draft"), {"draft_path": url})
    assert not Draft.objects.exists()


def test_signed_out_mid_form_shows_what_was_typed(client, family):
    mia, _, _, _, _ = family
    url = reverse("recording:new_note", args=[mia.pk])
    response = client.post(url, {"text": "A long note the worker must not lose."})
    assert response.status_code == 401
    page = response.content.decode()
    assert "A long note the worker must not lose." in page and "Sign in again" in page
    assert client.get(url).status_code == 302


def test_the_notes_page_lists_notes_and_visits_and_filters_by_kind(client, family):
    mia, _, _, worker, _ = family
    client.force_login(worker)
    client.post(
        reverse("recording:new_note", args=[mia.pk]),
        note_data(kind=NoteKind.PHONE_CALL, summary="Call with school"),
    )
    Visit.objects.create(
        person=mia,
        kind=VisitKind.CHILD_PROTECTION,
        visited_on=TODAY(),
        visited_by=worker,
        child_seen=True,
        seen_alone=True,
        notes="Bedroom clean; Mia chatty.",
    )
    url = reverse("recording:notes", args=[mia.pk])
    everything = client.get(url).content.decode()
    assert "Call with school" in everything and "Mia chatty" in everything
    calls = client.get(url, {"kind": NoteKind.PHONE_CALL}).content.decode()
    assert "Call with school" in calls and "Mia chatty" not in calls
    visits = client.get(url, {"kind": "statutory_visit"}).content.decode()
    assert "Call with school" not in visits and "Mia chatty" in visits


def test_a_partner_with_a_share_neither_reads_nor_writes_notes(client, family):
    """Case notes are the council's own recording (access.parts.Part.COUNCIL_ONLY): no share covers them."""
    mia, _, _, worker, _ = family
    client.force_login(worker)
    client.post(reverse("recording:new_note", args=[mia.pk]), note_data())
    from access.models import AgencyKind
    from tests.factories import make_agency, share

    police = make_user(role=Role.PARTNER, agency=make_agency("Police", AgencyKind.POLICE))
    share(mia, police.agency)
    client.force_login(police)
    assert client.get(reverse("recording:notes", args=[mia.pk])).status_code == 403
    assert client.post(reverse("recording:new_note", args=[mia.pk]), note_data()).status_code == 403
