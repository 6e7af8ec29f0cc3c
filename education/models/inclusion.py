"""Children missing education, the council's enquiries and checks, and pupils missing out on education."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from timescales import registry

from ..codes import CmeOutcome, CmeReason, EnquiryKind, PmeReason, TriageOutcome

User = settings.AUTH_USER_MODEL


class CmeReferral(models.Model):
    """A child of compulsory school age not on a roll and not suitably educated otherwise (s436A)."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="cme_referrals")
    received_on = models.DateField()
    reason = models.CharField("Primary reason", max_length=20, choices=CmeReason.choices)
    officer = models.ForeignKey(User, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    visit_due = models.DateField(editable=False)
    enquiries_due = models.DateField(editable=False)
    outcome = models.CharField(max_length=15, choices=CmeOutcome.choices, blank=True)
    outcome_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "child missing education referral"
        indexes = [models.Index(fields=["received_on"]), models.Index(fields=["outcome_on", "visit_due"])]

    def __str__(self):
        return f"Missing education from {self.received_on:%-d %b %Y}: {self.get_reason_display()}"

    def save(self, *args, **kwargs):
        self.visit_due = registry.get("CME_FIRST_VISIT").due(self.received_on)
        self.enquiries_due = registry.get("CME_ENQUIRIES").due(self.received_on)
        super().save(*args, **kwargs)


class Enquiry(models.Model):
    """A visit, call or check about a home-educated child or a child missing education."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="education_enquiries")
    notice = models.ForeignKey(
        "education.HomeEducationNotice",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="enquiries",
    )
    cme = models.ForeignKey(
        CmeReferral, null=True, blank=True, on_delete=models.PROTECT, related_name="enquiries"
    )
    kind = models.CharField(max_length=15, choices=EnquiryKind.choices)
    made_on = models.DateField()
    child_seen = models.BooleanField(default=False)
    found = models.TextField("What was found", blank=True)
    made_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "enquiries"
        ordering = ["made_on", "pk"]
        indexes = [models.Index(fields=["person", "made_on"])]


class PmeReferral(models.Model):
    """A school's referral of a pupil on its roll who is missing out on education, triaged in two steps."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="pme_referrals")
    school = models.ForeignKey("education.School", on_delete=models.PROTECT, related_name="+")
    received_on = models.DateField()
    reason = models.CharField(max_length=15, choices=PmeReason.choices)
    absent_since = models.DateField("First school day of absence", null=True, blank=True)
    triage_due = models.DateField(editable=False)
    first_step_on = models.DateField(null=True, blank=True)
    first_step = models.CharField(max_length=15, choices=TriageOutcome.choices, blank=True)
    second_step_on = models.DateField(null=True, blank=True)
    second_step = models.CharField(max_length=15, choices=TriageOutcome.choices, blank=True)
    waiting_since = models.DateField(
        null=True, blank=True, help_text="Joined the waiting list for an officer."
    )
    allocated_on = models.DateField(null=True, blank=True)
    officer = models.ForeignKey(User, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    closed_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "pupil missing education referral"
        indexes = [
            models.Index(fields=["received_on"]),
            models.Index(fields=["waiting_since", "allocated_on"]),
        ]

    def __str__(self):
        return f"Missing out on education from {self.received_on:%-d %b %Y}: {self.get_reason_display()}"

    @property
    def waiting(self) -> bool:
        return self.waiting_since is not None and self.allocated_on is None and self.closed_on is None

    def save(self, *args, **kwargs):
        self.triage_due = registry.get("PME_TRIAGE").due(self.received_on)
        super().save(*args, **kwargs)


class TeamAroundSchool(models.Model):
    """A team-around-the-school meeting convened for a referred pupil at the second step."""

    referral = models.ForeignKey(PmeReferral, on_delete=models.PROTECT, related_name="meetings")
    held_on = models.DateField()
    attended_by = models.TextField("Who attended", blank=True)
    agreed = models.TextField("What was agreed")
    history = HistoricalRecords()

    class Meta:
        ordering = ["held_on", "pk"]
