"""Health and wellbeing while in care: the items the 903 OC2 table reports for children in care a year."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from ..codes import HealthAssessmentKind, Intervention, SDQReason, YouthJusticeOutcome
from .periods import InCare

SDQ_MAXIMUM = 40


class HealthAssessment(InCare):
    """HEALTH_ASSESSMENT; the immunisation (IMMUNISATIONS) and development check (HEALTH_CHECK) status found
    at it."""

    assessed_on = models.DateField()
    kind = models.CharField(max_length=10, choices=HealthAssessmentKind.choices)
    immunisations_up_to_date = models.BooleanField(null=True, blank=True)
    development_checks_up_to_date = models.BooleanField(
        "health surveillance checks up to date",
        null=True,
        blank=True,
        help_text="For children under 5: developmental and health promotion checks.",
    )
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["assessed_on", "pk"]
        indexes = [models.Index(fields=["person", "assessed_on"])]

    def __str__(self):
        return f"{self.assessed_on:%-d %b %Y}: {self.get_kind_display().lower()}"


class DentalCheck(InCare):
    """TEETH_CHECK: the child's teeth checked by a dentist."""

    checked_on = models.DateField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["checked_on", "pk"]
        indexes = [models.Index(fields=["person", "checked_on"])]

    def __str__(self):
        return f"{self.checked_on:%-d %b %Y}: dental check"


class StrengthsAndDifficulties(InCare):
    """The strengths and difficulties questionnaire: a score (SDQ_SCORE) or why there is none (SDQ_REASON)."""

    completed_on = models.DateField()
    score = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(SDQ_MAXIMUM)]
    )
    reason_no_score = models.CharField(max_length=4, choices=SDQReason.choices, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["completed_on", "pk"]
        verbose_name = "strengths and difficulties questionnaire"
        verbose_name_plural = "strengths and difficulties questionnaires"

    def __str__(self):
        result = (
            f"score {self.score}" if self.score is not None else self.get_reason_no_score_display().lower()
        )
        return f"{self.completed_on:%-d %b %Y}: {result}"

    def clean(self):
        if (self.score is None) == (not self.reason_no_score):
            raise ValidationError(
                {"score": "Enter the total difficulties score, or select why there is no score."}
            )


class SubstanceMisuse(InCare):
    """SUBSTANCE_MISUSE, with INTERVENTION_RECEIVED and INTERVENTION_OFFERED."""

    identified_on = models.DateField()
    intervention = models.CharField(max_length=10, choices=Intervention.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["identified_on", "pk"]
        verbose_name_plural = "substance misuse"

    def __str__(self):
        return f"{self.identified_on:%-d %b %Y}: {self.get_intervention_display().lower()}"


class YouthJusticeDisposal(InCare):
    """CONVICTED: a conviction, youth caution or youth conditional caution while in care."""

    given_on = models.DateField()
    outcome = models.CharField(max_length=12, choices=YouthJusticeOutcome.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["given_on", "pk"]

    def __str__(self):
        return f"{self.given_on:%-d %b %Y}: {self.get_outcome_display().lower()}"
