"""Contacts reaching the front door, the decision on each, and referrals (CIN episodes).

A contact keeps two times: when it *reached* the council and when it was *recorded*. Ofsted found
systems that stamped only the recording time, which hid delay; the decision's 1 working day runs
from receipt.
"""

from functools import lru_cache

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from timescales import registry

from .codes import ClosureReason, ContactOutcome, PrimaryNeed, ReferralSource

User = settings.AUTH_USER_MODEL


def re_referral_window_start(referral_date):
    """The earliest date an earlier referral can have for a referral on `referral_date` to be a
    re-referral."""
    return _months_before(referral_date, registry.get("RE_REFERRAL_WINDOW").amount)


def is_re_referral(referral_date, previous) -> bool:
    """Whether a referral is a re-referral: the child's latest earlier referral (`previous`, a day before this
    one, or None) is inside the re-referral window. The one rule the record, the dashboard and the synthetic
    council use. A child's referrals on the same day are one event, never a re-referral of each other."""
    return previous is not None and re_referral_window_start(referral_date) <= previous < referral_date


@lru_cache(maxsize=4096)
def _months_before(day, months):
    """Cached: relativedelta is slow, and importing a census asks for the same few hundred dates."""
    return day - relativedelta(months=months)


class Contact(models.Model):
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="contacts")
    source = models.CharField(max_length=2, choices=ReferralSource.choices)
    referrer = models.CharField(
        max_length=200, blank=True, help_text="Who made contact: name, role and organisation."
    )
    received_at = models.DateTimeField(
        help_text="When the contact reached the council, not when it was typed in."
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    summary = models.TextField()
    decision_due = models.DateField(editable=False)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["decision_due"])]

    def save(self, *args, **kwargs):
        self.decision_due = registry.get("CONTACT_DECISION").due(timezone.localdate(self.received_at))
        super().save(*args, **kwargs)


class ContactDecision(models.Model):
    contact = models.OneToOneField(Contact, on_delete=models.PROTECT, related_name="decision")
    outcome = models.CharField(max_length=20, choices=ContactOutcome.choices)
    decided_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    rationale = models.TextField()
    history = HistoricalRecords()

    @property
    def on_time(self) -> bool:
        return timezone.localdate(self.decided_at) <= self.contact.decision_due


class Referral(models.Model):
    """A CIN episode (the census's CINdetails): from the referral date to closure."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="referrals")
    contact = models.OneToOneField(
        Contact, null=True, blank=True, on_delete=models.PROTECT, related_name="referral"
    )
    referral_date = models.DateField()
    source = models.CharField(max_length=2, choices=ReferralSource.choices)
    primary_need = models.CharField(max_length=2, choices=PrimaryNeed.choices, default=PrimaryNeed.NOT_STATED)
    is_re_referral = models.BooleanField(
        default=False,
        editable=False,
        help_text="Another referral of this child in the 12 months before this one.",
    )
    no_further_action = models.BooleanField(
        default=False, help_text="Referral closed with no further action (the census's ReferralNFA)."
    )
    closure_date = models.DateField(null=True, blank=True)
    closure_reason = models.CharField(max_length=4, choices=ClosureReason.choices, blank=True)
    team = models.ForeignKey(
        "access.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="referrals"
    )
    history = HistoricalRecords()

    class Meta:
        indexes = [
            models.Index(fields=["person", "referral_date"]),
            models.Index(fields=["referral_date"]),
            models.Index(
                fields=["closure_date", "referral_date"]
            ),  # open at the end of a day (children in need)
        ]

    def __str__(self):
        return f"Referral of {self.referral_date:%d %b %Y}"

    @property
    def is_open(self) -> bool:
        return self.closure_date is None

    def previous_referral_within_window(self):
        """The child's latest earlier referral, if it makes this one a re-referral (`is_re_referral`)."""
        earlier = Referral.objects.filter(person_id=self.person_id, referral_date__lt=self.referral_date)
        if self.pk:
            earlier = earlier.exclude(pk=self.pk)
        latest = earlier.order_by("-referral_date").first()
        return (
            latest
            if latest is not None and is_re_referral(self.referral_date, latest.referral_date)
            else None
        )

    def save(self, *args, **kwargs):
        self.is_re_referral = self.previous_referral_within_window() is not None
        super().save(*args, **kwargs)


class ManagementOversight(models.Model):
    """A manager's recorded direction on a child's case: what was reviewed and what happens next.

    Ofsted looks for this on every file; drift flags on the worklist prompt it.
    """

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="oversight")
    referral = models.ForeignKey(
        Referral, null=True, blank=True, on_delete=models.PROTECT, related_name="oversight"
    )
    recorded_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)
    direction = models.TextField(help_text="What the manager reviewed and decided, and by when.")
    follow_up_by = models.DateField(
        "follow up by",
        null=True,
        blank=True,
        help_text=(
            "When the manager will look at the case again: due work until the next oversight is recorded."
        ),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-recorded_at"]
        indexes = [models.Index(fields=["person", "follow_up_by"])]
