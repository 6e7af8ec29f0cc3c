"""What the API tells a partner agency about a child: only what the agency's shares in force cover, each
answer written to the disclosure log with the parts it held."""

from django.utils import timezone

from access.disclosures import under_shares
from access.models import Involvement, InvolvementKind
from access.parts import Part
from access.shares import DisclosureChannel
from familyhelp.models import CINPlan
from leavers.models import PathwayPlan
from people.merging import merged_ids
from protection.models import ChildProtectionPlan

from .schemas import PlanOut, PractitionerOut

LEAD_KINDS = [
    InvolvementKind.LEAD_CP_PRACTITIONER,
    InvolvementKind.ALLOCATED_WORKER,
    InvolvementKind.LEAD_PRACTITIONER,
    InvolvementKind.PERSONAL_ADVISER,
]


def lead_practitioner(person) -> PractitionerOut | None:
    today = timezone.localdate()
    current = Involvement.objects.filter(
        person_id__in=merged_ids(person), user__isnull=False, kind__in=LEAD_KINDS, start_date__lte=today
    )
    current = current.exclude(end_date__lt=today).select_related("user", "team")
    found = sorted(current, key=lambda i: (LEAD_KINDS.index(i.kind), -i.start_date.toordinal(), i.pk))
    if not found:
        return None
    lead = found[0]
    return PractitionerOut(
        name=str(lead.user),
        role=lead.user.job_title or lead.get_kind_display(),
        team=lead.team.name if lead.team else None,
    )


def current_plans(person) -> list[PlanOut]:
    """The child in need, child protection and pathway plans in force, oldest first."""
    ids = merged_ids(person)
    plans = [
        PlanOut(plan="child_in_need", started_on=p.start_date, next_review_due=p.next_review_due)
        for p in CINPlan.objects.filter(person_id__in=ids, end_date__isnull=True)
    ]
    plans += [
        PlanOut(
            plan="child_protection",
            started_on=p.start_date,
            category=p.get_latest_category_display(),
            next_review_due=p.next_review_due,
        )
        for p in ChildProtectionPlan.objects.filter(person_id__in=ids, end_date__isnull=True)
    ]
    plans += [
        PlanOut(plan="pathway", started_on=p.started_on, next_review_due=p.next_review_due)
        for p in PathwayPlan.objects.filter(person_id__in=ids, ended_on__isnull=True)
    ]
    return sorted(plans, key=lambda plan: plan.started_on)


def lookup(request, person, number: str, shares) -> dict:
    """The answer to "is this child known?" within the shares' scope, logged as a disclosure."""
    shared = frozenset().union(*(share.part_set for share in shares))
    answer = {"nhs_number": number, "known": True, "shared": [part.value for part in Part if part in shared]}
    disclosed = {Part.IDENTITY}
    if Part.WORKERS in shared:
        answer["lead_practitioner"] = lead_practitioner(person)
        disclosed.add(Part.WORKERS)
    if Part.PLANS in shared:
        answer["current_plans"] = current_plans(person)
        disclosed.add(Part.PLANS)
    told = ", ".join(part.label.lower() for part in Part if part in disclosed)
    disclosed_to(request, person, disclosed, f"Is this child known? Answered: {told}")
    return answer


def disclosed_to(request, person, parts, what: str) -> None:
    """Log an API answer about this child under the calling agency's shares."""
    client = request.api_client
    under_shares(
        client.agency_id,
        {person.pk: parts},
        channel=DisclosureChannel.API,
        what=what,
        client=f"{client.name} (key {client.key_prefix})",
        path=request.get_full_path(),
        merged={person.pk: merged_ids(person)},
    )
