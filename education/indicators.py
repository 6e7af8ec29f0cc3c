"""Education figures for the performance dashboard, computed from the education records (see
performance.registry).

- Home educated at the end of a day: a register entry as home educated opened on or before it and not
  closed on or before it.
- Children missing education referrals: referrals received in the term.
- NEET: each young person of academic age 16 or 17 on the day (aged 16 or 17 on the 31 August before it)
  with an activity recorded by then counts, their latest activity deciding; not known counts in the total.
- Suspension and permanent exclusion rates: exclusions whose first day is in the academic year, per 100
  pupils on roll at the spring census in that year (SchoolRoll).
- New EHC plans within 20 weeks: plans issued in the span, on time when issued by the request's plan_due,
  plans under a regulation 13(3) exception left out.
"""

import datetime
from decimal import Decimal

from django.db.models import Max, Sum

from performance.counting import kept_records, proportion, record_key
from performance.periods import Period
from performance.registry import Case, Figure, register_computation
from timescales.dates import open_at_end_of

from .codes import Activity, ExclusionKind, RegisterBasis
from .models import ActivityRecord, CmeReferral, EhcPlan, Exclusion, RegisterEntry, SchoolRoll

HUNDRED = Decimal(100)
PLACES = Decimal("0.0001")


def _count(cases) -> Figure | None:
    """A count of the cases; None when there are none, as with no records Thrive cannot tell zero from
    unrecorded."""
    cases = tuple(cases)
    if not cases:
        return None
    return Figure(Decimal(len(cases)), Decimal(len(cases)), None, cases)


def home_educated_on(day: datetime.date):
    return RegisterEntry.objects.filter(
        open_at_end_of(day, "opened_on", "closed_on"), basis=RegisterBasis.HOME_EDUCATED
    )


@register_computation("EHE")
def home_educated(period: Period) -> Figure | None:
    kept, seen = kept_records(), set()
    cases = []
    for pk, person_id, opened in home_educated_on(period.end).values_list("pk", "person_id", "opened_on"):
        child = kept(person_id)
        if child not in seen:
            seen.add(child)
            cases.append(Case(child, opened, True, record_key(RegisterEntry, pk)))
    return _count(cases)


@register_computation("EDU_CME_REFERRALS")
def cme_referrals(period: Period) -> Figure | None:
    kept = kept_records()
    rows = CmeReferral.objects.filter(received_on__range=(period.start, period.end)).values_list(
        "pk", "person_id", "received_on"
    )
    return _count(
        Case(kept(person_id), day, True, record_key(CmeReferral, pk)) for pk, person_id, day in rows
    )


def academic_age_16_17(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """Birth dates of young people of academic age 16 or 17 on `day`: 16 or 17 on the 31 August before it."""
    august = datetime.date(day.year if day.month >= 9 else day.year - 1, 8, 31)
    return datetime.date(august.year - 18, 9, 1), datetime.date(august.year - 16, 8, 31)


def latest_activities(day: datetime.date) -> dict[int, tuple]:
    """{child: (record id, date, activity)}: each young person of academic age 16-17's latest record by
    `day`."""
    kept, born = kept_records(), academic_age_16_17(day)
    latest = {}
    rows = ActivityRecord.objects.filter(recorded_on__lte=day, person__birth_date__range=born).values_list(
        "pk", "person_id", "recorded_on", "activity"
    )
    for pk, person_id, on, activity in rows.order_by("recorded_on", "pk"):
        latest[kept(person_id)] = (pk, on, activity)
    return latest


@register_computation("NEET_16_17")
def neet(period: Period) -> Figure | None:
    latest = latest_activities(period.end)
    return proportion(
        Case(child, on, activity == Activity.NEET, record_key(ActivityRecord, pk))
        for child, (pk, on, activity) in latest.items()
    )


def pupils_on_roll(period: Period) -> int | None:
    """Pupils at the latest census in the academic year (the spring census where held)."""
    census = SchoolRoll.objects.filter(census_date__range=(period.start, period.end)).aggregate(
        last=Max("census_date")
    )
    if census["last"] is None:
        return None
    return SchoolRoll.objects.filter(census_date=census["last"]).aggregate(total=Sum("pupils"))["total"]


def _exclusion_rate(period: Period, kind: str) -> Figure | None:
    pupils = pupils_on_roll(period)
    if not pupils:
        return None
    kept = kept_records()
    rows = Exclusion.objects.filter(kind=kind, start_date__range=(period.start, period.end)).values_list(
        "pk", "person_id", "start_date"
    )
    cases = tuple(Case(kept(person_id), day, True, record_key(Exclusion, pk)) for pk, person_id, day in rows)
    value = (HUNDRED * len(cases) / pupils).quantize(PLACES)
    return Figure(value, Decimal(len(cases)), Decimal(pupils), cases)


@register_computation("EXCL_SUSPENSION_RATE")
def suspension_rate(period: Period) -> Figure | None:
    return _exclusion_rate(period, ExclusionKind.SUSPENSION)


@register_computation("EXCL_PERMANENT_RATE")
def permanent_exclusion_rate(period: Period) -> Figure | None:
    return _exclusion_rate(period, ExclusionKind.PERMANENT)


@register_computation("SEN_EHCP_20_WEEKS")
def plans_within_20_weeks(period: Period) -> Figure | None:
    kept = kept_records()
    plans = EhcPlan.objects.filter(
        issued_on__range=(period.start, period.end), request__isnull=False, request__exception=""
    )
    return proportion(
        Case(kept(person_id), issued, issued <= due, record_key(EhcPlan, pk))
        for pk, person_id, issued, due in plans.values_list(
            "pk", "person_id", "issued_on", "request__plan_due"
        )
    )
