"""How computations count, declared once for every journey app's `indicators.py`.

- A proportion is the cases counted over all cases, in percent (26.4, not 0.264); a rate is the
  children counted per 10,000 children aged under 18.
- A child is counted once however many duplicate records they had: a duplicate merged into
  another record counts as the record kept (merges can chain).
- "Open at the end of a day" means started on or before it and not ended on or before it: a plan
  ended on 31 March is not open at the end of 31 March, as in the DfE's "at 31 March" counts
  (`timescales.dates.open_at_end_of`).
- The child population for a rate is the latest ONS mid-year estimate (30 June) on or before
  the day, children aged under 18.
"""

import contextvars
import datetime
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from decimal import Decimal
from functools import cache

from dateutil.relativedelta import relativedelta
from django.db.models import Max, Q, Sum

from council.models import PopulationCount
from people.models import ADULT_AGE, Person

from .registry import Case, Figure

PERCENT = Decimal(100)
PER_10000 = Decimal(10_000)
PLACES = Decimal("0.0001")  # as IndicatorValue stores them
MID_YEAR = (6, 30)  # ONS mid-year population estimates are for 30 June


def record_key(model, pk) -> str:
    """ "frontdoor.referral:12": which record a case comes from."""
    return f"{_label(model)}:{pk}"


@cache
def _label(model) -> str:
    return model._meta.label_lower  # worked out anew on each read: half a million cases on a national council


def proportion(cases: Iterable[Case]) -> Figure | None:
    """Cases counted, as a percentage of all cases; None when there are no cases to count."""
    cases = tuple(cases)
    if not cases:
        return None
    counted = sum(1 for case in cases if case.counted)
    value = (PERCENT * counted / len(cases)).quantize(PLACES)
    return Figure(value, Decimal(counted), Decimal(len(cases)), cases)


def rate_per_10000(cases: Iterable[Case], population: int | None) -> Figure | None:
    """Children per 10,000 children; None without a population estimate."""
    if not population:
        return None
    cases = tuple(cases)
    value = (PER_10000 * len(cases) / population).quantize(PLACES)
    return Figure(value, Decimal(len(cases)), Decimal(population), cases)


_shared_work = contextvars.ContextVar("shared_work", default=None)


@contextmanager
def sharing_work():
    """While a whole dashboard is computed, indicators over the same children share the work of
    finding them (see `shared`). Only inside this block, so no figure is ever built from stale records."""
    token = _shared_work.set({})
    try:
        yield
    finally:
        _shared_work.reset(token)


def shared(key, build: Callable):
    """`build()`, done once per `key` inside `sharing_work()` (and every time outside it)."""
    work = _shared_work.get()
    if work is None:
        return build()
    if key not in work:
        work[key] = build()
    return work[key]


def kept_records() -> Callable[[int], int]:
    """A function from a person's id to the id of the record kept after merges (one query, shared
    by a whole dashboard's indicators)."""
    return shared("kept_records", _kept_records)


def _kept_records() -> Callable[[int], int]:
    merged = dict(Person.objects.filter(merged_into__isnull=False).values_list("id", "merged_into_id"))

    def kept(person_id: int) -> int:
        if person_id not in merged:
            return person_id  # nearly every record: no merge to follow
        seen = {person_id}
        while person_id in merged and merged[person_id] not in seen:
            person_id = merged[person_id]
            seen.add(person_id)
        return person_id

    return kept


def children_on(day: datetime.date, person: str = "person") -> Q:
    """Records whose `person` is under 18 (or not yet born) on the day: who a rate per 10,000 children counts.

    The same test as `Person.objects.children`, as a join rather than `person__in=<children>`: SQLite
    builds that subquery's whole list first, 12 million children on an England-sized council (13 s
    for each rate, even with no records to count).
    """
    return Q(**{f"{person}__birth_date__gt": day - relativedelta(years=ADULT_AGE)}) | Q(
        **{f"{person}__birth_date__isnull": True, f"{person}__expected_birth_date__isnull": False}
    )


def child_population(day: datetime.date) -> int | None:
    """Children under 18 in the latest mid-year estimate on or before `day`; None if none is held."""
    latest_year = day.year if day >= datetime.date(day.year, *MID_YEAR) else day.year - 1
    year = PopulationCount.objects.filter(year__lte=latest_year).aggregate(year=Max("year"))["year"]
    if year is None:
        return None
    return PopulationCount.objects.filter(year=year, age__lt=ADULT_AGE).aggregate(total=Sum("count"))["total"]


def first_per_child(rows, kept: Callable[[int], int]) -> dict[int, tuple]:
    """One row per child from rows of (record id, person id, date, ...): the earliest date's."""
    chosen = {}
    for row in sorted(rows, key=lambda row: (row[2], row[0])):
        chosen.setdefault(kept(row[1]), row)
    return chosen
