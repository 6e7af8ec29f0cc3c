"""Running the computations that case-record apps register, and filing their figures.

A computed figure is stored like an imported one (origin "computed"), so the dashboard treats
every figure the same way, and the cases behind it are stored with it for the drill-down and for
snapshots. An indicator without a computation is reported, never given a value.

The computation gets the span its indicator declares (`Indicator.span`). For a year-to-date
figure the report also gives the period alone ("83.6% in the year; within Quarter 4, 1,268 of
1,608"): those are the year's cases dated within the period.
"""

from django.db import transaction

from . import counting, periods, registry
from .definitions import Frequency, Obtained
from .models import FigureCases, IndicatorValue, Origin
from .periods import Period, Span
from .registry import Figure


class NotYetComputable(Exception):
    pass


def _computation(code: str):
    func = registry.computation(code)
    if func is None:
        raise NotYetComputable(f"{code}: {registry.NOT_YET_COMPUTABLE}")
    return func


def evaluate(code: str, period: Period) -> Figure | None:
    """The figure for reporting period `period`, with the indicator's span applied; not filed."""
    return _computation(code)(periods.measured(period, registry.get(code).span))


def compute(code: str, period: Period, user=None) -> IndicatorValue | None:
    """Compute `code` for `period` and file the figure and its cases; None if the records give no figure."""
    func, span = _computation(code), registry.get(code).span
    measured = periods.measured(period, span)
    figure = func(measured)
    if figure is None:
        return None
    in_period = [case for case in figure.cases if period.start <= case.date <= period.end]
    year_to_date = span == Span.YEAR_TO_DATE
    with transaction.atomic():
        value, _ = IndicatorValue.objects.update_or_create(
            indicator_code=code,
            period_label=period.label,
            defaults={
                "period_start": measured.start,
                "period_end": measured.end,
                "value": figure.value,
                "numerator": figure.numerator,
                "denominator": figure.denominator,
                "in_period_numerator": sum(case.counted for case in in_period) if year_to_date else None,
                "in_period_denominator": len(in_period) if year_to_date else None,
                "origin": Origin.COMPUTED,
                "loaded_by": user,
                "source": f"Computed from case records by {func.__module__}.{func.__qualname__}",
            },
        )
        cases = [case.encoded() for case in figure.cases]
        if not FigureCases.objects.filter(figure=value).update(cases=cases):  # not read back: a large list
            FigureCases.objects.create(figure=value, cases=cases)
    return value


def ended_within(indicator, quarter: Period) -> Period | None:
    """A termly or annual indicator's period that ends within the quarter (the autumn term in Q3, an academic
    year in Q2), or None: computing a quarter files the terms and years it completes."""
    if indicator.frequency == Frequency.TERM:
        candidates = [periods.term(name, quarter.end.year) for name in periods.TERMS]
    elif indicator.frequency == Frequency.ANNUAL:
        candidates = [
            periods.year(first, indicator.year_kind) for first in (quarter.end.year - 1, quarter.end.year)
        ]
    else:
        return None
    return next((p for p in candidates if quarter.start <= p.end <= quarter.end), None)


def compute_all(period: Period, user=None) -> tuple[list[IndicatorValue], list[str]]:
    """Every computable indicator for `period`: (figures filed, codes not yet computable)."""
    filed, waiting = [], []
    with counting.sharing_work():
        for indicator in registry.all_indicators():
            if indicator.obtained != Obtained.COMPUTED:
                continue
            try:
                reporting = registry.period_of(indicator, period.label)
            except periods.PeriodError:
                reporting = ended_within(indicator, period)
                if reporting is None:
                    continue
            try:
                value = compute(indicator.code, reporting, user)
            except NotYetComputable:
                waiting.append(indicator.code)
                continue
            if value is not None:
                filed.append(value)
    return filed, waiting
