"""Children in care deadlines: reviews, visits, health and dental checks, PEPs, and age assessments.

A handful of queries for any number of children: open periods, then the latest visit, assessment,
check and PEP per child, each one grouped query.
"""
from django.db.models import Count, Max

from timescales.due import DueItem, due_source

from . import rules
from .models import AgeAssessment, DentalCheck, HealthAssessment, PeriodOfCare, PersonalEducationPlan, Visit


REVIEW_CODES = ["CLA_REVIEW_FIRST", "CLA_REVIEW_SECOND", "CLA_REVIEW_SUBSEQUENT"]


def _open_periods(person_ids):
    return PeriodOfCare.objects.filter(person_id__in=person_ids, end_date__isnull=True)


def _latest(model, date_field, periods) -> dict:
    """The latest date of `model` in each open period, by period id."""
    rows = model.objects.filter(period__in=[p.pk for p in periods]).values_list("period_id").annotate(last=Max(date_field))
    return dict(rows)


@due_source
def reviews(person_ids, on):
    periods = _open_periods(person_ids).exclude(next_review_due=None).annotate(held=Count("reviews"))
    for period in periods.only("person_id", "next_review_due"):
        code = REVIEW_CODES[min(period.held, len(REVIEW_CODES) - 1)]
        yield DueItem(period.person_id, "Hold the looked-after review", period.next_review_due, code)


@due_source
def visits(person_ids, on):
    """Visits count from the start of the current placement: a move restarts the one-week first visit."""
    periods = list(_open_periods(person_ids).prefetch_related("episodes"))
    seen = {}
    for period_id, day in Visit.objects.filter(period__in=periods, child_seen=True).order_by(
            "visited_on").values_list("period_id", "visited_on"):
        seen.setdefault(period_id, []).append(day)
    for period in periods:
        episodes = sorted(period.episodes.all(), key=lambda e: (e.start_date, e.pk))
        placement_start = period.placement_start(episodes)
        since_move = [day for day in seen.get(period.pk, []) if day >= placement_start]
        due, code = rules.visit_due(placement_start, since_move, episodes[-1].is_long_term)
        yield DueItem(period.person_id, "Visit the child in their placement", due, code)


@due_source
def health_and_education(person_ids, on):
    periods = list(_open_periods(person_ids).select_related("person"))
    assessed = _latest(HealthAssessment, "assessed_on", periods)
    dental = _latest(DentalCheck, "checked_on", periods)
    peps = _latest(PersonalEducationPlan, "meeting_on", periods)
    for period in periods:
        due, code = rules.health_assessment_due(period.start_date, period.person.birth_date, assessed.get(period.pk))
        yield DueItem(period.person_id, "Health assessment", due, code)
        yield DueItem(period.person_id, "Dental check", rules.dental_check_due(period.start_date, dental.get(period.pk)),
                      "CLA_DENTAL")
        pep = rules.pep_due(period.start_date, period.person.birth_date, peps.get(period.pk))
        if pep:
            yield DueItem(period.person_id, "Personal Education Plan meeting", *pep)


@due_source
def age_assessments(person_ids, on):
    waiting = AgeAssessment.objects.filter(uasc__person_id__in=person_ids, completed_on__isnull=True)
    for assessment in waiting.select_related("uasc"):
        yield DueItem(assessment.uasc.person_id, "Complete the age assessment", assessment.due_on,
                      "UASC_AGE_ASSESSMENT")
