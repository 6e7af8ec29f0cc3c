"""The Virtual School's quality assurance of Personal Education Plans, and Pupil Premium Plus.

The PEP meeting itself is part of the care record (care.PersonalEducationPlan); the Virtual School
rates each section red, amber or green with feedback, and checks that each SMART target's Pupil
Premium Plus is spent against it and whether the target was achieved (Leicestershire's Virtual
School annual report, 2024/25).
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from ..codes import PepSection, Rag, TargetResult

User = settings.AUTH_USER_MODEL


class PepQualityAssurance(models.Model):
    pep = models.OneToOneField("care.PersonalEducationPlan", on_delete=models.PROTECT, related_name="quality")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="pep_quality")
    assured_on = models.DateField()
    assured_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    rating = models.CharField("Overall rating", max_length=5, choices=Rag.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "PEP quality assurance"
        indexes = [models.Index(fields=["assured_on"])]


class PepSectionRating(models.Model):
    quality = models.ForeignKey(PepQualityAssurance, on_delete=models.CASCADE, related_name="sections")
    section = models.CharField(max_length=15, choices=PepSection.choices)
    rating = models.CharField(max_length=5, choices=Rag.choices)
    feedback = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["quality", "section"], name="one_rating_per_pep_section")
        ]


class PepTarget(models.Model):
    """A SMART target in a PEP, with the Pupil Premium Plus allocated against it, reviewed next term."""

    pep = models.ForeignKey(
        "care.PersonalEducationPlan", on_delete=models.PROTECT, related_name="smart_targets"
    )
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="pep_targets")
    target = models.TextField()
    pupil_premium_plus = models.DecimalField(
        "Pupil Premium Plus allocated (£)", max_digits=7, decimal_places=2, default=0
    )
    result = models.CharField(max_length=15, choices=TargetResult.choices, blank=True)
    reviewed_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
