"""Family Help and child in need figures for the performance dashboard (see performance.registry)."""

from functools import cache

from frontdoor.models import Referral
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
from timescales.workdays import default_calendar, is_overdue

from .models import Assessment

# Where the 45 working days run from: the DfE's statistic measures an assessment from its start
# (AssessmentActualStartDate); Working Together, and the practitioner's due date, from the referral.
FROM_ASSESSMENT_START, FROM_REFERRAL = "start_date", "referral__referral_date"


@register_computation("CSC_ASSESSMENTS_45_DAYS")
def assessments_within_45_working_days(period: Period) -> Figure | None:
    """Assessments authorised in the period, counted when authorised by the 45th working day after the
    assessment started, as the DfE's children in need statistics measure duration (start to authorisation).

    The dates held now are used, so a corrected start date counts even where the assessment's stored due
    date was worked out before the correction. `assessments_within_45_working_days_of_referral` gives the
    Working Together reading (from the referral) beside it.
    """
    return _within_45_working_days(period, FROM_ASSESSMENT_START)


def assessments_within_45_working_days_of_referral(period: Period) -> Figure | None:
    """The same assessments, counted from the referral date (Working Together's "from the point of
    referral")."""
    return _within_45_working_days(period, FROM_REFERRAL)


def _within_45_working_days(period: Period, start_field: str) -> Figure | None:
    timescale, calendar, kept = timescales.get("ASSESSMENT"), default_calendar(), kept_records()
    due = cache(
        lambda started: timescale.due(started, calendar)
    )  # a year's assessments share a few hundred dates
    rows = Assessment.objects.filter(authorisation_date__range=(period.start, period.end)).values_list(
        "id", "person_id", "authorisation_date", start_field
    )
    return proportion(
        Case(
            kept(person_id), authorised, not is_overdue(due(started), authorised), record_key(Assessment, pk)
        )
        for pk, person_id, authorised, started in rows
    )


@register_computation("CIN_RATE")
def children_in_need_rate(period: Period) -> Figure | None:
    """Children with an episode of need (a referral) open at the end of the period, per 10,000 children."""
    day, kept = period.end, kept_records()
    rows = Referral.objects.filter(
        open_at_end_of(day, "referral_date", "closure_date"), children_on(day)
    ).values_list("id", "person_id", "referral_date")
    children = first_per_child(rows, kept)
    cases = [
        Case(child, referred, True, record_key(Referral, pk)) for child, (pk, _, referred) in children.items()
    ]
    return rate_per_10000(cases, child_population(day))
