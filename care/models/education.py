"""Personal Education Plans, led by the school with the Virtual School, which rates each one."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from ..codes import PEPRating
from .periods import InCare

User = settings.AUTH_USER_MODEL


class PersonalEducationPlan(InCare):
    """A PEP meeting; part of the care plan, so it is in place by the first review and reviewed each term."""

    meeting_on = models.DateField()
    school = models.ForeignKey(
        "education.School",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="personal_education_plans",
    )
    virtual_school_officer = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="personal_education_plans"
    )
    rating = models.CharField(
        "Virtual School quality rating", max_length=5, choices=PEPRating.choices, blank=True
    )
    targets = models.TextField("SMART targets", blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting_on", "pk"]
        verbose_name = "Personal Education Plan"
        indexes = [models.Index(fields=["person", "meeting_on"])]

    def __str__(self):
        parts = [str(self.school or ""), self.get_rating_display()]
        return f"{self.meeting_on:%-d %b %Y}: PEP meeting" + "".join(f", {part}" for part in parts if part)
