"""Child protection figures for the performance dashboard (see performance.registry)."""

from collections import defaultdict

from django.db.models import Min

from performance.counting import (
    child_population,
    children_on,
    first_per_child,
    kept_records,
    proportion,
    rate_per_10000,
    record_key,
)
from performance.periods import Period
from performance.registry import Case, Figure, register_computation
from timescales import registry as timescales
from timescales.dates import open_at_end_of
from timescales.workdays import is_overdue

from .codes import ConferenceKind
from .models import ChildProtectionConference, ChildProtectionPlan


def _plans_open_at_end_of(day):
    return ChildProtectionPlan.objects.filter(open_at_end_of(day))


def _case(kept, pk, person_id, start, counted) -> Case:
    return Case(kept(person_id), start, counted, record_key(ChildProtectionPlan, pk))


@register_computation("CSC_CPP_SECOND_OR_LATER")
def second_or_subsequent_plans(period: Period) -> Figure | None:
    """Plans started in the period, counted when the child had a plan that started earlier."""
    kept = kept_records()
    first_plans = ChildProtectionPlan.objects.values("person_id").annotate(first=Min("start_date"))
    first_started = {}  # child -> the start of their first plan, over every record of theirs
    for person_id, first in first_plans.values_list("person_id", "first"):
        child = kept(person_id)
        first_started[child] = min(first, first_started.get(child, first))
    started = ChildProtectionPlan.objects.filter(start_date__range=(period.start, period.end))
    return proportion(
        _case(kept, pk, person_id, start, first_started[kept(person_id)] < start)
        for pk, person_id, start in started.values_list("id", "person_id", "start_date")
    )


@register_computation("CSC_CPP_TWO_YEARS")
def plans_lasting_two_years(period: Period) -> Figure | None:
    """Plans open at the end of the period, counted when they had lasted 2 years or more by then."""
    day, kept, two_years = period.end, kept_records(), timescales.get("CP_PLAN_TWO_YEARS")
    return proportion(
        _case(kept, pk, person_id, start, two_years.due(start) <= day)
        for pk, person_id, start in _plans_open_at_end_of(day).values_list("id", "person_id", "start_date")
    )


@register_computation("CP_RATE")
def child_protection_rate(period: Period) -> Figure | None:
    """Children on a plan at the end of the period, per 10,000 children."""
    day, kept = period.end, kept_records()
    rows = _plans_open_at_end_of(day).filter(children_on(day)).values_list("id", "person_id", "start_date")
    cases = [_case(kept, *row, True) for row in first_per_child(rows, kept).values()]
    return rate_per_10000(cases, child_population(day))


@register_computation("CSC_CP_REVIEWS_ON_TIME")
def reviews_on_time(period: Period) -> Figure | None:
    """Children on a plan at the end of the period for 3 months or more, counted when every review of the plan
    was held on time and none was overdue at the end: the DfE counts the plan's reviews, so a review held
    late more than 12 months ago still makes the plan late."""
    day, kept = period.end, kept_records()
    first_review = timescales.get("CP_REVIEW_FIRST")
    open_plans = _plans_open_at_end_of(day)
    held = defaultdict(list)
    reviews = ChildProtectionConference.objects.filter(
        kind=ConferenceKind.REVIEW, plan__in=open_plans, date__lte=day
    )
    for plan_id, date in reviews.order_by("date").values_list("plan_id", "date"):
        held[plan_id].append(date)
    return proportion(
        _case(kept, pk, person_id, start, _reviews_all_on_time(start, held[pk], day))
        for pk, person_id, start in open_plans.values_list("id", "person_id", "start_date")
        if first_review.due(start) <= day
    )


def _reviews_all_on_time(start, held, day) -> bool:
    """Reviews of a plan started on `start`, held on the dates `held` (ascending): every one met its due date,
    and the next one was not overdue at the end of `day`."""
    due = timescales.get("CP_REVIEW_FIRST").due(start)
    for date in held:
        if is_overdue(due, date):
            return False
        due = timescales.get("CP_REVIEW_SUBSEQUENT").due(date)
    return not is_overdue(due, day)
