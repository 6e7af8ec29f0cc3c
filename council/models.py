"""The local authority Thrive serves: its identity and child population."""

from django.db import models


class LocalAuthority(models.Model):
    """One row: the council this installation belongs to."""

    name = models.CharField(max_length=200)
    dfe_code = models.CharField("DfE LA code", max_length=3)
    ons_code = models.CharField(
        "ONS area code",
        max_length=9,
        blank=True,
        help_text="The council's upper-tier area, e.g. E10000018: the SSDA903 places a child in or out of "
        "the council by it, from the placement's postcode.",
    )
    synthetic_seed = models.IntegerField(null=True, blank=True, help_text="Set when the data are synthetic.")
    synthetic_scale = models.CharField(max_length=20, blank=True)
    synthetic_as_at = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "local authority"

    def __str__(self) -> str:
        return self.name


class PopulationCount(models.Model):
    """Mid-year child population by single year of age and sex: the denominator for rates per 10,000."""

    year = models.PositiveSmallIntegerField()
    age = models.PositiveSmallIntegerField()
    sex = models.CharField(max_length=1)
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["year", "age", "sex"], name="one_population_count")]
