"""What 16 and 17 year olds are doing, and the September Guarantee of a place for Year 11 leavers."""

from django.db import models
from simple_history.models import HistoricalRecords

from ..codes import EET, Activity


class ActivityRecord(models.Model):
    """A young person's activity as known on a date (the council's tracking for the NCCIS return)."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="activities")
    recorded_on = models.DateField()
    activity = models.CharField(max_length=15, choices=Activity.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["recorded_on", "pk"]
        indexes = [models.Index(fields=["recorded_on"]), models.Index(fields=["person", "recorded_on"])]

    @property
    def in_eet(self) -> bool:
        return self.activity in EET


class SeptemberGuarantee(models.Model):
    """Whether a Year 11 (or Year 12) leaver had an offer of a suitable place for the September after."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="september_guarantees")
    year = models.PositiveSmallIntegerField("September of", help_text="e.g. 2025 for September 2025")
    offer = models.BooleanField("Offer of a suitable place")
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "year"], name="one_guarantee_a_year")]
