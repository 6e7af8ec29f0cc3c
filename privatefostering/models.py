"""Private fostering: a child under 16 (18 if disabled) cared for by someone who is not a parent or close
relative, by private arrangement, for 28 days or more (Children Act 1989 s66). The council is notified
and must visit (Children (Private Arrangements for Fostering) Regulations 2005, regs 4, 7 and 8)."""

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords


class PrivateFosteringArrangement(models.Model):
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="private_fostering")
    notified_on = models.DateField(
        "date the council was notified",
        help_text="Or the date the council otherwise became aware of the arrangement.",
    )
    began_on = models.DateField(
        "date the arrangement began",
        null=True,
        blank=True,
        help_text="Leave blank for a proposed arrangement that has not begun.",
    )
    carer = models.CharField("private foster carer", max_length=200)
    ended_on = models.DateField("date the arrangement ended", null=True, blank=True)
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["notified_on", "pk"]
        indexes = [models.Index(fields=["person", "ended_on"])]

    def __str__(self):
        began = f", began {self.began_on:%-d %b %Y}" if self.began_on else ", proposed"
        ended = f", ended {self.ended_on:%-d %b %Y}" if self.ended_on else ""
        return f"With {self.carer}: notified {self.notified_on:%-d %b %Y}{began}{ended}"

    @property
    def first_year_from(self):
        """The arrangement is deemed to begin when the council becomes aware of it (reg 8(6)); a proposed one
        only once it has begun."""
        return max(self.notified_on, self.began_on) if self.began_on else None

    def clean(self):
        if self.ended_on and self.ended_on < (self.began_on or self.notified_on):
            raise ValidationError({"ended_on": "The arrangement cannot end before it began or was notified."})


class PrivateFosteringVisit(models.Model):
    arrangement = models.ForeignKey(
        PrivateFosteringArrangement, on_delete=models.PROTECT, related_name="visits"
    )
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="private_fostering_visits", editable=False
    )
    visited_on = models.DateField()
    seen_alone = models.BooleanField(
        "the child was spoken to alone",
        default=True,
        help_text="Unless the officer considers it inappropriate (reg 8(3)).",
    )
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["visited_on", "pk"]

    def __str__(self):
        return f"{self.visited_on:%-d %b %Y}: visited{'; child seen alone' if self.seen_alone else ''}"

    def clean(self):
        if self.arrangement_id and self.visited_on and self.visited_on < self.arrangement.notified_on:
            raise ValidationError({"visited_on": "A visit is on or after the day the council was notified."})

    def save(self, *args, **kwargs):
        self.person_id = self.arrangement.person_id
        super().save(*args, **kwargs)
