"""Schools in the council's area: the rolls children leave and join, and where they are excluded from."""

from django.db import models


class Phase(models.TextChoices):
    NURSERY = "nursery", "Nursery"
    PRIMARY = "primary", "Primary"
    SECONDARY = "secondary", "Secondary"
    ALL_THROUGH = "all_through", "All-through"
    SPECIAL = "special", "Special"
    ALTERNATIVE = "alternative", "Alternative provision"


class School(models.Model):
    urn = models.CharField("URN", max_length=6, unique=True)
    name = models.CharField(max_length=200)
    phase = models.CharField(max_length=20, choices=Phase.choices)
    postcode = models.CharField(max_length=8)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class SchoolRoll(models.Model):
    """Pupils on the roll of the council's schools by phase on a school census day (the rates'
    denominator)."""

    census_date = models.DateField()
    phase = models.CharField(max_length=20, choices=Phase.choices)
    pupils = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["census_date", "phase"], name="one_roll_per_phase_and_day")
        ]
