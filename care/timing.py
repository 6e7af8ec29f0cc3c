"""The timing rules of care work, as plain functions of dates so they can be worked by hand.

Every amount comes from the timescales registry; the models store what these return, and the
due-work sources read the stored dates.
"""

import datetime
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from timescales import registry
from timescales.dates import birthday, financial_year_start, is_open_at_end_of, is_open_during

from .codes import (
    ADOPTION_PLACEMENTS,
    KINSHIP_PLACEMENTS,
    LONG_TERM_PLACEMENTS,
    SHORT_BREAKS,
    LegalStatus,
    PlacementType,
    ReasonNewEpisode,
)

RNE = ReasonNewEpisode
# Ofsted and the DfE read a placement more than 20 miles from home as far away (the 903's PL_DISTANCE).
FAR_FROM_HOME_MILES = 20
# The last day a placement may begin as semi-independent living accommodation (H5): the 903 has no H5 from
# 2025-26, whose placements in supported accommodation are registered (K3) since October 2023.
SEMI_INDEPENDENT_LAST_START = datetime.date(2025, 3, 31)
EARLY_EDUCATION_AGE = (
    3  # the universal early education entitlement starts in the term after the third birthday
)


def _due(code: str, start: datetime.date) -> tuple[datetime.date, str]:
    return registry.get(code).due(start), code


def review_due(
    became_looked_after: datetime.date,
    earlier_reviews: list[datetime.date],
    placed_for_adoption: datetime.date | None = None,
    authority_to_place: datetime.date | None = None,
) -> datetime.date:
    """When the next looked-after review is due (`next_review` without the timescale code)."""
    return next_review(became_looked_after, earlier_reviews, placed_for_adoption, authority_to_place)[0]


def next_review(
    became_looked_after: datetime.date,
    earlier_reviews: list[datetime.date],
    placed_for_adoption: datetime.date | None = None,
    authority_to_place: datetime.date | None = None,
) -> tuple[datetime.date, str]:
    """(due date, timescale code) of the next looked-after review, given the reviews held in the period.

    First within 20 working days of becoming looked after, second within 3 months of the first, then
    at most 6 months apart (Care Planning Regulations reg 33). Once the adoption agency may place the
    child (a placement order or consent), the first review after that is due within 3 months of it if
    sooner (Adoption Agencies Regulations reg 36(1)); once the child is placed for adoption, reviews
    follow reg 36(3) from the placement: 4 weeks, 3 months, then 6 months.
    """
    if placed_for_adoption is not None:
        since = [day for day in earlier_reviews if day >= placed_for_adoption]
        if not since:
            return _due("ADOPTION_REVIEW_FIRST", placed_for_adoption)
        return _due("ADOPTION_REVIEW_SECOND" if len(since) == 1 else "ADOPTION_REVIEW_SUBSEQUENT", since[-1])
    if not earlier_reviews:
        due = _due("CLA_REVIEW_FIRST", became_looked_after)
    elif len(earlier_reviews) == 1:
        due = _due("CLA_REVIEW_SECOND", earlier_reviews[0])
    else:
        due = _due("CLA_REVIEW_SUBSEQUENT", earlier_reviews[-1])
    if authority_to_place is not None and not any(day >= authority_to_place for day in earlier_reviews):
        due = min(due, _due("ADOPTION_AUTHORITY_REVIEW", authority_to_place))
    return due


@dataclass(frozen=True)
class Placement:
    """What reg 28 needs to know about the child's current placement, from its start to today.

    `legal_statuses` are (from, legal status) in the placement, oldest first, the first on or before
    its start; `visits` are (date, the child's answer on fewer visits or None) since it began;
    `approvals` are (approved on, ended on or None) of connected persons' temporary approvals.
    """

    start: datetime.date
    placement_type: str
    legal_statuses: tuple[tuple[datetime.date, str], ...]
    reviews: tuple[datetime.date, ...] = ()
    visits: tuple[tuple[datetime.date, bool | None], ...] = ()
    approvals: tuple[tuple[datetime.date, datetime.date | None], ...] = ()

    def status_on(self, day: datetime.date) -> str:
        status = self.legal_statuses[0][1]
        for since, legal_status in self.legal_statuses:
            if since <= day:
                status = legal_status
        return status

    def first_review(self) -> datetime.date | None:
        """The first review held since the placement began: weekly visits run until it (reg 28(3), (4))."""
        return next((day for day in self.reviews if day >= self.start), None)

    def care_order_at_home(self) -> datetime.date | None:
        """The day a full care order was made while the child lived with a parent in this placement."""
        if self.placement_type != PlacementType.WITH_PARENTS:
            return None
        previous = None
        for since, status in self.legal_statuses:
            if (
                status == LegalStatus.FULL_CARE_ORDER
                and previous != LegalStatus.FULL_CARE_ORDER
                and since >= self.start
            ):
                return since
            previous = status
        return None

    def under_temporary_approval(self, day: datetime.date) -> bool:
        return self.placement_type in KINSHIP_PLACEMENTS and any(
            is_open_at_end_of(approved, ended, day) for approved, ended in self.approvals
        )

    def agreed_to_fewer_visits(self, by: datetime.date) -> bool:
        """The child's latest answer by `by`: no answer is not agreement."""
        answers = [agreed for day, agreed in self.visits if day <= by and agreed is not None]
        return bool(answers) and answers[-1]


