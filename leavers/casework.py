"""The Leaving care card on a young person's record: their status, personal adviser and pathway plan."""

from django.urls import reverse
from django.utils import timezone

from access.models import Involvement, InvolvementKind
from access.parts import Part, current_plan
from people.casework import Card, Link, Row, card
from people.duework import describe_due

from .eligibility import status, stays_for
from .models import PathwayPlan


@card(70, Part.LEAVING_CARE)
def leaving_care(child, user):
    today = timezone.localdate()
    leaver_status = status(child.person.birth_date, stays_for(child.ids), today)
    if leaver_status is None:
        return None
    url = reverse("leavers:record", args=[child.person.pk])
    adviser = (
        Involvement.objects.filter(
            person_id__in=child.ids, kind=InvolvementKind.PERSONAL_ADVISER, end_date__isnull=True
        )
        .select_related("user")
        .first()
    )
    rows = [
        Row("Status", leaver_status.label, url),
        Row(
            "Personal adviser",
            str(adviser.user) if adviser else "None allocated",
            parts=(Part.LEAVING_CARE, Part.WORKERS),
        ),
    ]
    plan = (
        PathwayPlan.objects.filter(person_id__in=child.ids, ended_on__isnull=True)
        .order_by("-started_on")
        .first()
    )
    if plan:
        review, colour = describe_due(plan.next_review_due, today)
        rows.append(
            Row(
                "Pathway plan review",
                f"{plan.next_review_due:%-d %B %Y}",
                tag=review,
                tag_colour=colour,
                parts=current_plan(Part.LEAVING_CARE, in_force=True),
            )
        )
    return Card("Leaving care", rows, [Link("Open the leaving care record", url)])
