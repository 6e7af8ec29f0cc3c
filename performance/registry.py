"""Looking indicators up, and the hook through which case-record apps supply computations.

The standard indicators are declared in `indicators.py`; a council's own are `LocalIndicator` rows.
A journey app makes an indicator computable by registering a function in its `<app>/indicators.py`:

    from performance.counting import proportion
    from performance.registry import Case, Figure, register_computation

    @register_computation("CSC_RE_REFERRALS")
    def re_referrals(period: Period) -> Figure | None:
        ...  # proportion(Case(...) for each referral): 26.4 (444 of 1,682), or None if there are none

The function gets a `performance.periods.Period` (label, start, end): the span the indicator
declares (`Indicator.span`) is already applied, so a year-to-date indicator gets 1 April to the end
of the quarter and a position at the end of a quarter gets that one day. It returns the figure, or
None when the records cannot give one; `performance.counting` builds figures from the cases behind
them. Until a function is registered the indicator is "not yet computable": Thrive never makes a
value up.
"""

import datetime
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from typing import Any, Protocol

from django.apps import AppConfig
from django.core.checks import Error
from django.core.exceptions import ImproperlyConfigured

from . import conf, periods
from .definitions import Frequency, Indicator, Obtained, Polarity, RagRule, Target, ValueType
from .indicators import INDICATORS
from .periods import CompareWith, Period, YearKind

NOT_YET_COMPUTABLE = "Not yet computable: no computation from case records has been registered"


@dataclass(frozen=True)
class Case:
    """One record behind a computed figure, kept so the figure can be drilled into and explained later.

    `person_id` is the child (the kept record where duplicates were merged), `date` the record's date
    the indicator turns on (referral date, plan start; for a figure counted over a span, the date that
    places the case in it), `counted` whether it is in the numerator, and `record` which record it is
    ("frontdoor.referral:12"), so a recomputation can say why it changed.
    """

    person_id: int
    date: datetime.date
    counted: bool
    record: str

    def encoded(self) -> list:
        """As stored in a JSON field."""
        return [self.person_id, self.date.isoformat(), self.counted, self.record]

    @classmethod
    def decoded(cls, row: list) -> "Case":
        return cls(row[0], datetime.date.fromisoformat(row[1]), row[2], row[3])


@dataclass(frozen=True)
class Figure:
    """What a computation returns: the value, the counts it came from, and the cases behind them."""

    value: Decimal
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    cases: tuple[Case, ...] = ()


_DECLARED = {i.code: i for i in INDICATORS}
if len(_DECLARED) != len(INDICATORS):
    raise ImproperlyConfigured("Two indicators share a code")


class Computation(Protocol):
    """An indicator's computation from case records, registered by an app's `<app>/indicators.py` (imported by
    `PerformanceConfig.ready`): the figure for the span the indicator declares, or None."""

    def __call__(self, period: Period) -> Figure | None: ...


_computations: dict[str, Computation] = {}


def declared_codes() -> set[str]:
    return set(_DECLARED)


def _with_local_target(indicator: Indicator) -> Indicator:
    targets = conf.get("TARGETS")
    if indicator.code in targets:
        return replace(indicator, target=Target.parse(targets[indicator.code]))
    return indicator


def local_indicators() -> list[Indicator]:
    from .models import LocalIndicator

    return [
        Indicator(
            row.code,
            row.name,
            row.outcome,
            row.area,
            ValueType(row.value_type),
            Polarity(row.polarity),
            Frequency(row.frequency),
            row.definition,
            row.source,
            Obtained.IMPORTED,
            target=Target.parse(row.target),
            rag_rule=RagRule(row.rag_rule),
            benchmark_key=row.benchmark_key,
            aliases=tuple(line.strip() for line in row.aliases.splitlines() if line.strip()),
            compare_with=CompareWith(row.compare_with),
            year_kind=YearKind(row.year_kind),
            local=True,
        )
        for row in LocalIndicator.objects.all()
    ]


def all_indicators() -> list[Indicator]:
    """Standard indicators in declaration order, then the council's own (one query)."""
    return [_with_local_target(i) for i in INDICATORS] + local_indicators()


def by_code(indicators: Iterable[Indicator] | None = None) -> dict[str, Indicator]:
    return {i.code: i for i in (indicators if indicators is not None else all_indicators())}


def get(code: str) -> Indicator:
    if code in _DECLARED:
        return _with_local_target(_DECLARED[code])
    for indicator in local_indicators():
        if indicator.code == code:
            return indicator
    raise KeyError(f"No indicator with code {code!r}")


