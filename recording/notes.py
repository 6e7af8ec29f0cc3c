"""Case note pages: write a note (on one child's record, or on several children's in a family), read a
note, and a child's case notes with their visits.

A note about several children is checked child by child: the worker chooses only among the children in
the family network whose records they may record in, each is checked again as the note is saved, and each
is logged as recorded in. A note is read through the record of the child it is opened from, so a reader
sees it only on a record they may open, and is told of the other children it is on only if they may open
those records too.
"""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from access.audit import log_access
from access.basis import Work, may_record
from access.models import Action
from access.parts import Part
from access.relationships import access_basis, openable
from care.models import Visit as CareVisit
from people.access_views import casework_read, check_child, child_read, child_write
from people.casework import posted, save_form
from people.drafts import for_child
from people.family import family_network
from protection.models import Visit as ProtectionVisit

from .forms import CaseNoteForm
from .models import CaseNote, ChildSeen, NoteChild, NoteKind

NOTES_PER_PAGE = 50


def _is_child(person, today) -> bool:
    age = person.age_on(today)
    return person.is_unborn or (age is not None and age < 18)


def others_to_record_on(child, user) -> list[tuple]:
    """Children in the family network (current records, not ended relationships) the user may record on."""
    today = timezone.localdate()
    found = []
    for member in family_network(child.ids):
        other = member["person"]
        ended = member["relationship"].end_date and member["relationship"].end_date < today
        if ended or other.merged_into_id or not _is_child(other, today) or other in [p for p, _ in found]:
            continue
        if may_record(user, access_basis(user, other), Work.CASEWORK):
            found.append((other, f"{other.full_name} ({member['kind'].lower()}, council ID {other.la_id})"))
    return found


def note_url(link) -> str:
    return reverse("recording:note", args=[link.pk])


@child_write()
def new_note(request, child):
    person = child.person
    others = others_to_record_on(child, request.user)
    form = CaseNoteForm(
        posted(request),
        child_name=person.forename or "the child",
        others=others,
        management=child.may(Work.OVERSIGHT),
        initial={"happened_on": timezone.localdate()},
    )

    def save(form):
        data = form.cleaned_data
        note = CaseNote.objects.create(
            kind=data["kind"],
            happened_on=data["happened_on"],
            summary=data["summary"],
            text=data["text"],
            author=request.user,
        )
        link = NoteChild.objects.create(note=note, person=person, seen=data["seen"])
        siblings = []
        for other, seen in data["siblings"]:
            if check_child(request, other, Work.CASEWORK, Action.RECORD) is None:
                raise ValidationError({"also": f"You cannot record on the record of {other.full_name}"})
            NoteChild.objects.create(note=note, person=other, seen=seen)
            siblings.append(other)
        for other in siblings:
            log_access(
                request,
                [other],
                allowed=True,
                text=f"case note shared from the record of {person.la_id}",
                action=Action.RECORD,
                kind=access_basis(request.user, other).kind,
            )
        return note_url(link)

    return save_form(
        request,
        form,
        save,
        success="Case note saved.",
        template="recording/note_form.html",
        person=person,
        title="Add a case note",
        back_url=reverse("recording:notes", args=[person.pk]),
        button="Save the case note",
    )


@casework_read(NoteChild, part=Part.COUNCIL_ONLY)
def note(request, link, child):
    note = link.note
    others = list(note.children.exclude(pk=link.pk).select_related("person"))
    may_open = openable(request.user, [o.person_id for o in others])
    return render(
        request,
        "recording/note.html",
        {
            "person": child.person,
            "link": link,
            "note": note,
            "shared": [o for o in others if o.person_id in may_open],
            "hidden": len([o for o in others if o.person_id not in may_open]),
            "changes": note.history.count() - 1,
        },
    )


def _visit_rows(ids) -> list[dict]:
    """Statutory visits are case recording too: shown with their notes beside the case notes."""
    rows = []
    for visit in ProtectionVisit.objects.filter(person_id__in=ids).select_related("visited_by"):
        rows.append(
            {
                "date": visit.visited_on,
                "kind": visit.get_kind_display(),
                "by": visit.visited_by,
                "seen": _seen(visit),
                "summary": "",
                "text": visit.notes,
                "url": None,
            }
        )
    for visit in CareVisit.objects.filter(person_id__in=ids).select_related("visited_by"):
        rows.append(
            {
                "date": visit.visited_on,
                "kind": "Statutory visit (child in care)",
                "by": visit.visited_by,
                "seen": _seen(visit),
                "summary": "",
                "text": visit.notes,
                "url": reverse("care:record", args=[visit.person_id]),
            }
        )
    return rows


def _seen(visit) -> str:
    if visit.seen_alone:
        return ChildSeen.SEEN_ALONE.label
    return ChildSeen.SEEN.label if visit.child_seen else ChildSeen.NOT_SEEN.label


KIND_FILTERS = [("", "All"), *NoteKind.choices, ("statutory_visit", "Statutory visits")]


@child_read(part=Part.COUNCIL_ONLY)
def notes(request, child):
    """The child's case notes and statutory visits, newest first, filtered by kind."""
    kind = request.GET.get("kind", "")
    kind = kind if kind in dict(KIND_FILTERS) else ""
    links = NoteChild.objects.filter(person_id__in=child.ids).select_related("note", "note__author")
    rows = []
    if kind != "statutory_visit":
        if kind:
            links = links.filter(note__kind=kind)
        rows = [
            {
                "date": link.note.happened_on,
                "kind": link.note.get_kind_display(),
                "by": link.note.author,
                "seen": link.get_seen_display(),
                "summary": link.note.summary,
                "text": link.note.text,
                "url": note_url(link),
                "recorded_at": link.note.recorded_at,
            }
            for link in links
        ]
    if kind in ("", "statutory_visit", NoteKind.VISIT):
        rows += _visit_rows(child.ids)
    rows.sort(key=lambda row: (row["date"], row.get("recorded_at") or timezone.now()), reverse=True)
    page = Paginator(rows, NOTES_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "recording/notes.html",
        {
            "person": child.person,
            "page": page,
            "kinds": KIND_FILTERS,
            "kind": kind,
            "may_record": child.may_record,
            "drafts": for_child(request.user, child.ids),
        },
    )
