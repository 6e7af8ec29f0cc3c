"""Legal holds, the list of records due for review, and the log of what was done to them."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

User = settings.AUTH_USER_MODEL


class LegalHold(models.Model):
    """Keeps a record whatever the schedule says: litigation, an inquiry, a complaint, a subject access
    request."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="legal_holds")
    reason = models.TextField(max_length=1000)
    placed_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    placed_at = models.DateTimeField(default=timezone.now)
    lifted_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    lifted_at = models.DateTimeField(null=True, blank=True)
    lift_reason = models.TextField(max_length=1000, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-placed_at"]
        indexes = [models.Index(fields=["person", "lifted_at"])]

    @property
    def active(self) -> bool:
        return self.lifted_at is None


class ReviewStatus(models.TextChoices):
    DUE = "due", "Due for review"
    HELD = "held", "Due, but on legal hold"
    ANONYMISED = "anonymised", "Anonymised"


class RetentionReview(models.Model):
    """A record whose retention period has ended, listed by the nightly job for a manager to confirm."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="retention_reviews")
    keep_until = models.DateField(help_text="The day the longest rule that applies to the record ended.")
    rules = models.CharField(
        max_length=200, help_text="Codes of the rules that applied (retention.schedule)."
    )
    status = models.CharField(max_length=12, choices=ReviewStatus.choices, default=ReviewStatus.DUE)
    listed_on = models.DateField()
    decided_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(max_length=1000, blank=True)

    class Meta:
        ordering = ["keep_until", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=~models.Q(status="anonymised"),
                name="one_open_retention_review_per_person",
            ),
        ]


class Disposal(models.Model):
    """The log of what was done to a record at the end of its retention: never edited, never deleted.

    It names the record by its council ID only (the person row stays, anonymised), and counts what was
    removed; it never copies what was removed.
    """

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="disposals")
    review = models.OneToOneField(RetentionReview, on_delete=models.PROTECT, related_name="disposal")
    action = models.CharField(max_length=20, default="anonymised")
    done_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    done_at = models.DateTimeField(default=timezone.now)
    rules = models.CharField(max_length=200)
    keep_until = models.DateField()
    note = models.TextField(max_length=1000)
    removed = models.JSONField(help_text="What was removed, counted: fields blanked, rows deleted.")

    class Meta:
        ordering = ["-done_at"]
