"""Leaving care: pathway plans, keeping in touch, accommodation, activity, Staying Put, Staying Close, and
the birthday information the SSDA903 collects (OC3).

Whether someone is an eligible, relevant or former relevant child follows from their periods of care
(leavers.eligibility), so it is worked out rather than typed in; the personal adviser is an
access.Involvement, so the adviser can open the record.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from timescales import registry

from .codes import (
    KNOWN_CIRCUMSTANCES,
    NEVER_SUITABLE,
    NO_CIRCUMSTANCES,
    NOT_KNOWN,
    AccommodationType,
    Activity,
    InTouch,
    StayingCloseDecision,
    accommodation_code,
)

User = settings.AUTH_USER_MODEL
OC3_AGES = range(17, 22)


def pathway_plan_review_due(started_on, review_dates, due: registry.Due = registry.due):
    """An open pathway plan's next review: within six months of its start or latest review. The one rule the
    plan's save() and the synthetic council set `PathwayPlan.next_review_due` with."""
    return due("PATHWAY_PLAN_REVIEW", max(review_dates, default=started_on))


class PathwayPlan(models.Model):
    """The plan for leaving care and after; reviewed at intervals of not more than six months."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="pathway_plans")
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    summary = models.TextField(blank=True)
    next_review_due = models.DateField(null=True, blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["started_on", "pk"]
        indexes = [models.Index(fields=["person", "ended_on"])]

    def save(self, *args, **kwargs):
        reviews = self.reviews.values_list("reviewed_on", flat=True) if self.pk else []
        self.next_review_due = None if self.ended_on else pathway_plan_review_due(self.started_on, reviews)
        super().save(*args, **kwargs)


class PathwayPlanReview(models.Model):
    plan = models.ForeignKey(PathwayPlan, on_delete=models.PROTECT, related_name="reviews")
    reviewed_on = models.DateField()
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["reviewed_on", "pk"]

    @property
    def person_id(self):
        return self.plan.person_id

    def clean(self):
        if self.plan_id and self.reviewed_on and self.reviewed_on < self.plan.started_on:
            raise ValidationError({"reviewed_on": "The review cannot be before the plan started."})

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.plan.save(update_fields=["next_review_due"])


class LeaverRecord(models.Model):
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="leaver_%(class)ss")

    class Meta:
        abstract = True


class LeavingCareNeedsAssessment(LeaverRecord):
    """The assessment of an eligible child's needs, which the pathway plan follows (Care Planning Regulations
    regs 41 and 42): complete within 3 months of the 16th birthday or of becoming eligible after it."""

    completed_on = models.DateField()
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["completed_on", "pk"]
        verbose_name = "leaving care needs assessment"

    def __str__(self):
        return f"{self.completed_on:%-d %b %Y}: needs assessment completed"


class KeepingInTouch(LeaverRecord):
    """A contact with the young person, or an attempt: whether the council is in touch (IN_TOUCH)."""

    contacted_on = models.DateField()
    in_touch = models.CharField(max_length=4, choices=InTouch.choices)
    visit_at_accommodation = models.BooleanField(
        "the personal adviser visited them at their accommodation",
        default=False,
        help_text=(
            "Where the council provides the accommodation, the personal adviser visits it within 7 days "
            "of a move, "
            "before each pathway plan review and at least every 2 months (Care Leavers Regulations reg 8(2))."
        ),
    )
    recorded_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["contacted_on", "pk"]
        verbose_name_plural = "keeping in touch"

    def __str__(self):
        return f"{self.contacted_on:%-d %b %Y}: {self.get_in_touch_display()}"


class Accommodation(LeaverRecord):
    """Where the young person lives from a date, and whether it is suitable (ACCOM)."""

    from_date = models.DateField()
    kind = models.CharField("type of accommodation", max_length=1, choices=AccommodationType.choices)
    suitable = models.BooleanField()
    provided_by_council = models.BooleanField(
        "the council provides this accommodation",
        default=False,
        help_text="Under Children Act 1989 s23B (a relevant child) or s24B "
        "(a former relevant child in higher or "
        "further education, out of term).",
    )
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["from_date", "pk"]
        verbose_name_plural = "accommodation"

    def __str__(self):
        provided = ", provided by the council" if self.provided_by_council else ""
        return (
            f"From {self.from_date:%-d %b %Y}: {self.get_kind_display()} "
            f"({'suitable' if self.suitable else 'not suitable'}{provided})"
        )

    @property
    def code(self) -> str:
        return accommodation_code(self.kind, self.suitable)

    def clean(self):
        if self.suitable and self.kind in NEVER_SUITABLE:
            raise ValidationError(
                {"suitable": f"{AccommodationType(self.kind).label} is never counted as suitable."}
            )


class EducationEmployment(LeaverRecord):
    """What the young person is doing from a date: education, training, employment, or not (ACTIV)."""

    from_date = models.DateField()
    activity = models.CharField(max_length=2, choices=Activity.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["from_date", "pk"]
        verbose_name_plural = "education, employment and training"

    def __str__(self):
        return f"From {self.from_date:%-d %b %Y}: {self.get_activity_display()}"


class StayingPut(LeaverRecord):
    """Living on with former foster carers after 18 (Children Act 1989 s23CZA), up to 21."""

    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    carers = models.CharField("former foster carers", max_length=200)
    history = HistoricalRecords()

    class Meta:
        ordering = ["started_on", "pk"]
        verbose_name_plural = "Staying Put arrangements"

    def __str__(self):
        until = f" to {self.ended_on:%-d %b %Y}" if self.ended_on else ""
        return f"With {self.carers} from {self.started_on:%-d %b %Y}{until}"

    def clean(self):
        if self.ended_on and self.started_on and self.ended_on < self.started_on:
            raise ValidationError({"ended_on": "The arrangement cannot end before it starts."})


class StayingCloseConsideration(LeaverRecord):
    """The council's consideration of Staying Close support for a former relevant child, and what it
    decided."""

    considered_on = models.DateField()
    considered_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    decision = models.CharField(max_length=15, choices=StayingCloseDecision.choices)
    support = models.TextField(
        "support decided",
        blank=True,
        help_text=(
            "What the young person will get: help to find and keep a home, and the support around it."
        ),
    )
    reasons = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["considered_on", "pk"]

    def __str__(self):
        support = f": {self.support}" if self.support else ""
        return (
            f"{self.considered_on:%-d %b %Y}, by {self.considered_by}: {self.get_decision_display()}{support}"
        )

    def clean(self):
        if self.decision == StayingCloseDecision.PROVIDED and not self.support.strip():
            raise ValidationError({"support": "Enter the Staying Close support decided."})


class BirthdaySnapshot(LeaverRecord):
    """A care leaver's circumstances around their 17th to 21st birthday: one row of the 903 OC3 table."""

    age = models.PositiveSmallIntegerField(choices=[(age, str(age)) for age in OC3_AGES])
    in_touch = models.CharField(max_length=4, choices=InTouch.choices)
    activity = models.CharField(max_length=2, choices=Activity.choices, blank=True)
    accommodation = models.CharField(max_length=1, choices=AccommodationType.choices, blank=True)
    accommodation_suitable = models.BooleanField(null=True, blank=True)
    recorded_on = models.DateField()
    recorded_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "age"], name="one_oc3_snapshot_per_birthday")
        ]

    def __str__(self):
        """In words, for the record page; the 903's codes are activity_code and accommodation_code."""
        activity = self.get_activity_display() if self.activity else "activity not known"
        home = "accommodation not known"
        if self.accommodation:
            suitable = "suitable" if self.accommodation_suitable else "not suitable"
            home = f"{self.get_accommodation_display()} ({suitable})"
        return (
            f"At {self.age}: {self.get_in_touch_display()}; {activity}; {home} "
            f"(recorded {self.recorded_on:%-d %b %Y})"
        )

    @property
    def activity_code(self) -> str:
        """ACTIV, with 0 where it is not known."""
        return self.activity or NOT_KNOWN

    @property
    def accommodation_code(self) -> str:
        """ACCOM, with 0 where it is not known."""
        if not self.accommodation:
            return NOT_KNOWN
        return accommodation_code(self.accommodation, bool(self.accommodation_suitable))

    def clean(self):
        errors = {}
        known = bool(self.activity) or bool(self.accommodation)
        if self.in_touch in KNOWN_CIRCUMSTANCES and not (self.activity and self.accommodation):
            errors["activity"] = "In touch: enter what the young person is doing and where they live."
        if self.in_touch in NO_CIRCUMSTANCES and known:
            errors["activity"] = (
                "Leave activity and accommodation blank for a young person who died or returned home."
            )
        if self.accommodation and self.accommodation_suitable is None:
            errors["accommodation_suitable"] = "Select whether the accommodation is suitable."
        if self.accommodation_suitable and self.accommodation in NEVER_SUITABLE:
            errors["accommodation_suitable"] = "This accommodation is never counted as suitable."
        if errors:
            raise ValidationError(errors)
