"""Family group decision making, pre-proceedings (Public Law Outline) and care proceedings.

The reforms oblige the council to offer every family an FGDM meeting before it starts care
proceedings. CareProceedings.save() enforces that, so no form, import or script can skip it.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from timescales import registry

from .codes import CourtOrder, FGDMResponse, PreProceedingsOutcome

User = settings.AUTH_USER_MODEL


class FGDMOffer(models.Model):
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="fgdm_offers")
    referral = models.ForeignKey(
        "frontdoor.Referral", null=True, blank=True, on_delete=models.PROTECT, related_name="fgdm_offers"
    )
    offered_on = models.DateField()
    offered_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    response = models.CharField(max_length=10, choices=FGDMResponse.choices, default=FGDMResponse.PENDING)
    responded_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    def clean(self):
        if self.responded_on and self.responded_on < self.offered_on:
            raise ValidationError({"responded_on": "The family cannot answer before the offer was made."})


class FGDMMeeting(models.Model):
    offer = models.ForeignKey(FGDMOffer, on_delete=models.PROTECT, related_name="meetings")
    held_on = models.DateField()
    facilitated = models.BooleanField(
        default=True, help_text="Run by an independent coordinator (FGDMMeetingFac)."
    )
    family_plan = models.TextField(blank=True)
    plan_agreed = models.BooleanField(default=False)
    history = HistoricalRecords()


class FGDMParticipant(models.Model):
    """A member of the family network at the meeting: relatives and connected people."""

    meeting = models.ForeignKey(FGDMMeeting, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="fgdm_participation")
    role = models.CharField(max_length=100, help_text="e.g. grandmother, family friend, the child")


class FGDMException(models.Model):
    """The council decided an FGDM offer was not in the child's best interests, and said why to court and
    family."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="fgdm_exceptions")
    reason = models.TextField()
    decided_on = models.DateField()
    decided_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    explained_to_court_on = models.DateField(null=True, blank=True)
    explained_to_family_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    @property
    def complete(self) -> bool:
        return bool(self.reason.strip() and self.explained_to_court_on and self.explained_to_family_on)


def fgdm_requirement_problem(person, issued_on) -> str | None:
    """Why proceedings cannot be issued for this child on this date, or None if they can."""
    if FGDMOffer.objects.filter(person=person, offered_on__lte=issued_on).exists():
        return None
    exceptions = FGDMException.objects.filter(person=person, decided_on__lte=issued_on)
    if any(e.complete for e in exceptions):
        return None
    if exceptions:
        return (
            "Care proceedings cannot be issued: the recorded reason for not offering a family group decision "
            "making meeting must show the dates it was explained to the court and to the family."
        )
    return (
        "Care proceedings cannot be issued: the family has not been offered a family group decision making "
        "meeting. Record the offer, or record why an offer is not in the child's best interests."
    )


class PreProceedings(models.Model):
    """The Public Law Outline stage (PreProceedingsandFGDM in the CIN census from 2026-27)."""

    referral = models.ForeignKey(
        "frontdoor.Referral", on_delete=models.PROTECT, related_name="pre_proceedings"
    )
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="pre_proceedings")
    start_date = models.DateField(help_text="Decision to enter pre-proceedings (PPStartDate).")
    letter_before_proceedings_sent_on = models.DateField(null=True, blank=True)
    initial_meeting_on = models.DateField(null=True, blank=True)
    step_decision_on = models.DateField(
        null=True, blank=True, help_text="Decision to end pre-proceedings (StepDecisionDate)."
    )
    outcome = models.CharField(max_length=1, choices=PreProceedingsOutcome.choices, blank=True)
    court_application_on = models.DateField(null=True, blank=True)
    letter_initiating_proceedings_sent_on = models.DateField(
        null=True,
        blank=True,
        help_text="Letter to initiate care proceedings sent to the parents (LetterInitCPDate).",
    )
    history = HistoricalRecords()

    @property
    def is_open(self) -> bool:
        return self.step_decision_on is None


class PLOMeeting(models.Model):
    pre_proceedings = models.ForeignKey(PreProceedings, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField()
    is_review = models.BooleanField(default=False)


class CareProceedings(models.Model):
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="care_proceedings")
    referral = models.ForeignKey(
        "frontdoor.Referral", null=True, blank=True, on_delete=models.PROTECT, related_name="care_proceedings"
    )
    issued_on = models.DateField()
    court = models.CharField(max_length=200, blank=True)
    case_number = models.CharField(max_length=50, blank=True)
    target_end = models.DateField(editable=False, help_text="26 weeks from issue.")
    ended_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=CourtOrder.choices, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "care proceedings"

    def clean(self):
        problem = (
            fgdm_requirement_problem(self.person, self.issued_on)
            if self.person_id and self.issued_on
            else None
        )
        if problem and self._state.adding:
            raise ValidationError({"issued_on": problem})

    def save(self, *args, **kwargs):
        if self._state.adding:
            problem = fgdm_requirement_problem(self.person, self.issued_on)
            if problem:
                raise ValidationError(problem, code="fgdm_not_offered")
        self.target_end = registry.get("CARE_PROCEEDINGS").due(self.issued_on)
        super().save(*args, **kwargs)
