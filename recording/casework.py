"""Case recording's card on a child's record: the latest case notes, and the documents and letters."""

from django.urls import reverse

from access.parts import Part
from people.casework import Card, Link, Row, card

from .models import Document, Letter, NoteChild

LATEST = 5


@card(5, Part.COUNCIL_ONLY)
def case_recording(child, user):
    links = (
        NoteChild.objects.filter(person_id__in=child.ids)
        .select_related("note", "note__author")
        .order_by("-note__happened_on", "-note__recorded_at")[:LATEST]
    )
    rows = [
        Row(
            f"{link.note.happened_on:%-d %b %Y}: {link.note.get_kind_display()}",
            f"{link.note.summary} ({link.note.author}; child {link.get_seen_display().lower()})",
            reverse("recording:note", args=[link.pk]),
        )
        for link in links
    ]
    documents = Document.objects.filter(person_id__in=child.ids).count()
    letters = Letter.objects.filter(person_id__in=child.ids).count()
    pk = child.person.pk
    if documents or letters:
        rows.append(
            Row(
                "Documents and letters",
                f"{documents} document{'s' * (documents != 1)}, {letters} letter{'s' * (letters != 1)}",
                reverse("recording:documents", args=[pk]),
            )
        )
    actions = (
        [
            Link("Add a case note", reverse("recording:new_note", args=[pk])),
            Link("Upload a document", reverse("recording:upload", args=[pk])),
            Link("Write a letter", reverse("recording:new_letter", args=[pk])),
        ]
        if child.may_record
        else []
    )
    actions.append(Link("All case notes", reverse("recording:notes", args=[pk])))
    if not (documents or letters):
        actions.append(Link("Documents and letters", reverse("recording:documents", args=[pk])))
    return Card("Case notes, documents and letters", rows, actions, empty="No case notes yet.")