@lru_cache(maxsize=4096)
def normalise_name(name: str) -> str:
    """Case, spacing, curly quotes and a truncation mark do not change which indicator a name means."""
    text = str(name).replace("\u2019", "'").replace("\u2018", "'").replace("\u2026", "..")
    text = re.sub(r"\s+", " ", text).strip().lower()
    return text


def find(name_or_code: str, indicators: Collection[Indicator] | None = None) -> Indicator | None:
    """The indicator a printed name, alias or code refers to.

    A name cut short with ".." (as the Q4 2024/25 dashboard prints long names) matches the one
    indicator whose name starts with the remaining text.
    """
    indicators = indicators if indicators is not None else all_indicators()
    wanted = normalise_name(name_or_code)
    for indicator in indicators:
        if wanted == indicator.code.lower() or wanted in {normalise_name(n) for n in indicator.names}:
            return indicator
    if wanted.endswith(".."):
        stem = wanted.rstrip(".").rstrip(" (").strip()
        matches = [i for i in indicators if any(normalise_name(n).startswith(stem) for n in i.names)]
        if len(matches) == 1:
            return matches[0]
    return None


# Computations supplied by the case-record apps.


def register_computation(code: str) -> Callable[[Computation], Computation]:
    """Decorator: register `func(period) -> Figure | None` as the computation for indicator `code`."""

    def decorator(func: Computation) -> Computation:
        indicator = _DECLARED.get(code)
        if indicator is None or indicator.obtained != Obtained.COMPUTED:
            raise ImproperlyConfigured(f"{code} is not an indicator computed from case records")
        if code in _computations and _computations[code] is not func:
            raise ImproperlyConfigured(f"{code} already has a computation")
        _computations[code] = func
        return func

    return decorator


def unregister_computation(code: str) -> None:
    """For tests: forget a registered computation."""
    _computations.pop(code, None)


@contextmanager
def computation_replaced(code: str, func: Computation) -> Iterator[Computation]:
    """For tests: use `func` as the computation for `code` inside the block, then restore the app's own."""
    saved = _computations.get(code)
    _computations[code] = func
    try:
        yield func
    finally:
        if saved is None:
            _computations.pop(code, None)
        else:
            _computations[code] = saved


def computation(code: str) -> Computation | None:
    return _computations.get(code)


def status(indicator: Indicator) -> str:
    """How the indicator's figures are obtained, in words for the indicator page."""
    if indicator.obtained == Obtained.IMPORTED:
        return "Imported from a file" + (" (a council indicator)" if indicator.local else "")
    if computation(indicator.code) is None:
        return NOT_YET_COMPUTABLE
    return "Computed from case records"


def check_registry(app_configs: Sequence[AppConfig] | None = None, **kwargs: Any) -> list[Error]:
    """Django system check: names must map to one indicator each, and local targets must parse."""
    errors = []
    seen: dict[str, str] = {}
    for indicator in INDICATORS:
        for name in indicator.names:
            key = normalise_name(name)
            if key in seen and seen[key] != indicator.code:
                errors.append(
                    Error(f"'{name}' names both {seen[key]} and {indicator.code}", id="performance.E001")
                )
            seen[key] = indicator.code
    for code, text in (conf.get("TARGETS") or {}).items():
        if code not in _DECLARED:
            errors.append(
                Error(f"THRIVE_PERFORMANCE TARGETS: {code} is not an indicator code", id="performance.E002")
            )
            continue
        try:
            Target.parse(text)
        except ValueError as error:
            errors.append(Error(f"THRIVE_PERFORMANCE TARGETS: {code}: {error}", id="performance.E002"))
    return errors


_PERIOD_KINDS = {
    Frequency.QUARTER: "quarter",
    Frequency.LAST_MONTH_OF_QUARTER: "quarter",
    Frequency.TERM: "term",
    Frequency.ANNUAL: "year",
}
_KIND_EXAMPLES = {
    "quarter": "a quarter like Q4 2024/25",
    "term": "a term like Autumn 2023",
    "year": "a year like 2023/24",
}


def period_of(indicator: Indicator, label: str) -> Period:
    """The period a label means for this indicator: its year kind, and for a figure taken in the last
    month of a quarter, that month. Raises PeriodError if the label does not fit the frequency."""
    period = periods.parse(label, indicator.year_kind)
    kind = _PERIOD_KINDS[indicator.frequency]
    if period.kind != kind:
        raise periods.PeriodError(
            f"'{label}' does not fit a {indicator.frequency.adjective} indicator: give {_KIND_EXAMPLES[kind]}"
        )
    if indicator.frequency == Frequency.LAST_MONTH_OF_QUARTER:
        period = replace(period, start=period.end.replace(day=1))
    return period
