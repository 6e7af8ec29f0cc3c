"""Education, health and care needs assessments and plans: requests, decisions, plans, reviews, appeals.

Due dates are stored when the record is saved, from the registry: the decision to assess within
6 weeks of the request, the final plan within 20 weeks, annual reviews within 12 months
(Special Educational Needs and Disability Regulations 2014).
"""

import datetime

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from timescales import registry

from ..codes import AppealKind, AppealOutcome, EhcRequester, ReviewOutcome, SenNeed

User = settings.AUTH_USER_MODEL


class EhcRequest(models.Model):
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="ehc_requests")
    received_on = models.DateField("Request received")
    requested_by = models.CharField(max_length=15, choices=EhcRequester.choices)
    decision_due = models.DateField(editable=False)
    plan_due = models.DateField(editable=False)
    decided_on = models.DateField("Decision whether to assess", null=True, blank=True)
    assess = models.BooleanField("Decided to assess", null=True, blank=True)
    assessment_decided_on = models.DateField("Decision whether to issue a plan", null=True, blank=True)
    issue = models.BooleanField("Decided to issue a plan", null=True, blank=True)
    draft_issued_on = models.DateField(null=True, blank=True)
    exception = models.CharField(
        "Exception to the 20 weeks",
        max_length=200,
        blank=True,
        help_text="Only the exceptions in regulation 13(3), e.g. the school was closed for 4 weeks or more.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "EHC needs assessment request"
        indexes = [models.Index(fields=["received_on"]), models.Index(fields=["person", "received_on"])]

    def __str__(self):
        return f"EHC needs assessment request {self.received_on:%-d %b %Y}"

    def save(self, *args, **kwargs):
        self.decision_due = registry.get("EHC_DECISION_TO_ASSESS").due(self.received_on)
        self.plan_due = registry.get("EHC_FINAL_PLAN").due(self.received_on)
        super().save(*args, **kwargs)


def ehc_review_due(issued_on: datetime.date, review_dates) -> datetime.date:
    """An EHC plan's next annual review: within 12 months of its issue or latest review. The one rule the
    plan's
    save() and the synthetic council set `EhcPlan.next_review_due` with."""
    return registry.get("EHC_ANNUAL_REVIEW").due(max(review_dates, default=issued_on))


class EhcPlan(models.Model):
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="ehc_plans")
    request = models.OneToOneField(
        EhcRequest, null=True, blank=True, on_delete=models.PROTECT, related_name="plan"
    )
    issued_on = models.DateField("Final plan issued")
    primary_need = models.CharField(max_length=4, choices=SenNeed.choices)
    school = models.ForeignKey(
        "education.School",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Leave blank when the child is educated at home.",
    )
    home_educated = models.BooleanField("Educated at home (elective home education)", default=False)
    next_review_due = models.DateField(editable=False)
    ceased_on = models.DateField(null=True, blank=True)
    cease_reason = models.CharField(max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "EHC plan"
        indexes = [models.Index(fields=["issued_on"]), models.Index(fields=["ceased_on", "next_review_due"])]

    def __str__(self):
        return f"EHC plan from {self.issued_on:%-d %b %Y} ({self.get_primary_need_display()})"

    def compute_next_review_due(self):
        return ehc_review_due(
            self.issued_on, self.reviews.values_list("held_on", flat=True) if self.pk else []
        )

    def save(self, *args, **kwargs):
        self.next_review_due = self.compute_next_review_due()
        super().save(*args, **kwargs)


class AnnualReview(models.Model):
    plan = models.ForeignKey(EhcPlan, on_delete=models.PROTECT, related_name="reviews")
    held_on = models.DateField("Review meeting")
    decision_due = models.DateField(editable=False)
    outcome = models.CharField(max_length=10, choices=ReviewOutcome.choices)
    decided_on = models.DateField("Decision notified", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["held_on", "pk"]

    def save(self, *args, **kwargs):
        self.decision_due = registry.get("EHC_REVIEW_DECISION").due(self.held_on)
        super().save(*args, **kwargs)
        self.plan.save(update_fields=["next_review_due"])


class TribunalAppeal(models.Model):
    """An appeal to the First-tier Tribunal (SEND) against the council's decision."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="send_appeals")
    kind = models.CharField(max_length=15, choices=AppealKind.choices)
    registered_on = models.DateField()
    outcome = models.CharField(max_length=10, choices=AppealOutcome.choices, blank=True)
    decided_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["registered_on", "pk"]
