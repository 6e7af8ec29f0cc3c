"""Children in care deadlines: reviews, visits, health and dental checks, PEPs, and age assessments.

A handful of queries for any number of children: open periods, then the latest visit, assessment,
check and PEP per child, each one grouped query.
"""
from django.db.models import Count, Max

from timescales.due import DueItem, due_source

from . import rules
from .codes import LONG_TERM_PLACEMENTS, PLACEMENT_MOVES
from .models import (AgeAssessment, DentalCheck, Episode, HealthAssessment, PeriodOfCare, PersonalEducationPlan,
                     Visit)


REVIEW_CODES = ["CLA_REVIEW_FIRST", "CLA_REVIEW_SECOND", "CLA_REVIEW_SUBSEQUENT"]


def _open_periods(person_ids):
    return PeriodOfCare.objects.filter(person_id__in=person_ids, end_date__isnull=True)


def _latest(model, date_field, period_ids) -> dict:
    """The latest date of `model` in each open period, by period id."""
    rows = model.objects.filter(period_id__in=period_ids).values_list("period_id").annotate(last=Max(date_field))
    return dict(rows)


@due_source
def reviews(person_ids, on):
    periods = _open_periods(person_ids).exclude(next_review_due=None).annotate(held=Count("reviews"))
    for period in periods.only("person_id", "next_review_due"):
        code = REVIEW_CODES[min(period.held, len(REVIEW_CODES) - 1)]
        yield DueItem(period.person_id, "Hold the looked-after review", period.next_review_due, code)


@due_source
def visits(person_ids, on):
    """Visits count from the start of the current placement: a move restarts the one-week first visit.

    Plain rows rather than model instances: a team's worklist reads a few thousand episodes.
    """
    periods = dict(_open_periods(person_ids).values_list("pk", "person_id"))
    placements = {}  # period -> (start of the current placement, placement type)
    episodes = Episode.objects.filter(period_id__in=list(periods)).order_by("start_date", "pk")
    for period_id, start, reason_new, place in episodes.values_list("period_id", "start_date", "reason_new",
                                                                    "placement_type"):
        since = start if reason_new in PLACEMENT_MOVES else placements.get(period_id, (start,))[0]
        placements[period_id] = (since, place)
    seen = {}
    for period_id, day in Visit.objects.filter(period_id__in=list(periods), child_seen=True).order_by(
            "visited_on").values_list("period_id", "visited_on"):
        seen.setdefault(period_id, []).append(day)
    for period_id, person_id in periods.items():
        if period_id not in placements:
            continue
        placement_start, place = placements[period_id]
        since_move = [day for day in seen.get(period_id, []) if day >= placement_start]
        due, code = rules.visit_due(placement_start, since_move, place in LONG_TERM_PLACEMENTS)
        yield DueItem(person_id, "Visit the child in their placement", due, code)


@due_source
def health_and_education(person_ids, on):
    periods = list(_open_periods(person_ids).values_list("pk", "person_id", "start_date", "person__birth_date"))
    ids = [period[0] for period in periods]
    assessed = _latest(HealthAssessment, "assessed_on", ids)
    dental = _latest(DentalCheck, "checked_on", ids)
    peps = _latest(PersonalEducationPlan, "meeting_on", ids)
    for period_id, person_id, start, born in periods:
        due, code = rules.health_assessment_due(start, born, assessed.get(period_id))
        yield DueItem(person_id, "Health assessment", due, code)
        yield DueItem(person_id, "Dental check", rules.dental_check_due(start, dental.get(period_id)), "CLA_DENTAL")
        pep = rules.pep_due(start, born, peps.get(period_id))
        if pep:
            yield DueItem(person_id, "Personal Education Plan meeting", *pep)


@due_source
def age_assessments(person_ids, on):
    waiting = AgeAssessment.objects.filter(uasc__person_id__in=person_ids, completed_on__isnull=True)
    for assessment in waiting.select_related("uasc"):
        yield DueItem(assessment.uasc.person_id, "Complete the age assessment", assessment.due_on,
                      "UASC_AGE_ASSESSMENT")
