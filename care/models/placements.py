"""What the regulations require around each placement: the care plan, the placement plan, written notice
of the placement (Care Planning Regulations regs 4, 9 and 13), and a connected person's temporary
approval as a foster carer (regs 24 and 25)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from timescales import registry
from timescales.dates import is_open_at_end_of

from ..codes import CarePlanningKind, ExtensionReason, TemporaryApprovalOutcome
from .periods import InCare

PER_PLACEMENT = {CarePlanningKind.PLACEMENT_PLAN, CarePlanningKind.PLACEMENT_NOTICE}


class CarePlanning(InCare):
    """A care plan for the period of care, or a placement plan or written notice for one placement.

    `placement_from` is the start of the placement a plan or notice is for (the page fills it in); a
    care plan covers the whole period of care and has none.
    """

    kind = models.CharField(max_length=20, choices=CarePlanningKind.choices)
    completed_on = models.DateField()
    placement_from = models.DateField(null=True, blank=True, editable=False)
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["completed_on", "pk"]
        verbose_name = "care plan, placement plan or notice"
        indexes = [models.Index(fields=["person", "kind"])]

    def __str__(self):
        placement = f" (placement from {self.placement_from:%-d %b %Y})" if self.placement_from else ""
        return f"{self.completed_on:%-d %b %Y}: {self.get_kind_display().lower()}{placement}"


class TemporaryApproval(InCare):
    """A relative, friend or other connected person approved as the child's foster carer for up to 16
    weeks while they are assessed (reg 24), extended once by up to 8 weeks, or until a review of a
    refusal is decided (reg 25)."""

    carers = models.CharField("connected person", max_length=200)
    approved_on = models.DateField("temporary approval given")
    extended_until = models.DateField("approval extended until", null=True, blank=True)
    extension_reason = models.CharField(max_length=12, choices=ExtensionReason.choices, blank=True)
    ended_on = models.DateField("temporary approval ended", null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=TemporaryApprovalOutcome.choices, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["approved_on", "pk"]

    def __str__(self):
        end = (
            f", ended {self.ended_on:%-d %b %Y}: {self.get_outcome_display().lower()}"
            if self.ended_on
            else ""
        )
        return (
            f"{self.carers}: temporarily approved {self.approved_on:%-d %b %Y}, until "
            f"{self.ends_on:%-d %b %Y}{end}"
        )

    @property
    def expires_on(self) -> datetime.date:
        """The last day of the first 16 weeks (the day of approval is the first)."""
        return registry.get("CONNECTED_PERSON_APPROVAL").due(self.approved_on)

    @property
    def ends_on(self) -> datetime.date:
        """The last day approved: the extension's end if there is one."""
        return self.extended_until or self.expires_on

    def active_on(self, day: datetime.date) -> bool:
        return is_open_at_end_of(self.approved_on, self.ended_on, day)

    def clean(self):
        errors = {}
        if self.extended_until and not self.extension_reason:
            errors["extension_reason"] = "Select why the temporary approval was extended."
        elif self.extension_reason and not self.extended_until:
            errors["extended_until"] = "Enter the date the extended approval lasts until."
        elif self.extended_until and self.approved_on:
            longest = registry.get("CONNECTED_PERSON_EXTENSION").due(self.expires_on)
            if self.extended_until <= self.expires_on:
                errors["extended_until"] = (
                    f"An extension runs past the first 16 weeks, which end on {self.expires_on:%-d %B %Y}."
                )
            elif self.extension_reason == ExtensionReason.ASSESSMENT and self.extended_until > longest:
                errors["extended_until"] = (
                    f"An extension to finish the assessment is at most 8 weeks: until "
                    f"{longest:%-d %B %Y} at the latest."
                )
        if self.ended_on and self.approved_on and self.ended_on < self.approved_on:
            errors["ended_on"] = "The approval cannot end before it was given."
        if bool(self.ended_on) != bool(self.outcome):
            errors["outcome"] = "Give both the date the temporary approval ended and how, or neither."
        if errors:
            raise ValidationError(errors)
