"""The timing rules of care work, as plain functions of dates so they can be worked by hand.

Every amount comes from the timescales registry; the models store what these return, and the
due-work sources read the stored dates.
"""
import datetime

from dateutil.relativedelta import relativedelta

from timescales import registry
from timescales.registry import birthday

from .codes import SHORT_BREAKS, ReasonNewEpisode

RNE = ReasonNewEpisode
# Ofsted and the DfE read a placement more than 20 miles from home as far away (the 903's PL_DISTANCE).
FAR_FROM_HOME_MILES = 20
EARLY_EDUCATION_AGE = 3  # the universal early education entitlement starts in the term after the third birthday


def review_due(became_looked_after: datetime.date, earlier_reviews: list[datetime.date]) -> datetime.date:
    """When the next looked-after review is due, given the reviews already held in this period of care.

    First within 20 working days of becoming looked after, second within 3 months of the first,
    then at most 6 months apart (Care Planning, Placement and Case Review (England) Regulations
    2010, reg 33).
    """
    if not earlier_reviews:
        return registry.get("CLA_REVIEW_FIRST").due(became_looked_after)
    if len(earlier_reviews) == 1:
        return registry.get("CLA_REVIEW_SECOND").due(earlier_reviews[0])
    return registry.get("CLA_REVIEW_SUBSEQUENT").due(earlier_reviews[-1])


def visit_due(placement_start: datetime.date, visits: list[datetime.date], long_term: bool) -> tuple[datetime.date, str]:
    """(due date, timescale code) of the next statutory visit in the current placement (reg 28(2)).

    Within a week of the placement starting; then at the council's interval (at most 6 weeks);
    in a placement meant to last until the child is 18, at most 3 months apart once it has lasted
    a year.
    """
    if not visits:
        return registry.get("CLA_VISIT_FIRST").due(placement_start), "CLA_VISIT_FIRST"
    code = visit_code(placement_start, visits[-1], long_term)
    return registry.get(code).due(visits[-1]), code


def visit_code(placement_start: datetime.date, last_visit: datetime.date, long_term: bool) -> str:
    """Which interval runs after a visit: 3 months once a long-term placement has lasted a year, else the usual."""
    settled = long_term and last_visit >= placement_start + relativedelta(years=1)
    return "CLA_VISIT_LONG_TERM" if settled else "CLA_VISIT"


def health_assessment_due(became_looked_after, date_of_birth, last_assessment) -> tuple[datetime.date, str]:
    """(due date, timescale code): the initial assessment, then 6-monthly under 5 and yearly after."""
    if last_assessment is None:
        return registry.get("CLA_HEALTH_INITIAL").due(became_looked_after), "CLA_HEALTH_INITIAL"
    code = registry.health_review_code(date_of_birth, last_assessment) if date_of_birth else "CLA_HEALTH_REVIEW"
    return registry.get(code).due(last_assessment), code


def dental_check_due(became_looked_after, last_check) -> datetime.date:
    """Yearly; a child with no check since coming into care is due one within 12 months of arriving."""
    return registry.get("CLA_DENTAL").due(last_check or became_looked_after)


def pep_due(became_looked_after, date_of_birth, last_pep) -> tuple[datetime.date, str] | None:
    """(due date, timescale code): a PEP within 20 working days, then reviewed each term.

    None for a child under 3, who has no early education place for a PEP to plan; from the third
    birthday the first PEP falls due.
    """
    if date_of_birth is None:
        return None
    three = birthday(date_of_birth, EARLY_EDUCATION_AGE)
    if last_pep is None:
        return registry.get("PEP_INITIAL").due(max(became_looked_after, three)), "PEP_INITIAL"
    return registry.get("PEP_REVIEW").due(last_pep), "PEP_REVIEW"


def reason_new_episode(legal_status_changed: bool, placement_changed: bool, carers_changed: bool) -> str:
    """The RNE code for an episode that follows another on the same day."""
    if not placement_changed:
        return RNE.LEGAL_STATUS
    if legal_status_changed:
        return RNE.LEGAL_PLACEMENT_AND_CARERS if carers_changed else RNE.LEGAL_AND_PLACEMENT_SAME_CARERS
    return RNE.PLACEMENT_AND_CARERS if carers_changed else RNE.PLACEMENT_SAME_CARERS


def collection_year(on: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The SSDA903 year containing `on`: 1 April to 31 March."""
    start_year = on.year if on.month >= 4 else on.year - 1
    return datetime.date(start_year, 4, 1), datetime.date(start_year + 1, 3, 31)


def in_oc2_cohort(period_start, period_end, episodes, year_end: datetime.date) -> bool:
    """Looked after continuously through the collection year ending `year_end` (a 31 March).

    The OC2 outcomes (health, dental, SDQ, substance misuse, convictions) are reported for this
    cohort: in care by 1 April, still in care on 31 March (leaving that day still counts), and no
    short breaks (V3, V4) in the year, as the DfE's 903 validation rules define it.
    `episodes` are (start, end, legal status) of the period of care.
    """
    year_start = datetime.date(year_end.year - 1, 4, 1)
    if period_start > year_start or (period_end is not None and period_end < year_end):
        return False
    return not any(
        status in SHORT_BREAKS and start <= year_end and (end is None or end >= year_start)
        for start, end, status in episodes
    )


def designated_birth_date(estimated_year: int) -> datetime.date:
    """Where an unaccompanied child's age cannot be determined, 1 January of the estimated year of birth."""
    return datetime.date(estimated_year, 1, 1)
