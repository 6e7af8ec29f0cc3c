"""Importing indicator figures from a CSV or Excel file, all or nothing.

Columns (headings in the first row, any order, case and spacing ignored):

    indicator     required  an indicator code (CSC_RE_REFERRALS) or its printed name
    period        required  Q4 2024/25, 2023/24 or Autumn 2023, as the indicator's frequency needs
    value         required  82.6, 82.6% or 1,247 (percentages in percent, not fractions)
    numerator     optional  e.g. 444 (re-referrals)
    denominator   optional  e.g. 1682 (all referrals)
    source        optional  where the figure came from; defaults to the file name
    period_start  optional  with period_end, for a period Thrive cannot read from its label
    period_end    optional

Every row is checked before anything is saved; one bad row and nothing is loaded. A figure for an
indicator and period that is already held is replaced.
"""

from dataclasses import dataclass

from django.db import transaction

from . import registry, tables
from .definitions import ValueType
from .models import FigureCases, IndicatorValue, Origin
from .periods import Period, PeriodError
from .tables import RowError, TableError

REQUIRED = ("indicator", "period", "value")
OPTIONAL = ("numerator", "denominator", "source", "period_start", "period_end")


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int

    def __str__(self):
        return f"{self.created} figures added, {self.updated} replaced"


def _number(record, column, row, errors, required=False):
    cell = record.get(column)
    if tables.blank(cell):
        if required:
            errors.append(RowError(row, column, "is blank"))
        return None
    try:
        return tables.number(cell)
    except ValueError as error:
        errors.append(RowError(row, column, str(error)))
        return None


def _period(indicator, record, row, errors) -> Period | None:
    label = tables.text(record.get("period"))
    if not label:
        errors.append(RowError(row, "period", "is blank"))
        return None
    start_cell, end_cell = record.get("period_start"), record.get("period_end")
    if tables.blank(start_cell) and tables.blank(end_cell):
        try:
            return registry.period_of(indicator, label)
        except PeriodError as error:
            errors.append(RowError(row, "period", str(error)))
            return None
    dates = {}
    for column, cell in (("period_start", start_cell), ("period_end", end_cell)):
        if tables.blank(cell):
            errors.append(RowError(row, column, "is blank but the other period date is given"))
            continue
        try:
            dates[column] = tables.date(cell)
        except ValueError as error:
            errors.append(RowError(row, column, str(error)))
    if len(dates) < 2:
        return None
    if dates["period_end"] < dates["period_start"]:
        errors.append(RowError(row, "period_end", "is before period_start"))
        return None
    try:  # a label Thrive can read is stored in its usual form
        label = registry.period_of(indicator, label).label
    except PeriodError:
        pass
    return Period(label, dates["period_start"], dates["period_end"], "custom")


def _check_counts(indicator, value, numerator, denominator, row, errors):
    if indicator.value_type == ValueType.PERCENT and value is not None and not 0 <= value <= 100:
        errors.append(RowError(row, "value", f"{value} is not a percentage between 0 and 100"))
    for column, count in (("numerator", numerator), ("denominator", denominator)):
        if count is not None and count < 0:
            errors.append(RowError(row, column, f"{count} is negative"))
    if denominator is not None and denominator == 0:
        errors.append(RowError(row, "denominator", "is 0"))
    if (
        indicator.value_type == ValueType.PERCENT
        and numerator is not None
        and denominator
        and numerator > denominator
    ):
        errors.append(RowError(row, "numerator", f"{numerator} is more than the denominator {denominator}"))


def validate(table: tables.Table, filename: str) -> list[dict]:
    """The figures in the table, ready to save; raises TableError listing every problem."""
    indicators = registry.all_indicators()
    errors, figures, seen = [], [], {}
    for row, record in table.rows:
        before = len(errors)
        name = tables.text(record.get("indicator"))
        indicator = registry.find(name, indicators) if name else None
        if not name:
            errors.append(RowError(row, "indicator", "is blank"))
        elif indicator is None:
            errors.append(
                RowError(row, "indicator", f"'{name}' is not an indicator code or name Thrive knows")
            )
        period = _period(indicator, record, row, errors) if indicator else None
        value = _number(record, "value", row, errors, required=True)
        numerator = _number(record, "numerator", row, errors)
        denominator = _number(record, "denominator", row, errors)
        if indicator:
            _check_counts(indicator, value, numerator, denominator, row, errors)
        if len(errors) > before:
            continue
        key = (indicator.code, period.label)
        if key in seen:
            errors.append(
                RowError(row, None, f"{indicator.code} {period.label} is already given on row {seen[key]}")
            )
            continue
        seen[key] = row
        source = tables.text(record.get("source")) or f"File {filename}"
        if not tables.check_fits(
            IndicatorValue,
            row,
            {
                "value": ("value", value),
                "numerator": ("numerator", numerator),
                "denominator": ("denominator", denominator),
                "source": ("source", source),
            },
            errors,
        ):
            continue
        figures.append(
            {
                "indicator_code": indicator.code,
                "period_label": period.label,
                "period_start": period.start,
                "period_end": period.end,
                "value": value,
                "numerator": numerator,
                "denominator": denominator,
                "source": source,
            }
        )
    if errors:
        raise TableError(errors)
    if not figures:
        raise TableError([RowError(None, None, "The file has no figures in it.")])
    return figures


# What only a computed figure has: cleared when an imported figure replaces one.
_NOT_COMPUTED = {"in_period_numerator": None, "in_period_denominator": None}


def save(figures: list[dict], user=None, origin=Origin.IMPORTED) -> ImportResult:
    """Save validated figures in one transaction: all of them or, on any failure, none."""
    created = updated = 0
    with transaction.atomic():
        for figure in figures:
            key = {"indicator_code": figure["indicator_code"], "period_label": figure["period_label"]}
            defaults = {k: v for k, v in figure.items() if k not in key}
            value, was_created = IndicatorValue.objects.update_or_create(
                **key,
                defaults={**defaults, **_NOT_COMPUTED, "origin": origin, "loaded_by": user},
            )
            if not was_created:
                FigureCases.objects.filter(
                    figure=value
                ).delete()  # behind a computed figure this one replaces
            created += was_created
            updated += not was_created
    return ImportResult(created, updated)


def import_file(data: bytes, filename: str, user=None) -> ImportResult:
    """Check and load a whole file; raises TableError (and loads nothing) if any row is wrong."""
    table = tables.read(data, filename, REQUIRED, OPTIONAL)
    return save(validate(table, filename), user)
