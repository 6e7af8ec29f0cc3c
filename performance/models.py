"""Figures, benchmarks and published dashboards.

Indicators themselves are declared as data (`indicators.py`); only a council's own indicators are
rows (`LocalIndicator`), so adding one needs no code. Figures refer to indicators by code.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from .definitions import Frequency, Polarity, RagRule, Target, ValueType
from .periods import CompareWith, YearKind
from .registry import Case


class Origin(models.TextChoices):
    IMPORTED = "imported", "Imported from a file"
    COMPUTED = "computed", "Computed from case records"
    PUBLISHED = "published", "Printed on a published dashboard"


class IndicatorValue(models.Model):
    """One figure for one indicator and period, e.g. re-referrals in Q4 2024/25: 26.4% (444 of 1,682)."""

    indicator_code = models.CharField(max_length=60)
    period_label = models.CharField(max_length=40, help_text='e.g. "Q4 2024/25", "2023/24", "Autumn 2023"')
    period_start = models.DateField()
    period_end = models.DateField()
    value = models.DecimalField(max_digits=16, decimal_places=4)
    numerator = models.DecimalField(max_digits=16, decimal_places=4, null=True, blank=True)
    denominator = models.DecimalField(max_digits=16, decimal_places=4, null=True, blank=True)
    in_period_numerator = models.DecimalField(
        max_digits=16,
        decimal_places=4,
        null=True,
        blank=True,
        help_text="For a year-to-date figure: the numerator within the period alone (the quarter).",
    )
    in_period_denominator = models.DecimalField(max_digits=16, decimal_places=4, null=True, blank=True)
    origin = models.CharField(max_length=20, choices=Origin.choices)
    source = models.CharField(max_length=300, help_text="The file, dashboard or computation it came from.")
    loaded_at = models.DateTimeField(auto_now=True)
    loaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["indicator_code", "period_label"], name="one_value_per_period"),
        ]
        indexes = [models.Index(fields=["indicator_code", "period_end"])]

    def __str__(self):
        return f"{self.indicator_code} {self.period_label}: {self.value}"


class CaseList(models.Model):
    """The cases behind a computed figure (see performance.registry.Case), kept for the drill-down and for
    explaining later changes. One JSON list per figure, so filing thousands of cases is one insert."""

    cases = models.JSONField(default=list, help_text="[person id, date, counted, record] for each case.")

    class Meta:
        abstract = True

    def as_cases(self) -> list[Case]:
        return [Case.decoded(row) for row in self.cases]


class FigureCases(CaseList):
    figure = models.OneToOneField(IndicatorValue, on_delete=models.CASCADE, related_name="case_list")


class LocalIndicator(models.Model):
    """An indicator a council adds for itself. Its figures are imported like any other."""

    code = models.CharField(
        max_length=60, unique=True, help_text="Capitals and underscores, e.g. LOCAL_MISSING_EPISODES."
    )
    name = models.CharField(max_length=300, unique=True, help_text="The name as the dashboard prints it.")
    aliases = models.TextField(blank=True, help_text="Other printed names, one a line.")
    outcome = models.CharField(max_length=300)
    area = models.CharField(max_length=100)
    value_type = models.CharField(max_length=20, choices=[(v.value, v.label) for v in ValueType])
    polarity = models.CharField(max_length=20, choices=[(p.value, p.label) for p in Polarity])
    frequency = models.CharField(max_length=30, choices=[(f.value, f.label) for f in Frequency])
    definition = models.TextField()
    source = models.CharField(max_length=300)
    target = models.CharField(max_length=20, blank=True, help_text='e.g. ">90%" or "<20.8%"; blank for none.')
    rag_rule = models.CharField(
        max_length=30,
        choices=[(r.value, r.value.replace("_", " ")) for r in RagRule],
        default=RagRule.TARGET_THEN_QUARTILE,
    )
    benchmark_key = models.CharField(max_length=100, blank=True)
    compare_with = models.CharField(
        max_length=20,
        default=CompareWith.PREVIOUS_PERIOD,
        choices=[
            (CompareWith.PREVIOUS_PERIOD.value, "Previous period"),
            (CompareWith.SAME_PERIOD_LAST_YEAR.value, "Same period last year"),
        ],
    )
    year_kind = models.CharField(
        max_length=20,
        default=YearKind.FINANCIAL,
        choices=[(YearKind.FINANCIAL.value, "Financial year"), (YearKind.ACADEMIC.value, "Academic year")],
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        from . import registry

        try:
            Target.parse(self.target)
        except ValueError as error:
            raise ValidationError({"target": str(error)}) from None
        if self.code in registry.declared_codes():
            raise ValidationError({"code": f"{self.code} is already a standard indicator."})


class BenchmarkValue(models.Model):
    """One local authority's published value for one indicator and year (England-wide benchmarking)."""

    indicator_key = models.CharField(max_length=100, help_text="An indicator's benchmark key or code.")
    year = models.CharField(max_length=20, help_text='e.g. "2023/24"')
    year_end = models.DateField()
    la_code = models.CharField(max_length=12)
    la_name = models.CharField(max_length=200)
    value = models.DecimalField(
        max_digits=16, decimal_places=4, null=True, blank=True, help_text="Blank if suppressed."
    )
    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["indicator_key", "year", "la_code"], name="one_benchmark_per_la"),
        ]
        indexes = [models.Index(fields=["indicator_key", "year_end"])]


