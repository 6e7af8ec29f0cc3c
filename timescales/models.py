"""Days the council is closed beyond bank holidays, and school holidays for school-day timescales."""

from django.db import models


class ClosureDay(models.Model):
    """A day the council's offices are closed (e.g. a Christmas closure day): not a working day."""

    date = models.DateField(unique=True)
    name = models.CharField(max_length=100)

    def __str__(self) -> str:
        return f"{self.name} ({self.date:%d %B %Y})"


class SchoolHoliday(models.Model):
    """A school holiday or INSET period, inclusive: not a school day."""

    name = models.CharField(max_length=100)
    start_date = models.DateField()
    end_date = models.DateField()

    class Meta:
        ordering = ["start_date"]
