"""Suspensions and permanent exclusions, and the education a permanently excluded pupil is owed.

The council must arrange suitable full-time education from the sixth school day of a permanent
exclusion (Education Act 1996 s19; the Education (Provision of Full-Time Education for Excluded
Pupils) (England) Regulations 2007): `provision_due` is that day, on the council's school calendar.
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from timescales import registry

from ..codes import ExclusionKind, ExclusionReason

User = settings.AUTH_USER_MODEL


class Exclusion(models.Model):
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="exclusions")
    school = models.ForeignKey("education.School", on_delete=models.PROTECT, related_name="exclusions")
    kind = models.CharField(max_length=10, choices=ExclusionKind.choices)
    start_date = models.DateField("First school day of the exclusion")
    days = models.DecimalField(
        "School days (suspensions)", max_digits=4, decimal_places=1, null=True, blank=True
    )
    reason = models.CharField(max_length=2, choices=ExclusionReason.choices)
    provision_due = models.DateField(null=True, blank=True, editable=False)
    provision_from = models.DateField("Full-time education arranged from", null=True, blank=True)
    provision = models.CharField("Where", max_length=200, blank=True)
    recorded_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        indexes = [
            models.Index(fields=["start_date", "kind"]),
            models.Index(fields=["provision_from", "provision_due"]),
            models.Index(fields=["person", "start_date"]),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} from {self.start_date:%-d %b %Y}"

    def save(self, *args, **kwargs):
        permanent = self.kind == ExclusionKind.PERMANENT
        self.provision_due = (
            registry.get("EXCLUDED_PUPIL_EDUCATION").due(self.start_date) if permanent else None
        )
        super().save(*args, **kwargs)


class Attendance(models.Model):
    """A pupil's attendance over a term, as the school's returns give it (sessions possible and attended)."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="attendance")
    school = models.ForeignKey("education.School", on_delete=models.PROTECT, related_name="+")
    term_start = models.DateField()
    term_end = models.DateField()
    possible = models.PositiveSmallIntegerField("Sessions possible")
    attended = models.PositiveSmallIntegerField("Sessions attended")
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "attendance"
        indexes = [models.Index(fields=["person", "term_start"]), models.Index(fields=["term_end"])]

    @property
    def percent(self) -> float:
        return round(100 * self.attended / self.possible, 1) if self.possible else 0.0

    @property
    def persistently_absent(self) -> bool:
        """Missing 10% or more of sessions (the DfE's persistent absence measure)."""
        return self.possible > 0 and self.attended < 0.9 * self.possible
