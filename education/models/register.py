"""The Children Not in School register, home-education notices, consent, and the route back to school.

A register entry holds what the Education Act 1996 s436C (inserted by the Children's Wellbeing and
Schools Act 2026 s38) requires: the child's name, date of birth and home address (from the person),
each parent's name and home address, who educates the child and for how much time, other providers,
and the support the family asked for (s436G). A parent's notice of home education opens an entry,
unless the child is subject to a s47 enquiry or on a child protection plan: then it is held until
the council decides on consent (s434A).
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from timescales import registry

from ..codes import Decision, HomeEducationReason, LeavingReason, RegisterBasis, SaoStep, Suitability

User = settings.AUTH_USER_MODEL


class RegisterEntry(models.Model):
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="register_entries")
    basis = models.CharField("Why the child is on the register", max_length=20, choices=RegisterBasis.choices)
    opened_on = models.DateField("Date the child became eligible for the register")
    home_address = models.CharField("Child's home address", max_length=300)
    parents = models.TextField("Each parent's name and home address", help_text="One parent a line.")
    educating_parents = models.CharField("Parents providing education", max_length=300, blank=True)
    parent_hours = models.PositiveSmallIntegerField(
        "Hours a week of education from parents", null=True, blank=True
    )
    other_providers = models.TextField(
        "Other people or organisations providing education",
        blank=True,
        help_text="Name, address, type of provider, and where (or which website) the education is given.",
    )
    other_hours = models.PositiveSmallIntegerField("Hours a week from other providers", null=True, blank=True)
    support_requested = models.TextField("Support the family asked for", blank=True)
    council_decision = models.TextField("The council's decision on support or suitability", blank=True)
    closed_on = models.DateField(null=True, blank=True)
    closed_reason = models.CharField(
        "Reason for leaving the register", max_length=20, choices=LeavingReason.choices, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "Children Not in School register entry"
        verbose_name_plural = "Children Not in School register entries"
        indexes = [
            models.Index(fields=["closed_on", "opened_on"]),
            models.Index(fields=["person", "opened_on"]),
        ]

    def __str__(self):
        return f"On the register from {self.opened_on:%-d %b %Y}: {self.get_basis_display()}"

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


class HomeEducationNotice(models.Model):
    """A parent's notice (or a school's referral) that a child is to be, or is, home educated."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="home_education_notices"
    )
    received_on = models.DateField()
    school = models.ForeignKey(
        "education.School",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The school the child is on the roll of, if any.",
    )
    reason = models.CharField("Reason the family gives", max_length=20, choices=HomeEducationReason.choices)
    consent_needed = models.BooleanField(default=False, editable=False)
    consent_basis = models.CharField(
        max_length=200,
        blank=True,
        editable=False,
        help_text="The open s47 enquiry or CP plan that made consent necessary.",
    )
    consent_due = models.DateField(null=True, blank=True, editable=False)
    entry = models.ForeignKey(
        RegisterEntry, null=True, blank=True, on_delete=models.PROTECT, related_name="notices"
    )
    officer = models.ForeignKey(User, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    first_enquiry_on = models.DateField("First enquiry to the family", null=True, blank=True)
    suitability = models.CharField(max_length=12, choices=Suitability.choices, blank=True)
    suitability_decided_on = models.DateField(null=True, blank=True)
    suitability_reasons = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["received_on"]), models.Index(fields=["person", "received_on"])]

    def __str__(self):
        return f"Home education notice {self.received_on:%-d %b %Y}"

    @property
    def held_for_consent(self) -> bool:
        return self.consent_needed and self.entry_id is None

    def save(self, *args, **kwargs):
        self.consent_due = (
            registry.get("HOME_EDUCATION_CONSENT").due(self.received_on) if self.consent_needed else None
        )
        super().save(*args, **kwargs)


class ConsentDecision(models.Model):
    """The council's decision on consent to home educate, who made it, and why (s434A)."""

    notice = models.ForeignKey(HomeEducationNotice, on_delete=models.PROTECT, related_name="decisions")
    decision = models.CharField(max_length=10, choices=Decision.choices)
    decided_on = models.DateField()
    decided_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    reasons = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["decided_on", "pk"]


class AttendanceOrderStep(models.Model):
    """One step on the route back to school; each notice carries the parent's time to respond."""

    DUE_CODES = {SaoStep.NOTICE_TO_SATISFY: "SAO_NOTICE_TO_SATISFY", SaoStep.INTENTION: "SAO_SCHOOL_CHOICE"}

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="attendance_order_steps"
    )
    step = models.CharField(max_length=12, choices=SaoStep.choices)
    served_on = models.DateField("Date served or taken")
    school = models.ForeignKey(
        "education.School",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The school named, for an order.",
    )
    response_due = models.DateField(null=True, blank=True, editable=False)
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["served_on", "pk"]
        indexes = [models.Index(fields=["person", "served_on"])]

    def save(self, *args, **kwargs):
        code = self.DUE_CODES.get(self.step)
        self.response_due = registry.get(code).due(self.served_on) if code else None
        super().save(*args, **kwargs)
