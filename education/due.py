"""Education deadlines for the due-work registry: consent, notices, enquiries, provision, EHC plans.

One source: a first query keeps the children open to an education team (education work always opens
the child to one), so a social worker's list costs one query here; then a handful of indexed queries
for the rest. Due dates are stored on the records (from the registry) or worked out from a stored
date with the registry.
"""

from django.db.models import Exists, Max, OuterRef

from access.models import Involvement
from timescales import registry
from timescales.due import DueItem, PersonIds, due_source

from .access import EDUCATION_TEAMS
from .codes import EnquiryKind, ExclusionKind
from .models import (
    AnnualReview,
    AttendanceOrderStep,
    CmeReferral,
    ConsentDecision,
    EhcPlan,
    EhcRequest,
    Enquiry,
    Exclusion,
    HomeEducationNotice,
    PmeReferral,
)


def home_education(scope, on):
    decided = ConsentDecision.objects.filter(notice=OuterRef("pk"))
    held = scope(HomeEducationNotice.objects.filter(consent_needed=True, entry__isnull=True))
    for person_id, due in held.exclude(Exists(decided)).values_list("person_id", "consent_due"):
        yield DueItem(person_id, "Decide on consent to home educate", due, "HOME_EDUCATION_CONSENT")
    first = registry.get("EHE_FIRST_ENQUIRY")
    waiting = scope(
        HomeEducationNotice.objects.filter(
            entry__closed_on__isnull=True, entry__isnull=False, first_enquiry_on__isnull=True
        )
    )
    for person_id, received in waiting.values_list("person_id", "received_on"):
        yield DueItem(
            person_id, "First enquiry to the home-educating family", first.due(received), "EHE_FIRST_ENQUIRY"
        )


def attendance_orders(scope, on):
    """The parent's time to respond to the latest notice, while no later step is recorded."""
    latest = scope(AttendanceOrderStep.objects.all()).values("person_id").annotate(last=Max("served_on"))
    last_on = {row["person_id"]: row["last"] for row in latest}
    steps = scope(AttendanceOrderStep.objects.filter(response_due__isnull=False))
    for person_id, served, due, step in steps.values_list("person_id", "served_on", "response_due", "step"):
        if served == last_on.get(person_id):
            code = AttendanceOrderStep.DUE_CODES[step]
            yield DueItem(person_id, "Parent's time to respond ends: take the next step", due, code)


def missing_education(scope, on):
    open_ = scope(CmeReferral.objects.filter(outcome_on__isnull=True))
    visited = Enquiry.objects.filter(cme=OuterRef("pk"), kind=EnquiryKind.HOME_VISIT)
    for person_id, visit_due, enquiries_due, was_visited in open_.annotate(
        visited=Exists(visited)
    ).values_list("person_id", "visit_due", "enquiries_due", "visited"):
        if not was_visited:
            yield DueItem(
                person_id, "Home visit to the child missing education", visit_due, "CME_FIRST_VISIT"
            )
        yield DueItem(
            person_id, "Finish the checks for the child missing education", enquiries_due, "CME_ENQUIRIES"
        )
    untriaged = scope(PmeReferral.objects.filter(first_step_on__isnull=True, closed_on__isnull=True))
    for person_id, due in untriaged.values_list("person_id", "triage_due"):
        yield DueItem(person_id, "Triage the school's referral", due, "PME_TRIAGE")
    allocation = registry.get("PME_ALLOCATION")
    waiting = scope(
        PmeReferral.objects.filter(
            waiting_since__isnull=False, allocated_on__isnull=True, closed_on__isnull=True
        )
    )
    for person_id, since in waiting.values_list("person_id", "waiting_since"):
        yield DueItem(person_id, "Allocate an education officer", allocation.due(since), "PME_ALLOCATION")


def excluded_pupils(scope, on):
    waiting = scope(Exclusion.objects.filter(kind=ExclusionKind.PERMANENT, provision_from__isnull=True))
    for person_id, due in waiting.values_list("person_id", "provision_due"):
        yield DueItem(
            person_id,
            "Full-time education from the sixth school day of the exclusion",
            due,
            "EXCLUDED_PUPIL_EDUCATION",
        )


def ehc_plans(scope, on):
    requests = scope(EhcRequest.objects.all())
    for person_id, due in requests.filter(decided_on__isnull=True).values_list("person_id", "decision_due"):
        yield DueItem(
            person_id, "Decide whether to carry out an EHC needs assessment", due, "EHC_DECISION_TO_ASSESS"
        )
    assessing = requests.filter(assess=True, plan__isnull=True).exclude(issue=False)
    for person_id, due in assessing.values_list("person_id", "plan_due"):
        yield DueItem(person_id, "Issue the final EHC plan", due, "EHC_FINAL_PLAN")
    plans = scope(EhcPlan.objects.filter(ceased_on__isnull=True))
    for person_id, due in plans.values_list("person_id", "next_review_due"):
        yield DueItem(person_id, "EHC plan annual review", due, "EHC_ANNUAL_REVIEW")
    reviews = scope(AnnualReview.objects.filter(decided_on__isnull=True), "plan__person_id")
    for person_id, due in reviews.values_list("plan__person_id", "decision_due"):
        yield DueItem(person_id, "Notify the decision after the annual review", due, "EHC_REVIEW_DECISION")


home_education.codes = {"HOME_EDUCATION_CONSENT", "EHE_FIRST_ENQUIRY"}
attendance_orders.codes = {"SAO_NOTICE_TO_SATISFY", "SAO_SCHOOL_CHOICE"}
missing_education.codes = {"CME_FIRST_VISIT", "CME_ENQUIRIES", "PME_TRIAGE", "PME_ALLOCATION"}
excluded_pupils.codes = {"EXCLUDED_PUPIL_EDUCATION"}
ehc_plans.codes = {"EHC_DECISION_TO_ASSESS", "EHC_FINAL_PLAN", "EHC_ANNUAL_REVIEW", "EHC_REVIEW_DECISION"}
PARTS = (home_education, attendance_orders, missing_education, excluded_pupils, ehc_plans)


@due_source
def education(person_ids, on):
    held = Involvement.objects.filter(person_id__in=person_ids, team__kind__in=EDUCATION_TEAMS)
    ids = set(held.values_list("person_id", flat=True))
    if not ids:
        return
    yield from items_for(in_list(PersonIds(ids)), on, PARTS)


def in_list(person_ids):
    """Scope records to these children (ids): for a few children, as the due-work registry has them."""
    return lambda records, field="person_id": records.filter(**{f"{field}__in": person_ids})


def held_by(children):
    """Scope records to children in a subquery of person ids, probing it per record: for a team's tens of
    thousands of children, where the records due are far fewer than the children."""
    return lambda records, field="person_id": records.filter(
        Exists(children.filter(person_id=OuterRef(field)))
    )


def items_for(scope, on, parts):
    for part in parts:
        yield from part(scope, on)
