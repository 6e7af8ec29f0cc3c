"""Unaccompanied asylum-seeking children: how they arrived, their age assessment, and the 903 UASC table."""

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from timescales import registry

from ..codes import AgeAssessmentOutcome, ArrivalRoute


class UnaccompaniedChild(models.Model):
    """The child's UASC status: from arrival until it ceased (DUC), for example at 18 or on reunion with
    family."""

    person = models.OneToOneField("people.Person", on_delete=models.PROTECT, related_name="uasc")
    arrived_on = models.DateField()
    arrival_route = models.CharField(max_length=20, choices=ArrivalRoute.choices)
    transferred_from = models.CharField(
        "council transferring the child",
        max_length=200,
        blank=True,
        help_text="For a National Transfer Scheme transfer.",
    )
    age_undetermined = models.BooleanField(
        default=False,
        help_text=(
            "The child's date of birth is not known: 1 January of the estimated year of birth is used."
        ),
    )
    ceased_on = models.DateField("UASC status ceased", null=True, blank=True, help_text="DUC")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "unaccompanied asylum-seeking child"

    def clean(self):
        if self.transferred_from and self.arrival_route != ArrivalRoute.NATIONAL_TRANSFER:
            raise ValidationError(
                {"transferred_from": "Only a National Transfer Scheme arrival has a transferring council."}
            )
        if self.ceased_on and self.arrived_on and self.ceased_on < self.arrived_on:
            raise ValidationError({"ceased_on": "UASC status cannot cease before the child arrived."})


class AgeAssessment(models.Model):
    """An age assessment, due 28 days after referral (the council's standard)."""

    uasc = models.ForeignKey(UnaccompaniedChild, on_delete=models.PROTECT, related_name="age_assessments")
    referred_on = models.DateField()
    due_on = models.DateField(editable=False)
    completed_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=10, choices=AgeAssessmentOutcome.choices, blank=True)
    assessed_birth_date = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["completed_on", "due_on"])]

    def __str__(self):
        if self.completed_on:
            return (
                f"Referred {self.referred_on:%-d %b %Y}, completed {self.completed_on:%-d %b %Y}: "
                f"{self.get_outcome_display().lower()}"
            )
        return f"Referred {self.referred_on:%-d %b %Y}, due {self.due_on:%-d %b %Y}"

    @property
    def on_time(self) -> bool | None:
        return None if self.completed_on is None else self.completed_on <= self.due_on

    def clean(self):
        if bool(self.completed_on) != bool(self.outcome):
            raise ValidationError(
                {"outcome": "Give both the date the assessment was completed and its outcome."}
            )
        if self.completed_on and self.referred_on and self.completed_on < self.referred_on:
            raise ValidationError({"completed_on": "The assessment cannot be completed before the referral."})

    def save(self, *args, **kwargs):
        self.due_on = registry.get("UASC_AGE_ASSESSMENT").due(self.referred_on)
        super().save(*args, **kwargs)


class NationalTransfer(models.Model):
    """A referral of an unaccompanied child to the National Transfer Scheme, made by this council as the
    entry council: once a receiving council is allocated, the child moves within 10 working days."""

    uasc = models.ForeignKey(UnaccompaniedChild, on_delete=models.PROTECT, related_name="national_transfers")
    referred_on = models.DateField("referred to the scheme")
    allocated_on = models.DateField("receiving council allocated", null=True, blank=True)
    receiving_council = models.CharField(max_length=200, blank=True)
    transferred_on = models.DateField("child transferred", null=True, blank=True)
    withdrawn_on = models.DateField("referral withdrawn", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["referred_on", "pk"]

    def __str__(self):
        if self.transferred_on:
            return f"Transferred to {self.receiving_council} on {self.transferred_on:%-d %b %Y}"
        if self.withdrawn_on:
            return f"Referred {self.referred_on:%-d %b %Y}, withdrawn {self.withdrawn_on:%-d %b %Y}"
        if self.allocated_on:
            return (
                f"Referred {self.referred_on:%-d %b %Y}; {self.receiving_council} allocated "
                f"{self.allocated_on:%-d %b %Y}"
            )
        return f"Referred {self.referred_on:%-d %b %Y}, waiting for a receiving council"

    @property
    def transfer_due(self):
        return registry.get("NTS_TRANSFER").due(self.allocated_on) if self.allocated_on else None

    def clean(self):
        errors = {}
        if bool(self.allocated_on) != bool(self.receiving_council.strip()):
            errors["receiving_council"] = "Give both the receiving council and the date it was allocated."
        steps = [
            ("referred_on", self.referred_on),
            ("allocated_on", self.allocated_on),
            ("transferred_on", self.transferred_on),
        ]
        known = [(name, day) for name, day in steps if day]
        for (_, before), (name, after) in zip(known, known[1:]):
            if after < before:
                errors[name] = "This cannot be before the step before it."
        if self.transferred_on and self.withdrawn_on:
            errors["withdrawn_on"] = "A transferred child's referral cannot also be withdrawn."
        if errors:
            raise ValidationError(errors)
