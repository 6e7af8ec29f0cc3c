"""Leaving care deadlines: a personal adviser, the needs assessment and the pathway plan once eligible,
pathway
plan reviews, the personal adviser's visits to accommodation the council provides, the Staying Close
assessment for every former relevant child, and the OC3 birthday information."""

import datetime

from django.db.models import Max

from access.models import Involvement, InvolvementKind
from people.models import Person
from timescales import registry
from timescales.dates import birthday, open_on
from timescales.due import DueItem, due_source

from .codes import LeaverStatus
from .eligibility import eligible_from, status, stays_of
from .models import (
    Accommodation,
    KeepingInTouch,
    LeavingCareNeedsAssessment,
    PathwayPlan,
    PathwayPlanReview,
    StayingCloseConsideration,
)
from .snapshots import snapshots_due

ENTITLED = {LeaverStatus.ELIGIBLE, LeaverStatus.RELEVANT, LeaverStatus.FORMER_RELEVANT}
FORMER_RELEVANT_FROM = 18  # a former relevant child from the 18th birthday (Children Act 1989 s23C(1))


def care_leavers(person_ids, on) -> dict[int, tuple]:
    """{person id: (status, date of birth, stays)} for the eligible, relevant and former relevant among
    them."""
    stays = stays_of(person_ids)
    births = dict(
        Person.objects.filter(pk__in=stays, birth_date__isnull=False).values_list("pk", "birth_date")
    )
    found = {}
    for person_id, birth_date in births.items():
        leaver_status = status(birth_date, stays[person_id], on)
        if leaver_status in ENTITLED:
            found[person_id] = (leaver_status, birth_date, stays[person_id])
    return found


def needs_assessment_and_plan_due(since: datetime.date, assessed: datetime.date | None) -> tuple:
    """(needs assessment due, pathway plan due) for a child eligible from `since` (the 16th birthday or
    later):
    the assessment within 3 months (reg 42(1)); the plan follows it (regs 41 and 43), so it is due by the
    assessment's deadline, or the day the assessment was completed if later."""
    assessment_due = registry.get("LEAVING_CARE_NEEDS_ASSESSMENT").due(since)
    return assessment_due, max(assessment_due, assessed) if assessed else assessment_due


@due_source
def advisers_and_plans(person_ids, on):
    """A personal adviser, needs assessment and pathway plan for each care leaver, and Staying Close for the
    former relevant: one source, so who is a care leaver is worked out once."""
    leavers = care_leavers(person_ids, on)
    yield from staying_close(leavers)
    with_adviser = set(
        Involvement.objects.filter(
            open_on(on), person_id__in=leavers, kind=InvolvementKind.PERSONAL_ADVISER
        ).values_list("person_id", flat=True)
    )
    plans = {
        plan.person_id: plan
        for plan in PathwayPlan.objects.filter(person_id__in=leavers, ended_on__isnull=True)
    }
    assessed = dict(
        LeavingCareNeedsAssessment.objects.filter(person_id__in=leavers)
        .values("person_id")
        .annotate(last=Max("completed_on"))
        .values_list("person_id", "last")
    )
    for person_id, (_, birth_date, stays) in leavers.items():
        plan = plans.get(person_id)
        if plan is not None:
            yield DueItem(person_id, "Review the pathway plan", plan.next_review_due, "PATHWAY_PLAN_REVIEW")
            if person_id in with_adviser:
                continue  # nothing is due from eligibility: skip working out when it began
        since = eligible_from(birth_date, stays) or registry.get("PERSONAL_ADVISER_FROM_16").due(birth_date)
        if person_id not in with_adviser:
            yield DueItem(person_id, "Allocate a personal adviser", since, "PERSONAL_ADVISER_FROM_16")
        if plan is None:
            assessment_due, plan_due = needs_assessment_and_plan_due(since, assessed.get(person_id))
            if person_id not in assessed:
                yield DueItem(
                    person_id,
                    "Complete the needs assessment",
                    assessment_due,
                    "LEAVING_CARE_NEEDS_ASSESSMENT",
                )
            yield DueItem(person_id, "Prepare the pathway plan", plan_due, "PATHWAY_PLAN")


