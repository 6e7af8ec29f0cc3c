"""Timeline entries from case recording: case notes, documents and letters."""

from django.urls import reverse

from access.parts import Part
from people.timeline import TimelineEntry, provider

from .models import Document, Letter, NoteChild


@provider(Part.COUNCIL_ONLY)
def case_notes(person_ids):
    return [
        TimelineEntry(
            link.note.happened_on,
            f"{link.note.get_kind_display()}: {link.note.summary}",
            f"By {link.note.author}; child {link.get_seen_display().lower()}",
            "recording.note",
            reverse("recording:note", args=[link.pk]),
            link.person_id,
        )
        for link in NoteChild.objects.filter(person_id__in=person_ids).select_related("note", "note__author")
    ]


@provider(Part.COUNCIL_ONLY)
def documents_and_letters(person_ids):
    entries = [
        TimelineEntry(
            document.uploaded_at,
            f"Document added: {document.title}",
            f"{document.get_kind_display()}, uploaded by {document.uploaded_by}",
            "recording.document",
            reverse("recording:document", args=[document.pk]),
            document.person_id,
        )
        for document in Document.objects.filter(person_id__in=person_ids).select_related("uploaded_by")
    ]
    return entries + [
        TimelineEntry(
            letter.written_on,
            f"Letter: {letter.subject}",
            f"To {letter.recipient_name}, by {letter.written_by}",
            "recording.letter",
            reverse("recording:letter", args=[letter.pk]),
            letter.person_id,
        )
        for letter in Letter.objects.filter(person_id__in=person_ids).select_related("written_by")
    ]