class StatisticalNeighbour(models.Model):
    """One of a local authority's statistical neighbours (the DfE lists 10 for each)."""

    la_code = models.CharField(max_length=12)
    neighbour_code = models.CharField(max_length=12)
    rank = models.PositiveSmallIntegerField(help_text="1 = closest.")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["la_code", "neighbour_code"], name="one_neighbour_link"),
        ]
        ordering = ["la_code", "rank"]


class PublishedDashboard(models.Model):
    """A dashboard as printed for the scrutiny committee, kept so it can be checked against the rules."""

    period_label = models.CharField(max_length=40, unique=True)
    layout = models.CharField(max_length=40)
    source_name = models.CharField(max_length=300)
    loaded_at = models.DateTimeField(auto_now=True)
    loaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)

    def __str__(self):
        return f"Published dashboard {self.period_label}"


class PublishedRow(models.Model):
    """One printed row: every cell as printed (`printed`), and the parsed figures beside them."""

    dashboard = models.ForeignKey(PublishedDashboard, on_delete=models.CASCADE, related_name="rows")
    position = models.PositiveSmallIntegerField()
    indicator_code = models.CharField(max_length=60)
    printed = models.JSONField(help_text="Column heading -> cell text, exactly as printed.")
    previous_period = models.CharField(max_length=40, blank=True)
    previous_value = models.DecimalField(max_digits=16, decimal_places=4, null=True, blank=True)
    latest_period = models.CharField(max_length=40)
    latest_value = models.DecimalField(max_digits=16, decimal_places=4, null=True, blank=True)
    trend = models.CharField(max_length=30, blank=True)
    target = models.CharField(max_length=20, blank=True)
    rag = models.CharField(max_length=10, blank=True)
    quartile = models.PositiveSmallIntegerField(null=True, blank=True)
    neighbour_average = models.DecimalField(max_digits=16, decimal_places=4, null=True, blank=True)

    class Meta:
        ordering = ["dashboard", "position"]
        indexes = [models.Index(fields=["indicator_code", "latest_period"])]


class Snapshot(models.Model):
    """A quarter's report frozen as it was reported: the figures, the columns worked out from them, and
    the children behind each computed figure. Recomputing later is compared with it, never written over it."""

    period_label = models.CharField(max_length=40)
    period_start = models.DateField()
    period_end = models.DateField()
    frozen_at = models.DateTimeField(default=timezone.now)
    frozen_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    note = models.CharField(
        max_length=300, blank=True, help_text='e.g. "As reported to scrutiny committee, 3 June 2025"'
    )

    class Meta:
        ordering = ["-frozen_at"]

    def __str__(self):
        return f"{self.period_label} as frozen on {timezone.localtime(self.frozen_at):%-d %B %Y %H:%M}"


class SnapshotRow(models.Model):
    """One report line as it was reported (see performance.report.Line, whose fields these are)."""

    snapshot = models.ForeignKey(Snapshot, on_delete=models.CASCADE, related_name="rows")
    position = models.PositiveSmallIntegerField()
    indicator_code = models.CharField(max_length=60)
    name = models.CharField(max_length=300)
    outcome = models.CharField(max_length=300)
    area = models.CharField(max_length=100)
    value_type = models.CharField(max_length=20)
    target = models.CharField(max_length=20, blank=True)
    period_label = models.CharField(max_length=40)
    value = models.DecimalField(max_digits=16, decimal_places=4)
    numerator = models.DecimalField(max_digits=16, decimal_places=4, null=True)
    denominator = models.DecimalField(max_digits=16, decimal_places=4, null=True)
    in_period_numerator = models.DecimalField(max_digits=16, decimal_places=4, null=True)
    in_period_denominator = models.DecimalField(max_digits=16, decimal_places=4, null=True)
    previous_label = models.CharField(max_length=40, blank=True)
    previous_value = models.DecimalField(max_digits=16, decimal_places=4, null=True)
    previous_numerator = models.DecimalField(max_digits=16, decimal_places=4, null=True)
    previous_denominator = models.DecimalField(max_digits=16, decimal_places=4, null=True)
    previous_in_period_numerator = models.DecimalField(max_digits=16, decimal_places=4, null=True)
    previous_in_period_denominator = models.DecimalField(max_digits=16, decimal_places=4, null=True)
    dot = models.CharField(max_length=20)
    movement = models.CharField(max_length=10, blank=True)
    rag = models.CharField(max_length=10)
    quartile = models.PositiveSmallIntegerField(null=True)
    quartile_source = models.CharField(max_length=20, blank=True)
    benchmark_year = models.CharField(max_length=20, blank=True)
    neighbour_average = models.DecimalField(max_digits=16, decimal_places=4, null=True)
    england_average = models.DecimalField(max_digits=16, decimal_places=4, null=True)
    origin = models.CharField(max_length=20, choices=Origin.choices)
    source = models.CharField(max_length=300)

    class Meta:
        ordering = ["snapshot", "position"]


class SnapshotCases(CaseList):
    row = models.OneToOneField(SnapshotRow, on_delete=models.CASCADE, related_name="case_list")
