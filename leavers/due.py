"""Leaving care deadlines: a personal adviser and pathway plan once eligible, pathway plan reviews,
Staying Close for every former relevant child, and the OC3 birthday information."""
from django.db.models import Q

from access.models import Involvement, InvolvementKind
from people.models import Person
from timescales import registry
from timescales.due import DueItem, due_source

from .codes import LeaverStatus
from .eligibility import eligible_from, status, stays_of
from .models import PathwayPlan, StayingCloseConsideration
from .snapshots import snapshots_due

ENTITLED = {LeaverStatus.ELIGIBLE, LeaverStatus.RELEVANT, LeaverStatus.FORMER_RELEVANT}


def care_leavers(person_ids, on) -> dict[int, tuple]:
    """{person id: (status, date of birth, stays)} for the eligible, relevant and former relevant among them."""
    stays = stays_of(person_ids)
    births = dict(Person.objects.filter(pk__in=stays, birth_date__isnull=False).values_list("pk", "birth_date"))
    found = {}
    for person_id, birth_date in births.items():
        leaver_status = status(birth_date, stays[person_id], on)
        if leaver_status in ENTITLED:
            found[person_id] = (leaver_status, birth_date, stays[person_id])
    return found


@due_source
def advisers_and_plans(person_ids, on):
    """A personal adviser and pathway plan for each care leaver, and Staying Close for the former relevant:
    one source, so who is a care leaver is worked out once."""
    leavers = care_leavers(person_ids, on)
    yield from staying_close(leavers)
    with_adviser = set(Involvement.objects.filter(
        Q(end_date__isnull=True) | Q(end_date__gte=on), person_id__in=leavers, kind=InvolvementKind.PERSONAL_ADVISER,
        start_date__lte=on).values_list("person_id", flat=True))
    plans = {plan.person_id: plan for plan in PathwayPlan.objects.filter(person_id__in=leavers, ended_on__isnull=True)}
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
            yield DueItem(person_id, "Prepare the pathway plan", since, "PERSONAL_ADVISER_FROM_16")


def staying_close(care_leavers_found: dict):
    leavers = {pid: facts for pid, facts in care_leavers_found.items() if facts[0] == LeaverStatus.FORMER_RELEVANT}
    considered = set(StayingCloseConsideration.objects.filter(person_id__in=leavers).values_list("person_id", flat=True))
    deadline = registry.get("STAYING_CLOSE_TO_25")
    for person_id, (_, birth_date, _) in leavers.items():
        if person_id not in considered:
            yield DueItem(person_id, "Consider Staying Close support", deadline.due(birth_date), "STAYING_CLOSE_TO_25")


@due_source
def birthday_information(person_ids, on):
    for row in snapshots_due(on, person_ids):
        if row.snapshot is None:
            yield DueItem(row.person.pk, f"Record care leaver information at {row.age}", row.due,
                          "CARE_LEAVER_BIRTHDAY_INFORMATION")
