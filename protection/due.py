"""Child protection deadlines: initial conferences, review conferences, visits, and drift."""

from django.db.models import Exists, Max, OuterRef

from timescales import registry
from timescales.due import DueItem, due_source

from .codes import ConferenceKind, Section47Outcome
from .models import (
    ChildProtectionConference,
    ChildProtectionPlan,
    CoreGroupMeeting,
    Section47,
    Visit,
    VisitKind,
)


@due_source
def initial_conferences(person_ids, on):
    """Enquiries heading to (or still deciding on) an initial conference that has not been held."""
    waiting = Section47.objects.filter(
        person_id__in=person_ids, icpc_not_required=False, outcome__in=["", Section47Outcome.ICPC]
    ).exclude(conferences__kind=ConferenceKind.INITIAL)
    for enquiry in waiting.only("person_id", "icpc_due"):
        yield DueItem(
            enquiry.person_id, "Hold the initial child protection conference", enquiry.icpc_due, "ICPC"
        )


def _open_plans(person_ids):
    return ChildProtectionPlan.objects.filter(person_id__in=person_ids, end_date__isnull=True)


@due_source
def review_conferences(person_ids, on):
    reviewed = ChildProtectionConference.objects.filter(plan=OuterRef("pk"), kind=ConferenceKind.REVIEW)
    plans = _open_plans(person_ids).exclude(next_review_due=None).annotate(reviewed=Exists(reviewed))
    for plan in plans.only("person_id", "next_review_due"):
        code = "CP_REVIEW_SUBSEQUENT" if plan.reviewed else "CP_REVIEW_FIRST"
        yield DueItem(
            plan.person_id, "Hold the child protection review conference", plan.next_review_due, code
        )


@due_source
def first_core_groups(person_ids, on):
    """Open plans whose core group has not met: due 10 working days after the initial conference, the day the
    plan started."""
    met = CoreGroupMeeting.objects.filter(plan=OuterRef("pk"))
    plans = _open_plans(person_ids).annotate(met=Exists(met)).filter(met=False)
    first = registry.get("CP_CORE_GROUP_FIRST")
    for plan in plans.only("person_id", "start_date"):
        yield DueItem(
            plan.person_id,
            "Hold the first core group meeting",
            first.due(plan.start_date),
            "CP_CORE_GROUP_FIRST",
        )


@due_source
def visits_and_drift(person_ids, on):
    """Each child on a plan is visited at the local interval; a plan open 18 months is flagged."""
    plans = list(_open_plans(person_ids).only("person_id", "start_date"))
    last_visits = dict(
        Visit.objects.filter(
            person_id__in=[p.person_id for p in plans], kind=VisitKind.CHILD_PROTECTION, child_seen=True
        )
        .values_list("person_id")
        .annotate(last=Max("visited_on"))
    )
    visit_rule, drift_rule = registry.get("CP_VISIT"), registry.get("CP_PLAN_DRIFT")
    for plan in plans:
        since = last_visits.get(plan.person_id, plan.start_date)
        yield DueItem(
            plan.person_id, "Visit the child (child protection plan)", visit_rule.due(since), "CP_VISIT"
        )
        drift_from = drift_rule.due(plan.start_date)
        if drift_from <= on:
            yield DueItem(
                plan.person_id,
                "Child protection plan open over 18 months: management review",
                drift_from,
                "CP_PLAN_DRIFT",
                drift=True,
            )
