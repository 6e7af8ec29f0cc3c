"""Family Help: one offer led by a lead practitioner, the assessment, and child in need plans.

Under the reforms targeted early help and child in need (s17) work are one Family Help offer;
the single child-and-family assessment and the CIN plan hang off the referral (CIN episode).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from people.planning import Action, Objective
from timescales import registry

from .codes import AssessmentFactor, StepDirection

User = settings.AUTH_USER_MODEL


class FamilyHelpEpisode(models.Model):
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="family_help_episodes")
    referral = models.ForeignKey(
        "frontdoor.Referral",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="family_help_episodes",
        help_text="Set when the child is supported as a child in need under s17.",
    )
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    lead_practitioner = models.ForeignKey(User, on_delete=models.PROTECT, related_name="family_help_led")
    team = models.ForeignKey("access.Team", on_delete=models.PROTECT, related_name="family_help_episodes")
    reason = models.TextField()
    closure_reason = models.CharField(max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["person", "start_date"])]

    def clean(self):
        if self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "The Family Help episode cannot end before it starts."})


class FamilyPlan(models.Model):
    """The whole-family plan agreed with the family; reviewed at the council's local interval."""

    episode = models.ForeignKey(FamilyHelpEpisode, on_delete=models.CASCADE, related_name="plans")
    agreed_on = models.DateField()
    goals = models.TextField()
    next_review_due = models.DateField(null=True, blank=True)
    history = HistoricalRecords()


class StepDecision(models.Model):
    """A recorded decision to step up to social care or down to Family Help, with the reason."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="step_decisions")
    direction = models.CharField(max_length=4, choices=StepDirection.choices)
    decided_on = models.DateField()
    decided_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField()
    family_help_episode = models.ForeignKey(
        FamilyHelpEpisode, null=True, blank=True, on_delete=models.PROTECT, related_name="step_decisions"
    )
    referral = models.ForeignKey(
        "frontdoor.Referral", null=True, blank=True, on_delete=models.PROTECT, related_name="step_decisions"
    )
    history = HistoricalRecords()


class AssessmentOutcome(models.TextChoices):
    NO_FURTHER_ACTION = "nfa", "No further action"
    FAMILY_HELP = "family_help", "Family Help (lead practitioner)"
    CIN_PLAN = "cin_plan", "Child in need plan"
    STRATEGY = "strategy", "Strategy discussion"
    LOOKED_AFTER = "looked_after", "Child to become looked after"


class Assessment(models.Model):
    """The single child-and-family assessment; due 45 working days from the referral."""

    referral = models.ForeignKey("frontdoor.Referral", on_delete=models.PROTECT, related_name="assessments")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="assessments")
    worker = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="assessments"
    )
    start_date = models.DateField(help_text="AssessmentActualStartDate in the CIN census.")
    internal_review_date = models.DateField(null=True, blank=True)
    authorisation_date = models.DateField(
        null=True, blank=True, help_text="When the assessment was completed and signed off by a manager."
    )
    due_date = models.DateField(editable=False)
    outcome = models.CharField(max_length=20, choices=AssessmentOutcome.choices, blank=True)
    summary = models.TextField(blank=True)
    child_seen_on = models.DateField("date the child was seen", null=True, blank=True)
    sent_for_authorisation_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Set while the assessment waits for a manager to authorise or return it.",
    )
    history = HistoricalRecords()

    class Meta:
        indexes = [
            models.Index(fields=["authorisation_date", "due_date"]),
            models.Index(fields=["sent_for_authorisation_at"]),
        ]

    @property
    def status(self) -> str:
        if self.authorisation_date:
            return "Authorised"
        if self.sent_for_authorisation_at:
            return "Waiting for a manager to authorise"
        latest = self.decisions.order_by("-at", "-pk").first() if self.pk else None
        if latest and latest.action == AuthorisationAction.RETURNED:
            return "Returned to the worker"
        return "In progress"

    @property
    def completed_on_time(self) -> bool | None:
        if self.authorisation_date is None:
            return None
        return self.authorisation_date <= self.due_date

    def clean(self):
        if self.authorisation_date and self.authorisation_date < self.start_date:
            raise ValidationError(
                {"authorisation_date": "An assessment cannot be completed before it started."}
            )

    def save(self, *args, **kwargs):
        self.due_date = registry.get("ASSESSMENT").due(self.referral.referral_date)
        super().save(*args, **kwargs)


class AssessmentSection(models.Model):
    """The text under one heading of the assessment framework (familyhelp.framework.SECTIONS)."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="sections")
    section = models.CharField(max_length=40)
    text = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["assessment", "section"], name="one_text_per_section")]


class AuthorisationAction(models.TextChoices):
    SENT = "sent", "Sent for authorisation"
    RETURNED = "returned", "Returned with comments"
    AUTHORISED = "authorised", "Authorised"


class AssessmentDecision(models.Model):
    """One step of authorisation: sent by the worker, returned or authorised by a manager, with comments."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="decisions")
    action = models.CharField(max_length=12, choices=AuthorisationAction.choices)
    by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()
    comment = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["assessment", "at"])]


class AssessmentFactorRecord(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="factors")
    code = models.CharField(max_length=3, choices=AssessmentFactor.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessment", "code"], name="one_factor_code_per_assessment")
        ]


def cin_plan_review_due(start_date, review_dates, due: registry.Due = registry.due):
    """An open child in need plan's next review: within the timescale of its start or its latest review. The
    one rule the services and the synthetic council set `CINPlan.next_review_due` with."""
    return due("CIN_PLAN_REVIEW", max(review_dates, default=start_date))


class CINPlan(models.Model):
    referral = models.ForeignKey("frontdoor.Referral", on_delete=models.PROTECT, related_name="cin_plans")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="cin_plans")
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    next_review_due = models.DateField(null=True, blank=True)
    history = HistoricalRecords()


class CINPlanReview(models.Model):
    plan = models.ForeignKey(CINPlan, on_delete=models.CASCADE, related_name="reviews")
    review_date = models.DateField()
    history = HistoricalRecords()


class CINPlanObjective(Objective):
    """What needs to change for a child in need, agreed with the family."""

    plan = models.ForeignKey(CINPlan, on_delete=models.CASCADE, related_name="objectives")


class CINPlanAction(Action):
    """Who will do what by when under a child in need plan."""

    plan = models.ForeignKey(CINPlan, on_delete=models.CASCADE, related_name="actions")
    objective = models.ForeignKey(
        CINPlanObjective, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
