"""What practitioners write about children across the whole journey: case notes, documents and letters.

A case note may be about several children (a visit to a family of siblings): one note, linked to each
child, shown on each child's record and opened through that child's record, so access is checked per
child. Documents are uploaded files kept outside the web server's static files; letters are written
from templates the council edits (recording.letters).
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

User = settings.AUTH_USER_MODEL


class NoteKind(models.TextChoices):
    VISIT = "visit", "Visit"
    DIRECT_WORK = "direct_work", "Direct work with the child"
    PHONE_CALL = "phone_call", "Phone call"
    MEETING = "meeting", "Meeting"
    CORRESPONDENCE = "correspondence", "Email, letter or message"
    MANAGEMENT = "management", "Management note"
    OTHER = "other", "Other"


class ChildSeen(models.TextChoices):
    SEEN_ALONE = "seen_alone", "Seen alone"
    SEEN = "seen", "Seen, not alone"
    NOT_SEEN = "not_seen", "Not seen"
    NOT_RELEVANT = "not_relevant", "Not relevant (the child was not expected to be there)"


class CaseNote(models.Model):
    """One piece of case recording: what happened, when, and whether each child it is about was seen."""

    kind = models.CharField(max_length=20, choices=NoteKind.choices)
    happened_on = models.DateField()
    summary = models.CharField(max_length=200)
    text = models.TextField()
    author = models.ForeignKey(User, on_delete=models.PROTECT, related_name="case_notes")
    recorded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["happened_on"])]

    def __str__(self):
        return f"{self.get_kind_display()}, {self.happened_on:%-d %b %Y}: {self.summary}"


class NoteChild(models.Model):
    """A case note on one child's record, with whether that child was seen. Pages open a note through this."""

    note = models.ForeignKey(CaseNote, on_delete=models.CASCADE, related_name="children")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="case_notes")
    seen = models.CharField(max_length=20, choices=ChildSeen.choices)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["note", "person"], name="one_link_per_note_and_child")]
        indexes = [models.Index(fields=["person", "note"])]


class DocumentKind(models.TextChoices):
    REPORT = "report", "Report or assessment from another agency"
    CORRESPONDENCE = "correspondence", "Letter or email"
    COURT = "court", "Court document"
    PLAN = "plan", "Plan or minutes"
    CONSENT = "consent", "Consent or agreement"
    PHOTO = "photo", "Photograph"
    OTHER = "other", "Other"


class Document(models.Model):
    """A file on a child's record. The file is stored under a random name outside the static files and
    served only through the child's read gate (recording.documents)."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="documents")
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=DocumentKind.choices)
    dated = models.DateField(null=True, blank=True)
    original_name = models.CharField(max_length=255)
    stored_name = models.CharField(max_length=64, unique=True, editable=False)
    content_type = models.CharField(max_length=100, editable=False)
    size = models.PositiveIntegerField(editable=False)
    sha256 = models.CharField(max_length=64, editable=False)
    uploaded_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["person", "uploaded_at"])]


class LetterTemplate(models.Model):
    """A letter the council writes often, with placeholders filled in from the child's record
    (recording.letters.PLACEHOLDERS); edited by managers and administrators."""

    name = models.CharField(max_length=100, unique=True)
    purpose = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    active = models.BooleanField(default=True)
    updated_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Letter(models.Model):
    """A letter as sent: the text the worker approved, to whom, and from which template."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="letters")
    template = models.ForeignKey(
        LetterTemplate, null=True, blank=True, on_delete=models.SET_NULL, related_name="letters"
    )
    recipient_name = models.CharField(max_length=200)
    recipient_address = models.TextField()
    subject = models.CharField(max_length=200)
    body = models.TextField()
    written_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    written_on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["person", "written_on"])]