def visit_due(placement: Placement) -> tuple[datetime.date, str] | None:
    """(due date, timescale code) of the next statutory visit in the current placement, or None if reg 28
    does not set one (short breaks, reg 48). Where two duties apply, the earlier date is due.

    Children placed for adoption are visited under the Adoption Agencies Regulations reg 36(4) instead.
    """
    if (
        placement.status_on(placement.start) in SHORT_BREAKS
        or placement.legal_statuses[-1][1] in SHORT_BREAKS
    ):
        return None
    if placement.placement_type in ADOPTION_PLACEMENTS:
        return _adoption_visit_due(placement)
    visits = [day for day, _ in placement.visits]
    due = [_due("CLA_VISIT_FIRST", placement.start) if not visits else _after(placement, visits[-1])]
    order = placement.care_order_at_home()
    if order is not None and not any(day >= order for day in visits):
        due.append(_due("CLA_VISIT_CARE_ORDER_AT_HOME", order))  # reg 28(5)(a)
    return min(due)


def _after(placement: Placement, last: datetime.date) -> tuple[datetime.date, str]:
    """When the visit after one on `last` is due (reg 28(2) to (5), with (3A))."""
    at_home = placement.placement_type == PlacementType.WITH_PARENTS
    every_four_weeks = placement.under_temporary_approval(last) or (
        at_home and placement.status_on(last) == LegalStatus.INTERIM_CARE_ORDER
    )  # reg 28(4)
    if every_four_weeks or at_home:  # at home on any other order: placed under reg 19 (reg 28(3))
        weekly = _due("CLA_VISIT_WEEKLY", last)
        review = placement.first_review()
        if review is None or review > weekly[0]:
            return weekly
        return _due("CLA_VISIT_FOUR_WEEKS" if every_four_weeks else "CLA_VISIT", last)
    if placement.placement_type in LONG_TERM_PLACEMENTS and last >= placement.start + relativedelta(years=1):
        if placement.agreed_to_fewer_visits(last):
            return _due("CLA_VISIT_LONG_TERM_AGREED", last)  # reg 28(3A)
        return _due("CLA_VISIT_LONG_TERM", last)  # reg 28(2)(c)(i)
    return _due("CLA_VISIT", last)


def _adoption_visit_due(placement: Placement) -> tuple[datetime.date, str]:
    """Within a week of the placement for adoption, weekly until the first review, then at the council's
    standard (Adoption Agencies Regulations reg 36(4)(a))."""
    visits = [day for day, _ in placement.visits]
    if not visits:
        return _due("ADOPTION_VISIT_FIRST", placement.start)
    weekly = _due("ADOPTION_VISIT_WEEKLY", visits[-1])
    review = placement.first_review()
    return weekly if review is None or review > weekly[0] else _due("ADOPTION_VISIT", visits[-1])


def health_assessment_due(became_looked_after, date_of_birth, last_assessment) -> tuple[datetime.date, str]:
    """(due date, timescale code): the initial assessment, then 6-monthly under 5 and yearly after."""
    if last_assessment is None:
        return registry.get("CLA_HEALTH_INITIAL").due(became_looked_after), "CLA_HEALTH_INITIAL"
    code = (
        registry.health_review_code(date_of_birth, last_assessment) if date_of_birth else "CLA_HEALTH_REVIEW"
    )
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


def in_oc2_cohort(period_start, period_end, episodes, year_end: datetime.date) -> bool:
    """Looked after continuously for 12 months at the end of `year_end` (a 31 March).

    The OC2 outcomes (health, dental, SDQ, substance misuse, convictions) are reported for this
    cohort: in care by 1 April, still looked after at the end of 31 March (a child who left care that
    day is not, as in every DfE "at 31 March" count and the health and dental indicators), and no
    short breaks (V3, V4) in the year. `episodes` are (start, end, legal status) of the period of care.
    """
    year_start = financial_year_start(year_end)
    if period_start > year_start or not is_open_at_end_of(period_start, period_end, year_end):
        return False
    return not any(
        status in SHORT_BREAKS and is_open_during(start, end, year_start, year_end)
        for start, end, status in episodes
    )


def designated_birth_date(estimated_year: int) -> datetime.date:
    """Where an unaccompanied child's age cannot be determined, 1 January of the estimated year of birth."""
    return datetime.date(estimated_year, 1, 1)
