"""Running the computations that case-record apps register, and filing their figures.

A computed figure is stored like an imported one (origin "computed"), so the dashboard treats
every figure the same way. An indicator without a computation is reported, never given a value.
"""
from . import registry
from .definitions import Obtained
from .models import IndicatorValue, Origin
from .periods import Period


class NotYetComputable(Exception):
    pass


def compute(code: str, period: Period, user=None) -> IndicatorValue | None:
    """Compute `code` for `period` and file the figure; None if the records give no figure."""
    func = registry.computation(code)
    if func is None:
        raise NotYetComputable(f"{code}: {registry.NOT_YET_COMPUTABLE}")
    figure = func(period)
    if figure is None:
        return None
    value, _ = IndicatorValue.objects.update_or_create(
        indicator_code=code, period_label=period.label,
        defaults={"period_start": period.start, "period_end": period.end, "value": figure.value,
                  "numerator": figure.numerator, "denominator": figure.denominator, "origin": Origin.COMPUTED,
                  "source": f"Computed from case records by {func.__module__}.{func.__qualname__}",
                  "loaded_by": user},
    )
    return value


def compute_all(period: Period, user=None) -> tuple[list[IndicatorValue], list[str]]:
    """Every computable indicator for `period`: (figures filed, codes not yet computable)."""
    filed, waiting = [], []
    for indicator in registry.all_indicators():
        if indicator.obtained != Obtained.COMPUTED:
            continue
        try:
            value = compute(indicator.code, registry.period_of(indicator, period.label), user)
        except NotYetComputable:
            waiting.append(indicator.code)
            continue
        if value is not None:
            filed.append(value)
    return filed, waiting
