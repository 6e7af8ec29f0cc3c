"""Partner agencies' API credentials, the audit of every call, and the outbox of notifications to partners.

A credential is an API key shown once when issued and stored only as a SHA-256 digest (a random
256-bit key needs no slow password hash: there is nothing to guess). Each key belongs to one agency,
carries the scopes it may use and its own rate limit, and can be revoked.
"""

from django.db import models
from django.utils import timezone


class Scope(models.TextChoices):
    DOMESTIC_ABUSE = "domestic_abuse:send", "Send domestic abuse notifications (police)"
    REFERRALS = "referrals:send", "Send referrals"
    LOOKUP = "children:lookup", "Ask whether a shared child is known, and who their lead practitioner is"
    OUTBOX = "outbox:read", "Read and acknowledge notifications sent to the agency"


class ApiClient(models.Model):
    agency = models.ForeignKey("access.Agency", on_delete=models.PROTECT, related_name="api_clients")
    name = models.CharField(
        max_length=200, help_text="Which system this key is for, e.g. 'Police case management'."
    )
    key_prefix = models.CharField(
        max_length=16, unique=True, help_text="The key's public first part, to find it."
    )
    key_digest = models.CharField(
        max_length=64, help_text="SHA-256 of the whole key; the key itself is never kept."
    )
    scopes = models.JSONField(default=list)
    rate_limit = models.PositiveIntegerField(default=120, help_text="Calls allowed in any 60 seconds.")
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.name} ({self.agency})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class ApiCall(models.Model):
    """The audit row for one API call, allowed or refused."""

    client = models.ForeignKey(
        ApiClient, null=True, blank=True, on_delete=models.PROTECT, related_name="calls"
    )
    at = models.DateTimeField(default=timezone.now)
    method = models.CharField(max_length=10)
    path = models.CharField(max_length=500)
    status = models.PositiveSmallIntegerField()
    person = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The child the call was about, when it found one.",
    )
    outcome = models.CharField(max_length=300, blank=True)
    address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["client", "at"]), models.Index(fields=["person", "at"])]


class Event(models.TextChoices):
    CP_PLAN_STARTED = "cp_plan_started", "Child protection plan started"
    CP_PLAN_ENDED = "cp_plan_ended", "Child protection plan ended"
    OPERATION_ENCOMPASS = "operation_encompass", "Operation Encompass: domestic abuse incident"


class Notification(models.Model):
    """A message for a partner agency, waiting in its outbox until the agency reads and acknowledges it."""

    agency = models.ForeignKey("access.Agency", on_delete=models.PROTECT, related_name="notifications")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    event = models.CharField(max_length=30, choices=Event.choices)
    occurred_on = models.DateField()
    message = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    acknowledged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["agency", "acknowledged_at", "created_at"])]