def staying_close(care_leavers_found: dict):
    """Assess whether each former relevant child under 25 needs Staying Close support: due by the council's
    standard from becoming a former relevant child, so it can be overdue long before the 25th birthday."""
    leavers = {
        pid: facts for pid, facts in care_leavers_found.items() if facts[0] == LeaverStatus.FORMER_RELEVANT
    }
    considered = set(
        StayingCloseConsideration.objects.filter(person_id__in=leavers).values_list("person_id", flat=True)
    )
    deadline = registry.get("STAYING_CLOSE_ASSESSMENT")
    for person_id, (_, birth_date, _) in leavers.items():
        if person_id not in considered:
            yield DueItem(
                person_id,
                "Assess whether Staying Close support is needed",
                deadline.due(birthday(birth_date, FORMER_RELEVANT_FROM)),
                "STAYING_CLOSE_ASSESSMENT",
            )


def adviser_visit_due(
    home_from: datetime.date,
    visits: list[datetime.date],
    last_review: datetime.date | None,
    review_due: datetime.date | None,
) -> tuple[datetime.date, str]:
    """(due, code) of the personal adviser's next visit to accommodation the council provides (Care Leavers
    Regulations reg 8(2)): within 7 days of it first being provided, at most 2 months apart, and before each
    pathway plan review. `visits` are those since the young person moved in; `last_review` the latest review
    (or the plan's start), `review_due` the next."""
    if not visits:
        due = [
            (
                registry.get("PERSONAL_ADVISER_VISIT_AFTER_MOVE").due(home_from),
                "PERSONAL_ADVISER_VISIT_AFTER_MOVE",
            )
        ]
    else:
        due = [(registry.get("PERSONAL_ADVISER_VISIT").due(visits[-1]), "PERSONAL_ADVISER_VISIT")]
    if review_due is not None and not any(day > last_review for day in visits):
        due.append((review_due, "PERSONAL_ADVISER_VISIT"))
    return min(due)


@due_source
def adviser_visits(person_ids, on):
    """Visits where the young person's current accommodation is provided by the council (s23B or s24B)."""
    leavers = [
        pid for pid, facts in care_leavers(person_ids, on).items() if facts[0] != LeaverStatus.ELIGIBLE
    ]
    homes = {}
    for row in Accommodation.objects.filter(person_id__in=leavers, from_date__lte=on).order_by(
        "from_date", "pk"
    ):
        homes[row.person_id] = row
    provided = {pid: home.from_date for pid, home in homes.items() if home.provided_by_council}
    if not provided:
        return
    visits = {}
    for person_id, day in (
        KeepingInTouch.objects.filter(person_id__in=provided, visit_at_accommodation=True)
        .order_by("contacted_on")
        .values_list("person_id", "contacted_on")
    ):
        visits.setdefault(person_id, []).append(day)
    plans = {
        plan.person_id: plan
        for plan in PathwayPlan.objects.filter(person_id__in=provided, ended_on__isnull=True)
    }
    reviewed = dict(
        PathwayPlanReview.objects.filter(plan__in=plans.values())
        .values("plan__person_id")
        .annotate(last=Max("reviewed_on"))
        .values_list("plan__person_id", "last")
    )
    for person_id, home_from in provided.items():
        plan = plans.get(person_id)
        last_review = reviewed.get(person_id) or (plan.started_on if plan else None)
        since_move = [day for day in visits.get(person_id, []) if day >= home_from]
        due, code = adviser_visit_due(
            home_from, since_move, last_review, plan.next_review_due if plan else None
        )
        yield DueItem(person_id, "Personal adviser's visit to their accommodation", due, code)


@due_source
def birthday_information(person_ids, on):
    for row in snapshots_due(on, person_ids):
        if row.snapshot is None:
            yield DueItem(
                row.person.pk,
                f"Record care leaver information at {row.age}",
                row.due,
                "CARE_LEAVER_BIRTHDAY_INFORMATION",
            )
